"""The browser's checks that repeat Python's rules, held to them by shared tables, and the dates the
browser writes.

Each table below runs twice: against Python (the build's jsonschema validator, the csv module in
strict mode, the comments export's formula rule) without a browser, and against the page's own
functions in Chromium. Both must give the table's verdicts, so the two agree. The form's other checks
(characters, the text's limits) have their table in tests/comment_cases.py FORM.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from playwright.sync_api import Browser, Page

from edition.comments.export import formula_like
from edition.comments.store import load_schema
from edition.text.registry import load_registry
from tests.comment_cases import SCHEMA, SchemaCase
from tests.conftest import ROOT, CheckedPages

COMMENT_SCHEMA = load_schema(ROOT / "data")
LABELS = load_registry(ROOT / "data").labels


# --- The comment form's JSON Schema subset (comment-form.js validate) ---------------------------

# What comment-form.js's validator implements; annotations it may skip.
VALIDATED = frozenset(
    {"type", "required", "properties", "additionalProperties", "enum", "pattern", "minLength", "maxLength"}
    | {"minimum", "maximum"}
    | {"items", "minItems", "maxItems", "uniqueItems", "$ref"}
)
ANNOTATIONS = frozenset({"$schema", "description", "$defs"})


def keywords(schema: dict[str, Any]) -> Iterator[str]:
    """Every keyword the schema uses, in its subschemas too."""
    for key, value in schema.items():
        yield key
        if key in ("properties", "$defs"):
            for sub in value.values():
                yield from keywords(sub)
        elif key == "items":
            yield from keywords(value)


def python_errors(instance: object) -> frozenset[tuple[str, str]]:
    validator = jsonschema.Draft202012Validator(COMMENT_SCHEMA)
    return frozenset((e.validator, "/".join(map(str, e.absolute_path))) for e in validator.iter_errors(instance))


def test_the_comment_schema_uses_only_what_the_forms_validator_implements() -> None:
    assert set(keywords(COMMENT_SCHEMA)) <= VALIDATED | ANNOTATIONS


@pytest.mark.parametrize("case", SCHEMA, ids=[c.id for c in SCHEMA])
def test_the_builds_validator_finds_the_tables_errors(case: SchemaCase) -> None:
    assert python_errors(case.front) == case.errors


def _opened(browser: Browser, site_url: str, path: str) -> Iterator[Page]:
    pages = CheckedPages(browser)
    page = pages.open(site_url)
    page.goto(f"{site_url}/{path}")
    yield page
    pages.close()
    assert pages.foreign == [] and pages.errors == []


@pytest.fixture(scope="module")
def form_page(browser: Browser, site_url: str) -> Iterator[Page]:
    """The Comments page, the one page that loads the form's script, for its pure functions."""
    yield from _opened(browser, site_url, "comments/")


@pytest.fixture(scope="module")
def checklist_page(browser: Browser, site_url: str) -> Iterator[Page]:
    """The checklist page, the one page that loads the checklist's script, for its pure functions."""
    yield from _opened(browser, site_url, "checklist/")


@pytest.mark.parametrize("case", SCHEMA, ids=[c.id for c in SCHEMA])
def test_the_forms_validator_finds_the_tables_errors(form_page: Page, case: SchemaCase) -> None:
    found = form_page.evaluate(
        "arg => window.editionCommentForm.validate(arg.schema, arg.front)",
        {"schema": COMMENT_SCHEMA, "front": case.front},
    )
    # The form names a missing or unknown field itself; jsonschema names the object that lacks or has it.
    on_object = {"required", "additionalProperties"}
    pairs = {
        (e["keyword"], "/".join(map(str, e["path"][:-1] if e["keyword"] in on_object else e["path"]))) for e in found
    }
    assert pairs == case.errors


# --- The checklist's CSV reading (checklist.js parseCsv) -----------------------------------------


@dataclass(frozen=True)
class CsvCase:
    """A CSV file's text, its delimiter, and its rows (first line, cells), or the row of its error."""

    id: str
    text: str
    delimiter: str = ","
    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    error_row: int = 0


CSV: list[CsvCase] = [
    CsvCase("crlf", "a,b\r\n1,2\r\n", rows=[(1, ["a", "b"]), (2, ["1", "2"])]),
    CsvCase("semicolons", "a;b\n1;2", ";", rows=[(1, ["a", "b"]), (2, ["1", "2"])]),
    CsvCase(
        "more-semicolons-in-the-header",
        "a;b;c,d\n1;2;3,4\n",
        ";",
        rows=[(1, ["a", "b", "c,d"]), (2, ["1", "2", "3,4"])],
    ),
    CsvCase("delimiters-counted-outside-quotes", '"a;b;c",d\n1,2\n', rows=[(1, ["a;b;c", "d"]), (2, ["1", "2"])]),
    CsvCase("quoted-comma-and-quotes", '"x,y","he said ""hi"""\n', rows=[(1, ["x,y", 'he said "hi"'])]),
    CsvCase("quoted-semicolon", 'a,"b;c"\n', rows=[(1, ["a", "b;c"])]),
    CsvCase("quoted-line-break", '"two\nlines",b\nc,d\n', rows=[(1, ["two\nlines", "b"]), (3, ["c", "d"])]),
    CsvCase("quoted-carriage-return", '"x\ry",b\r\nc,d\n', rows=[(1, ["x\ry", "b"]), (3, ["c", "d"])]),
    CsvCase("blank-lines-skipped", "a,b\n\n1,2\n\n", rows=[(1, ["a", "b"]), (3, ["1", "2"])]),
    CsvCase("quoted-empty-line-skipped", 'a\n""\nb\n', rows=[(1, ["a"]), (3, ["b"])]),
    CsvCase("carriage-returns-only", "a\rb\r", rows=[(1, ["a"]), (2, ["b"])]),
    CsvCase("empty-cells", "a,,\n", rows=[(1, ["a", "", ""])]),
    CsvCase("no-final-line-break", "a,b\n1,2", rows=[(1, ["a", "b"]), (2, ["1", "2"])]),
    CsvCase("tab-in-a-cell", "a\tb,c\n", rows=[(1, ["a\tb", "c"])]),
    CsvCase("quote-inside-a-cell", 'a"b,c\n', rows=[(1, ['a"b', "c"])]),
    CsvCase("quote-after-a-blank", ' "a",b\n', rows=[(1, [' "a"', "b"])]),
    CsvCase("empty", ""),
    CsvCase("text-after-a-closing-quote", '"a"b,c\n', error_row=1),
    CsvCase("blank-after-a-closing-quote", 'x,y\n"a" ,b\n', error_row=2),
    CsvCase("unclosed-quote", 'a,b\n1,"2\n3,4\n', error_row=2),
]


def python_csv(text: str, delimiter: str) -> tuple[list[tuple[int, list[str]]], int]:
    """Python's csv module in strict mode, blank rows skipped as the import skips them: rows, error row."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for row in reader:
            if row not in ([], [""]):
                rows.append((start, row))
            start = reader.line_num + 1
    except csv.Error:
        return rows, start
    return rows, 0


@pytest.mark.parametrize("case", CSV, ids=[c.id for c in CSV])
def test_pythons_csv_module_reads_the_table_so(case: CsvCase) -> None:
    rows, error_row = python_csv(case.text, case.delimiter)
    assert (rows if not error_row else [], error_row) == (case.rows, case.error_row)


@pytest.mark.parametrize("case", CSV, ids=[c.id for c in CSV])
def test_the_checklist_reads_the_table_so(checklist_page: Page, case: CsvCase) -> None:
    result = checklist_page.evaluate("text => window.editionChecklist.parseCsv(text)", case.text)
    if case.error_row:
        where = {"kind": "row", "row": case.error_row}
        assert result == {"ok": False, "problems": [{"code": "error_quote", "params": {"where": where}}]}
    else:
        assert result["ok"] and [(r["line"], r["cells"]) for r in result["rows"]] == case.rows


# --- A cell a spreadsheet might run (checklist.js formulaLike, edition/comments/export.py) -------

FORMULA: list[tuple[str, bool]] = [
    *[(cell, True) for cell in ("=1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", " =1", "\n+1", "\u00a0@x")],
    *[(cell, True) for cell in ("\ufeff=1", "\u200b=1", "\uff1d1", "\uff0b1", "\uff0d1", "\uff20x", "\ufe621")],
    # what Python counts as blank before the sign: information separators, NEL, ideographic space
    *[(cell, True) for cell in ("\x1c=1", "\x1f=1", "\x85=1", "\u3000=1", "\u2028+1", "\u00ad=1")],
    *[(cell, False) for cell in ("", "plain", "a=b", " x", "'=1", "\x00=1", "\x07=1", "1+1")],
]


@pytest.mark.parametrize(("cell", "formula"), FORMULA)
def test_the_comments_export_judges_formula_cells_as_the_table_says(cell: str, formula: bool) -> None:
    assert formula_like(cell) is formula


def test_the_checklist_judges_formula_cells_as_the_table_says(checklist_page: Page) -> None:
    cells = [cell for cell, _ in FORMULA]
    found = checklist_page.evaluate("cells => cells.map(window.editionChecklist.formulaLike)", cells)
    assert dict(zip(cells, found, strict=True)) == dict(FORMULA)


# --- Dates: UTC in every script, whatever the reader's time zone ---------------------------------


# Near midnight UTC, in a time zone where it is already the next day or still the day before.
@pytest.mark.parametrize(
    ("zone", "now"),
    [
        ("Pacific/Kiritimati", datetime(2026, 3, 1, 23, 30, tzinfo=UTC)),  # 2 March, 13:30 there
        ("America/Los_Angeles", datetime(2026, 3, 1, 0, 30, tzinfo=UTC)),  # 28 February, 16:30 there
    ],
)
def test_a_citation_and_a_checklist_export_carry_the_same_utc_date_as_a_comment_file(
    checked_pages: CheckedPages, site_url: str, tmp_path: Path, zone: str, now: datetime
) -> None:
    page = checked_pages.open(site_url, timezone_id=zone)
    page.clock.set_fixed_time(now)
    page.goto(f"{site_url}/specific-issues/")
    assert page.evaluate("new Date().getDate()") != now.day, "the time zone's date differs from UTC's"
    assert page.evaluate("window.edition.today().iso") == "2026-03-01"  # what the comment form writes

    page.locator("#iv-b-17 .edition-tools__cite").click()
    labels = LABELS["en"]
    month = labels["months"].split(", ")[now.month - 1]
    words = labels["date_format"].format(day=now.day, month=month, year=now.year)
    assert page.locator(".edition-cite__text").inner_text().endswith(f"(accessed {words}).")
    with page.expect_download() as info:
        page.locator(".edition-cite__download[data-format='ris']").click()
    assert "Y2  - 2026/03/01" in Path(info.value.path()).read_text(encoding="utf-8")

    page.goto(f"{site_url}/checklist/")
    with page.expect_download() as info:
        page.click("button[data-action='export-json']")
    assert info.value.suggested_filename == "checklist-en-2026-03-01.json"
    assert json.loads(Path(info.value.path()).read_text(encoding="utf-8"))["exported"] == "2026-03-01"
