"""The edition's own frame around every page: its date and version, the translation note, and the home
page's orientation. What ``overrides/main.html`` and ``partials/copyright.html`` get, from plain data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from edition.frame.formatting import format_date
from edition.text.links import relative_url

# The pages a first-time reader is pointed to from the home page: the foreword, then the guidelines.
START_PAGES = ("foreword.md", "general-issues.md", "specific-issues.md")
# The pages of the 2005 text after its title page: each offers to hide the edition's apparatus.
TEXT_PAGES = (
    "foreword.md",
    "introduction.md",
    "international-provisions.md",
    "general-issues.md",
    "specific-issues.md",
    "women-in-prison.md",
    "contact.md",
)
COMMENTS_PAGE = "comments.md"
HOW_TO_COMMENT = "how-to-comment"  # the Comments page's section the home page points to


@dataclass(frozen=True)
class Link:
    """A link the frame shows: its words and where it leads."""

    text: str
    href: str


# Why: "This edition: 25 November 2026, version 1.0", in the page's language.
def edition_line(labels: Mapping[str, str], *, date_text: str, version: str) -> str:
    return labels["footer_edition"].format(date=date_text, version=version)


# Why: the start pages in the order ``START_PAGES`` gives, from (file name, title, href) of the nav.
def start_links(pages: Sequence[tuple[str, str, str]]) -> list[Link]:
    by_name = {name: Link(title, href) for name, title, href in pages}
    return [by_name[name] for name in START_PAGES if name in by_name]


# Why: every page's footer: this edition's date and version, and the theme's credit, in the page's language.
def footer_context(labels: Mapping[str, str], *, date: dt.date, version: str) -> dict[str, str]:
    return {
        "edition_line": edition_line(labels, date_text=format_date(date, labels), version=version),
        "made_with": labels["footer_made_with"],
    }


# Why: what an edition's home page opens with, from (file name, title, address) of each page of the nav.
def orientation(
    labels: Mapping[str, str], *, line: str, pages: Sequence[tuple[str, str, str]], here: str
) -> dict[str, Any]:
    linked = [(name, title, relative_url(url, here)) for name, title, url in pages]
    comments = next((href for name, _, href in linked if name == COMMENTS_PAGE), None)
    return {
        "labels": labels,
        "line": line,
        "start": start_links(linked),
        "comments_href": f"{comments}#{HOW_TO_COMMENT}" if comments else None,
    }


# Why: a translated edition's note on every page (its labels say whose translation it is), and on the pages
# of the 2005 text the words of the control that hides the apparatus; a page without either gets neither.
def interface_words(labels: Mapping[str, str], *, page_name: str) -> dict[str, Any]:
    words: dict[str, Any] = {}
    if "translation_note_text" in labels:
        words["edition_translation_note"] = {
            "title": labels["translation_note_title"],
            "summary": labels["translation_note_summary"],
            "text": labels["translation_note_text"],
        }
    if page_name in TEXT_PAGES:
        words["edition_text_only"] = labels["text_only"]
    return words
