"""The real English build: paragraph numbers, provisions, links and backlinks, and no foreign assets.

Every link of every page is checked in `tests/test_links.py`."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from edition.text.registry import load_registry
from tests.site import ALL_PAGES, PAGES, article, html_files, parse

ROOT = Path(__file__).resolve().parent.parent

# The guideline paragraphs of parts III and IV, counted from the source's bullets.
SECTIONS = {"III.a": 3, "III.b": 2, "III.c": 4, "III.d": 2, "IV.a": 17, "IV.b": 30}
EXPECTED_NUMBERS = [f"{s}.{n}" for s, count in SECTIONS.items() for n in range(1, count + 1)]


def all_guidelines(site: Path) -> list[tuple[str, str, str]]:
    found = []
    for name in PAGES:
        for div in parse(site / name).select("div.guideline"):
            label = div.select_one(".guideline__number a")
            assert label is not None
            found.append((name, div["id"], label.get_text()))
    return found


def test_each_edition_has_exactly_the_same_pages(built_site: Path) -> None:
    pages = sorted(str(p.relative_to(built_site)) for p in html_files(built_site))
    expected = [f"{prefix}{name}" for prefix in ("", "fr/", "es/") for name in ALL_PAGES]
    assert pages == sorted([*expected, "404.html"])


def test_the_58_guideline_numbers_are_present_once_each_in_order(built_site: Path) -> None:
    found = all_guidelines(built_site)
    assert [label for _, _, label in found] == EXPECTED_NUMBERS
    assert [anchor for _, anchor, _ in found] == [n.lower().replace(".", "-") for n in EXPECTED_NUMBERS]
    assert len(found) == 58
    for name in PAGES:
        ids = [tag["id"] for tag in parse(built_site / name).select("[id]")]
        assert len(ids) == len(set(ids)), f"duplicate ids on {name}"


def test_each_label_is_a_permalink_to_its_own_paragraph(built_site: Path) -> None:
    soup = parse(built_site / "specific-issues/index.html")
    div = soup.find(id="iv-b-17")
    assert div is not None
    link = div.select_one(".guideline__number a")
    assert link is not None and link["href"] == "#iv-b-17" and link.get_text() == "IV.b.17"
    assert "IV.b.17" in link["aria-label"]
    assert "Counselling services for parents and children" in div.get_text()
    assert [h.get_text().rstrip("¶").strip() for h in soup.select("h3")][:2] == [
        "Purpose",
        "Making the link with international human rights standards",
    ]
    assert soup.find(id="family-and-community-contacts") is not None


def test_every_provision_is_quoted_with_its_anchor_source_and_backlinks(built_site: Path) -> None:
    registry = load_registry(ROOT / "data")
    soup = parse(built_site / "international-provisions/index.html")
    figures = soup.select("figure.provision")
    assert [f["id"] for f in figures] == list(registry.provisions)
    for figure in figures:
        provision = registry.provisions[figure["id"]]
        assert provision.text["en"] in figure.select_one("blockquote").get_text()
        assert provision.source in figure.select_one(".provision__source").get_text()
        assert figure.select(".provision__cited-by a"), f"{figure['id']} is cited by nothing"


def test_links_and_backlinks_agree(built_site: Path) -> None:
    """Each guideline's 'rests on' links and each provision's 'cited by' links are mirror images."""
    rests_on: set[tuple[str, str]] = set()
    for name in PAGES:
        for div in parse(built_site / name).select("div.guideline"):
            for link in div.select(".guideline__rests-on a.xref__link"):
                rests_on.add((div["id"], urlsplit(link["href"]).fragment))
    cited_by: set[tuple[str, str]] = set()
    provisions = parse(built_site / "international-provisions/index.html")
    for figure in provisions.select("figure.provision"):
        for link in figure.select(".provision__cited-by a.xref__link"):
            cited_by.add((urlsplit(link["href"]).fragment, figure["id"]))
    assert rests_on == cited_by
    assert ("iv-b-17", "crc-18-1") in rests_on
    assert ("iv-b-4", "smr-23-1") in rests_on
    assert {("iii-a-2", p) for p in ("crc-2-1", "crc-3-1", "crc-6-2", "crc-12-1")} <= rests_on


def test_a_cited_provision_shows_its_text_in_an_accessible_preview(built_site: Path) -> None:
    soup = parse(built_site / "general-issues/index.html")
    div = soup.find(id="iii-a-2")
    assert div is not None
    link = div.find("a", href="../international-provisions/#crc-12-1")
    assert link is not None and link.get_text() == "12"
    tip = soup.find(id=link["aria-describedby"])
    assert tip is not None and tip["role"] == "tooltip"
    assert "capable of forming his or her own views" in tip.get_text()


def test_the_instruments_list_links_each_instrument_to_its_provisions(built_site: Path) -> None:
    soup = parse(built_site / "international-provisions/index.html")
    items = soup.select("ul.instruments > li")
    assert len(items) == 12
    crc = soup.find(id="crc")
    assert crc is not None
    assert [a["href"] for a in crc.select("a.xref__link")] == [
        f"#{p}" for p in ("crc-2-1", "crc-3-1", "crc-3-2", "crc-3-3", "crc-6-2", "crc-9-1", "crc-12-1", "crc-18-1")
    ]
    icescr = soup.find(id="icescr")
    assert icescr is not None and icescr.select("a") == []


def test_the_misprinted_address_is_corrected_with_a_visible_note(built_site: Path) -> None:
    text = article(parse(built_site / "foreword/index.html")).get_text(" ")
    assert "Editor’s note: the printed original reads “www.quono.org”" in text
    hrefs = [a["href"] for a in parse(built_site / "foreword/index.html").select("a[href*='quono']")]
    assert hrefs == []


FOREIGN = re.compile(r"^(https?:)?//", re.IGNORECASE)
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")
CSS_IMPORT = re.compile(r"@import\s+['\"]([^'\"]+)")


def test_no_asset_is_requested_from_another_host(built_site: Path) -> None:
    for path in html_files(built_site):
        soup = parse(path)
        for tag, attr in (
            ("script", "src"),
            ("link", "href"),
            ("img", "src"),
            ("source", "srcset"),
            ("iframe", "src"),
            ("video", "src"),
            ("audio", "src"),
            ("object", "data"),
        ):
            for element in soup.find_all(tag):
                value = element.get(attr)
                if tag == "link" and set(element.get("rel", [])) & {"canonical", "alternate"}:
                    continue
                assert not (value and FOREIGN.match(str(value))), f"{path}: <{tag} {attr}={value}>"
        for style in soup.find_all("style"):
            assert not any(FOREIGN.match(u) for u in CSS_URL.findall(style.get_text()))
    for css in built_site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        urls = CSS_URL.findall(text) + CSS_IMPORT.findall(text)
        assert not [u for u in urls if FOREIGN.match(u.strip())], f"{css} loads from another host"


@pytest.mark.parametrize("name", PAGES)
def test_every_page_declares_its_language_and_title(built_site: Path, name: str) -> None:
    soup = parse(built_site / name)
    assert soup.html is not None and soup.html["lang"] == "en"
    assert soup.title is not None and "Babies and Small Children Residing in Prisons" in soup.title.get_text()
    assert len(article(soup).select("h1")) == 1
