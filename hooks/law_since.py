"""Law since 2005: the edition's note under each paragraph and provision, and its annex page (logic and
data checks in ``edition/annexes/later_law.py``, data in ``data/later-law.yml``).

Called by the adapter (``hooks/build.py``):

- ``read_and_check`` (``on_files``): after ``crossrefs.py`` has checked and indexed this
  language's pages (so a broken page is reported as such first), reads and checks
  ``data/later-law.yml`` against those paragraphs and the provisions registry; every problem is
  raised together as one ``PluginError``. Read again only when the data, its schema, the paragraphs
  or the provisions change (``state.loaded``, kept between ``mkdocs serve`` rebuilds by their digest).
- ``add_annex`` (``on_page_content``): the page ``law-since-2005.md`` of each language gets the crosswalk and the
  later instruments (``law-since-page.html``).
- ``add_notes`` (``on_page_context``, once Material's search has read the page: the notes are
  not for search): each paragraph and provision has left a place for the note
  (``<!-- edition:law-since IV.b.17 -->`` in ``partials/edition/guideline.html`` and
  ``provision.html``); it becomes ``partials/edition/law-since-note.html`` (nothing for a paragraph
  whose recorded decision is that no later rule is linked). Each edition's home page gets a link
  to the annex (``law-since-home.html``). Both use this language's index (``state.language(lang).index``), for
  the backlinks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import jinja2
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from edition.annexes.later_law import (
    DATA_FILE,
    SCHEMA_FILE,
    LaterInstrument,
    LaterLaw,
    Rule,
    date_text,
    instrument_groups,
    load_later_law,
    rule_source_line,
    shown_text,
)
from edition.frame.formatting import format_date
from edition.shared.digests import digest
from edition.shared.places import fill_places, places_in_order
from edition.shared.problems import EditionError
from edition.shared.safe_html import edition_html
from edition.text.crossrefs import CrossIndex
from edition.text.links import Links
from edition.text.registry import Provision

from build_state import BuildState
from project import project_registry, project_root
from site_languages import current_language, is_edition_home
from site_links import site_links

PLACE = "<!-- edition:law-since "
PAGE_SRC = "law-since-2005.md"


# ---------------------------------------------------------------------------------------------
# Events


def read_and_check(config: MkDocsConfig, *, state: BuildState) -> None:
    index = state.language(current_language(config)).index
    if index is None:
        return
    root = project_root(config)
    numbers, provisions = list(index.guidelines), list(project_registry(config, state).provisions)
    inputs = [root / "data" / DATA_FILE, root / "data" / SCHEMA_FILE]  # what load_later_law reads
    key = digest(files=inputs, root=root, settings=[*numbers, "", *provisions])
    try:
        state.loaded.law_kept.get(
            key,
            lambda: load_later_law(root / "data", paragraphs=numbers, provisions=provisions, shown=f"data/{DATA_FILE}"),
        )
    except EditionError as error:
        raise PluginError(str(error)) from error


def add_annex(html_text: str, page: Page, config: MkDocsConfig, files: Files, *, state: BuildState) -> str:
    if page.file.src_uri not in (PAGE_SRC, f"{current_language(config)}/{PAGE_SRC}"):  # i18n keeps the folder
        return html_text
    filling = _filling(page, config, files, state=state)
    return html_text if filling is None else html_text + filling.render("law-since-page.html", **filling.page_context())


# Why: the notes go in once search has read the page (the adapter's ``on_page_context``); the PDF takes the pages' HTML
# later still (``hooks/pdf.py``, ``on_post_build``), notes included. The home page's pointer sits in the
# edition's orientation box (overrides/main.html), not after the 2005 title page, where it would read
# as QUNO's; as a template value, it is not in the PDF.
def add_notes(context: dict[str, Any], page: Page, config: MkDocsConfig, *, state: BuildState) -> dict[str, Any]:
    files = state.language(current_language(config)).files
    has_places = page.content is not None and PLACE in page.content
    home = is_edition_home(page.url, config, lang=current_language(config))
    filling = _filling(page, config, files, state=state) if files is not None and (has_places or home) else None
    if filling is None:
        return context
    if has_places:
        assert page.content is not None
        known = {*filling.index.guidelines, *filling.index.provision_pages}
        targets = [t for t in places_in_order(page.content, prefix=PLACE) if t in known]
        page.content = fill_places(page.content, prefix=PLACE, targets=targets, render=filling.note)
    if home:
        note = filling.render("law-since-home.html", href=filling.law_href(""), labels=filling.labels)
        context.setdefault("edition_home_notes", []).append(edition_html(note))
    return context


def _filling(page: Page, config: MkDocsConfig, files: Files, *, state: BuildState) -> _Context | None:
    lang = current_language(config)
    language = state.language(lang)
    law, index = state.loaded.law, language.index
    if law is None or index is None:
        return None
    registry = project_registry(config, state)
    return _Context(
        law,
        lang,
        registry.labels[lang],
        registry.provisions,
        page,
        site_links(config, files, lang=lang, state=state),
        index,
        language.templates(config),
    )


# ---------------------------------------------------------------------------------------------
# Helpers


@dataclass
class _Context:
    """What one page of one language needs to render the notes and the page."""

    law: LaterLaw
    lang: str
    labels: Mapping[str, str]
    provisions: Mapping[str, Provision]
    page: Page
    links: Links
    index: CrossIndex
    env: jinja2.Environment
    tips: int = 0
    marked: bool = False  # the page's first note says once that the notes are the edition's, and when

    def render(self, name: str, **context: Any) -> str:
        return str(self.env.get_template(f"partials/edition/{name}").render(**context))

    # Why: addresses from the language's one resolver (``edition/text/links.py``).
    def url(self, src_uri: str, anchor: str) -> str:
        page = self.links.find(src_uri)
        if page is None:
            raise PluginError(f"{self.page.file.src_uri}: '{src_uri}' is not part of this build")
        return self.links.page(page, here=self.page.url, anchor=anchor)

    def href(self, target: str) -> str:
        return self.links.href(target, here=self.page.url) or ""

    def law_href(self, anchor: str) -> str:
        return self.url(PAGE_SRC, anchor)

    # Why: a rule as a link to its entry on the page, previewed on hover and focus (xref.html).
    def xref(self, rule: Rule) -> Markup:
        self.tips += 1
        text, quoted = shown_text(rule, self.lang)
        tip = (
            f"{self.labels['quote_open']}{text}{self.labels['quote_close']}"
            if quoted
            else f"{self.labels['law_since_summary']}{self.labels['colon']} {text}"
        )
        link = self.render(
            "xref.html",
            kind="later-rule",
            href=self.law_href(rule.id),
            text=rule.label(self.lang),
            tip_id=f"law-tip-{self.tips}",
            tip_label=rule.label(self.lang),
            tip_text=tip,
            tap_hint=self.labels["xref_tap_again"],
            preview=True,
        )
        return edition_html(link.strip())

    # Why: a regional rule binds or addresses only some States; the notes and crosswalk say which region.
    def region_tag(self, rule: Rule) -> str:
        region = rule.instrument.region
        return self.labels[f"law_since_region_tag_{region}"] if region else ""

    def status_as_of(self) -> str:
        return self.labels["law_since_status_as_of"].format(
            date=format_date(dt.date.fromisoformat(self.law.status_as_of), self.labels)
        )

    # Why: true for the first note rendered on the page only; the later ones point at its mark.
    def take_mark(self) -> bool:
        first = not self.marked
        self.marked = True
        return first

    # Why: the note under one paragraph or provision; empty where the decision is "none".
    def note(self, target: str) -> str:
        if target in self.law.paragraphs:
            decision = self.law.paragraphs[target]
            if not decision.links:
                return ""
            items = [
                {"xref": self.xref(k.rule), "region": self.region_tag(k.rule), "reason": k.reason[self.lang]}
                for k in decision.links
            ]
            return self.render(
                "law-since-note.html",
                labels=self.labels,
                status_as_of=self.status_as_of(),
                items=items,
                status=None,
                page_href=self.law_href(""),
                mark_here=self.take_mark(),
            )
        status = self.law.provisions.get(target)
        if status is None:
            return ""
        items = [{"xref": self.xref(rule), "region": self.region_tag(rule), "reason": ""} for rule in status.later]
        return self.render(
            "law-since-note.html",
            labels=self.labels,
            status_as_of=self.status_as_of(),
            items=items,
            status={"label": self.labels[f"law_since_status_{status.status}"], "note": status.note[self.lang]},
            page_href=self.law_href(""),
            mark_here=self.take_mark(),
        )

    # Why: everything the annex page shows: the crosswalk, then each instrument and its rules.
    def page_context(self) -> dict[str, Any]:
        provisions = self.provisions
        crosswalk = [
            {
                "href": self.href(pid),
                "label": provisions[pid].label.get(self.lang, provisions[pid].label["en"]),
                "status": self.labels[f"law_since_status_{s.status}"],
                "note": s.note[self.lang],
                "later": [{"xref": self.xref(r), "region": self.region_tag(r)} for r in s.later],
            }
            for pid, s in self.law.provisions.items()
        ]
        groups = [
            {
                "id": f"law-since-region-{region}" if region else "law-since-instruments",
                "heading": self.labels[f"law_since_region_{region}" if region else "law_since_instruments"],
                "instruments": [self.instrument_context(inst) for inst in members],
            }
            for region, members in instrument_groups(self.law.instruments.values())
        ]
        return {
            "labels": self.labels,
            "status_as_of": self.status_as_of(),
            "crosswalk": crosswalk,
            "groups": groups,
        }

    # Why: one instrument on the annex page: its facts, whom it binds, and each of its rules.
    def instrument_context(self, inst: LaterInstrument) -> dict[str, Any]:
        index, provisions = self.index, self.provisions
        rules = []
        for rule in (r for r in self.law.rules.values() if r.instrument.id == inst.id):
            text, quoted = shown_text(rule, self.lang)
            rules.append(
                {
                    "id": rule.id,
                    "label": rule.label(self.lang),
                    "text": text,
                    "quoted": quoted,
                    "source_line": rule_source_line(rule, self.lang, self.labels),
                    "paragraphs": [
                        {"number": n, "href": self.href(n)}
                        for n in self.law.paragraphs_of(rule.id)
                        if n in index.guidelines
                    ],
                    "provisions": [
                        {
                            "label": provisions[p].label.get(self.lang, provisions[p].label["en"]),
                            "href": self.href(p),
                        }
                        for p in self.law.provisions_of(rule.id)
                        if p in index.provision_pages and p in provisions
                    ],
                }
            )
        return {
            "id": inst.id,
            "title": inst.title[self.lang],
            "title_official": inst.title_official[self.lang],
            "symbol": inst.symbol,
            "date": date_text(inst.date, self.labels),
            "body": inst.body[self.lang],
            "binds": inst.binds[self.lang] if inst.binds else "",
            "rules": rules,
        }
