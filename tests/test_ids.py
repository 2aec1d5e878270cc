"""Guideline numbers and registry ids: table-driven cases of the pure functions in edition/text/ids.py."""

from __future__ import annotations

import pytest

from edition.text.ids import anchor_number, guideline_anchor, is_registry_id, parse_guideline_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("IV.b.17", ("IV", "b", 17)),
        ("III.a.1", ("III", "a", 1)),
        ("III.d.2", ("III", "d", 2)),
        ("IV.a.10", ("IV", "a", 10)),
        ("iv.b.17", None),
        ("IV.B.17", None),
        ("IV.b.0", None),
        ("IV.b.017", None),
        ("IV.b", None),
        ("II.a.1", None),
        ("IV.b.17 ", None),
        ("IV-b-17", None),
        ("", None),
    ],
)
def test_parse_guideline_number(text: str, expected: tuple[str, str, int] | None) -> None:
    number = parse_guideline_number(text)
    assert (None if number is None else (number.part, number.section, number.n)) == expected
    if number is not None:
        assert str(number) == text


@pytest.mark.parametrize(
    ("number", "anchor"),
    [("IV.b.17", "iv-b-17"), ("III.a.1", "iii-a-1"), ("IV.a.10", "iv-a-10")],
)
def test_guideline_anchor(number: str, anchor: str) -> None:
    assert guideline_anchor(number) == anchor


@pytest.mark.parametrize(
    ("anchor", "number"),
    [
        ("iv-b-17", "IV.b.17"),
        ("iii-a-1", "III.a.1"),
        ("iv-d-99", "IV.d.99"),
        ("iv-b-017", None),
        ("v-a-1", None),
        ("iv-b", None),
        ("iv-b-17-1", None),
        ("iv-bb-1", None),
        ("crc-9-1", None),
        ("crc", None),
        ("", None),
    ],
)
def test_anchor_number_is_the_paragraph_an_anchor_belongs_to(anchor: str, number: str | None) -> None:
    assert anchor_number(anchor) == number


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("crc-9-1", True),
        ("crc", True),
        ("hrc-gc21", True),
        ("congress8-res19", True),
        ("CRC-9-1", False),
        ("crc--9", False),
        ("crc-", False),
        ("9-crc", False),
        ("crc 9", False),
        ("IV.b.17", False),
        ("", False),
    ],
)
def test_is_registry_id(text: str, ok: bool) -> None:
    assert is_registry_id(text) is ok
