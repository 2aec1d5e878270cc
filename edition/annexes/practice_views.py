"""What the practice annex shows, from ``data/practice.yml`` (``edition/annexes/practice.py``): the links
under each paragraph a note bears on, the annex's overview table and each note's apparatus, and the home
page's pointer, filled from ``overrides/partials/edition/practice-*.html`` and ``xref.html``.

``checked_countries`` reads the data and every language's notes and checks them together.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from markupsafe import Markup

from edition.annexes.practice import (
    NOTE_PLACE,
    OVERVIEW_PLACE,
    PARAGRAPH_PLACE,
    Country,
    bearings_by_paragraph,
    load_practice,
    note_problems,
)
from edition.annexes.views import AnnexPage
from edition.frame.formatting import format_date
from edition.shared.places import fill_places
from edition.shared.problems import EditionError
from edition.shared.safe_html import edition_html
from edition.text.ids import guideline_anchor
from edition.text.render import one_block

PAGE = "practice.md"  # each edition's annex, docs/<lang>/practice.md
DATA = "data/practice.yml"
SCHEMA = "data/schemas/practice.schema.yml"


# Why: what the notes are read from, whose bytes say when to read them again.
def practice_inputs(root: Path, *, languages: Sequence[str]) -> list[Path]:
    sources = sorted((root / "sources").glob("*.txt"))
    return [root / DATA, root / SCHEMA, *sources, *(root / "docs" / lang / PAGE for lang in languages)]


# Why: the data and every language's notes checked together; all problems raised at once.
def checked_countries(root: Path, *, languages: list[str], paragraphs: frozenset[str]) -> tuple[Country, ...]:
    countries, problems = load_practice(
        root / DATA,
        schema_path=root / SCHEMA,
        sources=root / "sources",
        languages=languages,
        paragraphs=paragraphs,
        shown=DATA,
    )
    pages = {}
    for lang in languages:
        path = root / "docs" / lang / PAGE
        if path.exists():
            pages[lang] = (f"docs/{lang}/{PAGE}", path.read_text(encoding="utf-8"))
    if countries:  # unreadable data would make every note look unknown: report the data alone
        problems += note_problems(pages, countries)  # a missing page is the parity check's to report
    if problems:
        raise EditionError(problems)
    return tuple(countries)


# Why: a page's places for the notes filled: the links under paragraphs and, on the annex, its apparatus.
def fill_page(html: str, page: AnnexPage, *, countries: Sequence[Country], is_annex: bool) -> str:
    if PARAGRAPH_PLACE.partition("{number}")[0] in html:
        html = fill_paragraphs(html, page, countries=countries)
    return fill_annex(html, page, countries=countries) if is_annex else html


# Why: under each paragraph a note bears on, links to those notes; other places simply go.
def fill_paragraphs(html: str, page: AnnexPage, *, countries: Sequence[Country]) -> str:
    bearings = bearings_by_paragraph(countries)
    lang, labels = page.lang, page.labels

    def render(number: str) -> str:
        links = [
            _xref(
                page,
                href=page.url(PAGE, country.id),
                text=country.name[lang],
                tip_id=f"practice-tip-{guideline_anchor(number)}-{country.id}",
                tip_label=f"{country.name[lang]}{labels['colon']} {country.place[lang]}",
                tip_text=bearing.reason[lang],
            )
            for country, bearing in bearings.get(number, [])
        ]
        if not links:
            return ""
        return _render(
            page, "practice-links.html", label=labels["practice_in_practice"], colon=labels["colon"], links=links
        )

    prefix, _, _ = PARAGRAPH_PLACE.partition("{number}")
    return fill_places(html, prefix=prefix, targets=list(page.links.index.guidelines), render=render)


# Why: the annex's overview table and each note's apparatus, from the data.
def fill_annex(html: str, page: AnnexPage, *, countries: Sequence[Country]) -> str:
    html = html.replace(
        OVERVIEW_PLACE,
        _render(
            page,
            "practice-overview.html",
            labels=page.labels,
            rows=overview(countries, lang=page.lang, labels=page.labels),
        ),
    )
    for country in countries:
        html = html.replace(
            NOTE_PLACE.format(id=country.id), _render(page, "practice-note.html", **note_context(country, page))
        )
    return html


# Why: one row of the overview table per country, in the reader's language.
def overview(countries: Sequence[Country], *, lang: str, labels: Mapping[str, str]) -> list[dict[str, str]]:
    return [
        {
            "id": c.id,
            "name": c.name[lang],
            "place": c.place[lang],
            "who": c.overview["who"][lang],
            "where": c.overview["where"][lang],
            "contact": c.overview["contact"][lang],
            "publisher": publisher(c, lang=lang),
            "date": report_date(c, lang=lang, labels=labels),
        }
        for c in countries
    ]


# Why: what closes a country note: its quotations, the paragraphs it bears on (linked), its source.
def note_context(country: Country, page: AnnexPage) -> dict[str, Any]:
    lang, labels = page.lang, page.labels
    bearings = [
        {
            "number": bearing.paragraph,
            "link": _xref(
                page,
                href=page.href(bearing.paragraph),
                text=bearing.paragraph,
                tip_id=f"practice-tip-{country.id}-{guideline_anchor(bearing.paragraph)}",
                tip_label=bearing.paragraph,
                tip_text=page.links.preview(bearing.paragraph),
            ),
            "reason": bearing.reason[lang],
        }
        for bearing in country.bears_on
    ]
    return {
        "id": country.id,
        "labels": labels,
        "source_lang": country.language,
        "quotations": [
            {
                "text": q.text,
                "speaker": q.speaker[lang],
                "translation": q.translation.get(lang, "") if lang != country.language else "",
            }
            for q in country.quotations
        ],
        "bearings": bearings,
        "place": f"{country.place[lang]} ({country.name[lang]})",
        "publisher": publisher(country, lang=lang),
        "title": country.citation.get("title", ""),
        "author": country.citation.get("author", ""),
        "date": report_date(country, lang=lang, labels=labels),
        "kind": labels[f"practice_kind_{country.kind}"],
    }


# Why: each edition's home page points to the annex, naming its countries.
def home_note(page: AnnexPage, *, countries: Sequence[Country]) -> Markup:
    labels = page.labels
    names = joined([c.name[page.lang] for c in countries], labels=labels)
    note = _render(
        page,
        "practice-home.html",
        labels=labels,
        text=labels["practice_home_text"].format(countries=names),
        href=page.url(PAGE),
    )
    return edition_html(note)


def publisher(country: Country, *, lang: str) -> str:
    return str(country.citation["publisher"][lang])


# Why: the report's date in the reader's words, or what the data says about its missing date.
def report_date(country: Country, *, lang: str, labels: Mapping[str, str]) -> str:
    if "date" in country.citation:
        return format_date(dt.date.fromisoformat(country.citation["date"]), labels)
    return str(country.citation["date_note"][lang])


# Why: "France, Mexico, England and Cambodia" in the reader's language.
def joined(names: Sequence[str], *, labels: Mapping[str, str]) -> str:
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} {labels['practice_and']} {names[-1]}"


# Why: the practice partials' whitespace is folded, so the notes sit in the page as one block.
def _render(page: AnnexPage, name: str, /, **values: Any) -> str:
    return one_block(page.template(name, **values))


# Why: a link with its preview, in the citations' own markup (xref.html, edition.js).
def _xref(page: AnnexPage, *, href: str, text: str, tip_id: str, tip_label: str, tip_text: str) -> Markup:
    link = _render(
        page,
        "xref.html",
        kind="practice",
        href=href,
        text=text,
        tip_id=tip_id,
        tip_label=tip_label,
        tip_text=tip_text,
        tap_hint=page.labels["xref_tap_again"],
        preview=True,
    )
    return edition_html(link.replace("\n", ""))
