"""The edition's JSON Schemas use only keywords of JSON Schema draft 2020-12 (jsonschema ignores any other)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "data" / "schemas"
# Every keyword of JSON Schema draft 2020-12 (core, applicator, validation, format, meta-data vocabularies).
DRAFT_2020_12 = frozenset(
    {
        *("$schema", "$id", "$ref", "$defs", "$comment", "$anchor", "$dynamicRef", "$dynamicAnchor", "$vocabulary"),
        *("allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependentSchemas", "prefixItems", "items"),
        *("contains", "properties", "patternProperties", "additionalProperties", "propertyNames"),
        *("unevaluatedItems", "unevaluatedProperties", "type", "enum", "const", "multipleOf", "maximum"),
        *("exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength", "minLength", "pattern", "maxItems"),
        *("minItems", "uniqueItems", "maxContains", "minContains", "maxProperties", "minProperties", "required"),
        *("dependentRequired", "format", "title", "description", "default", "deprecated", "readOnly"),
        *("writeOnly", "examples"),
    }
)


def schema(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((SCHEMAS / name).read_text(encoding="utf-8"))
    return loaded


def keywords(node: Any) -> set[str]:
    """Every key used where a schema keyword belongs (not the names under properties or $defs)."""
    if not isinstance(node, dict):
        return set()
    found = set(node)
    for key, value in node.items():
        if key in ("properties", "patternProperties", "$defs", "dependentSchemas") and isinstance(value, dict):
            found |= {k for sub in value.values() for k in keywords(sub)}
        elif key in ("allOf", "anyOf", "oneOf", "prefixItems") and isinstance(value, list):
            found |= {k for sub in value for k in keywords(sub)}
        elif key in ("items", "not", "if", "then", "else", "contains", "additionalProperties", "propertyNames"):
            found |= keywords(value)
    return found


@pytest.mark.parametrize("name", sorted(p.name for p in SCHEMAS.glob("*.yml")))
def test_every_key_of_every_schema_is_a_json_schema_keyword(name: str) -> None:
    # A YAML flow mapping splits at a comma: `{description: a, b.}` makes a key "b." that jsonschema ignores.
    assert keywords(schema(name)) <= DRAFT_2020_12, keywords(schema(name)) - DRAFT_2020_12
