"""Blocks held out of Markdown and put back (edition/shared/held_html.py), through Markdown itself."""

from __future__ import annotations

import re

import markdown
import pytest

from edition.shared.held_html import put_back, token

EXTENSIONS = ["toc", "tables", "fenced_code", "attr_list", "md_in_html", "footnotes"]  # mkdocs.yml's
HEAD, TAIL = '<div class="guideline" id="iv-b-17"><p class="guideline__number">IV.b.17</p>', "</div>"


def _through_markdown(source: str) -> str:
    return markdown.markdown(source, extensions=EXTENSIONS)


@pytest.mark.parametrize(
    ("body", "expected_body"),
    [
        ("Plain *text*.", "<p>Plain <em>text</em>.</p>"),
        ("First.\n\nSecond.", "<p>First.</p>\n<p>Second.</p>"),
        ("- an item\n- another", "<ul>\n<li>an item</li>\n<li>another</li>\n</ul>"),
        ("Noted.[^1]\n\n[^1]: The note.", '<p>Noted.<sup id="fnref:1">'),
    ],
)
def test_a_held_block_comes_back_around_its_markdown(body: str, expected_body: str) -> None:
    html = put_back(_through_markdown(f"{token(0)}{body}{token(1)}"), [HEAD, TAIL], page="p.md")
    assert html.startswith(HEAD + "\n" + expected_body)
    assert "EditionHeldBlock" not in html and TAIL in html.removeprefix(HEAD)


def test_a_page_without_held_blocks_is_left_alone() -> None:
    assert put_back("<p>EditionHeldBlock0x</p>", [], page="p.md") == "<p>EditionHeldBlock0x</p>"


@pytest.mark.parametrize(
    ("html", "problem"),
    [
        ("<p>text</p>", "2 edition block(s) lost"),  # Markdown dropped both
        ("<p>EditionHeldBlock0x</p>", "1 edition block(s) lost"),
        ("<p>EditionHeldBlock0x and more</p><p>EditionHeldBlock1x</p>", "changed an edition block's place"),
        ("<p>EditionHeldBlock7x</p>", "changed an edition block's place"),  # not one of this page's
    ],
)
def test_a_block_markdown_lost_or_changed_fails_loudly(html: str, problem: str) -> None:
    with pytest.raises(ValueError, match=re.escape(problem)) as raised:
        put_back(html, [HEAD, TAIL], page="docs/en/specific-issues.md")
    assert str(raised.value).startswith("docs/en/specific-issues.md: ")
