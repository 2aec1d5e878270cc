"""The comments on the website, seen from one place of one language's site (a ``Place``: a page, or a
target's comment file): the panel under each paragraph and provision, each target's comment file,
the Comments page (its list, filters and form) and the Disposition page.

Every address comes from the link resolver (``edition/text/links.py``) and is relative to the place;
HTML comes from the edition's templates through ``render`` (the caller's template environment); what
each template is given is decided in ``views.py``. No MkDocs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol

from edition.comments.data import data_script
from edition.comments.export import EXPORT_CSV, EXPORT_JSON
from edition.comments.store import Comment
from edition.comments.text import RefSlot
from edition.comments.views import (
    awaiting_count,
    browse_rows,
    comment_context,
    data_path,
    disposition_context,
    disposition_groups,
    disposition_href,
    fill,
    form_settings,
    index_context,
    panel_context,
    passage_mark,
    ref_text,
    target_label,
)
from edition.downloads.edition_data import TEXTS
from edition.shared.places import fill_places
from edition.shared.safe_html import edition_html
from edition.text.links import Links, relative_url

PLACE = "<!-- edition:comments "  # left by guideline.html and provision.html: "<!-- edition:comments ID -->"
COMMENTS_PAGE, DISPOSITIONS_PAGE = "comments.md", "dispositions.md"
FORM_ANCHOR, EXPORT_ANCHOR = "write-a-comment", "comments-export"  # on the Comments page
INDEX, DISPOSITIONS = "comments-index", "dispositions"  # the two pages' kinds (front matter ``edition:``)


@dataclass(frozen=True)
class PageAssets:
    """The stylesheet and script one kind of page alone loads: every other page's first view is lighter
    without them. The stylesheet goes in the page's head (overrides/main.html); the script after what it
    acts on (the page's partial)."""

    stylesheet: str
    script: str


PAGE_ASSETS: Mapping[str, PageAssets] = {
    INDEX: PageAssets(stylesheet="assets/stylesheets/comment-form.css", script="assets/javascripts/comment-form.js"),
    DISPOSITIONS: PageAssets(
        stylesheet="assets/stylesheets/dispositions.css", script="assets/javascripts/dispositions.js"
    ),
}


# Why: a page's front matter is a pull request's to write: ``edition:`` may be anything, a list too.
def own_stylesheet(kind: object) -> str | None:
    return PAGE_ASSETS[kind].stylesheet if isinstance(kind, str) and kind in PAGE_ASSETS else None


class Render(Protocol):
    """A template of ``partials/edition/`` by its file name, filled with the given values."""

    def __call__(self, name: str, /, **context: Any) -> str: ...


@dataclass(frozen=True)
class Place:
    """One place of one language's site, and how comments link from it."""

    links: Links  # the language's resolver, with the ids the comments' targets retired
    here: str  # the place's address below the site's root
    prefix: str  # the language's edition below the site's root: "" for the default one, "fr/"

    @property
    def lang(self) -> str:
        return self.links.lang

    @property
    def labels(self) -> Mapping[str, str]:
        return self.links.registry.labels[self.lang]

    # Why: the same language's resolver, from another place (each target's comment file).
    def at(self, here: str) -> Place:
        return replace(self, here=here)

    # Why: a comment is on a paragraph or a provision, and its ``[[id]]`` links to one; never to an instrument.
    def link(self, target: str) -> str | None:
        found = self.links.target(target)
        if found is None or found.kind == "instrument":
            return None
        return self.links.href(target, here=self.here)

    def label(self, target: str) -> str:
        return target_label(target, registry=self.links.registry, lang=self.lang)

    # Why: a target's comment file, in this language's edition, from this place.
    def data_src(self, target: str) -> str:
        return relative_url(self.prefix + data_path(target), self.here)

    # Why: a file at the site's root, shared by every edition (the exports, the data documents, a script).
    def root_file(self, path: str) -> str:
        return relative_url(path, self.here)

    # Why: the Comments page's form, opened on a target; "#" when this language has no Comments page.
    def form_href(self, target: str) -> str:
        page = self._page(COMMENTS_PAGE)
        return "#" if page is None else f"{page}?target={target}#{FORM_ANCHOR}"

    def export_href(self) -> str:
        return self._page(COMMENTS_PAGE, anchor=EXPORT_ANCHOR) or "#"

    def disposition_href(self, target: str) -> str | None:
        page = self._page(DISPOSITIONS_PAGE)
        return None if page is None else disposition_href(page, target)

    # Why: one of this language's pages by its file name, wherever its folder puts it; None if it has none.
    def _page(self, name: str, *, anchor: str = "") -> str | None:
        found = self.links.find(name)
        return None if found is None else self.links.page(found, here=self.here, anchor=anchor)


# Why: each place a paragraph or provision left for its comments becomes its panel: the count, the
# file to load, where to write one, and how many accepted comments await the next draft.
def panels(html: str, *, place: Place, by_target: Mapping[str, Sequence[Comment]], render: Render) -> str:
    guidelines = place.links.index.guidelines

    def panel(target: str) -> str:
        on_target = by_target.get(target, ())
        context = panel_context(
            target,
            count=len(on_target),
            awaiting=awaiting_count(on_target),
            awaiting_href=place.disposition_href(target),
            labels=place.labels,
            src=place.data_src(target),
            export_href=place.export_href(),
            new_href=place.form_href(target),
            guideline=target in guidelines,
        )
        return render("comments.html", **context)

    return fill_places(html, prefix=PLACE, targets=place.links.targets, render=panel)


# Why: one file per commented target in this language (its path below the site's root, its text): its
# comments rendered, each ``[[id]]`` linked from the file, with the facets the Comments page filters on.
def comment_files(
    by_target: Mapping[str, Sequence[Comment]], *, place: Place, render: Render
) -> Iterator[tuple[str, str]]:
    for target, comments in by_target.items():
        path = place.prefix + data_path(target)
        yield path, comment_file(target, comments, place=place.at(path), render=render)


def comment_file(target: str, comments: Iterable[Comment], *, place: Place, render: Render) -> str:
    lang, labels, retired = place.lang, place.labels, place.links.retired

    def ref(slot: RefSlot) -> str:
        text = ref_text(slot, registry=place.links.registry, lang=lang, retired=retired)
        return render("comment-ref.html", href=place.link(slot.target) or "#", text=text)

    articles = []
    for comment in comments:
        body = edition_html(fill(comment.rendered, ref))
        c = comment_context(comment, target=target, labels=labels, lang=lang, retired=retired, body_html=body)
        html = render("comment-article.html", c=c, labels=labels, page_lang=lang)
        facets: dict[str, Any] = {"status": comment.status, "kind": comment.kind, "language": comment.language}
        mark = passage_mark(comment, lang=lang)
        if mark is not None:
            facets["mark"] = mark
        articles.append({"id": c["id"], "date": comment.date, "html": html, **facets})
    return data_script(target=target, lang=lang, articles=articles)


# Why: the Comments page's list and filters: counts and facets per commented target, no comment text.
def browse_context(comments: Sequence[Comment], *, place: Place, schema: Mapping[str, Any]) -> dict[str, Any]:
    rows = browse_rows(
        comments, targets=place.links.targets, link=place.link, data_src=place.data_src, label=place.label
    )
    exports = (place.root_file(EXPORT_CSV), place.root_file(EXPORT_JSON))
    return index_context(comments, schema=schema, labels=place.labels, rows=rows, exports=exports)


# Why: the "Write a comment" form: its words, and what it checks a comment against before it is sent
# (``repository`` and ``branch``: where the form proposes the file; ``version``: the edition's).
def form_context(
    *,
    place: Place,
    schema: Mapping[str, Any],
    repository: str,
    branch: str,
    placeholders: Iterable[str],
    version: str,
    email: str,
) -> dict[str, Any]:
    settings = form_settings(
        schema=schema,
        targets=place.links.targets,
        repository=repository,
        branch=branch,
        lang=place.lang,
        labels=place.labels,
        placeholders=placeholders,
        version=version,
        texts=place.root_file(TEXTS.format(lang=place.lang)),
    )
    script = place.root_file(PAGE_ASSETS[INDEX].script)
    return {"labels": place.labels, "settings": settings, "email": email, "page_lang": place.lang, "script": script}


# Why: the Disposition page: every published comment under its targets, with the editors' decision.
def dispositions_context(comments: Sequence[Comment], *, place: Place) -> dict[str, Any]:
    groups = disposition_groups(
        comments,
        targets=place.links.targets,
        labels=place.labels,
        lang=place.lang,
        link=place.link,
        label=place.label,
    )
    script = place.root_file(PAGE_ASSETS[DISPOSITIONS].script)
    return disposition_context(comments, labels=place.labels, groups=groups, script=script)
