"""Contributors' comments under their paragraph or provision, a Comments page, an export (logic in
``edition/comments.py``).

MkDocs events:

- ``on_config``: reads and validates every file in ``comments/`` against the schema, the current
  paragraph numbers and provision ids, and ``data/retired.yml``; all problems are raised together.
  The files are read once per change (cached on their modification times), not once per language.
- ``on_page_content``: each guideline paragraph and provision has left a place for its comments
  (``<!-- edition:comments IV.b.17 -->``, in ``partials/edition/guideline.html`` and
  ``provision.html``); the place becomes the comment panel (``partials/edition/comments.html``), and
  the page whose front matter says ``edition: comments-index`` gets the list of all comments.
- ``on_post_build`` (default language only): writes ``comments.json`` and ``comments.csv`` for the
  editors at the site root.

The repository address for "Comment on this paragraph" is the one setting ``extra.comments_repository``
(with ``extra.comments_branch``); without it the link leads to the local workflow on the Comments page.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from edition.comments import Comment, check_repository, export_rows, render_body
from edition.formatting import edition_date, format_date
from edition.ids import guideline_anchor
from edition.problems import format_problems

import shared_index
from project import project_registry, project_root
from site_languages import current_language, site_languages

EXPORT_JSON, EXPORT_CSV = "comments.json", "comments.csv"  # at the site root, for the editors
# Where the guideline and provision templates leave room for comments: "<!-- edition:comments ID -->".
PLACE = "<!-- edition:comments "
STATUS_ORDER = ("open", "accepted", "incorporated", "declined")


@dataclass
class _State:
    stamp: tuple[float, ...] = ()
    comments: tuple[Comment, ...] = ()
    retired: dict[str, str] | None = None


_state = _State()
_files: Files | None = None
# The theme's templates per language, made once per configuration (making them compiles anew).
_templates: dict[str, jinja2.Environment] = {}


# ---------------------------------------------------------------------------------------------
# Events


def on_config(config: MkDocsConfig) -> None:
    _templates.clear()
    root = project_root(config)
    folder = root / "comments"
    stamp = tuple(p.stat().st_mtime for p in sorted(folder.glob("*"))) + _data_stamp(root)
    if stamp == _state.stamp:
        return
    registry = project_registry(config)
    _, default = site_languages(config)
    comments, problems, retired = check_repository(root, registry=registry, reference_docs=root / "docs" / default)
    if problems:
        raise PluginError(format_problems(problems))
    _state.stamp, _state.comments, _state.retired = stamp, tuple(comments), retired


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    global _files
    _files = files  # this language's files, as mkdocs-static-i18n has filtered them
    is_index = page.meta.get("edition") == "comments-index"
    if PLACE not in html and not is_index:
        return html
    lang = current_language(config)
    labels = project_registry(config).labels[lang]
    visible = [c for c in _state.comments if c.visible]
    by_target: dict[str, list[Comment]] = defaultdict(list)
    for comment in visible:
        for target in comment.targets:
            by_target[target].append(comment)
    if lang not in _templates:
        _templates[lang] = config.theme.get_env()
    templates = _templates[lang]
    panel = templates.get_template("partials/edition/comments.html")
    index = shared_index.current
    targets = [*index.guidelines, *index.provision_pages] if index else []
    for target in targets:
        place = f"{PLACE}{target} -->"
        if place in html:
            is_guideline = index is not None and target in index.guidelines
            context = _panel_context(target, by_target[target], page, config, labels, lang, is_guideline, templates)
            html = html.replace(place, panel.render(**context))
    if is_index:
        listing = templates.get_template("partials/edition/comments-index.html")
        html += listing.render(**_index_context(visible, page, config, labels, lang))
    return html


def on_post_build(config: MkDocsConfig) -> None:
    languages, default = site_languages(config)
    if current_language(config) != default:
        return
    rows = export_rows(_state.comments)
    site = Path(config.site_dir)
    (site / EXPORT_JSON).write_text(json.dumps(rows, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]) if rows else ["file"], lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    (site / EXPORT_CSV).write_text(buffer.getvalue(), encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# Helpers


def _data_stamp(root: Path) -> tuple[float, ...]:
    return tuple(p.stat().st_mtime for p in sorted((root / "data").glob("*.yml")))


def _comment_context(
    comment: Comment, page: Page, labels: Mapping[str, str], lang: str, target: str | None
) -> dict[str, Any]:
    moved = None
    if target is not None and target not in comment.requested_targets:
        original = next((t for t in comment.requested_targets if (_state.retired or {}).get(t) == target), None)
        if original:
            moved = labels["comment_moved"].format(target=original, successor=target)
    return {
        "slug": comment.file.removesuffix(".md"),
        "language": comment.language,
        "kind_label": labels[f"comment_kind_{comment.kind}"],
        "status": comment.status,
        "status_label": labels[f"comment_status_{comment.status}"],
        "name": comment.name,
        "organisation": comment.organisation,
        "country": comment.country,
        "date": comment.date,
        "date_label": format_date(_date(comment.date), labels),
        "language_label": None
        if comment.language == lang
        else labels["comment_in"].format(language=labels[f"language_name_{comment.language}"]),
        "moved_label": moved,
        "body_html": render_body(comment.body, link_ref=lambda t, label: _link_ref(t, label, page)),
        "proposed_text": comment.proposed_text,
        "response": comment.response,
    }


def _panel_context(
    target: str,
    comments: list[Comment],
    page: Page,
    config: MkDocsConfig,
    labels: Mapping[str, str],
    lang: str,
    is_guideline: bool,
    templates: jinja2.Environment,
) -> dict[str, Any]:
    count = len(comments)
    count_label = (
        labels["comments_count_zero"]
        if count == 0
        else labels["comments_count_one"]
        if count == 1
        else labels["comments_count_other"].format(count=count)
    )
    href, external = _new_comment_href(target, page, config, labels, lang, templates)
    return {
        "count_label": count_label,
        "comments": [_comment_context(c, page, labels, lang, target) for c in comments],
        "labels": labels,
        "page_lang": lang,
        "new_href": href,
        "external": external,
        "new_label": labels["comment_on_guideline" if is_guideline else "comment_on_provision"],
    }


# Why: the repository host's new-file page with the filled-in template, or the local workflow.
def _new_comment_href(
    target: str, page: Page, config: MkDocsConfig, labels: Mapping[str, str], lang: str, templates: jinja2.Environment
) -> tuple[str, bool]:
    repository = (config.extra.get("comments_repository") or "").rstrip("/")
    if not repository:
        how = _page_url_for("comments.md")
        return (get_relative_url(how, page.url) + "#how-to-comment" if how else "#"), False
    date = edition_date().isoformat()
    anchor = guideline_anchor(target) if "." in target else target
    text = (
        templates.get_template("partials/edition/comment-file.md")
        .render(target=target, lang=lang, date=date, labels=labels)
        .lstrip("\n")
    )
    branch = config.extra.get("comments_branch") or "main"
    query = urlencode({"filename": f"comments/{anchor}-{date}-{lang}.md", "value": text}, quote_via=quote)
    return f"{repository}/new/{branch}?{query}", True


def _page_url_for(src_name: str) -> str | None:
    if _files is None:
        return None
    for file in _files.documentation_pages():
        if file.src_uri.endswith("/" + src_name) or file.src_uri == src_name:
            return file.url
    return None


# Why: ``[[id]]`` in a comment links to that paragraph or provision in the page's own language.
def _link_ref(target: str, label: str | None, page: Page) -> tuple[str, str] | None:
    index = shared_index.current
    if index is None or _files is None:
        return None
    target = (_state.retired or {}).get(target, target)
    if target in index.guidelines:
        src, anchor = index.guidelines[target].page, guideline_anchor(target)
    elif target in index.provision_pages:
        src, anchor = index.provision_pages[target], target
    else:
        return None
    file = _files.get_file_from_path(src)
    if file is None:
        return None
    return f"{get_relative_url(file.url, page.url)}#{anchor}", label or target


def _index_context(
    comments: list[Comment], page: Page, config: MkDocsConfig, labels: Mapping[str, str], lang: str
) -> dict[str, Any]:
    sections: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for comment in sorted(comments, key=lambda c: (c.date, c.file)):
        for target in comment.targets:
            section = ".".join(target.split(".")[:2]) if "." in target else "II"
            link = _link_ref(target, None, page)
            item = _comment_context(comment, page, labels, lang, target) | {
                "target": target,
                "href": link[0] if link else "#",
            }
            sections[section][comment.status].append(item)
    order = sorted(sections, key=lambda s: (s != "II", s))
    return {
        "labels": labels,
        "export_csv": get_relative_url(EXPORT_CSV, page.url),
        "export_json": get_relative_url(EXPORT_JSON, page.url),
        "sections": [
            {
                "anchor": section.lower().replace(".", "-"),
                "title": section,
                "groups": [
                    {"status": status, "label": labels[f"comment_status_{status}"], "items": sections[section][status]}
                    for status in STATUS_ORDER
                    if sections[section][status]
                ],
            }
            for section in order
        ],
    }


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)
