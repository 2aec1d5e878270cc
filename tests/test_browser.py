"""In Debian's Chromium: a guideline permalink lands on its paragraph, and previews open on focus."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect


def test_a_permalink_brings_its_paragraph_into_view(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/specific-issues/#iv-b-17")
    paragraph = page.locator("#iv-b-17")
    expect(paragraph).to_be_in_viewport()
    expect(paragraph.locator(".guideline__number")).to_have_text("IV.b.17")
    top = paragraph.evaluate("el => el.getBoundingClientRect().top")
    header = page.locator("header.md-header").evaluate("el => el.getBoundingClientRect().bottom")
    assert top >= header - 1, "the paragraph is hidden under the fixed header"


def test_focusing_a_citation_shows_the_provision_text(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/specific-issues/#iv-b-17")
    link = page.locator("#iv-b-17 .guideline__rests-on a.xref__link").first
    tip = page.locator(f"#{link.get_attribute('aria-describedby')}")
    expect(tip).to_be_hidden()
    link.focus()
    expect(tip).to_be_visible()
    expect(tip).to_contain_text("both parents have common responsibilities")
    page.keyboard.press("Escape")
    expect(tip).to_be_hidden()


def test_hovering_a_citation_in_running_text_shows_it(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/general-issues/")
    link = page.get_by_role("link", name="12", exact=True)
    link.hover()
    tip = page.locator(f"#{link.get_attribute('aria-describedby')}")
    expect(tip).to_be_visible()
    expect(tip).to_contain_text("CRC art. 12(1)")
    link.click()
    expect(page).to_have_url(f"{site_url}/international-provisions/#crc-12-1")
    expect(page.locator("#crc-12-1")).to_be_in_viewport()


def test_printing_a_page_keeps_the_text_numbers_and_link_targets(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/specific-issues/")
    page.emulate_media(media="print")
    for selector in ("header.md-header", ".md-sidebar--primary", ".md-search", ".edition-download"):
        expect(page.locator(selector).first).to_be_hidden()
    expect(page.locator("#iv-b-17 .guideline__number")).to_be_visible()
    page.goto(f"{site_url}/contact/")
    page.emulate_media(media="print")
    after = page.locator("a[href^='mailto:']").first.evaluate("a => getComputedStyle(a, '::after').content")
    assert "quno@quno.ch" in after
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 1000


def test_each_edition_downloads_its_pdf(page: Page, site_url: str) -> None:
    for prefix, lang in (("", "en"), ("fr/", "fr"), ("es/", "es")):
        page.goto(f"{site_url}/{prefix}foreword/")
        link = page.locator("a.edition-download, .edition-download a").first
        expect(link).to_contain_text(re.compile(r"\w"))
        size = page.locator(".edition-download__size").first.inner_text()
        assert re.fullmatch(r"\(PDF, \d+[ \u00a0](KB|Ko)\)", size), size
        with page.expect_download() as download:
            link.click()
        path = download.value.path()
        data = path.read_bytes()
        assert data.startswith(b"%PDF-") and download.value.suggested_filename.endswith(f"-{lang}.pdf")
        assert abs(len(data) / 1000 - int(re.sub(r"\D", "", size))) <= 1
    for prefix, unit in (("", " KB"), ("fr/", "\u00a0Ko"), ("es/", " KB")):  # every edition's home page lists all three
        page.goto(f"{site_url}/{prefix}")
        items = page.locator(".edition-downloads li:has(a[type='application/pdf'])")
        expect(items).to_have_count(3)
        for text in items.all_inner_texts():
            assert re.search(rf"\((PDF, \d+{unit})\)", text), text
