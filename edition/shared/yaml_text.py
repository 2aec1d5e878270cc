"""YAML text read with libyaml's safe loader where PyYAML has it (its wheels do): several times faster,
and the line each value starts on, so that a problem names the line to edit.

The schemas in ``data/schemas/`` are read on every build; with the pure-Python loader that alone took
tens of milliseconds. The result is the same data either way (the same safe constructor).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import yaml

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# Why: ``yaml.safe_load`` with the C loader when there is one.
def load_yaml(text: str) -> Any:
    return yaml.load(text, Loader=SafeLoader)  # noqa: S506 - a safe loader


# Why: the node tree (for line numbers) and the data from one parse; composing and loading parsed twice.
def load_with_node(text: str) -> tuple[yaml.Node | None, Any]:
    loader = SafeLoader(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


# A place in a YAML document: the keys and list positions leading to it.
Path = tuple[Any, ...]


# Why: every mapping key and list item of the YAML with the line it starts on (1-based), for problems.
def line_map(node: yaml.Node | None, path: Path = ()) -> dict[Path, int]:
    if node is None:
        return {}
    lines = {path: node.start_mark.line + 1}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            lines[(*path, key.value)] = key.start_mark.line + 1
            lines.update({k: v for k, v in line_map(value, (*path, key.value)).items() if k != (*path, key.value)})
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            lines.update(line_map(item, (*path, i)))
    return lines


# Why: the nearest recorded line for a path (a missing key points at its parent, an empty file at line 1).
def line_of(lines: Mapping[Path, int], path: Path) -> int:
    while path and path not in lines:
        path = path[:-1]
    return lines.get(path, 1)
