"""Practice around the world: country notes drawn from the reports in ``sources/``, linked to the
guideline paragraphs they bear on.

Two phases, like the cross-references. ``load_practice`` reads ``data/practice.yml``, validates it
against ``data/schemas/practice.schema.yml`` and checks it against the world: the source file
exists, every verbatim field (facts, title, author, date as given, quotations) is in that file,
every paragraph id exists, every reader-visible field is in every language, and every number the
data shows a reader is one of the numbers of the recorded facts. ``note_problems`` checks the
Markdown notes of every language (``docs/<lang>/practice.md``) against the records the same way.
Every problem names file and line; nothing here knows about MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from edition.shared.problems import Problem
from edition.shared.yaml_text import load_yaml
from edition.text.registry import load_with_lines, schema_problems

# Where the templates and Markdown leave room for the practice apparatus (replaced after rendering).
PARAGRAPH_PLACE = "<!-- edition:practice {number} -->"
OVERVIEW_PLACE = "<!-- edition:practice-overview -->"
NOTE_PLACE = "<!-- edition:practice-note {id} -->"
NOTE_PLACE_RE = re.compile(r"^<!-- edition:practice-note (?P<id>\S+) -->\s*$")
HEADING_RE = re.compile(r"^## .*\{#(?P<id>[a-z][a-z-]*)\}\s*$")
REF_RE = re.compile(r"\[\[[^\]]*\]\]")

# Number words a note may use, per language; "one"/"un"/"uno" are left out: they are also articles.
NUMBER_WORDS: Mapping[str, Mapping[str, int]] = {
    "en": dict(two=2, three=3, four=4, five=5, six=6, seven=7, eight=8, nine=9, ten=10, eleven=11, twelve=12),
    "fr": dict(deux=2, trois=3, quatre=4, cinq=5, six=6, sept=7, huit=8, neuf=9, dix=10, onze=11, douze=12),
    "es": dict(dos=2, tres=3, cuatro=4, cinco=5, seis=6, siete=7, ocho=8, nueve=9, diez=10, once=11, doce=12),
}
# Digits, with thin, narrow or ordinary spaces between groups of three ("2 000" in French).
DIGITS_RE = re.compile(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+")
WORD_RE = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Quotation:
    """Words quoted in the report, verbatim in its language, with the edition's translations."""

    text: str
    speaker: Mapping[str, str]
    translation: Mapping[str, str]


@dataclass(frozen=True)
class Bearing:
    """A guideline paragraph a country note bears on, and why in one line per language."""

    paragraph: str
    reason: Mapping[str, str]


@dataclass(frozen=True)
class Country:
    """One country note's data: where, what source, what it shows, which paragraphs it bears on."""

    id: str
    source: str
    language: str
    kind: str
    name: Mapping[str, str]
    place: Mapping[str, str]
    citation: Mapping[str, Any]
    facts: tuple[str, ...]
    overview: Mapping[str, Mapping[str, str]]
    quotations: tuple[Quotation, ...]
    bears_on: tuple[Bearing, ...]
    line: int

    # Why: the numbers a note may show are those of the verbatim facts, read in the report's language.
    @property
    def numbers(self) -> frozenset[int]:
        return frozenset(n for fact in self.facts for n in numbers_in(fact, lang=self.language))


# ---------------------------------------------------------------------------------------------
# Numbers


# Why: every number a reader sees in a text, in digits or words of its language (fidelity checks).
def numbers_in(text: str, *, lang: str) -> set[int]:
    text = REF_RE.sub(" ", text)  # [[IV.a.10]] references are the edition's, not figures
    found = {int(re.sub(r"\D", "", m)) for m in DIGITS_RE.findall(text)}
    words = NUMBER_WORDS.get(lang, {})
    found |= {words[w.casefold()] for w in WORD_RE.findall(text) if w.casefold() in words}
    return found


# Why: the numbers a text shows that the country's facts do not give (each one is an invented figure).
def unsupported_numbers(text: str, country: Country, *, lang: str) -> list[int]:
    return sorted(numbers_in(text, lang=lang) - country.numbers)


# ---------------------------------------------------------------------------------------------
# The data


# Why: reads, validates and checks data/practice.yml; returns the countries and every problem.
def load_practice(
    path: Path,
    *,
    schema_path: Path,
    sources: Path,
    languages: Sequence[str],
    paragraphs: Iterable[str],
    shown: str,
) -> tuple[list[Country], list[Problem]]:
    try:
        data, lines = load_with_lines(path)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return [], [Problem(shown, mark.line + 1 if mark else 1, f"not valid YAML: {error}")]
    schema = load_yaml(schema_path.read_text(encoding="utf-8"))
    problems = schema_problems(data, schema, path=shown, lines=lines)
    if problems:
        return [], problems
    return check_records(data, lines, sources=sources, languages=languages, paragraphs=set(paragraphs), shown=shown)


# Why: the checks a schema cannot make, on records the schema has accepted.
def check_records(
    data: Sequence[Mapping[str, Any]],
    lines: Sequence[int],
    *,
    sources: Path,
    languages: Sequence[str],
    paragraphs: set[str],
    shown: str,
) -> tuple[list[Country], list[Problem]]:
    countries: list[Country] = []
    problems: list[Problem] = []
    for record, line in zip(data, lines, strict=True):
        country = _country(record, line)
        messages = _record_messages(country, sources=sources, languages=languages, paragraphs=paragraphs)
        if any(c.id == country.id for c in countries):
            messages.insert(0, "duplicate country id")
        problems += [Problem(shown, line, f"{country.id}: {message}") for message in messages]
        countries.append(country)
    return countries, problems


# Why: what is wrong with one record, as messages (its file and line are the caller's).
def _record_messages(country: Country, *, sources: Path, languages: Sequence[str], paragraphs: set[str]) -> list[str]:
    messages: list[str] = []
    source = sources / country.source
    text = source.read_text(encoding="utf-8") if source.is_file() else None
    if text is None:
        messages.append(f"unknown source file 'sources/{country.source}'")
    for field_name, value in _verbatim_fields(country):
        if text is not None and value not in text:
            messages.append(f"{field_name} is not verbatim in sources/{country.source}: '{value[:60]}'")
    for field_name, texts in _translated_fields(country):
        # Quotations are in the report's language; only the other languages need a translation.
        translation = field_name.endswith(".translation")
        for lang in [lang for lang in languages if not (translation and lang == country.language)]:
            if lang not in texts:
                messages.append(f"{field_name} has no text in '{lang}'")
            elif extra := unsupported_numbers(texts[lang], country, lang=lang):
                messages.append(f"{field_name} ({lang}) shows {extra}, which no recorded fact gives")
    messages += [f"unknown paragraph '{b.paragraph}'" for b in country.bears_on if b.paragraph not in paragraphs]
    if len({b.paragraph for b in country.bears_on}) != len(country.bears_on):
        messages.append("a paragraph is named twice in bears_on")
    return messages


# Why: one typed object per validated record.
def _country(record: Mapping[str, Any], line: int) -> Country:
    return Country(
        id=record["id"],
        source=record["source"],
        language=record["language"],
        kind=record["kind"],
        name=record["name"],
        place=record["place"],
        citation=record["citation"],
        facts=tuple(record["facts"]),
        overview=record["overview"],
        quotations=tuple(Quotation(q["text"], q["speaker"], q["translation"]) for q in record["quotations"]),
        bears_on=tuple(Bearing(b["paragraph"], b["reason"]) for b in record["bears_on"]),
        line=line,
    )


# Why: the fields that must appear word for word in the source file.
def _verbatim_fields(country: Country) -> list[tuple[str, str]]:
    fields = [(f"facts[{i}]", fact) for i, fact in enumerate(country.facts)]
    fields += [
        (f"citation.{k}", country.citation[k]) for k in ("title", "author", "date_as_given") if k in country.citation
    ]
    fields += [(f"quotations[{i}].text", q.text) for i, q in enumerate(country.quotations)]
    return fields


# Why: every per-language field, named as the author finds it in the record.
def _translated_fields(country: Country) -> list[tuple[str, Mapping[str, str]]]:
    fields: list[tuple[str, Mapping[str, str]]] = [("name", country.name), ("place", country.place)]
    fields += [(f"citation.{k}", country.citation[k]) for k in ("publisher", "date_note") if k in country.citation]
    fields += [(f"overview.{k}", v) for k, v in country.overview.items()]
    for i, q in enumerate(country.quotations):
        fields += [(f"quotations[{i}].speaker", q.speaker), (f"quotations[{i}].translation", q.translation)]
    fields += [(f"bears_on[{b.paragraph}].reason", b.reason) for b in country.bears_on]
    return fields


# ---------------------------------------------------------------------------------------------
# The Markdown notes


@dataclass(frozen=True)
class NoteSection:
    """One country's section of a language's practice page: its heading id, lines and placeholders."""

    heading: str
    line: int
    text: str
    places: tuple[str, ...]


# Why: a practice page cut at its level-2 headings; the text before the first is the introduction.
def note_sections(markdown: str) -> list[NoteSection]:
    sections: list[NoteSection] = []
    current: tuple[str, int, list[str], list[str]] | None = None
    for number, line in enumerate(markdown.split("\n"), start=1):
        heading = HEADING_RE.match(line)
        if line.startswith("## "):
            if current:
                sections.append(NoteSection(current[0], current[1], "\n".join(current[2]), tuple(current[3])))
            current = (heading["id"] if heading else "", number, [], [])
            continue
        if current is None:
            continue
        place = NOTE_PLACE_RE.match(line)
        if place:
            current[3].append(place["id"])
        else:
            current[2].append(line)
    if current:
        sections.append(NoteSection(current[0], current[1], "\n".join(current[2]), tuple(current[3])))
    return sections


# Why: each language's page holds one note per country, in data order, with only supported numbers.
def note_problems(pages: Mapping[str, tuple[str, str]], countries: Sequence[Country]) -> list[Problem]:
    problems: list[Problem] = []
    expected = [c.id for c in countries]
    by_id = {c.id: c for c in countries}
    for lang, (shown, markdown) in pages.items():
        if OVERVIEW_PLACE not in markdown:
            problems.append(Problem(shown, 1, f"no '{OVERVIEW_PLACE}' line for the overview table"))
        sections = note_sections(markdown)
        for section in sections:
            if not section.heading:
                problems.append(Problem(shown, section.line, "a note's heading needs its country id: '## Name {#id}'"))
            elif section.heading not in by_id:
                problems.append(
                    Problem(shown, section.line, f"note '{section.heading}' has no record in data/practice.yml")
                )
            if section.places != (section.heading,):
                problems.append(
                    Problem(
                        shown,
                        section.line,
                        f"note '{section.heading}' needs one line '{NOTE_PLACE.format(id=section.heading)}'",
                    )
                )
            country = by_id.get(section.heading)
            if country is not None:
                extra = unsupported_numbers(section.text, country, lang=lang)
                if extra:
                    problems.append(
                        Problem(shown, section.line, f"note '{country.id}' shows {extra}, which no recorded fact gives")
                    )
        found = [s.heading for s in sections if s.heading in by_id]
        for missing in [cid for cid in expected if cid not in found]:
            problems.append(Problem(shown, 1, f"no note for '{missing}' in '{lang}'"))
        if not [cid for cid in expected if cid not in found] and found != expected:
            problems.append(Problem(shown, 1, "notes in another order than in data/practice.yml"))
    return problems


# ---------------------------------------------------------------------------------------------
# For the pages


# Why: under each paragraph, the countries whose notes bear on it, in data order.
def bearings_by_paragraph(countries: Sequence[Country]) -> dict[str, list[tuple[Country, Bearing]]]:
    found: dict[str, list[tuple[Country, Bearing]]] = {}
    for country in countries:
        for bearing in country.bears_on:
            found.setdefault(bearing.paragraph, []).append((country, bearing))
    return found
