"""Page settings (front matter) are read by the build, never shown: text, table of contents, search.

Every ``key: value`` of every page's front matter, in every language, is looked for in the visible
text and table of contents of every built page, and in every edition's search index.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.utils.meta import get_data

from tests.site import EDITION_PREFIX, html_files, parse

ROOT = Path(__file__).resolve().parent.parent


# Why: "pdf: false" as an author wrote it, for every setting of every page of every language.
def front_matter_lines() -> set[str]:
    lines = set()
    for source in sorted((ROOT / "docs").glob("*/*.md")):
        _, meta = get_data(source.read_text(encoding="utf-8"))
        for key, value in meta.items():
            shown = str(value).lower() if isinstance(value, bool) else str(value)
            lines.add(f"{key}: {shown}")
    return lines


def visible(soup: BeautifulSoup) -> str:
    body = soup.body
    assert body is not None
    for node in body.select("script, style, template"):
        node.decompose()
    return " ".join(body.get_text(" ").split())


def test_pages_do_have_front_matter_to_hide() -> None:
    assert {"pdf: false", "edition: comments-index"} <= front_matter_lines()


@pytest.mark.parametrize("lang", list(EDITION_PREFIX))
def test_no_setting_is_shown_on_any_page(built_site: Path, lang: str) -> None:
    lines = front_matter_lines()
    folder = built_site / EDITION_PREFIX[lang]
    pages = [p for p in html_files(folder) if lang != "en" or p.relative_to(folder).parts[0] not in ("fr", "es")]
    assert len(pages) >= 10
    shown = []
    for path in pages:
        soup = parse(path)
        toc = " ".join(a.get_text(" ", strip=True) for a in soup.select("nav.md-nav--secondary a"))
        text = visible(soup)
        shown += [(str(path.relative_to(built_site)), line) for line in lines if line in text or line in toc]
    assert shown == []


@pytest.mark.parametrize("lang", list(EDITION_PREFIX))
def test_no_setting_is_in_the_search_index(built_site: Path, lang: str) -> None:
    lines = front_matter_lines()
    index = json.loads((built_site / EDITION_PREFIX[lang] / "search" / "search_index.json").read_text("utf-8"))
    assert len(index["docs"]) > 50
    found = [
        (doc["location"], line)
        for doc in index["docs"]
        for line in lines
        if line in doc["title"] or line in BeautifulSoup(doc["text"], "lxml").get_text(" ")
    ]
    assert found == []
