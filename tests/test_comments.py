"""Comments: the corpus of bad inputs is refused with its message; hostile text renders inert."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup

from edition.comments.export import export_rows
from edition.comments.store import Comment, load_comments, load_schema, parse_comment
from edition.comments.text import ALLOWED_TAGS, render_markdown
from edition.text.registry import load_registry
from edition.text.syntax import scan

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "comments"
CORPUS = yaml.safe_load((FIXTURES / "bad-inputs.yml").read_text(encoding="utf-8"))


def known_targets() -> set[str]:
    numbers = {
        g.number
        for path in (ROOT / "docs" / "en").glob("*.md")
        for g in scan(path.read_text("utf-8"), path="x").guidelines
    }
    return numbers | set(load_registry(ROOT / "data").provisions)


KNOWN = known_targets()
SCHEMA = load_schema(ROOT / "data")
PLACEHOLDERS = frozenset(
    v for k, v in load_registry(ROOT / "data").labels["en"].items() if k.startswith("placeholder_")
)


def render_body(text: str) -> str:
    return "".join(p for p in render_markdown(text) if isinstance(p, str))


def case_text(case: dict[str, Any]) -> str:
    if "content" in case:
        return str(case["content"])
    text = str(CORPUS["base"])
    if "replace" in case:
        old, new = case["replace"]
        assert old in text, case
        text = text.replace(old, new, 1)
    return str(case.get("prepend", "")) + text


def check_folder(
    folder: Path, retired: dict[str, str] | None = None, *, memo: dict[str, Comment] | None = None
) -> tuple[list[Comment], list[str]]:
    comments, problems = load_comments(
        folder,
        schema=SCHEMA,
        known_targets=KNOWN,
        retired=retired or {},
        display_root=folder.parent,
        placeholders=PLACEHOLDERS,
        memo=memo,
    )
    return comments, [str(p) for p in problems]


@pytest.mark.parametrize("case", CORPUS["cases"], ids=[c["file"] for c in CORPUS["cases"]])
def test_each_bad_input_is_refused_with_its_message(tmp_path: Path, case: dict[str, Any]) -> None:
    folder = tmp_path / "comments"
    folder.mkdir()
    (folder / case["file"]).write_text(case_text(case), encoding="utf-8")
    _, problems = check_folder(folder)  # some bad files still parse; any problem stops the build
    assert any(case["expected"] in p for p in problems), problems
    assert all(p.startswith(f"comments/{case['file']}:") for p in problems), problems


@pytest.mark.parametrize(
    ("name", "make", "expected"),
    [
        ("not-utf8.md", lambda p: p.write_bytes(b"---\ntargets: [IV.b.17]\n\xff\xfe\n---\n"), "not UTF-8: byte 0xff"),
        (
            "nul-byte.md",
            lambda p: p.write_bytes(CORPUS["base"].replace("a question", "a\0question").encode()),
            "U+0000",
        ),
        ("huge.md", lambda p: p.write_text(CORPUS["base"] + "x" * 1_048_576, encoding="utf-8"), "the limit is 32000"),
        (
            "long-body.md",
            lambda p: p.write_text(CORPUS["base"] + "word " * 2500, encoding="utf-8"),
            "the limit is 10000",
        ),
        ("a-folder", lambda p: p.mkdir(), "a folder"),
        ("a-link.md", lambda p: os.symlink("/etc/passwd", p), "is a symbolic link"),
    ],
)
def test_inputs_that_are_not_text_are_refused(tmp_path: Path, name: str, make: Any, expected: str) -> None:
    folder = tmp_path / "comments"
    folder.mkdir()
    make(folder / name)
    comments, problems = check_folder(folder)
    assert comments == []
    assert any(expected in p for p in problems), problems


def test_duplicates_are_refused_and_every_problem_is_listed(tmp_path: Path) -> None:
    folder = tmp_path / "comments"
    folder.mkdir()
    (folder / "first.md").write_text(CORPUS["base"], encoding="utf-8")
    (folder / "second.md").write_text(CORPUS["base"], encoding="utf-8")
    (folder / "third.md").write_text(CORPUS["base"].replace("language: en", "language: xx"), encoding="utf-8")
    comments, problems = check_folder(folder)
    assert [c.file for c in comments] == ["first.md"]
    assert problems == [
        "comments/third.md:5: language: 'xx' is not one of ['en', 'fr', 'es']",
        "comments/second.md:11: text: the same comment as comments/first.md"
        " (same targets, name, text, wording, passage)",
    ]


def test_a_retired_target_moves_to_its_successor(tmp_path: Path) -> None:
    folder = tmp_path / "comments"
    folder.mkdir()
    (folder / "moved.md").write_text(CORPUS["base"].replace("[IV.b.17]", "[IV.b.31]"), encoding="utf-8")
    comments, problems = check_folder(folder, retired={"IV.b.31": "IV.b.30"})
    assert problems == []
    assert comments[0].targets == ("IV.b.30",) and comments[0].requested_targets == ("IV.b.31",)


def test_the_valid_fixtures_load_and_export(tmp_path: Path) -> None:
    comments, problems = check_folder(FIXTURES / "valid")
    assert problems == []
    assert len(comments) == 4
    rows = export_rows(comments)
    assert [r["status"] for r in rows] == ["accepted", "open", "hidden", "open"]
    assert rows[0]["targets"] == "IV.b.17 crc-18-1" and rows[0]["response"].startswith("Test fixture")


HOSTILE = parse_comment(
    (FIXTURES / "valid" / "hostile-2026-11-04.md").read_bytes(),
    file="hostile.md",
    shown="hostile.md",
    schema=SCHEMA,
    known_targets=KNOWN,
    retired={},
)[0]


@pytest.mark.parametrize("field", ["body", "proposed_text", "response"])
def test_hostile_markdown_renders_inert(field: str) -> None:
    """Whatever goes in, only allowed tags with an http(s)/mailto href and our rel come out."""
    assert HOSTILE is not None
    html = render_body(getattr(HOSTILE, field) or "")
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(True):
        assert tag.name in ALLOWED_TAGS, tag
        assert set(tag.attrs) <= ({"href", "rel"} if tag.name == "a" else set()), tag
        if tag.name == "a" and "href" in tag.attrs:
            assert str(tag["href"]).startswith(("https://", "http://", "mailto:")), tag
            assert tag["rel"] == ["nofollow", "ugc", "noopener"]
    text = soup.get_text()
    if field == "body":
        assert "<script>window.__pwned='entity'</script>" in text, "entities stay text"
        assert "Averyvery" in text


def test_what_survives_sanitising_is_text_and_safe_links() -> None:
    html = render_body("Some *text* and [a link](https://example.org/fixture) and [mail](mailto:x@example.invalid).")
    assert html == (
        '<p>Some <em>text</em> and <a href="https://example.org/fixture" rel="nofollow ugc noopener">a link</a> and '
        '<a href="mailto:x@example.invalid" rel="nofollow ugc noopener">mail</a>.</p>'
    )
    assert "&lt;script&gt;" in render_body("&lt;script&gt;alert(1)&lt;/script&gt;")


REL = 'rel="nofollow ugc noopener"'


# What the form's hint promises: a bare web or e-mail address is a link; a refused one is its words, not a dead link.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "See https://example.org/fixture?a=1.",
            f'<p>See <a href="https://example.org/fixture?a=1" {REL}>https://example.org/fixture?a=1</a>.</p>',
        ),
        ("Mail x@example.invalid", f'<p>Mail <a href="mailto:x@example.invalid" {REL}>x@example.invalid</a></p>'),
        ("[a fixture](javascript:alert(1)) here", "<p>a fixture here</p>"),
        ("[*a* fixture](ftp://example.org/x)", "<p><em>a</em> fixture</p>"),
        ("`https://example.org/code`", "<p><code>https://example.org/code</code></p>"),
    ],
    ids=["bare-url", "bare-mail", "javascript", "other-scheme", "in-code"],
)
def test_bare_addresses_are_linked_and_refused_links_are_words(text: str, expected: str) -> None:
    assert render_body(text) == expected


def test_the_pull_request_check_passes_and_fails_as_the_build_does(tmp_path: Path) -> None:
    import shutil
    import subprocess
    import sys

    for part in ("data", "docs", "comments"):
        shutil.copytree(ROOT / part, tmp_path / part)
    command = [sys.executable, str(ROOT / "scripts" / "check_comments.py"), str(tmp_path)]
    ok = subprocess.run(command, capture_output=True, text=True, check=False)
    assert ok.returncode == 0 and "all valid" in ok.stdout
    shutil.copy2(FIXTURES / "valid" / "iv-b-17-2026-11-01-en.md", tmp_path / "comments" / "good.md")
    (tmp_path / "comments" / "bad.md").write_text(CORPUS["base"].replace("kind: question", "kind: praise"), "utf-8")
    failed = subprocess.run(command, capture_output=True, text=True, check=False)
    assert failed.returncode == 1
    assert "comments/bad.md:7: kind: 'praise' is not one of" in failed.stdout
