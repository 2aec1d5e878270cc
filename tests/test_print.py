"""Printing a page from Chromium keeps the text, its numbers and citations, not the controls."""

from __future__ import annotations

import io
import unicodedata

import pytest
from playwright.sync_api import Page
from pypdf import PdfReader

from tests.site import EDITION_PREFIX, LABELS

# A4 pages when the controls were printed: 14, 16 and 15; measured without them: 9, 11 and 11.
MOST_PAGES = {"en": 10, "fr": 12, "es": 12}
# The interactive apparatus, in each language's words, that a printed page must not show.
CONTROLS = ["comment_on_guideline", "comments_count_zero", "pdf_download", "orientation_start"]


def words(text: str) -> str:
    # NFKC undoes the PDF's ligatures ("ﬃ"); str.split() also splits at no-break spaces.
    return " ".join(unicodedata.normalize("NFKC", text).split())


@pytest.mark.parametrize("lang", list(EDITION_PREFIX))
def test_a_printed_page_has_text_and_citations_but_no_controls(page: Page, site_url: str, lang: str) -> None:
    page.goto(f"{site_url}/{EDITION_PREFIX[lang]}specific-issues/")
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = " ".join(words(p.extract_text() or "") for p in reader.pages)
    # The translation note is printed (it says whose translation this is) and names the comment link.
    text = text.replace(words(LABELS[lang].get("translation_note_text", "")), "")
    shown = [key for key in CONTROLS if words(LABELS[lang][key]) in text]
    assert shown == []
    assert "IV.b.17" in text and "IV.a.1" in text
    assert LABELS[lang]["rests_on"] in text  # the citations stay
    assert len(reader.pages) <= MOST_PAGES[lang], len(reader.pages)
