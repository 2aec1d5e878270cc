"""YAML read with the line of each value (``edition/shared/yaml_text.py``): no build."""

from __future__ import annotations

from typing import Any

import pytest

from edition.shared.yaml_text import line_map, line_of, load_with_node

TEXT = """\
version: 1.0
publication:
  title: Babies
  places:
    - Geneva
    - New York
"""


@pytest.mark.parametrize(
    ("path", "line"),
    [
        ((), 1),
        (("version",), 1),
        (("publication",), 2),  # a block's key, where the reader edits, not its first child
        (("publication", "title"), 3),
        (("publication", "places", 1), 6),
        (("publication", "missing"), 2),  # a missing key points at its parent
        (("nowhere", "at", "all"), 1),
    ],
)
def test_each_path_has_the_line_to_edit(path: tuple[Any, ...], line: int) -> None:
    node, data = load_with_node(TEXT)
    assert data["publication"]["places"] == ["Geneva", "New York"]
    assert line_of(line_map(node), path) == line


def test_an_empty_document_points_at_its_first_line() -> None:
    node, data = load_with_node("")
    assert (node, data) == (None, None)
    assert line_of(line_map(node), ("version",)) == 1
