"""One PDF per language edition, rendered by WeasyPrint from the pages' own HTML (no second build).

MkDocs events, per language build:

- ``on_nav``: keeps the navigation, whose order is the order of the chapters (pages whose front
  matter says ``pdf: false``, such as the Comments page, are left out).
- ``on_env``: every page's Markdown is converted by now and no template is rendered yet, so the
  edition is assembled (``edition/pdf_document.py``, ``pdf/document.html``), rendered
  (``edition/pdf_render.py``, ``pdf/print.css``) and written to the edition's root; its size is
  then known to the page templates. A WeasyPrint warning fails the build.
  Its colophon (``edition/colophon.py``) says what the document is and where the web edition is
  (``site_url``, when it is a published address).
- ``on_page_context``: gives ``overrides/main.html`` the link to this edition's PDF with its size,
  and on the home page the links to every edition's PDF.
- ``on_post_build`` at priority -200 (``BuildNesting.after_every_language``), outermost build only
  (the other languages build inside the
  default language's ``on_post_build``): the home pages get the sizes of editions built after them,
  and the timings go to ``$EDITION_PDF_TIMINGS`` when it is set (``scripts/benchmark.py``).

In the offline edition (``hooks/site_variant.py``) the PDFs are not rendered again but copied from
the website's build, and other languages' PDFs are linked on the website.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from edition.colophon import EXAMPLE_NUMBER, colophon
from edition.facts import load_facts
from edition.formatting import edition_date, format_date
from edition.ids import guideline_anchor
from edition.pdf_document import Chapter, prepare_chapters
from edition.pdf_render import render_pdf

import shared_index
from download_sizes import PendingSizes
from project import project_registry, project_root
from site_languages import BuildNesting, current_language, edition_prefix, is_edition_home, site_languages
from site_variant import PDF_SOURCE, offline_variant

FILE_NAME = "babies-and-small-children-residing-in-prisons-{lang}.pdf"

_nav: Navigation | None = None
_sizes = PendingSizes("pdf", label="pdf_size")
# Timings per language, written to $EDITION_PDF_TIMINGS (JSON) for scripts/benchmark.py.
_timings: dict[str, dict[str, float]] = {}


def _forget_last_build() -> None:
    _sizes.sizes.clear()
    _timings.clear()


_builds = BuildNesting(on_start=_forget_last_build)
on_pre_build = _builds.on_pre_build
on_build_error = _builds.on_build_error


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    global _nav
    _nav = nav
    return nav


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    lang = current_language(config)
    _, default = site_languages(config)
    target = Path(config.site_dir) / _pdf_path(lang, default)
    if offline_variant(config) and os.environ.get(PDF_SOURCE):
        pdf = (Path(os.environ[PDF_SOURCE]) / _pdf_path(lang, default)).read_bytes()
    else:
        pdf = _render(config, lang, default)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(pdf)
    _sizes.sizes[lang] = len(pdf)
    return env


# Why: the edition assembled from the pages' HTML and rendered; the build fails on any warning.
def _render(config: MkDocsConfig, lang: str, default: str) -> bytes:
    assert _nav is not None
    root = project_root(config)
    labels = project_registry(config).labels[lang]
    chapters = [
        Chapter(url=_edition_url(page.url, lang, default), title=page.title or "", html=page.content or "")
        for page in _nav.pages
        if isinstance(page, Page) and page.meta.get("pdf", True)
    ]
    started = time.perf_counter()
    prepared = prepare_chapters(chapters)
    date = edition_date()
    html = (
        _templates(root)
        .get_template("document.html")
        .render(
            lang=lang,
            title=config.site_name,
            subject=config.site_description or "",
            author=config.site_author or "",
            labels=labels,
            chapters=[{"title": c.title, "html": h} for c, h in zip(chapters, prepared.chapters, strict=True)],
            endnotes=prepared.endnotes,
            date_iso=date.isoformat(),
            date_text=format_date(date, labels),
            colophon=colophon(
                labels,
                load_facts(root / "data"),
                date_text=format_date(date, labels),
                site_url=config.site_url,
                edition_path=edition_prefix(lang, default),
                example_path=_example_path(lang, default),
            ),
        )
    )
    assembled = time.perf_counter()
    pdf, problems = render_pdf(html, stylesheet=root / "pdf" / "print.css", base_dir=root / "pdf")
    _timings[lang] = {
        "assemble_s": assembled - started,
        "render_s": time.perf_counter() - assembled,
        "bytes": len(pdf),
    }
    if problems:
        raise PluginError(f"PDF ({lang}): " + "; ".join(problems))
    return pdf


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, **_: Any) -> dict[str, Any]:
    lang = current_language(config)
    labels = project_registry(config).labels
    languages, default = site_languages(config)
    offline = offline_variant(config)

    def link(other: str) -> dict[str, str]:
        on_website = offline and other != lang  # the offline edition holds its own language's PDF only
        path = _pdf_path(other, default)
        href = (config.site_url or "") + path if on_website else get_relative_url(path, page.url)
        return _sizes.item(other, lang, href, labels)

    context["edition_pdf"] = {"label": labels[lang]["pdf_download"], **link(lang)}
    if is_edition_home(page.url, config):
        context["edition_pdfs"] = {"label": labels[lang]["pdf_all"], "items": [link(other) for other in languages]}
    return context


# Why: once every language is built.
def _finish(config: MkDocsConfig, root_site: Path) -> None:
    languages, default = site_languages(config)
    _sizes.fill(root_site, languages, default, project_registry(config).labels)
    if os.environ.get("EDITION_PDF_TIMINGS") and not offline_variant(config):
        Path(os.environ["EDITION_PDF_TIMINGS"]).write_text(json.dumps(_timings, indent=2), encoding="utf-8")


# Why: the colophon's example, the address of paragraph IV.b.17 within its edition.
def _example_path(lang: str, default: str) -> str:
    assert _nav is not None and shared_index.current is not None
    entry = shared_index.current.guidelines[EXAMPLE_NUMBER]
    page = next(p for p in _nav.pages if p.file.src_uri == entry.page)
    return f"{_edition_url(page.url, lang, default)}#{guideline_anchor(EXAMPLE_NUMBER)}"


# Why: a page's URL within its edition (translated editions' URLs start with the language).
def _edition_url(url: str, lang: str, default: str) -> str:
    return url.removeprefix(edition_prefix(lang, default))


# Why: where an edition's PDF sits, relative to the site root (each edition's own root).
def _pdf_path(lang: str, default: str) -> str:
    return edition_prefix(lang, default) + FILE_NAME.format(lang=lang)


# Why: the PDF's own template folder, with a filter for words placed in CSS strings.
def _templates(root: Path) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(root / "pdf"), autoescape=True)
    env.filters["css_string"] = lambda text: str(text).replace("\\", "\\\\").replace('"', '\\"')
    return env


on_post_build = _builds.after_every_language(_finish)
