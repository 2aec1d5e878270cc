"""The quick schema check (``edition.shared.schemas.quick_check``): it never accepts what jsonschema refuses,
and it refuses to be made for a schema whose keywords the two validators could read differently."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from edition.comments.front_matter import read_front_matter
from edition.shared.schemas import inline_refs, quick_check
from tests.test_comments import CORPUS, case_text

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


@pytest.mark.parametrize("name", ["comment.schema.yml", "edition-data.schema.yml"])
def test_the_schemas_the_build_checks_thousands_of_values_against_have_a_quick_check(name: str) -> None:
    loaded = schema(name)
    quick_check(inline_refs(loaded, defs=loaded.get("$defs", {})))


@pytest.mark.parametrize(
    ("fragment", "why"),
    [
        ({"prefixItems": [{"type": "string"}]}, "prefixItems"),
        ({"items": [{"type": "string"}]}, "not a schema"),
        ({"if": {"type": "string"}, "then": {"minLength": 2}}, "/if"),
        ({"dependentRequired": {"a": ["b"]}}, "dependentRequired"),
        ({"unevaluatedProperties": False}, "unevaluatedProperties"),
        ({"$ref": "https://example.invalid/other.json"}, "only local references"),
        ({"$defs": {"n": {"$ref": "#/$defs/n", "maxLength": 3}}, "$ref": "#/$defs/n"}, "beside other keywords"),
        ({"properties": {"text": {"type": "string", "stray words.": None}}}, "/properties/text/stray words."),
    ],
)
def test_no_quick_check_is_made_for_keywords_the_validators_could_read_differently(
    fragment: dict[str, Any], why: str
) -> None:
    with pytest.raises(ValueError, match=why):
        quick_check({"type": "object", **fragment})


def front_matter(text: str) -> Any:
    if not text.startswith("---\n") or "\n---\n" not in text[3:]:
        return None
    return read_front_matter(text[4 : text.find("\n---\n", 3) + 1]).data


COMMENT = schema("comment.schema.yml")
VALID = front_matter(str(CORPUS["base"]))
# Values jsonschema refuses for one reason each, beside the corpus of bad comment files.
MUTATIONS: list[tuple[str, Any]] = [
    ("targets", "IV.b.17"),
    ("targets", []),
    ("targets", ["IV.b.17", "IV.b.17"]),
    ("targets", [f"IV.b.{n}" for n in range(1, 12)]),
    ("targets", [17]),
    ("targets", ["iv.b.17"]),
    ("author", {"name": ""}),
    ("author", {"name": "Fixture\u2028Name"}),
    ("author", {"name": "Fixture \u202eName"}),
    ("author", {"name": "x" * 121}),
    ("author", {"name": "Fixture", "email": "fixture@example.invalid"}),
    ("author", {}),
    ("author", "Fixture"),
    ("language", "de"),
    ("date", "2026-13-01"),
    ("date", "26-11-01"),
    ("date", 20261101),
    ("kind", "praise"),
    ("status", None),
    ("proposed_text", ""),
    ("proposed_text", "x" * 5001),
    ("response", 5),
    ("rating", 5),
]


@pytest.mark.parametrize(("field", "value"), MUTATIONS, ids=[f"{f}={v!r}"[:40] for f, v in MUTATIONS])
def test_the_quick_check_refuses_what_jsonschema_refuses(field: str, value: Any) -> None:
    value_of = {**VALID, field: value}
    assert list(jsonschema.Draft202012Validator(COMMENT).iter_errors(value_of)), "the case must be invalid"
    assert quick_check(COMMENT)(value_of) is False


WITH_FRONT_MATTER = [c for c in CORPUS["cases"] if front_matter(case_text(c)) is not None]


@pytest.mark.parametrize("case", WITH_FRONT_MATTER, ids=[c["file"] for c in WITH_FRONT_MATTER])
def test_on_every_bad_comment_file_the_quick_check_agrees_with_jsonschema(case: dict[str, Any]) -> None:
    data = front_matter(case_text(case))
    refused = bool(list(jsonschema.Draft202012Validator(COMMENT).iter_errors(data)))
    assert quick_check(COMMENT)(data) is not refused


def test_the_quick_check_accepts_a_valid_comment_and_reads_dates_as_jsonschema_does() -> None:
    assert quick_check(COMMENT)(VALID) is True
    dated = {"type": "string", "format": "date"}
    full = jsonschema.Draft202012Validator(dated, format_checker=jsonschema.FormatChecker())
    for value in ("2026-02-28", "2026-02-31", "2026-2-1", "not a date", 5):
        assert quick_check(dated)(value) is full.is_valid(value), value


@pytest.mark.parametrize(
    ("fragment", "values"),
    [
        ({"type": "integer"}, [True, 1.0, 1, 2.5]),
        ({"type": "number"}, [True, 1, 1.5, "1"]),
        ({"type": "boolean"}, [0, 1, True]),
        ({"uniqueItems": True}, [[1, True], [0, False], [1, 1.0], [{"a": 1}, {"a": 1}], [[1], [True]]]),
        ({"enum": [1]}, [True, 1.0]),
        ({"const": False}, [0, False]),
        ({"type": "string", "maxLength": 2}, ["ab", "abc", "\U0001f600\U0001f600"]),
        ({"minimum": 1}, [True, 0]),
    ],
)
def test_types_and_equality_are_read_the_same_by_both_validators(fragment: dict[str, Any], values: list[Any]) -> None:
    full = jsonschema.Draft202012Validator(fragment)
    assert [quick_check(fragment)(v) for v in values] == [full.is_valid(v) for v in values]
