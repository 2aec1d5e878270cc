"""The Markdown syntax of directives and references: edition/text/syntax.py on small inputs."""

from __future__ import annotations

import pytest

from edition.text.syntax import (
    GuidelineBlock,
    InstrumentsBlock,
    ProvisionBlock,
    Text,
    find_refs,
    indented_code,
    replace_refs,
    scan,
)


@pytest.mark.parametrize(
    ("line", "refs", "problems"),
    [
        ("no references", [], []),
        ("see [[crc-9-1]].", [("crc-9-1", None)], []),
        ("see [[IV.b.17]] and [[crc]]", [("IV.b.17", None), ("crc", None)], []),
        ("articles [[crc-2-1|2]] and [[crc-3-1|3]]", [("crc-2-1", "2"), ("crc-3-1", "3")], []),
        ("[[ crc-9-1 ]]", [("crc-9-1", None)], []),
        ("[[CRC 9]]", [], ["malformed reference '[[CRC 9]]': 'CRC 9' is no id"]),
        ("[[]]", [], ["malformed reference '[[]]': '' is no id"]),
        ("[[crc-9-1|]]", [], ["malformed reference '[[crc-9-1|]]': empty label"]),
        ("[[crc-9-1", [], ["malformed reference: unbalanced '[[' or ']]'"]),
        ("crc-9-1]]", [], ["malformed reference: unbalanced '[[' or ']]'"]),
        ("[[iv.b.17]]", [], ["malformed reference '[[iv.b.17]]': 'iv.b.17' is no id"]),
    ],
)
def test_find_refs(line: str, refs: list[tuple[str, str | None]], problems: list[str]) -> None:
    found, found_problems = find_refs(line, line=7, path="docs/en/x.md")
    assert [(r.target, r.label) for r in found] == refs
    assert [p.message for p in found_problems] == problems
    assert all(p.line == 7 and p.path == "docs/en/x.md" for p in found_problems)


def test_replace_refs_keeps_the_rest() -> None:
    text = "a [[crc-9-1]] b [[crc-3-1|best interests]] c"
    assert replace_refs(text, lambda t, label: f"<{t}:{label}>") == "a <crc-9-1:None> b <crc-3-1:best interests> c"


def test_scan_cuts_a_page_into_segments() -> None:
    page = scan(
        "# Title\n\n::: guideline IV.b.4 [smr-23-1]\nBirth [[crc-3-1|registration]].\n\n"
        "::: provision crc-9-1\n\n::: instruments\n",
        path="p.md",
    )
    kinds = [type(s) for s in page.segments]
    assert kinds == [Text, Text, GuidelineBlock, Text, ProvisionBlock, Text, InstrumentsBlock, Text]
    block = page.guidelines[0]
    assert (block.number, block.cites, block.body, block.line) == (
        "IV.b.4",
        ("smr-23-1",),
        "Birth [[crc-3-1|registration]].",
        3,
    )
    assert [(r.target, r.line) for r in block.refs] == [("crc-3-1", 4)]
    assert page.problems == []


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("::: guideline iv.b.4\ntext", "malformed guideline number in '::: guideline iv.b.4'"),
        ("::: guideline IV.b.4 [CRC-1]\ntext", "malformed provision id 'CRC-1' in IV.b.4"),
        ("::: guideline IV.b.4\n", "guideline IV.b.4 has no text"),
        ("::: provision CRC 9", "malformed directive '::: provision CRC 9'"),
        ("::: instruments extra", "malformed directive '::: instruments extra'"),
        ("::: footnote x", "malformed directive '::: footnote x'"),
    ],
)
def test_scan_reports_malformed_directives(source: str, message: str) -> None:
    page = scan(source, path="p.md")
    assert [p.message for p in page.problems] == [message]
    assert page.problems[0].line == 1


def test_code_blocks_are_left_alone() -> None:
    page = scan("```\n::: guideline x\n[[nope\n```\n", path="p.md")
    assert page.problems == [] and page.guidelines == []


@pytest.mark.parametrize(
    ("source", "code"),
    [
        ("p\n\n    [[crc]]\n    x\ny [[crc]]", {2, 3}),  # the code ends at the first line not indented
        ("- item\n\n    [[crc]]", set()),  # a list item's second paragraph
        ("- a\nlazy\n\n    continued", set()),
        ("[^1]: note\n\n    more [[crc]]", set()),  # a footnote's
        ("# h\n\n    code\n\n    more\n\ntext\n\n    code2", {2, 4, 8}),
        ("- a\n\n    continued\n\npara\n\n    code", {6}),
        ("```\n    x\n```\n\n    code", {4}),
        ("    code", {0}),
    ],
)
def test_indented_code_is_found_as_markdown_reads_it(source: str, code: set[int]) -> None:
    assert indented_code(source.split("\n")) == code
