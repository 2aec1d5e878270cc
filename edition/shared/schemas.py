"""JSON Schemas made quicker to check, with the same verdicts.

jsonschema resolves a ``$ref`` each time it meets one (a registry lookup per address, per id); the
build checks thousands of values against a few small definitions. ``inline_refs`` gives the same
schema with each local reference replaced by the definition it names. ``quick_check`` compiles a
schema (fastjsonschema) into a yes/no check for the common case, a valid value; jsonschema is asked
only about a value it refuses, and names all its problems.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Mapping
from typing import Any

import fastjsonschema
import jsonschema

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


# Keywords that mean the same to fastjsonschema (draft 7) and to jsonschema (draft 2020-12), with the
# forms each may take here; a schema using any other keyword gets no quick check (``quick_check`` refuses).
_SCHEMA_VALUED = frozenset({"additionalProperties", "items", "not", "contains", "propertyNames"})
_SCHEMA_MAPS = frozenset({"properties", "patternProperties", "$defs"})
_SCHEMA_LISTS = frozenset({"allOf", "anyOf", "oneOf"})
_PLAIN = frozenset(
    {
        *("type", "enum", "const", "required", "pattern", "format", "minLength", "maxLength"),
        *("minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties"),
        *("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"),
        *("$schema", "$ref", "$id", "$comment", "title", "description", "default", "examples"),
    }
)


# Why: every keyword of the schema, where it sits; ``items`` must be one schema (a list means tuples in draft 7).
def _unshared(node: Any, where: str = "") -> list[str]:
    if isinstance(node, bool):
        return []
    if not isinstance(node, Mapping):
        return [f"{where or '(top)'}: not a schema"]
    found = []
    for key, value in node.items():
        here = f"{where}/{key}"
        if key in _SCHEMA_VALUED:
            found += _unshared(value, here)
        elif key in _SCHEMA_MAPS and isinstance(value, Mapping):
            for name, sub in value.items():
                found += _unshared(sub, f"{here}/{name}")
        elif key in _SCHEMA_LISTS and isinstance(value, list):
            for i, sub in enumerate(value):
                found += _unshared(sub, f"{here}/{i}")
        elif key == "$ref" and not (isinstance(value, str) and value.startswith("#/")):
            found.append(f"{here}: only local references")
        elif key == "$ref" and set(node) - _ANNOTATIONS - {"$ref"}:  # draft 7 ignores a $ref's siblings
            found.append(f"{here}: a reference beside other keywords")
        elif key not in _PLAIN:
            found.append(f"{here}: keyword not checked the same by both validators")
    return found


# Why: a compiled yes/no check ~15× quicker than jsonschema, for the build's thousands of valid values;
# jsonschema still names every problem of a value this refuses. Formats are checked by jsonschema's own
# checker, so both agree on what a date is; a value this accepts, jsonschema accepts.
def quick_check(schema: Mapping[str, Any]) -> Callable[[Any], bool]:
    return _compiled(json.dumps(schema, sort_keys=True))


# Why: compiling takes tens of milliseconds; each language's document is checked against one schema.
@functools.lru_cache(maxsize=8)
def _compiled(text: str) -> Callable[[Any], bool]:
    schema = json.loads(text)
    schema = inline_refs(schema, defs=schema.get("$defs", {}))
    unshared = _unshared(schema)
    if unshared:
        raise ValueError("no quick check for this schema: " + "; ".join(unshared))
    checker = jsonschema.FormatChecker()
    formats = {name: functools.partial(checker.conforms, format=name) for name in checker.checkers}
    compiled = fastjsonschema.compile(dict(schema), formats=formats)

    def check(value: Any) -> bool:
        try:
            compiled(value)
        except fastjsonschema.JsonSchemaException:
            return False
        return True

    return check
