"""The Comments page's and the panels' view models (``edition/comments/views.py``), from the real
schema and words: no build."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from edition.comments.passages import EARLIER, FOUND, FOUND_AGAIN, Anchor, Passage
from edition.comments.store import Comment, load_schema
from edition.comments.views import STATUS_ORDER, comment_context, index_context, panel_context, passage_mark
from edition.text.registry import load_registry

ROOT = Path(__file__).resolve().parent.parent
LABELS = load_registry(ROOT / "data").labels
SCHEMA = load_schema(ROOT / "data")


@pytest.mark.parametrize(
    ("target", "guideline", "count", "new_label", "count_label"),
    [
        ("IV.b.17", True, 0, "comment_on_guideline", "comments_count_zero"),
        ("crc-9-1", False, 1, "comment_on_provision", "comments_count_one"),
    ],
)
def test_a_panel_says_how_many_comments_and_how_to_write_one(
    target: str, guideline: bool, count: int, new_label: str, count_label: str
) -> None:
    labels = LABELS["fr"]
    context = panel_context(
        target, count=count, labels=labels, src="on.js", export_href="x#e", new_href="c/?target=t", guideline=guideline
    )
    assert context["new_label"] == labels[new_label]
    assert context["count_label"] == labels[count_label]
    assert (context["target"], context["src"], context["new_href"]) == (target, "on.js", "c/?target=t")


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_the_comments_page_offers_every_filter_in_the_readers_words(lang: str) -> None:
    labels = LABELS[lang]
    row = {"target": "IV.b.17", "label": "IV.b.17", "href": "a/#iv-b-17", "src": "on.js", "facets": [], "count": 2}
    context = index_context((), schema=SCHEMA, labels=labels, rows=[row], exports=("c.csv", "c.json"))
    assert [code for code, _ in context["languages"]] == sorted(SCHEMA["properties"]["language"]["enum"])
    assert [kind for kind, _ in context["kinds"]] == list(SCHEMA["properties"]["kind"]["enum"])
    assert [status for status, _ in context["statuses"]] == list(STATUS_ORDER)
    assert (context["export_csv"], context["export_json"]) == ("c.csv", "c.json")
    assert context["total_label"] == labels["comments_count_zero"]
    assert context["browse"]["targets"] == [{k: row[k] for k in ("target", "label", "href", "src", "facets")}]
    assert set(context["browse"]["messages"]) == {"count", "searched", "none", "on", "loading", "load_failed"}


FIXTURE_COMMENT = Comment(
    file="fixture.md",
    targets=("IV.a.4",),
    requested_targets=("IV.a.4",),
    name="Fixture",
    organisation=None,
    country=None,
    language="fr",
    date="2026-11-05",
    kind="question",
    status="open",
    proposed_text=None,
    response=None,
    body="Test fixture.",
)
WORDS = Passage(exact="human rights", prefix="", suffix="", start=None, language="en", version="1.0")


# Where a panel marks a comment's words: only on a page in the language they were taken from, and
# only where today's text holds them; a passage on earlier wording is shown, never marked.
@pytest.mark.parametrize(
    ("passage", "found", "lang", "mark", "label"),
    [
        (None, None, "en", None, None),
        (WORDS, Anchor(FOUND, 10, 22), "en", [10, 22], "comment_passage"),
        (WORDS, Anchor(FOUND_AGAIN, 11, 23), "en", [11, 23], "comment_passage"),
        (WORDS, Anchor(FOUND, 10, 22), "fr", None, "comment_passage"),
        (WORDS, Anchor(EARLIER), "en", None, "comment_passage_earlier"),
        (WORDS, None, "en", None, "comment_passage_earlier"),
    ],
)
def test_a_passage_is_marked_only_in_its_language_and_where_today_s_text_holds_it(
    passage: Passage | None, found: Anchor | None, lang: str, mark: list[int] | None, label: str | None
) -> None:
    comment = replace(FIXTURE_COMMENT, passage=passage, anchor=found)
    assert passage_mark(comment, lang=lang) == mark
    labels = LABELS[lang]
    shown = comment_context(comment, target="IV.a.4", labels=labels, lang=lang, retired={}, body_html="")["passage"]
    if passage is None:
        assert shown is None
    else:
        assert shown == {"exact": "human rights", "language": "en", "label": labels[str(label)]}
