"""Languages side by side: each edition's "Compare languages" page (logic in ``edition/tools/compare.py``).

``note_page``, called by the adapter (``hooks/build.py``) in ``on_page_content``: the page whose front
matter says ``edition: compare`` gets a place for the comparison (``<!-- edition:compare -->``); where
its page will be written is noted.

After every language, the adapter calls ``comparison_pages`` (``hooks/edition_outputs.py``):
every language's pages have been read by ``edition_data.py`` (``state.editions``), so each
comparison page is completed from all of them (``partials/edition/compare.html``), in the file
already written. In the offline edition, a ZIP holds one language: the other languages' texts are
in its comparison page, and their links lead to the website (without its address, there are none).

Nothing of the comparison is searchable (the page says ``search: exclude``): its words are in
three languages, and each language's search holds its own.
"""

from __future__ import annotations

from mkdocs.structure.pages import Page

from edition_outputs import COMPARE_PLACE


def note_page(html: str, page: Page, *, lang: str, pages: dict[str, tuple[str, str]]) -> str:
    if page.meta.get("edition") != "compare":
        return html
    pages[lang] = (page.url, page.file.abs_dest_path)
    return html + "\n" + COMPARE_PLACE
