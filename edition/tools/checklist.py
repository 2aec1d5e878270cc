"""The self-assessment checklist: every guideline paragraph by part and section, read from the pages.

The checklist page lists the 58 paragraphs under their part (``# III General issues``) and lettered
section (``## a. Legal framework``), with each paragraph's text as the cross-reference index holds
it (``edition/text/crossrefs.py``). Nothing is copied by hand: the parts, sections and texts come from
the scanned pages of the language being built. The reader's answers stay in the browser
(``overrides/assets/javascripts/checklist.js``); the status codes below are what its files hold,
the same in every language.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from edition.shared.problems import Problem
from edition.shared.safe_html import edition_html
from edition.text.crossrefs import CrossIndex
from edition.text.headings import source_headings
from edition.text.ids import guideline_anchor, parse_guideline_number
from edition.text.syntax import GuidelineBlock, ScannedPage, Text

# The statuses a reader can give a paragraph, as written in exported files (never translated).
STATUSES = ("in-law", "in-policy", "in-practice", "partly", "not-yet", "not-applicable")

# Where the checklist keeps the reader's answers in the browser: one key for every language,
# keyed inside by paragraph number, so an assessment follows the reader from one language to another.
STORAGE_KEY = "edition-checklist"

# Bounds on what an import may hold: a file's size in bytes and a note's length in characters.
MAX_FILE_BYTES = 1024 * 1024
MAX_NOTE = 5000

# The words the checklist shows, in data/labels.yml under each language (``checklist_`` + key).
LABELS = (
    *(f"status_{code}" for code in STATUSES),
    "status",
    "status_none",
    "note",
    "tools",
    "export_csv",
    "export_json",
    "import",
    "print",
    "clear",
    "clear_confirm",
    "cleared",
    "summary",
    "section",
    "total",
    "noscript",
    "no_storage",
    "imported",
    "where_row",
    "where_entry",
    "error_prefix",
    "error_size",
    "error_encoding",
    "error_type",
    "error_json",
    "error_shape",
    "error_quote",
    "error_columns",
    "error_cells",
    "error_paragraph",
    "error_duplicate",
    "error_status",
    "error_formula",
    "error_html",
    "error_control",
    "error_long",
    "error_empty",
    "error_more",
    "note_html",
    "note_control",
    "note_long",
)


@dataclass(frozen=True)
class ChecklistItem:
    """One paragraph in the checklist: its number, where it is, and its text."""

    number: str
    anchor: str
    page: str
    text: str


@dataclass(frozen=True)
class ChecklistSection:
    """A lettered section (``III.a``) with its heading and paragraphs."""

    key: str
    title: str
    items: tuple[ChecklistItem, ...]


@dataclass(frozen=True)
class ChecklistPart:
    """A part of the guidelines (``III``) with its heading and sections."""

    key: str
    title: str
    sections: tuple[ChecklistSection, ...]


# Why: the part (level 1) and section (level 2) heading above each guideline paragraph of a page.
def headings_above(page: ScannedPage) -> dict[str, tuple[str | None, str | None]]:
    part: str | None = None
    section: str | None = None
    found: dict[str, tuple[str | None, str | None]] = {}
    headings = {heading.line: heading for heading in source_headings(page) if heading.level <= 2}
    for segment in page.segments:
        if isinstance(segment, Text) and segment.line in headings:
            heading = headings[segment.line]
            if heading.level == 1:
                part, section = heading.title, None
            else:
                section = heading.title
        elif isinstance(segment, GuidelineBlock):
            found[segment.number] = (part, section)
    return found


# Why: the checklist of one language, in reading order; a paragraph without headings is a problem.
def checklist_parts(
    index: CrossIndex, pages: Mapping[str, ScannedPage], *, order: Sequence[str]
) -> tuple[list[ChecklistPart], list[Problem]]:
    problems: list[Problem] = []
    parts: dict[str, tuple[str, dict[str, tuple[str, list[ChecklistItem]]]]] = {}
    for key in order:
        page = pages[key]
        above = headings_above(page)
        for block in page.guidelines:
            entry = index.guidelines.get(block.number)
            number = parse_guideline_number(block.number)
            if entry is None or number is None:
                continue
            part_title, section_title = above[block.number]
            if part_title is None or section_title is None:
                problems.append(
                    Problem(page.path, block.line, f"guideline {block.number} has no part or section heading above it")
                )
                continue
            _, sections = parts.setdefault(number.part, (part_title, {}))
            _, items = sections.setdefault(number.section_key, (section_title, []))
            items.append(ChecklistItem(block.number, guideline_anchor(block.number), entry.page, entry.text))
    result = [
        ChecklistPart(
            part,
            title,
            tuple(ChecklistSection(key, s_title, tuple(items)) for key, (s_title, items) in sections.items()),
        )
        for part, (title, sections) in parts.items()
    ]
    return result, problems


# Why: a language without every checklist word must stop the build, not show a blank button.
def missing_labels(labels: Mapping[str, str]) -> list[str]:
    return [f"checklist_{key}" for key in LABELS if f"checklist_{key}" not in labels]


# Why: what ``overrides/checklist.html`` gets: the outline linked to the pages (``hrefs``: page -> address),
# the statuses and words of one language, the bounds the script holds imports to, and the page's reference
# part (``details``, HTML Markdown made from the page) shown after the questions.
def checklist_context(
    parts: Sequence[ChecklistPart], *, hrefs: Mapping[str, str], labels: Mapping[str, str], lang: str, details: str
) -> dict[str, Any]:
    return {
        "parts": parts,
        "hrefs": hrefs,
        "statuses": [{"code": code, "label": labels[f"checklist_status_{code}"]} for code in STATUSES],
        "labels": {k.removeprefix("checklist_"): text for k, text in labels.items() if k.startswith("checklist_")},
        "storage_key": STORAGE_KEY,
        "lang": lang,
        "colon": labels["colon"],
        "count": sum(len(section.items) for part in parts for section in part.sections),
        "max_note": MAX_NOTE,
        "max_bytes": MAX_FILE_BYTES,
        "details": edition_html(details),
    }
