"""What the comment templates are given: panels under paragraphs, the Comments page, the form.

Pure functions of the comments, the labels of the page's language and callbacks the hook supplies
(``link``: a target's address, through MkDocs' ``File`` objects; ``ref``: a filled-in reference
link from its template; ``data_src``: a target's comment file from the page). No MkDocs here.

The pages carry no comment text: a panel shows its count and loads its target's file
(``data_path``) when opened; the Comments page carries counts and facets (``browse_rows``) and
loads the files its filters need.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from edition.comments.passages import EARLIER
from edition.comments.store import MAX_BODY_CHARS, MAX_FILE_BYTES, Comment
from edition.comments.text import (
    MAX_BRACKETS,
    MAX_INDENT,
    MAX_LINES,
    MAX_QUOTE_DEPTH,
    MAX_RUN,
    RefSlot,
    Rendered,
    browser_tables,
)
from edition.frame.formatting import format_date
from edition.shared.safe_html import breakable
from edition.text.ids import anchor_of
from edition.text.registry import Registry

# The published statuses in the order a reader meets them: the W3C's disposition set, the edition's
# "incorporated" after the two it follows from ("hidden" is never shown).
STATUS_ORDER = (
    "open",
    "accepted",
    "partly-accepted",
    "incorporated",
    "declined",
    "deferred",
    "out-of-scope",
    "withdrawn",
)
AWAITING = ("accepted", "partly-accepted")  # decided, not yet in the text: they await the next draft
DATA_FOLDER = "comments/on"  # each target's comments, loaded when a reader opens its panel
Link = Callable[[str], str | None]


# Why: "No comments", "1 comment", "3 comments" in the page's language.
def count_label(count: int, labels: Mapping[str, str]) -> str:
    if count == 0:
        return labels["comments_count_zero"]
    if count == 1:
        return labels["comments_count_one"]
    return labels["comments_count_other"].format(count=count)


# Why: a paragraph by its number, a provision by its label in the reader's language.
def target_label(target: str, *, registry: Registry, lang: str) -> str:
    provision = registry.provisions.get(target)
    return target if provision is None else provision.label.get(lang, provision.label["en"])


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
        "passage": _passage(comment, labels=labels),
        **_response(comment, lang=lang),
    }


# Why: the words a comment is about, in the language of the text they were taken from; words no
# longer found in today's text are said to be about earlier wording.
def _passage(comment: Comment, *, labels: Mapping[str, str]) -> dict[str, str] | None:
    if comment.passage is None:
        return None
    earlier = comment.anchor is None or comment.anchor.how == EARLIER
    label = labels["comment_passage_earlier" if earlier else "comment_passage"]
    return {"exact": comment.passage.exact, "language": comment.passage.language, "label": label}


# Why: where a panel marks a comment's words on a page in ``lang``: [start, end) in the target's text,
# only in the language they were taken from and where today's text holds them.
def passage_mark(comment: Comment, *, lang: str) -> list[int] | None:
    found = comment.anchor
    if comment.passage is None or comment.passage.language != lang or found is None or found.how == EARLIER:
        return None
    return None if found.start is None or found.end is None else [found.start, found.end]


# Why: the editors' response in the reader's language where they gave one, else in English.
def _response(comment: Comment, *, lang: str) -> dict[str, str | None]:
    given = {"fr": comment.response_fr, "es": comment.response_es}.get(lang)
    if given:
        return {"response": given, "response_language": lang}
    return {"response": comment.response, "response_language": "en" if comment.response else None}


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


# Why: the Comments page's table and filters: per target (reading order), counts and facets, no text.
def browse_rows(
    comments: Sequence[Comment],
    *,
    targets: Sequence[str],
    link: Link,
    data_src: Callable[[str], str],
    label: Callable[[str], str],
) -> list[dict[str, Any]]:
    grouped = by_target(comments)
    rows = []
    for target in targets:
        on_target = grouped.get(target, [])
        if not on_target:
            continue
        facets: Counter[tuple[str, str, str]] = Counter((c.status, c.kind, c.language) for c in on_target)
        rows.append(
            {
                "target": target,
                "label": label(target),
                "href": link(target) or "#",
                "src": data_src(target),
                "count": len(on_target),
                "statuses": {status: sum(1 for c in on_target if c.status == status) for status in STATUS_ORDER},
                "facets": [[status, kind, language, n] for (status, kind, language), n in sorted(facets.items())],
            }
        )
    return rows


# Why: where a target's comments are published, below each edition's root (one file per target).
def data_path(target: str) -> str:
    return f"{DATA_FOLDER}/{anchor_of(target)}.js"


# Why: what the browser form needs besides its words: the schema, the known ids, the limits, the
# checker's character tables and the template's placeholders, so it refuses what the checker refuses.
def form_settings(
    *,
    schema: Mapping[str, Any],
    targets: Sequence[str],
    repository: str,
    branch: str,
    lang: str,
    labels: Mapping[str, str],
    placeholders: Iterable[str] = (),
    version: str = "",
    texts: str = "",
) -> dict[str, Any]:
    prefix = "comment_form_err_"
    said = {key.removeprefix(prefix): text for key, text in labels.items() if key.startswith(prefix)}
    return {
        "messages": said | {key: labels[f"comment_form_{key}"] for key in ("passage_found", "passage_unchecked")},
        "version": version,  # a passage records the edition's version whose text it was taken from
        "texts": texts,  # the address of the script that hands over every paragraph's and provision's text
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
            "file_bytes": MAX_FILE_BYTES,
        },
        "characters": browser_tables(),
        "placeholders": sorted(placeholders),
    }


# Why: a paragraph's or provision's comment panel: its count, the file to load, where to write one,
# and how many accepted comments await the next draft (with the Disposition page's address for them).
def panel_context(
    target: str,
    *,
    count: int,
    labels: Mapping[str, str],
    src: str,
    export_href: str,
    new_href: str,
    guideline: bool,
    awaiting: int = 0,
    awaiting_href: str | None = None,
) -> dict[str, Any]:
    return {
        "awaiting_label": awaiting_label(awaiting, labels) if awaiting and awaiting_href else None,
        "awaiting_href": awaiting_href,
        "target": target,
        "count": count,
        "count_label": count_label(count, labels),
        "src": src,
        "export_href": export_href,
        "labels": labels,
        "new_href": new_href,
        "new_label": labels["comment_on_guideline" if guideline else "comment_on_provision"],
    }


# Why: the Comments page's list and filters: the commented targets, the facets and the words the
# browser's filters show; ``exports`` are the addresses of comments.csv and comments.json from the page.
def index_context(
    comments: Sequence[Comment],
    *,
    schema: Mapping[str, Any],
    labels: Mapping[str, str],
    rows: list[dict[str, Any]],
    exports: tuple[str, str],
) -> dict[str, Any]:
    properties = schema["properties"]
    languages = [(code, labels[f"language_name_{code}"]) for code in sorted(properties["language"]["enum"])]
    kinds = [(kind, labels[f"comment_kind_{kind}"]) for kind in properties["kind"]["enum"]]
    statuses = [(status, labels[f"comment_status_{status}"]) for status in STATUS_ORDER]
    words = ("count", "searched", "none", "on", "loading", "load_failed")
    messages = {
        word: labels[f"comments_browse_{word}" if word in ("count", "searched", "none") else f"comments_{word}"]
        for word in words
    }
    browse = {
        "targets": [{k: row[k] for k in ("target", "label", "href", "src", "facets")} for row in rows],
        "page": 20,
    }
    return {
        "labels": labels,
        "export_csv": exports[0],
        "export_json": exports[1],
        "rows": rows,
        "total_label": count_label(sum(1 for c in comments if c.visible), labels),
        "languages": languages,
        "kinds": kinds,
        "statuses": statuses,
        "browse": {**browse, "messages": messages},
    }


# Why: "1 accepted comment awaits the next draft", "3 accepted comments await the next draft".
def awaiting_label(count: int, labels: Mapping[str, str]) -> str:
    key = "dispositions_awaiting_one" if count == 1 else "dispositions_awaiting_other"
    return labels[key].format(count=count)


# Why: the comments on a target that the editors accepted, wholly or in part, and did not yet incorporate.
def awaiting_count(comments: Iterable[Comment]) -> int:
    return sum(1 for comment in comments if comment.status in AWAITING)


# Why: the Disposition page's address for one target, from a page: filtered to it with JavaScript
# (``?on=``), at its rows without (the fragment).
def disposition_href(page_href: str, target: str) -> str:
    return f"{page_href}?on={target}#on-{anchor_of(target)}"


# Why: the Disposition page's rows: every published comment under each of its targets, in reading
# order, with the words it is about and what the editors decided, in the reader's language.
def disposition_groups(
    comments: Sequence[Comment],
    *,
    targets: Sequence[str],
    labels: Mapping[str, str],
    lang: str,
    link: Link,
    label: Callable[[str], str],
) -> list[dict[str, Any]]:
    grouped = by_target(comments)
    groups = []
    for target in targets:
        on_target = grouped.get(target, [])
        if on_target:
            rows = [_disposition(comment, target=target, labels=labels, lang=lang) for comment in on_target]
            groups.append(
                {
                    "target": target,
                    "id": f"on-{anchor_of(target)}",
                    "label": label(target),
                    "href": link(target) or "#",
                    "rows": rows,
                }
            )
    return groups


# A run of characters ending with one that is neither a letter nor a digit: where a line may break.
_BREAKABLE = re.compile(r"[^\W_]*[\W_]+|[^\W_]+$")
_OPENING = "([{«‹“‘„¿¡"  # marks that open what follows: a line never ends on one


# Why: a contributor's words cut after each punctuation mark or space (``breakable`` puts ``<wbr>``
# between the parts), so a long word without spaces (an address, code) breaks there in a phone's
# table cell, not between two letters; an opening bracket or quotation mark stays with what it opens.
def break_parts(text: str | None) -> tuple[str, ...]:
    parts: list[str] = []
    carry = ""
    for found in _BREAKABLE.findall(text or ""):
        part = carry + found
        spaced = part.rstrip()
        core = spaced.rstrip(_OPENING) if spaced.endswith(tuple(_OPENING)) else part
        carry = part[len(core) :]  # the opening marks (and any space after them) go with the next part
        if core:
            parts.append(core)
    if carry:
        parts[-1:] = [(parts[-1] if parts else "") + carry]
    return tuple(parts)


# Why: one comment's disposition as the page's table shows it.
def _disposition(comment: Comment, *, target: str, labels: Mapping[str, str], lang: str) -> dict[str, Any]:
    passage = comment.passage
    earlier = passage is not None and comment.anchor is not None and comment.anchor.how == EARLIER
    response = _response(comment, lang=lang)
    language = response["response_language"]
    agreed = {True: "yes", False: "no", None: "unknown"}[comment.commenter_agreed]
    resolved = comment.resolved_in
    return {
        "id": f"disposition-{comment.slug}-on-{anchor_of(target)}",
        "language": comment.language,
        "passage": passage.exact if passage is not None else None,
        "passage_language": passage.language if passage is not None else None,
        "passage_earlier": labels["dispositions_earlier"] if earlier else None,
        "kind_label": labels[f"comment_kind_{comment.kind}"],
        "name": comment.name,
        "organisation": comment.organisation,
        "status": comment.status,
        "status_label": labels[f"comment_status_{comment.status}"],
        **response,
        "response_marked": None
        if language in (None, lang)
        else labels["comment_in"].format(language=labels[f"language_name_{language}"]),
        "resolved_href": resolved if resolved and resolved != "editors" else None,
        "resolved_label": None
        if resolved is None
        else labels[f"dispositions_resolved_{'editors' if resolved == 'editors' else 'link'}"],
        "agreed": agreed,
        "agreed_label": labels[f"dispositions_agreed_{agreed}"],
        "breakable": {
            "passage": breakable(break_parts(passage.exact if passage is not None else None)),
            "name": breakable(break_parts(comment.name)),
            "organisation": breakable(break_parts(comment.organisation)),
            "response": breakable(break_parts(response["response"])),
        },
    }


# Why: the Disposition page: counts per status (each comment once), the groups, the filters' choices.
def disposition_context(
    comments: Sequence[Comment],
    *,
    labels: Mapping[str, str],
    groups: list[dict[str, Any]],
    script: str,
) -> dict[str, Any]:
    shown = [c for c in comments if c.visible]
    counted = Counter(c.status for c in shown)
    languages = sorted({row["language"] for group in groups for row in group["rows"]})
    return {
        "labels": labels,
        "groups": groups,
        "total_label": count_label(len(shown), labels),
        "counts": [(status, labels[f"comment_status_{status}"], counted[status]) for status in STATUS_ORDER],
        "statuses": [(status, labels[f"comment_status_{status}"]) for status in STATUS_ORDER if counted[status]],
        "languages": [(code, labels[f"language_name_{code}"]) for code in languages],
        "script": script,
        "messages": {"shown": labels["dispositions_shown"], "none": labels["dispositions_none_shown"]},
    }
