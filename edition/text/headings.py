"""Heading ids the same in every language, and the ids headings had before kept as aliases.

A heading of the 2005 text that carries a number gets its id from it: the part "III General
issues" is ``iii``, its section "c. Cooperation and assistance" is ``iii-c``. Every other heading
(the subheadings of part IV, the title page, the edition's own pages) carries an explicit id in
its Markdown, ``## Food { #iv-b-food }``, the same in every language (``edition/text/parity.py``
compares them); under a numbered section that id starts with the section's. A language switch
then lands on the same heading.

Before, Markdown's ``toc`` gave each heading the slug of its words in that language
(``#c-cooperation-and-assistance``, ``#c-cooperation-et-assistance``). Those addresses were
published, so each heading whose id is not that slug carries it on an empty alias element, made
here from the same words by the same slug function, never written by hand.

``HeadingIdsExtension`` (listed under ``markdown_extensions`` in ``mkdocs.yml``) does this on the
Markdown tree, after ``attr_list`` has read explicit ids and before ``toc`` would make slugs, so the
table of contents, the permalinks, search and every reader of the page's HTML see the new ids.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from xml.etree import ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.extensions.toc import remove_fnrefs, render_inner_html, slugify, strip_tags
from markdown.treeprocessors import Treeprocessor

from edition.shared.problems import Problem
from edition.text.syntax import ScannedPage, Text

PART_RE = re.compile(r"^(?P<part>[IVX]+)\s")  # "III General issues"
SECTION_RE = re.compile(r"^(?P<letter>[a-z])\.\s")  # "c. Cooperation and assistance", under a part
ATX_RE = re.compile(r"^(?P<hashes>#{1,6})[ \t]+(?P<title>.*?)(?:[ \t]*\{(?P<attrs>[^}]*)\})?[ \t]*#*[ \t]*$")
EXPLICIT_ID_RE = re.compile(r"(?:^|\s)#(?P<id>[^\s}]+)")
ID_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
PARAGRAPH_ANCHOR_RE = re.compile(r"^[ivx]+-[a-z]-[0-9]+$")  # iv-b-17 belongs to a paragraph
ALIAS_CLASS = "anchor-alias"  # as the aliases of retired paragraph numbers (partials/edition/guideline.html)
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


@dataclass(frozen=True)
class Heading:
    """A heading as written: its level, words, explicit id (if any) and line."""

    level: int
    title: str
    explicit: str | None = None
    line: int = 0


@dataclass(frozen=True)
class HeadingId:
    """The id a heading gets, and the numbered heading it sits under (its id), if any."""

    id: str | None
    numbered: bool
    parent: str | None


# Why: one derivation of every heading's id, for the page's source (checks) and its tree (rendering).
def heading_ids(headings: Sequence[Heading]) -> list[HeadingId]:
    above: list[tuple[int, str, bool]] = []  # the numbered headings enclosing the current one: level, id, is part
    found = []
    for heading in headings:
        while above and above[-1][0] >= heading.level:
            above.pop()
        parent = above[-1] if above else None
        part, section = PART_RE.match(heading.title), SECTION_RE.match(heading.title)
        if part:
            derived: str | None = part["part"].lower()
        elif section and parent and parent[2]:
            derived = f"{parent[1]}-{section['letter']}"
        else:
            derived = None
        if derived:
            above.append((heading.level, derived, part is not None))
        found.append(HeadingId(derived or heading.explicit, derived is not None, parent[1] if parent else None))
    return found


# Why: the headings of a page's source, outside code blocks and the edition's directives.
def source_headings(page: ScannedPage) -> list[Heading]:
    headings = []
    for segment in page.segments:
        if not isinstance(segment, Text) or segment.code:
            continue
        match = ATX_RE.match(segment.text)
        if match is None:
            continue
        explicit = EXPLICIT_ID_RE.search(match["attrs"] or "")
        headings.append(
            Heading(len(match["hashes"]), match["title"], explicit["id"] if explicit else None, segment.line)
        )
    return headings


# Why: a heading whose id would differ by language, clash with a paragraph's or another heading's.
def heading_problems(page: ScannedPage) -> list[Problem]:
    headings = source_headings(page)
    problems = []
    seen: set[str] = set()
    for heading, given in zip(headings, heading_ids(headings), strict=True):
        where = f"heading '{heading.title}'"
        if given.numbered and heading.explicit not in (None, given.id):
            problems.append(
                Problem(
                    page.path, heading.line, f"{where} is numbered: its id is '{given.id}', not '{heading.explicit}'"
                )
            )
        elif given.id is None:
            hint = f"{given.parent}-…" if given.parent else "…"
            problems.append(
                Problem(page.path, heading.line, f"{where} has no id the same in every language: add {{ #{hint} }}")
            )
            continue
        elif not given.numbered and not ID_RE.match(given.id):
            problems.append(Problem(page.path, heading.line, f"{where}: id '{given.id}' is not lower-case-words"))
        elif not given.numbered and PARAGRAPH_ANCHOR_RE.match(given.id):
            problems.append(Problem(page.path, heading.line, f"{where}: id '{given.id}' is a paragraph's address"))
        elif not given.numbered and given.parent and not given.id.startswith(f"{given.parent}-"):
            problems.append(
                Problem(
                    page.path, heading.line, f"{where}: under '{given.parent}', its id must start '{given.parent}-'"
                )
            )
        if given.id in seen:
            problems.append(Problem(page.path, heading.line, f"{where}: id '{given.id}' is used twice on the page"))
        seen.add(given.id or "")
    return problems


# Why: what Markdown's toc made a heading's id from: its words as rendered, footnote marks left out.
def toc_slug(element: etree.Element, md: Markdown) -> str:
    return str(slugify(html.unescape(strip_tags(render_inner_html(remove_fnrefs(element), md))), "-"))


class HeadingIdsTreeprocessor(Treeprocessor):  # type: ignore[misc] # Markdown ships no type hints
    """Sets each heading's id from its number or explicit id, and keeps the old slug as an alias."""

    def run(self, root: etree.Element) -> None:
        elements = [el for el in root.iter() if el.tag in HEADING_TAGS]
        headings = [
            Heading(int(el.tag[1]), strip_tags(render_inner_html(el, self.md)), el.get("id")) for el in elements
        ]
        taken = {str(el.get("id")) for el in root.iter() if el.get("id")}
        given = heading_ids(headings)
        taken |= {g.id for g in given if g.id}
        for element, heading_id in zip(elements, given, strict=True):
            if heading_id.id is None:
                continue  # toc gives it a slug; the parity check has reported it
            element.set("id", heading_id.id)
            old = toc_slug(element, self.md)
            if old and old != heading_id.id and old not in taken:
                _add_alias(element, old)
                taken.add(old)


# Why: an empty element carrying the old id, first in the heading, so the old address lands on it.
def _add_alias(element: etree.Element, alias: str) -> None:
    span = etree.Element("span", {"class": ALIAS_CLASS, "id": alias})
    span.tail, element.text = element.text, None
    element.insert(0, span)


class HeadingIdsExtension(Extension):  # type: ignore[misc] # Markdown ships no type hints
    """Heading ids the same in every language (see the module's docstring)."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's name)
        # After attr_list (8) has set explicit ids, before toc (5) would make slugs.
        md.treeprocessors.register(HeadingIdsTreeprocessor(md), "edition_heading_ids", 6)


# Why: Markdown loads an extension named in mkdocs.yml through this function.
def makeExtension(**kwargs: object) -> HeadingIdsExtension:  # noqa: N802 (Markdown's name)
    return HeadingIdsExtension(**kwargs)
