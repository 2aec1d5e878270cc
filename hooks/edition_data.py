"""The edition as data: ``/data/edition-<lang>.json`` and its schema (logic in ``edition/downloads/edition_data.py``).

Called by the adapter (``hooks/build.py``):

- ``read_chapters`` (``on_env``), in the navigation's order (kept by the adapter in ``on_nav``; pages
  whose front matter says ``pdf: false`` are the site's, not the document's, and are left out as in
  the PDF): every page of the language is converted by now, none written: each chapter is read
  once (``edition/text/page_parts.py``) into the build state (``state.editions``) for the data and the
  comparison pages.
- ``add_links`` (``on_page_context``): the home pages get the links to every language's document and the schema.
After every language, the adapter (``hooks/build.py``) assembles the documents (``edition_documents`` below),
checks them against ``data/schemas/edition-data.schema.yml`` (every mismatch stops the build) and
writes them with the schema, as JSON, under ``data/`` at the site root. Each offline ZIP holds its own
language's document and the schema; it links the other languages' documents on the website when its
address is known, else names them without a link.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from edition.downloads.edition_data import Chapter, data_links
from edition.text.links import relative_url
from edition.text.page_parts import extract_parts

from build_state import BuildState, LanguageEdition
from edition_outputs import DOCUMENT, SCHEMA
from project import project_registry
from site_languages import edition_prefix, is_edition_home, site_languages, site_names
from site_links import site_links
from site_variant import offline_variant


def read_chapters(config: MkDocsConfig, files: Files, *, lang: str, state: BuildState) -> None:
    nav = state.navs[lang]  # kept by the adapter in on_nav
    _, default = site_languages(config)
    index = state.language(lang).index
    assert index is not None  # crossrefs.py indexes the language in on_files
    chapters = [
        Chapter(title=page.title or "", url=page.url, parts=extract_parts(page.content or "", page_url=page.url))
        for page in nav.pages
        if isinstance(page, Page) and page.meta.get("pdf", True)
    ]
    urls = site_links(config, files, lang=lang, state=state).urls
    provision_pages = {provision: urls[src] for provision, src in index.provision_pages.items() if src in urls}
    state.editions[lang] = LanguageEdition(
        lang=lang,
        title=site_names(config)[lang],
        home_url=edition_prefix(lang, default),
        chapters=chapters,
        provision_pages=provision_pages,
        rests_on={number: entry.rests_on for number, entry in index.guidelines.items()},
    )


def add_links(
    context: dict[str, Any], page: Page, config: MkDocsConfig, *, lang: str, state: BuildState
) -> dict[str, Any]:
    if not is_edition_home(page.url, config, lang=lang):
        return context
    languages = site_languages(config)[0]
    labels = project_registry(config, state).labels

    def href(path: str, shipped: bool) -> str | None:
        if shipped or not offline_variant(config):
            return relative_url(path, page.url)
        return config.site_url + path if config.site_url else None

    documents = {other: DOCUMENT.format(lang=other) for other in languages}
    context["edition_data"] = data_links(
        labels, lang=lang, languages=languages, documents=documents, schema=SCHEMA, href=href
    )
    return context
