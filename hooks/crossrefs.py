"""Paragraph numbers, the provisions registry, citations and backlinks (logic in ``edition/``).

Called by the adapter (``hooks/build.py``), in the order of each language build's events:

- ``check_settings`` (``on_config``): load the registry (``data/*.yml``) and the edition's facts (``data/edition.yml``),
  validated against ``data/schemas/``.
- ``index_pages`` (``on_files`` at -200): mkdocs-static-i18n (-100) has by then kept only this language's
  pages, so the index holds one language. Every page is checked before any is rendered (numbering,
  unknown or duplicate ids, malformed references, provisions quoted and cited); all problems are
  raised together as one ``PluginError`` naming file and line. The pages were scanned up front by
  ``hooks/parity.py`` (``state.language(lang).scanned``): when that scan holds exactly this
  language's pages (same ``src_uri``, same files), it is used; otherwise (a site of one language) the
  pages are scanned here. The index is made here in MkDocs' order of the pages (the order of the
  paragraphs that later hooks follow), in milliseconds, kept as ``state.language(lang).index``.
- ``hand_renderer`` (``on_page_markdown``): Markdown itself reads the directives and ``[[…]]`` references, through the
  extension ``edition.text.markdown_syntax`` (listed under ``markdown_extensions``). MkDocs makes one
  Markdown per page from the extensions' configuration (``mdx_configs``), so the page's
  ``PageRenderer`` (this language's index and registry, URLs computed by MkDocs' own ``File``
  objects, HTML from ``overrides/partials/edition/``) is put there, and Markdown hands it to the
  extension.
- ``check_made`` (``on_page_content``): what the extension made must be what the scan found (a directive inside an
  HTML block, say, is not read by Markdown): any difference stops the build, naming file and line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from edition.shared.problems import EditionError, format_problems
from edition.text.crossrefs import build_index
from edition.text.render import PageRenderer
from edition.text.syntax import ScannedPage, made_by_scan, scan

from build_state import BuildState, LanguageBuild
from project import project_facts, project_registry, project_root
from site_links import site_links

# ---------------------------------------------------------------------------------------------
# Events


EXTENSION = "edition.text.markdown_syntax"


def check_settings(config: MkDocsConfig, *, state: BuildState) -> None:
    if EXTENSION not in config.markdown_extensions:
        raise PluginError(f"mkdocs.yml: '{EXTENSION}' must be listed under markdown_extensions")
    try:
        project_registry(config, state)
        project_facts(config, state)  # data/edition.yml: a wrong value is a clean error here, not a traceback later
    except EditionError as error:
        raise PluginError(str(error)) from error


def index_pages(files: Files, config: MkDocsConfig, *, lang: str, state: BuildState) -> Files:
    language = state.language(lang)
    root = project_root(config)
    pages = {f.src_uri: _shown(f, root) for f in files.documentation_pages()}
    if {uri: page.path for uri, page in language.scanned.items()} == pages:
        scanned = {uri: language.scanned[uri] for uri in pages}  # in MkDocs' order
    else:
        scanned = {f.src_uri: scan(f.content_string, path=pages[f.src_uri]) for f in files.documentation_pages()}
    index, problems = build_index(list(scanned.items()), project_registry(config, state))
    if problems:
        raise PluginError(format_problems(problems))
    language.scanned, language.index = scanned, index
    return files


def hand_renderer(
    markdown: str, page: Page, config: MkDocsConfig, files: Files, *, lang: str, state: BuildState
) -> str:
    language = state.language(lang)
    scanned = language.scanned.get(page.file.src_uri)
    renderer = None
    if scanned is not None and language.index is not None:
        env = language.templates(config)

        def templates(name: str, /, **context: Any) -> str:
            return str(env.get_template(f"partials/edition/{name}").render(**context))

        links = site_links(config, files, lang=lang, state=state)
        renderer = PageRenderer(language.index, links.registry, lang, templates, links, page.url)
    config.mdx_configs.setdefault(EXTENSION, {})["renderer"] = renderer
    return markdown


def check_made(html: str, page: Page, config: MkDocsConfig, *, here: LanguageBuild) -> str:
    renderer = config.mdx_configs.get(EXTENSION, {}).pop("renderer", None)
    scanned = here.scanned.get(page.file.src_uri)
    if renderer is not None and scanned is not None:
        _made_by_scan(scanned, renderer.made)
    return html


# ---------------------------------------------------------------------------------------------
# Helpers


# Why: problems name the file as an author sees it in the repository.
def _shown(file: File, root: Path) -> str:
    path = Path(file.abs_src_path or file.src_path)
    return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)


# Why: the scan (phase one) and Markdown must read the page alike, or the index would not be the page.
def _made_by_scan(scanned: ScannedPage, made: list[tuple[str, str]]) -> None:
    problems = made_by_scan(scanned, made)
    if problems:
        raise PluginError(format_problems(problems))
