"""One PDF per language edition, rendered by WeasyPrint from the pages' own HTML (no second build).

Called by the adapter (``hooks/build.py``), per language build:

- ``submit`` (``on_post_build``, before mkdocs-static-i18n, at -100, builds the next language), the
  pages in the navigation's order (kept by the adapter in ``on_nav``; pages whose front matter says
  ``pdf: false``, such as the Comments page, are left out): every page's
  HTML is final, so the edition is assembled (``edition/downloads/pdf_document.py``, ``pdf/document.html``;
  the web-only parts dropped) and handed to ``edition/downloads/pdf_jobs.py``, which renders it in a worker
  process (``pdf/print.css``) while the next language builds, or takes it from the cache when
  nothing it is made from changed. What the templates add around a page (the home pages'
  orientation box) is not the page's HTML, so not in the PDF.
- ``add_links`` (``on_page_context``): gives ``overrides/main.html`` the link to this edition's PDF, and on the home
  page the links to every edition's PDF, with a size token replaced once
  the PDFs are written (``hooks/every_language.py``) (after every language; a WeasyPrint warning fails the build there).

Each PDF's colophon (``edition/downloads/colophon.py``) says what the document is and where the web edition
is (``site_url``, when it is a published address).

The offline edition (``mkdocs.offline.yml``) renders no PDF: its ZIP takes the website's. It links
the other languages' PDFs on the website when the published address is configured, else not at all.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from edition.downloads.colophon import EXAMPLE_NUMBER, colophon
from edition.downloads.pdf_document import Chapter, prepare_chapters
from edition.frame.formatting import format_date
from edition.shared.safe_html import css_string, edition_html, edition_htmls
from edition.text.ids import guideline_anchor

from build_state import BuildState
from download_sizes import PDF_NAME, download_path
from project import TIMING, project_facts, project_registry, project_root
from site_languages import current_language, edition_prefix, is_edition_home, site_languages
from site_variant import offline_variant


# Why: before mkdocs-static-i18n (-100) builds the next language; every page's HTML is final by now,
# the notes that go in after Material's search has read a page included.
def submit(config: MkDocsConfig, *, state: BuildState) -> None:
    if offline_variant(config) or state.pdfs is None:
        return
    lang = current_language(config)
    if state.pdfs.take_latest(lang):  # under `mkdocs serve`, when a PDF was made before
        return
    root = project_root(config)
    started = time.perf_counter()
    html = _assemble(config, lang, state=state)
    TIMING.debug("%s %s: %.3f s", "pdf_assemble_s", lang, time.perf_counter() - started)
    state.pdfs.submit(lang, html, stylesheet=root / "pdf" / "print.css", base_dir=root / "pdf")


# Why: the edition's chapters, in the navigation's order, in the PDF's own template.
def _assemble(config: MkDocsConfig, lang: str, *, state: BuildState) -> str:
    _, default = site_languages(config)
    labels = project_registry(config, state).labels[lang]
    prefix = edition_prefix(lang, default)  # chapter URLs within the edition
    chapters = [
        Chapter(url=page.url.removeprefix(prefix), title=page.title or "", html=page.content or "")
        for page in state.navs[lang].pages
        if isinstance(page, Page) and page.meta.get("pdf", True)
    ]
    prepared = prepare_chapters(chapters)
    date = project_facts(config, state).date
    return str(
        _templates(project_root(config))
        .get_template("document.html")
        .render(
            lang=lang,
            title=config.site_name,
            subject=config.site_description or "",
            author=config.site_author or "",
            labels=labels,
            chapters=[
                {"title": c.title, "html": edition_html(h)} for c, h in zip(chapters, prepared.chapters, strict=True)
            ],
            endnotes=edition_htmls(prepared.endnotes),
            date_iso=date.isoformat(),
            date_text=format_date(date, labels),
            colophon=colophon(
                labels,
                project_facts(config, state),
                date_text=format_date(date, labels),
                site_url=config.site_url,
                edition_path=prefix,
                example_path=_example_path(lang, prefix, state=state),
                email=str(config.extra.get("editors_email") or "").strip(),
            ),
        )
    )


# Why: the colophon's example, the address of paragraph IV.b.17 within its edition.
def _example_path(lang: str, prefix: str, *, state: BuildState) -> str:
    index = state.language(lang).index
    assert index is not None
    entry = index.guidelines[EXAMPLE_NUMBER]
    page = next(p for p in state.navs[lang].pages if p.file.src_uri == entry.page)
    return f"{page.url.removeprefix(prefix)}#{guideline_anchor(EXAMPLE_NUMBER)}"


def add_links(context: dict[str, Any], page: Page, config: MkDocsConfig, *, state: BuildState) -> dict[str, Any]:
    lang = current_language(config)
    labels = project_registry(config, state).labels
    languages, default = site_languages(config)
    offline = offline_variant(config)
    # The offline edition holds its own language's PDF only; the others are on the website, if known.
    shown = [other for other in languages if not offline or other == lang or config.site_url]

    def link(other: str) -> dict[str, str]:
        path = download_path(PDF_NAME, other, default)
        href = (config.site_url or "") + path if offline and other != lang else get_relative_url(path, page.url)
        return state.pdf_sizes.item(other, lang, href, labels)

    context["edition_pdf"] = {"label": labels[lang]["pdf_download"], **link(lang)}
    if is_edition_home(page.url, config, lang=lang):
        context["edition_pdfs"] = {"label": labels[lang]["pdf_all"], "items": [link(other) for other in shown]}
    return context


# Why: the PDF's own template folder, with a filter for words placed in CSS strings.
def _templates(root: Path) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(root / "pdf"), autoescape=True)
    env.filters["css_string"] = css_string
    return env
