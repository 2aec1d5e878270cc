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
import html
import json
from collections.abc import Callable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema

from edition.comments.front_matter import dotted, read_front_matter, strings
from edition.comments.passages import Anchor, Passage, Wording, anchor, target_texts, version_key
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
from edition.frame.facts import load_facts
from edition.shared import digests
from edition.shared.problems import Problem
from edition.shared.schemas import inline_refs
from edition.shared.symlinks import IS_LINK
from edition.shared.yaml_text import load_yaml
from edition.text.registry import Registry
from edition.text.syntax import REF_RE, scan

IGNORED = {"README.md"}
MAX_FILE_BYTES = 32_000
MAX_BODY_CHARS = 10_000
FILE_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789-")
MULTILINE_FIELDS = {"proposed_text", "response", "response_fr", "response_es"}
UNDECIDED = {"open", "hidden"}  # statuses that need no response: every other is a decision
NO_WORDING = Wording(version="0", texts={})  # no text to find passages in: every passage is refused
# Messages for the schema's patterns, so no contributor reads a regular expression.
PATTERN_MESSAGES = {
    "targets": "is not a paragraph number (like IV.b.17) or a provision id (like crc-9-1)",
    "date": "is not a date written YYYY-MM-DD (like 2026-11-25)",
}
LineOf = Callable[[Sequence[str | int]], int]  # the file line of a field path


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
    response_fr: str | None = None
    response_es: str | None = None
    resolved_in: str | None = None  # a web address, or "editors"
    commenter_agreed: bool | None = None  # None: not known
    passage: Passage | None = None
    anchor: Anchor | None = None  # where the passage is in today's text

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
    wording: Wording = NO_WORDING,
) -> tuple[list[Comment], list[Problem]]:
    """``memo`` holds the comments of files checked before with the same schema, targets and code
    (the caller's business, ``wording`` included), by a digest of each file's name and bytes; it is
    brought up to date. ``wording`` holds today's texts, in which passages are found."""
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
        key = digests.named(path.name, raw)
        seen.add(key)
        if memo is not None and key in memo:
            comments.append(memo[key])
            continue
        todo.append(_File(key, path.name, shown, raw))
    checked = _check_files(
        todo, schema=schema, known_targets=known_targets, retired=retired, placeholders=placeholders, wording=wording
    )
    for file, (comment, found) in zip(todo, checked, strict=True):
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


# Why: one validator for all the files to check (made once: with 10,000 comments it counts), its
# references written out (``inline_refs``: the same verdicts, ~0.1 ms less a comment).
def _check_files(
    todo: list[_File],
    *,
    schema: Mapping[str, Any],
    known_targets: set[str],
    retired: Mapping[str, str],
    placeholders: frozenset[str],
    wording: Wording,
) -> list[tuple[Comment | None, list[Problem]]]:
    validator = jsonschema.Draft202012Validator(inline_refs(schema, defs=schema.get("$defs", {})))
    return [
        parse_comment(
            file.raw,
            file=file.name,
            shown=file.shown,
            schema=schema,
            known_targets=known_targets,
            retired=retired,
            placeholders=placeholders,
            wording=wording,
            validator=validator,
        )
        for file in todo
    ]


COMMENT_FIELDS = dataclasses.fields(Comment)


# Why: the memo kept between builds as JSON, not pickle: reading it back can only ever give data.
def memo_json(memo: Mapping[str, Comment]) -> str:
    # One level at a time, not ``dataclasses.asdict``, whose deep copy took ~0.1 s at 1,000 comments.
    def plain(comment: Comment) -> dict[str, Any]:
        fields = {f.name: getattr(comment, f.name) for f in COMMENT_FIELDS}
        fields["rendered"] = [
            p if isinstance(p, str) else {"target": p.target, "label": p.label} for p in comment.rendered
        ]
        for name in ("passage", "anchor"):
            fields[name] = dataclasses.asdict(fields[name]) if fields[name] is not None else None
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
            fields["passage"] = Passage(**fields["passage"]) if fields.get("passage") else None
            fields["anchor"] = Anchor(**fields["anchor"]) if fields.get("anchor") else None
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
            comment.passage,  # the same words on other passages are other comments
        )
        if key in seen:
            older = seen[key].file
            message = f"text: the same comment as {folder_shown}/{older} (same targets, name, text, wording, passage)"
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
    wording: Wording = NO_WORDING,
    validator: jsonschema.protocols.Validator | None = None,
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
        problems += _schema_problems(data, full, shown=shown, at=at)
    problems += _body_problems(body, shown=shown, body_line=body_line, known=known_targets, retired=retired)
    targets = _targets(data, known=known_targets, retired=retired, shown=shown, at=at, problems=problems)
    problems += _disposition_problems(data, problems=problems, shown=shown, at=at)
    passage, found = None, None
    if isinstance(data, dict) and "passage" in data and not problems:
        passage, found, passage_problem = _passage(data, targets=targets, wording=wording, at=at, shown=shown)
        problems += passage_problem
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
            response_fr=data.get("response_fr"),
            response_es=data.get("response_es"),
            resolved_in=data.get("resolved_in"),
            commenter_agreed=data.get("commenter_agreed"),
            passage=passage,
            anchor=found,
        ),
        [],
    )


def _schema_problems(
    data: Any,
    validator: jsonschema.protocols.Validator,
    *,
    shown: str,
    at: LineOf,
) -> list[Problem]:
    problems = []
    for invalid in validator.iter_errors(data):
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


# Why: a decision needs its response in English (the other languages are optional), and whether the
# commenter agreed is said of a decision only.
def _disposition_problems(data: Any, *, problems: Sequence[Problem], shown: str, at: LineOf) -> list[Problem]:
    if not isinstance(data, dict) or any(p.message.startswith("status:") for p in problems):
        return []
    status = data.get("status")
    found = []
    if status not in UNDECIDED and "response" not in data:
        found.append(
            Problem(shown, at(("status",)), f"response: a comment {status} needs the editors' response in English")
        )
    for field in ("commenter_agreed", "resolved_in"):
        if status in UNDECIDED and field in data:
            found.append(Problem(shown, at((field,)), f"{field}: said of a decision only; this comment is {status}"))
    return found


# Why: a passage is in its comment's one target, in the text of its language; found there, or refused.
def _passage(
    data: dict[str, Any], *, targets: tuple[str, ...], wording: Wording, at: LineOf, shown: str
) -> tuple[Passage | None, Anchor | None, list[Problem]]:
    fields = data["passage"]
    passage = Passage(
        exact=fields["exact"],
        prefix=fields.get("prefix", ""),
        suffix=fields.get("suffix", ""),
        start=fields.get("start"),
        language=fields["language"],
        version=fields["version"],
    )
    if len(targets) != 1:
        message = f"passage: a passage is in one paragraph or provision; this comment names {len(targets)}"
        return None, None, [Problem(shown, at(("targets",)), message)]
    if version_key(passage.version) > version_key(wording.version):
        message = f"passage.version: {passage.version} is later than this edition's version, {wording.version}"
        return None, None, [Problem(shown, at(("passage", "version")), message)]
    target, where = targets[0], f"{targets[0]} ({passage.language})"
    text = wording.texts.get((target, passage.language))
    if text is None:
        message = f"passage.language: {targets[0]} has no text in '{passage.language}' here"
        return None, None, [Problem(shown, at(("passage", "language")), message)]
    current = version_key(passage.version) == version_key(wording.version)
    found, refused = anchor(passage, text, current=current, where=where)
    if refused is not None:
        field = refused.split(":", 1)[0]
        path = tuple(field.split(".")) if field != "passage" else ("passage",)
        return None, None, [Problem(shown, at(path), refused)]
    return passage, found, []


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
    docs: Path | None = None,
) -> tuple[list[Comment], list[Problem], dict[str, str]]:
    """``docs`` holds every language's pages (``docs/<lang>/``), in which passages are found; by
    default the folder of ``reference_docs``."""
    retired = dict(registry.retired)
    schema = load_schema(root / "data")
    placeholders = template_placeholders(registry)
    comments, problems = load_comments(
        root / "comments",
        schema=schema,
        known_targets=known_targets(registry, reference_docs),
        retired=retired,
        display_root=root,
        placeholders=placeholders,
        memo=memo,
        wording=wording_of(root, registry=registry, docs=docs or reference_docs.parent, schema=schema),
    )
    return comments, problems, retired


# Why: today's texts of every paragraph and provision in every language comments are written in.
def wording_of(root: Path, *, registry: Registry, docs: Path, schema: Mapping[str, Any]) -> Wording:
    languages = schema["properties"]["language"]["enum"]
    return Wording(load_facts(root / "data").version, target_texts(docs, registry=registry, languages=languages))
