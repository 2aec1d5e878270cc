"""The parts of a rendered page that the edition's tools reuse: its sections and guideline paragraphs.

``extract_parts`` reads a page's finished HTML (as the reader gets it) once, so the edition as data
and the languages side by side show exactly the published text. A paragraph's body keeps its
links, resolved against the page to site-root paths (``international-provisions/#crc-9-1``) that
each consumer turns into its own addresses with ``rebase_links``. The apparatus around a paragraph
(its number, "rests on", tools, comments, hover previews) is left out.
"""

from __future__ import annotations

from collections.abc import Callable
from copy import deepcopy
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml.html import HtmlElement

from edition.shared.apparatus import DATA_EXCLUDED

SITE = "http://site.invalid/"  # stands for the site root while relative links are resolved


@dataclass(frozen=True)
class Paragraph:
    """A guideline paragraph as the page shows it."""

    number: str
    anchor: str
    html: str  # the body, links as site-root paths
    text: str
    section: str | None  # the anchor of the section heading it sits under


@dataclass(frozen=True)
class Section:
    """A section heading (``h2``) of a page."""

    anchor: str
    title: str


@dataclass
class PageParts:
    """One page's sections and paragraphs, in reading order."""

    sections: list[Section] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)


# Why: one parse of a finished page gives every consumer the same sections and paragraph bodies.
def extract_parts(html: str, *, page_url: str) -> PageParts:
    parts = PageParts()
    if not html.strip():
        return parts
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    current: str | None = None
    for element in root.iter("h2", "div"):
        classes = (element.get("class") or "").split()
        if element.tag == "h2" and element.get("id") and not any(a.tag == "dialog" for a in element.iterancestors()):
            current = element.get("id")
            parts.sections.append(Section(anchor=current or "", title=_heading_text(element)))
        elif "guideline" in classes and element.get("id"):
            number = element.findtext(".//p[@class='guideline__number']/a") or ""
            body, text = _body(element, page_url)
            parts.paragraphs.append(Paragraph(number.strip(), element.get("id") or "", body, text, current))
    return parts


# Why: the body's words; a footnote mark ("gratuites<sup>1</sup>") would be glued to its word as text.
# Read from the body's own elements (copied, not parsed again from the body's HTML).
def _plain_text(elements: list[HtmlElement]) -> str:
    root = lxml.html.Element("div")
    root.extend(deepcopy(element) for element in elements)
    for mark in root.xpath(".//sup[starts-with(@id, 'fnref')]"):
        mark.drop_tree()
    # A comment or processing instruction among the elements has no text, only its tail.
    texts = ("".join(child.itertext()) if isinstance(child.tag, str) else "" for child in root)
    return " ".join("\n".join(text + (child.tail or "") for text, child in zip(texts, root, strict=True)).split())


# Why: a heading's words without the permalink mark Markdown's toc adds ("¶").
def _heading_text(heading: HtmlElement) -> str:
    copy = deepcopy(heading)
    for link in copy.find_class("headerlink"):
        link.drop_tree()
    return " ".join(copy.text_content().split())


# Why: the paragraph's own elements, apparatus removed, links made site-root paths; and their words.
def _body(guideline: HtmlElement, page_url: str) -> tuple[str, str]:
    copy = deepcopy(guideline)  # a copy, not a parse of its HTML: the tree is the same, at a tenth of the cost
    for element in list(copy.iter()):
        if element is not copy and DATA_EXCLUDED & set((element.get("class") or "").split()):
            element.drop_tree()
    base = urljoin(SITE, page_url)
    for link in copy.iter("a"):
        link.attrib.pop("aria-describedby", None)  # its preview is left out
        href = link.get("href")
        if href is not None:
            link.set("href", _site_path(urljoin(base, href)))
    chunks = [(child, lxml.html.tostring(child, encoding="unicode").strip()) for child in copy]
    kept = [(child, chunk) for child, chunk in chunks if chunk]
    return "\n".join(chunk for _, chunk in kept), _plain_text([child for child, _ in kept])


# Why: an address on this site as a path from its root; another host's address unchanged.
def _site_path(absolute: str) -> str:
    if not absolute.startswith(SITE):
        return absolute
    parts = urlsplit(absolute)
    return parts.path.lstrip("/") + (f"#{parts.fragment}" if parts.fragment else "")


# Why: a link ``rebase_links`` (and ``edition_data.sanitise``) resolves: neither another host nor a fragment.
def is_site_path(href: str) -> bool:
    return not urlsplit(href).scheme and not href.startswith(("#", "//"))


# Why: each consumer (data, comparison) turns site-root paths into its own addresses.
def rebase_links(html: str, resolve: Callable[[str], str]) -> str:
    if not html:
        return html
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for link in root.iter("a"):
        href = link.get("href")
        if href is not None and is_site_path(href):
            link.set("href", resolve(href))
    return "".join(
        [root.text or ""] + [lxml.html.tostring(child, encoding="unicode", with_tail=True) for child in root]
    )
