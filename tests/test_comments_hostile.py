"""Hostile comments: each refused with file, line and field, or valid and inert, and
present unchanged in both exports; every problem of every file at once; bounded cost.

The table is ``tests/comment_cases.py``; the browser half (inert in Chromium: no dialog, no
request, nothing outside its box, unique ids) is in ``tests/test_comments_site.py``.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from edition.comments.export import FORMULA_STARTS, csv_cell, csv_text, export_rows, formula_like, json_text
from edition.comments.review import editors_field_problems
from edition.comments.store import (
    MAX_BODY_CHARS,
    MAX_FILE_BYTES,
    Comment,
    editor_notes,
    known_targets,
    load_comments,
    load_schema,
    template_placeholders,
)
from edition.comments.text import (
    ALLOWED_TAGS,
    MAX_BRACKETS,
    MAX_INDENT,
    MAX_LINES,
    MAX_QUOTE_DEPTH,
    MAX_RUN,
    RefSlot,
    markup_problems,
    render_markdown,
)
from edition.text.registry import load_registry
from tests.comment_cases import FORM, INERT, REFUSED, TEXT, Case, FormCase, form_file, make
from tests.conftest import BuildResult

ROOT = Path(__file__).resolve().parent.parent
REGISTRY = load_registry(ROOT / "data")
KNOWN = known_targets(REGISTRY, ROOT / "docs" / "en")
SCHEMA = load_schema(ROOT / "data")
PLACEHOLDERS = template_placeholders(REGISTRY)  # every language's, as check_repository


def write(folder: Path, case: Case) -> None:
    path = folder / case.file
    if isinstance(case.content, bytes):
        path.write_bytes(case.content)
    else:
        path.write_bytes(case.content.encode("utf-8"))


def check(folder: Path) -> tuple[list[Comment], list[str]]:
    comments, problems = load_comments(
        folder, schema=SCHEMA, known_targets=KNOWN, retired={}, display_root=folder.parent, placeholders=PLACEHOLDERS
    )
    return comments, [str(p) for p in problems]


def folder_with(tmp_path: Path, *cases: Case) -> Path:
    folder = tmp_path / "comments"
    folder.mkdir(parents=True)
    for case in cases:
        write(folder, case)
    return folder


# ---------------------------------------------------------------------------------------------
# Refused, each at its line and field


@pytest.mark.parametrize("case", REFUSED, ids=[c.id for c in REFUSED])
def test_each_hostile_file_is_refused_at_its_line_and_field(tmp_path: Path, case: Case) -> None:
    comments, problems = check(folder_with(tmp_path, case))
    assert comments == []
    prefix = f"comments/{case.file}:{case.line}: " + (f"{case.where}: " if case.where else "")
    assert any(p.startswith(prefix) and case.expect in p for p in problems), (prefix, case.expect, problems)
    assert not any("\\u" in p or "^[" in p or "[^" in p for p in problems), "a raw regular expression in a message"


BAD_ENTRIES = [
    ("Fixture.md", "file name 'Fixture.md'"),
    ("-leading.md", "file name '-leading.md'"),
    ("a b.md", "file name 'a b.md'"),
    ("f\u00efxture.md", "file name"),
    ("comment.md.html", "file name 'comment.md.html'"),
    ("comment.MD", "file name 'comment.MD'"),
    (".hidden.md", "file name '.hidden.md'"),
]


@pytest.mark.parametrize(("name", "expected"), BAD_ENTRIES)
def test_badly_named_files_are_refused(tmp_path: Path, name: str, expected: str) -> None:
    folder = tmp_path / "comments"
    folder.mkdir()
    (folder / name).write_text(make(), encoding="utf-8")
    comments, problems = check(folder)
    assert comments == [] and len(problems) == 1
    assert problems[0].startswith(f"comments/{name}:1: {expected}")


@pytest.mark.parametrize(
    ("name", "make_entry", "expected"),
    [
        ("a-folder", lambda p: p.mkdir(), "a folder"),
        ("a-link.md", lambda p: os.symlink("/etc/passwd", p), "is a symbolic link"),
        ("huge.md", lambda p: p.write_text(make() + "x" * 40_000, encoding="utf-8"), "the limit is 32000"),
    ],
)
def test_entries_that_are_not_comment_files_are_refused(
    tmp_path: Path, name: str, make_entry: object, expected: str
) -> None:
    folder = tmp_path / "comments"
    folder.mkdir()
    make_entry(folder / name)  # type: ignore[operator]
    comments, problems = check(folder)
    line = "" if expected == "is a symbolic link" else ":1"  # a link is refused whole, as the build refuses it
    assert comments == [] and problems == [f"comments/{name}{line}: {problems[0].split(': ', 1)[1]}"]
    assert expected in problems[0]


# ---------------------------------------------------------------------------------------------
# Valid and inert: what renders, and what both exports hold


@pytest.mark.parametrize("case", INERT, ids=[c.id for c in INERT])
def test_each_hostile_but_valid_file_renders_inert(tmp_path: Path, case: Case) -> None:
    comments, problems = check(folder_with(tmp_path, case))
    assert problems == [] and len(comments) == 1
    html = "".join(p for p in comments[0].rendered if isinstance(p, str))
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(True):
        assert tag.name in ALLOWED_TAGS, tag
        assert set(tag.attrs) <= ({"href", "rel"} if tag.name == "a" else set()), tag
        if tag.get("href"):
            assert str(tag["href"]).startswith(("https://", "http://", "mailto:")), tag
    shown = soup.get_text() + comments[0].name + (comments[0].organisation or "")
    assert case.expect in shown, "the text is lost"


@pytest.mark.parametrize("case", INERT, ids=[c.id for c in INERT])
def test_each_valid_file_reaches_both_exports_unchanged(tmp_path: Path, case: Case) -> None:
    comments, _ = check(folder_with(tmp_path, case))
    rows = export_rows(comments)
    exact = json.loads(json_text(rows))[0]
    assert exact == rows[0]
    for key, value in case.fields.items():
        assert exact[key] == value, key
    spread = next(csv.DictReader(io.StringIO(csv_text(rows))))
    for key, value in exact.items():
        assert spread[key] == csv_cell(value)
        assert not formula_like(spread[key]), (key, spread[key])
        assert spread[key] == value or spread[key] == "'" + value, key


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ('=HYPERLINK("https://example.org")', '\'=HYPERLINK("https://example.org")'),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-1+1", "'-1+1"),
        ("@SUM(1+1)", "'@SUM(1+1)"),
        ("\tFixture", "'\tFixture"),
        ("\rFixture", "'Fixture"),
        ("\x00=cmd", "'=cmd"),
        ("Fixture\x00\x1b\x85 text", "Fixture text"),
        ("Fixture = not at the start", "Fixture = not at the start"),
        ("line one\nline two", "line one\nline two"),
        # after leading blanks, and in full-width or small forms, a spreadsheet may still read a formula
        (" =1+1", "' =1+1"),
        ("\n=1+1", "'\n=1+1"),
        ("\u00a0=1+1", "'\u00a0=1+1"),
        ("\u3000+1", "'\u3000+1"),
        ("\ufeff=1+1", "'\ufeff=1+1"),
        ("\uff1dHYPERLINK(1)", "'\uff1dHYPERLINK(1)"),
        ("\uff0b1", "'\uff0b1"),
        ("\uff0d1", "'\uff0d1"),
        ("\uff20SUM(1)", "'\uff20SUM(1)"),
        ("\ufe661", "'\ufe661"),
        (" Fixture", " Fixture"),
        ("Fixture \uff1d not at the start", "Fixture \uff1d not at the start"),
    ],
)
def test_csv_cells_are_neutralised_as_owasp_recommends(value: str, cell: str) -> None:
    assert csv_cell(value) == cell


def test_no_letter_or_digit_folds_to_a_formula_sign() -> None:
    # formula_like answers at once for a cell that starts with a letter or digit; this is why it may.
    folding = [c for c in map(chr, range(sys.maxunicode + 1)) if c.isalnum() and unicodedata.decomposition(c)]
    assert folding  # full-width and circled digits, ligatures...: the premise is tested on them
    assert [c for c in folding if unicodedata.normalize("NFKC", c).startswith(FORMULA_STARTS)] == []


# ---------------------------------------------------------------------------------------------
# All at once, nothing valid dropped


def test_every_problem_of_every_file_is_listed_and_every_valid_file_kept(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, *REFUSED, *INERT)
    comments, problems = check(folder)
    assert sorted(c.file for c in comments) == sorted(c.file for c in INERT)
    named = {p.split(":", 1)[0] for p in problems}
    assert named == {f"comments/{c.file}" for c in REFUSED}


def test_the_duplicate_is_the_newer_file_and_proposed_wording_counts(tmp_path: Path) -> None:
    folder = tmp_path / "comments"
    folder.mkdir()
    (folder / "a-newer.md").write_text(make(date="2026-11-05"), encoding="utf-8")
    (folder / "z-older.md").write_text(make(date="2026-11-01"), encoding="utf-8")
    (folder / "other-wording.md").write_text(
        make(date="2026-11-06", extra='proposed_text: "Fixture wording"'), encoding="utf-8"
    )
    comments, problems = check(folder)
    assert sorted(c.file for c in comments) == ["other-wording.md", "z-older.md"]
    assert problems == [
        "comments/a-newer.md:13: text: the same comment as comments/z-older.md"
        " (same targets, name, text, wording, passage)"
    ]


# ---------------------------------------------------------------------------------------------
# Cost: no valid text renders slowly


def budget(unit: str, size: int = 10_000) -> str:
    return (unit * (size // len(unit) + 1))[:size].rstrip("\n")


COSTLY = {
    "brackets then text": "[" * 20 + " " + "x" * 9900,
    "brackets spread": ("[" + "a" * 499) * 20,
    "open links": "[a](" * 20 + "x" * 9900,
    "emphasis": budget("*a"),
    "underscores": budget("_a"),
    "backslashes": budget("\\a"),
    "code spans": budget("`a` "),
    "autolinks": budget("<https://example.org/x> ").replace("\n", ""),
    "rules": budget("***\n", 800),
    "lists": budget("- a\n    - b\n        - c\n            - d\n", 2000),
    "quotes": budget("> > > > x\n", 2000),
    "references": budget("[[IV.b.17]] "),
}


@pytest.mark.parametrize("text", COSTLY.values(), ids=list(COSTLY))
def test_the_costliest_valid_files_are_validated_and_rendered_in_well_under_a_second(tmp_path: Path, text: str) -> None:
    assert markup_problems(text) == []
    folder = folder_with(tmp_path, Case("costly", "sizes", make(body=text)))
    start = time.perf_counter()
    comments, problems = check(folder)  # validation renders each comment, once for the whole build
    assert time.perf_counter() - start < 1.0
    assert problems == [] and comments[0].rendered, "the case must be valid to measure the worst valid cost"


def test_the_quadratic_text_of_the_issue_is_refused_before_rendering(tmp_path: Path) -> None:
    start = time.perf_counter()
    _, problems = check(folder_with(tmp_path, Case("quadratic", "sizes", make(body="[" * 9900))))
    assert problems and time.perf_counter() - start < 1.0


# ---------------------------------------------------------------------------------------------
# References, editors' notes, editors' fields, the template


def test_a_provision_reference_is_a_slot_filled_with_its_label() -> None:
    rendered = render_markdown("See [[crc-18-1]], `[[crc-18-1]]` in code, and [[IV.b.17|that paragraph]].")
    slots = [p for p in rendered if isinstance(p, RefSlot)]
    assert slots == [RefSlot("crc-18-1", None), RefSlot("IV.b.17", "that paragraph")]
    assert "<code>[[crc-18-1]]</code>" in "".join(p for p in rendered if isinstance(p, str))


def test_mixed_alphabets_are_flagged_for_the_editors(tmp_path: Path) -> None:
    case = next(c for c in INERT if c.id == "mixed-script-name")
    comments, _ = check(folder_with(tmp_path, case, next(c for c in INERT if c.id == "accented-name")))
    notes = [str(n) for n in editor_notes(comments)]
    assert notes == [
        "comments/mixed-script-name.md:4: author.name: mixes alphabets (CYRILLIC, LATIN); "
        "check it is not an impersonation"
    ]


NEW, ACCEPTED = make(), make(status="accepted")
RESPONDED = make(extra='response: "Official decision (fixture)."')


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        (None, NEW, []),
        (None, ACCEPTED, ["comments/x.md:10: status: a new comment has status: open; the editors change it"]),
        (None, RESPONDED, ["comments/x.md:10: response: only the editors set response; delete this field"]),
        (NEW, ACCEPTED, ["comments/x.md:10: status: changed; only the editors change status"]),
        (NEW, RESPONDED, ["comments/x.md:10: response: changed; only the editors change response"]),
        (NEW, NEW.replace(TEXT, "Test fixture: corrected text."), []),
        (NEW, None, ["comments/x.md:1: the comment is removed: only the editors remove or hide comments"]),
    ],
    ids=["new-open", "new-accepted", "new-response", "status-changed", "response-added", "text-edited", "removed"],
)
def test_only_the_editors_set_status_and_response(before: str | None, after: str | None, expected: list[str]) -> None:
    assert [str(p) for p in editors_field_problems("comments/x.md", before=before, after=after)] == expected


def repository_with_one_comment(tmp_path: Path) -> Callable[..., None]:
    """A git repository whose branch main holds one open comment; returns a git runner in it."""

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q", "-b", "main")
    git("config", "user.email", "fixture@example.invalid")
    git("config", "user.name", "Fixture")
    (tmp_path / "comments").mkdir()
    (tmp_path / "comments" / "old.md").write_text(NEW, encoding="utf-8")
    git("add", ".")
    git("commit", "-qm", "base")
    return git


def test_the_pull_request_check_compares_with_the_base_branch(tmp_path: Path) -> None:
    git = repository_with_one_comment(tmp_path)
    git("checkout", "-qb", "proposal")
    (tmp_path / "comments" / "new.md").write_text(ACCEPTED, encoding="utf-8")
    git("add", ".")
    git("commit", "-qm", "proposal")
    script = [sys.executable, str(ROOT / "scripts" / "check_comment_changes.py"), "main", "--root", str(tmp_path)]
    refused = subprocess.run(script, capture_output=True, text=True, check=False)
    assert refused.returncode == 1
    assert "comments/new.md:10: status: a new comment has status: open" in refused.stdout
    editor = subprocess.run([*script, "--editor"], capture_output=True, text=True, check=False)
    assert editor.returncode == 0 and "comments/new.md:10" in editor.stdout


def test_the_pull_request_check_sees_a_comment_git_does_not_track_yet(tmp_path: Path) -> None:
    repository_with_one_comment(tmp_path)
    (tmp_path / "comments" / "untracked.md").write_text(ACCEPTED, encoding="utf-8")
    script = [sys.executable, str(ROOT / "scripts" / "check_comment_changes.py"), "main", "--root", str(tmp_path)]
    refused = subprocess.run(script, capture_output=True, text=True, check=False)
    assert refused.returncode == 1
    assert "comments/untracked.md:10: status: a new comment has status: open" in refused.stdout


def contributing_template() -> str:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    block = text.split("```markdown\n", 1)[1].split("```", 1)[0]
    return "\n".join(line.removeprefix("   ") for line in block.split("\n"))


@pytest.mark.parametrize(
    ("edit", "problems"),
    [
        ({}, ["author.name: replace the template's placeholder", "text: replace the template's placeholder"]),
        ({'"Your name"': '"Fixture Reader"', "Write your comment here.": TEXT}, []),
        (
            {
                '"Your name"': '"Fixture Reader"',
                "Write your comment here.": TEXT,
                '  # organisation: "Your organisation"': '  organisation: "Fixture Organisation: Branch"',
            },
            [],
        ),
        (
            {'"Your name"': "Fixture Reader: Branch", "Write your comment here.": TEXT},
            ['author.name: a value holding ": " must be in quotes, e.g. name: "Fixture Reader: Branch"'],
        ),
    ],
    ids=["as-given", "filled-in", "colon-in-quotes", "colon-unquoted"],
)
def test_the_contributing_template_reads_as_written(tmp_path: Path, edit: dict[str, str], problems: list[str]) -> None:
    text = contributing_template()
    for old, new in edit.items():
        assert old in text
        text = text.replace(old, new)
    folder = tmp_path / "comments"
    folder.mkdir()
    (folder / "template.md").write_text(text, encoding="utf-8")
    _, found = check(folder)
    assert [p.split(": ", 1)[1] for p in found] == problems


# ---------------------------------------------------------------------------------------------
# One validation path: the build and `make check-comments` refuse the same files with the same words


def test_the_build_and_the_check_refuse_the_same_files_in_the_same_words(
    build_copy: Callable[..., BuildResult], tmp_path: Path
) -> None:
    chosen = [c for c in REFUSED if c.id in ("duplicate-status", "quote-1000", "date-feb-31", "bidi-escape")]
    sources = folder_with(tmp_path, *chosen)
    result = build_copy({}, add={f"comments/{c.file}": sources / c.file for c in chosen})
    assert result.returncode == 1
    assert "Traceback" not in result.log and "RecursionError" not in result.log
    check = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check_comments.py"), str(tmp_path / "project")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 1
    listed = [p.strip() for p in check.stdout.splitlines() if p.strip().startswith("comments/")]
    assert {p.split(":", 1)[0] for p in listed} == {f"comments/{c.file}" for c in chosen}
    for case in chosen:
        assert any(p.startswith(f"comments/{case.file}:{case.line}: ") and case.expect in p for p in listed)
    for line in listed:
        assert line in result.log, line


def test_make_check_comments_lists_look_alike_names_for_the_editors(tmp_path: Path) -> None:
    for part in ("data", "docs", "comments"):
        shutil.copytree(ROOT / part, tmp_path / part)
    write(tmp_path / "comments", next(c for c in INERT if c.id == "mixed-script-name"))
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check_comments.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout
    assert done.stdout.splitlines()[:2] == [
        "1 note(s) for the editors (valid, but check them):",
        "  comments/mixed-script-name.md:4: author.name: mixes alphabets (CYRILLIC, LATIN); "
        "check it is not an impersonation",
    ]


# ---------------------------------------------------------------------------------------------
# What the documentation tells a contributor is what the check does


def test_contributing_states_the_checks_own_limits() -> None:
    text = " ".join((ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8").split())
    refused = text.split("## What is shown", 1)[1].split("##", 1)[0]
    for words in [
        f"more than {MAX_FILE_BYTES:,} bytes",
        f"more than {MAX_BODY_CHARS:,} characters or {MAX_LINES} lines",
        f"more than {MAX_BRACKETS} `[` besides the `[[…]]` citations",
        f"more than {MAX_RUN} of the same markup character in a row",
        f"nested more than {MAX_QUOTE_DEPTH} deep",
        f"indented more than {MAX_INDENT} spaces",
        f"(Unicode {unicodedata.unidata_version.removesuffix('.0')})",
    ]:
        assert words in refused


# Every sentence of the README about what a comment may cite: the references it gives before "not"
# are accepted in a comment, those after it refused.
def test_the_readme_says_which_references_a_comment_may_hold(tmp_path: Path) -> None:
    text = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    sentences = [s for s in re.split(r"(?<=[.;])\s", text) if re.search(r"\bcomments?\b.*\[\[(?!id\]\])", s)]
    assert sentences
    for number, sentence in enumerate(sentences):
        allowed, _, refused = sentence.partition(" not ")
        folder = folder_with(tmp_path / str(number))
        for ref in re.findall(r"\[\[[^\]]+\]\]", sentence):
            (folder / "ref.md").write_text(make(body=f"Fixture citing {ref}."), encoding="utf-8")
            _, problems = check(folder)
            assert (problems == []) is (ref in allowed and ref not in refused), (ref, problems)


# ---------------------------------------------------------------------------------------------
# The form's table: the checker refuses exactly what the form must refuse (the form's half is in
# tests/test_comments_form.py)


@pytest.mark.parametrize("case", FORM, ids=[c.id for c in FORM])
def test_the_checker_refuses_what_the_form_table_says_on_the_file_the_form_writes(
    tmp_path: Path, case: FormCase
) -> None:
    folder = folder_with(tmp_path)
    (folder / "iv-a-1-2026-11-01-en-abcd.md").write_text(form_file(case, date="2026-11-01"), encoding="utf-8")
    _, problems = check(folder)
    if case.refused is None:
        assert problems == []
    elif case.refused:
        assert problems and all(f": {case.refused}: " in p for p in problems), problems
    else:
        assert [p.split(": ", 1)[1] for p in problems] == [
            f"file is {len(form_file(case, date='2026-11-01').encode())} bytes; the limit is 32000"
        ]
