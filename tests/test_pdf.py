"""The PDF editions, opened as a reader's software would: language, tags, outline, links, fonts, looks."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import tinycss2
from fontTools.ttLib import TTFont
from PIL import Image
from pypdf import PdfReader

from tests.site import LABELS, PAGES, article, parse, pdf_pages, pdf_words
from tests.test_build import EXPECTED_NUMBERS

ROOT = Path(__file__).resolve().parent.parent
FILE = "babies-and-small-children-residing-in-prisons-{lang}.pdf"
# Sentences each edition's PDF must contain, one per part of the document.
SAMPLES = {
    "en": [
        "The Quaker United Nations Office presents these draft guidelines to stimulate discussion and comment.",
        "Counselling services for parents and children, as well as parenting-skills training, should be provided.",
        "Motherhood and childhood are entitled to special care and assistance.",
        "Please contact us at the address below.",
    ],
    "fr": [
        "Des services de conseil destinés aux parents et aux enfants, ainsi qu’une formation aux compétences "
        "parentales, devraient être fournis.",
        "La maternité et l’enfance ont droit à une aide et à une assistance spéciales.",
    ],
    "es": [
        "Deberían prestarse servicios de asesoramiento para padres e hijos, así como capacitación en habilidades "
        "parentales.",
        "La maternidad y la infancia tienen derecho a cuidados y asistencia especiales.",
    ],
}
LANGUAGES = list(SAMPLES)


def pdf_path(site: Path, lang: str) -> Path:
    return site / ("" if lang == "en" else lang) / FILE.format(lang=lang)


@pytest.fixture(scope="module", params=LANGUAGES)
def edition(request: pytest.FixtureRequest, built_site: Path) -> tuple[str, PdfReader, str]:
    lang = str(request.param)
    reader = PdfReader(pdf_path(built_site, lang))
    return lang, reader, pdf_words(pdf_path(built_site, lang))


def outline_titles(outline: list[object]) -> list[str]:
    titles: list[str] = []
    for item in outline:
        titles += outline_titles(item) if isinstance(item, list) else [item.title]  # type: ignore[attr-defined]
    return titles


def test_language_metadata_and_tags(edition: tuple[str, PdfReader, str]) -> None:
    lang, reader, _ = edition
    root = reader.trailer["/Root"]
    assert root["/Lang"] == lang
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert root["/PageMode"] == "/UseOutlines"  # the PDF opens with its bookmarks shown
    meta = reader.metadata
    assert meta is not None
    assert meta.title and meta.author == "Marlene Alejos" and meta.subject
    assert reader.metadata.get("/Keywords")


def test_size_and_page_count(edition: tuple[str, PdfReader, str], built_site: Path) -> None:
    lang, reader, _ = edition
    # Measured (December 2026, with the edition's notes set apart in smaller type): 379, 412 and
    # 405 kB for en, fr, es.
    assert pdf_path(built_site, lang).stat().st_size <= 500_000
    # Measured: 62, 66 and 67 A4 pages: cover, colophon and contents; the 2005 text with the "Since
    # 2005" notes under its paragraphs; the two annexes, Law since 2005 and Practice around the world;
    # the notes. About 10% more allowed; fewer than 50 means a part is missing.
    assert 50 <= len(reader.pages) <= 77


def test_the_outline_mirrors_every_heading(edition: tuple[str, PdfReader, str], built_site: Path) -> None:
    lang, reader, _ = edition
    titles = [" ".join(t.split()) for t in outline_titles(reader.outline)]
    prefix = "" if lang == "en" else f"{lang}/"
    headings = [
        " ".join(h.get_text().rstrip("¶").replace("\u202f", "\u00a0").split())
        for name in PAGES
        for h in article(parse(built_site / prefix / name)).select("h1, h2, h3")
        if not h.find_parent(class_=["edition-downloads", "edition-orientation", "edition-files"])
    ]
    assert [t for t in titles if t in headings] == headings
    assert len(headings) > 30


def test_every_paragraph_number_and_sample_sentences(edition: tuple[str, PdfReader, str]) -> None:
    lang, _, text = edition
    missing = [n for n in EXPECTED_NUMBERS if n not in text]
    assert missing == []
    for sentence in SAMPLES[lang]:
        assert sentence in text


def test_internal_links_lead_to_existing_destinations(edition: tuple[str, PdfReader, str]) -> None:
    _, reader, _ = edition
    names = set(reader.named_destinations)
    links = [
        annot.get_object()
        for page in reader.pages
        for annot in page.get("/Annots", [])
        if annot.get_object().get("/Subtype") == "/Link"
    ]
    internal = [str(a["/Dest"]) for a in links if "/Dest" in a]
    assert len(internal) > 150
    assert sorted(set(internal) - names) == []
    assert {"iv-b-17", "crc-18-1", "chapter-1"} <= names


def test_every_font_is_embedded_and_covers_the_text(edition: tuple[str, PdfReader, str]) -> None:
    _, reader, text = edition
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            fonts[str(font["/BaseFont"])] = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    assert fonts and all(fonts.values()), fonts
    assert all("Source-Serif-4" in name for name in fonts)
    covered: set[int] = set()
    for woff in (ROOT / "pdf" / "fonts").glob("*.woff"):
        covered |= set(TTFont(woff).getBestCmap())
    assert sorted({c for c in text if ord(c) not in covered and not c.isspace()}) == []


def test_the_cover_and_contents_look_right(
    edition: tuple[str, PdfReader, str], built_site: Path, tmp_path: Path
) -> None:
    lang, _, _ = edition
    prefix = tmp_path / "page"
    subprocess.run(
        ["pdftoppm", "-r", "40", "-gray", "-png", "-f", "1", "-l", "2", str(pdf_path(built_site, lang)), str(prefix)],
        check=True,
    )
    cover, contents = (Image.open(p).convert("L") for p in sorted(tmp_path.glob("page-*.png")))
    for image in (cover, contents):
        assert image.size[0] < image.size[1], "portrait A4"
    pixels = cover.load()
    assert pixels is not None
    ink = [sum(1 for x in range(cover.width) if pixels[x, y] < 128) for y in range(cover.height)]  # type: ignore[operator]
    inked_rows = [y for y, count in enumerate(ink) if count]
    assert inked_rows, "the cover is blank"
    assert inked_rows[0] > cover.height * 0.1, "the title starts below the top margin"
    title_band = max(ink[: cover.height // 2])
    assert title_band > cover.width * 0.2, "a large title on the cover"
    dark = sum(contents.histogram()[:128]) / (contents.width * contents.height)
    assert 0.001 < dark < 0.2, "the contents page carries text, not a blank or a black page"
    assert text_lines(contents) >= len(PAGES) + 2, "a title and one line per chapter and the notes"


def text_lines(image: Image.Image) -> int:
    """Bands of rows holding ink: the lines of text on a rendered page."""
    pixels = image.load()
    assert pixels is not None
    inked = [any(pixels[x, y] < 128 for x in range(image.width)) for y in range(image.height)]  # type: ignore[operator]
    return sum(1 for y in range(1, len(inked)) if inked[y] and not inked[y - 1])


def test_the_french_outline_keeps_the_numero_sign(built_site: Path) -> None:
    titles = [" ".join(t.split()) for t in outline_titles(PdfReader(pdf_path(built_site, "fr")).outline)]
    assert any("générale n° 14" in t for t in titles), titles
    assert not any("générale no 14" in t for t in titles)  # an official title keeps "no" as its record has it


def test_a_heading_is_never_left_at_a_page_foot_without_its_table(
    edition: tuple[str, PdfReader, str], built_site: Path
) -> None:
    lang, _, _ = edition
    labels = LABELS[lang]
    pages = pdf_pages(pdf_path(built_site, lang))
    # The annex's crosswalk (the Spanish heading was stranded): its heading, its mark and its table's head.
    at = [i for i, text in enumerate(pages) if labels["law_since_crosswalk"] in text]
    assert at, labels["law_since_crosswalk"]
    assert labels["law_since_col_status"] in pages[at[0]]


def test_print_css_sets_tables_top_aligned_rows_whole_and_the_editions_notes_apart() -> None:
    rules = {
        tinycss2.serialize(rule.prelude).strip(): tinycss2.serialize(rule.content)
        for rule in tinycss2.parse_stylesheet((ROOT / "pdf" / "print.css").read_text(encoding="utf-8"))
        if rule.type == "qualified-rule"
    }
    assert "vertical-align: top" in rules["th, td"]
    assert "break-inside: avoid" in rules["tr"]
    notes = rules[".law-since, .practice-links"]
    assert "font-size: 8.5pt" in notes and "border-left" in notes and "background" in notes
