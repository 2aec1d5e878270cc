"""The comments as the pages show them (``edition/comments/pages.py``), from one place of a made-up site
with the real words and schema: addresses from the link resolver, what each template is given. No build.

Addresses as MkDocs computes them: folders on the website (``comments/``), ``.html`` files in the
offline variant; the default language at the root, the others under ``fr/``.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from edition.comments.data import read_script
from edition.comments.export import published_files
from edition.comments.pages import (
    Place,
    browse_context,
    comment_files,
    dispositions_context,
    form_context,
    own_stylesheet,
    panels,
)
from edition.comments.store import Comment, load_schema
from edition.comments.text import RefSlot
from edition.text.crossrefs import CrossIndex, GuidelineEntry
from edition.text.links import Links
from edition.text.registry import load_registry

ROOT = Path(__file__).resolve().parent.parent
REGISTRY = load_registry(ROOT / "data")
SCHEMA = load_schema(ROOT / "data")
RETIRED = {"IV.b.99": "IV.b.17"}  # as the comments' check retires a number
PAGES = ("index", "specific-issues", "international-provisions", "comments", "dispositions")


def website(lang: str, pages: tuple[str, ...] = PAGES) -> dict[str, str]:
    prefix = "" if lang == "en" else f"{lang}/"
    return {f"{lang}/{page}.md": prefix + ("" if page == "index" else f"{page}/") for page in pages}


def offline(lang: str) -> dict[str, str]:
    prefix = "" if lang == "en" else f"{lang}/"
    return {f"{lang}/{page}.md": f"{prefix}{page}.html" for page in PAGES}


def place(lang: str, here: str, urls: dict[str, str] | None = None) -> Place:
    index = CrossIndex(
        guidelines={"IV.b.17": GuidelineEntry("IV.b.17", f"{lang}/specific-issues.md", 3, ("crc-18-1",), "Text.")},
        provision_pages={"crc-18-1": f"{lang}/international-provisions.md"},
        instruments_page=f"{lang}/international-provisions.md",
    )
    links = Links(index, REGISTRY, lang, website(lang) if urls is None else urls, RETIRED)
    return Place(links, here=here, prefix="" if lang == "en" else f"{lang}/")


COMMENT = Comment(
    file="iv-b-17-2026-11-01-en.md",
    targets=("IV.b.17", "crc-18-1"),
    requested_targets=("IV.b.99", "crc-18-1"),
    name="Fixture Contributor",
    organisation=None,
    country=None,
    language="en",
    date="2026-11-01",
    kind="question",
    status="accepted",
    proposed_text=None,
    response=None,
    body="On [[IV.b.99]] and [[crc|the CRC]].",
    rendered=("<p>On ", RefSlot("IV.b.99", None), " and ", RefSlot("crc", "the CRC"), ".</p>"),
)
HIDDEN = replace(COMMENT, file="hidden.md", status="hidden")


class Recorder:
    """A stand-in for the template environment: each template's name and values, in the order rendered."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []

    def __call__(self, name: str, /, **context: Any) -> str:
        self.calls.append((name, context))
        return f"<{name}>"

    def given(self, name: str) -> list[dict[str, Any]]:
        return [context for called, context in self.calls if called == name]


# Every address a panel or a Comments page offers, from the place it is written at.
@pytest.mark.parametrize(
    ("lang", "here", "urls", "form", "export", "disposition", "data"),
    [
        (
            "en",
            "specific-issues/",
            None,
            "../comments/?target=IV.b.17#write-a-comment",
            "../comments/#comments-export",
            "../dispositions/?on=IV.b.17#on-iv-b-17",
            "../comments/on/iv-b-17.js",
        ),
        (
            "en",
            "comments/",
            None,
            "./?target=IV.b.17#write-a-comment",
            "#comments-export",  # on the Comments page itself
            "../dispositions/?on=IV.b.17#on-iv-b-17",
            "on/iv-b-17.js",
        ),
        (
            "fr",
            "fr/specific-issues/",
            None,
            "../comments/?target=IV.b.17#write-a-comment",
            "../comments/#comments-export",
            "../dispositions/?on=IV.b.17#on-iv-b-17",
            "../comments/on/iv-b-17.js",  # the French edition's own file
        ),
        (
            "en",
            "specific-issues.html",
            offline("en"),
            "comments.html?target=IV.b.17#write-a-comment",
            "comments.html#comments-export",
            "dispositions.html?on=IV.b.17#on-iv-b-17",
            "comments/on/iv-b-17.js",
        ),
        (
            "fr",
            "fr/specific-issues.html",
            offline("fr"),
            "comments.html?target=IV.b.17#write-a-comment",
            "comments.html#comments-export",
            "dispositions.html?on=IV.b.17#on-iv-b-17",
            "comments/on/iv-b-17.js",
        ),
        (
            "en",
            "specific-issues/",
            website("en", PAGES[:3]),
            "#",
            "#",
            None,
            "../comments/on/iv-b-17.js",
        ),  # no such pages
    ],
)
def test_a_place_addresses_the_form_the_exports_the_dispositions_and_the_comment_file(
    lang: str, here: str, urls: dict[str, str] | None, form: str, export: str, disposition: str | None, data: str
) -> None:
    at = place(lang, here, urls)
    assert (at.form_href("IV.b.17"), at.export_href(), at.disposition_href("IV.b.17"), at.data_src("IV.b.17")) == (
        form,
        export,
        disposition,
        data,
    )


@pytest.mark.parametrize(
    ("lang", "here", "target", "href"),
    [
        ("en", "comments/on/iv-b-17.js", "IV.b.17", "../../specific-issues/#iv-b-17"),
        ("en", "comments/on/iv-b-17.js", "crc-18-1", "../../international-provisions/#crc-18-1"),
        ("en", "comments/on/iv-b-17.js", "IV.b.99", "../../specific-issues/#iv-b-17"),  # retired: its successor
        ("fr", "fr/comments/on/iv-b-17.js", "IV.b.17", "../../specific-issues/#iv-b-17"),
        ("en", "specific-issues/", "IV.b.17", "#iv-b-17"),
        ("en", "comments/on/iv-b-17.js", "crc", None),  # an instrument: a comment is never on one
        ("en", "comments/on/iv-b-17.js", "IV.b.18", None),  # on no page
    ],
)
def test_a_comment_links_to_a_paragraph_or_provision_never_to_an_instrument(
    lang: str, here: str, target: str, href: str | None
) -> None:
    assert place(lang, here).link(target) == href


def test_each_place_left_for_comments_becomes_its_panel_and_unknown_places_stay() -> None:
    render = Recorder()
    html = "<p>a</p><!-- edition:comments IV.b.17 --><!-- edition:comments crc-18-1 --><!-- edition:comments x -->"
    filled = panels(html, place=place("fr", "fr/specific-issues/"), by_target={"IV.b.17": [COMMENT]}, render=render)
    assert filled == "<p>a</p><comments.html><comments.html><!-- edition:comments x -->"
    labels = REGISTRY.labels["fr"]
    shown = [
        (c["target"], c["count"], c["new_label"], c["src"], c["awaiting_href"]) for c in render.given("comments.html")
    ]
    assert shown == [
        (
            "IV.b.17",
            1,
            labels["comment_on_guideline"],
            "../comments/on/iv-b-17.js",
            "../dispositions/?on=IV.b.17#on-iv-b-17",
        ),
        (
            "crc-18-1",
            0,
            labels["comment_on_provision"],
            "../comments/on/crc-18-1.js",
            "../dispositions/?on=crc-18-1#on-crc-18-1",
        ),
    ]
    assert render.given("comments.html")[0]["awaiting_label"] is not None  # one accepted comment awaits the draft


@pytest.mark.parametrize(
    ("lang", "path", "href"),
    [("en", "", "../../specific-issues/#iv-b-17"), ("fr", "fr/", "../../specific-issues/#iv-b-17")],
)
def test_each_commented_target_has_one_file_per_language_its_links_made_from_that_file(
    lang: str, path: str, href: str
) -> None:
    render = Recorder()
    files = dict(comment_files({"IV.b.17": [COMMENT]}, place=place(lang, ""), render=render))
    assert list(files) == [f"{path}comments/on/iv-b-17.js"]
    data = read_script(files[f"{path}comments/on/iv-b-17.js"])
    assert (data["target"], data["lang"]) == ("IV.b.17", lang)
    assert data["comments"] == [
        {
            "id": "comment-iv-b-17-2026-11-01-en-on-iv-b-17",
            "date": "2026-11-01",
            "html": "<comment-article.html>",
            "status": "accepted",
            "kind": "question",
            "language": "en",
        }
    ]
    # The retired number leads to its successor and shows it; the instrument is no link, and keeps its words.
    assert render.given("comment-ref.html") == [{"href": href, "text": "IV.b.17"}, {"href": "#", "text": "the CRC"}]
    (article,) = render.given("comment-article.html")
    assert str(article["c"]["body_html"]) == "<p>On <comment-ref.html> and <comment-ref.html>.</p>"
    assert article["page_lang"] == lang


def test_the_comments_page_lists_commented_targets_with_addresses_from_its_place() -> None:
    context = browse_context([COMMENT, HIDDEN], place=place("fr", "fr/comments/"), schema=SCHEMA)
    assert (context["export_csv"], context["export_json"]) == ("../../comments.csv", "../../comments.json")
    rows = [(row["target"], row["label"], row["href"], row["src"], row["count"]) for row in context["rows"]]
    assert rows == [
        ("IV.b.17", "IV.b.17", "../specific-issues/#iv-b-17", "on/iv-b-17.js", 1),
        (
            "crc-18-1",
            REGISTRY.provisions["crc-18-1"].label["fr"],
            "../international-provisions/#crc-18-1",
            "on/crc-18-1.js",
            1,
        ),
    ]


def test_the_form_knows_every_target_its_language_and_where_the_texts_are() -> None:
    context = form_context(
        place=place("fr", "fr/comments/"),
        schema=SCHEMA,
        repository="https://example.org/repo/",
        branch="",
        placeholders={"b", "a"},
        version="1.0",
        email="editors@example.invalid",
    )
    settings = context["settings"]
    assert (context["page_lang"], context["email"], context["labels"], context["script"]) == (
        "fr",
        "editors@example.invalid",
        REGISTRY.labels["fr"],
        "../../assets/javascripts/comment-form.js",  # the form's script, loaded by this page only
    )
    assert (settings["targets"], settings["language"], settings["texts"]) == (
        ["IV.b.17", "crc-18-1"],
        "fr",
        "../../data/edition-fr.texts.js",
    )
    assert (settings["repository"], settings["branch"], settings["placeholders"]) == (
        "https://example.org/repo",
        "main",
        ["a", "b"],
    )


def test_the_disposition_page_groups_published_comments_and_loads_its_script_from_its_place() -> None:
    context = dispositions_context([COMMENT, HIDDEN], place=place("en", "dispositions/"))
    assert context["script"] == "../assets/javascripts/dispositions.js"
    groups = [(g["target"], g["href"], [row["id"] for row in g["rows"]]) for g in context["groups"]]
    assert groups == [
        ("IV.b.17", "../specific-issues/#iv-b-17", ["disposition-iv-b-17-2026-11-01-en-on-iv-b-17"]),
        ("crc-18-1", "../international-provisions/#crc-18-1", ["disposition-iv-b-17-2026-11-01-en-on-crc-18-1"]),
    ]


# What the website publishes at its root: the collection is named from the published address when there is one.
@pytest.mark.parametrize(
    ("site_url", "collection", "source"),
    [
        ("", "comments.jsonld", "fr/specific-issues/"),
        ("https://example.org/", "https://example.org/comments.jsonld", "https://example.org/fr/specific-issues/"),
    ],
)
def test_the_exports_the_annotations_and_the_schema_are_published_at_the_root(
    site_url: str, collection: str, source: str
) -> None:
    links = place("en", "").links
    files = published_files(
        [replace(COMMENT, language="fr"), HIDDEN],  # its targets are addressed in its language
        schema=SCHEMA,
        address=lambda target, lang: links.address(target, root=site_url + ("" if lang == "en" else f"{lang}/")),
        site_url=site_url,
        version_date=dt.date(2026, 12, 1),
    )
    assert sorted(files) == ["comment.schema.json", "comments.csv", "comments.json", "comments.jsonld"]
    assert [row["file"] for row in json.loads(files["comments.json"])] == [
        "comments/hidden.md",  # the editors' export holds hidden comments too
        "comments/iv-b-17-2026-11-01-en.md",
    ]
    annotations = json.loads(files["comments.jsonld"])
    assert (annotations["id"], annotations["total"]) == (collection, 1)
    (item,) = annotations["first"]["items"]
    assert [target["source"] for target in item["target"]] == [
        source,
        source.replace("specific-issues", "international-provisions"),
    ]
    assert json.loads(files["comment.schema.json"]) == SCHEMA


# A page's front matter says its kind (``edition:``); whatever a pull request writes there picks, at
# most, one of the two stylesheets.
@pytest.mark.parametrize(
    ("kind", "stylesheet"),
    [
        ("comments-index", "assets/stylesheets/comment-form.css"),
        ("dispositions", "assets/stylesheets/dispositions.css"),
        ("checklist", None),
        ("Dispositions", None),
        ("../../etc/passwd", None),
        (None, None),
        (["dispositions"], None),
        ({"dispositions": 1}, None),
        (1, None),
    ],
)
def test_a_page_kind_names_its_own_stylesheet_or_none(kind: object, stylesheet: str | None) -> None:
    assert own_stylesheet(kind) == stylesheet
