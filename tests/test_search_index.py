"""Per-language search indexes: edition/frame/search_index.py on small inputs."""

from __future__ import annotations

import pytest

from edition.frame.search_index import (
    PIPELINE,
    SEPARATOR,
    Entry,
    guideline_entries,
    language_of,
    search_base,
    split_index,
    with_entries,
)

LANGS = ["en", "fr", "es"]


@pytest.mark.parametrize(
    ("base_url", "lang", "expected"),
    [
        ("..", "en", None),  # the default edition searches Material's own index
        ("..", "fr", "../fr/"),
        ("../..", "es", "../../es/"),
        (".", "fr", "./fr/"),
    ],
)
def test_search_base_points_a_translated_edition_at_its_own_index(
    base_url: str, lang: str, expected: str | None
) -> None:
    assert search_base(base_url, lang=lang, default="en") == expected


@pytest.mark.parametrize(
    ("location", "expected"),
    [
        ("", ("en", "")),
        ("foreword/", ("en", "foreword/")),
        ("#author", ("en", "#author")),
        ("fr/", ("fr", "")),
        ("fr", ("fr", "")),
        ("fr/foreword/#x", ("fr", "foreword/#x")),
        ("fr#auteur", ("fr", "#auteur")),
        ("es/specific-issues/", ("es", "specific-issues/")),
        ("french-page/", ("en", "french-page/")),
        ("esx/", ("en", "esx/")),
    ],
)
def test_language_of(location: str, expected: tuple[str, str]) -> None:
    assert language_of(location, languages=LANGS, default="en") == expected


def test_split_index_gives_each_language_its_own_docs_and_stemmer() -> None:
    shared = {
        "config": {"lang": LANGS, "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"], "fields": {}},
        "docs": [
            {"location": "", "title": "Home", "text": "a"},
            {"location": "fr/", "title": "Accueil", "text": "b"},
            {"location": "es/foreword/", "title": "Prólogo", "text": "c"},
        ],
    }
    split = split_index(shared, languages=LANGS, default="en")
    assert {lang: [d["title"] for d in index["docs"]] for lang, index in split.items()} == {
        "en": ["Home"],
        "fr": ["Accueil"],
        "es": ["Prólogo"],
    }
    assert split["es"]["docs"][0]["location"] == "foreword/"
    assert split["fr"]["config"]["lang"] == ["fr"] and split["fr"]["config"]["pipeline"] == PIPELINE
    assert split["fr"]["config"]["separator"] == SEPARATOR


def test_guideline_entries_keep_the_text_and_drop_the_apparatus() -> None:
    html = (
        '<h2 id="food">Food</h2><div class="guideline" id="iv-b-10"><p class="guideline__number"><a>IV.b.10</a></p>'
        '<p>Prisons should <span class="xref"><a>x</a><span class="xref__tip">TIP</span></span> eat.</p>'
        '<p class="guideline__rests-on">Rests on: UDHR</p></div>'
    )
    assert guideline_entries(html, page_location="specific-issues/") == [
        Entry("specific-issues/#iv-b-10", "IV.b.10", "Prisons should x eat.")
    ]


def test_paragraph_entries_follow_their_page() -> None:
    index = {
        "config": {},
        "docs": [
            {"location": "a/", "title": "A", "text": ""},
            {"location": "a/#h", "title": "H", "text": ""},
            {"location": "b/", "title": "B", "text": ""},
        ],
    }
    out = with_entries(index, [Entry("a/#p-1", "P1", "t")])
    assert [d["location"] for d in out["docs"]] == ["a/", "a/#h", "a/#p-1", "b/"]
