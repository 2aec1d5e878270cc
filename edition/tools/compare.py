"""Languages side by side: the guideline paragraphs aligned by number, the provisions by id.

``aligned_parts`` lines up what each language's pages show (``edition/text/page_parts.py``) into rows
for ``overrides/partials/edition/compare.html``: a part, its lettered sections, then one row per
paragraph with a cell per language. Addresses come from ``href(lang, path)``, which the hook makes
relative to the comparison page (or, offline, to the website for the languages a ZIP lacks, or
None when that address is unknown: the cell is then shown without a link).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import Any

from edition.downloads.edition_data import Chapter, sanitise
from edition.downloads.offline import website_url
from edition.shared.safe_html import edition_html
from edition.text.ids import guideline_anchor, parse_guideline_number
from edition.text.links import relative_url
from edition.text.page_parts import Paragraph, Section
from edition.text.registry import Registry

Href = Callable[[str, str], str | None]  # (language, site-root path) -> the address to link, if any


# Why: a site path's address from the comparison page at ``here``: relative, but in the offline edition,
# whose ZIP holds its own language only, the other languages' on the website (None without its address).
def comparison_href(*, here: str, lang: str, offline: bool, site_url: str | None) -> Href:
    def href(other: str, path: str) -> str | None:
        if offline and other != lang:
            return website_url(path, site_url=site_url)
        target, _, fragment = path.partition("#")
        relative = relative_url(target, here) if target else ""
        return relative + (f"#{fragment}" if fragment else "")

    return href


# Why: what ``partials/edition/compare.html`` shows on the ``reference`` language's comparison page.
def comparison_context(
    chapters: Mapping[str, Sequence[Chapter]],
    *,
    registry: Registry,
    languages: Sequence[str],
    reference: str,
    pages: Mapping[str, Mapping[str, str]],
    href: Href,
) -> dict[str, Any]:
    names = {lang: registry.labels[lang]["language_name"] for lang in languages}
    return {
        "labels": registry.labels[reference],
        "languages": [{"lang": lang, "name": names[lang]} for lang in languages],
        "names": names,
        "quotes": {
            lang: (registry.labels[lang]["quote_open"], registry.labels[lang]["quote_close"]) for lang in languages
        },
        "parts": aligned_parts(chapters, languages=languages, reference=reference, href=href),
        "provisions": aligned_provisions(registry, languages=languages, reference=reference, pages=pages, href=href),
    }


# Why: rows keyed by paragraph number, so a language that lacked one would show a gap, not a shift.
def aligned_parts(
    chapters: Mapping[str, Sequence[Chapter]], *, languages: Sequence[str], reference: str, href: Href
) -> list[dict[str, Any]]:
    parts = []
    for position, chapter in enumerate(chapters[reference]):
        if not chapter.parts.paragraphs:
            continue
        by_lang = {lang: chapters[lang][position] for lang in languages}
        sections = []
        for key, numbers in _section_numbers(chapter).items():
            sections.append(
                {
                    "anchor": f"compare-{key.lower().replace('.', '-')}",
                    "title": _section_title(chapter, numbers[0]),
                    "cells": [_section_cell(lang, by_lang[lang], numbers[0], href) for lang in languages],
                    "rows": [_paragraph_row(number, by_lang, languages, href) for number in numbers],
                }
            )
        parts.append(
            {
                "anchor": f"compare-part-{position}",
                "title": chapter.title,
                "cells": [
                    {"lang": lang, "href": href(lang, by_lang[lang].url), "title": by_lang[lang].title}
                    for lang in languages
                ],
                "sections": sections,
            }
        )
    return parts


# Why: provisions line up by id; each language's text is the registry's, marked when the edition's own.
def aligned_provisions(
    registry: Registry,
    *,
    languages: Sequence[str],
    reference: str,
    pages: Mapping[str, Mapping[str, str]],
    href: Href,
) -> list[dict[str, Any]]:
    rows = []
    for pid, provision in registry.provisions.items():
        cells = []
        for lang in languages:
            page = pages[lang].get(pid)
            cells.append(
                {
                    "lang": lang,
                    "href": href(lang, f"{page}#{pid}") if page else None,
                    "label": provision.label[lang],
                    "text": provision.text[lang],
                    "note": provision.note.get(lang),
                }
            )
        rows.append({"anchor": pid, "title": provision.label[reference], "cells": cells})
    return rows


def _section_numbers(chapter: Chapter) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    for paragraph in chapter.parts.paragraphs:
        number = parse_guideline_number(paragraph.number)
        if number is not None:
            sections.setdefault(number.section_key, []).append(paragraph.number)
    return sections


def _paragraph(chapter: Chapter, number: str) -> Paragraph | None:
    return next((p for p in chapter.parts.paragraphs if p.number == number), None)


# Why: the heading a paragraph sits under in one language: its title is that language's.
def _section_of(chapter: Chapter, number: str) -> Section | None:
    paragraph = _paragraph(chapter, number)
    return next((s for s in chapter.parts.sections if paragraph and s.anchor == paragraph.section), None)


def _section_title(chapter: Chapter, first: str) -> str:
    section = _section_of(chapter, first)
    return section.title if section else first.rsplit(".", 1)[0]


def _section_cell(lang: str, chapter: Chapter, first: str, href: Href) -> dict[str, Any]:
    section = _section_of(chapter, first)
    if section is None:
        return {"lang": lang, "href": None, "title": ""}
    return {"lang": lang, "href": href(lang, f"{chapter.url}#{section.anchor}"), "title": section.title}


def _paragraph_row(
    number: str, chapters: Mapping[str, Chapter], languages: Sequence[str], href: Href
) -> dict[str, Any]:
    cells = []
    anchor = guideline_anchor(number)
    for lang in languages:
        paragraph = _paragraph(chapters[lang], number)
        if paragraph is None:
            cells.append({"lang": lang, "href": None, "html": ""})
            continue
        cells.append(
            {
                "lang": lang,
                "href": href(lang, f"{chapters[lang].url}#{paragraph.anchor}"),
                "html": edition_html(sanitise(paragraph.html, address=partial(href, lang))),
            }
        )
    return {"anchor": anchor, "number": number, "cells": cells}
