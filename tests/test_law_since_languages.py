"""Quoted law in each language: a page and PDF show the UN's official quotation in their own language
where one is stored (``quote.<lang>`` in data/later-law.yml), and otherwise the edition's summary marked
as the edition's, never another language's quotation; and the provisions whose French official text
was read in the check of 25 November 2026 (data/provisions.yml).

The only official French or Spanish wording of a later rule read so far (6 December 2026, see the
header of data/later-law.yml) is the Spanish of Bangkok rule 24, so the French quotation below is a
FIXTURE, added to a copy of the project and worded so that nobody could take it for law."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from edition.annexes.later_law import DATA_FILE, Rule, load_later_law, rule_source_line
from edition.text.registry import load_registry
from tests.conftest import BuildResult
from tests.site import EDITION_PREFIX, parse, pdf_words
from tests.test_law_since import paragraph_numbers, provision_ids

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
PAGE = "law-since-2005/index.html"
REGISTRY = load_registry(DATA)
LAW = load_later_law(DATA, paragraphs=paragraph_numbers(), provisions=provision_ids(), shown=DATA_FILE)

Build = Callable[..., BuildResult]

# A fixture, not law: added to a copy of data/later-law.yml only, for rule 49 of the Bangkok Rules.
FIXTURE_QUOTE = "TEXTE DE TEST (fixture, aucun texte officiel) pour la règle 49"
FIXTURE_SOURCE = "source de test (fixture), aucun document réel"


# Why: the box of one rule on the annex page (an article, or the instrument's own div for a whole instrument).
def rule_box(soup: BeautifulSoup, rule: Rule) -> Tag:
    heading = soup.find(id=rule.id)
    assert isinstance(heading, Tag), rule.id
    box = heading.find_parent("article") if heading.name == "h4" else heading.find_next("div", class_="law-since-rule")
    assert isinstance(box, Tag), rule.id
    return box


# Why: what a reader of the PDF reads, whitespace as one space.
def pdf_text(site: Path, lang: str) -> str:
    return pdf_words(site / EDITION_PREFIX[lang] / f"babies-and-small-children-residing-in-prisons-{lang}.pdf")


# Why: the fixture quotation and its source written into rule 49's record, after its English ones.
def with_french_quote(text: str) -> str:
    start = text.index("  - id: bangkok-49\n")
    end = text.index("  - id: ", start + 1)
    block = text[start:end]
    for key, value in (("quote", FIXTURE_QUOTE), ("quote_source", FIXTURE_SOURCE)):
        english = block.index("      en: ", block.index(f"    {key}:\n"))
        after = block.index("\n", english) + 1
        block = f'{block[:after]}      fr: "{value}"\n{block[after:]}'
    # The copy read for the fixture has no publisher to name.
    english_only = '    reproduced_by: {en: "Children of Prisoners Europe"}'
    block = block.replace(english_only, f"{english_only[:-1]}, fr: null}}")
    return text[:start] + block + text[end:]


@pytest.mark.parametrize("lang", EDITION_PREFIX)
def test_each_rule_shows_its_languages_quotation_or_the_marked_summary(built_site: Path, lang: str) -> None:
    soup = parse(built_site / EDITION_PREFIX[lang] / PAGE)
    labels = REGISTRY.labels[lang]
    for rule in LAW.rules.values():
        box = rule_box(soup, rule)
        quote, summary = box.select_one(".law-since-rule__quote"), box.select_one(".law-since-rule__summary")
        if lang in rule.quote:
            assert summary is None and quote is not None, rule.id
            assert quote.get_text() == f"{labels['quote_open']}{rule.quote[lang]}{labels['quote_close']}"
        else:
            assert quote is None and summary is not None, rule.id
            mark = summary.select_one(".law-since__mark")
            assert mark is not None and mark.get_text().startswith(labels["law_since_summary"]), rule.id
            assert rule.summary[lang] in summary.get_text(), rule.id
        # One line in the page's language; the research record (checked, quote_source) stays in the data.
        source = box.select_one(".law-since-rule__source")
        assert source is not None and source.get_text() == rule_source_line(rule, lang, labels), rule.id
        assert rule.checked not in box.get_text() and rule.quote_source.get(lang, "\0") not in box.get_text()
    if lang != "en":
        text = soup.get_text(" ")
        assert not [r.id for r in LAW.rules.values() if "en" in r.quote and r.quote["en"][:60] in text]


def test_a_french_quotation_is_shown_as_a_quotation_on_the_french_pages_and_pdf(build_copy: Build) -> None:
    result = build_copy({f"data/{DATA_FILE}": with_french_quote})
    assert result.returncode == 0, result.log
    fr = REGISTRY.labels["fr"]
    soup = parse(result.site / "fr" / PAGE)
    box = rule_box(soup, LAW.rules["bangkok-49"])
    quote = box.select_one("blockquote.law-since-rule__quote")
    assert quote is not None and quote.get_text() == f"{fr['quote_open']}{FIXTURE_QUOTE}{fr['quote_close']}"
    source = box.select_one(".law-since-rule__source")
    assert source is not None and source.get_text() == fr["source_compared_copy"].format(symbol="A/RES/65/229")
    assert box.select_one(".law-since-rule__summary") is None
    # Where no French quotation is stored, the French summary, marked as the edition's.
    other = rule_box(soup, LAW.rules["bangkok-50"]).select_one(".law-since-rule__summary .law-since__mark")
    assert other is not None and other.get_text().startswith(fr["law_since_summary"])
    # The note under a paragraph previews the quotation as a quotation, not as the edition's summary.
    page = parse(result.site / "fr" / "specific-issues/index.html")
    link = page.select_one("#iv-a-10 aside.law-since a.xref__link")
    assert link is not None and link.get_text() == "Règles de Bangkok, règle 49"
    tip = page.select_one(f"#{link['aria-describedby']}")
    assert tip is not None and FIXTURE_QUOTE in tip.get_text() and fr["law_since_summary"] not in tip.get_text()
    # The other languages keep their own: the English quotation, the Spanish summary.
    english = rule_box(parse(result.site / PAGE), LAW.rules["bangkok-49"]).select_one(".law-since-rule__quote")
    assert english is not None and LAW.rules["bangkok-49"].quote["en"] in english.get_text()
    spanish = rule_box(parse(result.site / "es" / PAGE), LAW.rules["bangkok-49"])
    assert spanish.select_one(".law-since-rule__quote") is None
    assert LAW.rules["bangkok-49"].summary["es"] in spanish.get_text()
    assert FIXTURE_QUOTE not in pdf_text(result.site, "es")
    assert FIXTURE_QUOTE in pdf_text(result.site, "fr") and FIXTURE_SOURCE not in pdf_text(result.site, "fr")


def test_the_covenants_article_10_french_is_the_official_text_read(built_site: Path) -> None:
    record = REGISTRY.provisions["iccpr-10-1"]
    assert record.official == {"fr": True, "es": True}
    source = record.source_text["fr"]
    assert source.sought is None and source.read is not None
    assert "doczz.fr/doc/730905" in source.read and "fgencom9" in source.read
    figure = parse(built_site / "fr/international-provisions/index.html").find(id="iccpr-10-1")
    assert isinstance(figure, Tag)
    assert record.text["fr"] in figure.get_text()
    shown = figure.select_one(".provision__text-source")
    assert shown is not None and shown.get_text() == REGISTRY.labels["fr"]["source_compared_copy"].format(
        symbol="A/RES/2200(XXI)"
    )
    assert "Texte officiel français du Pacte" in figure.get_text() and "non vérifié" not in figure.get_text()


def test_bangkok_rule_24_is_quoted_in_spanish_with_its_spanish_source(built_site: Path) -> None:
    rule = LAW.rules["bangkok-24"]
    box = rule_box(parse(built_site / "es" / PAGE), rule)
    quote, source = box.select_one(".law-since-rule__quote"), box.select_one(".law-since-rule__source")
    assert quote is not None and "No se utilizarán medios de coerción" in quote.get_text()
    assert source is not None and "Comité Nacional para la Prevención de la Tortura" in source.get_text()
    assert source.get_text().count("A/RES/65/229") == 1
    english = rule_box(parse(built_site / PAGE), rule)
    assert english.select_one(".law-since-rule__quote") is None
    assert rule.summary["en"] in english.get_text()


@pytest.mark.parametrize("pid", ["smr-23-1", "smr-23-2"])
@pytest.mark.parametrize("lang", ["fr", "es"])
def test_the_1955_rule_23_stays_the_editions_translation(pid: str, lang: str) -> None:
    record = REGISTRY.provisions[pid]
    assert record.official[lang] is False
    assert record.source_text[lang].read is None and record.source_text[lang].sought
    assert record.source_text[lang].symbol == "E/RES/663(XXIV)C"
