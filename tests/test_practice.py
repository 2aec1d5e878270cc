"""Practice notes, without a build: edition/annexes/practice.py on the real data and on bad records.

The bad records are fixtures made from the real France record, each with one thing wrong.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from edition.annexes.practice import (
    Country,
    check_records,
    load_practice,
    note_problems,
    note_sections,
    numbers_in,
)
from edition.text.syntax import scan

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "practice.yml"
SCHEMA = ROOT / "data" / "schemas" / "practice.schema.yml"
SOURCES = ROOT / "sources"
LANGS = ["en", "fr", "es"]


def paragraphs() -> set[str]:
    return {
        g.number
        for path in (ROOT / "docs" / "en").glob("*.md")
        for g in scan(path.read_text(encoding="utf-8"), path=str(path)).guidelines
    }


def load(path: Path = DATA) -> tuple[list[Country], list[str]]:
    countries, problems = load_practice(
        path, schema_path=SCHEMA, sources=SOURCES, languages=LANGS, paragraphs=paragraphs(), shown="practice.yml"
    )
    return countries, [str(p) for p in problems]


def records() -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("up until the age of six", "en", {6}),
        ("jusqu’à l’âge de 6 ans", "fr", {6}),
        ("hasta los seis años", "es", {6}),
        ("près de 2 000 enfants", "fr", {2000}),
        ("près de 2\u202f000 enfants", "fr", {2000}),
        ("almost 2000 children", "en", {2000}),
        ("an 18-month sentence; her 2-month-old son", "en", {18, 2}),
        ("17 October 2017", "en", {17, 2017}),
        ("Five mothers and a pregnant woman", "en", {5}),
        ("une mère et un enfant", "fr", set()),  # articles are not figures
        ("once años", "es", {11}),
        ("once a week", "en", set()),  # "once" is a number in Spanish only
        ("see [[IV.a.10]] and [[crc-9-1]]", "en", set()),  # references are the edition's
        ("trois reportages", "fr", {3}),
    ],
)
def test_numbers_in(text: str, lang: str, expected: set[int]) -> None:
    assert numbers_in(text, lang=lang) == expected


def test_the_real_data_passes_every_check_and_names_four_countries() -> None:
    countries, problems = load()
    assert problems == []
    assert [c.id for c in countries] == ["france", "mexico", "england", "cambodia"]
    assert [c.source[:3] for c in countries] == ["000", "001", "002", "003"]


def test_every_recorded_fact_and_quotation_is_verbatim_in_its_source() -> None:
    countries, _ = load()
    for country in countries:
        source = (SOURCES / country.source).read_text(encoding="utf-8")
        for text in [*country.facts, *(q.text for q in country.quotations)]:
            assert text in source, (country.id, text)
        assert country.quotations or country.facts


@pytest.mark.parametrize(
    ("country_id", "paragraph", "in_source"),
    [
        ("mexico", "IV.b.3", "they're allowed to leave on weekends to spend time with other family"),
        ("england", "IV.a.2", "provides assistance and support to children visiting their mothers in prison"),
    ],
)
def test_weekend_leave_and_childrens_visits_bear_on_their_paragraphs(
    country_id: str, paragraph: str, in_source: str
) -> None:
    countries, _ = load()
    country = next(c for c in countries if c.id == country_id)
    assert paragraph in [b.paragraph for b in country.bears_on]
    assert in_source in (SOURCES / country.source).read_text(encoding="utf-8")


def test_the_age_limits_are_the_reports_own() -> None:
    """The overview's ages are those the reports give: 6 in Mexico, 3 in Cambodia, none in France."""
    countries = {c.id: c for c in load()[0]}
    assert numbers_in(countries["mexico"].overview["who"]["en"], lang="en") == {6}
    assert numbers_in(countries["cambodia"].overview["who"]["fr"], lang="fr") == {3}
    assert numbers_in(countries["france"].overview["who"]["es"], lang="es") == set()
    assert "up until the age of six" in (SOURCES / countries["mexico"].source).read_text(encoding="utf-8")
    assert "up until the age of three" in (SOURCES / countries["cambodia"].source).read_text(encoding="utf-8")


Edit = Callable[[dict[str, Any]], None]


def _set(path: list[Any], value: Any) -> Edit:
    def edit(record: dict[str, Any]) -> None:
        node: Any = record
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value

    return edit


def _drop(path: list[Any]) -> Edit:
    def edit(record: dict[str, Any]) -> None:
        node: Any = record
        for key in path[:-1]:
            node = node[key]
        del node[path[-1]]

    return edit


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (_set(["bears_on", 0, "paragraph"], "IV.b.99"), "france: unknown paragraph 'IV.b.99'"),
        (_set(["bears_on", 0, "paragraph"], "IV.b.5"), "france: a paragraph is named twice in bears_on"),
        (_drop(["place", "es"]), "france: place has no text in 'es'"),
        (_drop(["bears_on", 1, "reason", "fr"]), "france: bears_on[IV.b.5].reason has no text in 'fr'"),
        (_drop(["quotations", 0, "translation", "es"]), "france: quotations[0].translation has no text in 'es'"),
        (
            _set(["source"], "009_0000000000000000.txt"),
            "france: unknown source file 'sources/009_0000000000000000.txt'",
        ),
        (_set(["quotations", 1, "text"], "We never panic"), "france: quotations[1].text is not verbatim in sources/"),
        (_set(["facts", 3], "a 20-month sentence"), "france: facts[3] is not verbatim in sources/"),
        (_set(["citation", "date_as_given"], "May 5, 2018"), "france: citation.date_as_given is not verbatim"),
        (
            _set(["overview", "who", "fr"], "Jusqu’à l’âge de 7 ans et demi"),
            "france: overview.who (fr) shows [7], which no recorded fact gives",
        ),
        (
            _set(["bears_on", 0, "reason", "es"], "Hasta los siete años."),
            "france: bears_on[IV.a.10].reason (es) shows [7], which no recorded fact gives",
        ),
    ],
)
def test_a_bad_record_is_reported(edit: Edit, expected: str) -> None:
    data = records()
    edit(data[0])
    _, problems = check_records(
        data, list(range(1, len(data) + 1)), sources=SOURCES, languages=LANGS, paragraphs=paragraphs(), shown="p.yml"
    )
    assert [p for p in map(str, problems) if expected in p], [str(p) for p in problems]
    assert all(str(p).startswith("p.yml:1: france: ") for p in problems)


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (_drop(["citation", "publisher"]), "0.citation: 'publisher' is a required property"),
        (_set(["kind"], "official"), "0.kind: 'official' is not one of"),
        (_set(["bears_on", 0, "paragraph"], "IV.b"), "0.bears_on.0.paragraph: 'IV.b' does not match"),
        (_drop(["citation", "date_as_given"]), "0.citation: 'date_as_given' is a dependency of 'date'"),
        (_set(["source"], "../README.md"), "0.source: '../README.md' does not match"),
        (_set(["extra"], 1), "Additional properties are not allowed ('extra' was unexpected)"),
    ],
)
def test_the_schema_rejects_a_malformed_record(edit: Edit, expected: str, tmp_path: Path) -> None:
    data = records()
    edit(data[0])
    path = tmp_path / "practice.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    countries, problems = load(path)
    assert countries == []
    assert [p for p in problems if expected in p], problems


def test_every_problem_of_several_records_is_listed_at_once() -> None:
    data = records()
    _set(["bears_on", 0, "paragraph"], "IV.z.1")(data[0])
    _drop(["name", "fr"])(data[1])
    _set(["source"], "099_0000000000000000.txt")(data[3])
    _, problems = check_records(
        data, [1, 40, 80, 120], sources=SOURCES, languages=LANGS, paragraphs=paragraphs(), shown="p.yml"
    )
    assert [str(p) for p in sorted(problems)] == [
        "p.yml:1: france: unknown paragraph 'IV.z.1'",
        "p.yml:40: mexico: name has no text in 'fr'",
        "p.yml:120: cambodia: unknown source file 'sources/099_0000000000000000.txt'",
    ]


def _pages() -> dict[str, tuple[str, str]]:
    return {
        lang: (f"docs/{lang}/practice.md", (ROOT / "docs" / lang / "practice.md").read_text("utf-8")) for lang in LANGS
    }


def test_the_real_notes_pass_and_are_cut_at_their_headings() -> None:
    countries, _ = load()
    assert note_problems(_pages(), countries) == []
    for lang in LANGS:
        assert [s.heading for s in note_sections(_pages()[lang][1])] == ["france", "mexico", "england", "cambodia"]


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda t: t.replace("<!-- edition:practice-note mexico -->\n", ""), "note 'mexico' needs one line"),
        (lambda t: t.replace("## Mexique {#mexico}", "## Mexique"), "a note's heading needs its country id"),
        (lambda t: t.replace("{#cambodia}", "{#laos}"), "note 'laos' has no record in data/practice.yml"),
        (lambda t: t.replace("{#cambodia}", "{#laos}"), "no note for 'cambodia' in 'fr'"),
        (lambda t: t.replace("<!-- edition:practice-overview -->", ""), "no '<!-- edition:practice-overview -->'"),
        (lambda t: t.replace("jusqu’à l’âge de 3 ans", "jusqu’à l’âge de quatre ans"), "note 'cambodia' shows [4]"),
        (lambda t: t.replace("36 femmes", "38 femmes"), "note 'cambodia' shows [38]"),
    ],
)
def test_a_bad_note_is_reported_with_its_file(edit: Callable[[str], str], expected: str) -> None:
    countries, _ = load()
    pages = _pages()
    pages["fr"] = (pages["fr"][0], edit(pages["fr"][1]))
    problems = [str(p) for p in note_problems(pages, countries)]
    assert [p for p in problems if p.startswith("docs/fr/practice.md:") and expected in p], problems


def test_notes_out_of_order_are_reported() -> None:
    countries, _ = load()
    reordered = copy.copy(countries)
    reordered.reverse()
    problems = [str(p) for p in note_problems(_pages(), reordered)]
    assert "docs/en/practice.md:1: notes in another order than in data/practice.yml" in problems


def _translated(node: Any) -> list[dict[str, str]]:
    if isinstance(node, dict):
        own = [node] if {"en", "fr", "es"} <= set(node) else []
        return own + [found for value in node.values() for found in _translated(value)]
    if isinstance(node, list):
        return [found for value in node for found in _translated(value)]
    return []


def test_the_data_uses_the_glossary_terms_field_by_field() -> None:
    glossary = [
        e for e in yaml.safe_load((ROOT / "data" / "glossary.yml").read_text("utf-8")) if "fr" in e and "es" in e
    ]
    fields = _translated(records())
    checked = 0
    for field in fields:
        for entry in glossary:
            if entry["en"].casefold() in field["en"].casefold():
                checked += 1
                for lang in ("fr", "es"):
                    assert entry[lang].casefold() in field[lang].casefold(), (field["en"], lang)
    assert checked >= 1, "the England reason names imprisoned mothers, a glossary term"
