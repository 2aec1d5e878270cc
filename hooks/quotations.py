"""Part II's quotations grouped with the caption naming their instrument (logic in ``edition/text/quotations.py``).

``group``, called by the adapter (``hooks/build.py``) in ``on_page_content``: the provisions are grouped
whole (the places their comment panels and notes fill later are inside them, and move with them); the
PDF (``hooks/pdf.py``) and the search index are made from this HTML, so both have the grouping too.
"""

from __future__ import annotations

from edition.text.quotations import group_quotations


def group(html: str) -> str:
    return group_quotations(html)
