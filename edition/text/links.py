"""One answer to "link to this id from here": its page, anchor, label and preview, per language.

Plain data in, no MkDocs: the language's ``CrossIndex`` (the page each paragraph and provision is
on, from the scanned pages), the registry, and each page's address as the generator computed it
(``iv/`` on the website with directory URLs, ``iv.html`` in the offline variant). Every address a
feature writes is relative to the place it is written at (a page's or a data file's address), so
the same site works at any host and from the file system.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from edition.text.crossrefs import CrossIndex
from edition.text.ids import anchor_of
from edition.text.registry import Registry


# Why: MkDocs' rule for one site address seen from another (``mkdocs.utils.get_relative_url``).
def relative_url(url: str, here: str) -> str:
    folder, _, last = here.rpartition("/")
    if "." in last:  # a file's address: its folder is where relative links start
        here = folder
    here_parts, url_parts = _parts(here), _parts(url)
    common = 0
    for a, b in zip(here_parts, url_parts, strict=False):
        if a != b:
            break
        common += 1
    relative = "/".join([".."] * (len(here_parts) - common) + url_parts[common:]) or "."
    return relative + "/" if url.endswith("/") else relative


def _parts(url: str) -> list[str]:
    parts: list[str] = []
    for part in url.split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return parts


# Why: a page's address with a fragment; on the page itself, the fragment alone.
def page_href(url: str, *, here: str, anchor: str = "") -> str:
    if not anchor:
        return relative_url(url, here)
    return f"#{anchor}" if url == here else f"{relative_url(url, here)}#{anchor}"


# Why: an edition's folder below the site root: the default language at the root, others in /<lang>/.
def edition_prefix(lang: str, default: str) -> str:
    return "" if lang == default else f"{lang}/"


@dataclass(frozen=True)
class Target:
    """Where an id lives: its page (source path), the anchor on it, and what kind of thing it is."""

    id: str
    page: str
    anchor: str
    kind: str  # "guideline", "provision" or "instrument"


@dataclass(frozen=True)
class Links:
    """Every paragraph, provision and instrument of one language, reachable from any place of the site."""

    index: CrossIndex
    registry: Registry
    lang: str
    urls: Mapping[str, str]  # a page's source path -> its address, as the generator computed it
    retired: Mapping[str, str] = field(default_factory=dict)  # an old id -> the id that replaced it

    @property
    def labels(self) -> Mapping[str, str]:
        return self.registry.labels.get(self.lang) or self.registry.labels["en"]

    # Why: every paragraph and provision that has a place on a page, in the pages' order.
    @property
    def targets(self) -> list[str]:
        return [*self.index.guidelines, *self.index.provision_pages]

    # Why: a page of this language by its file name ("compare.md"), wherever the language's folder puts it.
    def find(self, name: str) -> str | None:
        return next((page for page in self.urls if page == name or page.endswith("/" + name)), None)

    # Why: an id (or a retired one) to its page and anchor; None when no page of this language holds it.
    def target(self, target: str) -> Target | None:
        target = self.retired.get(target, target)
        if target in self.index.guidelines:
            return Target(target, self.index.guidelines[target].page, anchor_of(target), "guideline")
        if target in self.index.provision_pages:
            return Target(target, self.index.provision_pages[target], target, "provision")
        if target in self.registry.instruments and self.index.instruments_page is not None:
            return Target(target, self.index.instruments_page, target, "instrument")
        return None

    # Why: a page's address from a place (a page's or a data file's address), with a fragment if given.
    def page(self, page: str, *, here: str, anchor: str = "") -> str:
        url = self.urls.get(page)
        if url is None:
            raise KeyError(f"'{page}' is not a page of this build")
        return page_href(url, here=here, anchor=anchor)

    # Why: the one rule for "link to this id from here"; None when the id is on no page.
    def href(self, target: str, *, here: str) -> str | None:
        found = self.target(target)
        if found is None or found.page not in self.urls:
            return None
        return self.page(found.page, here=here, anchor=found.anchor)

    # Why: an id's page read away from the site (an export): from the site's root, after ``root`` (the
    # published address, an edition's folder), without its anchor; None when the id is on no page.
    def address(self, target: str, *, root: str = "") -> str | None:
        found = self.target(target)
        if found is None or found.page not in self.urls:
            return None
        return root + self.urls[found.page]

    # Why: a paragraph by its number, a provision by its label, an instrument by its short name.
    def label(self, target: str) -> str:
        target = self.retired.get(target, target)
        if target in self.registry.provisions:
            label = self.registry.provisions[target].label
            return label.get(self.lang, label["en"])
        if target in self.registry.instruments and target not in self.index.guidelines:
            short = self.registry.instruments[target].short
            return short.get(self.lang, short["en"])
        return target

    # Why: what a link's preview shows: the paragraph's words, the provision quoted, the instrument's source.
    def preview(self, target: str) -> str:
        target = self.retired.get(target, target)
        labels = self.labels
        if target in self.index.guidelines:
            return self.index.guidelines[target].text
        if target in self.registry.provisions:
            text = self.registry.provisions[target].text
            return f"{labels['quote_open']}{text.get(self.lang, text['en'])}{labels['quote_close']}"
        if target in self.registry.instruments:
            return f"{labels['source']}{labels['colon']} {self.registry.instruments[target].source_in(labels)}"
        return ""

    # Why: an instrument's preview names it in full, where its link shows the short name.
    def preview_label(self, target: str) -> str:
        target = self.retired.get(target, target)
        if target in self.registry.instruments and target not in self.registry.provisions:
            title = self.registry.instruments[target].title
            return title.get(self.lang, title["en"])
        return self.label(target) if target in self.registry.provisions else target
