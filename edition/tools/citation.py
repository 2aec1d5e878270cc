"""Citations of the edition, a paragraph or a provision: a sentence to paste, CSL-JSON, BibTeX and RIS.

Pure functions of a ``Work`` (the 2005 publication and this edition, in one language) and a part
of it (``locator``: "Paragraph IV.b.17", or a provision's label). The browser fills in the date of
access and, where no address is configured, the page's own address: the hooks render the same
functions with ``TOKENS`` in their place (``template``), and the page's script replaces them.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from edition.frame.facts import EditionFacts
from edition.frame.formatting import format_date

# What the browser fills in: the part's key and words, its address, the date of access.
TOKENS = {"key": "@@KEY@@", "locator": "@@LOCATOR@@", "url": "@@URL@@", "accessed": "@@ACCESSED@@"}
# BibTeX's special characters, written so LaTeX prints them as themselves.
_BIBTEX = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "^": r"\^{}",
    "~": r"\~{}",
}
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
LANGUAGE_NAMES = {"en": "english", "fr": "french", "es": "spanish"}  # BibTeX's (babel's) names


@dataclass(frozen=True)
class Work:
    """The 2005 publication as this edition presents it in one language."""

    author: str
    title: str
    subtitle: str
    publisher: str
    place: str
    issued: str  # "2005-03"
    edition: str  # "English web edition, version 1.0, 25 November 2026"
    edition_date: str  # ISO date of this edition
    language: str
    key: str  # "alejos2005-en"


# Why: the 2005 publication (``data/edition.yml``) and this edition, in one language's words.
def edition_work(facts: EditionFacts, labels: Mapping[str, str], *, lang: str, date: dt.date) -> Work:
    publication = facts.publication
    family, _ = split_name(publication.author)
    return Work(
        author=publication.author,
        title=publication.title,
        subtitle=publication.subtitle,
        publisher=publication.publisher,
        place=labels["cite_place"],
        issued=publication.date,
        edition=labels["cite_edition"].format(version=facts.version, date=format_date(date, labels)),
        edition_date=date.isoformat(),
        language=lang,
        key=f"{family.lower()}{publication.date[:4]}-{lang}",
    )


# Why: braces, backslashes and the like in a field would break the entry or run as LaTeX.
def bibtex_escape(text: str) -> str:
    flat = " ".join(text.split())
    return "".join(_BIBTEX.get(c, c) for c in flat)


# Why: reference managers want the author as family and given names ("Alejos", "Marlene").
def split_name(name: str) -> tuple[str, str]:
    given, _, family = name.strip().rpartition(" ")
    return family, given


# Why: RIS is one field per line; a line break inside a value would start a bogus field.
def ris_value(text: str) -> str:
    return " ".join(text.split())


def _full_title(work: Work) -> str:
    return f"{work.title}: {work.subtitle}"


def _year_month(work: Work) -> tuple[int, int]:
    year, month = work.issued.split("-")
    return int(year), int(month)


# Why: the key of a part is the work's key and the part's own ("alejos2005-en-iv-b-17").
def part_key(work: Work, part: str | None) -> str:
    return work.key if part is None else f"{work.key}-{part}"


# Why: CSL-JSON (an array of one item), which Zotero, Mendeley and pandoc read.
def csl_json(work: Work, *, key: str, locator: str | None, url: str | None, accessed: str | None = None) -> str:
    family, given = split_name(work.author)
    year, month = _year_month(work)
    item: dict[str, Any] = {"id": key, "type": "book" if locator is None else "chapter"}
    if locator is not None:
        item["title"] = locator
        item["container-title"] = _full_title(work)
    else:
        item["title"] = _full_title(work)
    item |= {
        "author": [{"family": family, "given": given}],
        "publisher": work.publisher,
        "publisher-place": work.place,
        "issued": {"date-parts": [[year, month]]},
        "edition": work.edition,
        "language": work.language,
    }
    if url is not None:  # a build without a published address has none to give
        item["URL"] = url
    if accessed is not None:
        item["accessed"] = {"date-parts": [[int(part) for part in accessed.split("-")]]}
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"


# Why: BibTeX; a part is an @inbook whose chapter is the paragraph or provision.
def bibtex(work: Work, *, key: str, locator: str | None, url: str | None, accessed: str | None = None) -> str:
    family, given = split_name(work.author)
    year, month = _year_month(work)
    fields = [("author", f"{family}, {given}"), ("title", _full_title(work))]
    if locator is not None:
        fields.append(("chapter", locator))
    fields += [
        ("publisher", work.publisher),
        ("address", work.place),
        ("year", str(year)),
        ("edition", work.edition),
        ("language", LANGUAGE_NAMES.get(work.language, work.language)),
    ]
    if url is not None:
        fields.append(("url", url))
    if accessed is not None:
        fields.append(("urldate", accessed))
    lines = [f"@{'book' if locator is None else 'inbook'}{{{key},"]
    for name, value in fields:
        lines.append(f"  {name} = {{{value if name == 'url' else bibtex_escape(value)}}},")
        if name == "year":
            lines.append(f"  month = {_MONTHS[month - 1]},")
    return "\n".join(lines) + "\n}\n"


# Why: RIS, the tagged format every reference manager imports; a part is a book chapter (CHAP).
def ris(work: Work, *, key: str, locator: str | None, url: str | None, accessed: str | None = None) -> str:
    family, given = split_name(work.author)
    year, month = _year_month(work)
    fields = [("TY", "BOOK" if locator is None else "CHAP"), ("ID", key), ("AU", f"{family}, {given}")]
    if locator is not None:
        fields += [("TI", locator), ("T2", _full_title(work))]
    else:
        fields.append(("TI", _full_title(work)))
    fields += [
        ("PB", work.publisher),
        ("CY", work.place),
        ("PY", str(year)),
        ("DA", f"{year}/{month:02d}"),
        ("ET", work.edition),
        ("LA", work.language),
    ]
    if url is not None:
        fields.append(("UR", url))
    if accessed is not None:
        fields.append(("Y2", accessed.replace("-", "/")))
    fields.append(("ER", ""))
    return "\r\n".join(f"{tag}  - {ris_value(value)}".rstrip() for tag, value in fields) + "\r\n"


# Why: the sentence a drafter pastes, in the words of the reader's language (``cite_format``).
def text_citation(work: Work, *, pattern: str, locator: str | None, url: str, accessed: str) -> str:
    year, _ = _year_month(work)
    return pattern.format(
        author=work.author,
        title=work.title,
        publisher=work.publisher,
        place=work.place,
        year=year,
        edition=work.edition,
        locator=f", {locator}" if locator else "",
        url=url,
        accessed=accessed,
    )


# Why: a citation in every format with the browser's tokens in place of what only it knows; the
# whole work (``part=False``) has no locator.
def templates(work: Work, *, pattern: str, part: bool = True) -> Mapping[str, str]:
    locator = TOKENS["locator"] if part else None
    key, url, accessed = TOKENS["key"], TOKENS["url"], TOKENS["accessed"]
    return {
        "text": text_citation(work, pattern=pattern, locator=locator, url=url, accessed=accessed),
        "csl": csl_json(work, key=key, locator=locator, url=url),
        "bibtex": bibtex(work, key=key, locator=locator, url=url, accessed=accessed),
        "ris": ris(work, key=key, locator=locator, url=url, accessed=accessed),
    }
