"""Practice notes in the real build: linked both ways, faithful to their sources in every language,
in each language's search and PDF, and marked as the edition's."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup, Comment, Tag
from pypdf import PdfReader

from edition.annexes.practice import Country, numbers_in
from edition.text.ids import guideline_anchor
from tests.conftest import BuildResult
from tests.site import EDITION_PREFIX, PAGES, article, html_files, parse, pdf_words
from tests.test_pdf import outline_titles, pdf_path
from tests.test_practice import SOURCES, load

LANGS = list(EDITION_PREFIX)
ANNEX = "practice/index.html"
# The edition's own apparatus inside a note, which is not drawn from the report: the paragraph
# previews (QUNO's text), paragraph numbers, permalinks and the note saying the note is the edition's.
NOT_FROM_THE_REPORT = [".xref__tip", "li[data-paragraph] a.xref__link", ".headerlink", ".practice-note__edition"]


@pytest.fixture(scope="module")
def countries() -> list[Country]:
    found, problems = load()
    assert problems == []
    return found


def annex(site: Path, lang: str) -> BeautifulSoup:
    return parse(site / EDITION_PREFIX[lang] / ANNEX)


# Why: a country's note as the reader sees it: its heading up to the next level-2 heading.
def note_of(soup: BeautifulSoup, country_id: str) -> Tag:
    heading = soup.find("h2", id=country_id)
    assert isinstance(heading, Tag), country_id
    note = BeautifulSoup("<section></section>", "lxml").section
    assert note is not None
    for node in list(heading.find_next_siblings()):
        if node.name == "h2":
            break
        note.append(BeautifulSoup(str(node), "lxml").body.contents[0])  # type: ignore[union-attr]
    return note


def text_from_the_report(node: Tag) -> str:
    copy = BeautifulSoup(str(node), "lxml")
    for selector in NOT_FROM_THE_REPORT:
        for found in copy.select(selector):
            found.decompose()
    return " ".join(copy.get_text(" ").split())


# Why: where each paragraph is, per language: the built page and its div.
def paragraph_pages(site: Path, lang: str) -> dict[str, tuple[str, Tag]]:
    found = {}
    for name in PAGES:
        for div in article(parse(site / EDITION_PREFIX[lang] / name)).select("div.guideline[id]"):
            found[str(div["id"])] = (name, div)
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_each_paragraph_leads_to_the_notes_that_bear_on_it(
    built_site: Path, countries: list[Country], lang: str
) -> None:
    where = paragraph_pages(built_site, lang)
    expected: dict[str, list[str]] = {}
    for country in countries:
        for bearing in country.bears_on:
            expected.setdefault(guideline_anchor(bearing.paragraph), []).append(country.id)
    for anchor, (name, div) in where.items():
        links = div.select(".practice-links a.xref__link")
        targets = [urljoin(f"/{EDITION_PREFIX[lang]}{name}", str(a["href"])) for a in links]
        wanted = [f"/{EDITION_PREFIX[lang]}practice/#{cid}" for cid in expected.get(anchor, [])]
        assert targets == wanted, anchor
        names = {c.id: c.name[lang] for c in countries}
        assert [a.get_text() for a in links] == [names[c] for c in expected.get(anchor, [])]
    assert len(expected) >= 10 and set(expected) <= set(where)
    mexico = where["iv-b-29"][1].select_one(".practice-links")
    assert mexico is not None
    label = {"en": "In practice:", "fr": "En pratique\u00a0:", "es": "En la práctica:"}[lang]
    assert mexico.get_text().startswith(label)


@pytest.mark.parametrize("lang", LANGS)
def test_each_note_leads_back_to_its_paragraphs_with_the_reason(
    built_site: Path, countries: list[Country], lang: str
) -> None:
    where = paragraph_pages(built_site, lang)
    soup = annex(built_site, lang)
    base = f"/{EDITION_PREFIX[lang]}{ANNEX}"
    for country in countries:
        items = note_of(soup, country.id).select(".practice-note__bears-on li[data-paragraph]")
        assert [li["data-paragraph"] for li in items] == [b.paragraph for b in country.bears_on]
        for li, bearing in zip(items, country.bears_on, strict=True):
            link = li.select_one("a.xref__link")
            assert link is not None and link.get_text() == bearing.paragraph
            page, anchor = urljoin(base, str(link["href"])).split("#")
            assert page == f"/{EDITION_PREFIX[lang]}{where[anchor][0].removesuffix('index.html')}"
            assert anchor == guideline_anchor(bearing.paragraph)
            assert bearing.reason[lang] in li.get_text()
            tip = li.select_one(".xref__tip .xref__text")
            assert tip is not None and tip.get_text()[:40] in where[anchor][1].get_text()


def test_no_placeholder_is_left_in_any_page(built_site: Path) -> None:
    left = [
        f"{path.relative_to(built_site)}: {comment}"
        for path in html_files(built_site)
        for comment in parse(path).find_all(string=lambda s: isinstance(s, Comment))
        if "edition:practice" in comment
    ]
    assert left == []


@pytest.mark.parametrize("lang", LANGS)
def test_every_number_a_note_shows_is_in_its_source(built_site: Path, countries: list[Country], lang: str) -> None:
    """Numbers are read from the rendered note, table row and previews; each must be one of the
    recorded facts' numbers, and each fact is verbatim in the source file."""
    soup = annex(built_site, lang)
    shown: dict[str, set[int]] = {}
    for country in countries:
        source = (SOURCES / country.source).read_text(encoding="utf-8")
        assert all(fact in source for fact in country.facts)
        row = soup.select_one(f".practice-overview tr[data-practice-country='{country.id}']")
        assert row is not None
        texts = [text_from_the_report(note_of(soup, country.id)), text_from_the_report(row)]
        shown[country.id] = set().union(*(numbers_in(text, lang=lang) for text in texts))
        assert shown[country.id] <= country.numbers, (country.id, sorted(shown[country.id] - country.numbers))
    for name, (_, div) in paragraph_pages(built_site, lang).items():
        for tip in div.select(".practice-links .xref__tip"):
            country = next(c for c in countries if str(tip["id"]).endswith(f"-{c.id}"))
            assert numbers_in(tip.get_text(" "), lang=lang) <= country.numbers, name
    # Not vacuous: the ages, the count of women interviewed and the dates are there in every language.
    assert {6, 2000, 2018} <= shown["mexico"]
    assert {3, 36} <= shown["cambodia"]
    assert {17, 2017} <= shown["england"]
    assert {5, 18, 2018} <= shown["france"]


@pytest.mark.parametrize("lang", LANGS)
def test_quotations_are_verbatim_and_translations_are_marked_as_the_editions(
    built_site: Path, countries: list[Country], lang: str
) -> None:
    soup = annex(built_site, lang)
    for country in countries:
        source = (SOURCES / country.source).read_text(encoding="utf-8")
        note = note_of(soup, country.id)
        quotes = note.select(".practice-quote blockquote")
        assert len(quotes) == len(country.quotations) >= 1
        for quote in quotes:
            assert quote["lang"] == country.language
            words = quote.get_text().strip().removeprefix("“").removesuffix("”").strip("«» \u00a0\u202f")
            assert words in source, words
        translations = note.select(".practice-quote__translation")
        assert len(translations) == (0 if lang == country.language else len(quotes))
        for translation in translations:
            label = translation.select_one(".practice-quote__translation-label")
            assert label is not None and {"en": "", "fr": "l’édition", "es": "esta edición"}[lang] in label.get_text()
    prose = article(annex(built_site, "en")).get_text(" ")
    for country in countries:
        text = " ".join(note_of(annex(built_site, "en"), country.id).get_text(" ").split())
        for quoted in re.findall(r"“([^”]+)”", text):
            assert quoted in (SOURCES / country.source).read_text(encoding="utf-8"), quoted
    assert "“no good option”" in prose


@pytest.mark.parametrize("lang", LANGS)
def test_each_note_names_its_source_and_kind_and_says_it_is_the_editions(
    built_site: Path, countries: list[Country], lang: str
) -> None:
    soup = annex(built_site, lang)
    kind = {
        "news": {"en": "A news report of its date", "fr": "Un reportage de presse, à sa date", "es": "Un reportaje"},
        "ngo": {"en": "non-governmental organization", "fr": "non gouvernementale", "es": "no gubernamental"},
    }
    edition = {"en": "not part of QUNO’s 2005 text", "fr": "ne fait pas partie du texte", "es": "No forma parte"}
    for country in countries:
        note = note_of(soup, country.id)
        source = note.select_one(".practice-note__source")
        assert source is not None
        text = " ".join(source.get_text(" ").split())
        assert " ".join(country.citation["publisher"][lang].split()) in text  # spaces as in text, no-break too
        assert country.place[lang] in text and country.name[lang] in text
        for key in ("title", "author"):
            if key in country.citation:
                assert country.citation[key] in text
        assert kind[country.kind][lang] in text
        assert "statisti" in text.casefold() or "estadística" in text.casefold()
        marked = note.select_one(".practice-note__edition")
        assert marked is not None and edition[lang] in marked.get_text()
    dates = {"en": "4 May 2018", "fr": "4 mai 2018", "es": "4 de mayo de 2018"}
    assert dates[lang] in " ".join(note_of(soup, "france").get_text(" ").split())


@pytest.mark.parametrize("lang", LANGS)
def test_the_annex_is_in_the_navigation_and_on_the_home_page(built_site: Path, lang: str) -> None:
    title = {
        "en": "Annex: Practice around the world",
        "fr": "Annexe : la pratique dans le monde",
        "es": "Anexo: la práctica en el mundo",
    }[lang]
    home = parse(built_site / EDITION_PREFIX[lang] / "index.html")
    nav = [" ".join(a.get_text().split()) for a in home.select("nav.md-nav--primary a.md-nav__link")]
    assert title in nav
    pointer = home.select_one(".edition-orientation .practice-home a")
    assert pointer is not None and pointer["href"] == "practice/"
    assert annex(built_site, lang).select_one("h1") is not None
    assert " ".join(annex(built_site, lang).select_one("h1").get_text().rstrip("¶").split()) == title  # type: ignore[union-attr]


@pytest.mark.parametrize("lang", LANGS)
def test_the_annex_is_in_its_own_languages_search_index(built_site: Path, lang: str) -> None:
    index = json.loads((built_site / EDITION_PREFIX[lang] / "search/search_index.json").read_text(encoding="utf-8"))
    docs = [d for d in index["docs"] if d["location"].startswith("practice/")]
    text = " ".join(d["title"] + " " + d["text"] for d in docs)
    own = {"en": "imprisoned mothers", "fr": "mères incarcérées", "es": "madres encarceladas"}[lang]
    assert own in text
    assert "Baumettes" in text and "Siem Reap" in text
    mexico = {"en": "Mexico", "fr": "Mexique", "es": "México"}[lang]
    assert any(d["location"] == "practice/#mexico" and d["title"] == mexico for d in docs)


@pytest.mark.parametrize("lang", LANGS)
def test_the_pdf_holds_the_annex_last_and_marked_as_the_editions(built_site: Path, lang: str) -> None:
    reader = PdfReader(pdf_path(built_site, lang))
    text = pdf_words(pdf_path(built_site, lang))
    titles = [" ".join(t.split()) for t in outline_titles(reader.outline)]
    annex_title = {
        "en": "Annex: Practice around the world",
        "fr": "Annexe : la pratique dans le monde",
        "es": "Anexo: la práctica en el mundo",
    }[lang]
    found = [i for i, title in enumerate(titles) if title.replace("\u00a0", " ") == annex_title]
    contact = {"en": "Contact", "fr": "Contact", "es": "Contacto"}[lang]
    assert len(found) == 1 and titles.index(contact) < found[0]
    marked = {
        "en": "It is not part of QUNO’s 2005 text.",
        "fr": "Elle ne fait pas partie du texte publié par le QUNO en 2005.",
        "es": "No forma parte del texto publicado por la QUNO en 2005.",
    }[lang]
    assert marked in text
    assert "We panic straight away if we spot a fever" in text
    home_pointer = {"en": "Read the notes", "fr": "Lire les notes", "es": "Leer las notas"}[lang]
    assert home_pointer not in text, "the home page's pointer is the website's, not the title page's"


def test_a_bad_record_and_a_bad_note_fail_the_build_together(build_copy: Callable[..., BuildResult]) -> None:
    result = build_copy(
        {
            "data/practice.yml": lambda t: t.replace("- paragraph: IV.b.13", "- paragraph: IV.b.31").replace(
                '    fr: "Prison de Siem Reap"\n', ""
            ),
            "docs/es/practice.md": lambda t: t.replace("36 mujeres", "37 mujeres"),
        }
    )
    assert result.returncode == 1
    for expected in (
        "data/practice.yml:9: france: unknown paragraph 'IV.b.31'",
        "cambodia: place has no text in 'fr'",
        "docs/es/practice.md:",
        "note 'cambodia' shows [37], which no recorded fact gives",
        "3 problem(s) in the edition's sources",
    ):
        assert expected in result.log, result.log
