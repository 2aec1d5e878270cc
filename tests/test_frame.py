"""The frame of every page: its edition's date and version in the footer, no download line above the
title, and a home page that tells a first-time reader what this is, where to start and where the
downloads are (in the built HTML, then in Chromium)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from edition.frame.facts import load_facts
from edition.frame.formatting import format_date
from edition.frame.page_frame import (
    START_PAGES,
    TEXT_PAGES,
    Link,
    edition_line,
    footer_context,
    interface_words,
    orientation,
    start_links,
)
from tests.site import ALL_PAGES, EDITION_PREFIX, LABELS, article, html_files, parse

ROOT = Path(__file__).resolve().parent.parent
FACTS = load_facts(ROOT / "data")
VERSION = FACTS.version


def test_edition_line() -> None:
    labels = {"footer_edition": "Esta edición: {date}, versión {version}"}
    assert edition_line(labels, date_text="1 de enero de 2027", version="2.1") == (
        "Esta edición: 1 de enero de 2027, versión 2.1"
    )


def test_start_links_follow_the_reading_order_and_skip_missing_pages() -> None:
    pages = [("specific-issues.md", "IV", "s/"), ("index.md", "T", "./"), ("foreword.md", "F", "f/")]
    assert START_PAGES[0] == "foreword.md"
    assert start_links(pages) == [Link("F", "f/"), Link("IV", "s/")]


def test_footer_context_dates_the_edition_and_credits_the_theme_in_the_pages_words() -> None:
    labels = {
        "footer_edition": "Cette édition : {date}, version {version}",
        "footer_made_with": "Réalisé avec",
        "months": "janvier, février, mars, avril, mai, juin, juillet, août, septembre, octobre, novembre, décembre",
        "date_format": "{day} {month} {year}",
    }
    assert footer_context(labels, date=dt.date(2027, 2, 3), version="1.2") == {
        "edition_line": "Cette édition : 3 février 2027, version 1.2",
        "made_with": "Réalisé avec",
    }


NAV = [
    ("index.md", "Home", "fr/"),
    ("specific-issues.md", "IV", "fr/specific-issues/"),
    ("foreword.md", "Avant-propos", "fr/foreword/"),
    ("comments.md", "Commentaires", "fr/comments/"),
]


@pytest.mark.parametrize(
    ("pages", "here", "start", "comments_href"),
    [
        (NAV, "fr/", [Link("Avant-propos", "foreword/"), Link("IV", "specific-issues/")], "comments/#how-to-comment"),
        (  # the offline edition's pages are files, and so is the home page's address
            [(n, t, u.rstrip("/") + ".html" if u != "fr/" else "fr/index.html") for n, t, u in NAV],
            "fr/index.html",
            [Link("Avant-propos", "foreword.html"), Link("IV", "specific-issues.html")],
            "comments.html#how-to-comment",
        ),
        (NAV[:3], "fr/", [Link("Avant-propos", "foreword/"), Link("IV", "specific-issues/")], None),  # no Comments page
        ([], "", [], None),
    ],
)
def test_orientation_links_the_start_pages_and_how_to_comment_from_the_home_page(
    pages: list[tuple[str, str, str]], here: str, start: list[Link], comments_href: str | None
) -> None:
    labels = {"home_files_title": "Fichiers"}
    found = orientation(labels, line="Cette édition", pages=pages, here=here)
    assert found == {"labels": labels, "line": "Cette édition", "start": start, "comments_href": comments_href}


NOTE = {"translation_note_title": "T", "translation_note_summary": "S", "translation_note_text": "X"}


@pytest.mark.parametrize(
    ("labels", "page_name", "expected"),
    [
        ({"text_only": "2005 only"}, "index.md", {}),  # the default edition, its title page
        ({"text_only": "2005 only"}, TEXT_PAGES[0], {"edition_text_only": "2005 only"}),
        (
            {**NOTE, "text_only": "Texte de 2005"},
            "general-issues.md",
            {
                "edition_translation_note": {"title": "T", "summary": "S", "text": "X"},
                "edition_text_only": "Texte de 2005",
            },
        ),
        (
            {**NOTE, "text_only": "Texte"},
            "checklist.md",
            {"edition_translation_note": {"title": "T", "summary": "S", "text": "X"}},
        ),
    ],
)
def test_interface_words_give_the_translation_note_and_the_text_only_control_where_they_belong(
    labels: dict[str, str], page_name: str, expected: dict[str, Any]
) -> None:
    assert interface_words(labels, page_name=page_name) == expected


def edition_pages(site: Path, lang: str) -> list[Path]:
    folder = site / EDITION_PREFIX[lang]
    others = {p.rstrip("/") for p in EDITION_PREFIX.values() if p}
    return [p for p in html_files(folder) if p.name != "404.html" and p.relative_to(folder).parts[0] not in others]


@pytest.mark.parametrize("lang", list(EDITION_PREFIX))
def test_every_page_footer_gives_the_editions_date_and_version(built_site: Path, lang: str) -> None:
    expected = edition_line(LABELS[lang], date_text=format_date(FACTS.date, LABELS[lang]), version=VERSION)
    pages = edition_pages(built_site, lang)
    # Every page of the nav; not /404.html, one bare page for all three editions, without the frame.
    folder = built_site / EDITION_PREFIX[lang]
    assert sorted(str(p.relative_to(folder)) for p in pages) == sorted(ALL_PAGES)
    for path in pages:
        footer = parse(path).select_one("footer .edition-footer")
        assert footer is not None, path
        assert " ".join(footer.get_text(" ").split()).startswith(" ".join(expected.split())), path


@pytest.mark.parametrize("lang", list(EDITION_PREFIX))
def test_the_footer_credits_the_theme_in_the_pages_language(built_site: Path, lang: str) -> None:
    for path in edition_pages(built_site, lang):
        copyright = parse(path).select_one("footer .md-copyright")
        assert copyright is not None, path
        text = " ".join(copyright.get_text(" ").split())
        assert f"{LABELS[lang]['footer_made_with']} Material for MkDocs" in text, path
        assert lang == "en" or "Made with" not in text, path


@pytest.mark.parametrize("lang", list(EDITION_PREFIX))
def test_nothing_of_the_edition_sits_above_a_page_title_but_the_translation_note(built_site: Path, lang: str) -> None:
    for path in edition_pages(built_site, lang):
        content = article(parse(path))
        title = content.find("h1")
        assert title is not None, path
        above = [n for n in title.find_all_previous() if content in n.parents]
        assert not [n for n in above if "edition-download" in (n.get("class") or [])], path


@pytest.mark.parametrize("lang", list(EDITION_PREFIX))
def test_the_home_page_opens_with_the_editions_orientation(built_site: Path, lang: str) -> None:
    content = article(parse(built_site / EDITION_PREFIX[lang] / "index.html"))
    aside = content.select_one("aside.edition-orientation")
    assert aside is not None
    title = content.find("h1")
    assert title is not None and aside in title.find_all_previous()
    text = " ".join(aside.get_text(" ").split())
    assert LABELS[lang]["orientation_text"].replace("\u00a0", " ") in text.replace("\u00a0", " ")
    assert VERSION in text
    links = [str(a["href"]) for a in aside.select("a[href]")]
    assert len([h for h in links if h.endswith(".pdf")]) == 3
    assert len([h for h in links if h.endswith(".zip")]) == 3
    assert any(h.endswith("comments/#how-to-comment") for h in links)
    assert any(h.startswith("foreword/") for h in links)
    assert any(h.startswith("specific-issues/") for h in links)
    # No download is left loose after the 2005 title page (QUNO's fax number and address): the citation
    # and data files that follow it are in the edition's own headed box.
    assert not content.select("aside.edition-orientation ~ .edition-downloads, h1 ~ .edition-downloads")
    files = content.select_one("aside.edition-files")
    assert files is not None and title in files.find_all_previous()
    assert files.select_one("h2").get_text(strip=True) == LABELS[lang]["home_files_title"]


@pytest.mark.parametrize("lang", list(EDITION_PREFIX))
def test_the_home_page_orients_a_reader_in_one_screen(page: Page, site_url: str, lang: str) -> None:
    page.goto(f"{site_url}/{EDITION_PREFIX[lang]}")
    height = page.viewport_size["height"] if page.viewport_size else 900
    aside = page.locator("aside.edition-orientation")
    expect(aside).to_be_visible()
    for locator in (
        aside.get_by_role("heading", name=LABELS[lang]["orientation_title"]),
        aside.locator("a[href$='.pdf']").first,
        aside.locator("a[href$='.zip']").first,
        aside.locator("a[href*='specific-issues']"),
        aside.locator("a[href$='#how-to-comment']"),
    ):
        box = locator.bounding_box()
        assert box is not None and box["y"] + box["height"] <= height, locator
    expect(page.locator("footer .edition-footer")).to_contain_text(VERSION)
