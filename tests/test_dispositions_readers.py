"""What readers meet of passages and dispositions beyond the English website: the Disposition page
filtered in French and Spanish, printed, and both it and a marked passage from the offline ZIP; and
the published site holds no invented comment while every fixture says it is one."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from edition.comments.passages import CONTEXT
from edition.downloads import edition_data
from tests.browsing import axe_violations
from tests.conftest import COMMENT_FIXTURES, DISPOSITION_FIXTURES, PASSAGE_FIXTURES, ROOT, CheckedPages
from tests.site import EDITION_PREFIX, LABELS
from tests.test_dispositions_site import PASSAGE_FIXTURE
from tests.test_passages_browser import PASSAGE_EN, TEXTS, prepare_and_check

ZIP = "babies-and-small-children-residing-in-prisons-{lang}-offline.zip"
FOLDER = "babies-and-small-children-residing-in-prisons-{lang}"


# Why: the filters as a reader uses them, by their labels in the page's language.
def filter_by_status(page: Page, lang: str, status: str) -> None:
    labels = LABELS[lang]
    page.get_by_label(labels["comments_status_heading"], exact=True).select_option(status)
    page.get_by_role("button", name=labels["dispositions_filter"]).click()


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_the_disposition_page_filters_in_french_and_spanish_and_axe_finds_nothing(
    checked_pages: CheckedPages, commented_url: str, lang: str
) -> None:
    labels = LABELS[lang]
    page = checked_pages.open(commented_url)
    page.goto(f"{commented_url}/{EDITION_PREFIX[lang]}dispositions/")
    rows = page.locator(".dispositions__table tbody tr")
    total = rows.count()
    filter_by_status(page, lang, "partly-accepted")
    shown = page.locator(".dispositions__table tbody tr:visible")
    expect(page.locator(f"#disposition-{PASSAGE_FIXTURE}-on-iii-a-3")).to_be_visible()
    status_cells = shown.locator(".dispositions__status-word")
    expect(status_cells.first).to_have_text(labels["comment_status_partly-accepted"])
    assert set(status_cells.all_inner_texts()) == {labels["comment_status_partly-accepted"]}, "status in words"
    count = shown.count()
    said = labels["dispositions_shown"].format(shown=count, total=total)
    expect(page.locator(".dispositions__status")).to_have_text(said)
    page.get_by_label(labels["comments_browse_language"]).select_option("fr")
    filter_by_status(page, lang, "")
    assert set(shown.evaluate_all("rows => rows.map(r => r.dataset.language)")) == {"fr"}
    page.get_by_label(labels["comments_browse_target"]).select_option("IV.b.17")
    filter_by_status(page, lang, "incorporated")
    expect(page.locator(".dispositions__status")).to_have_text(labels["dispositions_none_shown"])
    assert axe_violations(page) == []


def test_the_printed_disposition_page_says_what_it_shows_in_words(
    checked_pages: CheckedPages, commented_url: str
) -> None:
    """Unfiltered, every row prints with its status in words; filtered, the print says how many it shows."""
    labels = LABELS["fr"]
    page = checked_pages.open(commented_url)
    page.goto(f"{commented_url}/fr/dispositions/")
    page.emulate_media(media="print")
    expect(page.locator(".dispositions__filters")).to_be_hidden()
    rows = page.locator(".dispositions__table tbody tr")
    total = rows.count()
    expect(page.locator(".dispositions__table tbody tr:visible")).to_have_count(total)
    words = page.locator(".dispositions__table tbody tr .dispositions__status-word").all_inner_texts()
    statuses = rows.evaluate_all("rows => rows.map(r => r.dataset.status)")
    assert words == [labels[f"comment_status_{status}"] for status in statuses]
    page.emulate_media(media="screen")
    filter_by_status(page, "fr", "partly-accepted")
    page.emulate_media(media="print")
    shown = page.locator(".dispositions__table tbody tr:visible").count()
    assert 0 < shown < total
    expect(page.locator(".dispositions__status")).to_be_visible()
    said = labels["dispositions_shown"].format(shown=shown, total=total)
    expect(page.locator(".dispositions__status")).to_have_text(said)


def test_offline_a_passage_is_marked_selected_and_the_disposition_page_filters(
    checked_pages: CheckedPages, commented_site: Path, tmp_path: Path
) -> None:
    with zipfile.ZipFile(commented_site / ZIP.format(lang="en")) as archive:
        archive.extractall(tmp_path)
    folder = tmp_path / FOLDER.format(lang="en")
    page = checked_pages.open(folder.as_uri())
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto((folder / "specific-issues.html").as_uri() + "#iv-a-4")  # the offline variant: no directory URLs
    page.locator("#iv-a-4 .comments__summary").click()
    mark = page.locator("#iv-a-4 mark.passage-mark")
    expect(mark.first).to_be_visible()
    assert "".join(mark.evaluate_all("ms => ms.map(m => m.lastChild.data)")) == PASSAGE_EN
    page.locator("#iv-a-4 .comments__summary").click()  # closed: the words are one text again
    expect(mark).to_have_count(0)
    # Select, then comment: the link leads to the ZIP's own Comments page with the words filled in.
    page.evaluate(
        """(words) => {
          const node = [...document.querySelectorAll("#iv-a-4 > p:not([class])")][0].firstChild;
          const at = node.data.indexOf(words);
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + words.length);
          getSelection().removeAllRanges();
          getSelection().addRange(range);
        }""",
        PASSAGE_EN,
    )
    control = page.get_by_role("link", name=LABELS["en"]["comment_on_passage"])
    expect(control).to_be_visible()
    control.click()
    expect(page).to_have_url(re.compile(re.escape((folder / "comments.html").as_uri()) + r"\?"))
    expect(page.locator("#cf-passage")).to_have_value(PASSAGE_EN)
    # From file:// the form loads the texts as a script (a browser refuses fetch there): the words are
    # checked in the paragraph's text, and the file the form prepares passes the editors' checker.
    found = LABELS["en"]["comment_form_passage_found"].format(target="IV.a.4")
    expect(page.locator("#cf-passage-status")).to_have_text(found)
    passage = prepare_and_check(page, tmp_path)
    text = TEXTS[("IV.a.4", "en")]
    start = text.index(PASSAGE_EN)
    assert (passage["prefix"], passage["suffix"], passage["start"]) == (
        text[max(0, start - CONTEXT) : start],
        text[start + len(PASSAGE_EN) : start + len(PASSAGE_EN) + CONTEXT],
        start,
    )
    # When the texts' script hands nothing over, the words keep the context the page gave them and the
    # checker judges them (a new page: the first kept the script).
    (folder / edition_data.TEXTS.format(lang="en")).write_text('"use strict";\n', encoding="utf-8")
    unchecked = checked_pages.open(folder.as_uri())
    unchecked.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    unchecked.goto(page.url)
    expect(unchecked.locator("#cf-passage-status")).to_have_text(LABELS["en"]["comment_form_passage_unchecked"])
    assert prepare_and_check(unchecked, tmp_path / "unchecked") == passage
    page.goto((folder / "dispositions.html").as_uri())
    filter_by_status(page, "en", "partly-accepted")
    expect(page.locator(f"#disposition-{PASSAGE_FIXTURE}-on-iii-a-3")).to_be_visible()
    assert set(
        page.locator(".dispositions__table tbody tr:visible").evaluate_all("rows => rows.map(r => r.dataset.status)")
    ) == {"partly-accepted"}
    assert errors == []


def says_fixture(path: Path) -> bool:
    return "fixture" in path.read_text(encoding="utf-8").casefold()


def test_every_fixture_comment_says_it_is_one() -> None:
    files = [*COMMENT_FIXTURES.glob("*.md"), *PASSAGE_FIXTURES.glob("*.md"), *DISPOSITION_FIXTURES.glob("*.md")]
    assert len(files) >= 4
    assert [path.name for path in files if not says_fixture(path)] == []


def test_the_published_site_holds_no_invented_comment(built_site: Path) -> None:
    """The project's comments/ holds no fixture, and the site built from it exports and shows none."""
    published = [path for path in (ROOT / "comments").glob("*.md") if path.name != "README.md"]
    assert [path.name for path in published if says_fixture(path)] == []
    exported = json.loads((built_site / "comments.json").read_text(encoding="utf-8"))
    assert [row for row in exported if "fixture" in json.dumps(row).casefold()] == []
    shown = list((built_site / "comments" / "on").glob("*.js"))
    assert [path.name for path in shown if says_fixture(path)] == []
