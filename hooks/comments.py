"""Contributors' comments under their paragraph or provision, the Comments page with its form, the
exports (logic in ``edition/comments/store.py``, ``comment_views.py``, ``comment_export.py``).

Called by the adapter (``hooks/build.py``), in the order of the events:

- ``read_and_check`` (``on_config``): the one validation (``edition.comments.store.check_repository``, as ``make
  check-comments`` runs it) of every file in ``comments/``; all problems are raised together. It
  renders each comment once; the files are read again only when the digest of their bytes, of
  ``data/``, of the ids comments may target or of the code changes, and a file checked before in
  that same context is not checked again (a memo kept as
  JSON in the product cache: the offline variant, the next build and `mkdocs serve` use it).
- ``write_data_files`` (``on_env``): one file per commented paragraph or provision in this language
  (``comments/on/iv-b-17.js``, ``edition/comments/data.py``): its comments rendered from
  ``comment-article.html``, loaded by a panel when a reader opens it, and by the Comments page's
  filters. The pages themselves carry no comment text, so they weigh the same with 10,000
  comments as with none, and comments stay out of the guidelines' search. The offline variant
  writes none: ``hooks/edition_outputs.py`` copies the website's into it, relinked.
- ``add_form`` (``on_page_content``): the page whose front matter says ``edition: dispositions`` gets
  the table of every published comment with the editors' decision (``dispositions.html``, its own
  script). The page whose front matter says ``edition: comments-index`` gets the
  "Write a comment" form (where it says ``<!-- edition:comment-form -->``), the counts per
  paragraph and the filters; it and the Contact page get the editors' address (``extra.editors_email``), or say
  that none is set.
- ``add_panels`` (``on_page_context``, once Material's search plugin has read the page: panels are
  not for search): each guideline paragraph and provision has left a place for its
  comments (``<!-- edition:comments IV.b.17 -->``); the place becomes the panel: the count and the
  file to load.
- ``write_exports`` (``on_post_build``, default language only): ``comments.json``, ``comments.csv``, the W3C Web
  Annotation collection ``comments.jsonld`` (``edition/comments/annotations.py``) and the schema the
  form checks against (``comment.schema.json``) at the site root; not in the offline variant, whose
  ZIPs take the website's exports (the same bytes; ``hooks/every_language.py``).

Every address comes from MkDocs' ``File`` objects (``_Links``, ``_Renderer``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import edition
from edition.comments.annotations import annotation_collection
from edition.comments.data import data_script
from edition.comments.export import csv_text, export_rows, json_text
from edition.comments.store import (
    check_repository,
    known_targets,
    load_schema,
    memo_from_json,
    memo_json,
    template_placeholders,
)
from edition.comments.text import RefSlot
from edition.comments.views import (
    awaiting_count,
    browse_rows,
    by_target,
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
from edition.shared.digests import digest
from edition.shared.places import fill_places
from edition.shared.problems import format_problems
from edition.shared.safe_html import edition_html
from edition.text.links import page_href, relative_url

from build_state import BuildState, KeptComments
from project import product_cache, project_facts, project_registry, project_root
from site_languages import current_language, edition_prefix, site_languages
from site_links import site_links
from site_variant import offline_variant

EXPORT_JSON, EXPORT_CSV, SCHEMA_JSON = "comments.json", "comments.csv", "comment.schema.json"
EXPORT_ANNOTATIONS = "comments.jsonld"
PLACE = "<!-- edition:comments "  # left by guideline.html and provision.html: "<!-- edition:comments ID -->"
FORM_PLACE = "<!-- edition:comment-form -->"  # in docs/<lang>/comments.md, where the form goes
COMMENTS_PAGE, CONTACT_PAGE, DISPOSITIONS_PAGE = "comments.md", "contact.md", "dispositions.md"
DISPOSITIONS_SCRIPT = "assets/javascripts/dispositions.js"  # loaded by the Disposition page only
CHECKED = "checked-comments.json"  # in the product cache (hooks/project.py)


# ---------------------------------------------------------------------------------------------
# Events


def read_and_check(config: MkDocsConfig, *, state: BuildState) -> None:
    root = project_root(config)
    context = _context(config, root, state=state)
    key = digest(files=(root / "comments").glob("*"), root=root, settings=[context])
    state.loaded.comments_kept.get(key, lambda: _checked(config, root, context=context, state=state))


def write_data_files(config: MkDocsConfig, files: Files, *, state: BuildState) -> None:
    lang = current_language(config)
    index = state.language(lang).index
    if index is None or offline_variant(config):  # the offline edition takes the website's
        return
    _, default = site_languages(config)
    prefix = edition_prefix(lang, default)
    registry = project_registry(config, state)
    labels = registry.labels[lang]
    article = state.language(lang).templates(config).get_template("partials/edition/comment-article.html")
    for target, comments in state.loaded.comments.by_target.items():
        here = prefix + data_path(target)
        links = _Links(files, config=config, lang=lang, here=here, state=state)
        articles = []
        for comment in comments:
            body = fill(comment.rendered, links.ref)
            c = comment_context(
                comment,
                target=target,
                labels=labels,
                lang=lang,
                retired=state.loaded.comments.retired,
                body_html=edition_html(body),
            )
            html = article.render(c=c, labels=labels, page_lang=lang)
            facets: dict[str, Any] = {"status": comment.status, "kind": comment.kind, "language": comment.language}
            mark = passage_mark(comment, lang=lang)
            if mark is not None:
                facets["mark"] = mark
            articles.append({"id": c["id"], "date": comment.date, "html": html, **facets})
        out = Path(config.site_dir) / here
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(data_script(target=target, lang=lang, articles=articles), encoding="utf-8")


def add_form(html: str, page: Page, config: MkDocsConfig, files: Files, *, state: BuildState) -> str:
    if page.meta.get("edition") == "dispositions":  # every comment with what the editors decided
        render = _Renderer(page, config, files, state=state)
        groups = disposition_groups(
            state.loaded.comments.comments,
            targets=render.links.links.targets,
            labels=render.labels,
            lang=render.lang,
            link=render.links.link,
            label=lambda target: target_label(target, registry=render.registry, lang=render.lang),
        )
        script = relative_url(DISPOSITIONS_SCRIPT, page.url)
        context = disposition_context(
            state.loaded.comments.comments, labels=render.labels, groups=groups, script=script
        )
        return html + render.template("dispositions.html", **context)
    is_index = page.meta.get("edition") == "comments-index"
    is_contact = page.file.src_uri.rsplit("/", 1)[-1] == CONTACT_PAGE
    if not is_index and not is_contact:
        return html
    render = _Renderer(page, config, files, state=state)
    contact = render.template("comment-contact.html", labels=render.labels, email=render.email, below_form=is_index)
    if is_index:
        if FORM_PLACE not in html:
            raise PluginError(f"{page.file.src_uri}: the Comments page needs the line '{FORM_PLACE}' for the form")
        html = html.replace(FORM_PLACE, render.template("comment-form.html", **render.form_context()) + contact)
        html += render.template("comments-index.html", **render.index_context())
    elif is_contact:
        html += contact
    return html


# Why: the panels go in once search has read the page (the adapter's ``on_page_context``): they are not for search.
def add_panels(page: Page, config: MkDocsConfig, *, state: BuildState) -> None:
    files = state.language(current_language(config)).files
    if page.content is not None and PLACE in page.content and files is not None:
        page.content = _Renderer(page, config, files, state=state).panels(page.content)


def write_exports(config: MkDocsConfig, *, state: BuildState) -> None:
    _, default = site_languages(config)
    if current_language(config) != default or offline_variant(config):  # the ZIPs take the website's exports
        return
    site = Path(config.site_dir)
    rows = export_rows(state.loaded.comments.comments)
    (site / EXPORT_JSON).write_text(json_text(rows), encoding="utf-8")
    (site / EXPORT_CSV).write_text(csv_text(rows), encoding="utf-8")
    annotations = annotation_collection(
        state.loaded.comments.comments,
        address=_page_address(config, default, state=state),
        collection=config.site_url + EXPORT_ANNOTATIONS if config.site_url else EXPORT_ANNOTATIONS,
        version_date=project_facts(config, state).date,
    )
    (site / EXPORT_ANNOTATIONS).write_text(
        json.dumps(annotations, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    (site / SCHEMA_JSON).write_text(
        json.dumps(state.loaded.comments.schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )


# ---------------------------------------------------------------------------------------------
# Helpers


# Why: a paragraph's or provision's page in a language, from the site's root (absolute with the
# site's address): every edition has the default edition's pages under its prefix.
def _page_address(config: MkDocsConfig, default: str, *, state: BuildState) -> Callable[[str, str], str | None]:
    index, files = state.language(default).index, state.language(default).files

    def address(target: str, lang: str) -> str | None:
        src = None
        if index is not None and target in index.guidelines:
            src = index.guidelines[target].page
        elif index is not None:
            src = index.provision_pages.get(target)
        file = state.language(default).file(files, src) if src and files is not None else None
        if file is None:
            return None
        return (config.site_url or "") + edition_prefix(lang, default) + file.url

    return address


# Why: what checking a comment file depends on besides its bytes: the data, the pages, the ids, the code.
def _context(config: MkDocsConfig, root: Path, *, state: BuildState) -> str:
    _, default = site_languages(config)
    code = Path(edition.__file__).parent
    code_version = digest(files=code.rglob("*.py"), root=code)
    targets = sorted(known_targets(project_registry(config, state), root / "docs" / default))
    # Every language's pages too: a comment's passage is found in the text of its language.
    inputs = [*(root / "data").rglob("*.yml"), *(root / "docs").rglob("*.md")]
    return digest(files=inputs, root=root, settings=[code_version, *targets])


# Why: 1,000 comments checked afresh took 2–9 s here, with the memo 0.3–0.6 s (scripts/cache_layers.py); the
# offline variant and the next build (or `mkdocs serve`) check only files not checked before in the same context.
def _checked(config: MkDocsConfig, root: Path, *, context: str, state: BuildState) -> KeptComments:
    _, default = site_languages(config)
    cache = product_cache(config)
    kept = cache.get(CHECKED, context)
    memo = memo_from_json(kept.decode("utf-8")) if kept is not None else {}
    before = set(memo)
    registry = project_registry(config, state)
    found, problems, retired = check_repository(
        root, registry=registry, reference_docs=root / "docs" / default, memo=memo
    )
    if problems:
        raise PluginError(format_problems(problems))
    if set(memo) != before:
        cache.put(CHECKED, context, memo_json(memo).encode("utf-8"))
    comments = tuple(found)
    return KeptComments(comments, retired, load_schema(root / "data"), by_target(comments))


class _Links:
    """Addresses of paragraphs and provisions from one place (a page or a comment file): ``Links``."""

    def __init__(self, files: Files, *, config: MkDocsConfig, lang: str, here: str, state: BuildState) -> None:
        self.config, self.lang, self.here, self.state = config, lang, here, state
        self.registry = project_registry(config, self.state)
        self.links = site_links(config, files, lang=lang, state=state, retired=state.loaded.comments.retired)

    # Why: ``[[id]]`` in a comment links to that paragraph or provision in the reader's language.
    def link(self, target: str) -> str | None:
        found = self.links.target(target)
        if found is None or found.kind == "instrument":
            return None
        return self.links.href(target, here=self.here)

    def ref(self, slot: RefSlot) -> str:
        text = ref_text(slot, registry=self.registry, lang=self.lang, retired=self.state.loaded.comments.retired)
        template = (
            self.state.language(self.lang).templates(self.config).get_template("partials/edition/comment-ref.html")
        )
        return str(template.render(href=self.link(slot.target) or "#", text=text))


class _Renderer:
    """One page's comment apparatus: its language, its templates, addresses from its ``Files``."""

    def __init__(self, page: Page, config: MkDocsConfig, files: Files, *, state: BuildState) -> None:
        self.page, self.config, self.files, self.state = page, config, files, state
        self.lang = current_language(config)
        self.env = self.state.language(self.lang).templates(config)
        self.registry = project_registry(config, self.state)
        self.labels = self.registry.labels[self.lang]
        self.email = str(config.extra.get("editors_email") or "").strip()
        self.links = _Links(files, config=config, lang=self.lang, here=page.url, state=state)
        _, default = site_languages(config)
        self.prefix = edition_prefix(self.lang, default)
        found = self.links.links.find(COMMENTS_PAGE)  # wherever this language's files put it
        self.comments_url = self.links.links.urls[found] if found else None

    def template(self, name: str, **context: Any) -> str:
        return str(self.env.get_template(f"partials/edition/{name}").render(**context))

    # Why: the Comments page's address from this page, with the form's fragment and a target.
    def form_href(self, target: str) -> str:
        how = self.comments_url
        return "#" if how is None else f"{relative_url(how, self.page.url)}?target={target}#write-a-comment"

    def export_href(self) -> str:
        how = self.comments_url
        return "#" if how is None else page_href(how, here=self.page.url, anchor="comments-export")

    def disposition_href(self, target: str) -> str | None:
        found = self.links.links.find(DISPOSITIONS_PAGE)
        return (
            None
            if found is None
            else disposition_href(relative_url(self.links.links.urls[found], self.page.url), target)
        )

    def data_src(self, target: str) -> str:
        return relative_url(self.prefix + data_path(target), self.page.url)

    def panels(self, html: str) -> str:
        links = self.links.links
        grouped = self.state.loaded.comments.by_target

        def panel(target: str) -> str:
            context = panel_context(
                target,
                count=len(grouped.get(target, ())),
                awaiting=awaiting_count(grouped.get(target, ())),
                awaiting_href=self.disposition_href(target),
                labels=self.labels,
                src=self.data_src(target),
                export_href=self.export_href(),
                new_href=self.form_href(target),
                guideline=target in guidelines,
            )
            return self.template("comments.html", **context)

        guidelines = links.index.guidelines
        return fill_places(html, prefix=PLACE, targets=links.targets, render=panel)

    def index_context(self) -> dict[str, Any]:
        targets = self.links.links.targets
        rows = browse_rows(
            self.state.loaded.comments.comments,
            targets=targets,
            link=self.links.link,
            data_src=self.data_src,
            label=lambda target: target_label(target, registry=self.registry, lang=self.lang),
        )
        return index_context(
            self.state.loaded.comments.comments,
            schema=self.state.loaded.comments.schema,
            labels=self.labels,
            rows=rows,
            exports=(relative_url(EXPORT_CSV, self.page.url), relative_url(EXPORT_JSON, self.page.url)),
        )

    def form_context(self) -> dict[str, Any]:
        targets = self.links.links.targets
        settings = form_settings(
            schema=self.state.loaded.comments.schema,
            targets=targets,
            repository=str(self.config.extra.get("comments_repository") or ""),
            branch=str(self.config.extra.get("comments_branch") or "main"),
            lang=self.lang,
            labels=self.labels,
            placeholders=template_placeholders(self.registry),
            version=project_facts(self.config, self.state).version,
            texts=relative_url(f"data/edition-{self.lang}.json", self.page.url),
        )
        return {"labels": self.labels, "settings": settings, "email": self.email, "page_lang": self.lang}
