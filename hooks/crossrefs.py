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
- ``on_page_markdown``: directives and ``[[…]]`` references become the edition's HTML, rendered from
  ``overrides/partials/edition/`` with URLs computed by MkDocs' own ``File`` objects. The page is
  rendered from the Markdown MkDocs hands over (front matter already removed), never from the raw
  file that was scanned, or the front matter would be printed as text. The edition's blocks (a
  paragraph's number and apparatus, a quoted provision, the instruments list) are held out of
  Markdown: it gets a token line for each (``edition/shared/held_html.py``).
- ``on_page_content`` at priority 100, before every hook that reads the page's HTML: the held blocks
  are put back in place of their tokens.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from edition.shared.held_html import put_back
from edition.shared.problems import EditionError, format_problems
from edition.text.crossrefs import build_index
from edition.text.links import Links
from edition.text.render import PageRenderer, render_page
from edition.text.syntax import scan

from build_state import STATE
from project import project_facts, project_registry, project_root
from site_languages import current_language
from site_links import page_urls

# ---------------------------------------------------------------------------------------------
# Events


def on_config(config: MkDocsConfig) -> None:
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
    if scanned is None or language.index is None:
        return markdown
    env = language.templates(config)

    def templates(name: str, /, **context: Any) -> str:
        return str(env.get_template(f"partials/edition/{name}").render(**context))

    lang = getattr(page.file, "locale", None) or config.theme.get("language", "en")
    registry = project_registry(config)
    links = Links(language.index, registry, lang, page_urls(files))
    renderer = PageRenderer(language.index, registry, lang, templates, links, page.url)
    markdown = render_page(scan(markdown, path=scanned.path), renderer)
    language.held[page.file.src_uri] = renderer.held
    return markdown


# Why: first of all the hooks that read a page's HTML, so that each sees the edition's blocks in place.
@event_priority(100)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    held = STATE.language(current_language(config)).held.pop(page.file.src_uri, [])
    try:
        return put_back(html, held, page=page.file.src_uri)
    except ValueError as error:
        raise PluginError(str(error)) from error


# ---------------------------------------------------------------------------------------------
# Helpers


# Why: problems name the file as an author sees it in the repository.
def _shown(file: File, root: Path) -> str:
    path = Path(file.abs_src_path or file.src_path)
    return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
