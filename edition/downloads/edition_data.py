"""The edition as data: one JSON document per language, checked against its published JSON Schema.

``edition_document`` assembles what a page-by-page reading gives (``edition/text/page_parts.py``) with
the registry (provisions, instruments) and the published comments; ``document_problems`` is the
build's own check of that output against ``data/schemas/edition-data.schema.yml``, which the site
publishes beside the documents as JSON. Addresses are absolute when the site's published address is
configured (SITE_URL), else relative to the site's root.
Paragraphs may later carry ``law`` and ``practice`` arrays (optional in the schema).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import jsonschema
import nh3

from edition.comments.store import Comment
from edition.comments.text import without_dead_links
from edition.frame.facts import EditionFacts
from edition.shared.json_text import compact_json, handing_script
from edition.shared.schemas import inline_refs
from edition.text.ids import parse_guideline_number
from edition.text.page_parts import PageParts, is_site_path
from edition.text.registry import Registry

FOLDER = "data"  # at the site root: /data/edition-en.json, /data/edition.schema.json
DOCUMENT = FOLDER + "/edition-{lang}.json"
# Each paragraph's and provision's text as the form finds a passage in it, as a script: from file://
# (the offline edition) a browser loads a script but refuses to fetch the document.
TEXTS = FOLDER + "/edition-{lang}.texts.js"
TEXTS_RECEIVER = "editionTexts"
SCHEMA = FOLDER + "/edition.schema.json"
SCHEMA_SOURCE = "data/schemas/edition-data.schema.yml"
FORMAT = 1  # raised when a change to the document's shape would break a reader's program
# What a paragraph's HTML may hold once sanitised: its words, emphasis, lists and links.
ALLOWED_TAGS = frozenset({"p", "a", "em", "strong", "i", "b", "ul", "ol", "li", "br", "sup", "sub", "blockquote"})
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})


@dataclass(frozen=True)
class Chapter:
    """A page of the document (a part, the foreword…), with its address and what it holds."""

    title: str
    url: str  # the page's path from the site root
    parts: PageParts


@dataclass
class LanguageEdition:
    """What one language build has shown: its chapters and where its provisions are quoted."""

    lang: str
    title: str
    home_url: str
    chapters: list[Chapter]
    provision_pages: Mapping[str, str]  # provision id: the path of the page quoting it
    rests_on: Mapping[str, tuple[str, ...]]


# Why: inert HTML for any consumer: only words, emphasis, lists and links, absolute addresses.
# The links are rebased as nh3 cleans (``rebase_links``'s rule, one parse instead of two per paragraph).
def sanitise(html: str, *, address: Callable[[str], str | None]) -> str:
    def rebased(element: str, attribute: str, value: str) -> str | None:
        if element != "a" or attribute != "href" or not is_site_path(value):
            return value
        target = address(value)
        if target is None:  # no address for it here (another language, offline, without the website's)
            return None
        scheme = urlsplit(target).scheme
        return target if not scheme or scheme in URL_SCHEMES else None  # as nh3 would judge the rebased link

    cleaned = nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={k: set(v) for k, v in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        attribute_filter=rebased,
    ).strip()
    return without_dead_links(cleaned)


# Why: one document per language holding the whole edition, in reading order.
def edition_document(
    chapters: Sequence[Chapter],
    *,
    lang: str,
    title: str,
    site_url: str,
    home_url: str,
    facts: EditionFacts,
    date: dt.date,
    registry: Registry,
    comments: Sequence[Comment],
    rests_on: Mapping[str, Sequence[str]],
    provision_pages: Mapping[str, str],
    schema_url: str,
) -> dict[str, Any]:
    def address(path: str) -> str:
        return site_url + path

    cited_by: dict[str, list[str]] = {}
    parts, paragraphs = [], []
    on_paragraph: dict[str, list[str]] = {}  # one pass over the comments, not one per paragraph
    for comment in comments:
        for target in comment.targets:
            on_paragraph.setdefault(target, []).append(comment.file.removesuffix(".md"))
    for chapter in chapters:
        sections = []
        for section in chapter.parts.sections:
            numbers = [p.number for p in chapter.parts.paragraphs if p.section == section.anchor]
            sections.append(
                {
                    "title": section.title,
                    "anchor": section.anchor,
                    "address": address(f"{chapter.url}#{section.anchor}"),
                    "paragraphs": numbers,
                }
            )
        parts.append({"title": chapter.title, "address": address(chapter.url), "sections": sections})
        for paragraph in chapter.parts.paragraphs:
            entry = _paragraph(paragraph.number, chapter.url, paragraph.anchor, address)
            entry["rests_on"] = list(rests_on.get(paragraph.number, ()))
            entry["text"] = paragraph.text
            entry["html"] = sanitise(paragraph.html, address=address)
            entry["comments"] = on_paragraph.get(paragraph.number, [])
            paragraphs.append(entry)
            for provision in entry["rests_on"]:
                cited_by.setdefault(provision, []).append(paragraph.number)
    return {
        "$schema": schema_url,
        "format": FORMAT,
        "language": lang,
        "title": title,
        "edition": {"version": facts.version, "date": date.isoformat(), "address": address(home_url)},
        "publication": {
            "author": facts.publication.author,
            "foreword_by": facts.publication.foreword_by,
            "title": facts.publication.title,
            "subtitle": facts.publication.subtitle,
            "publisher": facts.publication.publisher,
            "place": facts.publication.place,
            "date": facts.publication.date,
            "address": facts.publication.address,
        },
        "parts": parts,
        "paragraphs": paragraphs,
        "provisions": [
            _provision(pid, registry, lang, provision_pages, cited_by, address) for pid in registry.provisions
        ],
        "instruments": [
            {
                "id": instrument.id,
                "title": instrument.title[lang],
                "short": instrument.short[lang],
                "source": instrument.source_in(registry.labels[lang]),
                "listed": instrument.listed,
            }
            for instrument in registry.instruments.values()
        ],
        "comments": [_comment(c) for c in sorted(comments, key=lambda c: (c.date, c.file))],
    }


def _paragraph(number: str, url: str, anchor: str, address: Callable[[str], str]) -> dict[str, Any]:
    parsed = parse_guideline_number(number)
    assert parsed is not None  # the page only renders well-formed numbers
    return {
        "id": number,
        "part": parsed.part,
        "section": parsed.section_key,
        "number": parsed.n,
        "anchor": anchor,
        "address": address(f"{url}#{anchor}"),
    }


def _provision(
    pid: str,
    registry: Registry,
    lang: str,
    pages: Mapping[str, str],
    cited_by: Mapping[str, list[str]],
    address: Callable[[str], str],
) -> dict[str, Any]:
    provision = registry.provisions[pid]
    entry: dict[str, Any] = {
        "id": pid,
        "instrument": provision.instrument.id,
        "label": provision.label[lang],
        "text": provision.text[lang],
        "source": provision.source_in(registry.labels[lang]),
        "official": provision.official.get(lang, True),
        "cited_by": cited_by.get(pid, []),
    }
    if lang in provision.note:
        entry["note"] = provision.note[lang]
    if pid in pages:
        entry["address"] = address(f"{pages[pid]}#{pid}")
    return entry


def _comment(comment: Comment) -> dict[str, Any]:
    return {
        "id": comment.file.removesuffix(".md"),
        "targets": list(comment.targets),
        "date": comment.date,
        "language": comment.language,
        "kind": comment.kind,
        "status": comment.status,
        "name": comment.name,
        "organisation": comment.organisation,
        "country": comment.country,
        "body": comment.body,
        "proposed_text": comment.proposed_text,
        "response": comment.response,
    }


# Why: every language's document, and every mismatch with the schema, named by document and place.
def assemble_documents(
    editions: Mapping[str, LanguageEdition],
    *,
    registry: Registry,
    facts: EditionFacts,
    comments: Sequence[Comment],
    site_url: str,
    schema: Mapping[str, Any],
) -> tuple[dict[str, dict[str, Any]], list[str]]:
    problems: list[str] = []
    documents: dict[str, dict[str, Any]] = {}
    for lang, edition in editions.items():
        document = edition_document(
            edition.chapters,
            lang=lang,
            title=edition.title,
            site_url=site_url,
            home_url=edition.home_url,
            facts=facts,
            date=facts.date,
            registry=registry,
            comments=comments,
            rests_on=edition.rests_on,
            provision_pages=edition.provision_pages,
            schema_url=site_url + SCHEMA,
        )
        # The comments are the same in every language's document: checked in the first one only.
        checked = document if not documents else {**document, "comments": []}
        problems += [f"{DOCUMENT.format(lang=lang)}: {problem}" for problem in document_problems(checked, schema)]
        documents[lang] = document
    return documents, problems


# Why: the files the documents and their schema are written to (site-root paths) and their text.
def document_files(documents: Mapping[str, Mapping[str, Any]], *, schema: Mapping[str, Any]) -> dict[str, str]:
    files = {
        DOCUMENT.format(lang=lang): compact_json(document)
        for lang, document in documents.items()  # compact, C-encoded: 10,000 comments
    }
    files |= {TEXTS.format(lang=lang): texts_script(document, lang=lang) for lang, document in documents.items()}
    files[SCHEMA] = json.dumps(schema, ensure_ascii=False, indent=1) + "\n"
    return files


# Why: the texts the "Write a comment" form finds a typed passage in: the document's, by id.
def texts_script(document: Mapping[str, Any], *, lang: str) -> str:
    texts = [[entry["id"], entry["text"]] for entry in (*document["paragraphs"], *document["provisions"])]
    return handing_script(TEXTS_RECEIVER, {"lang": lang, "texts": texts})


# Why: the build checks its own output; every mismatch is named by its place in the document.
def document_problems(document: Any, schema: Mapping[str, Any]) -> list[str]:
    checked = inline_refs(schema, defs=schema.get("$defs", {}))
    validator = jsonschema.Draft202012Validator(checked, format_checker=jsonschema.FormatChecker())
    return [
        f"{'/'.join(str(p) for p in error.absolute_path) or '(top)'}: {error.message}"
        for error in sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    ]


# Why: a home page's links to every language's document and the schema; ``href`` gives a path's
# address from the page, or None where it cannot be reached (another language, offline, no address).
def data_links(
    labels: Mapping[str, Mapping[str, str]],
    *,
    lang: str,
    languages: Sequence[str],
    documents: Mapping[str, str],
    schema: str,
    href: Callable[[str, bool], str | None],
) -> dict[str, Any]:
    return {
        "label": labels[lang]["data_title"],
        "how": labels[lang]["data_how"],
        "items": [
            {"href": href(documents[other], other == lang), "lang": other, "name": labels[other]["data_document"]}
            for other in languages
        ],
        "schema": {"href": href(schema, True), "name": labels[lang]["data_schema"]},
    }
