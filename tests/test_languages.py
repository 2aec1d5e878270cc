"""The three editions on the real build: same pages and ids, their own language, terms and official texts."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from lxml import etree

from tests.conftest import ROOT, BuildResult
from tests.site import ALL_PAGES, PAGES, article, parse

LANGS = {"en": "", "fr": "fr/", "es": "es/"}
GLOSSARY = yaml.safe_load((ROOT / "data" / "glossary.yml").read_text(encoding="utf-8"))
# Words of each edition's interface: Material's own, the nav, and the edition's apparatus.
INTERFACE = {
    "en": {"search": "Search", "nav": "Foreword", "rests_on": "Rests on:", "cited_by": "Cited by:"},
    "fr": {
        "search": "Rechercher",
        "nav": "Avant-propos",
        "rests_on": "Fondé sur\u00a0:",
        "cited_by": "Citée par\u00a0:",
    },
    "es": {"search": "Búsqueda", "nav": "Prólogo", "rests_on": "Se basa en:", "cited_by": "Citada en:"},
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", ALL_PAGES)
def test_language_attributes_and_alternates(built_site: Path, site_port: int, lang: str, name: str) -> None:
    soup = parse(built_site / LANGS[lang] / name)
    assert soup.html is not None and soup.html["lang"] == lang
    # No alternate in the page: Material's script would fetch a sitemap beside each, at its address.
    assert soup.select("head link[rel=alternate]") == []
    path = "/" + LANGS[lang] + name.removesuffix("index.html")
    published = f"http://127.0.0.1:{site_port}"  # the address this build was configured for
    alternates = _sitemap_alternates(built_site / LANGS[lang] / "sitemap.xml")[published + path]
    assert set(alternates) == {*LANGS, "x-default"}
    assert alternates["x-default"] == alternates["en"]
    for other in LANGS:
        assert alternates[other] == published + "/" + LANGS[other] + name.removesuffix("index.html")
    switch = {
        str(a["hreflang"]): urlsplit(urljoin("http://site" + path, str(a["href"]))).path
        for a in soup.select("a.md-select__link")
    }
    assert switch == {other: urlsplit(alternates[other]).path for other in LANGS}


# Why: each address of a sitemap with its language alternates, as search engines read them.
def _sitemap_alternates(sitemap: Path) -> dict[str, dict[str, str]]:
    root = etree.fromstring(sitemap.read_bytes())
    namespaces = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    return {
        str(url.findtext("s:loc", namespaces=namespaces)): {
            str(link.get("hreflang")): str(link.get("href")) for link in url.findall("x:link", namespaces)
        }
        for url in root.findall("s:url", namespaces)
    }


@pytest.mark.parametrize("name", ALL_PAGES)
def test_every_edition_has_the_same_paragraphs_and_provisions(built_site: Path, name: str) -> None:
    ids = {
        lang: [str(e["id"]) for e in parse(built_site / prefix / name).select("div.guideline, figure.provision")]
        for lang, prefix in LANGS.items()
    }
    assert ids["fr"] == ids["en"] and ids["es"] == ids["en"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_interface_speaks_the_editions_language(built_site: Path, lang: str) -> None:
    soup = parse(built_site / LANGS[lang] / "specific-issues/index.html")
    words = INTERFACE[lang]
    search = soup.select_one("input.md-search__input")
    assert search is not None and search["placeholder"] == words["search"]
    assert words["nav"] in [a.get_text(strip=True) for a in soup.select("nav.md-nav a")]
    assert words["rests_on"] in soup.select_one("#iv-b-17 .guideline__rests-on").get_text(" ", strip=True)
    provisions = parse(built_site / LANGS[lang] / "international-provisions/index.html")
    assert words["cited_by"] in provisions.select_one("#crc-9-1 .provision__cited-by").get_text(" ", strip=True)
    note = soup.select_one(".edition-note")
    assert (note is None) == (lang == "en")
    if note is not None:
        labels = yaml.safe_load((ROOT / "data" / "labels.yml").read_text(encoding="utf-8"))[lang]
        title, text = labels["translation_note_title"].strip(), labels["translation_note_text"].strip()
        gist = labels["translation_note_summary"].strip()
        assert title and text and gist, "an empty note says nothing"
        # Its gist is the line a reader sees; the whole note is one tap away.
        assert " ".join(note.select_one("details > summary").get_text().split()) == f"{title}. {gist}"
        assert " ".join(note.select_one("details > p").get_text().split()) == " ".join(text.split())
        assert "QUNO" in gist and "2005" in text and "2026" in text


def test_quoted_provisions_are_official_texts_or_say_they_are_not(built_site: Path) -> None:
    registry = yaml.safe_load((ROOT / "data" / "provisions.yml").read_text(encoding="utf-8"))
    for lang in ("fr", "es"):
        soup = parse(built_site / LANGS[lang] / "international-provisions/index.html")
        for record in registry:
            figure = soup.find(id=record["id"])
            assert figure is not None
            assert record["text"][lang] in figure.select_one("blockquote").get_text()
            assert record["note"][lang] in figure.get_text()
            unofficial = "provision--edition-translation" in figure["class"]
            assert unofficial == (not record["official"][lang]), record["id"]
    french = parse(built_site / "fr/international-provisions/index.html").find(id="crc-9-1")
    assert french is not None
    assert french.select_one("blockquote").get_text().startswith("«\u00a0Les États parties veillent")


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_one_terminology_per_language(lang: str) -> None:
    """Wherever an English page uses a glossary term, the same page of the edition uses its equivalent."""
    missing = []
    for entry in GLOSSARY:
        if lang not in entry:
            continue
        for english in (ROOT / "docs" / "en").glob("*.md"):
            translated = (ROOT / "docs" / lang / english.name).read_text(encoding="utf-8").casefold()
            used = entry["en"].casefold() in english.read_text(encoding="utf-8").casefold()
            if used and entry[lang].casefold() not in translated:
                missing.append(f"docs/{lang}/{english.name}: '{entry[lang]}' (for '{entry['en']}')")
    assert missing == []
    mandatory = {e["en"] for e in GLOSSARY if lang in e}
    assert {
        "persons deprived of their liberty",
        "best interests of the child",
        "Convention on the Rights of the Child",
        "Standard Minimum Rules for the Treatment of Prisoners",
    } <= mandatory


# Why: an ordinary space before « ; » or inside « » lets a French line break there.
BREAKABLE_FRENCH_SPACE = re.compile(r" [:;?!»]|« ")


def _french_strings(node: object) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "fr" and isinstance(value, str):
                yield value
            else:
                yield from _french_strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _french_strings(value)


def test_french_strings_keep_no_break_spaces() -> None:
    found = [
        f"{path.name}: {text[:60]}"
        for path in sorted((ROOT / "data").glob("*.yml"))
        for text in _french_strings(yaml.safe_load(path.read_text(encoding="utf-8")))
        if BREAKABLE_FRENCH_SPACE.search(text)
    ]
    labels = yaml.safe_load((ROOT / "data" / "labels.yml").read_text(encoding="utf-8"))["fr"]
    found += [f"labels.yml: {key}" for key, text in labels.items() if BREAKABLE_FRENCH_SPACE.search(text)]
    found += [
        f"{page.name}: {line[:60]}"
        for page in sorted((ROOT / "docs" / "fr").glob("*.md"))
        for line in page.read_text(encoding="utf-8").splitlines()
        if BREAKABLE_FRENCH_SPACE.search(line)
    ]
    assert found == []


@pytest.mark.parametrize("lang", LANGS)
def test_each_edition_has_its_own_search_index_and_sitemap(built_site: Path, lang: str) -> None:
    index = json.loads((built_site / LANGS[lang] / "search/search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == [lang]
    assert index["config"]["pipeline"] == ["stopWordFilter", "stemmer"]
    locations = [d["location"] for d in index["docs"]]
    assert not [loc for loc in locations if loc.split("/")[0] in ("fr", "es")]
    assert "specific-issues/#iv-b-17" in locations
    titles = {d["location"]: d["title"] for d in index["docs"]}
    assert titles["specific-issues/#iv-b-17"] == "IV.b.17"
    sitemap = (built_site / LANGS[lang] / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.count("<url>") == (3 if lang == "en" else 1) * len(ALL_PAGES)


def test_a_paragraph_missing_in_one_language_fails_the_build(build_copy: Callable[..., BuildResult]) -> None:
    def drop_paragraph(text: str) -> str:
        start = text.index("::: guideline IV.b.17")
        end = text.index("\n\n", start)
        return text[:start] + text[end + 2 :]

    result = build_copy({"docs/es/specific-issues.md": drop_paragraph})
    assert result.returncode == 1
    assert (
        "docs/es/specific-issues.md:1: paragraph 'IV.b.17' missing in 'es' (present in docs/en/specific-issues.md)"
        in result.log
    )
    assert not (result.site / "index.html").exists(), "no language is built when parity fails"


def test_a_page_missing_in_one_language_fails_the_build(build_copy: Callable[..., BuildResult], tmp_path: Path) -> None:
    result = build_copy({}, add={"docs/fr/extra.md": ROOT / "docs" / "en" / "contact.md"})
    assert result.returncode == 1
    assert "docs/fr/extra.md:1: page not in 'en'" in result.log


def test_the_registry_is_complete_in_every_language(build_copy: Callable[..., BuildResult]) -> None:
    result = build_copy({"data/provisions.yml": lambda t: t.replace('    es: "CDN, art. 9(1)"\n', "", 1)})
    assert result.returncode == 1
    assert "provision 'crc-9-1' has no label in 'es'" in result.log


def test_the_site_text_of_each_edition_is_in_its_language(built_site: Path) -> None:
    """A crude but real check: frequent English words do not appear in the French and Spanish text."""
    for lang in ("fr", "es"):
        for name in PAGES:
            text = " " + article(parse(built_site / LANGS[lang] / name)).get_text(" ").casefold() + " "
            for word in (" should ", " the ", " shall "):
                assert text.count(word) <= 2, f"{lang}/{name} has '{word.strip()}' {text.count(word)} times"
