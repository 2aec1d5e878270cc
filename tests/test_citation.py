"""Citation formats as pure functions (edition/tools/citation.py), and the files and pages the build makes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest

from edition.frame.facts import load_facts
from edition.text.registry import load_registry
from edition.tools.citation import (
    TOKENS,
    Work,
    bibtex,
    bibtex_escape,
    csl_json,
    edition_work,
    ris,
    ris_value,
    split_name,
    templates,
)
from tests.conftest import ROOT
from tests.site import EDITION_PREFIX, parse

# A fixture work (not the publication's facts), with characters each format must handle.
WORK = Work(
    author="Ana María de la Fuente",
    title="A & B: 100% {fixture}",
    subtitle="Draft_one #2",
    publisher="Fixture Office",
    place="Geneva",
    issued="2005-03",
    edition="English web edition, version 1.0, 25 November 2026",
    edition_date="2026-11-25",
    language="en",
    key="fuente2005-en",
)
PATTERN = "{author}, {title}, {publisher}, {place}, {year}; {edition}{locator}. {url} (accessed {accessed})."

# The part of the CSL-JSON schema (citation-style-language/schema, schemas/input/csl-data.json)
# that covers the variables these items use: transcribed, not downloaded, so the test runs offline.
CSL_SUBSET = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["type", "id"],
        "additionalProperties": False,
        "properties": {
            "type": {"enum": ["book", "chapter"]},
            "id": {"type": ["string", "number"]},
            "language": {"type": "string"},
            "title": {"type": "string"},
            "container-title": {"type": "string"},
            "publisher": {"type": "string"},
            "publisher-place": {"type": "string"},
            "edition": {"type": ["string", "number"]},
            "URL": {"type": "string"},
            "author": {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "properties": {"family": {"type": "string"}, "given": {"type": "string"}},
                },
            },
            "issued": {"$ref": "#/$defs/date"},
            "accessed": {"$ref": "#/$defs/date"},
        },
    },
    "$defs": {
        "date": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "date-parts": {
                    "type": "array",
                    "minItems": 1,
                    "maxItems": 2,
                    "items": {"type": "array", "minItems": 1, "maxItems": 3, "items": {"type": ["string", "number"]}},
                }
            },
        }
    },
}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Plain words", "Plain words"),
        ("A & B", r"A \& B"),
        ("100% {x}", r"100\% \{x\}"),
        ("a_b #1 $2", r"a\_b \#1 \$2"),
        ("^~", r"\^{}\~{}"),
        ("back\\slash", r"back\textbackslash{}slash"),
        ("two\n  lines", "two lines"),
        ("Niños, «citado»", "Niños, «citado»"),
    ],
)
def test_bibtex_escape(text: str, expected: str) -> None:
    assert bibtex_escape(text) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Marlene Alejos", ("Alejos", "Marlene")),
        ("Ana María Fuente", ("Fuente", "Ana María")),
        ("Plato", ("Plato", "")),
    ],
)
def test_split_name(name: str, expected: tuple[str, str]) -> None:
    assert split_name(name) == expected


@pytest.mark.parametrize(("text", "expected"), [("one\r\nTY  - BOOK", "one TY - BOOK"), ("  a  b ", "a b")])
def test_ris_value_cannot_start_a_field(text: str, expected: str) -> None:
    assert ris_value(text) == expected


@pytest.mark.parametrize("locator", [None, "Paragraph IV.b.17", 'CRC art. 9(1), "quoted" \\ {x}'])
def test_csl_json_is_valid_and_complete(locator: str | None) -> None:
    (item,) = data = json.loads(
        csl_json(WORK, key="k", locator=locator, url="https://e.org/x/#y", accessed="2026-11-25")
    )
    jsonschema.Draft202012Validator(CSL_SUBSET).validate(data)
    assert item["type"] == ("book" if locator is None else "chapter")
    assert item["author"] == [{"family": "Fuente", "given": "Ana María de la"}]
    assert item["issued"] == {"date-parts": [[2005, 3]]} and item["accessed"] == {"date-parts": [[2026, 11, 25]]}
    if locator is not None:
        assert item["title"] == locator and item["container-title"] == "A & B: 100% {fixture}: Draft_one #2"


def test_bibtex_entry_fields() -> None:
    entry = bibtex(
        WORK, key="k-iv-b-17", locator="Paragraph IV.b.17", url="https://e.org/a_b/#iv-b-17", accessed="2026-11-25"
    )
    lines = entry.splitlines()
    assert lines[0] == "@inbook{k-iv-b-17," and lines[-1] == "}"
    assert r"  title = {A \& B: 100\% \{fixture\}: Draft\_one \#2}," in lines
    assert "  chapter = {Paragraph IV.b.17}," in lines
    assert "  author = {Fuente, Ana María de la}," in lines
    assert "  month = mar," in lines and "  year = {2005}," in lines
    assert "  url = {https://e.org/a_b/#iv-b-17}," in lines  # a URL is verbatim in BibTeX
    assert "  urldate = {2026-11-25}," in lines and "  language = {english}," in lines
    assert entry.count("{") == entry.count("}")


@pytest.mark.parametrize(
    ("locator", "expected"),
    [
        (None, ["TY  - BOOK", "ID  - k", "AU  - Fuente, Ana María de la", "TI  - A & B: 100% {fixture}: Draft_one #2"]),
        (
            "Paragraph III.a.1",
            [
                "TY  - CHAP",
                "ID  - k",
                "AU  - Fuente, Ana María de la",
                "TI  - Paragraph III.a.1",
                "T2  - A & B: 100% {fixture}: Draft_one #2",
            ],
        ),
    ],
)
def test_ris_record_fields(locator: str | None, expected: list[str]) -> None:
    record = ris(WORK, key="k", locator=locator, url="https://e.org/", accessed="2026-11-25")
    lines = record.split("\r\n")
    assert lines[: len(expected)] == expected
    assert {"PY  - 2005", "DA  - 2005/03", "CY  - Geneva", "UR  - https://e.org/", "Y2  - 2026/11/25"} <= set(lines)
    assert lines[-2:] == ["ER  -", ""]


# A build without a published address (a local or offline one) has no address to give: no empty field.
def test_without_an_address_no_format_has_an_address_field() -> None:
    (item,) = json.loads(csl_json(WORK, key="k", locator=None, url=None))
    assert "URL" not in item
    entry = bibtex(WORK, key="k", locator=None, url=None)
    assert "url" not in [line.split("=")[0].strip() for line in entry.splitlines()]
    assert entry.count("{") == entry.count("}")
    record = ris(WORK, key="k", locator=None, url=None).split("\r\n")
    assert [line for line in record if line.startswith("UR")] == []
    assert record[-2:] == ["ER  -", ""]


def test_templates_leave_only_the_browsers_part_as_tokens() -> None:
    found = templates(WORK, pattern=PATTERN)
    assert found["text"] == (
        "Ana María de la Fuente, A & B: 100% {fixture}, Fixture Office, Geneva, 2005; "
        "English web edition, version 1.0, 25 November 2026, @@LOCATOR@@. @@URL@@ (accessed @@ACCESSED@@)."
    )
    for name in ("csl", "bibtex", "ris"):
        assert TOKENS["key"] in found[name] and TOKENS["url"] in found[name] and TOKENS["locator"] in found[name]
    whole = templates(WORK, pattern=PATTERN, part=False)
    assert TOKENS["locator"] not in "".join(whole.values())
    assert "2005; English web edition, version 1.0, 25 November 2026. @@URL@@" in whole["text"]


# ---------------------------------------------------------------------------------------------
# The real build


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_each_edition_has_its_citation_files_linked_from_its_home(built_site: Path, lang: str) -> None:
    folder = built_site / EDITION_PREFIX[lang]
    csl = json.loads((folder / "cite" / "edition.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(CSL_SUBSET).validate(csl)
    assert csl[0]["id"] == f"alejos2005-{lang}" and csl[0]["language"] == lang
    assert csl[0]["author"] == [{"family": "Alejos", "given": "Marlene"}]
    assert csl[0]["publisher"] == "Quaker United Nations Office"
    assert (folder / "cite" / "edition.bib").read_text(encoding="utf-8").startswith(f"@book{{alejos2005-{lang},")
    assert (folder / "cite" / "edition.ris").read_bytes().startswith(b"TY  - BOOK\r\n")
    home = parse(folder / "index.html")
    links = [a["href"] for a in home.select(".edition-cite-home a[download]")]
    assert links == ["cite/edition.json", "cite/edition.bib", "cite/edition.ris"]


@pytest.mark.parametrize("page", ["general-issues", "specific-issues", "international-provisions"])
def test_every_paragraph_and_provision_offers_compare_and_a_place_to_cite(built_site: Path, page: str) -> None:
    soup = parse(built_site / page / "index.html")
    holders = soup.select(".guideline[id], figure.provision[id]")
    assert holders
    for holder in holders:
        # A group's last provision has its tools after the group's 2005 caption (edition/text/quotations.py).
        apparatus = soup.select_one(f'[data-apparatus-of="{holder["id"]}"]')
        link = holder.select_one(".edition-tools a.edition-tools__compare") or (
            apparatus.select_one(".edition-tools a.edition-tools__compare") if apparatus else None
        )
        assert link is not None and link["href"] == f"../compare/#{holder['id']}", holder["id"]
    assert len(soup.select("dialog#edition-cite")) == 1
    script = soup.select_one("dialog#edition-cite script[src]")
    assert script is not None and script["src"] == "../cite/templates.js"


@pytest.mark.parametrize(
    ("lang", "place", "edition"),
    [
        ("en", "Geneva", "English web edition, version 1.0, 2 March 2026"),
        ("fr", "Genève", "édition Web en français (traduction de la présente édition), version 1.0, 2 mars 2026"),
        (
            "es",
            "Ginebra",
            "edición web en español (traducción de la presente edición), versión 1.0, 2 de marzo de 2026",
        ),
    ],
)
def test_the_work_cited_comes_from_the_facts_and_the_languages_words(lang: str, place: str, edition: str) -> None:
    facts = load_facts(ROOT / "data")
    labels = load_registry(ROOT / "data").labels[lang]
    work = edition_work(facts, labels, lang=lang, date=dt.date(2026, 3, 2))
    assert (work.author, work.publisher, work.issued) == ("Marlene Alejos", "Quaker United Nations Office", "2005-03")
    assert (work.place, work.edition.replace("1.0", facts.version), work.key) == (
        place,
        edition.replace("1.0", facts.version),
        f"alejos2005-{lang}",
    )
