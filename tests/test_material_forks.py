"""The edition's forks of Material's templates differ from the pinned Material's originals only where
the edition means them to.

A fork is a file in ``overrides/`` at a path Material's ``templates/`` also has, or a block of Material's
``base.html`` that an override template replaces without calling ``super()``. Each fork's intended
difference is data below (Material's lines it drops, its own lines, compared line by line with
indentation and Jinja's whitespace control set aside). An upgrade of Material that changes an original
fails here, so the fork is brought in step on purpose rather than left behind silently.
"""

from __future__ import annotations

import difflib
import re
from importlib.metadata import version
from pathlib import Path

import jinja2
import material
import pytest

from tests.conftest import ROOT

MATERIAL = Path(material.__file__).parent / "templates"
OVERRIDES = ROOT / "overrides"

# Material's main.html is only the page frame's entry point, which the edition's main.html replaces.
MATERIAL_MAIN = ['{% extends "base.html" %}']

# Per fork: "-" Material's lines it drops, "+" its own, in order.
INTENDED: dict[str, list[str]] = {
    # The edition's date, version and PDF first (hooks/frame.py, hooks/pdf.py); the credit in the page's language.
    "partials/copyright.html": [
        "+{% if edition_line %}",
        '+<p class="edition-footer">{{ edition_line }}',
        "+{% if edition_pdf %}",
        '+{{ "\\u00a0" }}· <span class="edition-download"><a href="{{ edition_pdf.href }}" '
        'hreflang="{{ edition_pdf.lang }}" type="application/pdf" download>{{ edition_pdf.label }}</a>',
        '+<span class="edition-download__size">({{ edition_pdf.size }})</span></span>',
        "+{% endif %}",
        "+</p>",
        "+{% endif %}",
        "-Made with",
        "+{{ made_with }}",
    ],
    # A name for the search dialog (axe: aria-dialog-name).
    "partials/search.html": [
        '-<div class="md-search" data-md-component="search" role="dialog">',
        '+<div class="md-search" data-md-component="search" role="dialog" aria-label="{{ lang.t(\'search\') }}">',
    ],
    # No <link rel="alternate" hreflang>: Material's script fetches a sitemap beside each (main.html says why).
    "main.html#site_meta": [
        "-{% if page.meta and page.meta.author %}",
        '-<meta name="author" content="{{ page.meta.author }}">',
        "-{% elif config.site_author %}",
        "+{% if config.site_author %}",
        "-{% if page.canonical_url %}",
        "+{% if page.canonical_url and not edition_offline %}",
        "-{% if config.extra.alternate is iterable %}",
        "-{% for alt in config.extra.alternate %}",
        '-<link rel="alternate" href="{{ alt.link | url }}" hreflang="{{ alt.lang | d(lang.t(\'language\')) }}">',
        "-{% endfor %}",
        "-{% endif %}",
        '-{% if "rss" in config.plugins %}',
        '-<link rel="alternate" type="application/rss+xml" title="{{ lang.t(\'rss.created\') }}" '
        "href=\"{{ 'feed_rss_created.xml' | url }}\">",
        '-<link rel="alternate" type="application/rss+xml" title="{{ lang.t(\'rss.updated\') }}" '
        "href=\"{{ 'feed_rss_updated.xml' | url }}\">",
        "-{% endif %}",
        # the generator without Material's version (which also makes every upgrade of Material show here)
        '-<meta name="generator" content="mkdocs-{{ mkdocs_version }}, mkdocs-material-9.8.1">',
        '+<meta name="generator" content="mkdocs-{{ mkdocs_version }}, mkdocs-material">',
    ],
}

# Jinja's whitespace control ({%- -%}, {{- -}}) changes the HTML's blanks, not what it says; its
# comments ({# #}) say nothing in the HTML. Both are Jinja's syntax, not HTML's.
WHITESPACE_CONTROL = re.compile(r"(?<=\{[%{])-|-(?=[%}]\})")
COMMENT = re.compile(r"\{#.*?#\}", re.DOTALL)


def lines(text: str) -> list[str]:
    """A template's lines as compared: comments, indentation, blank lines and whitespace control set aside."""
    kept = (WHITESPACE_CONTROL.sub("", line.strip()) for line in COMMENT.sub("", text).splitlines())
    return [line for line in kept if line]


def changes(original: str, fork: str) -> list[str]:
    """The lines the fork drops ("-") and adds ("+"), in order, without positions."""
    diff = difflib.unified_diff(lines(original), lines(fork), n=0, lineterm="")
    return [line for line in diff if line[:1] in "-+" and not line.startswith(("---", "+++"))]


def blocks(source: str) -> dict[str, str]:
    """Each ``{% block %}``'s body (nested ones included), read with Jinja's own lexer."""
    found: dict[str, str] = {}
    text = source.splitlines()
    opened: list[tuple[str, int]] = []
    tokens = [token for token in jinja2.Environment().lex(source) if token[1] != "whitespace"]
    for i, (line, kind, value) in enumerate(tokens):
        if kind != "name" or tokens[i - 1][1] != "block_begin":
            continue
        if value == "block":
            opened.append((tokens[i + 1][2], next(t[0] for t in tokens[i:] if t[1] == "block_end")))
        elif value == "endblock":
            name, start = opened.pop()
            found[name] = "\n".join(text[start : line - 1])
    return found


def extends_base(source: str) -> bool:
    return '{% extends "base.html" %}' in source or '{% extends "main.html" %}' in source


def forks() -> dict[str, tuple[str, str]]:
    """Every fork in overrides/: its name, Material's original and the edition's text."""
    found: dict[str, tuple[str, str]] = {}
    base = blocks((MATERIAL / "base.html").read_text(encoding="utf-8"))
    for path in sorted(OVERRIDES.rglob("*.html")):
        name = path.relative_to(OVERRIDES).as_posix()
        source = path.read_text(encoding="utf-8")
        if extends_base(source):
            for block, body in blocks(source).items():
                if "super()" not in body and block in base:
                    found[f"{name}#{block}"] = (base[block], body)
        elif (MATERIAL / name).is_file() and name != "main.html":
            found[name] = ((MATERIAL / name).read_text(encoding="utf-8"), source)
    return found


def test_material_is_the_version_requirements_txt_pins() -> None:
    pins = (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert f"mkdocs-material=={version('mkdocs-material')}" in pins


def test_every_fork_of_material_is_listed_with_its_intended_difference() -> None:
    assert sorted(forks()) == sorted(INTENDED)


@pytest.mark.parametrize("name", sorted(INTENDED))
def test_a_fork_differs_from_materials_original_only_as_intended(name: str) -> None:
    original, fork = forks()[name]
    assert changes(original, fork) == INTENDED[name], f"{name}: bring the fork in step with Material"


def test_materials_main_template_is_only_the_entry_point_the_editions_replaces() -> None:
    assert lines((MATERIAL / "main.html").read_text(encoding="utf-8")) == MATERIAL_MAIN
    assert extends_base((OVERRIDES / "main.html").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("original", "fork", "expected"),
    [
        ("a\n  b\nc\n", "a\n    b\nc\n", []),  # indentation only
        ("{% if x %}\n", "{%- if x -%}\n", []),  # whitespace control only
        ("{#- a\ncomment -#}\na\n", "{# another #}\na\n", []),  # comments only
        ("a\nb\n", "a\nB\n", ["-b", "+B"]),
        ("a\nb\n", "a\nb\nc\n", ["+c"]),
        ("a\n\nb\n", "a\nb\n", []),  # blank lines only
        ("x - y\n{{ a-b }}\n", "x - y\n{{ a-b }}\n", []),  # a hyphen that is not whitespace control stays
    ],
)
def test_changes_are_read_line_by_line_without_layout(original: str, fork: str, expected: list[str]) -> None:
    assert changes(original, fork) == expected


def test_a_block_is_read_from_its_body() -> None:
    source = "{% block a %}\nx\n{% block b %}\ny\n{% endblock %}\n{% endblock %}\n"
    assert blocks(source) == {"b": "y", "a": "x\n{% block b %}\ny\n{% endblock %}"}
