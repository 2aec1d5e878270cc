"""In Debian's Chromium: every search result links somewhere with its terms to highlight, never "?h=".

The word searched for appears only inside one section (a guideline paragraph) of its page, so
Material adds the page's own entry to the results without any matched term: the case that linked
to an empty "?h=".
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page

from tests.browsing import search
from tests.site import EDITION_PREFIX

QUERIES = {"en": "handcuffs", "fr": "menottes", "es": "esposas"}


@pytest.mark.parametrize("lang", list(EDITION_PREFIX))
def test_page_results_carry_the_terms_to_highlight(page: Page, site_url: str, lang: str) -> None:
    page.goto(f"{site_url}/{EDITION_PREFIX[lang]}foreword/")
    hrefs = search(page, QUERIES[lang])
    page_level = [h for h in hrefs if not urlsplit(h).fragment]
    assert page_level, hrefs
    for href in hrefs:
        values = parse_qs(urlsplit(href).query, keep_blank_values=True).get("h", [])
        assert values and all(v.strip() for v in values), href
    assert any(urlsplit(h).path.endswith("/specific-issues/") for h in page_level)
