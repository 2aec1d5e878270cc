"""The provisions registry: the real data loads, and bad data fails with file, line and field."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from edition.shared.problems import EditionError
from edition.text.registry import load_registry

ROOT = Path(__file__).resolve().parent.parent

ISSUE_PROVISIONS = [
    "iccpr-10-1",
    "hrc-gc21",
    "hrc-gc28",
    "congress8-res19",
    "smr-23-1",
    "smr-23-2",
    "bop-5",
    "bop-31",
    "beijing-26-4",
    "udhr-25-1",
    "udhr-25-2",
    "crc-2-1",
    "crc-3-1",
    "crc-3-2",
    "crc-3-3",
    "crc-6-2",
    "crc-9-1",
    "crc-12-1",
    "crc-18-1",
]


def test_the_registry_holds_every_provision_part_ii_quotes_in_order() -> None:
    registry = load_registry(ROOT / "data")
    assert list(registry.provisions) == ISSUE_PROVISIONS
    for provision in registry.provisions.values():
        assert provision.text["en"] and provision.label["en"] and provision.source
    assert [p.id for p in registry.provisions_of("crc")][:2] == ["crc-2-1", "crc-3-1"]
    assert sum(i.listed for i in registry.instruments.values()) == 12


def broken_data(tmp_path: Path, name: str, edit: Callable[[str], str]) -> Path:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    path = data / name
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    return data


@pytest.mark.parametrize(
    ("name", "edit", "expected"),
    [
        (
            "provisions.yml",
            lambda t: t.replace("instrument: gc21", "instrument: gc99"),
            "unknown instrument 'gc99' in 'hrc-gc21'",
        ),
        ("provisions.yml", lambda t: t.replace("id: crc-3-2", "id: crc-3-1"), "duplicate id 'crc-3-1'"),
        (
            "provisions.yml",
            lambda t: t.replace('unit: rule, number: "26"', 'unit: chapter, number: "26"'),
            "location.unit: 'chapter' is not one of",
        ),
        (
            "provisions.yml",
            lambda t: t.replace('  label:\n    en: "CRC art. 9(1)"', '  labels:\n    en: "CRC art. 9(1)"'),
            "'label' is a required property",
        ),
        ("provisions.yml", lambda t: t.replace("id: bop-31", "id: Bop 31"), "id: 'Bop 31' does not match"),
        (
            "provisions.yml",
            lambda t: (
                t
                + "- {id: x, instrument: crc, location: {unit: article, number: '1'}, label: {fr: x}, text: {en: x}}\n"
            ),
            "'en' is a required property",
        ),
        (
            "instruments.yml",
            lambda t: t.replace("listed: true", "listed: yes please", 1),
            "listed: 'yes please' is not of type 'boolean'",
        ),
        ("instruments.yml", lambda t: t + "  - : [\n", "not valid YAML"),
        ("labels.yml", lambda t: t.replace('  cited_by: "Cited by"\n', ""), "'cited_by' is a required property"),
    ],
)
def test_bad_data_fails_naming_file_line_and_field(
    tmp_path: Path, name: str, edit: Callable[[str], str], expected: str
) -> None:
    data = broken_data(tmp_path, name, edit)
    with pytest.raises(EditionError) as caught:
        load_registry(data)
    problems = caught.value.problems
    assert any(expected in p.message for p in problems), [str(p) for p in problems]
    assert all(p.path == f"data/{name}" and p.line >= 1 for p in problems)


def test_all_problems_are_listed_at_once(tmp_path: Path) -> None:
    data = broken_data(
        tmp_path,
        "provisions.yml",
        lambda t: t.replace("instrument: gc21", "instrument: x1").replace("instrument: gc28", "instrument: x2"),
    )
    with pytest.raises(EditionError) as caught:
        load_registry(data)
    assert [p.message for p in caught.value.problems] == [
        "unknown instrument 'x1' in 'hrc-gc21'",
        "unknown instrument 'x2' in 'hrc-gc28'",
    ]
    assert "2 problem(s)" in str(caught.value)


# The word "annex" in a source document's citation is each language's; the symbol and the annex number are not.
@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "A/47/40, annex VI.B"), ("fr", "A/47/40, annexe\u00a0VI.B"), ("es", "A/47/40, anexo VI.B")],
)
def test_a_source_annex_is_cited_in_the_readers_language(lang: str, expected: str) -> None:
    registry = load_registry(ROOT / "data")
    assert registry.instruments["gc21"].source_in(registry.labels[lang]) == expected
    assert registry.instruments["crc"].source_in(registry.labels[lang]) == registry.instruments["crc"].source
