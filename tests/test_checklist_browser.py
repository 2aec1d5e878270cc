"""The self-assessment checklist in Debian's Chromium, used as a reader would, in all three languages.

First the page's pure functions (CSV, neutralising, validation, merge), table-driven through
``page.evaluate``; then a reader filling, reloading, exporting, clearing, importing and printing;
hostile files refused with a message and no change; axe-core; the offline edition from file://.
All files below are test fixtures made up here.
"""

from __future__ import annotations

import csv
import io
import json
import os
import unicodedata
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from edition.comments.export import formula_like
from edition.text.registry import load_registry
from edition.tools.checklist import MAX_FILE_BYTES, STATUSES, STORAGE_KEY
from tests.browsing import axe_violations
from tests.conftest import ROOT
from tests.site import EDITION_PREFIX
from tests.test_offline import FOLDER, ZIP

LANGUAGES = list(EDITION_PREFIX)
LABELS = load_registry(ROOT / "data").labels
IMPORT = "#checklist-import"

# What a reader records in the fixtures below: paragraph -> (status, note).
ANSWERS = {
    "III.a.1": ("in-law", "Children Act 2019, section 4 (fixture)."),
    "III.c.2": ("", "- draft circular; children < 3 years"),
    "IV.b.17": ("partly", "= one prison of four has a nursery (fixture)"),
}


def checklist_url(site_url: str, lang: str) -> str:
    return f"{site_url}/{EDITION_PREFIX[lang]}checklist/"


def js(page: Page, body: str, arg: Any = None) -> Any:
    """Runs ``body`` with ``c`` (window.editionChecklist) and ``arg`` in the page; returns its value."""
    return page.evaluate(f"arg => {{ const c = window.editionChecklist; return ({body}); }}", arg)


def item(page: Page, number: str) -> Any:
    return page.locator(f".checklist__item[data-paragraph='{number}']")


def fill(page: Page, answers: dict[str, tuple[str, str]]) -> None:
    for number, (status, note) in answers.items():
        row = item(page, number)
        row.locator("select").select_option(status)
        row.locator("textarea").fill(note)


def shown(page: Page) -> dict[str, tuple[str, str]]:
    """Every paragraph's status and note as the form shows them, for those with either."""
    values = page.evaluate(
        """() => [...document.querySelectorAll('.checklist__item')].map(i =>
            [i.dataset.paragraph, i.querySelector('select').value, i.querySelector('textarea').value])"""
    )
    return {number: (status, note) for number, status, note in values if status or note}


def stored(page: Page) -> dict[str, str | None]:
    return dict(page.evaluate("() => Object.fromEntries(Object.entries(localStorage))"))


def summary(page: Page, section: str) -> dict[str, str]:
    cells = page.locator(f".checklist__summary tr[data-section='{section}'] td")
    return {str(c.get_attribute("data-status")): c.inner_text() for c in cells.all()}


def choose_file(page: Page, name: str, content: bytes, mime: str = "text/csv") -> None:
    """Chooses a file to import and waits until the page has said what it made of it."""
    page.evaluate(
        "() => document.querySelectorAll('.checklist__notice, .checklist__alert').forEach(n => n.replaceChildren())"
    )
    page.set_input_files(IMPORT, files=[{"name": name, "mimeType": mime, "buffer": content}])
    page.wait_for_selector(".checklist__notice:not(:empty), .checklist__alert:not(:empty)")


def download(page: Page, action: str) -> tuple[str, bytes]:
    with page.expect_download() as info:
        page.click(f"button[data-action='{action}']")
    path = info.value.path()
    return info.value.suggested_filename, Path(path).read_bytes()


@pytest.fixture
def checklist(page: Page, site_url: str) -> Iterator[Page]:
    """The English checklist, failing the test on any script error."""
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(checklist_url(site_url, "en"))
    yield page
    assert errors == []


# --- The pure functions, table-driven ----------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ('=HYPERLINK("http://x.example","x")', '\'=HYPERLINK("http://x.example","x")'),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("'quoted'", "''quoted'"),
        # after leading blanks, and in full-width or small forms (OWASP), as edition/comments/export.py
        (" =1", "' =1"),
        ("\n+1", "'\n+1"),
        ("\u00a0@x", "'\u00a0@x"),
        ("\ufeff=1", "'\ufeff=1"),
        ("\uff1d1", "'\uff1d1"),
        ("\uff0b1", "'\uff0b1"),
        ("\uff0d1", "'\uff0d1"),
        ("\uff20x", "'\uff20x"),
        ("\ufe621", "'\ufe621"),
        (" x", " x"),
        ("'", "''"),
        ("plain", "plain"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_a_cell_that_could_run_as_a_formula_gets_an_apostrophe_removed_on_import(
    checklist: Page, cell: str, written: str
) -> None:
    assert js(checklist, "c.neutralise(arg)", cell) == written
    assert js(checklist, "c.unneutralise(c.neutralise(arg))", cell) == cell


# How a CSV file is read into rows: tests/test_script_rules.py, one table with Python's csv module.


@pytest.mark.parametrize(
    "rows",
    [
        [["paragraph", "status", "note"], ["III.a.1", "in-law", 'a "quoted", note;\nwith lines']],
        [["=1", "+2", "-3"], ["@4", "'5", "\t6"], ["", " x ", "\r7"]],
        [[" =1", "\n+2", "\uff1d3"], ["\u00a0@4", "' =5", "\uff0b"]],
    ],
)
def test_csv_written_by_the_page_reads_back_the_same(checklist: Page, rows: list[list[str]]) -> None:
    result = js(checklist, "c.parseCsv(c.toCsv(arg))", rows)
    assert [[js(checklist, "c.unneutralise(arg)", cell) for cell in r["cells"]] for r in result["rows"]] == rows
    # Python's csv module, as a spreadsheet-minded reader, sees no cell a spreadsheet might run (the
    # comments' export's rule).
    for row in csv.reader(io.StringIO(js(checklist, "c.toCsv(arg)", rows), newline="")):
        assert not [cell for cell in row if formula_like(cell)]


CONTEXT = {"numbers": ["III.a.1", "III.a.2"], "statuses": list(STATUSES), "maxNote": 20, "maxBytes": 100}


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("paragraph,status,note\nIII.a.1,in-law,ok\n", []),
        ("paragraph;status;note;text\nIII.a.1;;'=ok;t\n", []),
        ("PARAGRAPH, Status ,note\nIII.a.1,,\n", []),
        ("paragraph,status\nIII.a.1,in-law\n", ["error_columns"]),
        ("paragraph,status,note,extra\nIII.a.1,in-law,,\n", ["error_columns"]),
        ("paragraph,status,note,note\nIII.a.1,in-law,,\n", ["error_columns"]),
        ("paragraph,status,note\n", ["error_empty"]),
        ("", ["error_empty"]),
        ("paragraph,status,note\nIII.a.1,in-law\n", ["error_cells"]),
        ("paragraph,status,note\nIII.a.9,in-law,\n", ["error_paragraph"]),
        ("paragraph,status,note\n__proto__,in-law,\n", ["error_paragraph"]),
        ("paragraph,status,note\nIII.a.1,in-law,\nIII.a.1,,\n", ["error_duplicate"]),
        ("paragraph,status,note\nIII.a.1,In law,\n", ["error_status"]),
        ("paragraph,status,note\nIII.a.1,,=1+1\n", ["error_formula"]),
        ("paragraph,status,note\n+III.a.1,,\n", ["error_formula"]),
        ("paragraph,status,note\nIII.a.1,, =1+1\n", ["error_formula"]),
        ("paragraph,status,note\nIII.a.1,,\uff1d1+1\n", ["error_formula"]),
        ('paragraph,status,note\nIII.a.1,,"\n@x"\n', ["error_formula"]),
        ("paragraph,status,note\nIII.a.1,,<b>x</b>\n", ["error_html"]),
        ("paragraph,status,note\nIII.a.1,,a < b\n", []),
        ("paragraph,status,note\nIII.a.1,,a\x00b\n", ["error_control"]),
        ("paragraph,status,note\nIII.a.1,,123456789012345678901\n", ["error_long"]),
        ("paragraph,status,note\nIII.a.9,bad,<i>\nIII.a.2,,=x\n", ["error_formula"]),
        ("paragraph,status,note\nIII.a.9,bad,<i>\n", ["error_paragraph", "error_status", "error_html"]),
    ],
)
def test_a_csv_import_is_checked_whole(checklist: Page, text: str, codes: list[str]) -> None:
    result = js(checklist, "c.readCsv(arg.text, arg.context)", {"text": text, "context": CONTEXT})
    assert [p["code"] for p in result.get("problems", [])] == codes
    assert result["ok"] == (codes == [])


@pytest.mark.parametrize(
    ("data", "codes"),
    [
        (
            {
                "format": "edition-checklist",
                "version": 1,
                "paragraphs": [{"paragraph": "III.a.1", "status": "", "note": "=x"}],
            },
            [],
        ),
        ({"format": "edition-checklist", "version": 2, "paragraphs": []}, ["error_shape"]),
        ({"format": "other", "version": 1, "paragraphs": []}, ["error_shape"]),
        ([1, 2], ["error_shape"]),
        (
            {
                "format": "edition-checklist",
                "version": 1,
                "paragraphs": [{"paragraph": "III.a.1", "status": 1, "note": ""}],
            },
            ["error_shape"],
        ),
        (
            {
                "format": "edition-checklist",
                "version": 1,
                "paragraphs": [{"paragraph": "III.a.1", "status": "", "note": "", "x": 1}],
            },
            ["error_shape"],
        ),
        ({"format": "edition-checklist", "version": 1, "paragraphs": [None]}, ["error_shape"]),
        ({"format": "edition-checklist", "version": 1, "paragraphs": []}, ["error_empty"]),
        (
            {
                "format": "edition-checklist",
                "version": 1,
                "paragraphs": [{"paragraph": "constructor", "status": "", "note": ""}],
            },
            ["error_paragraph"],
        ),
        (
            {
                "format": "edition-checklist",
                "version": 1,
                "paragraphs": [{"paragraph": "III.a.1", "status": "", "note": "<script>"}],
            },
            ["error_html"],
        ),
    ],
)
def test_a_json_import_is_checked_whole(checklist: Page, data: object, codes: list[str]) -> None:
    result = js(checklist, "c.readJson(arg.text, arg.context)", {"text": json.dumps(data), "context": CONTEXT})
    assert [p["code"] for p in result.get("problems", [])] == codes


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("a.csv", b"paragraph,status,note\nIII.a.1,,\n", None),
        ("A.JSON", b'{"format":"edition-checklist","version":1,"paragraphs":[]}', "error_empty"),
        ("a.txt", b"paragraph,status,note\n", "error_type"),
        ("a.csv", "paragraph,status,note\nIII.a.1,,Évaluation\n".encode("latin-1"), "error_encoding"),
        ("a.csv", "paragraph,status,note\n".encode("utf-16"), "error_encoding"),
        ("a.csv", b"\xef\xbb\xbfparagraph,status,note\nIII.a.1,,\n", None),
        ("a.csv", b"x" * 101, "error_size"),
        ("a.json", b"{", "error_json"),
    ],
)
def test_a_file_is_checked_for_size_type_and_encoding_first(
    checklist: Page, name: str, content: bytes, code: str | None
) -> None:
    file = {"name": name, "size": len(content), "bytes": list(content)}
    result = js(
        checklist,
        "c.readImport({...arg.file, bytes: new Uint8Array(arg.file.bytes)}, arg.context)",
        {"file": file, "context": CONTEXT},
    )
    assert [p["code"] for p in result.get("problems", [])] == ([code] if code else [])


@pytest.mark.parametrize(
    ("current", "incoming", "state", "count", "replaced"),
    [
        # A blank paragraph in the file keeps the answer here; a filled one replaces it.
        (
            {"A": {"status": "in-law", "note": "x"}},
            {"A": {"status": "", "note": ""}},
            {"A": {"status": "in-law", "note": "x"}},
            0,
            0,
        ),
        (
            {"A": {"status": "in-law", "note": "x"}},
            {"A": {"status": "partly", "note": ""}},
            {"A": {"status": "partly", "note": ""}},
            1,
            1,
        ),
        ({}, {"B": {"status": "", "note": "n"}}, {"B": {"status": "", "note": "n"}}, 1, 0),
        (
            {"A": {"status": "in-law", "note": ""}},
            {"A": {"status": "in-law", "note": ""}},
            {"A": {"status": "in-law", "note": ""}},
            1,
            0,
        ),
        (
            {"A": {"status": "in-law", "note": ""}},
            {"B": {"status": "not-yet", "note": ""}},
            {"A": {"status": "in-law", "note": ""}, "B": {"status": "not-yet", "note": ""}},
            1,
            0,
        ),
    ],
)
def test_an_import_merges_into_the_answers_already_here(
    checklist: Page, current: dict[str, Any], incoming: dict[str, Any], state: dict[str, Any], count: int, replaced: int
) -> None:
    result = js(checklist, "c.merge(arg.current, arg.incoming)", {"current": current, "incoming": incoming})
    assert result == {"state": state, "count": count, "replaced": replaced}


def test_the_summary_counts_each_status_per_section_and_in_all(checklist: Page) -> None:
    state = {
        "a1": {"status": "in-law", "note": ""},
        "a2": {"status": "", "note": "n"},
        "b1": {"status": "in-law", "note": ""},
    }
    sections = [{"key": "A", "numbers": ["a1", "a2"]}, {"key": "B", "numbers": ["b1", "b2"]}]
    result = js(checklist, "c.summarise(arg.state, arg.sections)", {"state": state, "sections": sections})
    assert result == {"": {"in-law": 2, "": 2}, "A": {"in-law": 1, "": 1}, "B": {"in-law": 1, "": 1}}


# --- A reader's use, in each language -----------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_reader_fills_reloads_exports_clears_imports_and_prints(page: Page, site_url: str, lang: str) -> None:
    labels = LABELS[lang]
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(checklist_url(site_url, lang))
    fill(page, ANSWERS)
    assert summary(page, "III.a") == {
        "in-law": "1",
        "in-policy": "0",
        "in-practice": "0",
        "partly": "0",
        "not-yet": "0",
        "not-applicable": "0",
        "": "2",
    }
    assert summary(page, "")["partly"] == "1" and summary(page, "")[""] == "56"

    page.reload()
    assert shown(page) == ANSWERS
    assert list(stored(page)) == [STORAGE_KEY]  # nothing else in localStorage

    csv_name, csv_bytes = download(page, "export-csv")
    json_name, json_bytes = download(page, "export-json")
    assert csv_name.startswith(f"checklist-{lang}-") and csv_name.endswith(".csv")
    assert json_name.startswith(f"checklist-{lang}-") and json_name.endswith(".json")
    assert csv_bytes.startswith(b"\xef\xbb\xbf")  # so spreadsheets read it as UTF-8
    rows = list(csv.reader(io.StringIO(csv_bytes.decode("utf-8-sig"), newline="")))
    assert rows[0] == ["paragraph", "status", "note", "text"] and len(rows) == 59
    by_number = {row[0]: row for row in rows[1:]}
    assert by_number["IV.b.17"][1:3] == ["partly", "'= one prison of four has a nursery (fixture)"]
    assert by_number["III.c.2"][1:3] == ["", "'- draft circular; children < 3 years"]
    assert by_number["III.a.2"][1:3] == ["", ""]
    assert by_number["III.a.1"][3] == item(page, "III.a.1").locator(".checklist__text").inner_text()
    data = json.loads(json_bytes)
    assert (data["format"], data["version"], data["language"], len(data["paragraphs"])) == (
        "edition-checklist",
        1,
        lang,
        58,
    )
    assert {p["paragraph"]: (p["status"], p["note"]) for p in data["paragraphs"] if p["status"] or p["note"]} == ANSWERS

    page.once("dialog", lambda dialog: dialog.accept())
    page.click("button[data-action='clear']")
    expect(page.locator(".checklist__notice")).to_have_text(labels["checklist_cleared"])
    assert shown(page) == {} and stored(page) == {} and summary(page, "")[""] == "58"

    choose_file(page, csv_name, csv_bytes)
    expected = labels["checklist_imported"].format(file=csv_name, count=3, replaced=0)
    expect(page.locator(".checklist__notice")).to_have_text(expected)
    assert shown(page) == ANSWERS
    page.reload()
    assert shown(page) == ANSWERS

    page.once("dialog", lambda dialog: dialog.accept())
    page.click("button[data-action='clear']")
    choose_file(page, json_name, json_bytes, "application/json")
    expect(page.locator(".checklist__notice")).to_have_text(
        labels["checklist_imported"].format(file=json_name, count=3, replaced=0)
    )
    assert shown(page) == ANSWERS

    report = pdf_text(page)
    assert "IV.b.17" in report and "one prison of four has a nursery (fixture)" in report
    status = f"{labels['checklist_status']}{labels['colon']} {labels['checklist_status_partly']}"
    assert unicodedata.normalize("NFKC", status) in report
    first_words = " ".join(item(page, "III.a.1").locator(".checklist__text").inner_text().split()[:6])
    assert first_words in report
    for control in ("checklist_export_csv", "checklist_import", "checklist_tools"):
        assert labels[control] not in report
    assert STORAGE_KEY not in report  # the instructions are not printed
    assert errors == []


def pdf_text(page: Page) -> str:
    """The page printed to PDF by Chromium, as text with whitespace folded and ligatures (ﬁ) undone."""
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    return unicodedata.normalize("NFKC", " ".join(" ".join(p.extract_text() for p in reader.pages).split()))


def test_a_reader_dismissing_clear_keeps_everything(checklist: Page) -> None:
    fill(checklist, ANSWERS)
    checklist.once("dialog", lambda dialog: dialog.dismiss())
    checklist.click("button[data-action='clear']")
    assert shown(checklist) == ANSWERS


@pytest.mark.parametrize(("source", "target"), [("en", "fr"), ("es", "en")])
def test_a_file_from_another_languages_checklist_imports_by_paragraph_number(
    page: Page, site_url: str, source: str, target: str
) -> None:
    page.goto(checklist_url(site_url, source))
    fill(page, ANSWERS)
    name, content = download(page, "export-csv")
    page.evaluate("() => localStorage.clear()")
    page.goto(checklist_url(site_url, target))
    assert shown(page) == {}
    choose_file(page, name, content)
    assert shown(page) == ANSWERS
    status = item(page, "IV.b.17").locator(".checklist__report-status")
    assert status.text_content() == LABELS[target]["checklist_status_partly"]


def test_answers_follow_the_reader_to_another_language(page: Page, site_url: str) -> None:
    page.goto(checklist_url(site_url, "en"))
    fill(page, ANSWERS)
    page.goto(checklist_url(site_url, "es"))
    assert shown(page) == ANSWERS


def test_an_import_keeps_answers_the_file_leaves_blank_and_says_what_it_replaced(checklist: Page) -> None:
    fill(checklist, {"III.a.1": ("in-law", "kept"), "III.a.2": ("not-yet", "")})
    file = "paragraph,status,note\nIII.a.1,,\nIII.a.2,partly,colleague's note\nIV.a.1,not-applicable,\n"
    choose_file(checklist, "team.csv", file.encode())
    expected = LABELS["en"]["checklist_imported"].format(file="team.csv", count=2, replaced=1)
    expect(checklist.locator(".checklist__notice")).to_have_text(expected)
    assert shown(checklist) == {
        "III.a.1": ("in-law", "kept"),
        "III.a.2": ("partly", "colleague's note"),
        "IV.a.1": ("not-applicable", ""),
    }


# --- Notes typed on the page meet the import's rules as they are typed ---------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    ("note", "rule"),
    [("See <https://example.org/fixture>", "html"), ("Fixture\x01note", "control"), ("a </b> fixture", "html")],
)
def test_a_note_the_import_would_refuse_is_refused_as_typed_in_the_readers_language(
    page: Page, site_url: str, lang: str, note: str, rule: str
) -> None:
    page.goto(checklist_url(site_url, lang))
    row = item(page, "IV.b.17")
    row.locator("select").select_option("partly")
    row.locator("textarea").fill("Fixture kept note")
    row.locator("textarea").fill(note)
    problem = row.locator(".checklist__note-problem")
    expect(problem).to_have_text(LABELS[lang][f"checklist_note_{rule}"].format(max=5000))
    expect(row.locator("textarea")).to_have_attribute("aria-invalid", "true")
    expect(row.locator("textarea")).to_have_attribute("aria-describedby", str(problem.get_attribute("id")))
    row.locator("select").select_option("not-yet")  # changing the status leaves the note being corrected
    expect(row.locator("textarea")).to_have_value(note)
    page.reload()  # the answer survives with its status and the last note that met the rules
    assert shown(page) == {"IV.b.17": ("not-yet", "Fixture kept note")}
    row.locator("textarea").fill(note)
    row.locator("textarea").fill("Fixture corrected")
    expect(problem).to_have_count(0)
    expect(row.locator("textarea")).not_to_have_attribute("aria-invalid", "true")
    page.reload()
    assert shown(page) == {"IV.b.17": ("not-yet", "Fixture corrected")}


def test_a_note_kept_before_notes_were_checked_comes_back_as_a_draft_with_its_status(
    checklist: Page,
) -> None:
    kept = {"version": 1, "paragraphs": {"IV.b.17": {"status": "partly", "note": "See <https://example.org/x>"}}}
    checklist.evaluate(
        "arg => localStorage.setItem(arg.key, JSON.stringify(arg.kept))", {"key": STORAGE_KEY, "kept": kept}
    )
    checklist.reload()
    row = item(checklist, "IV.b.17")
    expect(row.locator("select")).to_have_value("partly")
    expect(row.locator("textarea")).to_have_value("See <https://example.org/x>")
    expect(row.locator(".checklist__note-problem")).to_have_text(LABELS["en"]["checklist_note_html"])


# Notes a reader might type, and whether the import's rules refuse them: whatever is typed, the
# page keeps only what its own exports can import again.
TYPED_NOTES = [
    ("=1+1", False),
    (" =1+1", False),
    ("\n+1", False),
    ("\uff1dSUM(1)", False),
    ("\u00a0@fixture", False),
    ("'quoted", False),
    ("''", False),
    ("\tFixture tab", False),
    ("a < b, <3", False),
    ('Fixture "quoted, with; separators"', False),
    ("line one\nline two", False),
    (" trailing blank ", False),
    ("\u20ac 5 \U0001f600", False),
    ("See <https://example.org/fixture>", True),
    ("Fixture\x01control", True),
    ("Fixture\x7f", True),
]


def test_nothing_typed_on_the_page_makes_an_export_the_import_refuses(checklist: Page) -> None:
    numbers = checklist.evaluate(
        "() => [...document.querySelectorAll('.checklist__item')].map(i => i.dataset.paragraph)"
    )
    typed = dict(zip(numbers, TYPED_NOTES, strict=False))
    for number, (note, _) in typed.items():
        row = item(checklist, number)
        row.locator("select").select_option("partly")
        row.locator("textarea").fill(note)
    kept = {number: ("partly", "" if refused else note) for number, (note, refused) in typed.items()}
    for name, content in [download(checklist, "export-csv"), download(checklist, "export-json")]:
        checklist.once("dialog", lambda dialog: dialog.accept())
        checklist.click("button[data-action='clear']")
        choose_file(checklist, name, content, "application/json" if name.endswith(".json") else "text/csv")
        expect(checklist.locator(".checklist__alert")).to_be_empty()
        assert shown(checklist) == kept, name


# --- Hostile files: refused with a message, nothing changed, nothing run -------------------------

HEADER = "paragraph,status,note\n"
EN = LABELS["en"]


def row(n: int) -> str:
    return EN["checklist_where_row"].format(row=n)


HOSTILE = [
    (
        "columns.csv",
        b"number,state\nIII.a.1,in-law\n",
        EN["checklist_error_columns"].format(expected="paragraph, status, note, text", found="number, state"),
    ),
    (
        "unknown.csv",
        (HEADER + "IV.b.31,in-law,\n").encode(),
        EN["checklist_error_paragraph"].format(where=row(2), value="IV.b.31"),
    ),
    (
        "status.csv",
        (HEADER + "III.a.1,yes,\n").encode(),
        EN["checklist_error_status"].format(where=row(2), value="yes", codes=", ".join(STATUSES)),
    ),
    (
        "formula.csv",
        (HEADER + 'III.a.1,in-law,"=HYPERLINK(""http://evil.example"",""x"")"\n').encode(),
        EN["checklist_error_formula"].format(where=row(2), column="note"),
    ),
    (
        "formula-at.csv",
        (HEADER + "@SUM(1+1),in-law,\n").encode(),
        EN["checklist_error_formula"].format(where=row(2), column="paragraph"),
    ),
    (
        "html.csv",
        (HEADER + 'III.a.1,in-law,"<img src=x onerror=""window.__pwned=1"">"\n').encode(),
        EN["checklist_error_html"].format(where=row(2)),
    ),
    (
        "html.json",
        json.dumps(
            {
                "format": "edition-checklist",
                "version": 1,
                "paragraphs": [
                    {"paragraph": "III.a.1", "status": "in-law", "note": "<script>window.__pwned=1</script>"}
                ],
            }
        ).encode(),
        EN["checklist_error_html"].format(where=EN["checklist_where_entry"].format(row=1)),
    ),
    ("broken.json", b'{"format": "edition-checklist", ', EN["checklist_error_json"]),
    ("shape.json", b'{"paragraphs": {"III.a.1": "in-law"}}', EN["checklist_error_shape"]),
    (
        "proto.json",
        json.dumps(
            {
                "format": "edition-checklist",
                "version": 1,
                "paragraphs": [{"paragraph": "__proto__", "status": "in-law", "note": ""}],
            }
        ).encode(),
        EN["checklist_error_paragraph"].format(where=EN["checklist_where_entry"].format(row=1), value="__proto__"),
    ),
    (
        "big.csv",
        (HEADER + "III.a.1,in-law,x\n").encode() + b" " * MAX_FILE_BYTES,
        EN["checklist_error_size"].format(size="1 MB"),
    ),
    ("latin1.csv", (HEADER + "III.a.1,in-law,Évaluation\n").encode("latin-1"), EN["checklist_error_encoding"]),
    ("utf16.csv", (HEADER + "III.a.1,in-law,x\n").encode("utf-16"), EN["checklist_error_encoding"]),
    ("notes.txt", (HEADER + "III.a.1,in-law,x\n").encode(), EN["checklist_error_type"]),
    (
        "twice.csv",
        (HEADER + "III.a.1,in-law,\nIII.a.1,partly,\n").encode(),
        EN["checklist_error_duplicate"].format(where=row(3), value="III.a.1"),
    ),
    (
        "ragged.csv",
        (HEADER + "III.a.1,in-law\n").encode(),
        EN["checklist_error_cells"].format(where=row(2), found=2, expected=3),
    ),
    (
        "quote.csv",
        (HEADER + 'III.a.1,in-law,"never closed\n').encode(),
        EN["checklist_error_quote"].format(where=row(2)),
    ),
    (
        "control.csv",
        (HEADER + "III.a.1,in-law,bell\x07\n").encode(),
        EN["checklist_error_control"].format(where=row(2), column="note"),
    ),
    (
        "long.csv",
        (HEADER + "III.a.1,in-law," + "x" * 5001 + "\n").encode(),
        EN["checklist_error_long"].format(where=row(2), max=5000),
    ),
    ("empty.csv", b"", EN["checklist_error_empty"]),
]


@pytest.mark.parametrize(("name", "content", "message"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_a_hostile_file_is_refused_with_a_message_and_changes_nothing(
    checklist: Page, name: str, content: bytes, message: str
) -> None:
    fill(checklist, {"III.a.1": ("not-yet", "before the import"), "IV.b.1": ("in-practice", "")})
    before = (shown(checklist), stored(checklist), summary(checklist, ""))
    choose_file(checklist, name, content)
    alert = checklist.locator(".checklist__alert")
    expect(alert).to_contain_text(EN["checklist_error_prefix"].format(file=name))
    assert message in str(alert.text_content())
    assert (shown(checklist), stored(checklist), summary(checklist, "")) == before
    assert checklist.evaluate("() => window.__pwned") is None
    assert checklist.locator(".checklist img, .checklist script:not(.checklist__labels)").count() == 0


def test_many_problems_are_listed_five_at_a_time_with_the_rest_counted(checklist: Page) -> None:
    content = HEADER + "".join(f"X.{n},,\n" for n in range(8))
    choose_file(checklist, "many.csv", content.encode())
    items = checklist.locator(".checklist__alert li")
    expect(items).to_have_count(6)
    expect(items.last).to_have_text(EN["checklist_error_more"].format(count=3))


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_a_refusal_speaks_the_readers_language(page: Page, site_url: str, lang: str) -> None:
    page.goto(checklist_url(site_url, lang))
    choose_file(page, "x.csv", (HEADER + "III.a.1,oui,\n").encode())
    labels = LABELS[lang]
    where = labels["checklist_where_row"].format(row=2)
    expect(page.locator(".checklist__alert li")).to_have_text(
        labels["checklist_error_status"].format(where=where, value="oui", codes=", ".join(STATUSES))
    )


# --- Accessibility and the offline edition -------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_checklist_has_no_wcag_violation_filled_or_refusing_a_file(page: Page, site_url: str, lang: str) -> None:
    page.goto(checklist_url(site_url, lang))
    assert axe_violations(page) == []
    fill(page, ANSWERS)
    choose_file(page, "x.csv", b"bad")
    expect(page.locator(".checklist__alert li")).to_have_count(1)
    assert axe_violations(page) == []


def test_the_checklist_is_usable_from_the_keyboard(checklist: Page) -> None:
    select = item(checklist, "III.a.1").locator("select")
    select.focus()
    checklist.keyboard.press("ArrowDown")
    checklist.keyboard.press("Tab")
    checklist.keyboard.type("typed")
    assert shown(checklist) == {"III.a.1": (STATUSES[0], "typed")}


@pytest.fixture(scope="module")
def offline_editions(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    unpacked = {}
    for lang in ("en", "fr"):
        target = tmp_path_factory.mktemp(f"checklist-offline-{lang}")
        with zipfile.ZipFile(built_site / EDITION_PREFIX[lang] / ZIP.format(lang=lang)) as archive:
            archive.extractall(target)
        unpacked[lang] = target / FOLDER.format(lang=lang) / EDITION_PREFIX[lang]
    return unpacked


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_offline_the_checklist_keeps_answers_from_the_file_system(
    browser: Browser, offline_editions: dict[str, Path], lang: str
) -> None:
    context = browser.new_context()
    page = context.new_page()
    elsewhere: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: None if r.url.startswith("file://") else elsewhere.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((offline_editions[lang] / "checklist.html").as_uri())
    assert item(page, "IV.b.17").locator(".checklist__number a").get_attribute("href") == "specific-issues.html#iv-b-17"
    fill(page, ANSWERS)
    page.reload()
    assert shown(page) == ANSWERS
    name, content = download(page, "export-json")
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("button[data-action='clear']")
    choose_file(page, name, content, "application/json")
    assert shown(page) == ANSWERS
    assert axe_violations(page, preload=False) == []
    context.close()
    assert elsewhere == [] and errors == []


# --- Golden files: the exported formats must stay stable -----------------------------------------

GOLDEN = ROOT / "tests" / "fixtures" / "checklist"


@pytest.mark.parametrize("kind", ["csv", "json"])
def test_the_export_formats_match_their_golden_files(checklist: Page, kind: str) -> None:
    """Refresh with ``EDITION_WRITE_GOLDEN=1`` after a deliberate change of format, and review the diff."""
    state = {number: {"status": status, "note": note} for number, (status, note) in ANSWERS.items()}
    made = js(
        checklist,
        """(() => {
            const paragraphs = [...document.querySelectorAll('.checklist__item')].map(i => ({
                number: i.dataset.paragraph, text: i.querySelector('.checklist__text').textContent.trim() }));
            return arg.kind === 'csv' ? c.toCsv(c.exportRows(arg.state, paragraphs))
                : c.exportJson(arg.state, paragraphs, { lang: 'en', date: '2026-11-25' });
        })()""",
        {"state": state, "kind": kind},
    )
    golden = GOLDEN / f"answers-en.{kind}"
    if os.environ.get("EDITION_WRITE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(made.encode("utf-8"))
    assert made == golden.read_bytes().decode("utf-8")
    # And the golden file imports back, in French, to the same answers.
    checklist.goto(checklist.url.replace("/checklist/", "/fr/checklist/"))
    choose_file(checklist, golden.name, golden.read_bytes())
    assert shown(checklist) == ANSWERS
