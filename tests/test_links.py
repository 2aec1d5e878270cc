"""The link checker (``tests/links.py``) on made-up pages, then on every page of the real site."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.links import check

PAGES = {
    "index.html": '<h1 id="top">Home</h1><a name="old-id"></a>',
    "part/index.html": '<p id="iv-b-17">Paragraph</p>',
    "part.html": '<p id="iv-b-17">Paragraph</p>',
    "book.pdf": "%PDF",
}


@pytest.mark.parametrize(
    ("link", "served", "problem"),
    [
        ("part/#iv-b-17", True, None),
        ("part/", True, None),
        ("part.html#iv-b-17", False, None),
        ("./#old-id", True, None),
        ("#top", True, "no such anchor"),
        ("book.pdf", False, None),
        ("part/#iv-b-18", True, "no such anchor"),
        ("missing/", True, "no such file"),
        ("part.htm", False, "no such file"),
        ("part/", False, "a folder opens nothing from the file system"),
        ("javascript:alert(1)", True, "a script address"),
        ("https://example.org/", True, None),
    ],
)
def test_the_checker_tells_working_links_from_broken_ones(
    tmp_path: Path, link: str, served: bool, problem: str | None
) -> None:
    for name, text in PAGES.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    page = tmp_path / "from.html"
    page.write_text(f'<a href="{link}">link</a>', encoding="utf-8")
    report = check(tmp_path, [page], served=served)
    assert report.broken == ([f"from.html: {link}: {problem}"] if problem else [])


def test_no_link_anywhere_on_the_website_is_broken(built_site: Path, site_url: str) -> None:
    """Every page of the three editions, the frame included (navigation, language switch, assets)."""
    report = check(built_site, sorted(built_site.rglob("*.html")), served=True)
    assert report.broken == []
    assert report.anchors_checked > 1400
    assert report.external <= {site_url, "http://www.quno.org", "https://squidfunk.github.io"}
