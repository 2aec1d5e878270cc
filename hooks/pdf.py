"""One PDF per language edition, rendered by WeasyPrint from the pages' own HTML (no second build).

Called by the adapter (``hooks/build.py``): ``submit`` (``on_post_build``, before mkdocs-static-i18n builds the
next language) assembles the pages in the navigation's order, but those whose front matter says ``pdf: false``
(``edition/downloads/pdf_document.py``, ``pdf/document.html``, colophon and all), for a worker process to render
(``edition/downloads/pdf_jobs.py``) while the next language builds, or takes it from the cache; ``add_links``
(``on_page_context``) links this edition's PDF, and on a home page every edition's, with a size token;
``write_all`` (after every language) collects the renders (a WeasyPrint warning or an attachment link fails the
build), writes each PDF and puts its size on the pages.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from edition.downloads.colophon import example_path
from edition.downloads.page_links import pdf_links
from edition.downloads.pdf_attachments import attachment_problems
from edition.downloads.pdf_document import Chapter, document_context, pdf_templates
from edition.downloads.sizes import PDF_NAME, download_path, fill_pages

from build_state import BuildState
from project import TIMING, project_facts, project_registry, project_root
from site_languages import edition_prefix, is_edition_home, site_languages
from site_variant import offline_variant


# Why: before mkdocs-static-i18n (-100) builds the next language; every page's HTML is final by now,
# the notes that go in after Material's search has read a page included.
def submit(config: MkDocsConfig, *, lang: str, state: BuildState) -> None:
    if offline_variant(config) or state.pdfs is None:
        return
    if state.pdfs.take_latest(lang):  # under `mkdocs serve`, when a PDF was made before
        return
    root = project_root(config)
    started = time.perf_counter()
    html = _assemble(config, lang=lang, state=state)
    TIMING.debug("%s %s: %.3f s", "pdf_assemble_s", lang, time.perf_counter() - started)
    state.pdfs.submit(lang, html, stylesheet=root / "pdf" / "print.css", base_dir=root / "pdf")


# Why: the edition's chapters, in the navigation's order, in the PDF's own template.
def _assemble(config: MkDocsConfig, *, lang: str, state: BuildState) -> str:
    prefix = edition_prefix(lang, site_languages(config)[1])  # chapter URLs within the edition
    pages = [page for page in state.navs[lang].pages if isinstance(page, Page)]
    chapters = [
        Chapter(p.url.removeprefix(prefix), p.title or "", p.content or "") for p in pages if p.meta.get("pdf", True)
    ]
    index = state.language(lang).index
    assert index is not None
    context = document_context(
        chapters,
        lang=lang,
        title=config.site_name,
        subject=config.site_description or "",
        author=config.site_author or "",
        labels=project_registry(config, state).labels[lang],
        facts=project_facts(config, state),
        site_url=config.site_url,
        edition_path=prefix,
        example_path=example_path(index, urls={p.file.src_uri: p.url for p in pages}, prefix=prefix),
        email=str(config.extra.get("editors_email") or "").strip(),
    )
    return str(pdf_templates(project_root(config) / "pdf").get_template("document.html").render(context))


def add_links(
    context: dict[str, Any], page: Page, config: MkDocsConfig, *, lang: str, state: BuildState
) -> dict[str, Any]:
    languages, default = site_languages(config)
    links = pdf_links(
        state.pdf_sizes,
        lang=lang,
        languages=languages,
        default=default,
        here=page.url,
        home=is_edition_home(page.url, config, lang=lang),
        offline=offline_variant(config),
        site_url=config.site_url,
        labels=project_registry(config, state).labels,
    )
    context.update(links)
    return context


# Why: the renders started by each language are collected once, and their sizes reach the pages.
def write_all(config: MkDocsConfig, site: Path, *, state: BuildState) -> None:
    if state.pdfs is None:
        return
    _, default = site_languages(config)
    root = project_root(config)
    results = state.pdfs.results()
    state.pdfs = None
    problems = [f"PDF ({lang}): {problem}" for lang, result in results.items() for problem in result.problems]
    for lang, result in results.items():
        pages = [
            (p.content or "", Path(p.file.abs_src_path) if p.file.abs_src_path else None)
            for p in state.navs[lang].pages
            if isinstance(p, Page)
        ]
        found = attachment_problems(result.attachments, pages=pages, data=root / "data", root=root)
        problems += [f"PDF ({lang}): {line}" for line in found]
    if problems:
        raise PluginError("\n".join(problems))
    for lang, result in results.items():
        target = site / download_path(PDF_NAME, lang, default)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(result.pdf)
        state.pdf_sizes.sizes[lang] = len(result.pdf)
        TIMING.debug("%s %s: %.3f s", "pdf_render_s", lang, result.render_s)
    fill_pages(site, [state.pdf_sizes], project_registry(config, state).labels)
