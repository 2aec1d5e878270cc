"""data/edition.yml: read and validated once; a wrong value fails with the file and field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from edition.frame.facts import load_facts
from edition.shared.problems import EditionError

DATA = Path(__file__).resolve().parent.parent / "data"


def test_the_edition_facts_load() -> None:
    facts = load_facts(DATA)
    assert facts.publication.publisher == "Quaker United Nations Office"
    assert facts.publication.date == "2005-03"
    assert facts.version.count(".") >= 1
    assert facts.date.year >= 2026  # the day this version is published, not the day of the build


def test_the_editions_date_does_not_depend_on_the_build(monkeypatch: pytest.MonkeyPatch) -> None:
    dates = set()
    for epoch in ("1764000000", "1800000000", ""):
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
        dates.add(load_facts(DATA).date)
    assert len(dates) == 1


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ('version: "1.0"', 'version: "one"', "version"),
        ('date: "2005-03"', 'date: "March 2005"', "publication/date"),
        ("address: https://www.quno.org", "address: javascript:alert(1)", "publication/address"),
        ('date: "2026-', 'date: "December 2026-', "date"),
        ('date: "2026-12-06"', 'date: "2026-02-31"', "date"),
        ("relation_to_quno: not-stated", "relation_to_quno: partner", "editors/relation_to_quno"),
        ('url: ""', "url: javascript:alert(1)", "editors/url"),
        ('name: ""', "name: [a, b]", "editors/name"),
        ('name: ""', 'name: ""\n  email: x@example.invalid', "editors"),
    ],
)
def test_a_wrong_fact_names_its_field(tmp_path: Path, old: str, new: str, field: str) -> None:
    shutil.copytree(DATA / "schemas", tmp_path / "schemas")
    text = (DATA / "edition.yml").read_text(encoding="utf-8")
    assert old in text
    (tmp_path / "edition.yml").write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(EditionError, match=f"edition.yml:[0-9]+: {field}:"):
        load_facts(tmp_path)
