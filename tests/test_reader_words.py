"""The French and Spanish words of passages and dispositions: one term for one thing, the glossary's.

The labels (data/labels.yml) and the pages that explain them (docs/<lang>/dispositions.md) must say
the same thing the same way: the statuses the page lists are the statuses the table shows, "earlier
wording" is one phrase wherever it is said, and "comments" is the glossary's word (French
"observations", Spanish "observaciones"), never a second one.
"""

from __future__ import annotations

import pytest
import yaml

from edition.comments.views import STATUS_ORDER
from tests.conftest import ROOT

LABELS = yaml.safe_load((ROOT / "data" / "labels.yml").read_text(encoding="utf-8"))
GLOSSARY = yaml.safe_load((ROOT / "data" / "glossary.yml").read_text(encoding="utf-8"))
# The labels a reader or contributor meets around passages and dispositions.
PREFIXES = ("comment_passage", "comment_on_passage", "comment_status_", "dispositions_", "comment_form_passage")
KEYS = [key for key in LABELS["en"] if key.startswith((*PREFIXES, "comment_form_err_passage"))]


def test_the_labels_examined_are_the_ones_around_passages_and_dispositions() -> None:
    assert {"comment_on_passage", "comment_passage_mark", "dispositions_awaiting_other"} <= set(KEYS)
    assert {"comment_status_declined", "dispositions_shown"} <= set(KEYS)
    assert {"comment_form_passage", "comment_form_passage_found", "comment_form_err_passage_twice"} <= set(KEYS)


@pytest.mark.parametrize(("lang", "other_word"), [("es", "coment"), ("fr", "commentaire")])
def test_comments_are_the_glossary_s_word_in_every_label(lang: str, other_word: str) -> None:
    entry = next(e for e in GLOSSARY if e["en"] == "comments")
    assert entry[lang] in ("observations", "observaciones")
    assert [key for key in KEYS if other_word in LABELS[lang][key].casefold()] == []


@pytest.mark.parametrize(
    ("lang", "phrase"),
    [("en", "earlier wording"), ("fr", "formulation antérieure"), ("es", "redacción anterior")],
)
def test_earlier_wording_is_one_phrase_in_the_panel_and_the_disposition_table(lang: str, phrase: str) -> None:
    labels = LABELS[lang]
    assert phrase in labels["comment_passage_earlier"].casefold()
    assert phrase in labels["dispositions_earlier"].casefold()


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_the_page_explains_the_statuses_the_table_shows(lang: str) -> None:
    page = (ROOT / "docs" / lang / "dispositions.md").read_text(encoding="utf-8").casefold()
    missing = [
        LABELS[lang][f"comment_status_{status}"]
        for status in STATUS_ORDER
        if LABELS[lang][f"comment_status_{status}"].casefold() not in page
    ]
    assert missing == []


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_the_disposition_count_reads_like_the_comments_page_s(lang: str) -> None:
    labels = LABELS[lang]
    shown = labels["dispositions_shown"].format(shown=3, total=45)
    browse = labels["comments_browse_count"].format(shown=3, total=45)
    assert shown == browse.removesuffix(".")
