"""One HTML document per edition, made from the pages' already rendered HTML, for WeasyPrint.

No second Markdown build: each chapter is a page's HTML as the site has it. ``prepare_chapters``
makes the pages live in one document: ids that are only unique per page get a chapter prefix
(paragraph, provision and instrument anchors are unique already and keep their names, so
"#iv-b-17" means the same in the PDF), links between pages become links inside the PDF,
footnotes become numbered endnotes, and the web-only apparatus (previews, permalink marks, HTML
comments) goes. lxml does it: BeautifulSoup took a third of a second per edition, under
``mkdocs serve`` too.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import jinja2
import lxml.html
from lxml import etree
from lxml.cssselect import CSSSelector

from edition.downloads.colophon import colophon
from edition.frame.facts import EditionFacts
from edition.frame.formatting import format_date
from edition.shared.apparatus import PDF_EXCLUDED
from edition.shared.safe_html import css_string, edition_html, edition_htmls

# Elements whose id is the edition's permanent address, unique across the whole edition.
GLOBAL_ANCHORS = CSSSelector("div.guideline[id], figure.provision[id], li.instruments__item[id]")
# Web-only parts of a page: previews, heading permalinks, footnote back-links, comment panels,
# the cite and compare tools, and the aliases that keep old web addresses (the PDF never had them).
WEB_ONLY = CSSSelector(PDF_EXCLUDED)
_DESCRIBED = CSSSelector("[aria-describedby]")
_WITH_ID = CSSSelector("[id]")
_LINKS = CSSSelector("a[href]")
_FOOTNOTES = CSSSelector("div.footnote")
_NOTES = CSSSelector("li[id]")
_NOTE_REFS = CSSSelector("sup[id] a.footnote-ref")
# Characters the shipped fonts lack, and what the PDF sets instead.
GLYPH_SUBSTITUTES = {"\u202f": "\u00a0"}
_BASE = "http://edition.invalid/"


@dataclass(frozen=True)
class Chapter:
    """One page of the edition: its URL within the edition, nav title and rendered HTML."""

    url: str
    title: str
    html: str


@dataclass
class Prepared:
    """The chapters' HTML made to live in one document, and the endnotes taken out of them."""

    chapters: list[str] = field(default_factory=list)
    endnotes: list[str] = field(default_factory=list)


# Why: turns the pages into chapters of one document whose links all resolve inside it.
def prepare_chapters(chapters: Sequence[Chapter]) -> Prepared:
    bodies = [_body(c.html) for c in chapters]
    global_ids = {str(el.get("id")) for body in bodies for el in GLOBAL_ANCHORS(body)}
    index_of = {urlsplit(urljoin(_BASE, c.url)).path: i for i, c in enumerate(chapters, start=1)}
    prepared = Prepared()
    for number, (chapter, body) in enumerate(zip(chapters, bodies, strict=True), start=1):
        for node in [*WEB_ONLY(body), *body.iter(etree.Comment)]:
            node.drop_tree()  # its tail, the text after it, stays
        for node in _DESCRIBED(body):
            del node.attrib["aria-describedby"]
        _prefix_ids(body, number, global_ids)
        _retarget_links(body, chapter.url, number, index_of, global_ids)
        _take_endnotes(body, prepared)
        prepared.chapters.append(_substitute_glyphs(_inner_html(body)))
    prepared.endnotes = [_substitute_glyphs(note) for note in prepared.endnotes]
    return prepared


# Why: what ``pdf/document.html`` is given: the chapters made one document, its endnotes, date and colophon
# (``edition_path``: the edition's folder; ``example_path``: a paragraph's address within it).
def document_context(
    chapters: Sequence[Chapter],
    *,
    lang: str,
    title: str,
    subject: str,
    author: str,
    labels: Mapping[str, str],
    facts: EditionFacts,
    site_url: str | None,
    edition_path: str,
    example_path: str,
    email: str,
) -> dict[str, Any]:
    prepared = prepare_chapters(chapters)
    date_text = format_date(facts.date, labels)
    return {
        "lang": lang,
        "title": title,
        "subject": subject,
        "author": author,
        "labels": labels,
        "chapters": [
            {"title": c.title, "html": edition_html(h)} for c, h in zip(chapters, prepared.chapters, strict=True)
        ],
        "endnotes": edition_htmls(prepared.endnotes),
        "date_iso": facts.date.isoformat(),
        "date_text": date_text,
        "colophon": colophon(
            labels,
            facts,
            date_text=date_text,
            site_url=site_url,
            edition_path=edition_path,
            example_path=example_path,
            email=email,
        ),
    }


# Why: the PDF's own template folder, with a filter for words placed in CSS strings.
def pdf_templates(folder: Path) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(folder), autoescape=True)
    env.filters["css_string"] = css_string
    return env


# Why: a page's HTML is a fragment; parsed as a document, its parts sit in one body to walk.
def _body(markup: str) -> lxml.html.HtmlElement:
    if not markup.strip():
        return lxml.html.Element("body")
    return lxml.html.document_fromstring(markup).body


def _inner_html(element: lxml.html.HtmlElement) -> str:
    text = html.escape(element.text, quote=False) if element.text else ""
    return text + "".join(lxml.html.tostring(child, encoding="unicode") for child in element)


# Why: ids repeated from page to page (footnotes, headings) get the chapter's prefix.
def _prefix_ids(body: lxml.html.HtmlElement, chapter: int, global_ids: set[str]) -> None:
    for node in _WITH_ID(body):
        if node.get("id") not in global_ids:
            node.set("id", f"c{chapter}-{node.get('id')}")


# Why: a link to another page of the edition becomes a link to that place in the PDF.
def _retarget_links(
    body: lxml.html.HtmlElement, url: str, chapter: int, index_of: dict[str, int], global_ids: set[str]
) -> None:
    here = urljoin(_BASE, url)
    for link in _LINKS(body):
        target = urlsplit(urljoin(here, link.get("href", "")))
        if f"{target.scheme}://{target.netloc}/" != _BASE:
            continue
        number = index_of.get(target.path)
        if number is None:
            continue
        fragment = target.fragment
        if not fragment:
            link.set("href", f"#chapter-{number}")
        elif fragment in global_ids:
            link.set("href", f"#{fragment}")
        else:
            link.set("href", f"#c{number}-{fragment}")


# Why: footnotes become endnotes numbered through the whole document, as in the printed original.
def _take_endnotes(body: lxml.html.HtmlElement, prepared: Prepared) -> None:
    blocks = _FOOTNOTES(body)
    if not blocks:
        return
    block = blocks[0]
    renumber: dict[str, int] = {}
    for item in _NOTES(block):
        prepared.endnotes.append("")
        renumber[item.get("id", "")] = len(prepared.endnotes)
        item.tag = "div"
        item.set("class", "endnote")
        marker = lxml.html.Element("span", {"class": "endnote__number"})
        marker.text, marker.tail, item.text = f"{len(prepared.endnotes)}.", item.text, None
        item.insert(0, marker)
        prepared.endnotes[-1] = lxml.html.tostring(item, encoding="unicode", with_tail=False)
    for ref in _NOTE_REFS(body):
        target = ref.get("href", "").removeprefix("#")
        if target in renumber:
            for child in list(ref):
                ref.remove(child)
            ref.text = str(renumber[target])
    block.drop_tree()


def _substitute_glyphs(markup: str) -> str:
    for missing, substitute in GLYPH_SUBSTITUTES.items():
        markup = markup.replace(missing, substitute)
    return markup
