"""The form's character tables, kept in a file for this Python (edition/comments/character_tables.json)."""

from __future__ import annotations

import json

import pytest

from edition.comments import text
from edition.comments.text import KEPT_TABLES, browser_tables, computed_tables, kept_tables, tables_version


def test_the_kept_tables_are_what_this_python_computes() -> None:
    # After a Python upgrade this fails: run `python scripts/character_tables.py` and commit the file.
    kept = json.loads(KEPT_TABLES.read_text(encoding="utf-8"))
    assert kept["python"] == tables_version()
    assert kept["tables"] == computed_tables()


def test_the_build_reads_the_kept_tables_and_computes_none(monkeypatch: pytest.MonkeyPatch) -> None:
    def refused() -> dict[str, object]:
        raise AssertionError("computed although the kept tables are this Python's")

    monkeypatch.setattr(text, "computed_tables", refused)
    assert browser_tables()["unicode"] == tables_version().split()[0]


@pytest.mark.parametrize(
    "kept",
    [
        {"python": "13.0.0 3.10", "tables": {"unicode": "13.0.0"}},  # another Python's
        {"python": tables_version()},  # no tables
        {"python": tables_version(), "tables": ["unicode"]},
        ["python"],
    ],
)
def test_tables_another_python_wrote_are_not_used(kept: object) -> None:
    assert kept_tables(json.dumps(kept)) is None


def test_without_the_file_the_tables_are_computed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(text, "KEPT_TABLES", KEPT_TABLES.with_name("no-such-file.json"))
    assert browser_tables() == computed_tables()
