"""The Comments and Disposition pages as a reader meets them on a phone (390×844) and a desktop (1280×900).

What a walk through them at those sizes found: tables wider than the text column painted over the table of
contents, the Disposition page's filters drawn at the browser's 19 px, a bold status running into its
bold heading in a phone's card, and the prepared comment file shown in the text font on one line.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.conftest import CheckedPages
from tests.site import LABELS

SIZES = [(390, 844), (1280, 900)]
PHONE = (390, 844)
LONG_LINE = ", ".join(["Test fixture: a comment one long line long"] * 12)
# Each page's table, the words of its caption and the editions walked (English and the longest words).
TABLES = [
    ("comments/", ".comments-index__table", LABELS["en"]["comments_table_caption"]),
    ("es/comments/", ".comments-index__table", LABELS["es"]["comments_table_caption"]),
    ("dispositions/", ".dispositions__table", LABELS["en"]["dispositions_caption"]),
    ("fr/dispositions/", ".dispositions__table", LABELS["fr"]["dispositions_caption"]),
]

# Why: how far right the table paints: the edge of the nearest box that clips it sideways, else its own.
PAINTED_RIGHT = """(selector) => {
  const table = document.querySelector(selector);
  let box = table.parentElement;
  while (box && getComputedStyle(box).overflowX === "visible") box = box.parentElement;
  const article = document.querySelector("article.md-content__inner");
  const clip = box && article.contains(box) ? box : table;
  return [clip.getBoundingClientRect().right, article.getBoundingClientRect().right,
          document.documentElement.scrollWidth - innerWidth];
}"""


def opened(checked_pages: CheckedPages, origin: str, path: str, size: tuple[int, int]) -> Page:
    width, height = size
    touch = width < 600
    page = checked_pages.open(origin, width=width, height=height, has_touch=touch, is_mobile=touch)
    page.goto(f"{origin}/{path}")
    return page


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize(("path", "table", "caption"), TABLES, ids=[t[0] for t in TABLES])
def test_a_wide_table_scrolls_in_its_box_not_over_the_table_of_contents(
    checked_pages: CheckedPages, commented_url: str, path: str, table: str, caption: str, size: tuple[int, int]
) -> None:
    page = opened(checked_pages, commented_url, path, size)
    painted, column, page_overflow = page.evaluate(PAINTED_RIGHT, table)
    assert painted <= column + 0.5, f"the table paints to {painted} px, past the text column's {column} px"
    assert page_overflow <= 0
    # The box that scrolls is reached by the keyboard and named by the table's caption.
    region = page.get_by_role("region", name=caption, exact=True)
    assert region.get_attribute("tabindex") == "0"
    region.focus()
    assert page.evaluate("selector => document.activeElement.contains(document.querySelector(selector))", table)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_disposition_filters_are_tall_enough_to_tap_and_in_the_text_s_size(
    checked_pages: CheckedPages, commented_url: str, size: tuple[int, int]
) -> None:
    page = opened(checked_pages, commented_url, "fr/dispositions/", size)
    selects = page.locator(".dispositions__filters select")
    assert selects.count() == 3
    text_size = page.evaluate("() => getComputedStyle(document.querySelector('.dispositions__filters label')).fontSize")
    measured = "els => els.map(e => [e.id, e.getBoundingClientRect().height, getComputedStyle(e).fontSize])"
    for name, height, font_size in selects.evaluate_all(measured):
        assert height >= 24, f"{name} is {height} px tall"
        assert font_size == text_size, name


def test_in_a_phone_s_card_the_status_is_told_apart_from_its_heading(
    checked_pages: CheckedPages, commented_url: str
) -> None:
    page = opened(checked_pages, commented_url, "fr/dispositions/", PHONE)
    weights = page.evaluate(
        """() => [...document.querySelectorAll(".dispositions__table tbody tr")].map(row => {
          const word = row.querySelector(".dispositions__status-word");
          return [getComputedStyle(word.parentElement, "::before").fontWeight, getComputedStyle(word).fontWeight,
                  getComputedStyle(row.querySelector("td:not(:has(.dispositions__status-word))")).fontWeight];
        })"""
    )
    assert len(weights) > 20
    # Every heading is drawn as the status's heading is, every value as the status is.
    assert {(heading, status) for heading, status, _ in weights} == {("700", "400")}
    assert {value for _, _, value in weights} == {"400"}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_form_is_styled_and_its_file_reads_through_in_the_code_font(
    checked_pages: CheckedPages, site_url: str, size: tuple[int, int]
) -> None:
    page = opened(checked_pages, site_url, "comments/?target=IV.b.17#write-a-comment", size)
    # The form's own stylesheet is loaded: its headings bold above fields as wide as the text (or 40em).
    label, field, form = page.evaluate(
        """() => { const label = getComputedStyle(document.querySelector("label[for=cf-name]"));
          return [[label.display, label.fontWeight], document.querySelector("#cf-name").getBoundingClientRect().width,
                  document.querySelector(".comment-form__form").getBoundingClientRect().width]; }"""
    )
    assert label == ["block", "700"]
    assert field >= min(form, 640) - 1
    page.fill("#cf-name", "Fixture Reader")
    page.fill("#cf-text", LONG_LINE)
    page.locator(".comment-form__form button[type=submit]").click()
    output = page.locator("#cf-output")
    output.wait_for(state="visible")
    wraps, font, code_font = output.evaluate(
        """el => [el.scrollWidth <= el.clientWidth, getComputedStyle(el).fontFamily,
                  getComputedStyle(el).getPropertyValue("--md-code-font-family").trim()]"""
    )
    assert wraps, "the prepared file scrolls sideways"
    assert code_font and font == " ".join(str(code_font).split())  # the custom property as written, spaces and all
    assert f"\n{LONG_LINE}\n" in str(output.input_value()), "the file itself keeps the line whole"
