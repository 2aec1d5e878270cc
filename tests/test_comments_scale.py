"""Comments at scale, the unit layer: what the pages carry instead of comments, the comment
files, the memo that spares checking a file twice, and the fast paths of the checks (each proven
equal to the plain definition)."""

from __future__ import annotations

import functools
import json
import random
import re
import shutil
import sys
import unicodedata
from pathlib import Path

import pytest
from lxml import html

from edition.comments.data import data_script, read_script, relinked
from edition.comments.export import CONTROLS, csv_cell
from edition.comments.passages import CONTEXT, FOUND, Wording
from edition.comments.store import UNDECIDED, Comment, load_comments, load_schema, memo_from_json, memo_json
from edition.comments.text import INVISIBLE, MARKUP, _longest_run, character_problem, plain_line
from edition.comments.views import browse_rows, data_path, target_label
from edition.downloads.offline import file_address
from edition.text.registry import load_registry
from scripts.check_comments import main as check_comments
from scripts.comment_fixtures import paragraphs, passage, wording, write
from tests.test_comments import CORPUS, FIXTURES, check_folder

ROOT = Path(__file__).resolve().parent.parent
REGISTRY = load_registry(ROOT / "data")


def comment(
    file: str, targets: tuple[str, ...], *, status: str = "open", kind: str = "question", lang: str = "en"
) -> Comment:
    return Comment(
        file=file,
        targets=targets,
        requested_targets=targets,
        name="Fixture Name",
        organisation=None,
        country=None,
        language=lang,
        date="2026-11-01",
        kind=kind,
        status=status,
        proposed_text=None,
        response=None,
        body="Test fixture.",
    )


@pytest.mark.parametrize(
    ("target", "path"),
    [
        ("IV.b.17", "comments/on/iv-b-17.js"),
        ("II.a.1", "comments/on/ii-a-1.js"),
        ("crc-18-1", "comments/on/crc-18-1.js"),
    ],
)
def test_each_target_has_its_comment_file(target: str, path: str) -> None:
    assert data_path(target) == path


@pytest.mark.parametrize(
    ("target", "lang", "label"),
    [("IV.b.17", "fr", "IV.b.17"), ("crc-18-1", "en", "CRC art. 18(1)"), ("crc-18-1", "es", "CDN, art. 18(1)")],
)
def test_a_target_is_shown_by_its_number_or_its_provision_label(target: str, lang: str, label: str) -> None:
    assert target_label(target, registry=REGISTRY, lang=lang) == label


def test_the_comments_page_gets_counts_and_facets_per_target_in_reading_order_and_no_text() -> None:
    comments = [
        comment("a.md", ("IV.b.17",), status="open", lang="fr"),
        comment("b.md", ("IV.b.17", "IV.a.1"), status="accepted", kind="support"),
        comment("c.md", ("IV.b.17",), status="hidden"),
        comment("d.md", ("IV.b.17",), status="open", lang="fr"),
    ]
    rows = browse_rows(
        comments,
        targets=["IV.a.1", "IV.a.2", "IV.b.17"],
        link=lambda t: f"page/#{t}",
        data_src=lambda t: f"on/{t}.js",
        label=lambda t: f"label {t}",
    )
    assert [r["target"] for r in rows] == ["IV.a.1", "IV.b.17"], "targets without comments are left out"
    last = rows[1]
    assert last["count"] == 3 and last["statuses"] == {
        "open": 2,
        "accepted": 1,
        "partly-accepted": 0,
        "incorporated": 0,
        "declined": 0,
        "deferred": 0,
        "out-of-scope": 0,
        "withdrawn": 0,
    }
    assert last["facets"] == [["accepted", "support", "en", 1], ["open", "question", "fr", 2]]
    assert last["href"] == "page/#IV.b.17" and last["src"] == "on/IV.b.17.js" and last["label"] == "label IV.b.17"
    assert "Test fixture" not in json.dumps(rows)


@pytest.mark.parametrize(
    "html",
    [
        "<article>plain</article>",
        "</script><script>alert(1)</script>",
        "line\u2028separator\u2029and <!-- comment -->",
        "quotes \" ' ` and backslash \\ and ${template}",
        "émoji 😀 and right-to-left עברית",
    ],
)
def test_a_comment_file_hands_its_data_over_as_ascii_json_and_nothing_else(html: str) -> None:
    script = data_script(target="IV.b.17", lang="en", articles=[{"id": "x", "html": html}])
    assert script.isascii() and "</" not in script and "\u2028" not in script
    head, _, payload = script.partition("window.editionComments&&window.editionComments.receive(")
    assert head == '"use strict";' and payload.endswith(");\n")
    data = json.loads(payload.removesuffix(");\n"))
    assert data == {"target": "IV.b.17", "lang": "en", "comments": [{"id": "x", "html": html}]}


def test_a_comment_file_is_read_back_as_it_was_written() -> None:
    articles = [{"id": "x", "html": "<article>a < b &amp; c \u2028</article>", "status": "open"}]
    assert read_script(data_script(target="IV.b.17", lang="fr", articles=articles)) == {
        "target": "IV.b.17",
        "lang": "fr",
        "comments": articles,
    }
    with pytest.raises(ValueError, match="not a script written by handing_script for editionComments"):
        read_script("alert(1)")


PAGES = {"index.html", "specific-issues.html", "fr/index.html", "fr/specific-issues.html", "annex/index.html"}


@pytest.mark.parametrize(
    ("href", "folder", "expected"),
    [
        ("../../specific-issues/#iv-b-17", "comments/on", "../../specific-issues.html#iv-b-17"),
        ("../../#home", "comments/on", "../../index.html#home"),
        ("../../", "fr/comments/on", "../../index.html"),
        ("../../specific-issues/#iv-b-17", "fr/comments/on", "../../specific-issues.html#iv-b-17"),
        ("../../../fr/specific-issues/#a", "es/comments/on", "../../../fr/specific-issues.html#a"),
        ("../../annex/#a", "comments/on", "../../annex/index.html#a"),
        ("https://example.org/x/", "comments/on", "https://example.org/x/"),
        ("#a", "comments/on", "#a"),
    ],
)
def test_a_website_address_becomes_the_offline_page_file(href: str, folder: str, expected: str) -> None:
    assert file_address(href, folder=folder, exists=PAGES.__contains__) == expected


def test_an_address_with_no_offline_page_stops_the_build() -> None:
    with pytest.raises(ValueError, match="no page of the offline edition"):
        file_address("../../gone/#a", folder="comments/on", exists=PAGES.__contains__)


def test_offline_only_the_links_of_references_change() -> None:
    ref = '<a class="xref__link" href="../../specific-issues/#iv-b-17">IV.b.17</a>'
    own = '<a href="https://example.org/x/" rel="nofollow noopener">x</a>'
    articles = [
        {"id": "a", "html": f'<article class="comment" id="a"><p>See {ref} and {own}.</p></article>'},
        {"id": "b", "html": '<article class="comment" id="b"><p>No reference, <b>as typed</b>.</p></article>'},
    ]
    script = data_script(target="IV.b.16", lang="en", articles=articles)
    changed = read_script(relinked(script, address=lambda h: h + "X"))
    first = html.fragment_fromstring(changed["comments"][0]["html"])
    assert [a.get("href") for a in first.iter("a")] == ["../../specific-issues/#iv-b-17X", "https://example.org/x/"]
    assert first.text_content() == "See IV.b.17 and x."
    assert changed["comments"][1] == articles[1], "an article without references is left as it was"


# The fast paths, each equal to the plain definition over every character or many random lines.


def test_a_plain_line_holds_no_refused_character_whatever_the_character() -> None:
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if plain_line(f"a{char}b"):
            assert character_problem(char, multiline=False) is None, f"U+{code:04X} would be let through"
    assert not plain_line("\u202e") and not plain_line("\u3164") and plain_line("Plain text, «quoted».")


def test_csv_cells_lose_exactly_the_control_characters_but_line_breaks_and_tabs() -> None:
    controls = {code for code in range(sys.maxunicode + 1) if unicodedata.category(chr(code)) == "Cc"}
    assert set(CONTROLS) == controls - {ord("\n"), ord("\t")}
    assert csv_cell("a\x00b\tc\nd\x85e") == "ab\tc\nde"


def _longest_run_by_definition(line: str) -> str:
    longest, current = "", ""
    for char in line:
        current = current + char if current and current[0] == char else char
        if char in MARKUP and len(current) > len(longest):
            longest = current
    return longest


def test_the_longest_markup_run_is_found_as_by_its_definition() -> None:
    rng = random.Random(16)
    alphabet = "ab *_[]()`~#&\\|!<>"
    for _ in range(5000):
        line = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        assert _longest_run(line) == _longest_run_by_definition(line), line
    assert _longest_run("**a***b**") == "***" and _longest_run("no markup") == ""
    assert INVISIBLE  # the set plain_line relies on is not empty


# The memo: a file checked before with the same schema, targets and code is not checked again.


def test_the_memo_spares_unchanged_files_and_forgets_removed_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "comments"
    shutil.copytree(FIXTURES / "valid", folder)
    memo: dict[str, Comment] = {}
    first, problems = check_folder(folder, memo=memo)
    assert problems == [] and len(memo) == len(first) == 4
    import edition.comments.store as checking

    parsed: list[str] = []
    original = checking.parse_comment
    monkeypatch.setattr(checking, "parse_comment", lambda raw, **kw: parsed.append(kw["file"]) or original(raw, **kw))
    (folder / "hidden-2026-11-03.md").unlink()
    changed = folder / "iv-b-17-2026-11-02-fr.md"
    changed.write_text(changed.read_text(encoding="utf-8").replace("fixture", "Fixture"), encoding="utf-8")
    again, problems = check_folder(folder, memo=memo)
    assert problems == [] and parsed == ["iv-b-17-2026-11-02-fr.md"], "only the changed file is checked"
    assert len(again) == 3 and len(memo) == 3, "the removed file is forgotten"
    assert again[[c.file for c in again].index("iv-b-17-2026-11-02-fr.md")].body != first[1].body


def test_a_memo_never_holds_a_refused_file(tmp_path: Path) -> None:
    folder = tmp_path / "comments"
    folder.mkdir()
    (folder / "bad.md").write_text("---\ntargets: [IV.b.99]\n---\n\nTest fixture.\n", encoding="utf-8")
    memo: dict[str, Comment] = {}
    _, problems = check_folder(folder, memo=memo)
    assert problems and memo == {}


# Why: the generated files checked as the build checks them, passages against today's texts.
def check_generated(folder: Path) -> tuple[list[Comment], list[str]]:
    comments, problems = load_comments(
        folder,
        schema=load_schema(ROOT / "data"),
        known_targets=set(paragraphs()),
        retired={},
        display_root=folder.parent,
        wording=today(),
    )
    return comments, [str(p) for p in problems]


@functools.cache
def today() -> Wording:
    return wording()


def test_generated_fixtures_are_valid_deterministic_and_say_what_they_are(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    write(60, one)
    write(60, two, targets=["IV.a.5"])
    comments, problems = check_generated(one)
    assert problems == [] and len(comments) == 60
    assert {c.language for c in comments} == {"en", "fr", "es"} and len({c.status for c in comments}) >= 5
    assert all(c.name.startswith("Fixture Contributor") and c.body.startswith("Generated fixture") for c in comments)
    assert all(c.response for c in comments if c.status not in UNDECIDED), "every decision has its response"
    assert {t for c in comments for t in c.targets} <= set(paragraphs())
    assert {t for c in check_generated(two)[0] for t in c.targets} == {"IV.a.5"}
    write(60, tmp_path / "three")
    assert [p.read_bytes() for p in sorted(one.iterdir())] == [
        p.read_bytes() for p in sorted((tmp_path / "three").iterdir())
    ]


def test_every_generated_fixture_quotes_words_of_its_paragraph_in_its_language_found_exactly(tmp_path: Path) -> None:
    write(90, tmp_path / "comments")
    comments, problems = check_generated(tmp_path / "comments")
    assert problems == [] and len(comments) == 90
    texts = today().texts
    for c in comments:
        assert c.passage is not None and c.anchor is not None and len(c.targets) == 1, c.file
        assert (c.passage.language, c.passage.version, c.anchor.how) == (c.language, today().version, FOUND), c.file
        text = texts[(c.targets[0], c.language)]
        assert text[c.anchor.start : c.anchor.end] == c.passage.exact and c.anchor.start == c.passage.start, c.file
        assert text[: c.passage.start].endswith(c.passage.prefix) and len(c.passage.prefix) <= CONTEXT, c.file
    assert {c.language for c in comments if len(c.passage.prefix) == CONTEXT} == {"en", "fr", "es"}


def test_generated_fixtures_pass_make_check_comments(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for part in ("data", "docs"):
        shutil.copytree(ROOT / part, tmp_path / part)
    write(30, tmp_path / "comments")
    assert check_comments(tmp_path) == 0
    assert capsys.readouterr().out.endswith("30 comment(s), all valid.\n")


@pytest.mark.parametrize(
    ("texts", "refused"),
    [
        ({}, "IV.a.5 has no text in 'fr'"),
        ({("IV.a.5", "fr"): ""}, "IV.a.5 has no text in 'fr'"),
        ({("IV.a.5", "fr"): " ".join(["mot"] * 200)}, "no words of IV.a.5 (fr) the checker takes"),
    ],
)
def test_a_paragraph_without_words_the_checker_takes_stops_the_generator(
    texts: dict[tuple[str, str], str], refused: str
) -> None:
    with pytest.raises(ValueError, match=re.escape(refused)):
        passage("IV.a.5", "fr", rng=random.Random(1), texts=Wording("1.0", texts))


def test_the_memo_is_kept_as_json_and_read_back_the_same(tmp_path: Path) -> None:
    folder = tmp_path / "comments"
    shutil.copytree(FIXTURES / "valid", folder)
    (folder / "refs.md").write_text(
        CORPUS["base"].replace("Test fixture", "Test fixture citing [[crc-18-1]] and [[IV.b.16|the next one]]", 1),
        encoding="utf-8",
    )
    memo: dict[str, Comment] = {}
    comments, problems = check_folder(folder, memo=memo)
    assert problems == [] and any(not isinstance(part, str) for c in comments for part in c.rendered)
    text = memo_json(memo)
    assert json.loads(text) and memo_from_json(text) == memo


@pytest.mark.parametrize("text", ["", "not json", "[]", '{"k": {"file": "x.md"}}', '{"k": {"rendered": 3}}', "null"])
def test_a_memo_that_is_not_what_the_build_wrote_is_a_miss(text: str) -> None:
    assert memo_from_json(text) == {}


def test_many_files_are_checked_file_by_file_and_only_valid_ones_are_kept(tmp_path: Path) -> None:
    folder = tmp_path / "comments"
    write(520, folder)
    (folder / "bad.md").write_text("---\ntargets: [IV.b.99]\n---\n\nTest fixture.\n", encoding="utf-8")
    (folder / "zz-bad.md").write_text("no front matter: test fixture\n", encoding="utf-8")
    memo: dict[str, Comment] = {}
    comments, found = load_comments(
        folder,
        schema=load_schema(ROOT / "data"),
        known_targets=set(paragraphs()),
        retired={},
        display_root=tmp_path,
        memo=memo,
        wording=today(),
    )
    problems = [str(p) for p in found]
    assert len(comments) == len(memo) == 520
    files = [p.split(":")[0] for p in problems]
    assert files == sorted(files) and set(files) == {"comments/bad.md", "comments/zz-bad.md"}, "file by file"
    assert problems[-1].startswith("comments/zz-bad.md:1: no front matter")
