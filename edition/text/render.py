"""Cross-references, phase two: the edition's HTML for each directive and reference of a page.

Markdown calls these through the extension ``edition/text/markdown_syntax.py``. The HTML itself
comes from templates (``overrides/partials/edition/*.html``) through ``templates``; addresses come
from the one link resolver (``edition/text/links.py``). Nothing here knows about MkDocs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from edition.annexes.source_line import source_line
from edition.shared.safe_html import edition_htmls, page_markdown
from edition.text.crossrefs import CrossIndex
from edition.text.ids import guideline_anchor
from edition.text.links import Links
from edition.text.registry import Registry, TextSource


class Templates(Protocol):
    """Renders one of the edition's templates by name."""

    def __call__(self, name: str, /, **context: Any) -> str: ...


# Why: HTML blocks must sit on consecutive lines or Markdown would end them early.
def one_block(markup: str) -> str:
    return "\n".join(line.strip() for line in markup.splitlines() if line.strip())


@dataclass
class PageRenderer:
    """Renders the references and directives of one page in one language."""

    index: CrossIndex
    registry: Registry
    lang: str
    templates: Templates
    links: Links
    here: str  # the page's own address
    _tips: int = field(default=0, init=False)
    made: list[tuple[str, str]] = field(default_factory=list, init=False)  # each directive and reference made

    @property
    def labels(self) -> Mapping[str, str]:
        return self.registry.labels.get(self.lang) or self.registry.labels["en"]

    # Why: one reference as a link whose target text shows on hover and focus; ``label_html`` is the
    # reference's own words as Markdown rendered them.
    def xref(self, target: str, label_html: str | None = None, *, preview: bool = True) -> str:
        self._tips += 1
        tip_id = f"xref-tip-{self._tips}"
        found = self.links.target(target)
        assert found is not None  # the index has checked every reference of every page
        href, kind = self.links.page(found.page, here=self.here, anchor=found.anchor), found.kind
        text = self.links.label(target)
        tip_label, tip_text = self.links.preview_label(target), self.links.preview(target)
        return one_block(
            self.templates(
                "xref.html",
                kind=kind,
                href=href,
                text=text if label_html is None else page_markdown(label_html),
                tip_id=tip_id,
                tip_label=tip_label,
                tip_text=tip_text,
                tap_hint=self.labels["xref_tap_again"],
                preview=preview,
            )
        ).replace("\n", "")

    # Why: quotation marks are the language's own, not part of the registry text.
    def quote(self, text: str) -> str:
        return f"{self.labels['quote_open']}{text}{self.labels['quote_close']}"

    # Why: what stands before a guideline paragraph's text: its anchor, aliases and number.
    def guideline_head(self, number: str) -> str:
        return one_block(self._guideline(number, rests_on=[]).partition("<!-- body -->")[0])

    # Why: what follows its text: the provisions it rests on and the places for the edition's notes.
    def guideline_tail(self, number: str) -> str:
        rests = [self.xref(pid) for pid in self.index.guidelines[number].rests_on]
        return one_block(self._guideline(number, rests_on=rests).partition("<!-- body -->")[2])

    def _guideline(self, number: str, *, rests_on: list[str]) -> str:
        anchor = guideline_anchor(number)
        return self.templates(
            "guideline.html",
            number=number,
            anchor=anchor,
            aliases=[guideline_anchor(old) for old, new in self.registry.retired.items() if new == number],
            permalink_label=self.labels["guideline_permalink"].format(number=number),
            rests_on_label=self.labels["rests_on"],
            colon=self.labels["colon"],
            rests_on=edition_htmls(rests_on),
        )

    # Why: a provision quoted in place, with its source and the guidelines citing it.
    def provision(self, pid: str) -> str:
        provision = self.registry.provisions[pid]
        label = provision.label.get(self.lang, provision.label["en"])
        # Lists of paragraph numbers link without previews: they would repeat whole paragraphs.
        cited = [self.xref(n, preview=False) for n in self.index.cited_by.get(pid, [])]
        return one_block(
            self.templates(
                "provision.html",
                id=pid,
                aliases=[old for old, new in self.registry.retired.items() if new == pid],
                label=label,
                text=self.quote(provision.text.get(self.lang, provision.text["en"])),
                source=provision.source_in(self.labels),
                note=provision.note.get(self.lang, ""),
                official=provision.official.get(self.lang, True),
                text_source=text_source_line(provision.source_text.get(self.lang), self.labels),
                lang=self.lang,
                labels=self.labels,
                permalink_label=self.labels["provision_permalink"].format(label=label),
                cited_by=edition_htmls(cited),
            )
        )

    # Why: the list closing part II, each instrument linked to the provisions quoted from it.
    def instruments(self) -> str:
        items = []
        for instrument in self.registry.instruments.values():
            if not instrument.listed:
                continue
            links = [self.xref(p.id) for p in self.registry.provisions_of(instrument.id)]
            items.append(
                {
                    "id": instrument.id,
                    "name": instrument.listed_as.get(self.lang, instrument.listed_as["en"]),
                    "provisions": edition_htmls(links),
                }
            )
        return one_block(
            self.templates(
                "instruments.html",
                items=items,
                provisions_label=self.labels["provisions_of"],
                colon=self.labels["colon"],
            )
        )


# Why: the template gets the reader's line for a translated quotation, or nothing (English).
def text_source_line(source: TextSource | None, labels: Mapping[str, str]) -> str | None:
    if source is None:
        return None
    return source_line(
        labels,
        symbol=source.symbol,
        compared=source.compared,
        reproduced_by=source.reproduced_by,
        not_compared="source_not_compared",
    )
