"""Cross-references, phase two: turn a scanned page back into Markdown with the edition's HTML.

The HTML itself comes from templates (``overrides/partials/edition/*.html``) through ``templates``;
URLs come from ``url_for``, which the generator computes from its own page objects. Nothing here
knows about MkDocs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from markupsafe import Markup

from edition.annexes.source_line import source_line
from edition.shared.held_html import token
from edition.shared.safe_html import edition_htmls, markdown_inert, page_markdown
from edition.text.crossrefs import CrossIndex
from edition.text.ids import guideline_anchor
from edition.text.links import Links
from edition.text.registry import Registry, TextSource
from edition.text.syntax import GuidelineBlock, InstrumentsBlock, ProvisionBlock, ScannedPage, Text, replace_refs


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
    held: list[str] = field(default_factory=list, init=False)  # blocks put back after Markdown (held_html.py)

    @property
    def labels(self) -> Mapping[str, str]:
        return self.registry.labels.get(self.lang) or self.registry.labels["en"]

    # Why: one reference as a link whose target text shows on hover and focus.
    def xref(self, target: str, label: str | None, *, inline_markdown: bool = True, preview: bool = True) -> str:
        self._tips += 1
        tip_id = f"xref-tip-{self._tips}"
        # Inside Markdown, every value is made literal for Markdown too; else the template escapes it.
        escape: Callable[[str], str | Markup] = markdown_inert if inline_markdown else str
        found = self.links.target(target)
        assert found is not None  # the index has checked every reference of every page
        href, kind = self.links.page(found.page, here=self.here, anchor=found.anchor), found.kind
        text, tip_label, tip_text = (
            label or self.links.label(target),
            self.links.preview_label(target),
            self.links.preview(target),
        )
        link_text = page_markdown(text) if label is not None and inline_markdown else escape(text)
        return one_block(
            self.templates(
                "xref.html",
                kind=kind,
                href=href,
                text=link_text,
                tip_id=tip_id,
                tip_label=escape(tip_label),
                tip_text=escape(tip_text),
                tap_hint=self.labels["xref_tap_again"],
                preview=preview,
            )
        ).replace("\n", "")

    # Why: quotation marks are the language's own, not part of the registry text.
    def quote(self, text: str) -> str:
        return f"{self.labels['quote_open']}{text}{self.labels['quote_close']}"

    # Why: a guideline paragraph with its number, permalink and the provisions it rests on.
    def guideline(self, block: GuidelineBlock) -> str:
        entry = self.index.guidelines[block.number]
        anchor = guideline_anchor(block.number)
        body = replace_refs(block.body, self.xref)
        rests = [self.xref(pid, None, inline_markdown=False) for pid in entry.rests_on]
        markup = self.templates(
            "guideline.html",
            number=block.number,
            anchor=anchor,
            aliases=[guideline_anchor(old) for old, new in self.registry.retired.items() if new == block.number],
            permalink_label=self.labels["guideline_permalink"].format(number=block.number),
            rests_on_label=self.labels["rests_on"],
            colon=self.labels["colon"],
            rests_on=edition_htmls(rests),
        )
        head, _, tail = markup.partition("<!-- body -->")
        return f"{self.hold(head)}{body}{self.hold(tail)}"

    # Why: Markdown need not parse the edition's HTML again; it carries a token, replaced afterwards.
    def hold(self, markup: str) -> str:
        self.held.append(one_block(markup))
        return token(len(self.held) - 1)

    # Why: a provision quoted in place, with its source and the guidelines citing it.
    def provision(self, block: ProvisionBlock) -> str:
        provision = self.registry.provisions[block.id]
        label = provision.label.get(self.lang, provision.label["en"])
        # Lists of paragraph numbers link without previews: they would repeat whole paragraphs.
        cited = [
            self.xref(n, None, inline_markdown=False, preview=False) for n in self.index.cited_by.get(block.id, [])
        ]
        return self.hold(
            self.templates(
                "provision.html",
                id=block.id,
                aliases=[old for old, new in self.registry.retired.items() if new == block.id],
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
    def instruments(self, block: InstrumentsBlock) -> str:
        items = []
        for instrument in self.registry.instruments.values():
            if not instrument.listed:
                continue
            links = [self.xref(p.id, None, inline_markdown=False) for p in self.registry.provisions_of(instrument.id)]
            items.append(
                {
                    "id": instrument.id,
                    "name": instrument.listed_as.get(self.lang, instrument.listed_as["en"]),
                    "provisions": edition_htmls(links),
                }
            )
        return self.hold(
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


# Why: the page's Markdown with every directive and reference replaced by the edition's HTML.
def render_page(page: ScannedPage, renderer: PageRenderer) -> str:
    out: list[str] = []
    for segment in page.segments:
        if isinstance(segment, Text):
            text = segment.text
            out.append(replace_refs(text, renderer.xref) if "[[" in text and not segment.code else text)
        elif isinstance(segment, GuidelineBlock):
            out.append(renderer.guideline(segment))
        elif isinstance(segment, ProvisionBlock):
            out.append(renderer.provision(segment))
        else:
            out.append(renderer.instruments(segment))
    return "\n".join(out)
