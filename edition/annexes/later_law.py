"""Law since 2005: the later instruments and rules, and the edition's decision for every paragraph.

``load_later_law`` reads ``data/later-law.yml``, validates it against its JSON Schema and checks it
against the paragraphs of the guidelines and the provisions registry, raising one ``EditionError``
that lists every problem with file and line: an unknown rule or instrument, a paragraph or provision
that does not exist or has no recorded decision, a missing language, a quotation without a source.
The rest are small pure functions the hook and templates use (labels, backlinks, the crosswalk).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from edition.annexes.source_line import source_line
from edition.frame.formatting import format_date
from edition.shared.problems import EditionError, Problem
from edition.shared.schemas import inline_refs
from edition.shared.yaml_text import line_map, line_of, load_with_node, load_yaml

LANGUAGES = ("en", "fr", "es")
# Why: the annex shows United Nations instruments first, then each region in this order.
REGIONS = ("africa", "europe", "americas")
DATA_FILE = "later-law.yml"
SCHEMA_FILE = "schemas/later-law.schema.yml"


@dataclass(frozen=True)
class LaterInstrument:
    """An instrument adopted after 2005, with where its facts were checked."""

    id: str
    symbol: str | None
    date: str
    body: Mapping[str, str]
    title: Mapping[str, str]
    title_official: Mapping[str, bool]
    short: Mapping[str, str]
    unit: Mapping[str, str] | None
    checked: str
    region: str | None = None
    binds: Mapping[str, str] | None = None


@dataclass(frozen=True)
class Rule:
    """What a note cites: a rule of an instrument (``number``) or the instrument as a whole."""

    id: str
    instrument: LaterInstrument
    number: str | None
    label_override: Mapping[str, str] | None
    quote: Mapping[str, str]
    quote_source: Mapping[str, str]
    summary: Mapping[str, str]
    checked: str
    reproduced_by: Mapping[str, str | None] = field(default_factory=dict)

    # Why: "Bangkok Rules, rule 49" in each language; the label is what readers search for.
    def label(self, lang: str) -> str:
        if self.label_override:
            return self.label_override[lang]
        if self.number is None or self.instrument.unit is None:
            return self.instrument.short[lang]
        return f"{self.instrument.short[lang]}, {self.instrument.unit[lang]} {self.number}"


@dataclass(frozen=True)
class Link:
    """One later rule bearing on a paragraph or provision, with the edition's reason."""

    rule: Rule
    reason: Mapping[str, str]


@dataclass(frozen=True)
class Decision:
    """The edition's decision for one paragraph: the later rules on its point, or why none."""

    links: tuple[Link, ...]
    none_reason: Mapping[str, str] | None


@dataclass(frozen=True)
class ProvisionStatus:
    """A 2005 provision's status today, with the later rules that replace or supplement it."""

    status: str
    note: Mapping[str, str]
    later: tuple[Rule, ...]


@dataclass(frozen=True)
class LaterLaw:
    """The whole of ``data/later-law.yml``, linked and checked."""

    status_as_of: str
    instruments: Mapping[str, LaterInstrument]
    rules: Mapping[str, Rule]
    paragraphs: Mapping[str, Decision]
    provisions: Mapping[str, ProvisionStatus]

    # Why: backlinks; the paragraphs each rule bears on, in the order of the guidelines.
    def paragraphs_of(self, rule_id: str) -> list[str]:
        return [number for number, d in self.paragraphs.items() if any(k.rule.id == rule_id for k in d.links)]

    # Why: the provisions of 2005 each later rule replaces or supplements.
    def provisions_of(self, rule_id: str) -> list[str]:
        return [pid for pid, s in self.provisions.items() if any(r.id == rule_id for r in s.later)]


# Why: reads, validates and checks the file; every problem at once, as the registry does.
def load_later_law(data_dir: Path, *, paragraphs: Iterable[str], provisions: Iterable[str], shown: str) -> LaterLaw:
    text = (data_dir / DATA_FILE).read_text(encoding="utf-8")
    try:
        node, data = load_with_node(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise EditionError([Problem(shown, mark.line + 1 if mark else 1, f"not valid YAML: {error}")]) from error
    lines = line_map(node)
    schema = load_yaml((data_dir / SCHEMA_FILE).read_text(encoding="utf-8"))
    found = _schema_problems(data, schema, lines=lines, shown=shown)
    if found:
        raise EditionError(found)
    law, problems = link_later_law(data, paragraphs=list(paragraphs), provisions=list(provisions))
    if problems:
        raise EditionError(Problem(shown, line_of(lines, where), message) for where, message in problems)
    return law


# Why: schema problems pointing at the record's own line rather than the top of the file.
def _schema_problems(
    data: Any, schema: Mapping[str, Any], *, lines: Mapping[tuple[Any, ...], int], shown: str
) -> list[Problem]:
    validator = jsonschema.Draft202012Validator(inline_refs(schema, defs=schema.get("$defs", {})))
    return [
        Problem(
            shown,
            line_of(lines, tuple(e.absolute_path)),
            f"{'.'.join(map(str, e.absolute_path)) or '(top level)'}: {e.message}",
        )
        for e in validator.iter_errors(data)
    ]


# Why: turns validated data into objects and checks every cross-link; problems carry a data path.
def link_later_law(
    data: Mapping[str, Any], *, paragraphs: list[str], provisions: list[str]
) -> tuple[LaterLaw, list[tuple[tuple[Any, ...], str]]]:
    problems: list[tuple[tuple[Any, ...], str]] = []
    instruments: dict[str, LaterInstrument] = {}
    for i, r in enumerate(data["instruments"]):
        if r["id"] in instruments:
            problems.append((("instruments", i), f"duplicate instrument id '{r['id']}'"))
        instruments[r["id"]] = LaterInstrument(
            r["id"],
            r.get("symbol"),
            r["date"],
            r["body"],
            r["title"],
            r["title_official"],
            r["short"],
            r.get("unit"),
            r["checked"],
            r.get("region"),
            r.get("binds"),
        )
    rules: dict[str, Rule] = {}
    for i, r in enumerate(data["rules"]):
        where = ("rules", i)
        instrument = instruments.get(r["instrument"])
        if instrument is None:
            problems.append((where, f"rule '{r['id']}': unknown instrument '{r['instrument']}'"))
            continue
        if r["id"] in rules:
            problems.append((where, f"duplicate rule id '{r['id']}'"))
        quote, source = r.get("quote", {}), r.get("quote_source", {})
        reproduced_by = r.get("reproduced_by", {})
        problems += unpaired(r["id"], where, quote, source, key="quote_source", name="a source", extra="source")
        problems += unpaired(
            r["id"], where, quote, reproduced_by, key="reproduced_by", name="its publisher", extra="reproduced_by"
        )
        rules[r["id"]] = Rule(
            r["id"],
            instrument,
            r.get("number"),
            r.get("label"),
            quote,
            source,
            r["summary"],
            r["checked"],
            reproduced_by,
        )
    reasons = data["reasons"]

    def reason(value: Any, where: tuple[Any, ...]) -> Mapping[str, str]:
        if isinstance(value, str):
            if value not in reasons:
                problems.append((where, f"unknown reason '{value}'"))
                return {lang: value for lang in LANGUAGES}
            return dict(reasons[value])
        return dict(value)

    decisions: dict[str, Decision] = {}
    known = set(paragraphs)
    for number, entry in data["paragraphs"].items():
        where = ("paragraphs", number)
        if number not in known:
            problems.append((where, f"paragraph '{number}' does not exist in the guidelines"))
        links = []
        for j, item in enumerate(entry.get("rules", [])):
            rule = rules.get(item["rule"])
            if rule is None:
                problems.append(((*where, "rules", j), f"paragraph '{number}': unknown rule '{item['rule']}'"))
                continue
            links.append(Link(rule, reason(item["reason"], (*where, "rules", j))))
        none = reason(entry["none"], where) if "none" in entry else None
        decisions[number] = Decision(tuple(links), none)
    problems += [
        (("paragraphs",), f"paragraph '{n}' has no recorded decision") for n in paragraphs if n not in decisions
    ]
    ordered = {n: decisions[n] for n in paragraphs if n in decisions} | {
        n: d for n, d in decisions.items() if n not in known
    }
    statuses: dict[str, ProvisionStatus] = {}
    known_provisions = set(provisions)
    for pid, entry in data["provisions"].items():
        where = ("provisions", pid)
        if pid not in known_provisions:
            problems.append((where, f"provision '{pid}' does not exist in data/provisions.yml"))
        later = []
        for rid in entry.get("later", []):
            if rid in rules:
                later.append(rules[rid])
            else:
                problems.append(((*where, "later"), f"provision '{pid}': unknown rule '{rid}'"))
        statuses[pid] = ProvisionStatus(entry["status"], entry["note"], tuple(later))
    problems += [(("provisions",), f"provision '{p}' has no recorded status") for p in provisions if p not in statuses]
    ordered_statuses = {p: statuses[p] for p in provisions if p in statuses}
    law = LaterLaw(data["status_as_of"], instruments, rules, ordered, ordered_statuses)
    return law, problems


# ---------------------------------------------------------------------------------------------
# What the templates show


# Why: the annex groups instruments by where they apply: the universal ones (region None) first,
# then each region of REGIONS, keeping the data's order within a group and leaving out empty groups.
def instrument_groups(instruments: Iterable[LaterInstrument]) -> list[tuple[str | None, list[LaterInstrument]]]:
    listed = list(instruments)
    groups = [(region, [i for i in listed if i.region == region]) for region in (None, *REGIONS)]
    return [(region, members) for region, members in groups if members]


# Why: the text a preview and the page show for a rule: its quotation or the edition's summary.
def shown_text(rule: Rule, lang: str) -> tuple[str, bool]:
    if lang in rule.quote:
        return rule.quote[lang], True
    return rule.summary[lang], False


# Why: a quotation's languages and those of a field that goes with it (its source, its publisher) must match.
def unpaired(
    rule_id: str,
    where: tuple[Any, ...],
    quote: Mapping[str, str],
    other: Mapping[str, Any],
    *,
    key: str,
    name: str,
    extra: str,
) -> list[tuple[tuple[Any, ...], str]]:
    return [
        ((*where, "quote", lang), f"rule '{rule_id}': quotation in '{lang}' without {name}")
        for lang in quote
        if lang not in other
    ] + [
        ((*where, key, lang), f"rule '{rule_id}': {extra} in '{lang}' for no quotation")
        for lang in other
        if lang not in quote
    ]


# Why: the reader's line under a rule, in the page's language: a quotation stored in that language was
# compared with the official wording; otherwise the page shows the edition's summary.
def rule_source_line(rule: Rule, lang: str, labels: Mapping[str, str]) -> str:
    symbol = rule.instrument.symbol
    if symbol is None:
        return labels["law_since_not_compared_no_symbol"]
    return source_line(
        labels,
        symbol=symbol,
        compared=lang in rule.quote,
        reproduced_by=rule.reproduced_by.get(lang),
        not_compared="law_since_not_compared",
    )


# Why: "21 December 2010", or "November 2013" where only the month is recorded, in the reader's words.
def date_text(iso: str, labels: Mapping[str, str]) -> str:
    if len(iso) == len("2013-11"):
        year, month = iso.split("-")
        months = [m.strip() for m in labels["months"].split(",")]
        return labels["law_since_month_year"].format(month=months[int(month) - 1], year=year)
    return format_date(dt.date.fromisoformat(iso), labels)
