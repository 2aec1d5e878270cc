"""The Disposition of comments page's view model and the "await the next draft" line
(``edition/comments/views.py``), from the real schema and words: no build. Every comment here is a
test fixture and says so."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from edition.comments.passages import EARLIER, FOUND, Anchor, Passage
from edition.comments.store import Comment, load_schema
from edition.comments.views import (
    AWAITING,
    STATUS_ORDER,
    awaiting_count,
    awaiting_label,
    break_parts,
    disposition_context,
    disposition_groups,
    disposition_href,
    panel_context,
)
from edition.shared.safe_html import breakable
from edition.text.registry import load_registry

ROOT = Path(__file__).resolve().parent.parent
LABELS = load_registry(ROOT / "data").labels
SCHEMA = load_schema(ROOT / "data")


def fixture(file: str, **fields: Any) -> Comment:
    """A fixture comment: an open English suggestion on IV.b.17 unless told otherwise."""
    values: dict[str, Any] = {
        "file": file,
        "targets": ("IV.b.17",),
        "requested_targets": ("IV.b.17",),
        "name": f"Fixture commenter {file}",
        "organisation": None,
        "country": None,
        "language": "en",
        "date": "2026-11-01",
        "kind": "suggested-wording",
        "status": "open",
        "proposed_text": None,
        "response": None,
        "body": "Test fixture.",
    }
    values.update(fields)
    return Comment(**values)


def groups_of(comments: list[Comment], lang: str = "en", targets: tuple[str, ...] = ("IV.b.16", "IV.b.17")) -> Any:
    return disposition_groups(
        comments,
        targets=targets,
        labels=LABELS[lang],
        lang=lang,
        link=lambda target: f"page/#{target}",
        label=lambda target: f"label {target}",
    )


def test_the_statuses_are_the_schemas_published_ones_with_words_in_every_language() -> None:
    published = set(SCHEMA["properties"]["status"]["enum"]) - {"hidden"}
    assert set(STATUS_ORDER) == published and len(STATUS_ORDER) == len(published)
    assert set(AWAITING) <= set(STATUS_ORDER)
    missing = [
        (lang, s) for lang in ("en", "fr", "es") for s in STATUS_ORDER if f"comment_status_{s}" not in LABELS[lang]
    ]
    assert missing == []


@pytest.mark.parametrize(
    ("lang", "count", "expected"),
    [
        ("en", 1, "1 accepted comment awaits the next draft"),
        ("en", 3, "3 accepted comments await the next draft"),
        ("fr", 1, "1 observation acceptée, à intégrer au prochain projet"),
        ("fr", 2, "2 observations acceptées, à intégrer au prochain projet"),
        ("es", 1, "1 observación aceptada, pendiente de incorporarse al próximo proyecto"),
        ("es", 12, "12 observaciones aceptadas, pendientes de incorporarse al próximo proyecto"),
    ],
)
def test_the_await_line_is_singular_or_plural(lang: str, count: int, expected: str) -> None:
    assert awaiting_label(count, LABELS[lang]) == expected


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        ((), 0),
        (("open", "declined", "incorporated", "deferred"), 0),
        (("accepted",), 1),
        (("accepted", "partly-accepted", "incorporated", "withdrawn"), 2),
    ],
)
def test_only_accepted_comments_not_yet_incorporated_await(statuses: tuple[str, ...], expected: int) -> None:
    comments = [fixture(f"f{i}.md", status=status) for i, status in enumerate(statuses)]
    assert awaiting_count(comments) == expected


@pytest.mark.parametrize(
    ("awaiting", "href", "shown"),
    [(0, "d/?on=IV.b.17#on-iv-b-17", False), (2, None, False), (2, "d/?on=IV.b.17#on-iv-b-17", True)],
)
def test_a_panel_carries_the_await_line_only_when_there_is_one(awaiting: int, href: str | None, shown: bool) -> None:
    context = panel_context(
        "IV.b.17",
        count=3,
        labels=LABELS["en"],
        src="on.js",
        export_href="x",
        new_href="c",
        guideline=True,
        awaiting=awaiting,
        awaiting_href=href,
    )
    assert (context["awaiting_label"] is not None) == shown


@pytest.mark.parametrize(
    ("page", "target", "expected"),
    [
        ("../dispositions/", "IV.b.17", "../dispositions/?on=IV.b.17#on-iv-b-17"),
        ("../../fr/dispositions/", "crc-18-1", "../../fr/dispositions/?on=crc-18-1#on-crc-18-1"),
    ],
)
def test_the_disposition_link_filters_with_a_script_and_lands_on_the_rows_without(
    page: str, target: str, expected: str
) -> None:
    assert disposition_href(page, target) == expected


def test_rows_follow_reading_order_and_leave_hidden_comments_out() -> None:
    comments = [
        fixture("b.md", targets=("IV.b.17", "IV.b.16"), date="2026-11-02"),
        fixture("a.md", date="2026-11-01"),
        fixture("hidden.md", status="hidden"),
    ]
    groups = groups_of(comments)
    assert [(g["target"], g["id"], [r["id"] for r in g["rows"]]) for g in groups] == [
        ("IV.b.16", "on-iv-b-16", ["disposition-b-on-iv-b-16"]),
        ("IV.b.17", "on-iv-b-17", ["disposition-a-on-iv-b-17", "disposition-b-on-iv-b-17"]),
    ]
    context = disposition_context(comments, labels=LABELS["en"], groups=groups, script="s.js")
    assert context["total_label"] == "2 comments"
    assert [(s, n) for s, _, n in context["counts"]] == [(s, 2 if s == "open" else 0) for s in STATUS_ORDER]
    assert [s for s, _ in context["statuses"]] == ["open"]


PASSAGE = Passage(exact="fixture words", prefix="", suffix="", start=None, language="fr", version="1.0")


@pytest.mark.parametrize(
    ("lang", "fields", "expected"),
    [
        # no response: nothing to mark
        ("fr", {}, {"response": None, "response_marked": None, "agreed_label": "Inconnu", "passage": None}),
        # English only, read in French: the English, marked as English
        (
            "fr",
            {"status": "accepted", "response": "Fixture response.", "commenter_agreed": True},
            {
                "response": "Fixture response.",
                "response_language": "en",
                "response_marked": "en anglais",
                "agreed_label": "Oui",
            },
        ),
        # a Spanish response, read in Spanish: not marked
        (
            "es",
            {
                "status": "declined",
                "response": "Fixture.",
                "response_es": "Respuesta ficticia.",
                "commenter_agreed": False,
            },
            {
                "response": "Respuesta ficticia.",
                "response_language": "es",
                "response_marked": None,
                "agreed_label": "No",
            },
        ),
        # English read in English: not marked
        ("en", {"status": "deferred", "response": "Fixture."}, {"response_marked": None, "status_label": "Deferred"}),
        # a passage found in today's text, quoted in its own language
        (
            "en",
            {"passage": PASSAGE, "anchor": Anchor(FOUND, start=0, end=13)},
            {"passage": "fixture words", "passage_language": "fr", "passage_earlier": None},
        ),
        # a passage on earlier wording says so
        ("en", {"passage": PASSAGE, "anchor": Anchor(EARLIER)}, {"passage_earlier": "on earlier wording"}),
        # where it was resolved: the editors, or a link
        (
            "es",
            {"status": "accepted", "response": "F.", "resolved_in": "editors"},
            {"resolved_label": "por los editores", "resolved_href": None},
        ),
        (
            "en",
            {"status": "accepted", "response": "F.", "resolved_in": "https://example.org/fixture/minutes"},
            {"resolved_href": "https://example.org/fixture/minutes", "resolved_label": "where it was decided"},
        ),
    ],
)
def test_a_row_shows_the_decision_in_the_readers_language(
    lang: str, fields: dict[str, Any], expected: dict[str, Any]
) -> None:
    [group] = groups_of([fixture("c.md", **fields)], lang=lang)
    [row] = group["rows"]
    assert {key: row[key] for key in expected} == expected


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_with_no_comments_the_page_has_no_rows_and_offers_no_filter(lang: str) -> None:
    context = disposition_context([], labels=LABELS[lang], groups=groups_of([], lang=lang), script="s.js")
    assert context["groups"] == [] and context["statuses"] == [] and context["languages"] == []
    assert context["total_label"] == LABELS[lang]["comments_count_zero"]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (None, ()),
        ("", ()),
        ("word", ("word",)),
        ("été, là", ("été, ", "là")),
        ("javascript:window.__pwned='x'", ("javascript:", "window.__", "pwned='", "x'")),
        ("<script>x</script>", ("<", "script>", "x</", "script>")),
        # an opening bracket or quotation mark stays with what it opens
        ("Fixture Network (generated)", ("Fixture ", "Network ", "(generated)")),
        ("« au niveau »", ("« au ", "niveau »")),
        ("¿Qué? ¡Sí!", ("¿Qué? ", "¡Sí!")),
        ("a [", ("a [",)),
        ("((", ("((",)),
    ],
)
def test_words_break_only_after_punctuation_or_space(text: str | None, parts: tuple[str, ...]) -> None:
    assert break_parts(text) == parts and "".join(parts) == (text or "")


@pytest.mark.parametrize(
    ("text", "html"),
    [
        (None, ""),
        ("word", "word"),
        ("été, là", "été, <wbr>là"),
        ("<script>x</script>", "&lt;<wbr>script&gt;<wbr>x&lt;/<wbr>script&gt;"),
        ('a&b "c"', "a&amp;<wbr>b &#34;<wbr>c&#34;"),
    ],
)
def test_a_contributors_words_are_escaped_part_by_part_with_breaks_between(text: str | None, html: str) -> None:
    assert str(breakable(break_parts(text))) == html


def test_the_parts_always_make_up_the_whole_text_and_none_is_empty() -> None:
    rng, alphabet = random.Random(0), "ab (){}[]«»“”‘’¿¡?!,. \u00a0-_/:é\t"
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        parts = break_parts(text)
        assert "".join(parts) == text and all(parts), (text, parts)
