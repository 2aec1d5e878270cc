"""In Debian's Chromium: search is downloaded only when the reader opens it, and then works as before.

The language's index, Material's search worker and lunr's files are most of a page's first view
(overrides/assets/javascripts/search-on-demand.js, workers/edition-search.js).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, Request, Route, expect

from tests.conftest import CheckedPages
from tests.site import EDITION_PREFIX

PREFIX = EDITION_PREFIX
# One query per language with results in each edition (a word of the 2005 title in that language).
QUERY = {"en": "children", "fr": "enfants", "es": "niños"}


# Why: what a page asked for that belongs to search: the index, Material's worker, lunr's files.
def search_requests(requests: list[Request]) -> list[str]:
    return [
        r.url
        for r in requests
        if r.url.endswith("/search/search_index.json") or "/workers/search." in r.url or "/lunr/" in r.url
    ]


def recorded(page: Page) -> list[Request]:
    requests: list[Request] = []
    page.on("request", lambda request: requests.append(request))
    return requests


# Why: the result links once some are shown, checked to be all of the page's own edition.
def assert_results_in_language(page: Page, site_url: str, lang: str) -> None:
    results = page.locator(".md-search-result__item a, a.md-search-result__link")
    expect(results.first).to_be_visible(timeout=10_000)
    hrefs = [str(h) for h in results.evaluate_all("links => links.map(a => a.href)")]
    others = [f"{site_url}/{p}" for code, p in PREFIX.items() if code != lang and p]
    assert hrefs and all(h.startswith(f"{site_url}/{PREFIX[lang]}") for h in hrefs), hrefs
    assert not [h for h in hrefs if any(h.startswith(o) for o in others)], hrefs


@pytest.mark.parametrize("path", ["", "specific-issues/", "fr/specific-issues/", "es/"])
def test_a_page_loads_no_search_until_the_reader_opens_it(page: Page, site_url: str, path: str) -> None:
    requests = recorded(page)
    page.goto(f"{site_url}/{path}")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1_000)
    assert requests, "the page's own requests should be recorded"
    assert search_requests(requests) == []


@pytest.mark.parametrize("lang", PREFIX)
def test_focusing_the_search_box_loads_search_in_the_pages_language(page: Page, site_url: str, lang: str) -> None:
    requests = recorded(page)
    page.goto(f"{site_url}/{PREFIX[lang]}foreword/")
    page.wait_for_load_state("networkidle")
    page.locator("input.md-search__input").focus()
    page.keyboard.type(QUERY[lang])
    assert_results_in_language(page, site_url, lang)
    assert [u for u in search_requests(requests) if u.endswith("search_index.json")] == [
        f"{site_url}/{PREFIX[lang]}search/search_index.json"
    ]


@pytest.mark.parametrize(("lang", "key"), [("en", "/"), ("fr", "/"), ("fr", "s"), ("es", "f")])
def test_the_search_keys_load_search(page: Page, site_url: str, lang: str, key: str) -> None:
    page.goto(f"{site_url}/{PREFIX[lang]}specific-issues/")
    page.wait_for_load_state("networkidle")
    page.keyboard.press(key)
    expect(page.locator("input.md-search__input")).to_be_focused()
    page.keyboard.type(QUERY[lang])
    assert_results_in_language(page, site_url, lang)


def test_the_magnifier_on_a_phone_loads_search(checked_pages: CheckedPages, site_url: str) -> None:
    page = checked_pages.open(site_url, width=390, height=844, has_touch=True, is_mobile=True)
    page.goto(f"{site_url}/fr/")
    page.wait_for_load_state("networkidle")
    page.locator("label.md-header__button[for='__search']").tap()
    page.keyboard.type(QUERY["fr"])
    assert_results_in_language(page, site_url, "fr")


def test_a_query_typed_while_the_index_downloads_gets_its_results(page: Page, site_url: str) -> None:
    held: list[Route] = []
    page.route("**/fr/search/search_index.json", lambda route: held.append(route))
    page.goto(f"{site_url}/fr/")
    page.wait_for_load_state("networkidle")
    meta = page.locator(".md-search-result__meta")
    waiting = meta.text_content()
    assert held == [], "the index must not be requested before search is opened"
    # Opening search sends the request, which the route holds: waited for, as its handler runs only
    # once Playwright hears of it, not within any fixed time.
    with page.expect_request("**/fr/search/search_index.json"):
        page.keyboard.press("/")
    page.keyboard.type(QUERY["fr"])
    page.wait_for_timeout(500)
    # The index is on its way: Material still says it is initialising, and shows no result yet.
    assert len(held) == 1
    expect(meta).to_have_text(waiting or "")
    expect(page.locator(".md-search-result__item")).to_have_count(0)
    held[0].continue_()
    assert_results_in_language(page, site_url, "fr")


def test_a_result_link_highlights_its_terms_at_once(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/fr/specific-issues/?h={QUERY['fr']}")
    expect(page.locator("article mark").first).to_be_visible(timeout=10_000)
