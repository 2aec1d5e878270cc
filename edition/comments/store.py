"""Contributors' comments: one Markdown file each in ``comments/``, validated once, rendered once.

A comment file is YAML front matter (``data/schemas/comment.schema.yml``) and a Markdown body.
``check_repository`` is the one validation, used by the build, ``make check-comments`` and the
pull-request check: it reads every file, lists every problem of every file with file, line and
field, and keeps every valid comment whatever is wrong elsewhere. Validating includes rendering
(``edition/comments/text.py``), so what it accepts builds, and the rendering is kept for the pages.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import html
import json
from collections.abc import Callable, Mapping, MutableMapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema

from edition.comments.front_matter import dotted, read_front_matter, strings
from edition.comments.text import (
    MAX_HTML_DEPTH,
    RefSlot,
    Rendered,
    character_problem,
    first_refused,
    html_depth,
    markup_problems,
    mixed_scripts,
    plain_line,
    render_markdown,
)
from edition.shared.problems import Problem
from edition.shared.schemas import quick_check
from edition.shared.symlinks import IS_LINK
from edition.shared.yaml_text import load_yaml
from edition.text.registry import Registry
from edition.text.syntax import REF_RE, scan

IGNORED = {"README.md"}
MAX_FILE_BYTES = 32_000
MAX_BODY_CHARS = 10_000
FILE_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789-")
MULTILINE_FIELDS = {"proposed_text", "response"}
# Messages for the schema's patterns, so no contributor reads a regular expression.
PATTERN_MESSAGES = {
    "targets": "is not a paragraph number (like IV.b.17) or a provision id (like crc-9-1)",
    "date": "is not a date written YYYY-MM-DD (like 2026-11-25)",
}
LineOf = Callable[[Sequence[str | int]], int]  # the file line of a field path
PARALLEL_FROM = 500  # files to check before the work is shared between processes (below, starting them costs more)


@dataclass(frozen=True)
class Comment:
    """One valid comment, its targets resolved to current ids, its text already rendered."""

    file: str
    targets: tuple[str, ...]
    requested_targets: tuple[str, ...]
    name: str
    organisation: str | None
    country: str | None
    language: str
    date: str
    kind: str
    status: str
    proposed_text: str | None
    response: str | None
    body: str
    rendered: Rendered = ()
    body_line: int = 1
    author_lines: tuple[int, int] = (1, 1)  # the lines of author.name and author.organisation

    @property
    def visible(self) -> bool:
        return self.status != "hidden"

    @property
    def slug(self) -> str:
        return self.file.removesuffix(".md")


# Why: the comment schema, read once per call site.
def load_schema(data_dir: Path) -> dict[str, Any]:
    schema: dict[str, Any] = load_yaml((data_dir / "schemas" / "comment.schema.yml").read_text("utf-8"))
    return schema


# Why: reads every file of the folder; returns the valid comments and all problems at once.
def load_comments(
    folder: Path,
    *,
    schema: Mapping[str, Any],
    known_targets: set[str],
    retired: Mapping[str, str],
    display_root: Path,
    placeholders: frozenset[str] = frozenset(),
    memo: MutableMapping[str, Comment] | None = None,
    workers: int = 1,
) -> tuple[list[Comment], list[Problem]]:
    """``memo`` holds the comments of files checked before with the same schema, targets and code
    (the caller's business), by a digest of each file's name and bytes; it is brought up to date.
    With ``workers`` above one, many files to check are shared between that many processes."""
    comments: list[Comment] = []
    problems: list[Problem] = []
    folder_shown = str(folder.relative_to(display_root)) if folder.is_relative_to(display_root) else str(folder)
    seen: set[str] = set()
    if not folder.is_dir():
        return comments, problems
    todo: list[_File] = []
    for path in sorted(folder.iterdir()):
        shown = str(path.relative_to(display_root)) if path.is_relative_to(display_root) else str(path)
        if path.is_symlink():  # before anything reads through it (a dangling one included)
            problems.append(Problem(shown, 0, IS_LINK))
            continue
        if path.name in IGNORED:
            continue
        entry_problem = _entry_problem(path)
        if entry_problem:
            problems.append(Problem(shown, 1, entry_problem))
            continue
        raw = path.read_bytes()
        key = hashlib.sha256(path.name.encode() + b"\0" + raw).hexdigest()
        seen.add(key)
        if memo is not None and key in memo:
            comments.append(memo[key])
            continue
        todo.append(_File(key, path.name, shown, raw))
    checking = _Checking(dict(schema), frozenset(known_targets), dict(retired), placeholders)
    for file, (comment, found) in zip(todo, _check_files(todo, checking, workers=workers), strict=True):
        problems += found
        if comment is not None:
            comments.append(comment)
            if memo is not None and not found:
                memo[file.key] = comment
    problems.sort(key=lambda p: p.path)  # file by file, as the folder lists them (each file's own order kept)
    if memo is not None:
        for gone in set(memo) - seen:
            del memo[gone]
    kept, duplicates = drop_duplicates(comments, folder_shown=folder_shown)
    return kept, problems + duplicates


@dataclass(frozen=True)
class _File:
    key: str  # the memo's key: a digest of the name and bytes
    name: str
    shown: str
    raw: bytes


@dataclass(frozen=True)
class _Checking:
    """What checking a file needs besides the file, sent once to each process."""

    schema: dict[str, Any]
    known_targets: frozenset[str]
    retired: dict[str, str]
    placeholders: frozenset[str]


# Why: 10,000 new comments take seconds to check; on a machine of several cores, each takes a share.
def _check_files(todo: list[_File], checking: _Checking, *, workers: int) -> list[tuple[Comment | None, list[Problem]]]:
    if workers < 2 or len(todo) < PARALLEL_FROM:
        return _check_batch(todo, checking)
    size = -(-len(todo) // workers)
    batches = [todo[start : start + size] for start in range(0, len(todo), size)]
    with ProcessPoolExecutor(max_workers=len(batches)) as pool:
        return [result for part in pool.map(_check_batch, batches, [checking] * len(batches)) for result in part]


# Why: the validators are made once per batch (with 10,000 comments it counts), in the process that uses them.
def _check_batch(batch: list[_File], checking: _Checking) -> list[tuple[Comment | None, list[Problem]]]:
    validator = jsonschema.Draft202012Validator(checking.schema)
    quick = quick_check(checking.schema)
    known = set(checking.known_targets)
    return [
        parse_comment(
            file.raw,
            file=file.name,
            shown=file.shown,
            schema=checking.schema,
            known_targets=known,
            retired=checking.retired,
            placeholders=checking.placeholders,
            validator=validator,
            quick=quick,
        )
        for file in batch
    ]


# Why: the memo kept between builds as JSON, not pickle: reading it back can only ever give data.
def memo_json(memo: Mapping[str, Comment]) -> str:
    def plain(comment: Comment) -> dict[str, Any]:
        fields = dataclasses.asdict(comment)
        fields["rendered"] = [
            p if isinstance(p, str) else {"target": p.target, "label": p.label} for p in comment.rendered
        ]
        return fields

    return json.dumps({key: plain(comment) for key, comment in memo.items()}, ensure_ascii=False)


# Why: a memo read back; anything not shaped as ``memo_json`` writes it makes an empty memo (a miss).
def memo_from_json(text: str) -> dict[str, Comment]:
    try:
        memo = {}
        for key, fields in json.loads(text).items():
            fields["rendered"] = tuple(p if isinstance(p, str) else RefSlot(**p) for p in fields["rendered"])
            for name in ("targets", "requested_targets", "author_lines"):
                fields[name] = tuple(fields[name])
            memo[str(key)] = Comment(**fields)
        return memo
    except (ValueError, TypeError, KeyError, AttributeError):
        return {}


# Why: the same comment twice is refused in the newer file (later date, then later name), naming the older.
def drop_duplicates(comments: Sequence[Comment], *, folder_shown: str) -> tuple[list[Comment], list[Problem]]:
    seen: dict[tuple[object, ...], Comment] = {}
    kept: list[Comment] = []
    problems: list[Problem] = []
    for comment in sorted(comments, key=lambda c: (c.date, c.file)):
        key = (
            comment.targets,
            comment.name.casefold(),
            " ".join(comment.body.split()).casefold(),
            " ".join((comment.proposed_text or "").split()).casefold(),
        )
        if key in seen:
            older = seen[key].file
            message = f"text: the same comment as {folder_shown}/{older} (same targets, name, text and wording)"
            problems.append(Problem(f"{folder_shown}/{comment.file}", comment.body_line, message))
            continue
        seen[key] = comment
        kept.append(comment)
    return sorted(kept, key=lambda c: c.file), problems


# Why: only plain, well-named files directly in comments/ are comments; anything else is refused.
def _entry_problem(path: Path) -> str | None:
    if path.is_dir():
        return "a folder: comments are files directly in comments/"
    stem = path.name.removesuffix(".md")
    if path.name == stem or not stem or not set(stem) <= FILE_CHARS or stem[0] == "-" or len(stem) > 100:
        return f"file name {path.name!r}: use lower-case letters, digits and hyphens, ending in .md"
    if path.stat().st_size > MAX_FILE_BYTES:
        return f"file is {path.stat().st_size} bytes; the limit is {MAX_FILE_BYTES}"
    return None


# Why: one file's bytes to a comment, with a problem for everything wrong in it.
def parse_comment(
    raw: bytes,
    *,
    file: str,
    shown: str,
    schema: Mapping[str, Any],
    known_targets: set[str],
    retired: Mapping[str, str],
    placeholders: frozenset[str] = frozenset(),
    validator: jsonschema.protocols.Validator | None = None,
    quick: Callable[[Any], bool] | None = None,
) -> tuple[Comment | None, list[Problem]]:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(shown, line, f"not UTF-8: byte {raw[error.start]:#04x} at offset {error.start}")]
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    if not text.startswith("---\n"):
        return None, [Problem(shown, 1, "no front matter: the file must start with a '---' line")]
    end = text.find("\n---\n", 3)
    if end == -1:
        return None, [Problem(shown, 1, "front matter not closed by a '---' line")]
    header, body = text[4 : end + 1], text[end + 5 :]
    body_line = header.count("\n") + 3 + len(body) - len(body.lstrip("\n"))  # the text's first line
    body = body.lstrip("\n")
    front = read_front_matter(header, first_line=2)
    problems = [
        Problem(shown, line, f"{field}: {message}" if field else message) for line, field, message in front.problems
    ]
    data = front.data

    def at(path: Sequence[str | int]) -> int:
        for end_ in range(len(path), -1, -1):
            if tuple(path[:end_]) in front.lines:
                return front.lines[tuple(path[:end_])]
        return 2

    for path, value in strings(data):
        multiline = bool(path) and path[0] in MULTILINE_FIELDS
        refused = first_refused(value, multiline=multiline)
        if refused:
            offset, message = refused
            line = at(path) + offset + (1 if tuple(path) in front.block else 0)
            problems.append(Problem(shown, line, f"{dotted(tuple(path)) or '(front matter)'}: {message}"))
    if data is not None and not front.problems:
        full = validator or jsonschema.Draft202012Validator(schema)
        problems += _schema_problems(data, full, quick=quick, shown=shown, at=at)
    problems += _body_problems(body, shown=shown, body_line=body_line, known=known_targets, retired=retired)
    targets = _targets(data, known=known_targets, retired=retired, shown=shown, at=at, problems=problems)
    rendered: Rendered = ()
    if not problems:
        rendered, render_problem = _render(body)
        if render_problem:
            problems.append(Problem(shown, body_line, f"text: {render_problem}"))
    problems += _placeholder_problems(data, body, placeholders=placeholders, shown=shown, at=at, body_line=body_line)
    if problems:
        return None, problems
    author = data["author"]
    return (
        Comment(
            file=file,
            targets=targets,
            requested_targets=tuple(data["targets"]),
            name=author["name"],
            organisation=author.get("organisation"),
            country=author.get("country"),
            language=data["language"],
            date=data["date"],
            kind=data["kind"],
            status=data["status"],
            proposed_text=data.get("proposed_text"),
            response=data.get("response"),
            body=body.strip(),
            rendered=rendered,
            body_line=body_line,
            author_lines=(at(("author", "name")), at(("author", "organisation"))),
        ),
        [],
    )


def _schema_problems(
    data: Any,
    validator: jsonschema.protocols.Validator,
    *,
    quick: Callable[[Any], bool] | None,
    shown: str,
    at: LineOf,
) -> list[Problem]:
    problems = []
    for invalid in () if quick is not None and quick(data) else validator.iter_errors(data):
        path = tuple(invalid.absolute_path)
        if invalid.validator == "additionalProperties" and isinstance(invalid.instance, dict):
            allowed = ", ".join(invalid.schema.get("properties", {}))
            for key in sorted(set(invalid.instance) - set(invalid.schema.get("properties", {}))):
                message = f"not a field of a comment here (the fields are: {allowed})"
                problems.append(Problem(shown, at((*path, key)), f"{dotted((*path, key))}: {message}"))
            continue
        field = dotted(path) or "(front matter)"
        problems.append(Problem(shown, at(path), f"{field}: {_message(invalid, path)}"))
    if isinstance(data, dict) and isinstance(data.get("date"), str) and not any("date" in p.message for p in problems):
        try:
            dt.date.fromisoformat(data["date"])
        except ValueError:
            problems.append(Problem(shown, at(("date",)), f"date: {data['date']} is not a real date"))
    return problems


def _message(error: jsonschema.ValidationError, path: tuple[Any, ...]) -> str:
    if error.validator == "pattern":
        field = str(path[0]) if path else ""
        if field in PATTERN_MESSAGES and len(str(error.instance)) <= 60:
            return f"{error.instance!r} {PATTERN_MESSAGES[field]}"
        return "contains characters that are not allowed here (line breaks, control or invisible characters)"
    if error.validator == "maxLength":
        return f"longer than {error.validator_value} characters"
    return str(error.message)


def _body_problems(
    body: str, *, shown: str, body_line: int, known: set[str], retired: Mapping[str, str]
) -> list[Problem]:
    problems = []
    if not body.strip():
        problems.append(Problem(shown, body_line, "text: the comment has no text below the front matter"))
    size = len(body.strip())  # as the form counts it, and as it is shown
    if size > MAX_BODY_CHARS:
        problems.append(Problem(shown, body_line, f"text: {size} characters; the limit is {MAX_BODY_CHARS}"))
        return problems
    if body.lstrip().startswith("---\n"):
        problems.append(
            Problem(shown, body_line, "text: a second front matter block: only one, at the top of the file")
        )
    for offset, line in enumerate(body.split("\n")):
        # Characters are checked as a reader's browser will decode them (&#x202E; is U+202E).
        decoded = html.unescape(line)
        for char in "" if plain_line(decoded) else decoded:
            problem = character_problem(char, multiline=True)
            if problem:
                problems.append(Problem(shown, body_line + offset, f"text: {problem}"))
                break
        for match in REF_RE.finditer(line):
            target = match["target"].strip()
            if target not in known and target not in retired:
                problems.append(Problem(shown, body_line + offset, f"text: unknown reference '{target}'"))
    problems += [
        Problem(shown, body_line + offset, f"text: {message}") for offset, message in markup_problems(body.rstrip())
    ]
    return problems


def _targets(
    data: Any, *, known: set[str], retired: Mapping[str, str], shown: str, at: LineOf, problems: list[Problem]
) -> tuple[str, ...]:
    targets: list[str] = []
    requested = data.get("targets") if isinstance(data, dict) else None
    for i, target in enumerate(requested if isinstance(requested, list) else []):
        resolved = retired.get(str(target), str(target))
        if resolved not in known and not any(p.message.startswith(f"targets.{i}:") for p in problems):
            problems.append(Problem(shown, at(("targets", i)), f"targets: unknown paragraph or provision '{target}'"))
        targets.append(resolved)
    return tuple(dict.fromkeys(targets))


# Why: the rendering, once; a text whose HTML would nest too deep is refused, never half-built.
def _render(body: str) -> tuple[Rendered, str | None]:
    try:
        rendered = render_markdown(body.strip())
        depth = html_depth(rendered)
    except (RecursionError, ValueError) as error:
        return (), f"cannot be rendered ({type(error).__name__})"
    if depth > MAX_HTML_DEPTH:
        return (), f"quotations and lists nested {depth} deep; the limit is {MAX_HTML_DEPTH}"
    return rendered, None


# Why: a comment still holding the template's placeholder words was not filled in.
def _placeholder_problems(
    data: Any, body: str, *, placeholders: frozenset[str], shown: str, at: LineOf, body_line: int
) -> list[Problem]:
    folded = {p.casefold() for p in placeholders}
    author = data.get("author") if isinstance(data, dict) else None
    problems = []
    for key in ("name", "organisation", "country"):
        value = author.get(key) if isinstance(author, dict) else None
        if isinstance(value, str) and value.strip().casefold() in folded:
            problems.append(Problem(shown, at(("author", key)), f"author.{key}: replace the template's placeholder"))
    if body.strip().casefold() in folded:
        problems.append(Problem(shown, body_line, "text: replace the template's placeholder"))
    return problems


# Why: what the editors should look at although it is valid: names mixing alphabets.
def editor_notes(comments: Sequence[Comment], *, folder_shown: str = "comments") -> list[Problem]:
    notes = []
    for comment in comments:
        named = (("author.name", comment.name), ("author.organisation", comment.organisation))
        for (field, value), line in zip(named, comment.author_lines, strict=True):
            scripts = mixed_scripts(value or "")
            if scripts:
                message = f"{field}: mixes alphabets ({', '.join(scripts)}); check it is not an impersonation"
                notes.append(Problem(f"{folder_shown}/{comment.file}", line, message))
    return notes


# Why: the paragraph numbers and provision ids a comment may name, from the default language's pages.
def known_targets(registry: Registry, reference_docs: Path) -> set[str]:
    numbers = {
        block.number
        for path in reference_docs.rglob("*.md")
        for block in scan(path.read_text(encoding="utf-8"), path=str(path)).guidelines
    }
    return numbers | set(registry.provisions)


# Why: the comment template's placeholder words in every language; a comment still holding one is refused.
def template_placeholders(registry: Registry) -> frozenset[str]:
    return frozenset(v for words in registry.labels.values() for k, v in words.items() if k.startswith("placeholder_"))


# Why: the one validation of a repository's comments/, shared by the build and `make check-comments`.
def check_repository(
    root: Path,
    *,
    registry: Registry,
    reference_docs: Path,
    memo: MutableMapping[str, Comment] | None = None,
    workers: int = 1,
) -> tuple[list[Comment], list[Problem], dict[str, str]]:
    retired = dict(registry.retired)
    placeholders = template_placeholders(registry)
    comments, problems = load_comments(
        root / "comments",
        schema=load_schema(root / "data"),
        known_targets=known_targets(registry, reference_docs),
        retired=retired,
        display_root=root,
        placeholders=placeholders,
        memo=memo,
        workers=workers,
    )
    return comments, problems, retired
