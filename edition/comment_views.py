"""What the comment templates are given: panels under paragraphs, the Comments page, the form.

Pure functions of the comments, the labels of the page's language and two callbacks the hook
supplies (``link``: a target's address from the page, through MkDocs' ``File`` objects; ``ref``:
a filled-in reference link from its template). No MkDocs here.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from edition.comment_text import MAX_BRACKETS, MAX_INDENT, MAX_LINES, MAX_QUOTE_DEPTH, MAX_RUN, RefSlot, Rendered
from edition.comments import MAX_BODY_CHARS, Comment
from edition.formatting import format_date
from edition.ids import guideline_anchor
from edition.registry import Registry

STATUS_ORDER = ("open", "accepted", "incorporated", "declined")
Link = Callable[[str], str | None]


# Why: "No comments", "1 comment", "3 comments" in the page's language.
def count_label(count: int, labels: Mapping[str, str]) -> str:
    if count == 0:
        return labels["comments_count_zero"]
    if count == 1:
        return labels["comments_count_one"]
    return labels["comments_count_other"].format(count=count)


# Why: a paragraph's or provision's id as it appears in the page (provisions by their label).
def anchor_of(target: str) -> str:
    return guideline_anchor(target) if "." in target else target


# Why: the words a ``[[id]]`` shows: its own label, else the provision's label in this language.
def ref_text(slot: RefSlot, *, registry: Registry, lang: str, retired: Mapping[str, str]) -> str:
    if slot.label and slot.label.strip():
        return slot.label.strip()
    target = retired.get(slot.target, slot.target)
    provision = registry.provisions.get(target)
    if provision is not None:
        return provision.label.get(lang, provision.label["en"])
    return target


# Why: a comment's stored rendering with its reference slots filled in for one page.
def fill(rendered: Rendered, ref: Callable[[RefSlot], str]) -> str:
    return "".join(part if isinstance(part, str) else ref(part) for part in rendered)


# Why: one comment as a template shows it, under ``target`` (None on the Comments page).
def comment_context(
    comment: Comment,
    *,
    target: str | None,
    labels: Mapping[str, str],
    lang: str,
    retired: Mapping[str, str],
    body_html: str,
) -> dict[str, Any]:
    moved = None
    if target is not None and target not in comment.requested_targets:
        original = next((t for t in comment.requested_targets if retired.get(t) == target), None)
        if original:
            moved = labels["comment_moved"].format(target=original, successor=target)
    return {
        "id": f"comment-{comment.slug}" + (f"-on-{anchor_of(target)}" if target else ""),
        "slug": comment.slug,
        "language": comment.language,
        **_described(comment, labels=labels, lang=lang),
        "status": comment.status,
        "status_label": labels[f"comment_status_{comment.status}"],
        "organisation": comment.organisation,
        "country": comment.country,
        "moved_label": moved,
        "body_html": body_html,
        "proposed_text": comment.proposed_text,
        "response": comment.response,
    }


# Why: what both a panel and the Comments page say of a comment, in the reader's words.
def _described(comment: Comment, *, labels: Mapping[str, str], lang: str) -> dict[str, Any]:
    return {
        "kind_label": labels[f"comment_kind_{comment.kind}"],
        "name": comment.name,
        "date": comment.date,
        "date_label": format_date(dt.date.fromisoformat(comment.date), labels),
        "language_label": None
        if comment.language == lang
        else labels["comment_in"].format(language=labels[f"language_name_{comment.language}"]),
    }


# Why: the visible comments on each target, oldest first.
def by_target(comments: Sequence[Comment]) -> dict[str, list[Comment]]:
    grouped: dict[str, list[Comment]] = defaultdict(list)
    for comment in sorted(comments, key=lambda c: (c.date, c.file)):
        if comment.visible:
            for target in comment.targets:
                grouped[target].append(comment)
    return grouped


# Why: the Comments page's list: sections (II, III.a, IV.b…), then status groups, then comments.
def index_sections(
    comments: Sequence[Comment], *, labels: Mapping[str, str], lang: str, link: Link
) -> list[dict[str, Any]]:
    sections: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for target, on_target in by_target(comments).items():
        section = ".".join(target.split(".")[:2]) if "." in target else "II"
        for comment in on_target:
            sections[section][comment.status].append(
                {
                    "target": target,
                    "href": link(target) or "#",
                    **_described(comment, labels=labels, lang=lang),
                    "sort": (comment.date, comment.file, target),
                }
            )
    return [
        {
            "anchor": section.lower().replace(".", "-"),
            "title": section,
            "groups": [
                {
                    "status": status,
                    "label": labels[f"comment_status_{status}"],
                    "items": sorted(sections[section][status], key=lambda i: i["sort"]),
                }
                for status in STATUS_ORDER
                if sections[section][status]
            ],
        }
        for section in sorted(sections, key=lambda s: (s != "II", s))
    ]


# Why: what the browser form needs besides its words: the schema, the known ids and the limits.
def form_settings(
    *,
    schema: Mapping[str, Any],
    targets: Sequence[str],
    repository: str,
    branch: str,
    lang: str,
    labels: Mapping[str, str],
) -> dict[str, Any]:
    prefix = "comment_form_err_"
    return {
        "messages": {key.removeprefix(prefix): text for key, text in labels.items() if key.startswith(prefix)},
        "schema": schema,
        "targets": list(targets),
        "repository": repository.rstrip("/"),
        "branch": branch or "main",
        "language": lang,
        "limits": {
            "body": MAX_BODY_CHARS,
            "brackets": MAX_BRACKETS,
            "lines": MAX_LINES,
            "run": MAX_RUN,
            "indent": MAX_INDENT,
            "quote_depth": MAX_QUOTE_DEPTH,
        },
    }
