"""Law since 2005: the data checks (table-driven bad data), the notes, backlinks, the annex page in
three languages, its place in the PDFs and in each language's search (browser)."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest
import yaml
from playwright.sync_api import Page

from edition.annexes.later_law import (
    DATA_FILE,
    SCHEMA_FILE,
    LaterInstrument,
    date_text,
    instrument_groups,
    load_later_law,
    shown_text,
)
from edition.shared.problems import EditionError
from edition.text.registry import load_registry
from edition.text.syntax import scan
from tests.browsing import search
from tests.site import EDITION_PREFIX, parse, pdf_words

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
GUIDELINE_PAGES = ("general-issues.md", "specific-issues.md")
PAGE = "law-since-2005/index.html"


def paragraph_numbers() -> list[str]:
    docs = ROOT / "docs" / "en"
    return [b.number for name in GUIDELINE_PAGES for b in scan((docs / name).read_text("utf-8"), path=name).guidelines]


def provision_ids() -> list[str]:
    return list(load_registry(DATA).provisions)


def real_data() -> dict[str, Any]:
    data = yaml.safe_load((DATA / DATA_FILE).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def load(data: dict[str, Any], tmp_path: Path) -> None:
    (tmp_path / "schemas").mkdir(exist_ok=True)
    (tmp_path / "schemas" / Path(SCHEMA_FILE).name).write_text((DATA / SCHEMA_FILE).read_text("utf-8"), "utf-8")
    (tmp_path / DATA_FILE).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    load_later_law(tmp_path, paragraphs=paragraph_numbers(), provisions=provision_ids(), shown=DATA_FILE)


# ---------------------------------------------------------------------------------------------
# The data and its checks


def test_the_real_data_covers_every_paragraph_and_provision() -> None:
    law = load_later_law(DATA, paragraphs=paragraph_numbers(), provisions=provision_ids(), shown=DATA_FILE)
    assert list(law.paragraphs) == paragraph_numbers() and len(law.paragraphs) == 58
    assert list(law.provisions) == provision_ids() and len(law.provisions) == 19
    for number, decision in law.paragraphs.items():
        assert bool(decision.links) != bool(decision.none_reason), number
    assert law.provisions["smr-23-1"].status == "replaced"
    assert [r.id for r in law.provisions["smr-23-2"].later][:1] == ["mandela-29"]
    assert law.rules["bangkok-49"].label("fr") == "Règles de Bangkok, règle 49"
    assert law.rules["bangkok-49"].label("es") == "Reglas de Bangkok, regla 49"


LAW = load_later_law(DATA, paragraphs=paragraph_numbers(), provisions=provision_ids(), shown=DATA_FILE)


# The specialist review's corrections: later rules that do address these paragraphs, in this order.
@pytest.mark.parametrize(
    ("paragraph", "rules"),
    [
        ("IV.b.20", ["bangkok-24", "mandela-48-2"]),
        ("IV.b.12", ["mandela-22-2"]),
        ("IV.b.7", ["bangkok-5", "mandela-12-16"]),
        ("IV.b.16", ["bangkok-48"]),
        ("III.d.1", ["opcat-1", "opcat-4", "opcat-14", "mandela-83", "mandela-84-85", "bangkok-25-3"]),
        ("III.d.2", ["mandela-83", "mandela-84-85"]),
    ],
)
def test_a_paragraph_links_the_later_rules_on_its_point(paragraph: str, rules: list[str]) -> None:
    decision = LAW.paragraphs[paragraph]
    assert decision.none_reason is None
    assert [link.rule.id for link in decision.links] == rules


def test_general_comment_28_is_an_interpretation_not_a_norm_in_force() -> None:
    status = LAW.provisions["hrc-gc28"]
    assert status.status == "current"
    assert status.note["en"].startswith("A general comment: the Committee’s interpretation")
    assert "Still in force" not in status.note["en"] and "Toujours en vigueur" not in status.note["fr"]
    assert "Sigue vigente" not in status.note["es"]
    assert [r.id for r in status.later] == ["mandela-28", "mandela-48-2", "bangkok-48", "bangkok-24"]


# Why: a UN document's official record comes first in every record of where its rules were read.
def test_every_record_names_the_un_symbol_and_official_record_before_the_copy() -> None:
    un = {i.id: i.symbol for i in LAW.instruments.values() if i.symbol and i.symbol.startswith(("A/", "CRC/"))}
    assert {"bangkok", "mandela", "opcat", "crc-gc14", "global-study", "alt-care", "crc-gc24"} <= set(un)
    for iid, symbol in un.items():
        assert LAW.instruments[iid].checked.startswith(f"{symbol} (official record: "), iid
        assert "ODS" in LAW.instruments[iid].checked.split(")", 1)[0], iid
    for rule in LAW.rules.values():
        symbol = un.get(rule.instrument.id)
        if symbol is None:
            continue
        records = [rule.checked, *rule.quote_source.values()]
        assert all(r.startswith(symbol) for r in records), rule.id
        assert "official record" in rule.checked or "registro oficial" in rule.checked, rule.id
        for host in ("yumpu", "docslib", "paperzz", "pdfslide", "scribd"):
            assert not any(host in r.split(")", 1)[0] for r in records), (rule.id, host)


@pytest.mark.parametrize(
    ("rule_id", "lang", "wording"),
    [
        ("bangkok-49", "en", "are never to be treated as prisoners"),
        ("bangkok-49", "fr", "ne doivent jamais être traités comme des détenus"),
        ("bangkok-49", "es", "nunca deben ser tratados como reclusos"),
        ("bangkok-52", "en", "only when alternative care for the child has been identified"),
        ("bangkok-52", "fr", "seulement lorsqu’une solution de protection de remplacement a été trouvée"),
        ("bangkok-52", "es", "solo cuando se haya encontrado para él una solución de cuidado alternativo"),
        ("mandela-43-3", "fr", "ne doivent pas comprendre l’interdiction de contacts avec la famille"),
        ("bangkok-24", "es", "No deben utilizarse medios de coerción"),
        # The second reading of the French and Spanish: each wording it corrected.
        ("mandela-7-f", "fr", "doivent être consignés dans le dossier du détenu"),
        ("mandela-7-f", "es", "deben constar en el expediente del recluso"),
        ("mandela-12-16", "fr", "Les locaux de détention"),
        ("mandela-83", "fr", "Il doit exister un double système"),
        ("opcat-4", "fr", "autoriser les mécanismes internationaux et nationaux prévus par le Protocole à effectuer"),
        ("opcat-14", "fr", "au Sous-Comité de la prévention"),
        ("opcat-14", "es", "Los Estados Partes deben conceder al Subcomité para la Prevención"),
        ("bangkok-24", "fr", "ni pendant l’accouchement ni immédiatement après"),
        ("bangkok-50", "es", "el máximo posible de oportunidades"),
        ("bangkok-64", "es", "para las mujeres embarazadas"),
    ],
)
def test_summaries_state_norms_as_norms(rule_id: str, lang: str, wording: str) -> None:
    assert wording in LAW.rules[rule_id].summary[lang]


def test_the_optional_protocols_french_and_spanish_titles_are_official() -> None:
    opcat = LAW.instruments["opcat"]
    assert opcat.title_official == {"en": True, "fr": True, "es": True}
    assert "treaties.un.org" in opcat.checked and "CAT/OP/24/1" in opcat.checked


def test_the_editions_french_uses_the_glossary_term_for_primary_caregiver() -> None:
    french = [r.summary["fr"] for r in LAW.rules.values()]
    french += [link.reason["fr"] for d in LAW.paragraphs.values() for link in d.links]
    assert not [s for s in french if "tuteurs principaux" in s]
    assert any("personnes qui s’occupent principalement de l’enfant" in s for s in french)


def test_a_rule_not_read_says_so_and_shows_only_a_summary() -> None:
    for rule_id in ("mandela-48-2", "mandela-22-2", "mandela-12-16", "mandela-84-85"):
        rule = LAW.rules[rule_id]
        assert not rule.quote and "summary only" in rule.checked, rule_id
        assert "could not read" in rule.summary["en"] and "n’a pas pu" in rule.summary["fr"], rule_id
    assert set(LAW.rules["bangkok-24"].quote) == {"es"}


def _set(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def edit(data: dict[str, Any]) -> None:
        node = data
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value

    return edit


def _drop(path: tuple[Any, ...]) -> Callable[[dict[str, Any]], None]:
    def edit(data: dict[str, Any]) -> None:
        node = data
        for key in path[:-1]:
            node = node[key]
        del node[path[-1]]

    return edit


def _rule_index(rule_id: str) -> int:
    return next(i for i, r in enumerate(real_data()["rules"]) if r["id"] == rule_id)


def _instrument_index(instrument_id: str) -> int:
    return next(i for i, r in enumerate(real_data()["instruments"]) if r["id"] == instrument_id)


BAD_DATA = [
    ("unknown rule", _set(("paragraphs", "IV.a.10", "rules", 0, "rule"), "bangkok-490"), "unknown rule 'bangkok-490'"),
    ("paragraph that does not exist", _set(("paragraphs", "IV.c.1"), {"none": "general"}), "'IV.c.1' does not exist"),
    (
        "provision that does not exist",
        _set(("provisions", "smr-99"), {"status": "current", "note": {"en": "x", "fr": "x", "es": "x"}}),
        "'smr-99' does not exist",
    ),
    (
        "later rule of a provision unknown",
        _set(("provisions", "smr-23-1", "later"), ["mandela-280"]),
        "unknown rule 'mandela-280'",
    ),
    (
        "missing language in a summary",
        _drop(("rules", _rule_index("bangkok-49"), "summary", "es")),
        "'es' is a required property",
    ),
    ("missing language in a reason", _drop(("reasons", "general", "fr")), "'fr' is a required property"),
    (
        "quotation without a source",
        _drop(("rules", _rule_index("bangkok-49"), "quote_source")),
        "quotation in 'en' without a source",
    ),
    (
        "quotation without its publisher",
        _drop(("rules", _rule_index("bangkok-49"), "reproduced_by")),
        "'reproduced_by' is a dependency of 'quote'",
    ),
    (
        "publisher for no quotation",
        _set(("rules", _rule_index("bangkok-49"), "reproduced_by", "fr"), None),
        "reproduced_by in 'fr' for no quotation",
    ),
    ("paragraph without a decision", _drop(("paragraphs", "IV.b.20")), "'IV.b.20' has no recorded decision"),
    ("provision without a status", _drop(("provisions", "crc-9-1")), "'crc-9-1' has no recorded status"),
    ("unknown instrument", _set(("rules", 0, "instrument"), "tokyo"), "unknown instrument 'tokyo'"),
    ("unknown reason", _set(("paragraphs", "III.a.1", "none"), "because"), "unknown reason 'because'"),
    (
        "regional instrument without the States it binds",
        _drop(("instruments", _instrument_index("acrwc"), "binds")),
        "'binds' is a dependency of 'region'",
    ),
    ("unknown region", _set(("instruments", _instrument_index("coe-epr"), "region"), "asia"), "'asia' is not one of"),
]


@pytest.mark.parametrize(("case", "edit", "message"), BAD_DATA, ids=[c[0] for c in BAD_DATA])
def test_bad_data_stops_with_file_line_and_reason(
    case: str, edit: Callable[[dict[str, Any]], None], message: str, tmp_path: Path
) -> None:
    data = copy.deepcopy(real_data())
    edit(data)
    with pytest.raises(EditionError) as raised:
        load(data, tmp_path)
    problems = [str(p) for p in raised.value.problems]
    assert any(message in p for p in problems), problems
    assert all(p.startswith(f"{DATA_FILE}:") for p in problems)


def test_every_problem_is_listed_at_once(tmp_path: Path) -> None:
    data = copy.deepcopy(real_data())
    _set(("paragraphs", "IV.a.10", "rules", 0, "rule"), "bangkok-490")(data)
    _drop(("paragraphs", "IV.b.20"))(data)
    _drop(("provisions", "crc-9-1"))(data)
    with pytest.raises(EditionError) as raised:
        load(data, tmp_path)
    assert len(raised.value.problems) == 3


def test_a_problem_points_at_its_line(tmp_path: Path) -> None:
    text = (
        (DATA / DATA_FILE)
        .read_text("utf-8")
        .replace("rule: bangkok-52, reason: separation", "rule: bangkok-520, reason: separation", 1)
    )
    line = next(i for i, row in enumerate(text.splitlines(), start=1) if "bangkok-520" in row)
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / Path(SCHEMA_FILE).name).write_text((DATA / SCHEMA_FILE).read_text("utf-8"), "utf-8")
    (tmp_path / DATA_FILE).write_text(text, "utf-8")
    with pytest.raises(EditionError) as raised:
        load_later_law(tmp_path, paragraphs=paragraph_numbers(), provisions=provision_ids(), shown=DATA_FILE)
    assert [p.line for p in raised.value.problems] == [line]


# Each later rule a drafter expects, linked to the paragraph or provision it bears on.
NEW_LINKS = [
    ("IV.b.18", "bangkok-9"),
    ("IV.b.13", "bangkok-9"),
    ("IV.b.26", "bangkok-21"),
    ("IV.b.15", "bangkok-33-2-3"),
    ("IV.a.17", "bangkok-33-2-3"),
    ("IV.b.19", "bangkok-42-2"),
    ("IV.b.2", "bangkok-3-2"),
    ("IV.b.2", "epr-15-1-h"),
    ("IV.b.10", "mandela-35-1-a"),
    ("IV.b.21", "mandela-37"),
    ("IV.b.21", "mandela-39"),
    ("IV.b.21", "mandela-45-2"),
    ("IV.b.22", "crc-gc8"),
    ("IV.a.14", "crc-gc12"),
    ("IV.b.23", "crc-gc13"),
    ("IV.a.8", "crc-gc24"),
    ("IV.a.8", "bangkok-36-39"),
    ("IV.a.7", "crc-gc14-alternatives"),
    ("IV.a.7", "alt-care-48"),
    ("IV.a.9", "alt-care-48"),
    ("IV.a.12", "alt-care-48"),
    ("IV.a.7", "acrwc-30"),
    ("IV.a.10", "epr-36"),
    ("IV.b.14", "epr-34-4"),
    ("IV.a.4", "iachr-principles"),
    ("IV.a.6", "oc-29-22"),
    ("IV.b.18", "oc-29-22"),
]
NEW_SUCCESSORS = [
    ("bop-5", "bangkok-1"),
    ("bop-5", "mandela-2-2"),
    ("beijing-26-4", "bangkok-36-39"),
    ("beijing-26-4", "crc-gc24"),
    ("crc-12-1", "crc-gc12"),
]


def real_law() -> Any:
    return load_later_law(DATA, paragraphs=paragraph_numbers(), provisions=provision_ids(), shown=DATA_FILE)


@pytest.mark.parametrize(("paragraph", "rule_id"), NEW_LINKS)
def test_each_later_rule_a_drafter_expects_is_linked(paragraph: str, rule_id: str) -> None:
    assert rule_id in [k.rule.id for k in real_law().paragraphs[paragraph].links]


@pytest.mark.parametrize(("pid", "rule_id"), NEW_SUCCESSORS)
def test_the_crosswalk_names_the_later_successors(pid: str, rule_id: str) -> None:
    assert rule_id in [r.id for r in real_law().provisions[pid].later]


def test_a_rule_not_read_says_so_in_its_record_and_in_each_language() -> None:
    subject_only = {"en": "Subject only, text not read", "fr": "Objet seulement, texte non lu", "es": "Solo el tema"}
    not_read = [r for r in real_law().rules.values() if r.summary["en"].startswith(subject_only["en"])]
    assert {"bangkok-3-2", "bangkok-25-3", "mandela-35-1-a", "epr-36"} <= {r.id for r in not_read}
    for rule in not_read:
        assert not rule.quote, rule.id
        assert "not read" in rule.checked.casefold(), rule.id
        assert all(rule.summary[lang].startswith(start) for lang, start in subject_only.items()), rule.id


@pytest.mark.parametrize(
    ("instrument_id", "region", "binds"),
    [
        ("acrwc", "africa", "States parties to the Charter"),
        ("acerwc-gc1", "africa", "not itself binding"),
        ("coe-epr", "europe", "not binding"),
        ("coe-rec-2018-5", "europe", "not binding"),
        ("iachr-principles", "americas", "not a treaty"),
        ("oc-29-22", "americas", "an advisory opinion"),
        ("bangkok", None, None),
    ],
)
def test_each_regional_instrument_says_whom_it_binds(instrument_id: str, region: str | None, binds: str | None) -> None:
    instrument = real_law().instruments[instrument_id]
    assert instrument.region == region
    assert (instrument.binds is None) if binds is None else (binds in instrument.binds["en"])


# The official French and Spanish titles as the documents print them (where each was read is in the
# record); a title the edition only translated stays marked so.
OFFICIAL_TITLES = [
    (
        "crc-gc8",
        "fr",
        "Observation générale no 8 (2006) : Le droit de l’enfant à une protection contre les châtiments corporels"
        " et les autres formes cruelles ou dégradantes de châtiments (art. 19, 28 (par. 2) et 37, entre autres)",
    ),
    (
        "crc-gc8",
        "es",
        "Observación general Nº 8 (2006): El derecho del niño a la protección contra los castigos corporales y otras"
        " formas de castigo crueles o degradantes (artículo 19, párrafo 2 del artículo 28 y artículo 37, entre otros)",
    ),
    ("crc-gc12", "fr", "Observation générale no 12 (2009) : Le droit de l’enfant d’être entendu"),
    ("crc-gc12", "es", "Observación general Nº 12 (2009): El derecho del niño a ser escuchado"),
    (
        "crc-gc13",
        "fr",
        "Observation générale no 13 (2011) : Le droit de l’enfant d’être protégé contre toutes les formes de violence",
    ),
    (
        "crc-gc13",
        "es",
        "Observación general Nº 13 (2011): Derecho del niño a no ser objeto de ninguna forma de violencia",
    ),
    (
        "crc-gc24",
        "es",
        "Observación general núm. 24 (2019) relativa a los derechos del niño en el sistema de justicia juvenil",
    ),
    ("alt-care", "fr", "Lignes directrices relatives à la protection de remplacement pour les enfants"),
    ("alt-care", "es", "Directrices sobre las modalidades alternativas de cuidado de los niños"),
    ("acrwc", "fr", "Charte africaine des droits et du bien-être de l’enfant"),
    (
        "iachr-principles",
        "es",
        "Principios y Buenas Prácticas sobre la Protección de las Personas Privadas de Libertad en las Américas",
    ),
]


@pytest.mark.parametrize(("instrument_id", "lang", "title"), OFFICIAL_TITLES)
def test_an_official_title_is_given_exactly_and_marked_official(instrument_id: str, lang: str, title: str) -> None:
    instrument = real_law().instruments[instrument_id]
    # The words exactly; the space before a French colon is the edition's typography (no-break).
    assert instrument.title[lang].replace("\u00a0", " ") == title
    assert instrument.title_official[lang] is True


@pytest.mark.parametrize(
    ("instrument_id", "lang"),
    [("crc-gc24", "fr"), ("coe-epr", "fr"), ("coe-epr", "es"), ("iachr-principles", "fr"), ("oc-29-22", "es")],
)
def test_a_title_not_read_stays_marked_as_the_editions(instrument_id: str, lang: str) -> None:
    assert real_law().instruments[instrument_id].title_official[lang] is False


def _instrument(iid: str, region: str | None) -> LaterInstrument:
    words = {"en": iid, "fr": iid, "es": iid}
    binds = words if region else None
    return LaterInstrument(iid, None, "2020-01-01", words, words, {}, words, None, "x", region, binds)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ([("un1", None), ("af", "africa"), ("un2", None)], [(None, ["un1", "un2"]), ("africa", ["af"])]),
        (
            [("am", "americas"), ("eu1", "europe"), ("af", "africa"), ("eu2", "europe")],
            [("africa", ["af"]), ("europe", ["eu1", "eu2"]), ("americas", ["am"])],
        ),
        ([("un", None)], [(None, ["un"])]),
        ([], []),
    ],
)
def test_instruments_are_grouped_united_nations_first_then_by_region(
    given: list[tuple[str, str | None]], expected: list[tuple[str | None, list[str]]]
) -> None:
    groups = instrument_groups(_instrument(iid, region) for iid, region in given)
    assert [(region, [i.id for i in members]) for region, members in groups] == expected


# ---------------------------------------------------------------------------------------------
# The built site


def test_a_paragraph_note_is_dated_marked_and_previews_each_rule(built_site: Path) -> None:
    soup = parse(built_site / "specific-issues/index.html")
    note = soup.select_one("#iv-a-10 aside.law-since")
    assert note is not None and note.has_attr("data-search-exclude")
    # Not the page's first note: the dated mark is said once, at the first, and this note points at it.
    mark = soup.select_one(f"#{note['aria-describedby']}")
    assert mark is not None and "law-since__mark" in mark["class"]
    assert "status as of 6 December 2026" in mark.get_text(" ")
    assert "not part of the 2005 text" in mark.get_text(" ")
    assert note.find_previous_sibling(class_="guideline__rests-on") is not None
    links = note.select("a.xref__link")
    assert [a.get_text() for a in links] == [
        "Bangkok Rules, rule 49",
        "Bangkok Rules, rule 50",
        "Nelson Mandela Rules, rule 29",
        "European Prison Rules, rule 36",
    ]
    assert links[0]["href"] == "../law-since-2005/#bangkok-49"
    tip = soup.select_one(f"#{links[0]['aria-describedby']}")
    assert tip is not None and "shall never be treated as prisoners" in tip.get_text()


def test_a_paragraph_with_no_later_law_has_no_note(built_site: Path) -> None:
    soup = parse(built_site / "specific-issues/index.html")
    assert soup.select_one("#iv-b-8") is not None
    assert soup.select_one("#iv-b-8 aside.law-since") is None


def test_a_rule_without_an_official_text_previews_the_editions_summary(built_site: Path) -> None:
    soup = parse(built_site / "fr/specific-issues/index.html")
    link = soup.select_one("#iv-a-10 aside.law-since a.xref__link")
    assert link is not None and link.get_text() == "Règles de Bangkok, règle 49"
    tip = soup.select_one(f"#{link['aria-describedby']}")
    assert tip is not None and tip.get_text(" ").count("Résumé de l’édition") == 1


@pytest.mark.parametrize(
    ("lang", "labels", "quoted"),
    [
        ("en", ["Bangkok Rules, rule 24", "Nelson Mandela Rules, rule 48(2)"], None),
        (
            "es",
            ["Reglas de Bangkok, regla 24", "Reglas Nelson Mandela, regla 48(2)"],
            "No se utilizarán medios de coerción",
        ),
    ],
)
def test_restraints_in_labour_show_their_later_rules(
    built_site: Path, lang: str, labels: list[str], quoted: str | None
) -> None:
    soup = parse(built_site / EDITION_PREFIX[lang] / "specific-issues/index.html")
    links = soup.select("#iv-b-20 aside.law-since a.xref__link")
    assert [a.get_text() for a in links] == labels
    tip = soup.select_one(f"#{links[0]['aria-describedby']}")
    assert tip is not None
    if quoted:
        assert quoted in tip.get_text()
    else:
        assert "Instruments of restraint are not to be used on women about to give birth" in tip.get_text()


@pytest.mark.parametrize(
    ("lang", "when", "wrong"),
    [
        ("en", "October 2019", "11 July 2019: the United Nations Global Study"),
        ("fr", "Octobre 2019", "11 juillet 2019 : l’étude mondiale"),
        ("es", "Octubre de 2019", "11 de julio de 2019: el estudio mundial"),
    ],
)
def test_the_global_study_is_dated_by_its_presentation(built_site: Path, lang: str, when: str, wrong: str) -> None:
    soup = parse(built_site / EDITION_PREFIX[lang] / PAGE)
    item = next(li for li in soup.select("article li") if "A/74/136" in li.get_text())
    text = " ".join(item.get_text().split())
    assert text.startswith(when) and "11" in text
    assert wrong not in " ".join(soup.get_text().replace("\u00a0", " ").split())


def test_provision_notes_give_the_status_today(built_site: Path) -> None:
    soup = parse(built_site / "international-provisions/index.html")
    note = soup.select_one('[data-apparatus-of="smr-23-2"] aside.law-since')  # after its 2005 caption
    assert note is not None and note.select_one(".law-since__status").get_text().startswith("Replaced.")
    assert note.select("a.xref__link")[0].get_text() == "Nelson Mandela Rules, rule 29"
    notes = (f'#{pid} aside.law-since, [data-apparatus-of="{pid}"] aside.law-since' for pid in provision_ids())
    assert all(soup.select_one(note) for note in notes)


@pytest.mark.parametrize(
    ("lang", "heading", "status"),
    [
        ("en", "Law since 2005", "Replaced"),
        ("fr", "le droit depuis 2005", "Remplacée"),
        ("es", "el derecho desde 2005", "Sustituida"),
    ],
)
def test_the_annex_page_in_each_language(built_site: Path, lang: str, heading: str, status: str) -> None:
    soup = parse(built_site / EDITION_PREFIX[lang] / PAGE)
    assert heading in soup.select_one("h1").get_text()
    assert soup.select_one("article").find(["h1", "h2"]).name == "h1"  # nothing before the title
    assert soup.select_one(".law-since-notice") is not None
    rows = soup.select("table.law-since-page__crosswalk tbody tr")
    assert len(rows) == 19
    smr = next(r for r in rows if r.select_one("th a[href$='#smr-23-1']"))
    assert status in smr.get_text()
    for rule_id in (
        "bangkok-49",
        "mandela-28",
        "crc-gc14",
        "coe-rec-2018-5",
        "acerwc-gc1",
        "global-study",
        "crc-dgd-2011",
        "bangkok-24",
        "mandela-48-2",
        "opcat-1",
        "mandela-83",
    ):
        assert soup.select_one(f"[id='{rule_id}']") is not None, rule_id
    nav = [a.get_text(" ", strip=True) for a in soup.select("nav.md-nav--primary a.md-nav__link")]
    assert any(heading.casefold() in t.casefold() for t in nav), nav


@pytest.mark.parametrize(
    ("lang", "binds"),
    [("en", "not binding"), ("fr", "non contraignante"), ("es", "no vinculante")],
)
def test_the_annex_gives_each_region_its_own_place_with_the_states_bound(
    built_site: Path, lang: str, binds: str
) -> None:
    soup = parse(built_site / EDITION_PREFIX[lang] / PAGE)
    sections = [str(h["id"]) for h in soup.select("section.law-since-page > h2")]
    assert sections == [
        "law-since-crosswalk",
        "law-since-instruments",
        "law-since-region-africa",
        "law-since-region-europe",
        "law-since-region-americas",
    ]
    labels = load_registry(DATA).labels[lang]
    where = {
        region: [str(s["id"]) for s in soup.select(f"#law-since-region-{region} ~ section.law-since-instrument > h3")]
        for region in ("africa", "europe", "americas")
    }
    assert where["africa"][:2] == ["acerwc-gc1", "acrwc"] and "coe-epr" not in where["africa"]
    assert where["europe"][:2] == ["coe-rec-2018-5", "coe-epr"] and "oc-29-22" not in where["europe"]
    assert where["americas"] == ["iachr-principles", "oc-29-22"]
    assert soup.select_one("#law-since-region-africa").get_text() == labels["law_since_region_africa"]
    universal = [str(h["id"]) for h in soup.select("#law-since-instruments ~ section.law-since-instrument > h3")]
    assert "bangkok" in universal and "alt-care" in universal and "acrwc" not in universal
    europe = soup.select_one("#coe-epr").find_parent("section")
    facts = {dt.get_text(): dt.find_next_sibling("dd").get_text() for dt in europe.select("dl dt")}
    assert binds in facts[labels["law_since_binds"]]
    assert soup.select_one("#bangkok").find_parent("section").select_one(".law-since-instrument__binds") is None


@pytest.mark.parametrize(("lang", "tag"), [("en", "(regional: Africa)"), ("fr", "(régional\u00a0: Afrique)")])
def test_a_regional_rule_in_a_paragraph_note_names_its_region(built_site: Path, lang: str, tag: str) -> None:
    soup = parse(built_site / EDITION_PREFIX[lang] / "specific-issues/index.html")
    items = soup.select("#iv-a-7 aside.law-since li")
    charter = next(li for li in items if li.select_one("a.xref__link[href$='#acrwc-30']"))
    assert charter.select_one(".law-since__region").get_text() == tag
    bangkok = next(li for li in items if li.select_one("a.xref__link[href$='#bangkok-64']"))
    assert bangkok.select_one(".law-since__region") is None


def test_the_new_links_lead_to_their_rules_on_the_annex(built_site: Path) -> None:
    pages = {name: parse(built_site / name / "index.html") for name in ("general-issues", "specific-issues")}
    annex = parse(built_site / PAGE)
    for paragraph, rule_id in NEW_LINKS:
        anchor = paragraph.lower().replace(".", "-")
        note = next(p.select_one(f"#{anchor} aside.law-since") for p in pages.values() if p.select_one(f"#{anchor}"))
        assert note is not None and note.select_one(f"a.xref__link[href='../law-since-2005/#{rule_id}']"), paragraph
        assert annex.select_one(f"[id='{rule_id}']") is not None, rule_id


def test_each_rule_lists_the_paragraphs_it_bears_on(built_site: Path) -> None:
    soup = parse(built_site / PAGE)
    article = soup.select_one("#bangkok-49").find_parent("article")
    links = {a.get_text(): a["href"] for a in article.select(".law-since-rule__bears-on a")}
    assert links["IV.a.10"] == "../specific-issues/#iv-a-10"
    assert set(links) >= {"IV.a.10", "IV.a.12", "IV.a.13", "Standard Minimum Rules, rule 23(2)"}


def test_the_home_page_links_to_the_annex(built_site: Path) -> None:
    for lang, prefix in EDITION_PREFIX.items():
        link = parse(built_site / prefix / "index.html").select_one(".edition-orientation .law-since--home a")
        assert link is not None and link["href"] == "law-since-2005/", lang


@pytest.mark.parametrize(
    ("lang", "title"),
    [("en", "Annex: Law since 2005"), ("fr", "Annexe : le droit depuis 2005"), ("es", "Anexo: el derecho desde 2005")],
)
def test_the_pdf_carries_the_annex_marked_as_the_editions(built_site: Path, lang: str, title: str) -> None:
    text = pdf_words(built_site / EDITION_PREFIX[lang] / f"babies-and-small-children-residing-in-prisons-{lang}.pdf")
    assert title in text
    assert {"en": "not part of the 2005 text", "fr": "hors du texte de 2005", "es": "ajeno al texto de 2005"}[
        lang
    ] in text
    assert "A/RES/65/229" in text
    # Why: the regional instruments reach the PDF too, each by its symbol.
    assert [s for s in ("CAB/LEG/24.9/49", "Rec(2006)2-rev", "OC-29/22") if s not in text] == []


# ---------------------------------------------------------------------------------------------
# In the browser


@pytest.mark.parametrize(
    ("lang", "query"), [("en", "Bangkok 49"), ("fr", "règle 49 de Bangkok"), ("es", "regla 49 de Bangkok")]
)
def test_search_finds_a_later_rule_in_each_language(page: Page, site_url: str, lang: str, query: str) -> None:
    page.goto(f"{site_url}/{EDITION_PREFIX[lang]}")
    hrefs = [urlunsplit(urlsplit(h)._replace(query="")) for h in search(page, query)]
    assert f"{site_url}/{EDITION_PREFIX[lang]}law-since-2005/#bangkok-49" in hrefs[:5], hrefs[:5]


def test_a_note_previews_its_rule_on_keyboard_focus(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/specific-issues/#iv-a-10")
    link = page.locator("#iv-a-10 aside.law-since a.xref__link").first
    link.focus()
    tip = page.locator(f"#{link.get_attribute('aria-describedby')}")
    assert tip.is_visible()
    page.keyboard.press("Escape")
    assert not tip.is_visible()


# ---------------------------------------------------------------------------------------------
# Small functions


LABELS = {lang: load_registry(DATA).labels[lang] for lang in ("en", "fr", "es")}


@pytest.mark.parametrize(
    ("iso", "lang", "expected"),
    [
        ("2010-12-21", "en", "21 December 2010"),
        ("2015-12-17", "fr", "17 décembre 2015"),
        ("2018-04-04", "es", "4 de abril de 2018"),
        ("2013-11", "en", "November 2013"),
        ("2013-11", "fr", "novembre 2013"),
        ("2013-11", "es", "noviembre de 2013"),
    ],
)
def test_date_text(iso: str, lang: str, expected: str) -> None:
    assert date_text(iso, LABELS[lang]) == expected


@pytest.mark.parametrize(
    ("rule_id", "lang", "label", "quoted"),
    [
        ("bangkok-49", "en", "Bangkok Rules, rule 49", True),
        ("bangkok-49", "es", "Reglas de Bangkok, regla 49", False),
        ("mandela-7-f", "fr", "Règles Nelson Mandela, règle 7(f)", False),
        ("bangkok-res-9", "fr", "Résolution 65/229 de l’Assemblée générale, par. 9", False),
        ("crc-gc14", "en", "CRC General Comment No. 14", False),
        ("bangkok-22", "en", "Bangkok Rules, rule 22", False),
    ],
)
def test_rule_labels_and_what_is_shown(rule_id: str, lang: str, label: str, quoted: bool) -> None:
    law = load_later_law(DATA, paragraphs=paragraph_numbers(), provisions=provision_ids(), shown=DATA_FILE)
    rule = law.rules[rule_id]
    assert rule.label(lang) == label
    text, is_quote = shown_text(rule, lang)
    assert is_quote == quoted
    assert text == (rule.quote[lang] if quoted else rule.summary[lang])
