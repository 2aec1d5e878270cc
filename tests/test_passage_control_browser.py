"""The "Comment on this passage" link as a reader meets it, in Chromium at 1280×900 and 390×844.

It is in the tab order right after the selected words' block (not at the end of the page), takes
no focus by itself (a reader selecting to copy keeps the selection, the focus and the words
copied), is announced once by a status and named by its words, and Escape hides it, leaving focus
where the next Tab goes on after the paragraph.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from tests.browsing import axe_violations
from tests.conftest import CheckedPages
from tests.test_passages_browser import LABELS, SELECT_WORDS, TEXTS, expect_link_for, prepare_and_check, words_in

SIZES = [(1280, 900), (390, 844)]
LANG, TARGET, ANCHOR = "fr", "IV.b.17", "iv-b-17"
NAME = LABELS[LANG]["comment_on_passage"]

# Why: the block the selected words are in (the paragraph's child holding them), kept by the test.
KEEP_BLOCK = """(anchor) => {
  const node = getSelection().getRangeAt(0).startContainer;
  window.selectedBlock = node.parentElement.closest(`#${anchor} > *`);
}"""
IN_BLOCK = "() => window.selectedBlock.contains(document.activeElement)"


# Why: the words selected as a reader does: dragging the mouse over them on a desktop; on a phone a
# tap where they start (which is where Tab goes on from) and the selection a long press makes.
def select(page: Page, words: str, *, touch: bool) -> None:
    box = page.evaluate(
        f"(args) => {{ const r = ({SELECT_WORDS})(args);"
        " r.startContainer.parentElement.scrollIntoView({block: 'center'});"
        " const rects = r.getClientRects(); const a = rects[0], b = rects[rects.length - 1];"
        " return [a.left + 1, (a.top + a.bottom) / 2, b.right - 1, (b.top + b.bottom) / 2]; }",
        [ANCHOR, words],
    )
    if not touch:
        page.mouse.move(box[0], box[1])
        page.mouse.down()
        page.mouse.move(box[2], box[3], steps=8)
        page.mouse.up()
        expect_link_for(page.locator(".passage-control"), words)  # not a link from halfway through the drag
        page.evaluate(KEEP_BLOCK, ANCHOR)
        return
    page.touchscreen.tap(box[0], box[1])
    page.evaluate(
        f"""(args) => {{
          const range = ({SELECT_WORDS})(args);
          const selection = window.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
        }}""",
        [ANCHOR, words],
    )
    page.evaluate(KEEP_BLOCK, ANCHOR)


# Why: the French page at this size, with words of IV.b.17 selected as a reader there would; the words.
def selected_at(checked_pages: CheckedPages, site_url: str, width: int, height: int) -> tuple[Page, str]:
    touch = width < 600
    page = checked_pages.open(site_url, width=width, height=height, has_touch=touch, is_mobile=touch)
    page.goto(f"{site_url}/fr/specific-issues/#{ANCHOR}")
    words = words_in(LANG, TARGET)
    select(page, words, touch=touch)
    return page, words


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_link_takes_no_focus_is_announced_and_tab_reaches_it_right_after_the_words(
    checked_pages: CheckedPages, site_url: str, width: int, height: int
) -> None:
    page, words = selected_at(checked_pages, site_url, width, height)
    control = page.get_by_role("link", name=NAME, exact=True)
    expect(control).to_be_visible()
    expect(page.locator(".passage-control__status[role=status]")).to_have_text(NAME)
    assert not page.evaluate("document.activeElement.matches('.passage-control')"), "it took the focus"
    assert page.evaluate("getSelection().toString()") == words, "it changed the selection"
    box = control.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width, box
    assert axe_violations(page) == [], "with the link shown"
    # Tab from the words: only links in the rest of their block may come before the control.
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.passage-control')"):
            break
        assert page.evaluate(IN_BLOCK), page.evaluate("document.activeElement.outerHTML.slice(0, 120)")
    expect(control).to_be_focused()
    # Escape from the link: it goes, and the next Tab goes on after the paragraph's words, not back
    # to the top of the page nor to the link.
    page.keyboard.press("Escape")
    expect(control).to_be_hidden()
    expect(page.locator(".passage-control__status")).to_have_text("")
    page.keyboard.press("Tab")
    after = page.evaluate(
        """(anchor) => {
          const block = window.selectedBlock;
          const active = document.activeElement;
          return [Boolean(block.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING),
                  document.getElementById(anchor).contains(active), active.className];
        }""",
        ANCHOR,
    )
    assert after[0] and after[1], after


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_escape_hides_the_link_and_leaves_the_selection(
    checked_pages: CheckedPages, site_url: str, width: int, height: int
) -> None:
    page, words = selected_at(checked_pages, site_url, width, height)
    control = page.locator(".passage-control")
    expect(control).to_be_visible()
    page.keyboard.press("Escape")
    expect(control).to_be_hidden()
    assert page.evaluate("getSelection().toString()") == words
    page.wait_for_timeout(400)  # the selection is unchanged, so the link does not come back by itself
    expect(control).to_be_hidden()


def test_a_reader_who_selects_to_copy_copies_the_words_only(checked_pages: CheckedPages, site_url: str) -> None:
    page = checked_pages.open(site_url, permissions=["clipboard-read", "clipboard-write"])
    page.goto(f"{site_url}/fr/specific-issues/#{ANCHOR}")
    words = words_in(LANG, TARGET)
    select(page, words, touch=False)
    expect(page.locator(".passage-control")).to_be_visible()
    page.keyboard.press("Control+C")
    assert page.evaluate("navigator.clipboard.readText()") == words
    # The link's own words are never part of what a reader selects.
    assert page.evaluate("getComputedStyle(document.querySelector('.passage-control')).userSelect") == "none"


def test_a_passage_the_length_of_the_paragraph_is_taken_whole_and_passes_the_checker(
    page: Page, site_url: str, tmp_path: Path
) -> None:
    page.goto(f"{site_url}/fr/specific-issues/#{ANCHOR}")
    page.evaluate(
        """(anchor) => {
          const range = document.createRange();
          range.selectNodeContents(document.getElementById(anchor).querySelector(":scope > p:not([class])"));
          getSelection().removeAllRanges();
          getSelection().addRange(range);
        }""",
        ANCHOR,
    )
    control = page.get_by_role("link", name=NAME, exact=True)
    expect(control).to_be_visible()
    whole = TEXTS[(TARGET, LANG)]
    assert parse_qs(urlsplit(str(control.get_attribute("href"))).query)["exact"] == [whole]
    control.click()
    expect(page.locator("#cf-passage")).to_have_value(whole)
    expect(page.locator("#cf-passage-status")).to_have_text(
        LABELS[LANG]["comment_form_passage_found"].format(target=TARGET)
    )
    passage = prepare_and_check(page, tmp_path)
    assert (passage["exact"], passage["prefix"], passage["suffix"], passage["start"]) == (whole, "", "", 0)
