"""One HTML document per edition, made from the pages' already rendered HTML, for WeasyPrint.

No second Markdown build: each chapter is a page's HTML as the site has it. ``prepare_chapters``
makes the pages live in one document: ids that are only unique per page get a chapter prefix
(paragraph, provision and instrument anchors are unique already and keep their names, so
"#iv-b-17" means the same in the PDF), links between pages become links inside the PDF,
footnotes become numbered endnotes, and the web-only apparatus (previews, permalink marks) goes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

# Elements whose id is the edition's permanent address, unique across the whole edition.
GLOBAL_ANCHORS = "div.guideline[id], figure.provision[id], li.instruments__item[id]"
# Web-only parts of a page: previews, heading permalinks, footnote back-links, comment panels,
# the cite and compare tools.
WEB_ONLY = ".xref__tip, a.headerlink, a.footnote-backref, div.comments, p.edition-tools, dialog.edition-cite"
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
    soups = [BeautifulSoup(c.html, "lxml") for c in chapters]
    global_ids = {str(el["id"]) for soup in soups for el in soup.select(GLOBAL_ANCHORS)}
    index_of = {urlsplit(urljoin(_BASE, c.url)).path: i for i, c in enumerate(chapters, start=1)}
    prepared = Prepared()
    for number, (chapter, soup) in enumerate(zip(chapters, soups, strict=True), start=1):
        for node in soup.select(WEB_ONLY):
            node.decompose()
        for node in soup.select("[aria-describedby]"):
            del node["aria-describedby"]
        _prefix_ids(soup, number, global_ids)
        _retarget_links(soup, chapter.url, number, index_of, global_ids)
        _take_endnotes(soup, prepared)
        body = soup.body
        html = "".join(str(child) for child in body.children) if body else ""
        prepared.chapters.append(_substitute_glyphs(html))
    prepared.endnotes = [_substitute_glyphs(note) for note in prepared.endnotes]
    return prepared


# Why: ids repeated from page to page (footnotes, headings) get the chapter's prefix.
def _prefix_ids(soup: BeautifulSoup, chapter: int, global_ids: set[str]) -> None:
    for node in soup.select("[id]"):
        if str(node["id"]) not in global_ids:
            node["id"] = f"c{chapter}-{node['id']}"


# Why: a link to another page of the edition becomes a link to that place in the PDF.
def _retarget_links(
    soup: BeautifulSoup, url: str, chapter: int, index_of: dict[str, int], global_ids: set[str]
) -> None:
    here = urljoin(_BASE, url)
    for link in soup.select("a[href]"):
        target = urlsplit(urljoin(here, str(link["href"])))
        if f"{target.scheme}://{target.netloc}/" != _BASE:
            continue
        number = index_of.get(target.path)
        if number is None:
            continue
        fragment = target.fragment
        if not fragment:
            link["href"] = f"#chapter-{number}"
        elif fragment in global_ids:
            link["href"] = f"#{fragment}"
        else:
            link["href"] = f"#c{number}-{fragment}"


# Why: footnotes become endnotes numbered through the whole document, as in the printed original.
def _take_endnotes(soup: BeautifulSoup, prepared: Prepared) -> None:
    block = soup.select_one("div.footnote")
    if block is None:
        return
    renumber: dict[str, int] = {}
    for item in block.select("li[id]"):
        prepared.endnotes.append("")
        renumber[str(item["id"])] = len(prepared.endnotes)
        item.name = "div"
        item["class"] = "endnote"
        item.insert(0, _marker(soup, len(prepared.endnotes)))
        prepared.endnotes[-1] = str(item)
    for ref in soup.select("sup[id] a.footnote-ref"):
        target = str(ref.get("href", "")).removeprefix("#")
        if target in renumber:
            ref.string = str(renumber[target])
    block.decompose()


def _marker(soup: BeautifulSoup, number: int) -> Tag:
    marker = soup.new_tag("span", attrs={"class": "endnote__number"})
    marker.string = f"{number}."
    return marker


def _substitute_glyphs(html: str) -> str:
    for missing, substitute in GLYPH_SUBSTITUTES.items():
        html = html.replace(missing, substitute)
    return html
