"""Cite and compare as a reader uses them, in Chromium, on the served site and from an unpacked ZIP."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from edition.frame.facts import load_facts
from edition.text.registry import load_registry
from edition.tools.citation import bibtex, csl_json, edition_work, part_key, ris
from tests.browsing import axe_violations
from tests.conftest import ROOT
from tests.site import EDITION_PREFIX

COMPARE_KEY = "edition.compare.languages"  # the one thing the comparison keeps (tools.js)


def _grant_clipboard(page: Page, site_url: str) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)


def _clipboard(page: Page) -> str:
    return str(page.evaluate("navigator.clipboard.readText()"))


def test_citing_a_paragraph_copies_a_ready_citation_and_says_so(page: Page, site_url: str) -> None:
    _grant_clipboard(page, site_url)
    page.goto(f"{site_url}/specific-issues/#iv-b-17")
    button = page.locator("#iv-b-17 .edition-tools__cite")
    expect(button).to_have_accessible_name("Cite paragraph IV.b.17")
    button.focus()
    page.keyboard.press("Enter")  # opened from the keyboard
    dialog = page.get_by_role("dialog", name="Cite paragraph IV.b.17")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_role("button", name="Copy citation")).to_be_focused()
    page.keyboard.press("Enter")  # one keystroke
    expect(dialog.get_by_role("status")).to_have_text("Citation copied.")
    copied = _clipboard(page)
    today = page.evaluate("new Date().toISOString().slice(0, 4)")
    assert copied.startswith(
        "Marlene Alejos, Babies and Small Children Residing in Prisons, Quaker United Nations Office"
    )
    assert ", 2005; English web edition, version 1.0, " in copied
    assert f"paragraph IV.b.17. {site_url}/specific-issues/#iv-b-17 (accessed " in copied
    assert copied.endswith(f"{today}).")
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(button).to_be_focused()


def test_a_provision_is_cited_in_the_readers_language_with_its_label(page: Page, site_url: str) -> None:
    _grant_clipboard(page, site_url)
    page.goto(f"{site_url}/fr/international-provisions/#crc-9-1")
    page.locator("#crc-9-1 .edition-tools__cite").click()
    dialog = page.get_by_role("dialog")
    expect(dialog.locator(".edition-cite__title")).to_have_text("Citer CDE, art. 9(1)")
    dialog.get_by_role("button", name="Copier la référence").click()
    expect(dialog.get_by_role("status")).to_have_text("Référence copiée.")
    copied = _clipboard(page)
    assert "édition Web en français" in copied and "CDE, art. 9(1), texte cité dans la partie II" in copied
    assert f"{site_url}/fr/international-provisions/#crc-9-1 (consulté le " in copied


def test_the_last_quotation_of_a_group_is_cited_from_its_tools_after_the_caption(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/fr/international-provisions/#crc-18-1")
    page.locator('[data-apparatus-of="crc-18-1"] .edition-tools__cite').click()
    expect(page.get_by_role("dialog").locator(".edition-cite__title")).to_have_text("Citer CDE, art. 18(1)")


@pytest.mark.parametrize(
    ("fmt", "starts"), [("csl", "["), ("bibtex", "@inbook{alejos2005-en-iv-b-17,"), ("ris", "TY  - CHAP")]
)
def test_each_machine_format_downloads_for_a_paragraph(page: Page, site_url: str, fmt: str, starts: str) -> None:
    page.goto(f"{site_url}/specific-issues/")
    page.locator("#iv-b-17 .edition-tools__cite").click()
    with page.expect_download() as info:
        page.locator(f".edition-cite__download[data-format='{fmt}']").click()
    download = info.value
    text = Path(download.path()).read_text(encoding="utf-8")
    assert text.startswith(starts)
    assert f"{site_url}/specific-issues/#iv-b-17" in text
    if fmt == "csl":
        (item,) = json.loads(text)
        assert item["title"] == "Paragraph IV.b.17" and len(item["accessed"]["date-parts"][0]) == 3
    assert download.suggested_filename.startswith("alejos2005-en-iv-b-17.")


@pytest.mark.parametrize(("fmt", "write"), [("csl", csl_json), ("bibtex", bibtex), ("ris", ris)])
def test_the_browsers_files_are_the_builds_formats_to_the_byte(
    page: Page, site_url: str, fmt: str, write: Callable[..., str]
) -> None:
    """The browser fills the build's templates; the result equals edition/tools/citation.py's own output."""
    registry = load_registry(ROOT / "data")
    labels = registry.labels["fr"]
    facts = load_facts(ROOT / "data")
    work = edition_work(facts, labels, lang="fr", date=facts.date)
    page.goto(f"{site_url}/fr/international-provisions/")
    page.locator("#crc-9-1 .edition-tools__cite").click()
    accessed = str(page.evaluate("(d => [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()])(new Date())"))
    with page.expect_download() as info:
        page.locator(f".edition-cite__download[data-format='{fmt}']").click()
    year, month, day = json.loads(accessed)
    expected = write(
        work,
        key=part_key(work, "crc-9-1"),
        locator=labels["cite_locator_provision"].format(label=registry.provisions["crc-9-1"].label["fr"]),
        url=f"{site_url}/fr/international-provisions/#crc-9-1",
        accessed=f"{year:04d}-{month:02d}-{day:02d}",
    )
    assert Path(info.value.path()).read_bytes() == expected.encode("utf-8")


def test_the_home_page_cites_the_whole_edition(page: Page, site_url: str) -> None:
    _grant_clipboard(page, site_url)
    page.goto(f"{site_url}/es/")
    page.get_by_role("button", name="Citar la presente edición").click()
    page.get_by_role("button", name="Copiar la referencia").click()
    expect(page.get_by_role("status")).to_have_text("Referencia copiada.")
    copied = _clipboard(page)
    assert "edición web en español" in copied and "Párrafo" not in copied
    assert f"{site_url}/es/ (consultado el " in copied


def test_compare_two_languages_then_follow_a_link(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/specific-issues/")
    page.locator("#iv-b-17 .edition-tools__compare").click()
    expect(page).to_have_url(f"{site_url}/compare/#iv-b-17")
    row = page.locator("#iv-b-17")
    expect(row).to_be_in_viewport()
    page.get_by_role("checkbox", name="Español").uncheck()
    expect(row.locator("[lang='es']")).to_be_hidden()
    expect(row.locator("[lang='fr']")).to_be_visible()
    # Two languages left: neither can be unchecked.
    expect(page.get_by_role("checkbox", name="Français")).to_be_disabled()
    assert page.evaluate("Object.keys(localStorage)") == [COMPARE_KEY]
    assert page.evaluate(f"localStorage.getItem('{COMPARE_KEY}')") == "en,fr"
    row.locator("[lang='fr'] .compare__language a").click()
    expect(page).to_have_url(f"{site_url}/fr/specific-issues/#iv-b-17")
    # The choice survives navigation: the French comparison shows the same two languages.
    page.goto(f"{site_url}/fr/compare/#iv-a-1")
    expect(page.locator("#iv-a-1 [lang='es']")).to_be_hidden()
    expect(page.locator("#iv-a-1 [lang='en']")).to_be_visible()


def test_on_a_phone_the_languages_stack_under_the_number(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(f"{site_url}/compare/#iv-b-17")
    boxes = [page.locator(f"#iv-b-17 [lang='{lang}']").bounding_box() for lang in ("en", "fr", "es")]
    number = page.locator("#iv-b-17 .compare__number").bounding_box()
    context.close()
    assert number and all(boxes)
    tops = [box["y"] for box in boxes if box]
    assert number["y"] < tops[0] < tops[1] < tops[2]
    assert len({round(box["x"]) for box in boxes if box}) == 1


def test_printing_leaves_the_tools_out(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/specific-issues/")
    page.emulate_media(media="print")
    expect(page.locator("#iv-b-17 .edition-tools")).to_be_hidden()
    expect(page.locator("#iv-b-17 > p:not([class])")).to_be_visible()


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_compare_page_has_no_wcag_violation(page: Page, site_url: str, lang: str) -> None:
    page.goto(f"{site_url}/{EDITION_PREFIX[lang]}compare/")
    assert axe_violations(page) == []


def test_the_open_citation_dialog_has_no_wcag_violation(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/general-issues/")
    page.locator("#iii-a-1 .edition-tools__cite").click()
    assert axe_violations(page) == []


def test_offline_compare_shows_every_language_and_links_the_others_to_the_website(
    browser: Browser, built_site: Path, site_url: str, tmp_path: Path
) -> None:
    with zipfile.ZipFile(built_site / "fr" / "babies-and-small-children-residing-in-prisons-fr-offline.zip") as archive:
        archive.extractall(tmp_path)
    folder = tmp_path / "babies-and-small-children-residing-in-prisons-fr"
    context = browser.new_context()
    page = context.new_page()
    elsewhere: list[str] = []
    page.on("request", lambda r: None if r.url.startswith("file://") else elsewhere.append(r.url))
    page.goto((folder / "fr" / "specific-issues.html").as_uri() + "#iv-b-17")
    page.locator("#iv-b-17 .edition-tools__compare").click()
    expect(page).to_have_url((folder / "fr" / "compare.html").as_uri() + "#iv-b-17")
    row = page.locator("#iv-b-17")
    for lang in ("en", "fr", "es"):
        expect(row.locator(f"[lang='{lang}']")).to_be_visible()
    assert row.locator("[lang='fr'] .compare__language a").get_attribute("href") == "specific-issues.html#iv-b-17"
    assert (
        row.locator("[lang='en'] .compare__language a").get_attribute("href") == f"{site_url}/specific-issues/#iv-b-17"
    )
    page.locator("#iv-b-17 [lang='fr'] .compare__language a").click()
    expect(page).to_have_url((folder / "fr" / "specific-issues.html").as_uri() + "#iv-b-17")
    page.locator("#iv-b-17 .edition-tools__cite").click()
    expect(page.locator("#edition-cite")).to_be_visible()
    expect(page.locator("#edition-cite .edition-cite__text")).to_contain_text(", paragraphe IV.b.17. ")
    context.close()
    assert elsewhere == []
