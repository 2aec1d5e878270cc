"""What a reader does in the browser, shared by the browser tests: switch language, search, open every
panel; and axe-core."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


# Why: the language switch as a reader uses it, through Material's language menu.
def switch_language(page: Page, target: str) -> None:
    page.locator(".md-header__option .md-select").hover()
    # Wait for the menu's fade-in to end: clicking a link still moving makes Playwright scroll the
    # page to reach it, which moves the reader's place (a person clicks a menu that has settled).
    page.wait_for_function(
        "() => getComputedStyle(document.querySelector('.md-header__option .md-select__inner')).opacity === '1'"
    )
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


# A comment panel loads its comments in its ``toggle`` event, which comes after the panel is opened
# (by a click or a script): right after opening, no panel is loading yet, so that proves nothing.
UNLOADED_PANELS = "details[data-comments-src]:not([data-comments-state='loaded'])"


# Why: every <details> open and every comment panel among them showing its comments, before a test
# measures or checks the page as a reader with everything open sees it.
def open_every_panel(page: Page) -> None:
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    expect(page.locator(UNLOADED_PANELS)).to_have_count(0, timeout=15_000)


# Why: axe-core's WCAG 2.1 A and AA violations on the page as it stands. From the file system axe
# cannot fetch the stylesheets it reads for its CSS rules (file:// forbids its XMLHttpRequest), so
# ``preload=False`` leaves those rules to the same pages checked on the served site.
def axe_violations(page: Page, *, preload: bool = True) -> list[dict[str, object]]:
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci` (make test does)")
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    options = {"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"], "preload": preload}
    result = page.evaluate("options => axe.run(document, options)", options)
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]} for v in result["violations"]
    ]
