"""In Debian's Chromium: the language switch keeps page and place; search answers in the page's language."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from playwright.sync_api import Page, expect

from tests.browsing import search, switch_language
from tests.conftest import CheckedPages
from tests.site import EDITION_PREFIX

PREFIX = EDITION_PREFIX
DIRECTIONS = [(a, b) for a in PREFIX for b in PREFIX if a != b]


@pytest.mark.parametrize(("source", "target"), DIRECTIONS, ids=[f"{a}-to-{b}" for a, b in DIRECTIONS])
def test_the_switch_keeps_page_and_fragment(page: Page, site_url: str, source: str, target: str) -> None:
    page.goto(f"{site_url}/{PREFIX[source]}specific-issues/#iv-b-17")
    switch_language(page, target)
    expect(page).to_have_url(f"{site_url}/{PREFIX[target]}specific-issues/#iv-b-17")
    expect(page.locator("html")).to_have_attribute("lang", target)
    expect(page.locator("#iv-b-17")).to_be_in_viewport()


def test_the_switch_keeps_the_paragraph_read_without_a_fragment(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/fr/international-provisions/")
    place = (
        "() => { const el = document.getElementById('crc-12-1');"
        " const header = document.querySelector('.md-header').getBoundingClientRect().bottom;"
        " window.scrollTo({top: el.getBoundingClientRect().top + window.scrollY - header - 8, behavior: 'instant'});"
        " return el.getBoundingClientRect().top - header; }"
    )
    page.evaluate(place)
    page.wait_for_timeout(300)
    assert 0 <= page.evaluate(place) <= 16, "crc-12-1 starts at the top of the reading area"
    switch_language(page, "es")
    expect(page).to_have_url(f"{site_url}/es/international-provisions/#crc-12-1")


def test_without_javascript_the_switch_lands_on_the_same_page(checked_pages: CheckedPages, site_url: str) -> None:
    page = checked_pages.open(site_url, javascript=False)
    page.goto(f"{site_url}/es/foreword/")
    href = page.locator("a.md-select__link[hreflang='fr']").get_attribute("href")
    assert href is not None
    page.goto(f"{site_url}/es/foreword/{href}")
    assert page.url == f"{site_url}/fr/foreword/"
    expect(page.locator("html")).to_have_attribute("lang", "fr")


# Each query is a form that occurs nowhere in its edition, nor begins any word of it (checked against
# the index: Material adds a trailing wildcard); only stemming can lead it to the pages that hold the
# form given beside it. Each pair is one that language's lunr stemmer conflates (conventions/convention
# -> "convent", protections/protection -> "protect", convenciones/convención -> "convencion").
@pytest.mark.parametrize(
    ("lang", "query", "stem_of"),
    [
        ("en", "conventions", "convention"),
        ("fr", "protections", "protection"),
        ("es", "convenciones", "convención"),
    ],
)
def test_search_answers_in_the_pages_language_with_stemming(
    page: Page, site_url: str, built_site: Path, lang: str, query: str, stem_of: str
) -> None:
    index = json.loads((built_site / PREFIX[lang] / "search/search_index.json").read_text(encoding="utf-8"))
    words = {w.casefold() for doc in index["docs"] for w in re.findall(r"\w+", doc["title"] + " " + doc["text"])}
    assert stem_of in words, f"'{stem_of}' must occur in the edition"
    assert not [w for w in words if w.startswith(query)], f"'{query}' must be a form the edition does not contain"
    page.goto(f"{site_url}/{PREFIX[lang]}foreword/")
    hrefs = search(page, query)
    assert hrefs, f"stemming should lead '{query}' to '{stem_of}'"
    own = f"{site_url}/{PREFIX[lang]}"
    others = [f"{site_url}/{p}" for code, p in PREFIX.items() if code != lang and p]
    assert all(h.startswith(own) for h in hrefs), hrefs
    assert not [h for h in hrefs if any(h.startswith(o) for o in others)]


@pytest.mark.parametrize(
    ("lang", "typed"),
    [("en", "IV.b.17"), ("fr", "IV.b.17"), ("es", "IV.b.17"), ("en", "IV b 17"), ("fr", "iv-b-17"), ("es", "IV b.17")],
)
def test_a_paragraph_number_finds_that_paragraph(page: Page, site_url: str, lang: str, typed: str) -> None:
    page.goto(f"{site_url}/{PREFIX[lang]}")
    hrefs = [urlunsplit(urlsplit(h)._replace(query="")) for h in search(page, typed)]
    page_link, first_section = hrefs[0], next(h for h in hrefs if "#" in h)
    assert page_link == f"{site_url}/{PREFIX[lang]}specific-issues/"
    assert first_section == f"{site_url}/{PREFIX[lang]}specific-issues/#iv-b-17", hrefs[:3]


@pytest.mark.parametrize("path", ["", "specific-issues/", "fr/", "fr/international-provisions/", "es/", "es/comments/"])
def test_pages_load_without_console_errors_or_failed_requests(page: Page, site_url: str, path: str) -> None:
    errors: list[str] = []
    failed: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    page.goto(f"{site_url}/{path}")
    page.wait_for_load_state("networkidle")
    assert failed == [] and errors == []
