"""Practice around the world: country notes linked both ways to the guideline paragraphs they bear on
(logic in ``edition/annexes/practice.py``, data in ``data/practice.yml``, notes in ``docs/<lang>/practice.md``).

Called by the adapter (``hooks/build.py``):

- ``read_and_check`` (``on_files``), once ``crossrefs.py`` has indexed this language's pages:
  reads and checks the data and every language's notes at once (source files, verbatim facts and
  quotations, paragraph ids against those pages, languages, numbers); all problems are raised
  together. Read once per change of the files (the data, its schema, the sources, the annexes: the
  digest of their bytes) or of the set of paragraphs (``state.loaded``, kept between ``mkdocs serve``
  rebuilds), so in the first language built, not again per language, nor after an edit elsewhere.
- ``add_notes`` (``on_page_content``): the places the templates and pages leave are filled from
  ``overrides/partials/edition/practice-*.html``: under each paragraph a note bears on,
  ``<!-- edition:practice IV.a.10 -->`` becomes "In practice: France · Mexico" with previews (the
  links are ``xref.html``'s); on the annex (``practice.md``), the overview table and each note's apparatus.
  URLs come from MkDocs' own ``File`` objects.
- ``add_home_note`` (``on_page_context``): each edition's home page gets a pointer to the annex, as a template value
  (the orientation box of ``overrides/main.html``), not in the page's HTML, so that the PDF's
  title page (``hooks/pdf.py`` takes the pages' HTML) stays QUNO's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from edition.annexes.practice import (
    NOTE_PLACE,
    OVERVIEW_PLACE,
    PARAGRAPH_PLACE,
    Country,
    bearings_by_paragraph,
    load_practice,
    note_problems,
)
from edition.frame.formatting import format_date
from edition.shared.digests import digest
from edition.shared.places import fill_places
from edition.shared.problems import format_problems
from edition.shared.safe_html import edition_html
from edition.text.crossrefs import CrossIndex
from edition.text.ids import guideline_anchor
from edition.text.links import Links
from edition.text.render import one_block

from build_state import BuildState
from project import project_registry, project_root
from site_languages import current_language, is_edition_home, site_languages
from site_links import site_links

PAGE = "practice.md"  # each edition's annex, docs/<lang>/practice.md


# ---------------------------------------------------------------------------------------------
# Events


def read_and_check(config: MkDocsConfig, *, state: BuildState) -> None:
    index = state.language(current_language(config)).index
    if index is None:
        return
    root = project_root(config)
    languages, _ = site_languages(config)
    watched = [root / "data" / "practice.yml", root / "data" / "schemas" / "practice.schema.yml"]
    watched += sorted((root / "sources").glob("*.txt")) + [root / "docs" / lang / PAGE for lang in languages]
    paragraphs = frozenset(index.guidelines)  # the same in every language (hooks/parity.py)
    # An edit elsewhere in the pages leaves the notes as they were, unless it adds or drops a paragraph.
    key = digest(files=watched, root=root, settings=sorted(paragraphs))
    state.loaded.countries_kept.get(
        key, lambda: _checked_countries(root, watched=watched, languages=languages, paragraphs=paragraphs)
    )


def add_notes(html_text: str, page: Page, config: MkDocsConfig, files: Files, *, state: BuildState) -> str:
    lang = current_language(config)
    language = state.language(lang)
    labels = project_registry(config, state).labels[lang]
    context = _Context(
        page,
        site_links(config, files, lang=lang, state=state),
        lang,
        labels,
        language.templates(config),
        language.index,
    )
    if "<!-- edition:practice " in html_text:
        html_text = _fill_paragraphs(html_text, context, countries=state.loaded.countries)
    if context.is_annex:
        html_text = _fill_annex(html_text, context, countries=state.loaded.countries)
    return html_text


# A template value, not the page's HTML, which hooks/pdf.py takes for the PDF: the pointer is the website's.
def add_home_note(context: dict[str, Any], page: Page, config: MkDocsConfig, *, state: BuildState) -> dict[str, Any]:
    lang = current_language(config)
    language = state.language(lang)
    if not is_edition_home(page.url, config, lang=lang) or language.files is None:
        return context
    labels = project_registry(config, state).labels[lang]
    filling = _Context(
        page,
        site_links(config, language.files, lang=lang, state=state),
        lang,
        labels,
        language.templates(config),
        language.index,
    )
    names = _joined([c.name[lang] for c in state.loaded.countries], labels)
    note = filling.render(
        "practice-home.html",
        labels=labels,
        text=labels["practice_home_text"].format(countries=names),
        href=filling.url(PAGE),
    )
    # In the edition's orientation box (overrides/main.html), not after the 2005 title page.
    context.setdefault("edition_home_notes", []).append(edition_html(note))
    return context


# ---------------------------------------------------------------------------------------------
# Helpers


@dataclass
class _Context:
    """One page being filled: its language, words, templates and how to reach other pages."""

    page: Page
    links: Links
    lang: str
    labels: Mapping[str, str]
    env: jinja2.Environment
    index: CrossIndex | None  # this language's paragraphs and provisions (hooks/crossrefs.py)

    # Why: addresses from the language's one resolver (``edition/text/links.py``).
    def url(self, src_uri: str, anchor: str = "") -> str:
        page = self.links.find(src_uri)
        if page is None:
            raise PluginError(f"{self.page.file.src_uri}: '{src_uri}' is not part of this build")
        return self.links.page(page, here=self.page.url, anchor=anchor)

    # Why: the i18n plugin's src_uri carries the language ("fr/practice.md").
    @property
    def is_annex(self) -> bool:
        return self.page.file.src_uri in (PAGE, f"{self.lang}/{PAGE}")

    def render(self, name: str, /, **values: Any) -> str:
        return one_block(str(self.env.get_template(f"partials/edition/{name}").render(**values)))

    # Why: a link with its preview, in the citations' own markup (xref.html, edition.js).
    def xref(self, *, href: str, text: str, tip_id: str, tip_label: str, tip_text: str) -> Markup:
        link = self.render(
            "xref.html",
            kind="practice",
            href=href,
            text=text,
            tip_id=tip_id,
            tip_label=tip_label,
            tip_text=tip_text,
            tap_hint=self.labels["xref_tap_again"],
            preview=True,
        )
        return edition_html(link.replace("\n", ""))


# Why: under each paragraph a note bears on, links to those notes; other places simply go.
def _fill_paragraphs(html_text: str, context: _Context, *, countries: tuple[Country, ...]) -> str:
    bearings = bearings_by_paragraph(countries)
    index = context.index
    numbers = list(index.guidelines) if index else []

    def render(number: str) -> str:
        links = [
            context.xref(
                href=context.url(PAGE, country.id),
                text=country.name[context.lang],
                tip_id=f"practice-tip-{guideline_anchor(number)}-{country.id}",
                tip_label=f"{country.name[context.lang]}{context.labels['colon']} {country.place[context.lang]}",
                tip_text=bearing.reason[context.lang],
            )
            for country, bearing in bearings.get(number, [])
        ]
        if not links:
            return ""
        return context.render(
            "practice-links.html",
            label=context.labels["practice_in_practice"],
            colon=context.labels["colon"],
            links=links,
        )

    prefix, _, _ = PARAGRAPH_PLACE.partition("{number}")
    return fill_places(html_text, prefix=prefix, targets=numbers, render=render)


# Why: the annex's overview table and each note's apparatus, from the data.
def _fill_annex(html_text: str, context: _Context, *, countries: tuple[Country, ...]) -> str:
    lang, labels = context.lang, context.labels
    rows = [
        {
            "id": c.id,
            "name": c.name[lang],
            "place": c.place[lang],
            "who": c.overview["who"][lang],
            "where": c.overview["where"][lang],
            "contact": c.overview["contact"][lang],
            "publisher": _publisher(c, lang),
            "date": _date(c, lang, labels),
        }
        for c in countries
    ]
    html_text = html_text.replace(OVERVIEW_PLACE, context.render("practice-overview.html", labels=labels, rows=rows))
    index = context.index
    for country in countries:
        bearings = []
        for bearing in country.bears_on:
            entry = index.guidelines[bearing.paragraph] if index else None
            link = context.xref(
                href=context.url(entry.page if entry else PAGE, guideline_anchor(bearing.paragraph)),
                text=bearing.paragraph,
                tip_id=f"practice-tip-{country.id}-{guideline_anchor(bearing.paragraph)}",
                tip_label=bearing.paragraph,
                tip_text=entry.text if entry else "",
            )
            bearings.append({"number": bearing.paragraph, "link": link, "reason": bearing.reason[lang]})
        note = context.render(
            "practice-note.html",
            id=country.id,
            labels=labels,
            source_lang=country.language,
            quotations=[
                {
                    "text": q.text,
                    "speaker": q.speaker[lang],
                    "translation": q.translation.get(lang, "") if lang != country.language else "",
                }
                for q in country.quotations
            ],
            bearings=bearings,
            place=f"{country.place[lang]} ({country.name[lang]})",
            publisher=_publisher(country, lang),
            title=country.citation.get("title", ""),
            author=country.citation.get("author", ""),
            date=_date(country, lang, labels),
            kind=labels[f"practice_kind_{country.kind}"],
        )
        html_text = html_text.replace(NOTE_PLACE.format(id=country.id), note)
    return html_text


def _publisher(country: Country, lang: str) -> str:
    return str(country.citation["publisher"][lang])


# Why: the report's date in the reader's words, or what the data says about its missing date.
def _date(country: Country, lang: str, labels: Mapping[str, str]) -> str:
    if "date" in country.citation:
        return format_date(dt.date.fromisoformat(country.citation["date"]), labels)
    return str(country.citation["date_note"][lang])


# Why: "France, Mexico, England and Cambodia" in the reader's language.
def _joined(names: list[str], labels: Mapping[str, str]) -> str:
    return names[0] if len(names) < 2 else f"{', '.join(names[:-1])} {labels['practice_and']} {names[-1]}"


# Why: the data and every language's notes checked together; all problems raised at once.
def _checked_countries(
    root: Path, *, watched: list[Path], languages: list[str], paragraphs: frozenset[str]
) -> tuple[Country, ...]:
    countries, problems = load_practice(
        watched[0],
        schema_path=watched[1],
        sources=root / "sources",
        languages=languages,
        paragraphs=paragraphs,
        shown="data/practice.yml",
    )
    pages = {}
    for lang in languages:
        path = root / "docs" / lang / PAGE
        if path.exists():
            pages[lang] = (f"docs/{lang}/{PAGE}", path.read_text(encoding="utf-8"))
    if countries:  # unreadable data would make every note look unknown: report the data alone
        problems += note_problems(pages, countries)  # a missing page is the parity check's to report
    if problems:
        raise PluginError(format_problems(problems))
    return tuple(countries)
