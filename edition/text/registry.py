"""The provisions registry: instruments and the provisions part II quotes, kept once as data.

``load_registry`` reads ``data/instruments.yml``, ``data/provisions.yml`` and ``data/labels.yml``,
validates each against its JSON Schema in ``data/schemas/`` and checks the links between them,
raising one ``EditionError`` that lists every problem with file and line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from edition.shared.problems import EditionError, Problem
from edition.shared.schemas import inline_refs
from edition.shared.yaml_text import load_with_node, load_yaml
from edition.text.ids import is_registry_id


@dataclass(frozen=True)
class Instrument:
    """An international instrument, with its titles per language and adopting document."""

    id: str
    listed: bool
    title: Mapping[str, str]
    listed_as: Mapping[str, str]
    short: Mapping[str, str]
    source: str
    line: int = 1
    annex: str | None = None  # the annex of ``source`` that holds the instrument ("VI.B")

    # Why: the adopting document as the reader's language cites it ("A/47/40, annexe VI.B" in French).
    def source_in(self, labels: Mapping[str, str]) -> str:
        if self.annex is None:
            return self.source
        return labels["source_annex"].format(source=self.source, annex=self.annex)


@dataclass(frozen=True)
class TextSource:
    """Where a translated quotation comes from: the UN document, and where its text was read or sought."""

    symbol: str
    read: str | None = None
    sought: str | None = None
    compared: bool = False
    reproduced_by: str | None = None


@dataclass(frozen=True)
class Provision:
    """One quoted provision: where it sits in its instrument and its text per language."""

    id: str
    instrument: Instrument
    unit: str
    number: str
    paragraph: str | None
    label: Mapping[str, str]
    text: Mapping[str, str]
    line: int
    official: Mapping[str, bool] = field(default_factory=dict)
    note: Mapping[str, str] = field(default_factory=dict)
    source_text: Mapping[str, TextSource] = field(default_factory=dict)

    @property
    def source(self) -> str:
        return self.instrument.source

    def source_in(self, labels: Mapping[str, str]) -> str:
        return self.instrument.source_in(labels)


@dataclass(frozen=True)
class Registry:
    """Everything the cross-reference hooks look up by id, in the order of the data files."""

    instruments: Mapping[str, Instrument]
    provisions: Mapping[str, Provision]
    labels: Mapping[str, Mapping[str, str]]
    provisions_path: str
    instruments_path: str = "data/instruments.yml"
    labels_path: str = "data/labels.yml"
    retired: Mapping[str, str] = field(default_factory=dict)

    # Why: the provisions of one instrument, in registry order, for the list closing part II.
    def provisions_of(self, instrument_id: str) -> list[Provision]:
        return [p for p in self.provisions.values() if p.instrument.id == instrument_id]


# Why: YAML records with the line each starts on, so problems can point at the record.
def load_with_lines(path: Path) -> tuple[Any, list[int]]:
    text = path.read_text(encoding="utf-8")
    node, data = load_with_node(text)
    lines: list[int] = []
    if isinstance(node, yaml.SequenceNode):
        lines = [item.start_mark.line + 1 for item in node.value]
    elif isinstance(node, yaml.MappingNode):
        lines = [key.start_mark.line + 1 for key, _ in node.value]
    return data, lines


# Why: schema errors as problems naming file, record line and the field at fault.
def schema_problems(data: Any, schema: Mapping[str, Any], *, path: str, lines: list[int]) -> list[Problem]:
    validator = jsonschema.Draft202012Validator(inline_refs(schema, defs=schema.get("$defs", {})))
    problems = []
    for error in validator.iter_errors(data):
        where = list(error.absolute_path)
        line = lines[where[0]] if where and isinstance(where[0], int) and where[0] < len(lines) else 1
        field_path = ".".join(str(part) for part in where) or "(top level)"
        problems.append(Problem(path, line, f"{field_path}: {error.message}"))
    return problems


# Why: reads, validates and links the three data files; raises with every problem at once.
def load_registry(data_dir: Path, *, display_root: Path | None = None) -> Registry:
    root = display_root or data_dir.parent
    problems: list[Problem] = []
    loaded: dict[str, tuple[Any, list[int], str]] = {}
    for name in ("instruments", "provisions", "labels"):
        path = data_dir / f"{name}.yml"
        shown = str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
        try:
            data, lines = load_with_lines(path)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            problems.append(Problem(shown, mark.line + 1 if mark else 1, f"not valid YAML: {error}"))
            continue
        schema = load_yaml((data_dir / "schemas" / f"{name}.schema.yml").read_text("utf-8"))
        found = schema_problems(data, schema, path=shown, lines=lines)
        problems += found
        if not found:
            loaded[name] = (data, lines, shown)
    if problems:
        raise EditionError(problems)
    registry, link_problems = link_records(loaded["instruments"], loaded["provisions"], loaded["labels"])
    if link_problems:
        raise EditionError(link_problems)
    retired = load_yaml((data_dir / "retired.yml").read_text(encoding="utf-8")) or {}
    return replace(registry, retired={str(k): str(v) for k, v in retired.items()})


# Why: turns validated records into objects, checking ids are unique and instruments exist.
def link_records(
    instruments_in: tuple[Any, list[int], str],
    provisions_in: tuple[Any, list[int], str],
    labels_in: tuple[Any, list[int], str],
) -> tuple[Registry, list[Problem]]:
    problems: list[Problem] = []
    instruments: dict[str, Instrument] = {}
    data, lines, path = instruments_in
    for record, line in zip(data, lines, strict=True):
        if record["id"] in instruments:
            problems.append(Problem(path, line, f"duplicate instrument id '{record['id']}'"))
            continue
        instruments[record["id"]] = Instrument(
            id=record["id"],
            listed=record["listed"],
            title=record["title"],
            listed_as=record.get("listed_as", {}),
            short=record["short"],
            source=record["source"],
            line=line,
            annex=record.get("annex"),
        )
    provisions: dict[str, Provision] = {}
    data, lines, ppath = provisions_in
    for record, line in zip(data, lines, strict=True):
        pid = record["id"]
        if pid in provisions or pid in instruments:
            problems.append(Problem(ppath, line, f"duplicate id '{pid}'"))
            continue
        if not is_registry_id(pid):
            problems.append(Problem(ppath, line, f"malformed provision id '{pid}'"))
            continue
        instrument = instruments.get(record["instrument"])
        if instrument is None:
            problems.append(Problem(ppath, line, f"unknown instrument '{record['instrument']}' in '{pid}'"))
            continue
        location = record["location"]
        provisions[pid] = Provision(
            id=pid,
            instrument=instrument,
            unit=location["unit"],
            number=location["number"],
            paragraph=location.get("paragraph"),
            label=record["label"],
            text=record["text"],
            line=line,
            official=record.get("official", {}),
            note=record.get("note", {}),
            source_text={lang: TextSource(**entry) for lang, entry in record.get("source_text", {}).items()},
        )
        problems += unread_official_texts(provisions[pid], path=ppath)
    return Registry(instruments, provisions, labels_in[0], ppath, path, labels_in[2]), problems


# Why: a text is called official only where the edition's check actually read the official text.
def unread_official_texts(provision: Provision, *, path: str) -> list[Problem]:
    return [
        Problem(
            path,
            provision.line,
            f"provision '{provision.id}' is marked official in '{lang}' but source_text.{lang}.read "
            "does not say where the official text was read",
        )
        for lang, official in provision.official.items()
        if official and (lang not in provision.source_text or not provision.source_text[lang].read)
    ] + [
        Problem(
            path,
            provision.line,
            f"provision '{provision.id}': source_text.{lang}.compared says {str(source.compared).lower()} "
            f"but {'no' if source.compared else 'a'} comparison is recorded in source_text.{lang}.read",
        )
        for lang, source in provision.source_text.items()
        if source.compared != bool(source.read)
    ]
