"""The "Write a comment" form, as a reader uses it in Chromium: on the served site and offline.

What it produces must pass `make check-comments` (the same validation as the build): the test
fills the form, takes the file it gives, and runs ``scripts/check_comments.py`` on a copy of the
project holding that file. Every value typed comes back exactly. Names are fixtures.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import unicodedata
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from edition.comments.store import load_schema, parse_comment
from edition.text.registry import load_registry
from tests.browsing import axe_violations
from tests.comment_cases import FORM, FormCase, form_file
from tests.conftest import ROOT
from tests.site import parse
from tests.test_offline import FOLDER, ZIP

LABELS = load_registry(ROOT / "data").labels
TYPED = {
    "name": "Fixture Form Contributor",
    "organisation": 'Fixture Organisation: Branch "North"',
    "country": "Fixtureland",
    "text": "Test fixture: a comment from the form, citing [[crc-18-1]] with *emphasis*\n\nand a second paragraph.",
    "proposed_text": "Fixture wording: line one,\n  line two indented, with # and 'quotes'.",
}


def fill(page: Page, values: dict[str, str]) -> None:
    for field, value in values.items():
        page.fill(f"#cf-{field}", value)


def submit(page: Page, address: str, values: dict[str, str]) -> None:
    page.goto(address)
    fill(page, values)
    page.get_by_role("button", name="Prepare the comment file").click()


def produced(page: Page) -> str:
    page.get_by_role("button", name="Prepare the comment file").click()
    output = page.locator("#cf-output")
    expect(output).to_be_visible()
    return str(output.input_value())


def check_file(tmp_path: Path, name: str, text: str) -> subprocess.CompletedProcess[str]:
    project = tmp_path / "project"
    for part in ("data", "docs", "comments"):
        shutil.copytree(ROOT / part, project / part)
    (project / "comments" / name).write_text(text, encoding="utf-8")
    command = [sys.executable, str(ROOT / "scripts" / "check_comments.py"), str(project)]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def test_the_comments_page_offers_the_form_in_each_language(built_site: Path) -> None:
    for prefix, title in [
        ("", "Write a comment"),
        ("fr/", "Rédiger une observation"),
        ("es/", "Redactar una observación"),
    ]:
        soup = parse(built_site / prefix / "comments" / "index.html")
        form = soup.select_one("#write-a-comment")
        assert form is not None and form.select_one("h2").get_text() == title
        assert soup.select_one(".comments-contact") is not None, "the editors' contact"
        assert soup.select_one("#write-a-comment ~ .comments-contact") is not None
    assert (built_site / "comment.schema.json").is_file()


def test_without_an_editors_address_the_pages_say_so_and_invent_none(built_site: Path) -> None:
    for page, words in [
        ("contact", "No e-mail address"),
        ("fr/contact", "Aucune adresse"),
        ("es/comments", "No se ha"),
    ]:
        contact = parse(built_site / page / "index.html").select_one(".comments-contact")
        assert contact is not None and contact.select("a[href^='mailto:']") == []
        assert contact.get_text().count(words) == 1


@pytest.mark.parametrize(("lang", "prefix"), [("en", ""), ("fr", "fr/"), ("es", "es/")])
def test_below_the_form_the_contact_points_to_the_form_not_to_the_page_it_is_on(
    built_site: Path, lang: str, prefix: str
) -> None:
    below_form = parse(built_site / prefix / "comments" / "index.html").select_one(".comments-contact")
    on_contact = parse(built_site / prefix / "contact" / "index.html").select_one(".comments-contact")
    assert below_form is not None and on_contact is not None
    assert LABELS[lang]["comment_contact_none_here"] in below_form.get_text()
    assert LABELS[lang]["comment_contact_none"] not in below_form.get_text()
    assert LABELS[lang]["comment_contact_none"] in on_contact.get_text()


def test_the_form_produces_a_file_that_make_check_comments_accepts(page: Page, site_url: str, tmp_path: Path) -> None:
    page.goto(f"{site_url}/comments/?target=IV.b.17#write-a-comment")
    expect(page.locator("#cf-targets")).to_have_value("IV.b.17")
    page.fill("#cf-targets", "IV.b.17, crc-18-1")
    page.select_option("#cf-language", "fr")
    page.select_option("#cf-kind", "suggested-wording")
    fill(page, TYPED)
    text = produced(page)
    name = str(page.locator(".comment-form__download").get_attribute("download"))
    assert name.startswith("iv-b-17-") and name.endswith("-fr-" + name[-7:-3] + ".md")
    result = check_file(tmp_path, name, text)
    assert result.returncode == 0, result.stdout
    assert "all valid" in result.stdout
    comment, problems = parse_comment(
        text.encode(),
        file=name,
        shown=name,
        schema=load_schema(ROOT / "data"),
        known_targets={"IV.b.17", "crc-18-1"},
        retired={},
    )
    assert problems == [] and comment is not None
    assert (comment.name, comment.organisation, comment.country) == (
        TYPED["name"],
        TYPED["organisation"],
        TYPED["country"],
    )
    assert comment.body == TYPED["text"] and comment.proposed_text == TYPED["proposed_text"]
    assert comment.targets == ("IV.b.17", "crc-18-1") and comment.status == "open" and comment.response is None
    assert comment.language == "fr" and comment.kind == "suggested-wording"
    with page.expect_download() as download:
        page.locator(".comment-form__download").click()
    assert Path(str(download.value.path())).read_text(encoding="utf-8") == text
    expect(page.locator(".comment-form__open")).to_be_hidden()  # no repository configured in this build


# What a field's message says in full: one message for an empty field, every unknown identifier at once.
@pytest.mark.parametrize(
    ("values", "field", "words"),
    [
        ({"targets": "IV.b.17", "name": "", "text": "Fixture"}, "name", "This field is required."),
        (
            {"targets": "IV.b.99, crc-99-9; IV.b.17 IV.c.98", "name": "Fixture", "text": "Fixture"},
            "targets",
            "“IV.b.99” is not a paragraph or provision of this edition. "
            "“crc-99-9” is not a paragraph or provision of this edition. "
            "“IV.c.98” is not a paragraph or provision of this edition.",
        ),
    ],
    ids=["empty-name", "every-unknown-target"],
)
def test_a_fields_message_is_complete_and_says_each_thing_once(
    page: Page, site_url: str, values: dict[str, str], field: str, words: str
) -> None:
    submit(page, f"{site_url}/comments/", values)
    expect(page.locator(f"#cf-{field}-error")).to_have_text(words)


# A paragraph number is understood however its case and separators are typed; the file has it as the edition writes it.
@pytest.mark.parametrize("typed", ["iv.b.20", "IV b 20", "iv-b-20, crc-18-1", "Iv.B.20 crc-18-1"])
def test_paragraph_numbers_are_understood_as_typed_and_written_as_the_edition_writes_them(
    page: Page, site_url: str, typed: str
) -> None:
    page.goto(f"{site_url}/comments/")
    fill(page, {"targets": typed, "name": "Fixture", "text": "Fixture"})
    text = produced(page)
    expected = '["IV.b.20", "crc-18-1"]' if "crc" in typed else '["IV.b.20"]'
    assert f"targets: {expected}" in text.splitlines()
    assert str(page.locator(".comment-form__download").get_attribute("download")).startswith("iv-b-20-")


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"targets": "", "name": "", "text": ""}, "targets", "This field is required."),
        ({"targets": "IV.b.99", "name": "Fixture", "text": "Fixture"}, "targets", "is not a paragraph or provision"),
        ({"targets": "IV/b/17", "name": "Fixture", "text": "Fixture"}, "targets", "is not a paragraph number"),
        ({"targets": "IV.b.17", "name": "", "text": "Fixture"}, "name", "This field is required."),
        ({"targets": "IV.b.17", "name": "QUNO\u200bFixture", "text": "Fixture"}, "name", "U+200B"),
        (
            {"targets": "IV.b.17", "name": "F" * 125, "text": "Fixture"},
            "name",
            "125 characters, 5 more than the limit of 120",
        ),
        ({"targets": "IV.b.17", "name": "Fixture", "text": "[" * 30}, "text", "“[” characters"),
        ({"targets": "IV.b.17", "name": "Fixture", "text": "Fixture \u202e txet"}, "text", "U+202E"),
        ({"targets": "IV.b.17", "name": "Fixture", "text": ""}, "text", "This field is required."),
        ({"targets": "IV.b.17", "name": "Fixture", "text": "See [[IV.b.99]]."}, "text", "“IV.b.99” is not a"),
        ({"targets": "IV.b.17", "name": "Fixture", "text": "a\n" * 201}, "text", "At most 200 lines."),
        ({"targets": "IV.b.17", "name": "Fixture", "text": "a" + "*" * 21}, "text", "identical markup characters"),
    ],
    ids=[
        "empty",
        "unknown-target",
        "malformed-target",
        "no-name",
        "zero-width",
        "long-name",
        "brackets",
        "bidi",
        "no-text",
        "unknown-reference",
        "lines",
        "run",
    ],
)
def test_problems_are_shown_next_to_their_field(
    page: Page, site_url: str, values: dict[str, str], field: str, message: str
) -> None:
    submit(page, f"{site_url}/comments/", values)
    expect(page.locator(f"#cf-{field}-error")).to_contain_text(message)
    expect(page.locator(f"#cf-{field}")).to_have_attribute("aria-invalid", "true")
    expect(page.locator(".comment-form__summary")).to_be_visible()
    expect(page.locator(".comment-form__result")).to_be_hidden()


FIELDS = ["targets", "language", "kind", "name", "organisation", "country", "text", "proposed_text"]


# The shared table (tests/comment_cases.py FORM): the form says "ready" exactly when the checker
# accepts, and then writes the very file the checker was given (the checker's half is in
# tests/test_comments_hostile.py).
@pytest.mark.parametrize("case", FORM, ids=[c.id for c in FORM])
def test_the_form_refuses_exactly_what_the_checker_refuses(page: Page, site_url: str, case: FormCase) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{site_url}/comments/")
    fill(page, case.typed)
    page.get_by_role("button", name="Prepare the comment file").click()
    if case.refused is None:
        text = produced(page)
        date = re.search(r"^date: (\S+)$", text, flags=re.MULTILINE)
        assert date is not None and text == form_file(case, date=date[1])
        for field in FIELDS:
            expect(page.locator(f"#cf-{field}-error")).to_be_empty()
    else:
        expect(page.locator(f"#cf-{case.form_field}-error")).not_to_be_empty()
        expect(page.locator(f"#cf-{case.form_field}")).to_have_attribute("aria-invalid", "true")
        expect(page.locator(".comment-form__result")).to_be_hidden()
    assert errors == []


@pytest.mark.parametrize(
    ("lang", "values", "field", "label", "params"),
    [
        (
            "fr",
            {"text": "Fixture \U0001fa77"},
            "text",
            "comment_form_err_unassigned",
            {"code": "1FA77", "unicode": unicodedata.unidata_version},
        ),
        ("es", {"text": "\U0001f600" * 8_000}, "text", "comment_form_err_file_size", {}),
        ("en", {"name": "Votre nom"}, "name", "comment_form_err_placeholder", {}),
    ],
)
def test_the_new_refusals_speak_the_readers_language(
    page: Page, site_url: str, lang: str, values: dict[str, str], field: str, label: str, params: dict[str, str]
) -> None:
    page.goto(f"{site_url}/{'' if lang == 'en' else lang + '/'}comments/")
    fill(page, {"targets": "IV.a.1", "name": "Fixture", "text": "Fixture", **values})
    page.locator(".comment-form__form button[type=submit]").click()
    words = LABELS[lang][label]
    if label == "comment_form_err_file_size":
        expect(page.locator(f"#cf-{field}-error")).to_contain_text(words.split("{size}")[0])
    else:
        expect(page.locator(f"#cf-{field}-error")).to_have_text(words.format(**params))


def test_the_form_with_its_problems_and_its_result_has_no_wcag_violation(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/fr/comments/")
    page.get_by_role("button", name="Préparer le fichier de l’observation").click()
    expect(page.locator("#cf-targets")).to_be_focused()
    assert axe_violations(page) == []
    fill(page, {"targets": "IV.b.17", "name": "Fixture", "text": "Fixture"})
    page.get_by_role("button", name="Préparer le fichier de l’observation").click()
    expect(page.locator("#comment-form-result-title")).to_be_focused()
    assert axe_violations(page) == []


def test_every_comment_link_leads_to_the_form_with_its_target(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/es/international-provisions/")
    link = page.locator('[data-apparatus-of="crc-18-1"] .comments__new')  # after its 2005 caption
    link.click()
    expect(page.locator("#cf-targets")).to_have_value("crc-18-1")
    expect(page.locator("#write-a-comment")).to_be_in_viewport()


@pytest.fixture
def offline_comments(built_site: Path, tmp_path: Path, browser: Browser) -> Iterator[tuple[Page, Path]]:
    with zipfile.ZipFile(built_site / ZIP.format(lang="en")) as archive:
        archive.extractall(tmp_path)
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    elsewhere: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(("file://", "blob:")) else elsewhere.append(r.url))
    yield page, tmp_path / FOLDER.format(lang="en")
    context.close()
    assert elsewhere == []


def test_offline_the_form_prepares_and_downloads_the_file(offline_comments: tuple[Page, Path], tmp_path: Path) -> None:
    page, folder = offline_comments
    page.goto((folder / "specific-issues.html").as_uri() + "#iv-b-17")
    page.locator("#iv-b-17 .comments__new").click()  # offline pages are flat: comments.html
    expect(page.locator("#cf-targets")).to_have_value("IV.b.17")
    # The form's own stylesheet, which only this page links, is found from the file system too.
    expect(page.locator("label[for=cf-name]")).to_have_css("display", "block")
    expect(page.locator("label[for=cf-name]")).to_have_css("font-weight", "700")
    fill(page, {"name": "Fixture Offline Contributor", "text": "Test fixture: written offline."})
    text = produced(page)
    with page.expect_download() as download:
        page.locator(".comment-form__download").click()
    assert Path(str(download.value.path())).read_text(encoding="utf-8") == text
    result = check_file(tmp_path, str(download.value.suggested_filename), text)
    assert result.returncode == 0, result.stdout
