"""What the two annexes show (``edition/annexes/*_views.py``), from the real data, pages and templates: no build.

Each language's index comes from scanning its pages; addresses are the website's (``iv/``, the default
language at the root, the others under ``fr/`` and ``es/``), as MkDocs computes them.
"""

from __future__ import annotations

import dataclasses
import functools
import shutil
from pathlib import Path

import jinja2
import pytest
import yaml
from bs4 import BeautifulSoup

from edition.annexes.later_law import LaterLaw, load_later_law
from edition.annexes.later_law_views import PLACE, LaterLawPage
from edition.annexes.practice import NOTE_PLACE, OVERVIEW_PLACE, Country
from edition.annexes.practice_views import (
    checked_countries,
    fill_annex,
    fill_page,
    home_note,
    joined,
    report_date,
)
from edition.annexes.views import AnnexPage, is_page
from edition.shared.problems import EditionError
from edition.shared.safe_html import autoescape_in
from edition.text.crossrefs import build_index
from edition.text.links import Links
from edition.text.registry import load_registry
from edition.text.syntax import scan

ROOT = Path(__file__).resolve().parent.parent
OVERRIDES = ROOT / "overrides"
REGISTRY = load_registry(ROOT / "data")
LANGS = ["en", "fr", "es"]
ENV = jinja2.Environment(loader=jinja2.FileSystemLoader(OVERRIDES), autoescape=autoescape_in(OVERRIDES))


@functools.cache
def links(lang: str) -> Links:
    pages = sorted((ROOT / "docs" / lang).glob("*.md"))
    scanned = [(f"{lang}/{p.name}", scan(p.read_text(encoding="utf-8"), path=str(p.relative_to(ROOT)))) for p in pages]
    index, problems = build_index(scanned, REGISTRY)
    assert not problems
    prefix = "" if lang == "en" else f"{lang}/"
    urls = {f"{lang}/{p.name}": prefix if p.stem == "index" else f"{prefix}{p.stem}/" for p in pages}
    return Links(index, REGISTRY, lang, urls)


def page(lang: str, name: str) -> AnnexPage:
    resolver = links(lang)
    return AnnexPage(resolver, resolver.urls[f"{lang}/{name}"], f"{lang}/{name}", ENV)


@functools.cache
def countries() -> tuple[Country, ...]:
    return checked_countries(ROOT, languages=LANGS, paragraphs=frozenset(links("en").index.guidelines))


@functools.cache
def law() -> LaterLaw:
    numbers, provisions = list(links("en").index.guidelines), list(REGISTRY.provisions)
    return load_later_law(ROOT / "data", paragraphs=numbers, provisions=provisions, shown="data/later-law.yml")


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "lxml")


# ---------------------------------------------------------------------------------------------
# Both annexes


@pytest.mark.parametrize(
    ("src_uri", "name", "lang", "expected"),
    [
        ("practice.md", "practice.md", "en", True),  # a site without the i18n plugin
        ("fr/practice.md", "practice.md", "fr", True),
        ("en/practice.md", "practice.md", "fr", False),  # another language's annex
        ("fr/law-since-2005.md", "practice.md", "fr", False),
        ("fr/notes/practice.md", "practice.md", "fr", False),
    ],
)
def test_a_page_is_the_annex_by_its_source_path_in_its_language(
    src_uri: str, name: str, lang: str, expected: bool
) -> None:
    assert is_page(src_uri, name, lang=lang) is expected


@pytest.mark.parametrize(
    ("lang", "here", "name", "anchor", "expected"),
    [
        ("en", "specific-issues.md", "practice.md", "france", "../practice/#france"),
        ("en", "index.md", "practice.md", "", "practice/"),
        ("fr", "general-issues.md", "law-since-2005.md", "crc-9-1", "../law-since-2005/#crc-9-1"),
        ("es", "practice.md", "practice.md", "mexico", "#mexico"),
    ],
)
def test_an_annex_page_reaches_another_page_through_the_resolver(
    lang: str, here: str, name: str, anchor: str, expected: str
) -> None:
    assert page(lang, here).url(name, anchor) == expected


def test_a_page_missing_from_the_build_stops_it_naming_the_page_that_links_to_it() -> None:
    with pytest.raises(EditionError, match=r"fr/index\.md: 'nowhere\.md' is not part of this build"):
        page("fr", "index.md").url("nowhere.md")


# ---------------------------------------------------------------------------------------------
# Practice around the world


@pytest.mark.parametrize(
    ("names", "lang", "expected"),
    [
        ([], "en", ""),
        (["France"], "en", "France"),
        (["France", "Mexico"], "en", "France and Mexico"),
        (["France", "Mexique", "Angleterre", "Cambodge"], "fr", "France, Mexique, Angleterre et Cambodge"),
        (["Francia", "México", "Inglaterra"], "es", "Francia, México y Inglaterra"),
    ],
)
def test_country_names_are_joined_in_the_readers_language(names: list[str], lang: str, expected: str) -> None:
    assert joined(names, labels=REGISTRY.labels[lang]) == expected


@pytest.mark.parametrize(
    ("citation", "lang", "expected"),
    [
        ({"date": "2012-06-07"}, "en", "7 June 2012"),
        ({"date": "2012-06-07"}, "es", "7 de junio de 2012"),
        ({"date_note": {"en": "undated", "fr": "non daté"}}, "fr", "non daté"),
    ],
)
def test_a_report_is_dated_in_the_readers_words_or_by_its_note(
    citation: dict[str, object], lang: str, expected: str
) -> None:
    country = dataclasses.replace(countries()[0], citation={"publisher": {lang: "X"}, **citation})
    assert report_date(country, lang=lang, labels=REGISTRY.labels[lang]) == expected


@pytest.mark.parametrize("lang", LANGS)
def test_under_a_paragraph_each_country_note_bearing_on_it_is_linked_with_its_reason(lang: str) -> None:
    html = "<p>IV.a.10</p><!-- edition:practice IV.a.10 --><p>IV.a.1</p><!-- edition:practice IV.a.1 -->"
    filled = soup(fill_page(html, page(lang, "specific-issues.md"), countries=countries(), is_annex=False))
    bearing = [c for c in countries() if any(b.paragraph == "IV.a.10" for b in c.bears_on)]
    assert [c.id for c in bearing] == ["france", "mexico", "cambodia"]
    anchors = filled.select("p.practice-links a.xref__link")
    assert [a["href"] for a in anchors] == [f"../practice/#{c.id}" for c in bearing]
    assert [a.get_text() for a in anchors] == [c.name[lang] for c in bearing]
    tips = filled.select("p.practice-links .xref__tip")
    assert [t["id"] for t in tips] == [f"practice-tip-iv-a-10-{c.id}" for c in bearing]
    assert tips[0].select_one(".xref__text").get_text() == bearing[0].bears_on[0].reason[lang]
    assert len(filled.select("p.practice-links")) == 1  # IV.a.1 has no note: its place goes
    assert "edition:practice" not in str(filled)


def test_the_annex_gets_its_overview_and_each_notes_apparatus_linked_to_the_paragraphs() -> None:
    html = OVERVIEW_PLACE + "".join(NOTE_PLACE.format(id=c.id) for c in countries())
    filled = soup(fill_page(html, page("fr", "practice.md"), countries=countries(), is_annex=True))
    assert "edition:practice" not in str(filled)
    assert [n["data-practice-country"] for n in filled.select(".practice-note")] == [c.id for c in countries()]
    england = filled.select_one('div.practice-note[data-practice-country="england"]')
    assert england is not None
    items = england.select(".practice-note__bears-on li")
    assert [li["data-paragraph"] for li in items] == ["IV.a.2", "IV.a.6", "IV.a.16", "IV.b.17"]
    link = items[-1].select_one("a.xref__link")
    assert link is not None and link["href"] == "../specific-issues/#iv-b-17"
    preview = items[-1].select_one(".xref__text")
    assert preview is not None and preview.get_text() == links("fr").index.guidelines["IV.b.17"].text


def test_the_data_is_escaped_in_the_annex() -> None:
    france = countries()[0]
    hostile = dataclasses.replace(france, name={**france.name, "en": "<script>alert(1)</script>"})
    filled = soup(
        fill_annex(OVERVIEW_PLACE + NOTE_PLACE.format(id="france"), page("en", "practice.md"), countries=[hostile])
    )
    assert filled.find("script") is None
    assert "<script>alert(1)</script>" in filled.get_text()


@pytest.mark.parametrize(("lang", "href"), [("en", "practice/"), ("fr", "practice/"), ("es", "practice/")])
def test_the_home_page_points_to_the_annex_naming_every_country(lang: str, href: str) -> None:
    note = soup(str(home_note(page(lang, "index.md"), countries=countries())))
    link = note.select_one("p.practice-home a")
    assert link is not None and link["href"] == href
    names = [c.name[lang] for c in countries()]
    assert joined(names, labels=REGISTRY.labels[lang]) in note.get_text()


def test_a_bad_record_and_a_bad_note_are_reported_together(tmp_path: Path) -> None:
    for folder in ("data", "sources"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    for lang in LANGS:
        (tmp_path / "docs" / lang).mkdir(parents=True)
        shutil.copy(ROOT / "docs" / lang / "practice.md", tmp_path / "docs" / lang / "practice.md")
    records = yaml.safe_load((tmp_path / "data" / "practice.yml").read_text(encoding="utf-8"))
    records[0]["bears_on"][0]["paragraph"] = "IV.z.99"
    (tmp_path / "data" / "practice.yml").write_text(yaml.safe_dump(records, allow_unicode=True), encoding="utf-8")
    note = tmp_path / "docs" / "fr" / "practice.md"
    note.write_text(
        note.read_text(encoding="utf-8").replace("<!-- edition:practice-note mexico -->", ""), encoding="utf-8"
    )
    paragraphs = frozenset(links("en").index.guidelines)
    with pytest.raises(EditionError) as raised:
        checked_countries(tmp_path, languages=LANGS, paragraphs=paragraphs)
    shown = {p.path for p in raised.value.problems}
    assert shown == {"data/practice.yml", "docs/fr/practice.md"}
    assert "IV.z.99" in str(raised.value)


# ---------------------------------------------------------------------------------------------
# Law since 2005


def paragraph_with(*, links_: bool) -> str:
    return next(n for n, d in law().paragraphs.items() if bool(d.links) is links_ and n in links("en").index.guidelines)


@pytest.mark.parametrize("lang", LANGS)
def test_the_first_note_on_a_page_is_marked_and_every_preview_numbered(lang: str) -> None:
    linked, unlinked = paragraph_with(links_=True), paragraph_with(links_=False)
    provision = next(iter(law().provisions))
    places = [linked, unlinked, provision, "nowhere"]
    html = "".join(f"<div>{PLACE}{target} --></div>" for target in places)
    filling = LaterLawPage(law(), page(lang, "general-issues.md"))
    filled = soup(filling.fill_notes(html))
    notes = filled.select("aside.law-since")
    assert len(notes) == 2  # a paragraph whose decision is "none" gets no note
    assert [bool(n.select(".law-since__mark")) for n in notes] == [True, False]
    assert notes[1]["aria-describedby"] == "law-since-mark"
    rules = [k.rule for k in law().paragraphs[linked].links] + list(law().provisions[provision].later)
    tips = filled.select(".xref__tip")
    assert [t["id"] for t in tips] == [f"law-tip-{i}" for i in range(1, len(rules) + 1)]
    hrefs = [a["href"] for a in filled.select("a.xref__link")]
    assert hrefs == [f"../law-since-2005/#{rule.id}" for rule in rules]
    assert notes[1].select_one(".law-since__status") is not None  # the provision's status today
    assert f"{PLACE}nowhere -->" in str(filled)  # an unknown id's place is left for the checks to find


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "status as of 6 December 2026"), ("fr", "état au 6 décembre 2026")],
)
def test_the_notes_are_dated_by_the_datas_status(lang: str, expected: str) -> None:
    assert law().status_as_of == "2026-12-06"
    assert LaterLawPage(law(), page(lang, "index.md")).status_as_of() == expected


@pytest.mark.parametrize(
    ("region", "expected"), [(None, ""), ("africa", "(regional: Africa)"), ("europe", "(regional: Europe)")]
)
def test_a_regional_rule_says_its_region(region: str | None, expected: str) -> None:
    rule = next(iter(law().rules.values()))
    regional = dataclasses.replace(rule, instrument=dataclasses.replace(rule.instrument, region=region))
    assert LaterLawPage(law(), page("en", "index.md")).region_tag(regional) == expected


def test_the_annex_page_lists_every_provision_and_links_each_rule_back_to_its_paragraphs() -> None:
    filling = LaterLawPage(law(), page("es", "law-since-2005.md"))
    context = filling.page_context()
    assert len(context["crosswalk"]) == len(law().provisions)
    first = context["crosswalk"][0]
    pid = next(iter(law().provisions))
    assert first["href"] == links("es").href(pid, here="es/law-since-2005/")
    assert first["label"] == REGISTRY.provisions[pid].label["es"]
    instruments = [i["id"] for g in context["groups"] for i in g["instruments"]]
    assert sorted(instruments) == sorted(law().instruments)
    assert context["groups"][0]["id"] == "law-since-instruments"  # United Nations instruments first
    rule = next(r for g in context["groups"] for i in g["instruments"] for r in i["rules"] if r["paragraphs"])
    assert [p["number"] for p in rule["paragraphs"]] == law().paragraphs_of(rule["id"])
    assert all(p["href"].startswith("../") and "#" in p["href"] for p in rule["paragraphs"])
    html = soup(filling.annex())
    assert html.select_one(f'[id="{rule["id"]}"]') is not None


def test_the_home_note_links_the_annex() -> None:
    note = soup(str(LaterLawPage(law(), page("fr", "index.md")).home_note()))
    link = note.select_one("p.law-since--home a")
    assert link is not None and link["href"] == "law-since-2005/"
