"""On a phone (390×844, touch), a tapped citation shows the provision's text without leaving the
paragraph; tapping it again follows it."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from edition.text.registry import load_registry
from tests.conftest import ROOT, CheckedPages
from tests.site import EDITION_PREFIX

LABELS = load_registry(ROOT / "data").labels


@pytest.fixture
def phone(checked_pages: CheckedPages, site_url: str) -> Page:
    return checked_pages.open(site_url, width=390, height=844, has_touch=True, is_mobile=True)


@pytest.mark.parametrize("lang", list(EDITION_PREFIX))
def test_tapping_a_citation_previews_it_and_a_second_tap_follows_it(phone: Page, site_url: str, lang: str) -> None:
    address = f"{site_url}/{EDITION_PREFIX[lang]}specific-issues/#iv-b-17"
    phone.goto(address)
    link = phone.locator("#iv-b-17 .guideline__rests-on a.xref__link").first
    tip = phone.locator(f"#{link.get_attribute('aria-describedby')}")
    link.scroll_into_view_if_needed()
    expect(tip).to_be_hidden()
    link.tap()
    expect(tip).to_be_visible()
    expect(tip.locator(".xref__hint")).to_have_text(LABELS[lang]["xref_tap_again"])  # what a second tap does
    expect(tip).to_be_in_viewport(ratio=1)
    assert phone.url == address
    expect(phone.locator("#iv-b-17")).to_be_in_viewport()
    href = link.get_attribute("href")
    assert href is not None
    link.tap()
    expect(phone).to_have_url(f"{site_url}/{EDITION_PREFIX[lang]}international-provisions/{href.split('/')[-1]}")


def test_tapping_elsewhere_closes_the_preview(phone: Page, site_url: str) -> None:
    phone.goto(f"{site_url}/specific-issues/#iv-b-17")
    link = phone.locator("#iv-b-17 .guideline__rests-on a.xref__link").first
    tip = phone.locator(f"#{link.get_attribute('aria-describedby')}")
    link.tap()
    expect(tip).to_be_visible()
    phone.locator("#iv-b-17 .guideline__number").tap()
    expect(tip).to_be_hidden()
