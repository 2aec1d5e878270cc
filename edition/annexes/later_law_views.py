"""What the Law since 2005 annex shows, from ``data/later-law.yml`` (``edition/annexes/later_law.py``): the
note under each paragraph and provision (``law-since-note.html``), the annex page's crosswalk and
instruments (``law-since-page.html``) and the home page's pointer (``law-since-home.html``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from edition.annexes.later_law import (
    LaterInstrument,
    LaterLaw,
    Rule,
    date_text,
    instrument_groups,
    rule_source_line,
    shown_text,
)
from edition.annexes.views import AnnexPage
from edition.frame.formatting import format_date
from edition.shared.places import fill_places, places_in_order
from edition.shared.safe_html import edition_html

PLACE = "<!-- edition:law-since "
PAGE = "law-since-2005.md"


@dataclass
class LaterLawPage:
    """One page's notes and annex, rendered in reading order: previews are numbered, the first note is marked."""

    law: LaterLaw
    page: AnnexPage
    tips: int = 0
    marked: bool = False  # the page's first note says once that the notes are the edition's, and when

    # Why: each place a paragraph or provision left becomes its note (nothing for an unknown id).
    def fill_notes(self, html: str) -> str:
        index = self.page.links.index
        known = {*index.guidelines, *index.provision_pages}
        targets = [t for t in places_in_order(html, prefix=PLACE) if t in known]
        return fill_places(html, prefix=PLACE, targets=targets, render=self.note)

    # Why: the home page's pointer to the annex.
    def home_note(self) -> Markup:
        return edition_html(self.page.template("law-since-home.html", href=self.law_href(""), labels=self.page.labels))

    # Why: the annex page's own part, after what its Markdown says.
    def annex(self) -> str:
        return self.page.template("law-since-page.html", **self.page_context())

    def law_href(self, anchor: str) -> str:
        return self.page.url(PAGE, anchor)

    # Why: a rule as a link to its entry on the page, previewed on hover and focus (xref.html).
    def xref(self, rule: Rule) -> Markup:
        labels, lang = self.page.labels, self.page.lang
        self.tips += 1
        text, quoted = shown_text(rule, lang)
        tip = (
            f"{labels['quote_open']}{text}{labels['quote_close']}"
            if quoted
            else f"{labels['law_since_summary']}{labels['colon']} {text}"
        )
        link = self.page.template(
            "xref.html",
            kind="later-rule",
            href=self.law_href(rule.id),
            text=rule.label(lang),
            tip_id=f"law-tip-{self.tips}",
            tip_label=rule.label(lang),
            tip_text=tip,
            tap_hint=labels["xref_tap_again"],
            preview=True,
        )
        return edition_html(link.strip())

    # Why: a regional rule binds or addresses only some States; the notes and crosswalk say which region.
    def region_tag(self, rule: Rule) -> str:
        region = rule.instrument.region
        return self.page.labels[f"law_since_region_tag_{region}"] if region else ""

    def status_as_of(self) -> str:
        labels = self.page.labels
        return labels["law_since_status_as_of"].format(
            date=format_date(dt.date.fromisoformat(self.law.status_as_of), labels)
        )

    # Why: true for the first note rendered on the page only; the later ones point at its mark.
    def take_mark(self) -> bool:
        first = not self.marked
        self.marked = True
        return first

    # Why: the note under one paragraph or provision; empty where the decision is "none".
    def note(self, target: str) -> str:
        labels, lang = self.page.labels, self.page.lang
        if target in self.law.paragraphs:
            decision = self.law.paragraphs[target]
            if not decision.links:
                return ""
            items = [
                {"xref": self.xref(k.rule), "region": self.region_tag(k.rule), "reason": k.reason[lang]}
                for k in decision.links
            ]
            status = None
        else:
            provision = self.law.provisions.get(target)
            if provision is None:
                return ""
            items = [
                {"xref": self.xref(rule), "region": self.region_tag(rule), "reason": ""} for rule in provision.later
            ]
            status = {"label": labels[f"law_since_status_{provision.status}"], "note": provision.note[lang]}
        return self.page.template(
            "law-since-note.html",
            labels=labels,
            status_as_of=self.status_as_of(),
            items=items,
            status=status,
            page_href=self.law_href(""),
            mark_here=self.take_mark(),
        )

    # Why: everything the annex page shows: the crosswalk, then each instrument and its rules.
    def page_context(self) -> dict[str, Any]:
        labels = self.page.labels
        crosswalk = [
            {
                "href": self.page.href(pid),
                "label": self.page.links.label(pid),
                "status": labels[f"law_since_status_{s.status}"],
                "note": s.note[self.page.lang],
                "later": [{"xref": self.xref(r), "region": self.region_tag(r)} for r in s.later],
            }
            for pid, s in self.law.provisions.items()
        ]
        groups = [
            {
                "id": f"law-since-region-{region}" if region else "law-since-instruments",
                "heading": labels[f"law_since_region_{region}" if region else "law_since_instruments"],
                "instruments": [self.instrument_context(inst) for inst in members],
            }
            for region, members in instrument_groups(self.law.instruments.values())
        ]
        return {"labels": labels, "status_as_of": self.status_as_of(), "crosswalk": crosswalk, "groups": groups}

    # Why: one instrument on the annex page: its facts, whom it binds, and each of its rules.
    def instrument_context(self, inst: LaterInstrument) -> dict[str, Any]:
        lang, links = self.page.lang, self.page.links
        rules = []
        for rule in (r for r in self.law.rules.values() if r.instrument.id == inst.id):
            text, quoted = shown_text(rule, lang)
            rules.append(
                {
                    "id": rule.id,
                    "label": rule.label(lang),
                    "text": text,
                    "quoted": quoted,
                    "source_line": rule_source_line(rule, lang, self.page.labels),
                    "paragraphs": [
                        {"number": n, "href": self.page.href(n)}
                        for n in self.law.paragraphs_of(rule.id)
                        if n in links.index.guidelines
                    ],
                    "provisions": [
                        {"label": links.label(p), "href": self.page.href(p)}
                        for p in self.law.provisions_of(rule.id)
                        if p in links.index.provision_pages and p in links.registry.provisions
                    ],
                }
            )
        return {
            "id": inst.id,
            "title": inst.title[lang],
            "title_official": inst.title_official[lang],
            "symbol": inst.symbol,
            "date": date_text(inst.date, self.page.labels),
            "body": inst.body[lang],
            "binds": inst.binds[lang] if inst.binds else "",
            "rules": rules,
        }
