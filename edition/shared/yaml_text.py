"""YAML text read with libyaml's safe loader where PyYAML has it (its wheels do): several times faster.

The schemas in ``data/schemas/`` are read on every build; with the pure-Python loader that alone took
tens of milliseconds. The result is the same data either way (the same safe constructor).
"""

from __future__ import annotations

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
