"""A home page's links to the edition as data (``data_links`` in ``edition/downloads/edition_data.py``): no build."""

from __future__ import annotations

import pytest

from edition.downloads.edition_data import data_links

LABELS = {
    lang: {"data_title": f"title-{lang}", "data_how": f"how-{lang}", "data_document": doc, "data_schema": f"s-{lang}"}
    for lang, doc in (("en", "English"), ("fr", "français"), ("es", "español"))
}
DOCUMENTS = {lang: f"data/edition-{lang}.json" for lang in LABELS}


# Why: offline, only the ZIP's own language and the schema are shipped; the others need the website.
def offline(path: str, shipped: bool) -> str | None:
    return f"../{path}" if shipped else None


@pytest.mark.parametrize(
    ("lang", "hrefs"),
    [
        ("en", ["../data/edition-en.json", None, None]),
        ("fr", [None, "../data/edition-fr.json", None]),
    ],
)
def test_each_language_document_is_linked_where_it_can_be_reached(lang: str, hrefs: list[str | None]) -> None:
    links = data_links(LABELS, lang=lang, languages=list(LABELS), documents=DOCUMENTS, schema="s.json", href=offline)
    assert [item["href"] for item in links["items"]] == hrefs
    assert [item["name"] for item in links["items"]] == ["English", "français", "español"]  # each in its own language
    assert links["schema"] == {"href": "../s.json", "name": f"s-{lang}"}
    assert (links["label"], links["how"]) == (f"title-{lang}", f"how-{lang}")
