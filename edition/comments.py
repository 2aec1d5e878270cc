"""Contributors' comments: one Markdown file each in ``comments/``, validated, rendered inert, exported.

A comment file is YAML front matter (``data/schemas/comment.schema.yml``) and a Markdown body.
``load_comments`` reads the folder and returns the comments and every problem found, each naming
file, line and field; ``render_body`` turns contributor Markdown into HTML that can only hold
text, emphasis, lists, quotes, code and http(s)/mailto links (sanitised by nh3, which wraps the
Ammonia library); ``export_rows`` gives the editors one row per comment.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import markdown
import nh3
import yaml

from edition.problems import Problem
from edition.registry import Registry
from edition.syntax import REF_RE, scan

FILE_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,99}\.md$")
IGNORED = {"README.md"}
MAX_FILE_BYTES = 32_000
MAX_BODY_CHARS = 10_000
ALLOWED_TAGS = {"p", "br", "em", "strong", "a", "ul", "ol", "li", "blockquote", "code", "pre"}
LINK_SCHEMES = ("http://", "https://", "mailto:")
LINK_REL = "nofollow ugc noopener"
# Format characters that can reorder or hide text (bidirectional overrides and isolates).
BIDI_CONTROLS = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Comment:
    """One valid comment, its targets resolved to current ids."""

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

    @property
    def visible(self) -> bool:
        return self.status != "hidden"


# Why: the comment schema, read once per call site.
def load_schema(data_dir: Path) -> dict[str, Any]:
    schema: dict[str, Any] = yaml.load((data_dir / "schemas" / "comment.schema.yml").read_text("utf-8"), _Loader)
    return schema


# Why: reads every file of the folder; returns the valid comments and all problems at once.
def load_comments(
    folder: Path,
    *,
    schema: Mapping[str, Any],
    known_targets: set[str],
    retired: Mapping[str, str],
    display_root: Path,
) -> tuple[list[Comment], list[Problem]]:
    comments: list[Comment] = []
    problems: list[Problem] = []
    seen: dict[tuple[object, ...], str] = {}
    if not folder.is_dir():
        return comments, problems
    for path in sorted(folder.iterdir()):
        shown = str(path.relative_to(display_root)) if path.is_relative_to(display_root) else str(path)
        if path.name in IGNORED:
            continue
        entry_problem = _entry_problem(path)
        if entry_problem:
            problems.append(Problem(shown, 1, entry_problem))
            continue
        comment, found = parse_comment(
            path.read_bytes(), file=path.name, shown=shown, schema=schema, known_targets=known_targets, retired=retired
        )
        problems += found
        if comment is None:
            continue
        key = (comment.targets, comment.name.casefold(), " ".join(comment.body.split()).casefold())
        if key in seen:
            problems.append(Problem(shown, 1, f"duplicate of comments/{seen[key]}"))
            continue
        seen[key] = comment.file
        comments.append(comment)
    return comments, problems


# Why: only plain, well-named files directly in comments/ are comments; anything else is refused.
def _entry_problem(path: Path) -> str | None:
    if path.is_symlink():
        return "a link, not a file: comments must be plain files"
    if path.is_dir():
        return "a folder: comments are files directly in comments/"
    if not FILE_RE.match(path.name):
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
) -> tuple[Comment | None, list[Problem]]:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(shown, line, f"not UTF-8: byte {raw[error.start]:#04x} at offset {error.start}")]
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    problems = _character_problems(text, shown)
    if not text.startswith("---\n"):
        return None, [*problems, Problem(shown, 1, "no front matter: the file must start with a '---' line")]
    end = text.find("\n---\n", 3)
    if end == -1:
        return None, [*problems, Problem(shown, 1, "front matter not closed by a '---' line")]
    header, body = text[4 : end + 1], text[end + 5 :]
    body_line = header.count("\n") + 3
    try:
        if any(isinstance(event, yaml.AliasEvent) for event in yaml.parse(header, Loader=_Loader)):
            return None, [*problems, Problem(shown, 2, "front matter uses YAML aliases (*name): write values out")]
        data = yaml.load(header, Loader=_Loader)
    except (yaml.YAMLError, ValueError, TypeError) as error:
        mark = getattr(error, "problem_mark", None)
        return None, [
            *problems,
            Problem(shown, (mark.line + 2) if mark else 1, f"front matter is not valid YAML: {error}"),
        ]
    if isinstance(data, dict) and isinstance(data.get("date"), dt.date):
        data["date"] = data["date"].isoformat()
    for invalid in jsonschema.Draft202012Validator(schema).iter_errors(data):
        field = ".".join(str(p) for p in invalid.absolute_path) or "(front matter)"
        problems.append(Problem(shown, _field_line(header, invalid.absolute_path), f"{field}: {_message(invalid)}"))
    body_problems, targets = _body_and_target_problems(data, body, shown, body_line, known_targets, retired)
    problems += body_problems
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
        ),
        [],
    )


# Why: control and bidirectional-override characters could hide or disguise text; refuse them.
def _character_problems(text: str, shown: str) -> list[Problem]:
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        for char in line:
            if (unicodedata.category(char) == "Cc" and char != "\t") or char in BIDI_CONTROLS:
                problems.append(Problem(shown, number, f"control character U+{ord(char):04X} is not allowed"))
                break
    return problems


def _body_and_target_problems(
    data: Any, body: str, shown: str, body_line: int, known: set[str], retired: Mapping[str, str]
) -> tuple[list[Problem], tuple[str, ...]]:
    problems = []
    if not body.strip():
        problems.append(Problem(shown, body_line, "the comment has no text below the front matter"))
    if len(body) > MAX_BODY_CHARS:
        problems.append(Problem(shown, body_line, f"the text is {len(body)} characters; the limit is {MAX_BODY_CHARS}"))
    if body.lstrip().startswith("---\n"):
        problems.append(Problem(shown, body_line, "a second front matter block: only one, at the top of the file"))
    for offset, line in enumerate(body.split("\n")):
        for match in REF_RE.finditer(line):
            target = match["target"].strip()
            if target not in known and target not in retired:
                problems.append(Problem(shown, body_line + offset, f"unknown reference '{target}'"))
    targets: list[str] = []
    requested = data.get("targets") if isinstance(data, dict) else None
    for target in requested if isinstance(requested, list) else []:
        resolved = retired.get(str(target), str(target))
        if resolved not in known:
            problems.append(Problem(shown, 2, f"targets: unknown paragraph or provision '{target}'"))
        targets.append(resolved)
    return problems, tuple(dict.fromkeys(targets))


def _field_line(header: str, path: Sequence[object]) -> int:
    if not path:
        return 1
    for number, line in enumerate(header.split("\n"), start=2):
        if line.startswith(f"{path[0]}:"):
            return number
    return 1


def _message(error: jsonschema.ValidationError) -> str:
    if error.validator == "pattern" and isinstance(error.instance, str) and len(error.instance) > 60:
        return "contains characters that are not allowed (control characters or line breaks)"
    if error.validator == "maxLength":
        return f"longer than {error.validator_value} characters"
    return str(error.message)


# Why: a comment still holding the template's placeholder words was not filled in.
def placeholder_problems(comments: Sequence[Comment], placeholders: set[str]) -> list[Problem]:
    folded = {p.casefold() for p in placeholders}
    problems = []
    for comment in comments:
        fields = (
            ("author.name", comment.name),
            ("author.organisation", comment.organisation),
            ("author.country", comment.country),
            ("text", comment.body),
        )
        for field, value in fields:
            if value and value.strip().casefold() in folded:
                problems.append(Problem(f"comments/{comment.file}", 1, f"{field}: replace the template's placeholder"))
    return problems


# Why: contributor Markdown to HTML that can show text and safe links, and nothing else.
def render_body(text: str, *, link_ref: Callable[[str, str | None], tuple[str, str] | None] | None = None) -> str:
    html = markdown.markdown(text, output_format="html")
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href"}, "*": set()},
        url_schemes={"http", "https", "mailto"},
        link_rel=LINK_REL,
        attribute_filter=_safe_href,
        strip_comments=True,
    )
    return _link_refs(clean, link_ref) if link_ref else clean


def _safe_href(tag: str, attribute: str, value: str) -> str | None:
    if tag == "a" and attribute == "href":
        return value if value.lower().startswith(LINK_SCHEMES) else None
    return value


# Why: ``[[IV.b.17]]`` in a comment becomes a link the site builds itself, after sanitising.
def _link_refs(html: str, link_ref: Callable[[str, str | None], tuple[str, str] | None]) -> str:
    # Imported here: a build without comments (most builds) never needs BeautifulSoup.
    from bs4 import BeautifulSoup
    from bs4.element import NavigableString

    soup = BeautifulSoup(html, "html.parser")
    for text in list(soup.find_all(string=True)):
        if "[[" not in text or text.find_parent("code"):
            continue
        pieces: list[Any] = []
        last = 0
        for match in REF_RE.finditer(text):
            resolved = link_ref(match["target"].strip(), match["label"])
            if resolved is None:
                continue
            pieces.append(NavigableString(text[last : match.start()]))
            anchor = soup.new_tag("a", attrs={"href": resolved[0], "class": "xref__link"})
            anchor.string = resolved[1]
            pieces.append(anchor)
            last = match.end()
        if pieces:
            pieces.append(NavigableString(text[last:]))
            text.replace_with(*pieces)
    return str(soup)


# Why: the editors' export, one flat row per comment, hidden ones included.
def export_rows(comments: Sequence[Comment]) -> list[dict[str, str]]:
    return [
        {
            "file": f"comments/{c.file}",
            "targets": " ".join(c.targets),
            "requested_targets": " ".join(c.requested_targets),
            "date": c.date,
            "language": c.language,
            "kind": c.kind,
            "status": c.status,
            "name": c.name,
            "organisation": c.organisation or "",
            "country": c.country or "",
            "comment": c.body,
            "proposed_text": c.proposed_text or "",
            "response": c.response or "",
        }
        for c in sorted(comments, key=lambda c: (c.date, c.file))
    ]


# Why: the one validation of a repository's comments/, shared by the build and `make check-comments`.
def check_repository(
    root: Path, *, registry: Registry, reference_docs: Path
) -> tuple[list[Comment], list[Problem], dict[str, str]]:
    numbers = {
        block.number
        for path in reference_docs.rglob("*.md")
        for block in scan(path.read_text(encoding="utf-8"), path=str(path)).guidelines
    }
    retired = dict(registry.retired)
    comments, problems = load_comments(
        root / "comments",
        schema=load_schema(root / "data"),
        known_targets=numbers | set(registry.provisions),
        retired=retired,
        display_root=root,
    )
    placeholders = {v for words in registry.labels.values() for k, v in words.items() if k.startswith("placeholder_")}
    return comments, problems + placeholder_problems(comments, placeholders), retired
