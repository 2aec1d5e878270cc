"""What a reader does in the browser, shared by the browser tests: switch language, search."""

from __future__ import annotations

from playwright.sync_api import Page, expect


# Why: the language switch as a reader uses it, through Material's language menu.
def switch_language(page: Page, target: str) -> None:
    page.locator(".md-header__option .md-select").hover()
    page.locator(f"a.md-select__link[hreflang='{target}']").click()


# Why: the result links of a search typed into the box, once they have stopped changing.
def search(page: Page, query: str) -> list[str]:
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query)
    results = page.locator(".md-search-result__item a, a.md-search-result__link")
    expect(results.first).to_be_visible(timeout=10_000)
    # Results are recomputed as each key is typed: read them once they have stopped changing.
    read = "links => links.map(a => a.href)"
    previous: list[str] = []
    for _ in range(20):
        page.wait_for_timeout(250)
        current = [str(href) for href in results.evaluate_all(read)]
        if current == previous:
            return current
        previous = current
    return previous
