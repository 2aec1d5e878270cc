"""The tools' view models (``edition/tools/views.py``) from the real data: no build."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from edition.frame.facts import load_facts
from edition.text.registry import load_registry
from edition.tools.citation import Work, edition_work
from edition.tools.views import (
    FILES,
    SCRIPT_WORDS,
    citation_files,
    citation_script,
    compare_label,
    edition_cite,
    script_data,
)

ROOT = Path(__file__).resolve().parent.parent
LABELS = load_registry(ROOT / "data").labels


def work(lang: str) -> Work:
    return edition_work(load_facts(ROOT / "data"), LABELS[lang], lang=lang, date=dt.date(2026, 3, 2))


@pytest.mark.parametrize(("home", "has_address"), [("https://example.org/babies/fr/", True), (None, False)])
def test_the_citation_files_give_an_address_only_when_there_is_one(home: str | None, has_address: bool) -> None:
    files = citation_files(work("fr"), home=home)
    assert list(files) == [path for path, _ in FILES.values()]
    assert ("URL" in json.loads(files["cite/edition.json"])[0]) is has_address
    assert ("url = {" in files["cite/edition.bib"]) is has_address
    assert ("UR  - " in files["cite/edition.ris"]) is has_address


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_the_script_gets_every_word_it_needs_and_the_base(lang: str) -> None:
    data = script_data(work(lang), LABELS[lang], base="https://example.org/")
    assert set(data["words"]) == set(SCRIPT_WORDS)
    assert data["base"] == "https://example.org/"
    assert len(data["months"]) == 12
    assert "@@LOCATOR@@" in data["part"]["csl"] and "@@LOCATOR@@" not in data["work"]["csl"]


def test_cite_this_edition_links_each_file_from_the_page() -> None:
    cite = edition_cite(LABELS["es"], href=lambda path: f"../{path}")
    assert [item["href"] for item in cite["items"]] == [f"../{path}" for path, _ in FILES.values()]
    assert [item["name"] for item in cite["items"]] == ["CSL-JSON", "BibTeX", "RIS"]
    assert cite["label"] == LABELS["es"]["cite_this_edition"]


@pytest.mark.parametrize(
    ("target", "provision_label", "key"),
    [("IV.b.17", None, "tools_compare_paragraph"), ("crc-9-1", "CRC art. 9(1)", "tools_compare_provision")],
)
def test_the_compare_link_names_its_paragraph_or_provision(target: str, provision_label: str | None, key: str) -> None:
    label = compare_label(target, LABELS["en"], provision_label=provision_label)
    assert label == LABELS["en"][key].format(number=target, label=provision_label)
    assert (provision_label or target) in label


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"words": {"cite_copied": "Copié « ici »"}, "base": ""},  # kept as written, not as \u escapes
        {"part": {"csl": '[{"title": "</script>"}]'}, "months": ["enero"]},
    ],
)
def test_the_citation_script_hands_the_data_to_the_page_as_it_is(data: dict[str, object]) -> None:
    script = citation_script(data)
    prefix, suffix = "window.editionCite = ", ";\n"
    assert script.startswith(prefix) and script.endswith(suffix)
    assert json.loads(script.removeprefix(prefix).removesuffix(suffix)) == data
    assert "\\u" not in script
