"""Cross-references, phase one: collect every page's numbers, quotations and citations, then check.

Two phases, as in mkdocs-autorefs: ``build_index`` reads every page of a language before any is
rendered, so backlinks ("cited by") are complete and every problem is known up front; ``render``
(edition/text/render.py) then resolves references page by page against this index.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from edition.shared.problems import Problem
from edition.text.ids import anchor_number, parse_guideline_number
from edition.text.registry import Registry
from edition.text.syntax import GuidelineBlock, InstrumentsBlock, ScannedPage, replace_refs

# A Markdown footnote mark ("[^label]") in a paragraph's source: the note is not shown in previews.
FOOTNOTE_MARK = re.compile(r"\[\^[^\]\s]+\]")


@dataclass(frozen=True)
class GuidelineEntry:
    """A guideline paragraph as the index knows it: where it is and what it rests on."""

    number: str
    page: str
    line: int
    rests_on: tuple[str, ...]
    text: str


@dataclass
class CrossIndex:
    """Where each id lives and who cites each provision, for one language."""

    guidelines: dict[str, GuidelineEntry] = field(default_factory=dict)
    provision_pages: dict[str, str] = field(default_factory=dict)
    instruments_page: str | None = None
    cited_by: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


# Why: a guideline's provisions: the bracket list, then provisions its text cites inline.
def rests_on(block: GuidelineBlock, registry: Registry) -> tuple[str, ...]:
    ids = list(block.cites)
    ids += [r.target for r in block.refs if r.target in registry.provisions]
    return tuple(dict.fromkeys(ids))


# Why: a guideline's plain text for previews: references shown as their words, footnote marks dropped.
def plain_text(markdown: str) -> str:
    words = replace_refs(markdown, lambda target, label: label or target)
    return " ".join(FOOTNOTE_MARK.sub("", words).split())


# Why: phase one; every check that needs all pages of a language happens here, all at once.
def build_index(pages: Sequence[tuple[str, ScannedPage]], registry: Registry) -> tuple[CrossIndex, list[Problem]]:
    index = CrossIndex()
    problems: list[Problem] = []
    where: dict[str, tuple[str, int]] = {}
    sections: dict[str, list[tuple[int, str, int]]] = defaultdict(list)
    for key, page in pages:
        problems += page.problems
        for segment in page.segments:
            if isinstance(segment, GuidelineBlock):
                problems += _add_guideline(index, segment, key, page.path, registry, where, sections)
            elif isinstance(segment, InstrumentsBlock):
                if index.instruments_page is not None:
                    problems.append(Problem(page.path, segment.line, "the list of instruments is placed twice"))
                index.instruments_page = key
        for block in page.provision_blocks:
            if block.id not in registry.provisions:
                problems.append(Problem(page.path, block.line, f"unknown provision '{block.id}'"))
            elif block.id in index.provision_pages:
                problems.append(Problem(page.path, block.line, f"provision '{block.id}' is quoted twice"))
            else:
                index.provision_pages[block.id] = key
    problems += _numbering_problems(sections)
    problems += _reference_problems(pages, index, registry)
    problems += _registry_coverage(index, registry)
    problems += _anchor_clashes(registry)
    return index, problems


# Why: records one guideline, refusing duplicates and citations of unknown provisions.
def _add_guideline(
    index: CrossIndex,
    block: GuidelineBlock,
    key: str,
    path: str,
    registry: Registry,
    where: dict[str, tuple[str, int]],
    sections: dict[str, list[tuple[int, str, int]]],
) -> list[Problem]:
    problems = []
    number = parse_guideline_number(block.number)
    assert number is not None  # scan() only yields well-formed numbers
    if block.number in where:
        first = where[block.number]
        return [
            Problem(path, block.line, f"duplicate guideline number '{block.number}' (first at {first[0]}:{first[1]})")
        ]
    where[block.number] = (path, block.line)
    sections[number.section_key].append((number.n, path, block.line))
    for cite in block.cites:
        if cite not in registry.provisions:
            problems.append(Problem(path, block.line, f"unknown provision '{cite}' cited by {block.number}"))
    ids = tuple(i for i in rests_on(block, registry) if i in registry.provisions)
    index.guidelines[block.number] = GuidelineEntry(block.number, key, block.line, ids, plain_text(block.body))
    for pid in ids:
        index.cited_by[pid].append(block.number)
    return problems


# Why: numbers run 1, 2, 3… within each lettered section, in reading order, with no gap.
def _numbering_problems(sections: dict[str, list[tuple[int, str, int]]]) -> list[Problem]:
    problems = []
    for section, entries in sections.items():
        for expected, (n, path, line) in enumerate(entries, start=1):
            if n != expected:
                problems.append(
                    Problem(path, line, f"guideline {section}.{n} out of sequence: expected {section}.{expected}")
                )
                break
    return problems


# Why: every inline reference must name a guideline, provision or instrument that has a place.
def _reference_problems(
    pages: Sequence[tuple[str, ScannedPage]], index: CrossIndex, registry: Registry
) -> list[Problem]:
    problems = []
    for _, page in pages:
        for ref in page.refs:
            if ref.target in index.guidelines or ref.target in index.provision_pages:
                continue
            if ref.target in registry.instruments and index.instruments_page is not None:
                continue
            problems.append(Problem(page.path, ref.line, f"unknown reference '{ref.target}'"))
    return problems


# Why: the registry and the pages must agree: each provision quoted once and cited at least once.
def _registry_coverage(index: CrossIndex, registry: Registry) -> list[Problem]:
    problems = []
    for pid, provision in registry.provisions.items():
        if pid not in index.provision_pages:
            problems.append(
                Problem(registry.provisions_path, provision.line, f"provision '{pid}' is quoted on no page")
            )
        if not index.cited_by.get(pid):
            problems.append(
                Problem(registry.provisions_path, provision.line, f"provision '{pid}' is cited by no guideline")
            )
    return problems


# Why: a provision's id is its anchor and names its comment file, as a paragraph's anchor does: an id
# equal to a paragraph's anchor (``iv-b-17``, of any paragraph, present or to come) would share both.
def _anchor_clashes(registry: Registry) -> list[Problem]:
    problems = []
    for pid, provision in registry.provisions.items():
        number = anchor_number(pid)
        if number is not None:
            message = f"provision id '{pid}' is the anchor of guideline paragraph {number}: choose another id"
            problems.append(Problem(registry.provisions_path, provision.line, message))
    return problems
