"""Fidelity: every sentence of the 2005 publication appears, word for word, in the English edition.

The source is the plain-text conversion kept in the repository (``sources/``). Only the
repairs listed in ``REPAIRS`` are applied to it first; the comparison ignores case (headings were
restored from capitals) and folds whitespace, nothing else.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.site import PAGES, edition_text, parse

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "sources" / "004_6b597a7503c90b56.txt"

# The conversion defects an edition repairs (sources/README.md), as (defect, repair).
REPAIRS = [
    ("ensure that the\n\nmechanisms and programmes", "ensure that the mechanisms and programmes"),
    ("www.quono.org", "www.quno.org"),
]
# Lines of the conversion that are not text of the publication: the table of contents.
NOT_TEXT = re.compile(r"^(# CONTENTS|# PAGE|---|\|.*\|)\s*$")
FOOTNOTE_MARK = re.compile(r"<sup>\d+</sup>")
MARKUP = re.compile(r"\*+|^#+ |^- |<sup>|</sup>")
LINK = re.compile(r"\[([^\]]+)\]\([^)]+\)")
SENTENCE_END = re.compile(r"(?<=[.?!:;])\s+")


def source_sentences() -> list[str]:
    text = SOURCE.read_text(encoding="utf-8")
    for defect, repair in REPAIRS:
        assert defect in text, f"repair no longer applies: {defect!r}"
        text = text.replace(defect, repair)
    sentences = []
    for line in text.splitlines():
        if not line.strip() or NOT_TEXT.match(line):
            continue
        line = LINK.sub(r"\1", FOOTNOTE_MARK.sub("", line))
        line = MARKUP.sub("", line).strip()
        sentences += [s for s in SENTENCE_END.split(line) if s.strip()]
    return sentences


def fold(text: str) -> str:
    return " ".join(text.split()).casefold()


@pytest.fixture(scope="module")
def edition(built_site: Path) -> str:
    return fold(" ".join(edition_text(parse(built_site / name)) for name in PAGES))


def test_the_source_is_read_whole() -> None:
    sentences = source_sentences()
    assert len(sentences) > 250
    assert (
        "Instruments of restraint, such as handcuffs or chains, should never be used on children residing in prisons."
        in sentences
    )


def test_every_sentence_of_the_source_is_in_the_edition(edition: str) -> None:
    missing = [s for s in source_sentences() if fold(s) not in edition]
    assert missing == []


def test_the_split_paragraph_is_rejoined(built_site: Path) -> None:
    soup = parse(built_site / "general-issues/index.html")
    div = soup.find(id="iii-d-2")
    assert div is not None
    assert "to ensure that the mechanisms and programmes in place are efficient" in " ".join(div.get_text().split())


def test_the_title_page_is_printed_once(edition: str) -> None:
    assert edition.count(fold("Foreword by Rachel Brett")) == 1
    assert "contents" not in edition.split("foreword", 1)[0]
