"""Editorial corrections: where each translated quotation comes from, and the wordings fixed.

Data checks read the repository; page checks read the shared real build (tests/conftest.py).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from edition.annexes.source_line import source_line
from edition.shared.problems import EditionError
from edition.text.crossrefs import plain_text
from edition.text.parity import registry_parity
from edition.text.registry import Provision, TextSource, load_registry, unread_official_texts
from edition.text.render import text_source_line
from tests.conftest import ROOT
from tests.site import EDITION_PREFIX, PAGES, article, parse

TRANSLATED = ("fr", "es")
REGISTRY = load_registry(ROOT / "data")


def provision(official: dict[str, bool], sources: dict[str, TextSource]) -> Provision:
    record = REGISTRY.provisions["crc-9-1"]
    return Provision(
        id="p-1",
        instrument=record.instrument,
        unit="article",
        number="1",
        paragraph=None,
        label={"en": "x"},
        text={"en": "x"},
        line=7,
        official=official,
        source_text=sources,
    )


READ = TextSource(symbol="A/RES/44/25", read="a reproduction, article 1, read on 25 November 2026", compared=True)
SOUGHT = TextSource(symbol="A/RES/44/25", sought="the indexed pages, searched on 25 November 2026")


@pytest.mark.parametrize(
    ("official", "sources", "faulty"),
    [
        ({"fr": True, "es": True}, {"fr": READ, "es": READ}, []),
        ({"fr": False, "es": False}, {"fr": SOUGHT, "es": SOUGHT}, []),
        ({"fr": True, "es": False}, {"fr": READ, "es": SOUGHT}, []),
        ({"fr": True, "es": True}, {"fr": SOUGHT, "es": READ}, ["fr"]),
        ({"fr": True, "es": True}, {"fr": READ}, ["es"]),
        ({"fr": True, "es": True}, {}, ["fr", "es"]),
    ],
)
def test_a_text_is_official_only_where_the_check_read_it(
    official: dict[str, bool], sources: dict[str, TextSource], faulty: list[str]
) -> None:
    problems = unread_official_texts(provision(official, sources), path="data/provisions.yml")
    assert [(p.path, p.line) for p in problems] == [("data/provisions.yml", 7)] * len(faulty)
    for problem, lang in zip(problems, faulty, strict=True):
        assert f"marked official in '{lang}'" in problem.message
        assert f"source_text.{lang}.read" in problem.message


@pytest.mark.parametrize(
    ("lang", "source", "expected"),
    [
        ("fr", None, None),
        (
            "fr",
            TextSource(symbol="A/RES/44/25", read="x", compared=True, reproduced_by="la Ligue des droits de l’enfant"),
            "Texte officiel\u00a0: A/RES/44/25\u00a0; libellé comparé avec sa reproduction par la Ligue des droits "
            "de l’enfant.",
        ),
        (
            "fr",
            READ,
            "Texte officiel\u00a0: A/RES/44/25\u00a0; libellé comparé avec une reproduction du texte officiel.",
        ),
        (
            "fr",
            SOUGHT,
            "Texte officiel\u00a0: A/RES/44/25\u00a0; libellé non comparé avec celui-ci\u00a0: traduction de la "
            "présente édition.",
        ),
        (
            "es",
            TextSource(symbol="A/RES/217(III)", read="x", compared=True, reproduced_by="la Fundación X"),
            "Texto oficial: A/RES/217(III); redacción cotejada con su reproducción por la Fundación X.",
        ),
        ("es", READ, "Texto oficial: A/RES/44/25; redacción cotejada con una reproducción del texto oficial."),
        ("es", SOUGHT, "Texto oficial: A/RES/44/25; redacción no cotejada con él: traducción de esta edición."),
        (
            "en",
            TextSource(symbol="A/RES/1", read="x", compared=True, reproduced_by="the Association <b>&"),
            "Official text: A/RES/1; wording compared with its reproduction by the Association <b>&.",
        ),
        ("en", READ, "Official text: A/RES/44/25; wording compared with a reproduction of the official text."),
        ("en", SOUGHT, "Official text: A/RES/44/25; wording not compared with it: the edition’s translation."),
    ],
)
# The line is text: the template escapes it (autoescape, edition/shared/safe_html.py); escaped, it shows "&lt;".
def test_the_line_under_a_quotation_in_each_language(lang: str, source: TextSource | None, expected: object) -> None:
    assert text_source_line(source, REGISTRY.labels[lang]) == expected


# Why: "compared" is what the reader is told; it must agree with the research record kept in the data.
@pytest.mark.parametrize(
    ("source", "faulty"),
    [
        (READ, False),
        (SOUGHT, False),
        (TextSource(symbol="A/RES/44/25", read="a reproduction read on 25 November 2026"), True),
        (TextSource(symbol="A/RES/44/25", sought="looked for on 25 November 2026", compared=True), True),
    ],
)
def test_compared_agrees_with_the_record(source: TextSource, faulty: bool) -> None:
    problems = unread_official_texts(provision({"fr": False}, {"fr": source}), path="data/provisions.yml")
    assert len(problems) == int(faulty)
    assert all("source_text.fr.compared" in p.message for p in problems)


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("Des activités gratuites[^iv-b-16] d’éducation", "Des activités gratuites d’éducation"),
        ("see [[crc-3-1|art. 3]][^1].", "see art. 3."),
        ("no [note] here", "no [note] here"),
    ],
)
def test_previews_drop_footnote_marks(markdown: str, expected: str) -> None:
    assert plain_text(markdown) == expected


def edited_data(tmp_path: Path, edit: Callable[[str], str]) -> Path:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    path = data / "provisions.yml"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    return data


# Why: marks hrc-gc28 (never read in French or Spanish) official, leaving every other record as it is.
def mark_gc28_official(text: str) -> str:
    start = text.index("- id: hrc-gc28")
    rest = text[start:].replace("official: {fr: false, es: false}", "official: {fr: true, es: true}", 1)
    return text[:start] + rest


def test_marking_an_unread_text_official_fails_with_file_and_line(tmp_path: Path) -> None:
    data = edited_data(tmp_path, mark_gc28_official)
    with pytest.raises(EditionError) as caught:
        load_registry(data)
    messages = sorted((p.path, p.line, p.message) for p in caught.value.problems)
    line = (ROOT / "data/provisions.yml").read_text(encoding="utf-8").split("\n").index("- id: hrc-gc28") + 1
    assert messages == [
        (
            "data/provisions.yml",
            line,
            f"provision 'hrc-gc28' is marked official in '{lang}' but source_text.{lang}.read "
            "does not say where the official text was read",
        )
        for lang in sorted(TRANSLATED)
    ]


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda t: t.replace('      symbol: "A/RES/40/33"\n', "", 1), "'symbol' is a required property"),
        (lambda t: t.replace('symbol: "A/RES/40/33"', 'symbol: "Beijing Rules"', 1), "does not match"),
        (lambda t: re.sub(r"\n      sought: .*", "", t, count=1), "is not valid under any of the given schemas"),
        (lambda t: t.replace("  source_text:\n", "  sources:\n", 1), "'source_text' is a required property"),
    ],
)
def test_a_malformed_text_source_fails_the_schema(tmp_path: Path, edit: Callable[[str], str], expected: str) -> None:
    with pytest.raises(EditionError) as caught:
        load_registry(edited_data(tmp_path, edit))
    assert any(expected in p.message for p in caught.value.problems), [str(p) for p in caught.value.problems]


def test_a_language_without_a_text_source_fails_parity(tmp_path: Path) -> None:
    def drop_spanish(text: str) -> str:
        start = text.index("  source_text:\n    fr:", text.index("- id: hrc-gc28"))
        es = text.index("    es:\n", start)
        end = text.index("\n- id: ", es)
        return text[:es] + text[end + 1 :]

    registry = load_registry(edited_data(tmp_path, drop_spanish))
    messages = [p.message for p in registry_parity(registry, ["en", *TRANSLATED])]
    assert messages == ["provision 'hrc-gc28' has no source_text in 'es'"]


def test_every_translated_quotation_says_where_its_text_comes_from() -> None:
    for record in REGISTRY.provisions.values():
        assert set(record.source_text) == set(TRANSLATED), record.id
        for lang, source in record.source_text.items():
            assert source.read or source.sought, (record.id, lang)
            assert "2026" in (source.read or source.sought or ""), "dated"
            if record.official[lang]:
                assert source.read, (record.id, lang)


# The issue's own list: what each provision is in French and Spanish after the check of 25 November 2026.
STATUS = {
    ("hrc-gc21", "fr"): ("official", "f-HRC-comment21"),
    ("hrc-gc21", "es"): ("edition", "Sgencom21"),
    ("hrc-gc28", "fr"): ("sought", "f-gencom28"),
    ("hrc-gc28", "es"): ("sought", "Sgencom28"),
    ("congress8-res19", "fr"): ("sought", "A/CONF.144/28/Rev.1"),
    ("congress8-res19", "es"): ("sought", "A/CONF.144/28/Rev.1"),
    ("bop-5", "fr"): ("sought", "A/RES/43/173"),
    ("bop-5", "es"): ("sought", "A/RES/43/173"),
    ("bop-31", "fr"): ("sought", "A/RES/43/173"),
    ("bop-31", "es"): ("sought", "A/RES/43/173"),
    ("beijing-26-4", "fr"): ("sought", "A/RES/40/33"),
    ("beijing-26-4", "es"): ("official", "encolombia.com"),
}


@pytest.mark.parametrize(("key", "status"), STATUS.items(), ids=[f"{p}-{lang}" for p, lang in STATUS])
def test_the_contested_quotations_are_labelled_as_the_check_found_them(
    key: tuple[str, str], status: tuple[str, str]
) -> None:
    record, lang = REGISTRY.provisions[key[0]], key[1]
    kind, where = status
    source = record.source_text[lang]
    assert record.official[lang] == (kind == "official")
    assert where in source.symbol + " " + (source.read or source.sought or "")
    if kind == "sought":
        assert source.read is None
        assert (
            "non vérifié" in record.note[lang]
            or "no cotejado" in record.note[lang]
            or ("n’a pas pu être consulté" in record.note[lang] or "no se ha podido consultar" in record.note[lang])
        )


def test_gc21_french_is_the_official_wording() -> None:
    french = REGISTRY.provisions["hrc-gc21"].text["fr"]
    assert "ne doivent pas subir de privation ou de contrainte autre que celles qui sont inhérentes" in french
    assert "sous réserve des restrictions inhérentes à un milieu fermé." in french
    assert "épreuves" not in french


def test_the_beijing_rules_full_title_has_every_language() -> None:
    glossary = yaml.safe_load((ROOT / "data/glossary.yml").read_text(encoding="utf-8"))
    entry = next(e for e in glossary if e["en"] == "Standard Minimum Rules for the Administration of Juvenile Justice")
    assert entry["es"] == "Reglas mínimas de las Naciones Unidas para la administración de la justicia de menores"
    assert entry["es"] in (ROOT / "docs/es/international-provisions.md").read_text(encoding="utf-8")


# Wordings the issue found wrong, and the files that must no longer carry them.
FORBIDDEN = [
    ("docs/fr/specific-issues.md", "principes primordiaux"),
    ("docs/fr/general-issues.md", "devraient être garantis."),
    ("docs/fr/general-issues.md", "sont efficaces et répondent"),
    ("docs/fr/general-issues.md", "les conditions de détention et le traitement"),
    ("docs/fr/index.md", "## Auteur\n"),
    ("docs/fr/index.md", "l’auteur\n"),
    ("docs/fr/index.md", "Geneva"),
    ("docs/fr/contact.md", "Geneva"),
    ("docs/es/index.md", "Geneva"),
    ("docs/es/contact.md", "Geneva"),
    ("docs/fr/index.md", "Switzerland"),
    ("docs/es/contact.md", "Switzerland"),
    ("docs/es/specific-issues.md", "normalizar"),
    ("docs/es/specific-issues.md", "embarazadas y lactantes y a los lactantes"),
    ("docs/es/specific-issues.md", "mujeres embarazadas encarceladas jóvenes"),
    ("docs/es/specific-issues.md", "de corta o larga duración"),
    ("docs/es/specific-issues.md", "procedimientos de apelación"),
    ("docs/fr/international-provisions.md", "26(4)"),
    ("data/labels.yml", '"Cité par"'),
    ("data/labels.yml", '"Citado en"'),
    ("docs/es/specific-issues.md", "alumbramiento"),
    ("docs/es/specific-issues.md", "Debería facilitarse, según proceda, la educación física"),
    ("docs/fr/specific-issues.md", "Au cas où la force doit"),
    ("docs/fr/law-since-2005.md", "relative aux enfants de parents ou tuteurs principaux"),
    ("data/later-law.yml", "tuteurs principaux, pas seulement"),
    ("data/later-law.yml", "le départ se fait avec délicatesse"),
    ("data/later-law.yml", "la salida se realiza con delicadeza"),
    ("data/later-law.yml", "Still in force as the Committee"),
    ("data/later-law.yml", "Toujours en vigueur comme observation"),
    ("data/later-law.yml", "Sigue vigente como observación"),
    # The second reading of the later law's French and Spanish.
    ("data/later-law.yml", "de l’enfant qui commet une infraction"),
    ("data/later-law.yml", "handicap mental ou physique que cette mesure aggraverait"),
    ("data/later-law.yml", "les enfants vivant en détention avec"),
    ("data/later-law.yml", "en prison se décide comme toute autre séparation"),
    ("data/later-law.yml", "en prisión se decide como cualquier otra separación"),
    ("data/later-law.yml", "s’occupe actuellement principalement"),
    ("data/later-law.yml", "su edad y su cuidador principal actual"),
    ("data/later-law.yml", "la lecture actuelle de la justice"),
    ("data/later-law.yml", "Solo el tema; la edición"),
    ("docs/fr/law-since-2005.md", "et s’il est contraignant :"),
    ("data/practice.yml", "leur mère en prison : bénévoles"),
]


@pytest.mark.parametrize(("path", "wording"), FORBIDDEN)
def test_the_wordings_the_issue_found_are_gone(path: str, wording: str) -> None:
    assert wording not in (ROOT / path).read_text(encoding="utf-8")


def test_the_french_page_glosses_the_research_papers_title() -> None:
    page = (ROOT / "docs/fr/women-in-prison.md").read_text(encoding="utf-8")
    assert (
        "*Babies and Small Children Residing in Prisons* («\u00a0Bébés et jeunes enfants résidant en prison\u00a0»)"
        in page
    )


# One way of writing the Beijing rule number per language: the 2005 English has "26(4)".
BEIJING_FORM = {"en": "26(4)", "fr": "26.4", "es": "26.4"}


@pytest.mark.parametrize("lang", EDITION_PREFIX)
def test_the_beijing_rule_number_has_one_form_per_language(built_site: Path, lang: str) -> None:
    text = " ".join(article(parse(built_site / EDITION_PREFIX[lang] / name)).get_text(" ") for name in PAGES)
    forms = {form for form in ("26(4)", "26.4") if form in text}
    assert forms == {BEIJING_FORM[lang]}


@pytest.mark.parametrize("lang", EDITION_PREFIX)
def test_each_quotation_shows_one_line_on_its_official_text(built_site: Path, lang: str) -> None:
    soup = parse(built_site / EDITION_PREFIX[lang] / "international-provisions/index.html")
    for record in REGISTRY.provisions.values():
        figure = soup.find(id=record.id)
        assert figure is not None
        shown = figure.select_one(".provision__text-source")
        if lang == "en":
            assert shown is None
            continue
        assert shown is not None, record.id
        source = record.source_text[lang]
        line = source_line(
            REGISTRY.labels[lang],
            symbol=source.symbol,
            compared=source.compared,
            reproduced_by=source.reproduced_by,
            not_compared="source_not_compared",
        )
        # The line only: where and how the edition looked (read, sought) stays in data/provisions.yml.
        assert shown.get_text() == line, record.id


@pytest.mark.parametrize(
    ("lang", "note"),
    [
        ("fr", "[Note de la traduction (présente édition, 2026)"),
        ("es", "[Nota de la traducción (presente edición, 2026)"),
    ],
)
def test_free_physical_education_carries_the_editions_note(built_site: Path, lang: str, note: str) -> None:
    soup = parse(built_site / lang / "specific-issues/index.html")
    paragraph = soup.find(id="iv-b-16")
    assert paragraph is not None
    mark = paragraph.select_one("sup a.footnote-ref")
    assert mark is not None
    footnote = soup.find(id=str(mark["href"]).removeprefix("#"))
    assert footnote is not None
    assert footnote.get_text(" ", strip=True).startswith(note)
    assert "Free physical education" in footnote.get_text()
    english = parse(built_site / "specific-issues/index.html").find(id="iv-b-16")
    assert english is not None and english.select_one("sup") is None
    assert "[^" not in soup.get_text() and "[^" not in paragraph.get_text()


@pytest.mark.parametrize(("lang", "city"), [("fr", "Genève"), ("es", "Ginebra")])
def test_the_address_is_in_the_editions_language(built_site: Path, lang: str, city: str) -> None:
    for name in ("index.html", "contact/index.html"):
        text = article(parse(built_site / lang / name)).get_text(" ")
        assert f"1209 {city}" in text, name
        assert "Geneva" not in text and "Switzerland" not in text, name
