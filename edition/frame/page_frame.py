"""The edition's own frame around every page: its date and version, and the home page's orientation."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

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
