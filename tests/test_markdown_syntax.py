"""The edition's syntax as a Markdown extension (edition/text/markdown_syntax.py), through Markdown itself."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jinja2
import markdown
import pytest

from edition.shared.safe_html import autoescape_in
from edition.text.crossrefs import CrossIndex, build_index
from edition.text.links import Links
from edition.text.markdown_syntax import EditionSyntaxExtension
from edition.text.registry import Registry, load_registry
from edition.text.render import PageRenderer
from edition.text.syntax import made_by_scan, scan

ROOT = Path(__file__).resolve().parent.parent
OVERRIDES = ROOT / "overrides"
# MkDocs' own extensions (toc, tables, fenced_code) and mkdocs.yml's, as a page is converted.
EXTENSIONS: list[Any] = ["toc", "tables", "fenced_code", "attr_list", "md_in_html", "footnotes"]


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry(ROOT / "data")


@pytest.fixture(scope="module")
def index(registry: Registry) -> CrossIndex:
    quotes = "\n\n".join(f"::: provision {pid}" for pid in registry.provisions)
    cites = " ".join(registry.provisions)
    pages = [
        ("provisions.md", scan(f"{quotes}\n\n::: instruments\n", path="provisions.md")),
        ("g.md", scan(f"::: guideline III.a.1 [{cites}]\nText.\n\n::: guideline III.a.2\nMore.\n", path="g.md")),
    ]
    built, problems = build_index(pages, registry)
    assert problems == []
    return built


def renderer_for(index: CrossIndex, registry: Registry) -> PageRenderer:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(OVERRIDES), autoescape=autoescape_in(OVERRIDES))

    def templates(name: str, /, **context: Any) -> str:
        return env.get_template(f"partials/edition/{name}").render(**context)

    links = Links(index, registry, "en", {"provisions.md": "provisions/", "g.md": "g/"})
    return PageRenderer(index, registry, "en", templates, links, "")  # rendered as if on the home page


def convert(source: str, renderer: PageRenderer | None) -> str:
    extension = EditionSyntaxExtension() if renderer is None else EditionSyntaxExtension(renderer=renderer)
    return markdown.markdown(source, extensions=[*EXTENSIONS, extension])


@pytest.mark.parametrize(
    ("source", "kept"),
    [
        ("See `[[crc-9-1]]` here.", "<code>[[crc-9-1]]</code>"),
        ("See ``a ` [[crc-9-1]]`` here.", "<code>a ` [[crc-9-1]]</code>"),
        ("A span over\ntwo lines `of [[crc-9-1]]\nand more` here.", "<code>of [[crc-9-1]]\nand more</code>"),
        (
            "```\n[[crc-9-1]]\n::: provision crc-9-1\n```",
            "<pre><code>[[crc-9-1]]\n::: provision crc-9-1\n</code></pre>",
        ),
        ("Code:\n\n    [[crc-9-1]]\n    ::: instruments", "<pre><code>[[crc-9-1]]\n::: instruments\n</code></pre>"),
        ("Not \\[[crc-9-1]] a reference.", "Not [[crc-9-1]] a reference."),
    ],
)
def test_a_reference_in_code_is_left_as_written(source: str, kept: str, index: CrossIndex, registry: Registry) -> None:
    renderer = renderer_for(index, registry)
    html = convert(source, renderer)
    assert kept in html
    assert "xref" not in html
    assert renderer.made == []


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ("See `[[crc-9-1]]` here.", []),
        ("A span over\ntwo lines `of [[crc-9-1]]\nand more` here.", []),
        ("```\n[[crc-9-1]]\n```", []),
        ("`[[crc]]` and [[crc-9-1]] and `x`", ["crc-9-1"]),
        ("Code:\n\n    [[crc-9-1]]\n\n[[crc]]", ["crc"]),
        ("- an item\n\n    continued [[crc-9-1]]", ["crc-9-1"]),  # a list's, not code
        ("Not \\[[crc-9-1]], but \\\\[[crc]]", ["crc"]),
    ],
)
def test_the_scan_skips_the_references_markdown_leaves_in_code(source: str, found: list[str]) -> None:
    assert [ref.target for ref in scan(source, path="p.md").refs] == found


def test_a_reference_becomes_a_link_with_its_preview(index: CrossIndex, registry: Registry) -> None:
    renderer = renderer_for(index, registry)
    html = convert("As [[crc-9-1]] says, and `[[crc-9-1]]` shows.", renderer)
    assert html.count('class="xref xref--provision"') == 1
    assert 'href="provisions/#crc-9-1" aria-describedby="xref-tip-1"' in html
    assert renderer.made == [("ref", "crc-9-1")]


def test_a_label_is_the_pages_markdown_inside_the_link(index: CrossIndex, registry: Registry) -> None:
    html = convert("The [[crc|*Convention* & more]] applies.", renderer_for(index, registry))
    assert 'href="provisions/#crc" aria-describedby="xref-tip-1"><em>Convention</em> &amp; more</a>' in html


def test_a_label_may_hold_a_code_span(index: CrossIndex, registry: Registry) -> None:
    source = "The [[crc|`<b>` and `*x*`]] applies."
    html = convert(source, renderer_for(index, registry))
    assert 'aria-describedby="xref-tip-1"><code>&lt;b&gt;</code> and <code>*x*</code></a>' in html
    assert [(r.target, r.label) for r in scan(source, path="p.md").refs] == [("crc", "`<b>` and `*x*`")]


def test_a_guideline_is_its_number_its_text_and_its_apparatus_in_order(index: CrossIndex, registry: Registry) -> None:
    renderer = renderer_for(index, registry)
    html = convert("Before.\n::: guideline III.a.1\nText citing [[crc-9-1]].\n\nAfter.", renderer)
    parts = [
        "<p>Before.</p>",
        'id="iii-a-1"',
        '<p>Text citing <span class="xref',
        "guideline__rests-on",
        "</div>",
        "<p>After.</p>",
    ]
    positions = [html.index(part) for part in parts]
    assert positions == sorted(positions)
    # The previews are numbered as the page reads: the text's reference, then the provisions it rests on.
    tips = re.findall(r'id="(xref-tip-\d+)"', html)
    assert tips == [f"xref-tip-{n}" for n in range(1, len(tips) + 1)]
    assert html.index('id="xref-tip-1"') < html.index("guideline__rests-on")
    assert renderer.made == [("guideline", "III.a.1"), ("ref", "crc-9-1")]


def test_a_guidelines_text_is_never_read_as_a_directive(index: CrossIndex, registry: Registry) -> None:
    renderer = renderer_for(index, registry)
    html = convert("::: guideline III.a.2\nText.\n::: instruments", renderer)
    assert "<p>Text.\n::: instruments</p>" in html
    assert renderer.made == [("guideline", "III.a.2")]


@pytest.mark.parametrize(
    ("source", "made"),
    [
        ("::: provision crc-9-1", [("provision", "crc-9-1")]),
        ("Text.\n::: instruments\nMore.", [("instruments", "")]),
        ("> ::: provision crc-9-1", []),  # inside a quotation
        ("- item\n\n    ::: provision crc-9-1", []),  # inside a list
        ("<div>\n::: provision crc-9-1\n</div>", []),  # inside an HTML block
    ],
)
def test_directives_are_read_at_the_top_level_only(
    source: str, made: list[tuple[str, str]], index: CrossIndex, registry: Registry
) -> None:
    renderer = renderer_for(index, registry)
    html = convert(source, renderer)
    assert renderer.made == made
    assert ('class="provision' in html or "instruments" in html) == bool(made)


def test_a_directive_markdown_does_not_read_is_a_problem_at_its_line(index: CrossIndex, registry: Registry) -> None:
    source = "Text [[crc]].\n\n<div>\n::: provision crc-9-1\n</div>\n"
    renderer = renderer_for(index, registry)
    convert(source, renderer)
    problems = made_by_scan(scan(source, path="p.md"), renderer.made)
    assert [str(p) for p in problems] == ["p.md:4: Markdown did not read the provision 'crc-9-1' here"]


def test_without_a_renderer_the_page_is_left_alone() -> None:
    assert convert("::: provision crc-9-1\n\n[[crc]]", None) == "<p>::: provision crc-9-1</p>\n<p>[[crc]]</p>"
