"""A comment's front matter read strictly: plain values only, each field with its own line.

PyYAML's loaders let a later duplicate key silently win, expand merge keys (``<<``) and aliases,
and turn ``2026-02-31`` into an exception. ``read_front_matter`` composes the node tree instead and
builds the values itself: mappings, sequences and scalars of the core tags, dates kept as the text
written, every duplicate key, merge key, alias, anchor and other tag refused with its line. It also
returns the line of every field (``author.name`` at its own line, not the ``author:`` line).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from edition.shared.yaml_text import SafeLoader

STR, TIMESTAMP, MERGE = "tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:merge"
SCALARS = {STR, TIMESTAMP, *(f"tag:yaml.org,2002:{t}" for t in ("int", "float", "bool", "null"))}
PLAIN_TAGS = SCALARS | {"tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}
MAX_DEPTH = 4  # the schema needs three levels (targets' items); deeper is refused before building


@dataclass
class FrontMatter:
    """The values, the line of each field path, and every problem as (line, field, message)."""

    data: Any = None
    lines: dict[tuple[str | int, ...], int] = field(default_factory=dict)
    block: set[tuple[str | int, ...]] = field(default_factory=set)  # values written as | or > blocks
    problems: list[tuple[int, str, str]] = field(default_factory=list)


# Why: the one reading of a front matter; ``first_line`` is the file line of the header's first line.
# Nesting is counted on parser events, which PyYAML produces without recursion, before composing.
def read_front_matter(header: str, *, first_line: int = 2) -> FrontMatter:
    result = FrontMatter()
    try:
        depth, too_deep = 0, False
        for event in yaml.parse(header, Loader=SafeLoader):  # one pass: anchors, aliases and nesting
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                line = event.start_mark.line + first_line
                result.problems.append(
                    (line, "", "YAML anchors and aliases (&name, *name) are not allowed: write values out")
                )
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                too_deep = too_deep or depth > MAX_DEPTH
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
        if too_deep:
            result.problems.append((first_line, "", f"front matter nested more than {MAX_DEPTH} levels deep"))
        if result.problems:
            return result
        node = yaml.compose(header, Loader=SafeLoader)
    except yaml.MarkedYAMLError as error:
        result.problems.append(_parser_problem(error, header, first_line))
        return result
    except (yaml.YAMLError, ValueError, RecursionError) as error:
        result.problems.append((first_line, "", f"front matter is not valid YAML: {type(error).__name__}"))
        return result
    result.data = _build(node, (), result, first_line) if node is not None else None
    return result


def _build(node: yaml.Node, path: tuple[str | int, ...], result: FrontMatter, first: int) -> Any:
    line = node.start_mark.line + first
    result.lines.setdefault(path, line)
    shown = dotted(path)
    if node.tag not in PLAIN_TAGS:
        result.problems.append((line, shown, f"the YAML tag {node.tag!r} is not allowed: write a plain value"))
        return None
    if isinstance(node, yaml.MappingNode):
        return _build_mapping(node, path, result, first)
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*path, i), result, first) for i, item in enumerate(node.value)]
    if getattr(node, "style", None) in ("|", ">"):
        result.block.add(path)
    if node.tag in (STR, TIMESTAMP):  # a date stays the text written; the schema checks it is real
        return node.value
    try:
        return SafeLoader("").construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError) as error:
        result.problems.append((line, shown, f"not a valid value: {error}"))
        return None


def _build_mapping(node: yaml.MappingNode, path: tuple[str | int, ...], result: FrontMatter, first: int) -> Any:
    data: dict[str, Any] = {}
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + first
        if key_node.tag == MERGE:
            result.problems.append((line, dotted(path), "YAML merge keys (<<) are not allowed: write each field out"))
            continue
        if not isinstance(key_node, yaml.ScalarNode):
            result.problems.append((line, dotted(path), "a field name must be plain text"))
            continue
        key = key_node.value
        if key in data:
            where = result.lines[(*path, key)]
            result.problems.append((line, dotted((*path, key)), f"given twice (first at line {where}): keep one"))
            continue
        result.lines[(*path, key)] = line
        data[key] = _build(value_node, (*path, key), result, first)
        result.lines[(*path, key)] = line
    return data


# Why: the parser's own words, with the field of the line it stopped at and a hint for the
# commonest mistake (a value holding ": " written without quotes).
def _parser_problem(error: yaml.MarkedYAMLError, header: str, first: int) -> tuple[int, str, str]:
    problem = (error.problem or "").strip()
    # An unclosed [ or { is reported where the parser gave up; the line that opened it is the one to fix.
    opened = error.context_mark if not problem.startswith("mapping values") else None
    mark = opened or error.problem_mark
    index = mark.line if mark else 0
    lines = header.split("\n")
    text = lines[index] if index < len(lines) else ""
    name = _field_at(lines, index)
    if problem.startswith("mapping values are not allowed") and name:
        key, value = text.split(":", 1)
        hint = f'a value holding ": " must be in quotes, e.g. {key.strip()}: "{value.strip()}"'
        return index + first, name, hint
    return index + first, name, f"front matter is not valid YAML: {problem or error}"


# Why: the field a header line belongs to, with its parents ("author.organisation").
def _field_at(lines: list[str], index: int) -> str:
    names: list[str] = []
    indent = None
    for text in reversed(lines[: index + 1]):
        stripped = text.lstrip(" ")
        width = len(text) - len(stripped)
        if ":" not in stripped or stripped.startswith(("#", "-")) or (indent is not None and width >= indent):
            continue
        names.insert(0, stripped.split(":", 1)[0].strip())
        indent = width
        if width == 0:
            break
    return ".".join(names)


# Why: a field path as a contributor reads it, ``author.name`` or ``targets.0``.
def dotted(path: tuple[str | int, ...]) -> str:
    return ".".join(str(p) for p in path)


# Why: every string in the values, keys included, with its field path, for the character checks.
def strings(data: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield (*path, key), str(key)
            yield from strings(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from strings(value, (*path, i))
