"""Printing a page from Chromium keeps the text, its numbers and citations, not the controls."""

from __future__ import annotations

import io
import unicodedata

import pytest
from playwright.sync_api import Page
from pypdf import PdfReader

from tests.site import EDITION_PREFIX, LABELS

# A4 pages measured in Chromium (November 2026): 9, 11 and 11 with the text, numbers and citations
# only; 15, 18 and 18 with "In practice" and the "Since 2005" notes printed (reader.css). One page of
# slack for a changed font or wording.
MOST_PAGES = {"en": 10, "fr": 12, "es": 12}
# The interactive apparatus, in each language's words, that a printed page must not show.
CONTROLS = ["comment_on_guideline", "comments_count_zero", "pdf_download", "orientation_start", "tools_compare"]
# Labels as short as one word ("Cite"), or that a sentence may begin with ("In practice"): looked for
# as the control prints them, a word of their own or the label before its colon.
CONTROL_WORDS = ["tools_cite"]
LABELLED_LISTS = ["practice_in_practice"]


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
    shown += [key for key in CONTROL_WORDS if LABELS[lang][key] in text.split()]
    shown += [key for key in LABELLED_LISTS if words(LABELS[lang][key] + LABELS[lang]["colon"]) in text]
    assert shown == []
    assert words(LABELS[lang]["law_since_edition_mark"]) not in text  # the "Since 2005" notes (reader.css)
    assert "IV.b.17" in text and "IV.a.1" in text
    assert LABELS[lang]["rests_on"] in text  # the citations stay
    assert len(reader.pages) <= MOST_PAGES[lang], len(reader.pages)
