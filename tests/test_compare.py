"""Languages side by side: alignment (edition/tools/compare.py) and the comparison pages the build writes."""

from __future__ import annotations

import posixpath
from pathlib import Path

import pytest

from edition.downloads.edition_data import Chapter
from edition.text.page_parts import PageParts, Paragraph, Section
from edition.tools.compare import aligned_parts
from tests.site import EDITION_PREFIX, parse


def _chapter(lang: str, numbers: list[str], *, title: str) -> Chapter:
    prefix = "" if lang == "en" else f"{lang}/"
    section = Section(anchor=f"s-{lang}", title=f"{lang} section")
    paragraphs = [
        Paragraph(
            n,
            n.lower().replace(".", "-"),
            f'<p>{lang} {n} <a href="{prefix}p/#crc">x</a></p>',
            f"{lang} {n}",
            section.anchor,
        )
        for n in numbers
    ]
    return Chapter(title=title, url=f"{prefix}p/", parts=PageParts([section], paragraphs))


def _href(lang: str, path: str) -> str:
    return f"/{lang}/{path}"


def test_rows_align_by_number_and_a_missing_paragraph_leaves_a_gap() -> None:
    chapters = {
        "en": [Chapter("Title", "", PageParts()), _chapter("en", ["III.a.1", "III.a.2"], title="III General")],
        "fr": [Chapter("Titre", "fr/", PageParts()), _chapter("fr", ["III.a.2"], title="III Général")],
    }
    (part,) = aligned_parts(chapters, languages=["en", "fr"], reference="fr", href=_href)
    assert part["title"] == "III Général"
    assert [c["href"] for c in part["cells"]] == ["/en/p/", "/fr/fr/p/"]
    (section,) = part["sections"]
    assert section["anchor"] == "compare-iii-a" and section["title"] == "fr section"
    assert [row["number"] for row in section["rows"]] == ["III.a.2"]  # the reference language's rows


def test_cells_carry_their_language_links_and_inert_html() -> None:
    chapters = {lang: [_chapter(lang, ["IV.b.1"], title=lang)] for lang in ("en", "es")}
    chapters["es"][0].parts.paragraphs[0] = Paragraph(
        "IV.b.1", "iv-b-1", '<p onclick="x()">es<script>x()</script></p>', "es", "s-es"
    )
    (part,) = aligned_parts(chapters, languages=["en", "es"], reference="en", href=_href)
    (row,) = part["sections"][0]["rows"]
    assert row["anchor"] == "iv-b-1"
    assert [(c["lang"], c["href"]) for c in row["cells"]] == [("en", "/en/p/#iv-b-1"), ("es", "/es/es/p/#iv-b-1")]
    assert row["cells"][0]["html"] == '<p>en IV.b.1 <a href="/en/p/#crc">x</a></p>'
    assert row["cells"][1]["html"] == "<p>es</p>"


# Offline without the website's address: another language's cells keep their words and lose their links.
def test_a_language_without_an_address_is_shown_without_links() -> None:
    chapters = {lang: [_chapter(lang, ["IV.b.1"], title=lang)] for lang in ("en", "fr")}

    def href(lang: str, path: str) -> str | None:
        return _href(lang, path) if lang == "en" else None

    (part,) = aligned_parts(chapters, languages=["en", "fr"], reference="en", href=href)
    assert [(c["title"], c["href"]) for c in part["cells"]] == [("en", "/en/p/"), ("fr", None)]
    assert [c["title"] for c in part["sections"][0]["cells"]] == ["en section", "fr section"]
    (row,) = part["sections"][0]["rows"]
    assert [c["href"] for c in row["cells"]] == ["/en/p/#iv-b-1", None]
    assert row["cells"][1]["html"] == "<p>fr IV.b.1 x</p>"


# ---------------------------------------------------------------------------------------------
# The real build


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_each_comparison_page_aligns_every_paragraph_and_provision_in_three_languages(
    built_site: Path, lang: str
) -> None:
    soup = parse(built_site / EDITION_PREFIX[lang] / "compare" / "index.html")
    assert soup.html is not None and soup.html["lang"] == lang
    rows = soup.select(".compare__row[id]")
    paragraphs = [r for r in rows if r["id"].startswith(("iii-", "iv-"))]
    assert len(paragraphs) == 58
    assert len(rows) - len(paragraphs) == 19  # the provisions part II quotes
    for row in rows:
        cells = row.select(":scope > .compare__cell")
        assert [c["lang"] for c in cells] == ["en", "fr", "es"], row["id"]
        assert all(c.get_text(strip=True) for c in cells), row["id"]
    row = soup.select_one("#iv-b-17")
    assert row is not None
    links = [a["href"] for a in row.select(".compare__language a")]
    here = f"/{EDITION_PREFIX[lang]}compare"
    expected = [
        posixpath.relpath(f"/{EDITION_PREFIX[o]}specific-issues", here) + "/#iv-b-17" for o in ("en", "fr", "es")
    ]
    assert links == expected
    assert (
        row.select_one(":scope > [lang='fr'] > p:not(.compare__language)").get_text()
        in parse(built_site / "fr" / "specific-issues" / "index.html").select_one("#iv-b-17").get_text()
    )  # type: ignore[union-attr]
    assert not soup.select(".compare script, .compare [onclick]")


def test_the_comparison_is_kept_out_of_search(built_site: Path) -> None:
    index = (built_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "compare/" not in index
