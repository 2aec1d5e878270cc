"""The places templates leave for the hooks, filled in one pass (``edition/shared/places.py``)."""

from __future__ import annotations

import pytest

from edition.shared.places import fill_places, places_in_order

P = "<!-- edition:x "


@pytest.mark.parametrize(
    ("html", "targets", "expected"),
    [
        (f"<p>a</p>{P}IV.b.17 --><p>b</p>", ["IV.b.17"], "<p>a</p>[IV.b.17]<p>b</p>"),
        (f"{P}IV.b.1 -->{P}IV.b.17 -->", ["IV.b.17", "IV.b.1"], "[IV.b.1][IV.b.17]"),  # one is not the other's start
        (f"{P}crc-9-1 -->", ["IV.b.17"], f"{P}crc-9-1 -->"),  # not a known target: left as it is
        (f"{P}IV.b.17", ["IV.b.17"], f"{P}IV.b.17"),  # not closed: left as it is
        ("<p>no place</p>", ["IV.b.17"], "<p>no place</p>"),
        (f"{P}a -->{P}a -->", ["a"], "[a][a]"),  # the same place twice: the same rendering
    ],
)
def test_each_known_place_is_filled(html: str, targets: list[str], expected: str) -> None:
    assert fill_places(html, prefix=P, targets=targets, render=lambda t: f"[{t}]") == expected


def test_renders_follow_the_order_of_the_targets_not_of_the_page() -> None:
    calls: list[str] = []

    def render(target: str) -> str:
        calls.append(target)
        return str(len(calls))  # numbered as the hooks number their previews

    html = f"{P}b -->{P}a -->{P}b -->{P}c -->"
    assert fill_places(html, prefix=P, targets=["a", "b", "z", "a"], render=render) == f"212{P}c -->"
    assert calls == ["a", "b"]


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (f"{P}IV.b.17 --><p>x</p>{P}III.a.2 -->", ["IV.b.17", "III.a.2"]),  # the page's order, not the numbers'
        (f"{P}a -->{P}b -->{P}a -->", ["a", "b"]),  # each target once, where it first stands
        (f"{P}a", []),  # not closed
        ("<p>no place</p>", []),
    ],
)
def test_places_in_order_lists_the_targets_as_the_page_reads(html: str, expected: list[str]) -> None:
    assert places_in_order(html, prefix=P) == expected
