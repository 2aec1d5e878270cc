"""The edition as data: page parts, sanitising, the schema check, and the documents the build writes."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from edition.downloads.edition_data import TEXTS, TEXTS_RECEIVER, document_problems, sanitise
from edition.shared.json_text import handed_data
from edition.shared.schemas import inline_refs
from edition.text.page_parts import extract_parts, rebase_links
from tests.conftest import ROOT
from tests.site import parse

SCHEMA = yaml.safe_load((ROOT / "data" / "schemas" / "edition-data.schema.yml").read_text(encoding="utf-8"))
LANGUAGES = ("en", "fr", "es")

# A page as the build renders it (fixture, not the publication's text).
PAGE = """
<h2 id="b-management">b. Management<a class="headerlink" href="#b-management">¶</a></h2>
<div class="guideline" id="iv-b-17">
<span class="anchor-alias" id="old-17"></span>
<p class="guideline__number"><a class="guideline__permalink" href="#iv-b-17">IV.b.17</a></p>
<p>Fixture<sup id="fnref:iv-b-17"><a class="footnote-ref" href="#fn:iv-b-17">1</a></sup>
 text citing <span class="xref"><a aria-describedby="t1" href="../international-provisions/#crc-18-1"
>CRC art. 18(1)</a><span class="xref__tip" id="t1">preview</span></span>.</p>
<p class="guideline__rests-on">Rests on: …</p>
<aside class="law-since"><p>Since 2005: fixture</p></aside>
<p class="practice-links"><span class="practice-links__label">In practice:</span> <a href="#">Fixture</a></p>
<p class="edition-tools"><button>Cite</button></p>
<div class="comments"><details><summary>No comments</summary></details></div>
</div>
<dialog><h2 id="edition-cite-title"></h2></dialog>
"""


def test_a_page_gives_its_sections_and_paragraph_bodies_without_apparatus() -> None:
    parts = extract_parts(PAGE, page_url="specific-issues/")
    assert [(s.anchor, s.title) for s in parts.sections] == [("b-management", "b. Management")]
    (paragraph,) = parts.paragraphs
    assert (paragraph.number, paragraph.anchor, paragraph.section) == ("IV.b.17", "iv-b-17", "b-management")
    assert paragraph.text == "Fixture text citing CRC art. 18(1)."
    assert 'href="international-provisions/#crc-18-1"' in paragraph.html
    assert 'href="specific-issues/#fn:iv-b-17"' in paragraph.html  # the mark stays, linked to its note
    apparatus = ("preview", "Rests on", "Since 2005", "In practice", "Cite", "No comments", "aria-describedby")
    for left_out in (*apparatus, "old-17"):
        assert left_out not in paragraph.html


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<p>a <a href="x/#y">b</a></p>', '<p>a <a href="https://e.org/x/#y">b</a></p>'),
        ('<p onclick="alert(1)">a</p><script>alert(1)</script>', "<p>a</p>"),
        ('<p><a href="javascript:alert(1)">b</a></p>', "<p>b</p>"),  # a refused address: its words, no dead link
        ('<p><span class="xref">b</span> <em>c</em></p>', "<p>b <em>c</em></p>"),
        ('<p><a href="https://other.org/">b</a></p>', '<p><a href="https://other.org/">b</a></p>'),
    ],
)
def test_sanitised_html_keeps_words_and_links_only(html: str, expected: str) -> None:
    assert sanitise(html, address=lambda path: "https://e.org/" + path) == expected


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<p><a href="x/">b</a></p>', "<p>b</p>"),  # rebased to a scheme not allowed: its words only
        ('<p><a href="#f">b</a> <a href="mailto:a@b.invalid">c</a></p>', None),  # not rebased, kept
    ],
)
def test_links_are_judged_after_they_are_rebased(html: str, expected: str | None) -> None:
    assert sanitise(html, address=lambda path: "javascript:" + path) == (expected or html)


# Offline without the website's address, another language's page has none: the words stay, unlinked.
def test_a_link_without_an_address_here_is_its_words() -> None:
    html = '<p>a <a href="fr/x/#y"><em>b</em></a> <a href="#z">c</a></p>'
    assert sanitise(html, address=lambda path: None) == '<p>a <em>b</em> <a href="#z">c</a></p>'


# A schema with local references, alone and beside other keywords (fixture).
REFS = {
    "$defs": {"id": {"type": "string", "pattern": "^[a-z]+$"}},
    "type": "object",
    "properties": {
        "a": {"$ref": "#/$defs/id", "description": "an id"},
        "b": {"$ref": "#/$defs/id", "maxLength": 2},
        "c": {"type": "array", "items": {"$ref": "#/$defs/id"}},
    },
}


@pytest.mark.parametrize(
    "document", [{"a": "A"}, {"b": "abc"}, {"b": "B"}, {"b": "ab"}, {"c": ["x", "Y", 3]}, {"a": 1, "c": "x"}, {}]
)
def test_inlined_references_give_the_same_errors_at_the_same_places(document: dict[str, object]) -> None:
    def errors(schema: dict[str, object]) -> list[tuple[list[object], str]]:
        found = jsonschema.Draft202012Validator(schema).iter_errors(document)
        return sorted((list(e.absolute_path), e.message) for e in found)

    assert "$ref" not in json.dumps(inline_refs(REFS, defs=REFS["$defs"])["properties"])  # type: ignore[arg-type]
    assert errors(inline_refs(REFS, defs=REFS["$defs"])) == errors(REFS)  # type: ignore[arg-type]


def test_rebase_links_leaves_fragments_and_other_hosts_alone() -> None:
    html = '<a href="a/#b">1</a><a href="#c">2</a><a href="https://x.org/">3</a>'
    assert (
        rebase_links(html, lambda p: "../" + p)
        == '<a href="../a/#b">1</a><a href="#c">2</a><a href="https://x.org/">3</a>'
    )


def test_the_schema_check_names_every_mismatch() -> None:
    problems = document_problems({"format": 2, "language": "de"}, SCHEMA)
    assert "format: 1 was expected" in problems
    assert any(p.startswith("language: 'de' is not one of") for p in problems)
    assert any("'paragraphs' is a required property" in p for p in problems)


# ---------------------------------------------------------------------------------------------
# The real build


def _document(site: Path, lang: str) -> dict[str, object]:
    return json.loads((site / "data" / f"edition-{lang}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_form_s_texts_are_the_document_s_texts_of_each_paragraph_and_provision(built_site: Path, lang: str) -> None:
    document = _document(built_site, lang)
    handed = handed_data((built_site / TEXTS.format(lang=lang)).read_text(encoding="utf-8"), receiver=TEXTS_RECEIVER)
    entries = [*document["paragraphs"], *document["provisions"]]  # type: ignore[misc]
    assert handed["lang"] == lang and len(handed["texts"]) == len(entries) > 50
    assert handed["texts"] == [[entry["id"], entry["text"]] for entry in entries]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_document_is_valid_against_the_published_schema(built_site: Path, lang: str) -> None:
    published = json.loads((built_site / "data" / "edition.schema.json").read_text(encoding="utf-8"))
    assert published == SCHEMA
    document = _document(built_site, lang)
    jsonschema.Draft202012Validator(published).validate(document)
    assert document["language"] == lang


def test_the_documents_hold_the_same_paragraphs_and_provisions_in_every_language(built_site: Path) -> None:
    documents = {lang: _document(built_site, lang) for lang in LANGUAGES}
    ids = {lang: [p["id"] for p in d["paragraphs"]] for lang, d in documents.items()}  # type: ignore[attr-defined]
    assert len(ids["en"]) == 58
    assert ids["en"] == ids["fr"] == ids["es"]
    provisions = {lang: [p["id"] for p in d["provisions"]] for lang, d in documents.items()}  # type: ignore[attr-defined]
    assert provisions["en"] == provisions["fr"] == provisions["es"]


def test_a_paragraph_in_the_document_matches_its_page(built_site: Path) -> None:
    document = _document(built_site, "fr")
    paragraph = next(p for p in document["paragraphs"] if p["id"] == "IV.b.17")  # type: ignore[attr-defined]
    page = parse(built_site / "fr" / "specific-issues" / "index.html")
    body = page.select_one("#iv-b-17 > p:not([class])")
    assert body is not None
    assert paragraph["text"] == " ".join(body.get_text("").split())
    assert paragraph["address"].endswith("/fr/specific-issues/#iv-b-17")
    assert paragraph["rests_on"] == ["crc-18-1"]
    provision = next(p for p in document["provisions"] if p["id"] == "crc-18-1")  # type: ignore[attr-defined]
    assert "IV.b.17" in provision["cited_by"]
    assert provision["address"].endswith("/fr/international-provisions/#crc-18-1")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_pages_link_every_document_and_the_schema(built_site: Path, lang: str) -> None:
    home = parse(built_site / ("" if lang == "en" else f"{lang}/") / "index.html")
    section = home.select_one("section[aria-labelledby='edition-data-title']")
    assert section is not None
    hrefs = [a["href"] for a in section.select("a")]
    prefix = "" if lang == "en" else "../"
    assert hrefs == [f"{prefix}data/edition-{other}.json" for other in LANGUAGES] + [
        f"{prefix}data/edition.schema.json"
    ]


def test_a_place_left_in_a_paragraph_is_no_text_and_breaks_nothing() -> None:
    """An HTML comment (a place a step left unfilled, as in a build without that step) has no words."""
    page = PAGE.replace(
        '<p class="guideline__rests-on">', '<!-- edition:law-since IV.b.17 -->\n<p class="guideline__rests-on">'
    )
    (paragraph,) = extract_parts(page, page_url="specific-issues/").paragraphs
    assert paragraph.text == "Fixture text citing CRC art. 18(1)."
