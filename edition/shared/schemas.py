"""JSON Schemas made quicker to check by jsonschema, with the same verdicts.

jsonschema resolves a ``$ref`` each time it meets one (a registry lookup per address, per id); the
build checks hundreds of values against a few small definitions. ``inline_refs`` gives the same
schema with each local reference replaced by the definition it names (the later law's check: 0.15 s
against 0.21 s, ``scripts/cache_layers.py``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# Only these may sit beside a ``$ref`` for the definition to be copied in its place (else ``allOf``).
_ANNOTATIONS = frozenset({"description", "title", "$comment"})


# Why: the same schema with its local ``$ref``s written out (a third to a half of a check's time went
# to resolving them). Same errors, at the same places; a definition that refers to itself stays a ``$ref``.
def inline_refs(node: Any, *, defs: Mapping[str, Any], seen: frozenset[str] = frozenset()) -> Any:
    if isinstance(node, list):
        return [inline_refs(item, defs=defs, seen=seen) for item in node]
    if not isinstance(node, Mapping):
        return node
    ref = node.get("$ref")
    name = ref.removeprefix("#/$defs/") if isinstance(ref, str) and ref.startswith("#/$defs/") else ""
    if name not in defs or name in seen:
        return {
            key: value if key == "$defs" else inline_refs(value, defs=defs, seen=seen) for key, value in node.items()
        }
    target = inline_refs(defs[name], defs=defs, seen=seen | {name})
    rest = {key: inline_refs(value, defs=defs, seen=seen) for key, value in node.items() if key != "$ref"}
    return {**target, **rest} if set(rest) <= _ANNOTATIONS else {"allOf": [target], **rest}
