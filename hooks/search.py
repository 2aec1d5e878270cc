"""Search in the reader's language (logic in ``edition/frame/search_index.py``).

Called by the adapter (``hooks/build.py``):

- ``add_entries`` (``on_page_content``): records each guideline paragraph of the page as a search entry of its
  language (``state.search_entries``).
- ``point_to_index`` (``on_page_context``): tells ``overrides/main.html`` where a translated edition's index is.

Once every language is built, ``search_indexes`` in ``hooks/every_language.py`` splits mkdocs-static-i18n's
one shared index into one index per edition, with these entries added. ``overrides/main.html`` points each edition's
search at its own index.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from edition.frame.search_index import Entry, guideline_entries, search_base

from site_languages import edition_prefix, site_languages


def add_entries(html: str, page: Page, config: MkDocsConfig, *, lang: str, entries: dict[str, list[Entry]]) -> str:
    default = site_languages(config)[1]
    if 'class="guideline"' in html:
        location = page.url.removeprefix(edition_prefix(lang, default))  # relative to its edition's root
        entries[lang] += guideline_entries(html, page_location=location)
    return html


def point_to_index(context: dict[str, Any], config: MkDocsConfig, *, lang: str) -> dict[str, Any]:
    base = search_base(context["base_url"], lang=lang, default=site_languages(config)[1])
    if base is not None:
        context["edition_search_base"] = base
    return context
