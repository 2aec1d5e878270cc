"""Printing a page from Chromium keeps the text, its numbers and citations, not the controls."""

from __future__ import annotations

import io

import pytest
from playwright.sync_api import Page
from pypdf import PdfReader

from tests.site import EDITION_PREFIX, LABELS

# The interactive apparatus, in each language's words, that a printed page must not show.
CONTROLS = ["comment_on_guideline", "comments_count_zero", "pdf_download", "orientation_start"]


@pytest.mark.parametrize("lang", list(EDITION_PREFIX))
def test_a_printed_page_has_text_and_citations_but_no_controls(page: Page, site_url: str, lang: str) -> None:
    page.goto(f"{site_url}/{EDITION_PREFIX[lang]}specific-issues/")
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    shown = [key for key in CONTROLS if LABELS[lang][key].replace("\u00a0", " ") in text.replace("\u00a0", " ")]
    assert shown == []
    assert "IV.b.17" in text and "IV.a.1" in text
    assert LABELS[lang]["rests_on"] in text  # the citations stay
    assert len(reader.pages) <= 10, len(reader.pages)  # 14 when the controls were printed
