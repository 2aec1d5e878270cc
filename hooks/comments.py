"""Contributors' comments under their paragraph or provision, the Comments page with its form, the
exports (logic in ``edition/comments.py``, ``comment_views.py``, ``comment_export.py``).

MkDocs events:

- ``on_config``: the one validation (``edition.comments.check_repository``, as ``make
  check-comments`` runs it) of every file in ``comments/``; all problems are raised together. It
  renders each comment once; the files are read again only when they or ``data/`` change.
- ``on_page_content``: each guideline paragraph and provision has left a place for its comments
  (``<!-- edition:comments IV.b.17 -->``); the place becomes the comment panel. The page whose front
  matter says ``edition: comments-index`` gets the "Write a comment" form (where it says
  ``<!-- edition:comment-form -->``) and the list of all comments; it and the Contact page get the
  editors' address (``extra.editors_email``), or say that none is set.
- ``on_post_build`` (default language only): ``comments.json``, ``comments.csv`` and the schema the
  form checks against (``comment.schema.json``) at the site root.

Every address comes from MkDocs' ``File`` objects (``_link``, ``_page_url``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from edition.comment_export import csv_text, export_rows, json_text
from edition.comment_text import RefSlot
from edition.comment_views import (
    anchor_of,
    by_target,
    comment_context,
    count_label,
    fill,
    form_settings,
    index_sections,
    ref_text,
)
from edition.comments import Comment, check_repository, load_schema
from edition.problems import format_problems

import shared_index
from project import project_registry, project_root
from site_languages import current_language, site_languages

EXPORT_JSON, EXPORT_CSV, SCHEMA_JSON = "comments.json", "comments.csv", "comment.schema.json"
PLACE = "<!-- edition:comments "  # left by guideline.html and provision.html: "<!-- edition:comments ID -->"
FORM_PLACE = "<!-- edition:comment-form -->"  # in docs/<lang>/comments.md, where the form goes
COMMENTS_PAGE, CONTACT_PAGE = "comments.md", "contact.md"


@dataclass
class _State:
    stamp: tuple[float, ...] = ()
    comments: tuple[Comment, ...] = ()
    retired: dict[str, str] = field(default_factory=dict)
    schema: dict[str, Any] = field(default_factory=dict)


_state = _State()
# The theme's templates per language, made once per configuration (making them compiles anew).
_templates: dict[str, jinja2.Environment] = {}


# ---------------------------------------------------------------------------------------------
# Events


def on_config(config: MkDocsConfig) -> None:
    _templates.clear()
    root = project_root(config)
    stamp = tuple(p.stat().st_mtime for p in sorted((root / "comments").glob("*")))
    stamp += tuple(p.stat().st_mtime for p in sorted((root / "data").rglob("*.yml")))
    if stamp == _state.stamp:
        return
    registry = project_registry(config)
    _, default = site_languages(config)
    comments, problems, retired = check_repository(root, registry=registry, reference_docs=root / "docs" / default)
    if problems:
        raise PluginError(format_problems(problems))
    _state.stamp, _state.comments, _state.retired = stamp, tuple(comments), retired
    _state.schema = load_schema(root / "data")


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    is_index = page.meta.get("edition") == "comments-index"
    is_contact = page.file.src_uri.rsplit("/", 1)[-1] == CONTACT_PAGE
    if PLACE not in html and not is_index and not is_contact:
        return html
    lang = current_language(config)
    if lang not in _templates:
        _templates[lang] = config.theme.get_env()
    render = _Renderer(page, config, files, lang, _templates[lang])
    if PLACE in html:
        html = render.panels(html)
    contact = render.template("comment-contact.html", labels=render.labels, email=render.email)
    if is_index:
        if FORM_PLACE not in html:
            raise PluginError(f"{page.file.src_uri}: the Comments page needs the line '{FORM_PLACE}' for the form")
        html = html.replace(FORM_PLACE, render.template("comment-form.html", **render.form_context()) + contact)
        html += render.template("comments-index.html", **render.index_context())
    elif is_contact:
        html += contact
    return html


def on_post_build(config: MkDocsConfig) -> None:
    _, default = site_languages(config)
    if current_language(config) != default:
        return
    site = Path(config.site_dir)
    rows = export_rows(_state.comments)
    (site / EXPORT_JSON).write_text(json_text(rows), encoding="utf-8")
    (site / EXPORT_CSV).write_text(csv_text(rows), encoding="utf-8")
    (site / SCHEMA_JSON).write_text(json.dumps(_state.schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# Helpers


class _Renderer:
    """One page's comment apparatus: its language, its templates, addresses from its ``Files``."""

    def __init__(self, page: Page, config: MkDocsConfig, files: Files, lang: str, env: jinja2.Environment) -> None:
        self.page, self.config, self.files, self.lang, self.env = page, config, files, lang, env
        self.registry = project_registry(config)
        self.labels = self.registry.labels[lang]
        self.email = str(config.extra.get("editors_email") or "").strip()

    def template(self, name: str, **context: Any) -> str:
        return str(self.env.get_template(f"partials/edition/{name}").render(**context))

    # Why: ``[[id]]`` in a comment links to that paragraph or provision in the page's own language.
    def link(self, target: str) -> str | None:
        index = shared_index.current
        target = _state.retired.get(target, target)
        if index is None:
            return None
        if target in index.guidelines:
            src = index.guidelines[target].page
        elif target in index.provision_pages:
            src = index.provision_pages[target]
        else:
            return None
        file = self.files.get_file_from_path(src)
        if file is None:
            return None
        address = "" if file.src_uri == self.page.file.src_uri else file.url_relative_to(self.page.file)
        return f"{address}#{anchor_of(target)}"

    def ref(self, slot: RefSlot) -> str:
        text = ref_text(slot, registry=self.registry, lang=self.lang, retired=_state.retired)
        return self.template("comment-ref.html", href=self.link(slot.target) or "#", text=text)

    # Why: the Comments page's address from this page, with the form's fragment and a target.
    def form_href(self, target: str) -> str:
        how = self._page_url(COMMENTS_PAGE)
        if how is None:
            return "#"
        return f"{get_relative_url(how, self.page.url)}?target={target}#write-a-comment"

    def _page_url(self, src_name: str) -> str | None:
        for file in self.files.documentation_pages():
            if file.src_uri.rsplit("/", 1)[-1] == src_name:
                return file.url
        return None

    def panels(self, html: str) -> str:
        index = shared_index.current
        grouped = by_target(_state.comments)
        for target in [*index.guidelines, *index.provision_pages] if index else []:
            place = f"{PLACE}{target} -->"
            if place not in html:
                continue
            comments = grouped.get(target, [])
            is_guideline = index is not None and target in index.guidelines
            context = {
                "count_label": count_label(len(comments), self.labels),
                "comments": [self._comment(c, target) for c in comments],
                "labels": self.labels,
                "page_lang": self.lang,
                "new_href": self.form_href(target),
                "new_label": self.labels["comment_on_guideline" if is_guideline else "comment_on_provision"],
            }
            html = html.replace(place, self.template("comments.html", **context))
        return html

    def _comment(self, comment: Comment, target: str) -> dict[str, Any]:
        body = fill(comment.rendered, self.ref)
        return comment_context(
            comment, target=target, labels=self.labels, lang=self.lang, retired=_state.retired, body_html=body
        )

    def index_context(self) -> dict[str, Any]:
        return {
            "labels": self.labels,
            "export_csv": get_relative_url(EXPORT_CSV, self.page.url),
            "export_json": get_relative_url(EXPORT_JSON, self.page.url),
            "sections": index_sections(_state.comments, labels=self.labels, lang=self.lang, link=self.link),
        }

    def form_context(self) -> dict[str, Any]:
        index = shared_index.current
        targets = [*index.guidelines, *index.provision_pages] if index else []
        settings = form_settings(
            schema=_state.schema,
            targets=targets,
            repository=str(self.config.extra.get("comments_repository") or ""),
            branch=str(self.config.extra.get("comments_branch") or "main"),
            lang=self.lang,
            labels=self.labels,
        )
        return {"labels": self.labels, "settings": settings, "email": self.email, "page_lang": self.lang}
