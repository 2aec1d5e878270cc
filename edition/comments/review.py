"""Who may set what in a comment file: contributors propose, the editors decide.

A contributor's new comment has ``status: open`` and none of the other editors' fields (``response``
in English, ``response_fr``, ``response_es``, ``resolved_in``, ``commenter_agreed``); changing any of
them in an existing comment, or removing a comment, is the editors' (``.github/CODEOWNERS``
makes them review every change to ``comments/``). ``scripts/check_comment_changes.py`` applies this
to a pull request by comparing each comment file with the base branch's.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from edition.comments.front_matter import read_front_matter
from edition.shared.problems import Problem

EDITORS_FIELDS = ("status", "response", "response_fr", "response_es", "resolved_in", "commenter_agreed")


# Why: a comment file's front matter values and field lines, or None when it cannot be read.
def front_of(text: str | None) -> tuple[Mapping[str, Any], Mapping[tuple[str | int, ...], int]] | None:
    if text is None:
        return None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    end = text.find("\n---\n", 3)
    if not text.startswith("---\n") or end == -1:
        return {}, {}
    front = read_front_matter(text[4 : end + 1], first_line=2)
    return (front.data if isinstance(front.data, dict) else {}), front.lines


# Why: the editors' fields a change sets, each as a problem naming file, line and field.
def editors_field_problems(shown: str, *, before: str | None, after: str | None) -> list[Problem]:
    old, new = front_of(before), front_of(after)
    if new is None:
        return [Problem(shown, 1, "the comment is removed: only the editors remove or hide comments")]
    values, lines = new
    problems = []
    for field in EDITORS_FIELDS:
        line = lines.get((field,), 1)
        if old is None:
            if field == "status" and values.get("status", "open") != "open":
                problems.append(Problem(shown, line, "status: a new comment has status: open; the editors change it"))
            if field != "status" and field in values:
                problems.append(Problem(shown, line, f"{field}: only the editors set {field}; delete this field"))
        elif old[0].get(field) != values.get(field):
            problems.append(Problem(shown, line, f"{field}: changed; only the editors change {field}"))
    return problems
