"""Parity of the language editions: the same pages, paragraph numbers, provisions, citations and heading ids.

Run over every ``docs/<lang>/`` folder and the registry before any language is built, so a gap in
one language is reported even when another language would fail first. Every problem names the
language's file and line and the id that is missing or extra.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path

from edition.shared.problems import Problem
from edition.text.headings import heading_ids, heading_problems, source_headings
from edition.text.registry import Registry
from edition.text.syntax import ScannedPage, scan


# Why: every language folder scanned once, keyed by language then by page path.
def scan_languages(docs: Path, languages: Sequence[str], *, root: Path) -> dict[str, dict[str, ScannedPage]]:
    scanned: dict[str, dict[str, ScannedPage]] = {}
    for lang in languages:
        folder = docs / lang
        scanned[lang] = {
            str(path.relative_to(folder)): scan(path.read_text(encoding="utf-8"), path=str(path.relative_to(root)))
            for path in sorted(folder.rglob("*.md"))
        }
    return scanned


# Why: what must match across languages on one page, as comparable lists.
def page_signature(page: ScannedPage) -> dict[str, list[str]]:
    return {
        "paragraph": [g.number for g in page.guidelines],
        "provision": [b.id for b in page.provision_blocks],
        "citation": sorted(f"{g.number}→{c}" for g in page.guidelines for c in g.cites),
        "reference": sorted(r.target for r in page.refs),
        "heading id": [str(h.id) for h in heading_ids(source_headings(page))],
    }


# Why: compares each language with the reference language, page by page and id by id.
def parity_problems(scanned: Mapping[str, Mapping[str, ScannedPage]], *, reference: str) -> list[Problem]:
    problems: list[Problem] = []
    base = scanned[reference]
    for lang, pages in scanned.items():
        problems += [problem for page in pages.values() for problem in heading_problems(page)]
        if lang == reference:
            continue
        for name in sorted(set(base) - set(pages)):
            problems.append(Problem(f"docs/{lang}/{name}", 1, f"page missing in '{lang}' (present in '{reference}')"))
        for name in sorted(set(pages) - set(base)):
            problems.append(
                Problem(pages[name].path, 1, f"page not in '{reference}': every edition has the same pages")
            )
        for name in sorted(set(base) & set(pages)):
            problems += _page_problems(base[name], pages[name], lang=lang, reference=reference)
    return problems


# Why: ids missing from or extra in one page of a language, named one by one.
def _page_problems(base: ScannedPage, page: ScannedPage, *, lang: str, reference: str) -> list[Problem]:
    problems = []
    headings = source_headings(page)
    lines = {str(h.id): s.line for h, s in zip(heading_ids(headings), headings, strict=True)}
    lines |= {g.number: g.line for g in page.guidelines} | {b.id: b.line for b in page.provision_blocks}
    for kind, expected in page_signature(base).items():
        found = page_signature(page)[kind]
        missing = Counter(expected) - Counter(found)
        extra = Counter(found) - Counter(expected)
        for item in sorted(missing):
            problems.append(Problem(page.path, 1, f"{kind} '{item}' missing in '{lang}' (present in {base.path})"))
        for item in sorted(extra):
            where = lines.get(item, 1)
            problems.append(Problem(page.path, where, f"{kind} '{item}' not in '{reference}' ({base.path})"))
        if not missing and not extra and expected != found:
            problems.append(Problem(page.path, 1, f"{kind}s in another order than in {base.path}"))
    return problems


# Why: every registry record and interface word exists in every language.
def registry_parity(registry: Registry, languages: Sequence[str]) -> list[Problem]:
    problems = []
    path = registry.provisions_path
    for provision in registry.provisions.values():
        for field_name in ("label", "text", "official", "note", "source_text"):
            for lang in languages:
                if lang == "en" and field_name in ("official", "note", "source_text"):
                    continue
                if lang not in getattr(provision, field_name):
                    problems.append(
                        Problem(path, provision.line, f"provision '{provision.id}' has no {field_name} in '{lang}'")
                    )
    for instrument in registry.instruments.values():
        for field_name in ("title", "short") + (("listed_as",) if instrument.listed else ()):
            for lang in languages:
                if lang not in getattr(instrument, field_name):
                    problems.append(
                        Problem(
                            registry.instruments_path,
                            instrument.line,
                            f"instrument '{instrument.id}' has no {field_name} in '{lang}'",
                        )
                    )
    reference = set(registry.labels.get("en", {}))
    for lang in languages:
        for key in sorted(reference - set(registry.labels.get(lang, {}))):
            problems.append(Problem(registry.labels_path, 1, f"label '{key}' missing in '{lang}'"))
    return problems
