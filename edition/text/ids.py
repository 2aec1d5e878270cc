"""The shapes of the edition's identifiers and the page anchors derived from them.

Guideline numbers (``IV.b.17``) are part of the edition and never change once published; the anchor
is the number in lower case with dots as hyphens (``iv-b-17``). Provision and instrument ids are
lower-case words joined by hyphens (``crc-9-1``, ``crc``) and are their own anchors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

GUIDELINE_RE = re.compile(r"^(?P<part>III|IV)\.(?P<section>[a-z])\.(?P<n>[1-9][0-9]*)$")
REGISTRY_ID_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class GuidelineNumber:
    """A parsed guideline number: part, lettered section and position in it."""

    part: str
    section: str
    n: int

    @property
    def section_key(self) -> str:
        return f"{self.part}.{self.section}"

    def __str__(self) -> str:
        return f"{self.part}.{self.section}.{self.n}"


# Why: one parser for the number everywhere it is read (directives, references, comments).
def parse_guideline_number(text: str) -> GuidelineNumber | None:
    match = GUIDELINE_RE.match(text)
    if match is None:
        return None
    return GuidelineNumber(match["part"], match["section"], int(match["n"]))


# Why: the HTML id (and URL fragment) of a guideline paragraph, derived and never stored.
def guideline_anchor(number: str) -> str:
    return number.lower().replace(".", "-")


# Why: the guideline number whose anchor ``anchor`` is (``iv-b-17`` is IV.b.17's), or None; a
# provision id must not be one, or it would share the paragraph's place on a page and its comments.
def anchor_number(anchor: str) -> str | None:
    part, _, rest = anchor.partition("-")
    number = f"{part.upper()}.{rest.replace('-', '.')}"
    return number if parse_guideline_number(number) and guideline_anchor(number) == anchor else None


# Why: tells a registry id (provision or instrument) from a malformed one.
def is_registry_id(text: str) -> bool:
    return REGISTRY_ID_RE.match(text) is not None


# Why: a paragraph's anchor is its number made into a fragment; a provision's or instrument's is its id.
def anchor_of(target: str) -> str:
    return guideline_anchor(target) if "." in target else target
