"""Part II's quotations grouped with the caption naming their instrument (logic in ``edition/text/quotations.py``).

MkDocs event:

- ``on_page_content``: the provisions are grouped whole (the places their comment panels and notes
  fill later are inside them, and move with them); the PDF (``hooks/pdf.py``) and the search index
  are made from this HTML, so both have the grouping too.
"""

from __future__ import annotations

from typing import Any

from mkdocs.structure.pages import Page

from edition.text.quotations import group_quotations


def on_page_content(html: str, page: Page, **_: Any) -> str:
    return group_quotations(html)
