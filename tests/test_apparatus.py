"""The one table of the edition's apparatus (``edition/shared/apparatus.py``) and the stylesheet that
applies it on screen and in print: no build."""

from __future__ import annotations

from pathlib import Path

import tinycss2

from edition.shared.apparatus import PARTS, PRINT_HIDDEN, TEXT_ONLY_HIDDEN

READER_CSS = Path(__file__).resolve().parent.parent / "overrides" / "assets" / "stylesheets" / "reader.css"
SWITCHED = ".edition-text-only-on .md-typeset ."  # the switch's class on <html>, then a part in the page
IN_PAGE = ".md-typeset ."


# Why: the selectors of each rule that hides what it selects (``display: none``), at the top or in print.
def hiding_selectors(rules: list[tinycss2.ast.Node], *, media: str = "") -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for rule in rules:
        if rule.type == "at-rule" and rule.lower_at_keyword == "media" and rule.content is not None:
            inner = tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
            found += hiding_selectors(inner, media=tinycss2.serialize(rule.prelude).strip())
        elif rule.type == "qualified-rule":
            declarations = tinycss2.parse_declaration_list(rule.content, skip_comments=True, skip_whitespace=True)
            hides = any(
                d.type == "declaration" and d.lower_name == "display" and tinycss2.serialize(d.value).strip() == "none"
                for d in declarations
            )
            if hides:
                selectors = tinycss2.serialize(rule.prelude).split(",")
                found += [(media, " ".join(s.split())) for s in selectors]
    return found


# Why: the classes of the edition's parts a rule hides: after the prefix, or (``alone``) as the whole
# selector (".xref__tip"); the theme's own frame (".md-header") and pseudo-elements are not parts.
def hidden_classes(*, media: str, prefix: str, alone: bool) -> set[str]:
    rules = tinycss2.parse_stylesheet(READER_CSS.read_text(encoding="utf-8"), skip_comments=True, skip_whitespace=True)
    found = set()
    for where, selector in hiding_selectors(rules, media=media):
        if selector.startswith(prefix):
            name = selector.removeprefix(prefix)
        elif alone and selector.startswith(".") and not selector.startswith(".md-"):
            name = selector.removeprefix(".")
        else:
            continue
        if where == media and ":" not in name and " " not in name:
            found.add(name)
    return found


def test_the_text_only_switch_hides_exactly_the_parts_the_table_names() -> None:
    assert hidden_classes(media="", prefix=SWITCHED, alone=False) == set(TEXT_ONLY_HIDDEN)


def test_print_leaves_out_exactly_the_parts_the_table_names() -> None:
    assert hidden_classes(media="print", prefix=IN_PAGE, alone=True) == set(PRINT_HIDDEN)


def test_each_part_is_named_once() -> None:
    names = [part.css_class for part in PARTS]
    assert len(names) == len(set(names))
