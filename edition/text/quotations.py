"""Part II: each instrument's quotations and the caption naming it, set as one figure.

In the 2005 text each instrument's caption (an italic line) follows the provisions quoted from it;
set one after the other, a caption reads as if it introduced the quotations below it. Each run of
quoted provisions and the caption after it become one ``<figure class="quotations">`` whose
``<figcaption>`` is that caption: the grouping is in the markup (web and PDF), not a word changes.
The last quotation's places for the edition's notes, tools and comments move after the figure, so
the caption stands right under its quotation and the edition's apparatus follows it.

lxml, not BeautifulSoup: importing bs4 (and soupsieve with it) and parsing these pages with
``html.parser`` cost about a tenth of a build; lxml serialises the rest of the page as it was written.
"""

from __future__ import annotations

import lxml.html
from lxml.html import HtmlElement

# Inline elements that may follow a caption's emphasis (its footnote call).
_CAPTION_EXTRAS = {"sup"}
# The places a provision leaves for the edition's notes and tools (``partials/edition/provision.html``).
_APPARATUS_PLACES = ("edition:law-since ", "edition:tools ", "edition:comments ")


# Why: text between elements (lxml's tails) that is only whitespace, as a caption's parts may have.
def _blank(text: str | None) -> bool:
    return not (text or "").strip()


# Why: a caption is a paragraph that is one emphasised phrase, perhaps with a footnote call.
def _is_caption(node: HtmlElement) -> bool:
    children = list(node)
    return (
        node.tag == "p"
        and bool(children)
        and _blank(node.text)
        and children[0].tag == "em"
        and all(child.tag in _CAPTION_EXTRAS for child in children[1:])
        and all(_blank(child.tail) for child in children)
    )


# Why: the provisions quoted just before a caption, in order (whitespace between them skipped).
def _quotations_before(caption: HtmlElement) -> list[HtmlElement]:
    found: list[HtmlElement] = []
    node = caption.getprevious()
    while (
        node is not None
        and _blank(node.tail)
        and node.tag == "figure"
        and "provision" in (node.get("class") or "").split()
    ):
        found.insert(0, node)
        node = node.getprevious()
    return found


# Why: the 2005 caption follows its quotation directly; the last quotation's notes and tools (the
# edition's) come after the caption, in a block tied to that provision
# (``data-apparatus-of``, which the tools' script reads).
def _apparatus_after(figure: HtmlElement, last: HtmlElement) -> None:
    places = [
        node
        for node in last.iterchildren()
        if isinstance(node, lxml.html.HtmlComment) and (node.text or "").strip().startswith(_APPARATUS_PLACES)
    ]
    if not places:
        return
    block = lxml.html.Element("div", {"class": "quotations__apparatus", "data-apparatus-of": last.get("id") or ""})
    block.tail, figure.tail = figure.tail, None
    figure.addnext(block)
    for node in places:
        node.tail = None
        block.append(node)


# Why: the page's HTML with each instrument's quotations and caption in one figure (unchanged if none).
def group_quotations(html: str) -> str:
    if "provision" not in html or "<figure" not in html.lower():  # no quoted provision: nothing to parse
        return html
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    grouped = False
    for caption in [p for p in root.iterchildren("p") if _is_caption(p)]:
        quotations = _quotations_before(caption)
        if not quotations:
            continue
        figure = lxml.html.Element("figure", {"class": "quotations"})
        quotations[0].addprevious(figure)
        moved = [*quotations, caption]
        figure.tail = "".join(node.tail or "" for node in moved)  # the whitespace between them stays outside
        for node in moved:
            node.tail = None
            figure.append(node)
        caption.tag = "figcaption"
        caption.set("class", "quotations__caption")
        _apparatus_after(figure, quotations[-1])
        grouped = True
    if not grouped:
        return html
    return (root.text or "") + "".join(lxml.html.tostring(node, encoding="unicode") for node in root)
