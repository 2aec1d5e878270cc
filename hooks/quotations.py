"""Part II's quotations grouped with the caption naming their instrument (logic in ``edition/quotations.py``).

MkDocs event:

- ``on_page_content``: listed after ``hooks/comments.py``, so the provisions are complete (their
  comment panels in place) when they are grouped; the PDF (``hooks/pdf.py``, ``on_env``) and the
  search index are made from this HTML, so both have the grouping too.
"""

from __future__ import annotations

from typing import Any

from mkdocs.structure.pages import Page

from edition.quotations import group_quotations


def on_page_content(html: str, page: Page, **_: Any) -> str:
    return group_quotations(html)
