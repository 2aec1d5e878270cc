"""Keyboard only, in Debian's Chromium: navigation, language switch, search, previews, comment panels."""

from __future__ import annotations

from playwright.sync_api import Page, expect


def tab_until(page: Page, selector: str, limit: int = 400) -> None:
    """Press Tab until the focused element matches ``selector`` (fails after ``limit`` presses)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_skip_link_and_navigation(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/foreword/")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    expect(skip).to_have_attribute("href", "#foreword")
    expect(skip).to_be_visible()
    tab_until(page, "nav.md-nav--primary a[href='../introduction/']")
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site_url}/introduction/")


def test_language_switch_by_keyboard_keeps_the_place(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/specific-issues/#iv-b-17")
    tab_until(page, "a.md-select__link[hreflang='es']")
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site_url}/es/specific-issues/#iv-b-17")


def test_search_by_keyboard(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/fr/")
    page.keyboard.press("/")
    expect(page.locator("input.md-search__input")).to_be_focused()
    page.keyboard.type("séparation")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10_000)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: url.startswith(f"{site_url}/fr/") and url.split("?")[0] != f"{site_url}/fr/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")


# The edition has no published comment yet: a paragraph says so, and the keyboard goes from the
# preview to "Comment on this paragraph". Opening a panel of comments by keyboard is tested where there
# are comments (tests/test_comments_site.py).
def test_preview_and_comment_link_by_keyboard(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/general-issues/#iii-a-2")
    tab_until(page, "#iii-a-2 a.xref__link[href$='#crc-12-1']")
    tip_id = page.evaluate("document.activeElement.getAttribute('aria-describedby')")
    tip = page.locator(f"#{tip_id}")
    expect(tip).to_be_visible()
    page.keyboard.press("Escape")
    expect(tip).to_be_hidden()
    expect(page.locator("#iii-a-2 .comments")).not_to_contain_text("No comments")
    tab_until(page, "#iii-a-2 .comments__new")
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site_url}/comments/?target=III.a.2#write-a-comment")
