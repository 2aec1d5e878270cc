"""Words for screen readers only: one rule in ``edition.css`` (``.edition-visually-hidden``), given as a class
by templates and scripts, not copied into each stylesheet; no build, no browser."""

from __future__ import annotations

from pathlib import Path

import pytest
import tinycss2

ROOT = Path(__file__).resolve().parent.parent
STYLESHEETS = sorted([*(ROOT / "overrides" / "assets" / "stylesheets").glob("*.css"), *(ROOT / "pdf").glob("*.css")])
CLASS = "edition-visually-hidden"
RULE = f".{CLASS}"
# The one other rule with those declarations: a class cannot say "on phones only" (edition.css says why).
PHONE = "screen and (max-width: 44.9375em)"
CARD_HEADINGS = ".md-typeset :is(.practice-overview, .comments-index__table, .dispositions__table) thead"
HIDDEN = {
    "position": "absolute",
    "width": "1px",
    "height": "1px",
    "overflow": "hidden",
    "clip": "rect(0 0 0 0)",
    "clip-path": "inset(50%)",
    "white-space": "nowrap",
}


# Why: each rule of a stylesheet as (media, selector, declarations), the rules inside @media too.
def rules_of(text: str, *, media: str = "") -> list[tuple[str, str, dict[str, str]]]:
    found: list[tuple[str, str, dict[str, str]]] = []
    for rule in tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True):
        if rule.type == "at-rule" and rule.lower_at_keyword == "media" and rule.content is not None:
            inner = tinycss2.serialize(rule.content)
            found += rules_of(inner, media=" ".join(tinycss2.serialize(rule.prelude).split()))
        elif rule.type == "qualified-rule":
            declarations = tinycss2.parse_declaration_list(rule.content, skip_comments=True, skip_whitespace=True)
            values = {
                d.lower_name: " ".join(tinycss2.serialize(d.value).split())
                for d in declarations
                if d.type == "declaration"
            }
            found.append((media, " ".join(tinycss2.serialize(rule.prelude).split()), values))
    return found


# Why: what makes a rule a screen-reader-only one, however it is written: the clipping, or a 1 px box.
def hides_visually(values: dict[str, str]) -> bool:
    clipped = values.get("clip-path") == "inset(50%)" or values.get("clip") == "rect(0 0 0 0)"
    return clipped or (values.get("width") == "1px" and values.get("height") == "1px")


def visually_hidden_rules() -> list[tuple[str, str, str, dict[str, str]]]:
    return [
        (path.name, media, selector, values)
        for path in STYLESHEETS
        for media, selector, values in rules_of(path.read_text(encoding="utf-8"))
        if hides_visually(values)
    ]


def test_the_rule_is_written_once_in_edition_css_as_a_class_and_once_for_phones() -> None:
    found = [(name, media, selector) for name, media, selector, _ in visually_hidden_rules()]
    assert found == [("edition.css", "", RULE), ("edition.css", PHONE, CARD_HEADINGS)]


@pytest.mark.parametrize("selector", [RULE, CARD_HEADINGS])
def test_both_hide_alike_and_completely(selector: str) -> None:
    (values,) = [values for _, _, found, values in visually_hidden_rules() if found == selector]
    assert values == HIDDEN


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (".a { clip-path: inset(50%) }", [("", ".a")]),
        ("@media print { .b, .c { width: 1px; height: 1px } }", [("print", ".b, .c")]),
        (".d { clip: rect(0 0 0 0); }", [("", ".d")]),
        (".e { width: 1px } .f { display: none } .g { clip-path: inset(10%) }", []),  # not hidden so
    ],
)
def test_a_copy_of_the_rule_is_found_however_it_is_written(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(media, selector) for media, selector, values in rules_of(text) if hides_visually(values)] == expected
