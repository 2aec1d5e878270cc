"""Phase one of the cross-references: the index and every check it makes, on small pages."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from edition.text.crossrefs import build_index
from edition.text.registry import Registry, load_registry
from edition.text.syntax import scan

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry(ROOT / "data")


# Why: a page quoting every provision and citing each once, so only the case under test fails.
def complete_pages(registry: Registry, extra: str = "") -> list[tuple[str, object]]:
    quotes = "\n\n".join(f"::: provision {pid}" for pid in registry.provisions)
    cites = " ".join(registry.provisions)
    body = f"::: guideline III.a.1 [{cites}]\nText.\n\n{extra}"
    return [
        ("provisions.md", scan(quotes + "\n\n::: instruments\n", path="provisions.md")),
        ("g.md", scan(body, path="g.md")),
    ]


def messages(registry: Registry, extra: str) -> list[str]:
    _, problems = build_index(complete_pages(registry, extra), registry)  # type: ignore[arg-type]
    return [str(p) for p in problems]


def test_a_complete_edition_has_no_problem(registry: Registry) -> None:
    index, problems = build_index(complete_pages(registry), registry)  # type: ignore[arg-type]
    assert problems == []
    assert index.guidelines["III.a.1"].rests_on == tuple(registry.provisions)
    assert all(index.cited_by[pid] == ["III.a.1"] for pid in registry.provisions)
    assert index.instruments_page == "provisions.md"


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("see [[crc-99-1]]", ["g.md:4: unknown reference 'crc-99-1'"]),
        ("see [[IV.b.99]]", ["g.md:4: unknown reference 'IV.b.99'"]),
        ("see [[crc-9-1", ["g.md:4: malformed reference: unbalanced '[[' or ']]'"]),
        ("::: guideline III.a.1\nAgain.", ["g.md:4: duplicate guideline number 'III.a.1' (first at g.md:1)"]),
        ("::: guideline III.a.3\nSkips two.", ["g.md:4: guideline III.a.3 out of sequence: expected III.a.2"]),
        ("::: guideline III.b.1 [crc-99]\nText.", ["g.md:4: unknown provision 'crc-99' cited by III.b.1"]),
        ("::: provision crc-9-1", ["g.md:4: provision 'crc-9-1' is quoted twice"]),
        ("::: provision crc-99", ["g.md:4: unknown provision 'crc-99'"]),
        ("::: instruments", ["g.md:4: the list of instruments is placed twice"]),
        (
            "[[IV.b.99]] [[crc-99]]\n[[III.a.1]]",
            ["g.md:4: unknown reference 'IV.b.99'", "g.md:4: unknown reference 'crc-99'"],
        ),
    ],
)
def test_problems_name_file_line_and_id(registry: Registry, extra: str, expected: list[str]) -> None:
    assert sorted(messages(registry, extra)) == sorted(expected)


def test_inline_citations_count_as_resting_on(registry: Registry) -> None:
    pages = complete_pages(registry, "::: guideline III.b.1\nSee [[crc-9-1|separation]] and [[III.a.1]].")
    index, problems = build_index(pages, registry)  # type: ignore[arg-type]
    assert problems == []
    assert index.guidelines["III.b.1"].rests_on == ("crc-9-1",)
    assert index.cited_by["crc-9-1"] == ["III.a.1", "III.b.1"]
    assert index.guidelines["III.b.1"].text == "See separation and III.a.1."


def test_a_provision_neither_quoted_nor_cited_is_reported_at_its_record(registry: Registry) -> None:
    pages = [("g.md", scan("::: guideline III.a.1 [crc-9-1]\nText.\n", path="g.md"))]
    _, problems = build_index(pages, registry)
    record = registry.provisions["crc-3-1"]
    assert f"data/provisions.yml:{record.line}: provision 'crc-3-1' is quoted on no page" in map(str, problems)
    assert f"data/provisions.yml:{record.line}: provision 'crc-3-1' is cited by no guideline" in map(str, problems)


@pytest.mark.parametrize("pid", ["iv-b-17", "iii-a-1", "iv-d-40"])
def test_a_provision_id_equal_to_a_paragraph_anchor_is_refused_at_its_record(registry: Registry, pid: str) -> None:
    record = dataclasses.replace(registry.provisions["crc-9-1"], id=pid)
    clashing = dataclasses.replace(registry, provisions={**registry.provisions, pid: record})
    number = pid.split("-")[0].upper() + "." + ".".join(pid.split("-")[1:])
    assert messages(clashing, "") == [
        f"data/provisions.yml:{record.line}: provision id '{pid}' is the anchor of guideline paragraph {number}: "
        "choose another id"
    ]
