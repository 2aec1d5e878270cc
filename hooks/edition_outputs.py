"""Helper for the hooks (not a hook): what the edition's tools write once every language is built.

``hooks/every_language.py`` calls these in its after-every-language sequence: the edition as data (one JSON
document per language with its schema, logic in ``edition/downloads/edition_data.py``) and the comparison
pages (logic in ``edition/tools/compare.py``), which read each language's finished chapters, kept in the
build state by ``hooks/edition_data.py`` (``state.editions``), and the comparison pages noted by
``hooks/compare.py`` (``state.compare_pages``); and, for the offline edition, the website's comment
files (``edition/comments/data.py``).
"""

from __future__ import annotations

import functools
import json
import shutil
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from edition.comments.data import relinked
from edition.comments.text import RefSlot
from edition.comments.views import data_path
from edition.downloads.edition_data import document_problems, edition_document
from edition.downloads.offline import file_address, online_address
from edition.shared.yaml_text import load_yaml
from edition.tools.compare import aligned_parts, aligned_provisions

from build_state import BuildState
from project import project_facts, project_registry, project_root
from site_languages import edition_prefix, site_languages
from site_variant import offline_variant

FOLDER = "data"  # at the site root: /data/edition-en.json, /data/edition.schema.json
DOCUMENT = FOLDER + "/edition-{lang}.json"
SCHEMA = FOLDER + "/edition.schema.json"
SCHEMA_SOURCE = "data/schemas/edition-data.schema.yml"
COMPARE_PLACE = "<!-- edition:compare -->"  # left by hooks/compare.py in each comparison page


# Why: once every language is built (hooks/every_language.py), the documents are assembled, checked and written.
def edition_documents(config: MkDocsConfig, root_site: Path, *, state: BuildState) -> None:
    root = project_root(config)
    languages, default = site_languages(config)
    registry = project_registry(config, state)
    schema = load_yaml((root / SCHEMA_SOURCE).read_text(encoding="utf-8"))
    visible = [c for c in state.loaded.comments.comments if c.visible]
    site_url = config.site_url or ""
    problems: list[str] = []
    documents: dict[str, dict[str, Any]] = {}
    for lang in languages:
        edition = state.editions[lang]
        document = edition_document(
            edition.chapters,
            lang=lang,
            title=edition.title,
            site_url=site_url,
            home_url=edition.home_url,
            facts=project_facts(config, state),
            date=project_facts(config, state).date,
            registry=registry,
            comments=visible,
            rests_on=edition.rests_on,
            provision_pages=edition.provision_pages,
            schema_url=site_url + SCHEMA,
        )
        # The comments are the same in every language's document: checked in the first one only.
        checked = document if not documents else {**document, "comments": []}
        problems += [f"{DOCUMENT.format(lang=lang)}: {problem}" for problem in document_problems(checked, schema)]
        documents[lang] = document
    if problems:
        raise PluginError(f"The edition as data does not match {SCHEMA_SOURCE}:\n  " + "\n  ".join(problems))
    folder = root_site / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for lang, document in documents.items():
        compact = json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"  # C-encoded: 10,000 comments
        (root_site / DOCUMENT.format(lang=lang)).write_text(compact, encoding="utf-8")
    (root_site / SCHEMA).write_text(_json(schema), encoding="utf-8")


# Why: once every language is built (hooks/every_language.py), each comparison page gets all of them.
def comparison_pages(config: MkDocsConfig, root_site: Path, *, state: BuildState) -> None:
    languages, _ = site_languages(config)
    registry = project_registry(config, state)
    offline = offline_variant(config)
    names = {lang: registry.labels[lang]["language_name"] for lang in languages}
    for lang, (url, dest) in state.compare_pages.items():
        template = state.language(lang).templates(config).get_template("partials/edition/compare.html")

        def href(other: str, path: str, lang: str = lang, url: str = url) -> str | None:
            if offline and other != lang:  # a ZIP holds its own language only: the others are on the website
                return config.site_url + online_address(path) if config.site_url else None
            target, _, fragment = path.partition("#")
            relative = get_relative_url(target, url) if target else ""
            return relative + (f"#{fragment}" if fragment else "")

        chapters = {other: state.editions[other].chapters for other in languages}
        pages = {other: state.editions[other].provision_pages for other in languages}
        labels = registry.labels[lang]
        content = template.render(
            labels=labels,
            languages=[{"lang": other, "name": names[other]} for other in languages],
            names=names,
            quotes={
                other: (registry.labels[other]["quote_open"], registry.labels[other]["quote_close"])
                for other in languages
            },
            parts=aligned_parts(chapters, languages=languages, reference=lang, href=href),
            provisions=aligned_provisions(registry, languages=languages, reference=lang, pages=pages, href=href),
        )
        file = Path(dest)
        html = file.read_text(encoding="utf-8")
        file.write_text(html.replace(COMPARE_PLACE, content, 1), encoding="utf-8")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1) + "\n"


# Why: rendering 10,000 comments again, three times, for the offline edition cost seconds; its files
# are the website's, but for the links of ``[[id]]``s, which lead to files there (x.html, not x/).
def offline_comment_files(config: MkDocsConfig, site: Path, offline_site: Path, *, state: BuildState) -> None:
    languages, default = site_languages(config)
    problems = []
    for target, comments in state.loaded.comments.by_target.items():
        has_refs = any(isinstance(piece, RefSlot) for c in comments for piece in c.rendered)
        for lang in languages:
            name = edition_prefix(lang, default) + data_path(target)
            (offline_site / name).parent.mkdir(parents=True, exist_ok=True)
            if not has_refs:
                shutil.copyfile(site / name, offline_site / name)
                continue
            address = functools.partial(_file_address, site=offline_site, name=name)
            try:
                text = relinked((site / name).read_text(encoding="utf-8"), address=address)
            except ValueError as error:
                problems.append(f"{name}: {error}")
                continue
            (offline_site / name).write_text(text, encoding="utf-8")
    if problems:
        raise PluginError("The offline edition's comment files link to missing pages:\n  " + "\n  ".join(problems))


def _file_address(href: str, *, site: Path, name: str) -> str:
    return file_address(href, folder=name.rsplit("/", 1)[0], exists=lambda path: (site / path).is_file())
