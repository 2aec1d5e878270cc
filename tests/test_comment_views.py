"""The Comments page's and the panels' view models (``edition/comments/views.py``), from the real
schema and words: no build."""

from __future__ import annotations

from pathlib import Path

import pytest

from edition.comments.store import load_schema
from edition.comments.views import STATUS_ORDER, index_context, panel_context
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
