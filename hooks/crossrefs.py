"""Paragraph numbers, the provisions registry, citations and backlinks (logic in ``edition/``).

MkDocs events, in the order each language build fires them:

- ``on_config``: load the registry (``data/*.yml``) and the edition's facts (``data/edition.yml``),
  validated against ``data/schemas/``.
- ``on_files`` at priority -200: mkdocs-static-i18n (-100) has by then kept only this language's
  pages, so the index holds one language. Every page is checked before any is rendered (numbering,
  unknown or duplicate ids, malformed references, provisions quoted and cited); all problems are
  raised together as one ``PluginError`` naming file and line. The pages were scanned up front by
  ``hooks/parity.py`` (``STATE.language(lang).scanned``): when that scan holds exactly this
  language's pages (same ``src_uri``, same files), it is used; otherwise (a site of one language) the
  pages are scanned here. The index is made here in MkDocs' order of the pages (the order of the
  paragraphs that later hooks follow), in milliseconds, and is ``STATE.index`` for this language.
- ``on_page_markdown``: Markdown itself reads the directives and ``[[…]]`` references, through the
  extension ``edition.text.markdown_syntax`` (listed under ``markdown_extensions``). MkDocs makes one
  Markdown per page from the extensions' configuration (``mdx_configs``), so the page's
  ``PageRenderer`` (this language's index and registry, URLs computed by MkDocs' own ``File``
  objects, HTML from ``overrides/partials/edition/``) is put there, and Markdown hands it to the
  extension.
- ``on_page_content``: what the extension made must be what the scan found (a directive inside an
  HTML block, say, is not read by Markdown): any difference stops the build, naming file and line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from edition.shared.problems import EditionError, format_problems
from edition.text.crossrefs import build_index
from edition.text.links import Links
from edition.text.render import PageRenderer
from edition.text.syntax import ScannedPage, made_by_scan, scan

from build_state import STATE
from project import project_facts, project_registry, project_root
from site_languages import current_language
from site_links import page_urls

# ---------------------------------------------------------------------------------------------
# Events


EXTENSION = "edition.text.markdown_syntax"


def on_config(config: MkDocsConfig) -> None:
    if EXTENSION not in config.markdown_extensions:
        raise PluginError(f"mkdocs.yml: '{EXTENSION}' must be listed under markdown_extensions")
    try:
        project_registry(config)
        project_facts(config)  # data/edition.yml: a wrong value is a clean error here, not a traceback later
    except EditionError as error:
        raise PluginError(str(error)) from error


@event_priority(-200)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    language = STATE.language(current_language(config))
    root = project_root(config)
    pages = {f.src_uri: _shown(f, root) for f in files.documentation_pages()}
    if {uri: page.path for uri, page in language.scanned.items()} == pages:
        scanned = {uri: language.scanned[uri] for uri in pages}  # in MkDocs' order
    else:
        scanned = {f.src_uri: scan(f.content_string, path=pages[f.src_uri]) for f in files.documentation_pages()}
    index, problems = build_index(list(scanned.items()), project_registry(config))
    if problems:
        raise PluginError(format_problems(problems))
    language.scanned, language.index = scanned, index
    STATE.index = index
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    language = STATE.language(current_language(config))
    scanned = language.scanned.get(page.file.src_uri)
    renderer = None
    if scanned is not None and language.index is not None:
        env = language.templates(config)

        def templates(name: str, /, **context: Any) -> str:
            return str(env.get_template(f"partials/edition/{name}").render(**context))

        lang = getattr(page.file, "locale", None) or config.theme.get("language", "en")
        registry = project_registry(config)
        links = Links(language.index, registry, lang, page_urls(files))
        renderer = PageRenderer(language.index, registry, lang, templates, links, page.url)
    config.mdx_configs.setdefault(EXTENSION, {})["renderer"] = renderer
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    renderer = config.mdx_configs.get(EXTENSION, {}).pop("renderer", None)
    scanned = STATE.language(current_language(config)).scanned.get(page.file.src_uri)
    if renderer is not None and scanned is not None:
        _check_made(scanned, renderer.made)
    return html


# ---------------------------------------------------------------------------------------------
# Helpers


# Why: problems name the file as an author sees it in the repository.
def _shown(file: File, root: Path) -> str:
    path = Path(file.abs_src_path or file.src_path)
    return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)


# Why: the scan (phase one) and Markdown must read the page alike, or the index would not be the page.
def _check_made(scanned: ScannedPage, made: list[tuple[str, str]]) -> None:
    problems = made_by_scan(scanned, made)
    if problems:
        raise PluginError(format_problems(problems))
