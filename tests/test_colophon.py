"""Every PDF says what it is: its colophon (edition/downloads/colophon.py), in unit tests and in the real build."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from edition.downloads.colophon import Line, colophon
from edition.frame.facts import load_facts
from edition.frame.formatting import format_date
from edition.shared.addresses import published_address
from tests.site import LABELS
from tests.test_pdf import LANGUAGES, pdf_path

ROOT = Path(__file__).resolve().parent.parent
FACTS = load_facts(ROOT / "data")


@pytest.mark.parametrize(
    ("site_url", "expected"),
    [
        ("https://example.org/babies/", "https://example.org/babies/"),
        ("https://example.org/babies", "https://example.org/babies/"),
        ("http://edition.example.org/", "http://edition.example.org/"),
        ("http://127.0.0.1:8000/", None),
        ("http://127.0.0.2:41234/", None),
        ("http://localhost:8000/", None),
        ("http://[::1]:8000/", None),
        ("http://0.0.0.0:8000/", None),
        ("https://site.invalid/", None),
        ("file:///tmp/site/", None),
        ("", None),
        (None, None),
    ],
)
def test_published_address(site_url: str | None, expected: str | None) -> None:
    assert published_address(site_url) == expected


def make(lang: str, site_url: str | None) -> str:
    made = colophon(
        LABELS[lang],
        FACTS,
        date_text="25 November 2026",
        site_url=site_url,
        edition_path="" if lang == "en" else f"{lang}/",
        example_path="specific-issues/#iv-b-17",
    )
    lines = " ".join(f"{line.before}{line.address}{line.after}" for line in made.lines)
    return f"{made.title} {lines} {made.note} {made.citation_title} {made.citation}"


def test_a_published_address_is_given_with_paragraph_and_comment_addresses() -> None:
    text = make("fr", "https://example.org/babies/")
    assert "https://example.org/babies/fr/specific-issues/#iv-b-17" in text
    assert "https://example.org/babies/fr/comments/#how-to-comment" in text
    assert text.endswith(", https://example.org/babies/fr/")
    assert LABELS["fr"]["translation_note_text"] in text


def test_an_address_is_a_link_in_its_sentence() -> None:
    made = colophon(
        LABELS["en"],
        FACTS,
        date_text="d",
        site_url="https://example.org/",
        edition_path="",
        example_path="x/#y",
    )
    assert Line(LABELS["en"]["colophon_address"].removesuffix("{address}"), "https://example.org/", "") in made.lines


def test_a_local_address_is_never_printed() -> None:
    text = make("es", "http://127.0.0.1:8000/")
    assert "127.0.0.1" not in text
    assert LABELS["es"]["colophon_no_address"] in text
    assert "…/specific-issues/#iv-b-17" in text


def test_the_english_edition_has_no_translation_note() -> None:
    assert "translation_note_text" not in LABELS["en"]
    assert FACTS.version in make("en", None)


@pytest.fixture(scope="module", params=LANGUAGES)
def colophon_page(request: pytest.FixtureRequest, built_site: Path) -> tuple[str, str, str]:
    """The second page of a real PDF, as pdftotext reads it, and the whole PDF's text."""
    lang = str(request.param)
    path = pdf_path(built_site, lang)
    read = ["pdftotext", "-layout", "-enc", "UTF-8"]
    page = subprocess.run([*read, "-f", "2", "-l", "2", str(path), "-"], capture_output=True, text=True, check=True)
    whole = subprocess.run([*read, str(path), "-"], capture_output=True, text=True, check=True)
    return lang, " ".join(page.stdout.replace("\u00a0", " ").split()), whole.stdout


def test_every_pdf_has_a_colophon_after_its_cover(colophon_page: tuple[str, str, str]) -> None:
    lang, text, _ = colophon_page
    labels = {k: " ".join(v.replace("\u00a0", " ").split()) for k, v in LABELS[lang].items()}
    date = " ".join(format_date(FACTS.date, LABELS[lang]).replace("\u00a0", " ").split())
    assert text.startswith(labels["colophon_title"])
    assert "Quaker United Nations Office (QUNO)" in text and "2005" in text
    assert labels["colophon_edition"].format(date=date, version=FACTS.version) in text
    assert labels["colophon_citation_title"] in text
    assert "/specific-issues/#iv-b-17" in text
    assert labels["colophon_comment"][:40] in text
    if lang != "en":  # the translation is this edition's own, not QUNO's
        assert labels["translation_note_text"][:80] in text


def test_a_pdf_built_for_a_local_address_says_it_has_none(colophon_page: tuple[str, str, str]) -> None:
    lang, text, whole = colophon_page
    assert " ".join(LABELS[lang]["colophon_no_address"].replace("\u00a0", " ").split()) in text
    assert "127.0.0.1" not in whole and "localhost" not in whole
