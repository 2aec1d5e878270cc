"""A publication, not a workshop: the "2005 text only" switch on the pages of the 2005 text, the
edition's dated mark said once per page, no "No comments" line under every paragraph, a home page
that opens with the document's title before the edition's files, no repository file names on a
reader's page, and a checklist whose questions come before its storage details (built HTML, then
Chromium at desktop and phone sizes)."""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

import pytest
from bs4 import Tag
from playwright.sync_api import Page, expect

from edition.frame.page_frame import TEXT_PAGES
from edition.shared.apparatus import TEXT_ONLY_HIDDEN
from edition.tools.checklist import STORAGE_KEY
from tests.browsing import axe_violations
from tests.conftest import CheckedPages
from tests.site import ALL_PAGES, EDITION_PREFIX, LABELS, article, parse

KEY = "edition.reader.textOnly"
# What the switch hides: the edition's notes, links, tools, comments and translation note.
HIDDEN = tuple(f".{name}" for name in TEXT_ONLY_HIDDEN)  # edition/shared/apparatus.py
TEXT_HTML = [f"{PurePosixPath(name).stem}/index.html" for name in TEXT_PAGES]
FILE_NAME = re.compile(r"\bdata/[\w.-]+\.(?:ya?ml|json)\b")
SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


def _pages(site: Path, lang: str) -> list[tuple[str, Tag]]:
    return [(name, article(parse(site / EDITION_PREFIX[lang] / name))) for name in ALL_PAGES]


def _before(first: Tag, second: Tag) -> bool:
    return second in first.find_all_next()


@pytest.mark.parametrize("lang", list(EDITION_PREFIX))
def test_the_switch_is_on_each_page_of_the_2005_text_only_and_hidden_until_the_script_shows_it(
    built_site: Path, lang: str
) -> None:
    for name, content in _pages(built_site, lang):
        holder = content.select_one(".edition-text-only")
        if name not in TEXT_HTML:
            assert holder is None, name
            continue
        assert holder is not None and holder.has_attr("hidden"), name
        button = holder.select_one("button[type=button][aria-pressed=false]")
        assert button is not None and button.get_text(strip=True) == LABELS[lang]["text_only"], name


@pytest.mark.parametrize("lang", list(EDITION_PREFIX))
def test_the_editions_dated_mark_is_said_once_per_page_and_each_later_note_points_at_it(
    built_site: Path, lang: str
) -> None:
    mark = LABELS[lang]["law_since_edition_mark"]
    noted = 0
    for name, content in _pages(built_site, lang):
        if name not in TEXT_HTML:
            continue  # the annex's summaries carry marks of their own; the home page, a pointer
        notes = content.select("aside.law-since")
        if not notes:
            continue
        noted += 1
        marks = content.select(".law-since__mark")
        assert len(marks) == 1 and marks[0].get("id") == "law-since-mark", name
        assert content.get_text(" ").count(mark) == 1, name
        assert notes[0].select_one("#law-since-mark") is not None, name
        for note in notes[1:]:
            assert note.get("aria-describedby") == "law-since-mark", name
            assert note.select_one(".law-since__title") is not None, name
    assert noted >= 3


@pytest.mark.parametrize("lang", list(EDITION_PREFIX))
def test_a_paragraph_without_comments_shows_only_the_link_to_comment(built_site: Path, lang: str) -> None:
    content = article(parse(built_site / EDITION_PREFIX[lang] / "specific-issues/index.html"))
    panels = content.select(".guideline .comments")
    assert len(panels) > 20
    for panel in panels:
        assert LABELS[lang]["comments_count_zero"] not in panel.get_text(" ")
        assert [a.get_text(strip=True) for a in panel.select("a")] == [LABELS[lang]["comment_on_guideline"]]


@pytest.mark.parametrize("lang", list(EDITION_PREFIX))
def test_the_home_page_gives_the_documents_title_before_the_editions_data_and_citation_files(
    built_site: Path, lang: str
) -> None:
    content = article(parse(built_site / EDITION_PREFIX[lang] / "index.html"))
    title = content.find("h1")
    assert isinstance(title, Tag)
    files = content.select("a[href$='.json'], a[href$='.bib'], a[href$='.ris'], a[type='application/schema+json']")
    assert len(files) >= 4
    assert all(_before(title, link) for link in files)


@pytest.mark.parametrize("lang", list(EDITION_PREFIX))
def test_no_reader_page_names_a_repository_file(built_site: Path, lang: str) -> None:
    for name, content in _pages(built_site, lang):
        assert FILE_NAME.findall(content.get_text(" ")) == [], name


@pytest.mark.parametrize("lang", list(EDITION_PREFIX))
def test_the_checklists_first_question_comes_before_its_storage_details(built_site: Path, lang: str) -> None:
    content = article(parse(built_site / EDITION_PREFIX[lang] / "checklist/index.html"))
    question = content.select_one(".checklist__item")
    key = content.find(string=lambda s: STORAGE_KEY in s)
    heading = content.select_one("h2#your-answers-and-files")
    assert question is not None and key is not None and heading is not None
    assert _before(question, heading) and heading in key.find_all_previous()
    assert content.select_one("#file-formats") in heading.find_all_next()


# --- in Chromium


def _open(checked_pages: CheckedPages, site_url: str, size: str) -> Page:
    phone = size == "phone"
    return checked_pages.open(site_url, **SIZES[size], has_touch=phone, is_mobile=phone)


@pytest.mark.parametrize("size", list(SIZES))
def test_the_switch_hides_the_apparatus_keeps_numbers_and_citations_and_survives_a_reload(
    checked_pages: CheckedPages, site_url: str, size: str
) -> None:
    page = _open(checked_pages, site_url, size)
    page.goto(f"{site_url}/specific-issues/")
    button = page.get_by_role("button", name=LABELS["en"]["text_only"])
    expect(button).to_have_attribute("aria-pressed", "false")
    paragraph = page.locator("#iv-b-17")
    for selector in (".law-since", ".practice-links", ".edition-tools", ".comments"):
        expect(page.locator(f"article {selector}").first).to_be_visible()
    button.focus()
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-pressed", "true")
    assert page.url == f"{site_url}/specific-issues/"

    def check_text_only() -> None:
        for selector in HIDDEN:
            assert page.locator(f"article {selector}:visible").count() == 0, selector
        expect(paragraph.locator(".guideline__number")).to_be_visible()
        expect(paragraph.locator(".guideline__rests-on a").first).to_be_visible()

    check_text_only()
    expect(button).to_be_visible()
    assert page.evaluate("k => localStorage.getItem(k)", KEY) == "1"
    assert page.evaluate("() => Object.keys(localStorage)") == [KEY]
    page.reload()
    expect(button).to_have_attribute("aria-pressed", "true")
    check_text_only()
    page.emulate_media(media="print")
    check_text_only()
    page.emulate_media(media="screen")
    button.click()
    expect(button).to_have_attribute("aria-pressed", "false")
    expect(page.locator("article .law-since").first).to_be_visible()
    assert page.evaluate("k => localStorage.getItem(k)", KEY) is None


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_the_switch_speaks_the_pages_language_and_hides_the_translation_note(
    page: Page, site_url: str, lang: str
) -> None:
    page.goto(f"{site_url}/{EDITION_PREFIX[lang]}introduction/")
    note = page.locator("aside.edition-note")
    expect(note).to_be_visible()
    button = page.get_by_role("button", name=LABELS[lang]["text_only"])
    button.press("Space")
    expect(button).to_have_attribute("aria-pressed", "true")
    expect(note).to_be_hidden()
    page.emulate_media(media="print")
    expect(note).to_be_hidden()
    page.emulate_media(media="screen")
    button.press("Space")
    expect(note).to_be_visible()


def test_without_javascript_there_is_no_switch_and_the_apparatus_stays(
    checked_pages: CheckedPages, site_url: str
) -> None:
    page = checked_pages.open(site_url, javascript=False)
    page.goto(f"{site_url}/specific-issues/")
    expect(page.locator(".edition-text-only")).to_be_hidden()
    expect(page.locator("article .law-since").first).to_be_visible()


@pytest.mark.parametrize("lang", list(EDITION_PREFIX))
def test_the_page_in_text_only_has_no_wcag_violation(page: Page, site_url: str, lang: str) -> None:
    page.goto(f"{site_url}/{EDITION_PREFIX[lang]}specific-issues/")
    page.get_by_role("button", name=LABELS[lang]["text_only"]).click()
    assert axe_violations(page) == []


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_on_a_phone_the_translation_note_is_one_short_line_that_opens_to_its_whole_text(
    checked_pages: CheckedPages, site_url: str, lang: str
) -> None:
    page = _open(checked_pages, site_url, "phone")
    page.goto(f"{site_url}/{EDITION_PREFIX[lang]}specific-issues/")
    note = page.locator("aside.edition-note")
    text = note.locator("details > p")
    expect(text).to_be_hidden()
    viewport = page.viewport_size
    assert viewport is not None
    box = note.bounding_box()
    # Closed, it is its title and gist in small type: an eighth of the first screen, not a third.
    assert box is not None and box["height"] <= viewport["height"] / 8, box
    note.locator("summary").tap()
    expect(text).to_be_visible()
    expect(text).to_contain_text("2005")
