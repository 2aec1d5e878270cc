"""This edition's version, its makers and the facts of the 2005 publication (``data/edition.yml``), validated."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import jsonschema

from edition.shared.problems import EditionError, Problem
from edition.shared.yaml_text import line_map, line_of, load_with_node, load_yaml


@dataclass(frozen=True)
class Publication:
    """QUNO's 2005 publication, as a citation names it."""

    author: str
    foreword_by: str
    title: str
    subtitle: str
    publisher: str
    place: str
    date: str  # "2005-03"
    address: str


@dataclass(frozen=True)
class Editors:
    """Who makes this web edition, as ``data/edition.yml`` says it; an empty string is a thing not said."""

    name: str = ""
    url: str = ""
    relation_to_quno: str = "not-stated"  # or "independent", "endorsed" (the schema's list)


@dataclass(frozen=True)
class EditionFacts:
    """This edition's version, its makers and the publication it reproduces."""

    version: str
    date: dt.date  # the day this version is published: the same in every build of it
    publication: Publication
    editors: Editors = Editors()


# Why: one validated reading of data/edition.yml for every consumer (footer, colophon, citations, data).
def load_facts(data_dir: Path) -> EditionFacts:
    path = data_dir / "edition.yml"
    text = path.read_text(encoding="utf-8")
    node, raw = load_with_node(text)
    schema = load_yaml((data_dir / "schemas" / "edition.schema.yml").read_text(encoding="utf-8"))
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(raw), key=lambda e: list(e.path))
    if errors:
        lines = line_map(node)
        raise EditionError(
            Problem(str(path), line_of(lines, tuple(e.path)), f"{'/'.join(map(str, e.path)) or '(top)'}: {e.message}")
            for e in errors
        )
    try:
        date = dt.date.fromisoformat(raw["date"])
    except ValueError as error:
        raise EditionError([Problem(str(path), line_of(line_map(node), ("date",)), f"date: {error}")]) from error
    editors = Editors(**{key: value.strip() for key, value in (raw.get("editors") or {}).items()})
    return EditionFacts(
        version=raw["version"], date=date, publication=Publication(**raw["publication"]), editors=editors
    )
