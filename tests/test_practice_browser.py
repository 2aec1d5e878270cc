"""In Debian's Chromium: from a paragraph to a country note and back, with previews on focus and
hover; the annex found by search in each language."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browsing import search
from tests.site import EDITION_PREFIX


def test_focusing_a_country_under_a_paragraph_previews_the_reason(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/specific-issues/#iv-a-10")
    link = page.locator("#iv-a-10 .practice-links a.xref__link", has_text="Mexico")
    tip = page.locator(f"#{link.get_attribute('aria-describedby')}")
    expect(tip).to_be_hidden()
    link.focus()
    expect(tip).to_be_visible()
    expect(tip).to_contain_text("Aquiles Serdán female state prison")
    expect(tip).to_contain_text("up to the age of 6")
    page.keyboard.press("Escape")
    expect(tip).to_be_hidden()
    link.press("Enter")
    expect(page).to_have_url(f"{site_url}/practice/#mexico")
    expect(page.locator("h2#mexico")).to_be_in_viewport()


def test_hovering_a_paragraph_in_a_note_previews_it_and_leads_there(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/es/practice/#mexico")
    item = page.locator(".practice-note[data-practice-country='mexico'] li[data-paragraph='IV.b.29']")
    expect(item).to_contain_text("fines de semana")
    link = item.locator("a.xref__link")
    link.hover()
    tip = page.locator(f"#{link.get_attribute('aria-describedby')}")
    expect(tip).to_be_visible()
    expect(tip).to_contain_text("IV.b.29")
    link.click()
    expect(page).to_have_url(f"{site_url}/es/specific-issues/#iv-b-29")
    expect(page.locator("#iv-b-29")).to_be_in_viewport()
    expect(page.locator("#iv-b-29 .practice-links")).to_contain_text("En la práctica: México")


@pytest.mark.parametrize(
    ("lang", "query", "heading"),
    [("en", "Baumettes", "France"), ("fr", "Cambodge", "Cambodge"), ("es", "pediatras", "México")],
)
def test_search_finds_the_annex_in_the_readers_language(
    page: Page, site_url: str, lang: str, query: str, heading: str
) -> None:
    page.goto(f"{site_url}/{EDITION_PREFIX[lang]}")
    found = search(page, query)
    annex = [href for href in found if "/practice/" in href]
    assert annex, found
    assert all(href.startswith(f"{site_url}/{EDITION_PREFIX[lang]}") for href in found)
    page.goto(annex[0])
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.locator("article h2", has_text=heading).first).to_be_visible()
