"""The one /404.html serves every language: unit tests of edition/frame/not_found.py, then in Chromium.

The test server answers a missing address with the site's 404.html and status 404, as static
hosts do (tests/conftest.py).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from edition.frame.not_found import editions, site_root_path
from tests.browsing import axe_violations
from tests.site import EDITION_PREFIX, LABELS

# A reader types or follows an address that does not exist, in each edition.
MISSING = {"en": "no-such-page/", "fr": "fr/pas-de-page/", "es": "es/ninguna-pagina/index.html"}


@pytest.mark.parametrize(
    ("site_url", "expected"),
    [
        ("https://example.org/", "/"),
        ("https://example.org/babies", "/babies/"),
        ("https://example.org/babies/", "/babies/"),
        ("", "/"),
        (None, "/"),
    ],
)
def test_site_root_path(site_url: str | None, expected: str) -> None:
    assert site_root_path(site_url) == expected


def test_each_language_has_its_home_and_the_default_comes_first() -> None:
    blocks = editions(
        ["en", "fr", "es"],
        default="en",
        root="/babies/",
        site_names={"en": "E", "fr": "F", "es": "S"},
        labels={"en": {}, "fr": {}, "es": {}},
    )
    assert [(b.lang, b.prefix, b.home) for b in blocks] == [
        ("en", "", "/babies/"),
        ("fr", "fr", "/babies/fr/"),
        ("es", "es", "/babies/es/"),
    ]


@pytest.mark.parametrize("lang", list(MISSING))
def test_a_missing_address_answers_in_its_language(page: Page, site_url: str, lang: str) -> None:
    response = page.goto(f"{site_url}/{MISSING[lang]}")
    assert response is not None and response.status == 404
    assert page.locator("html").get_attribute("lang") == lang
    labels = LABELS[lang]
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_count(1)
    expect(heading).to_have_text(labels["notfound_title"])
    assert labels["notfound_title"] in page.title()
    home = page.get_by_role("link", name=labels["notfound_home"])
    expect(home).to_be_visible()
    assert home.get_attribute("href") == f"/{EDITION_PREFIX[lang]}"
    box = page.get_by_role("searchbox", name=labels["notfound_search"])
    box.fill("enfant" if lang == "fr" else "child")
    box.press("Enter")
    expect(page).to_have_url(f"{site_url}/{EDITION_PREFIX[lang]}?q=" + ("enfant" if lang == "fr" else "child"))
    expect(page.locator("input.md-search__input")).to_have_value("enfant" if lang == "fr" else "child")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10_000)


def test_the_missing_page_is_the_site_404(page: Page, site_url: str) -> None:
    home = page.goto(f"{site_url}/fr/")
    assert home is not None and home.status == 200
    page.goto(f"{site_url}/fr/specific-issues/nothing-here")
    expect(page.get_by_role("link", name=LABELS["fr"]["notfound_home"])).to_be_visible()
    expect(page.get_by_role("link", name=LABELS["en"]["notfound_home"])).to_be_hidden()


@pytest.mark.parametrize("lang", list(MISSING))
def test_the_404_page_has_no_wcag_violation_in_any_language(page: Page, site_url: str, lang: str) -> None:
    page.goto(f"{site_url}/{MISSING[lang]}")
    assert axe_violations(page) == []
