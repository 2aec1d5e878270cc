"""Helper for the hooks (not a hook): what the edition's tools write once every language is built.

``hooks/build.py`` calls these in its after-every-language sequence: the edition as data (one JSON
document per language with its schema, assembled and checked by ``edition/downloads/edition_data.py``)
and the comparison pages (``edition/tools/compare.py``), which read each language's finished chapters,
kept in the build state by ``hooks/edition_data.py`` (``state.editions``), and the comparison pages
noted by ``hooks/compare.py`` (``state.compare_pages``).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from edition.downloads.edition_data import DOCUMENT as DOCUMENT  # re-exported: hooks/edition_data.py links them
from edition.downloads.edition_data import SCHEMA as SCHEMA
from edition.downloads.edition_data import SCHEMA_SOURCE, assemble_documents, document_files
from edition.shared.yaml_text import load_yaml
from edition.tools.compare import comparison_context, comparison_href

from build_state import BuildState
from project import project_facts, project_registry, project_root
from site_languages import site_languages
from site_variant import offline_variant

COMPARE_PLACE = "<!-- edition:compare -->"  # left by hooks/compare.py in each comparison page


# Why: once every language is built, the documents are assembled, checked and written.
def edition_documents(config: MkDocsConfig, root_site: Path, *, state: BuildState) -> None:
    languages, _ = site_languages(config)
    schema = load_yaml((project_root(config) / SCHEMA_SOURCE).read_text(encoding="utf-8"))
    documents, problems = assemble_documents(
        {lang: state.editions[lang] for lang in languages},
        registry=project_registry(config, state),
        facts=project_facts(config, state),
        comments=[c for c in state.loaded.comments.comments if c.visible],
        site_url=config.site_url or "",
        schema=schema,
    )
    if problems:
        raise PluginError(f"The edition as data does not match {SCHEMA_SOURCE}:\n  " + "\n  ".join(problems))
    for name, text in document_files(documents, schema=schema).items():
        (root_site / name).parent.mkdir(parents=True, exist_ok=True)
        (root_site / name).write_text(text, encoding="utf-8")


# Why: once every language is built, each comparison page gets all of them, in the file already written.
def comparison_pages(config: MkDocsConfig, root_site: Path, *, state: BuildState) -> None:
    languages, _ = site_languages(config)
    registry = project_registry(config, state)
    chapters = {lang: state.editions[lang].chapters for lang in languages}
    pages = {lang: state.editions[lang].provision_pages for lang in languages}
    for lang, (url, dest) in state.compare_pages.items():
        href = comparison_href(here=url, lang=lang, offline=offline_variant(config), site_url=config.site_url)
        context = comparison_context(
            chapters, registry=registry, languages=languages, reference=lang, pages=pages, href=href
        )
        content = state.language(lang).templates(config).get_template("partials/edition/compare.html").render(context)
        file = Path(dest)
        file.write_text(file.read_text(encoding="utf-8").replace(COMPARE_PLACE, content, 1), encoding="utf-8")
