"""Paragraph numbers, the provisions registry, citations and backlinks (logic in ``edition/``).

MkDocs events, in the order each language build fires them:

- ``on_config``: load the registry (``data/*.yml``), validated against ``data/schemas/``.
- ``on_files`` at priority -200: mkdocs-static-i18n (-100) has by then kept only this language's
  pages, so the index holds one language. Every page is scanned and checked before any is rendered
  (numbering, unknown or duplicate ids, malformed references, provisions quoted and cited); all
  problems are raised together as one ``PluginError`` naming file and line.
- ``on_page_markdown``: directives and ``[[…]]`` references become the edition's HTML, rendered from
  ``overrides/partials/edition/`` with URLs computed by MkDocs' own ``File`` objects. The page is
  rendered from the Markdown MkDocs hands over (front matter already removed), never from the raw
  file that ``on_files`` scanned, or the front matter would be printed as text.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from edition.crossrefs import CrossIndex, build_index
from edition.problems import EditionError, format_problems
from edition.registry import Registry
from edition.render import PageRenderer, render_page
from edition.syntax import ScannedPage, scan

import shared_index
from project import project_registry, project_root


@dataclass
class _Build:
    """What one language build knows once its pages are indexed."""

    registry: Registry
    index: CrossIndex
    scanned: dict[str, ScannedPage]
    env: Any


_build: _Build | None = None
_registry: Registry | None = None


# ---------------------------------------------------------------------------------------------
# Events


def on_config(config: MkDocsConfig) -> None:
    global _registry
    try:
        _registry = project_registry(config)
    except EditionError as error:
        raise PluginError(str(error)) from error


@event_priority(-200)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _build
    assert _registry is not None
    root = project_root(config)
    pages = [(f.src_uri, scan(f.content_string, path=_shown(f, root))) for f in files.documentation_pages()]
    index, problems = build_index(pages, _registry)
    if problems:
        raise PluginError(format_problems(problems))
    _build = _Build(_registry, index, dict(pages), config.theme.get_env())
    shared_index.current = index
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    assert _build is not None
    scanned = _build.scanned.get(page.file.src_uri)
    if scanned is None:
        return markdown
    env = _build.env

    def templates(name: str, /, **context: Any) -> str:
        return str(env.get_template(f"partials/edition/{name}").render(**context))

    def url_for(src_uri: str) -> str:
        return _url(files, page.file, src_uri)

    lang = getattr(page.file, "locale", None) or config.theme.get("language", "en")
    renderer = PageRenderer(_build.index, _build.registry, lang, templates, url_for)
    return render_page(scan(markdown, path=scanned.path), renderer)


# ---------------------------------------------------------------------------------------------
# Helpers


# Why: problems name the file as an author sees it in the repository.
def _shown(file: File, root: Path) -> str:
    path = Path(file.abs_src_path or file.src_path)
    return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)


# Why: URLs come from MkDocs' own File objects, so they are right per language and URL style.
def _url(files: Files, current: File, src_uri: str) -> str:
    if src_uri == current.src_uri:
        return ""
    target = files.get_file_from_path(src_uri)
    if target is None:
        raise PluginError(f"{current.src_uri}: link target '{src_uri}' is not part of this build")
    return target.url_relative_to(current)
