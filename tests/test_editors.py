"""Who makes this edition and how it stands to QUNO: only as data/edition.yml and EDITORS_EMAIL say it.

Unit tests of ``about_lines`` (every language, every relation; the schema's refusals are in
``tests/test_facts.py``), then the real build twice: with the settings as committed (empty: the pages
and PDFs say so, no name is invented) and with fixture settings (a name, a website, a relation and an
address, all marked as test values).
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import jinja2
import pytest
from bs4 import Tag

from edition.downloads.colophon import Line, about_lines
from edition.frame.facts import Editors, load_facts
from tests.conftest import BuildResult
from tests.site import EDITION_PREFIX as PREFIX
from tests.site import LABELS, article, parse
from tests.test_pdf import LANGUAGES, pdf_path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
# Test values, never a real editor: the example.invalid domain cannot exist.
FIXTURE_NAME = "Fixture Editors (test value)"
FIXTURE_URL = "https://editors.example.invalid/"
FIXTURE_EMAIL = "editors@example.invalid"
RELATIONS = ("not-stated", "independent", "endorsed")


def text_of(lines: list[Line]) -> str:
    return " ".join(f"{line.before}{line.address}{line.after}" for line in lines)


def flat(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_with_nothing_set_the_lines_say_so_and_name_no_one(lang: str) -> None:
    labels = LABELS[lang]
    lines = about_lines(labels, Editors(), email="")
    assert [line.before for line in lines] == [
        labels["about_unnamed"],
        labels["about_relation_not_stated"],
        labels["about_no_email"],
    ]
    assert not any(line.address for line in lines)


@pytest.mark.parametrize("email", ["", FIXTURE_EMAIL])
def test_where_another_section_says_where_to_write_the_lines_do_not(email: str) -> None:
    lines = about_lines(LABELS["en"], Editors(), email=email, where_to_write=False)
    assert [line.before for line in lines] == [LABELS["en"]["about_unnamed"], LABELS["en"]["about_relation_not_stated"]]
    assert not any(line.href for line in lines)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("relation", RELATIONS)
def test_what_is_set_is_said(lang: str, relation: str) -> None:
    labels = LABELS[lang]
    editors = Editors(name=FIXTURE_NAME, url=FIXTURE_URL, relation_to_quno=relation)
    lines = about_lines(labels, editors, email=FIXTURE_EMAIL)
    text = text_of(lines)
    assert labels["about_named"].format(name=FIXTURE_NAME) in text
    assert Line(labels["about_website"].removesuffix("{address}"), FIXTURE_URL, "") in lines
    assert labels["about_relation_" + relation.replace("-", "_")] in text
    mail = [line for line in lines if line.href]
    assert [(m.address, m.href) for m in mail] == [(FIXTURE_EMAIL, f"mailto:{FIXTURE_EMAIL}")]
    assert labels["about_unnamed"] not in text and labels["about_no_email"] not in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_quno_endorses_only_where_a_setting_says_so(lang: str) -> None:
    endorsed = LABELS[lang]["about_relation_endorsed"]
    for relation in ("not-stated", "independent"):
        assert endorsed not in text_of(about_lines(LABELS[lang], Editors(relation_to_quno=relation), email=""))


def test_the_committed_settings_name_no_one() -> None:
    editors = load_facts(DATA).editors
    assert editors == Editors(name="", url="", relation_to_quno="not-stated")


def about_section(site: Path, lang: str) -> Tag:
    page = parse(site / ("" if lang == "en" else lang) / "contact" / "index.html")
    heading = page.find(id="about-this-edition")
    assert isinstance(heading, Tag) and heading.name == "h2"
    section = heading.find_next_sibling()
    assert isinstance(section, Tag) and "about-edition" in (section.get_attribute_list("class") or [])
    # Below QUNO's 2005 contact, above the contact for comments.
    assert "quno@quno.ch" in str(heading.find_all_previous("a"))
    assert section.find_next(class_="comments-contact") is not None
    return section


def colophon_text(site: Path, lang: str) -> str:
    read = ["pdftotext", "-layout", "-enc", "UTF-8", "-f", "2", "-l", "2", str(pdf_path(site, lang)), "-"]
    return flat(subprocess.run(read, capture_output=True, text=True, check=True).stdout)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_built_edition_says_its_makers_are_not_named(built_site: Path, lang: str) -> None:
    labels = LABELS[lang]
    section = about_section(built_site, lang)
    assert [flat(p.get_text()) for p in section.find_all("p")] == [
        flat(labels[key]) for key in ("about_unnamed", "about_relation_not_stated")
    ]
    assert section.find("a") is None
    # Where to write is said once on the Contact page, by its contact for comments.
    page = flat(article(parse(built_site / PREFIX[lang] / "contact" / "index.html")).get_text(" "))
    assert page.count(flat(labels["comment_contact_none"])) == 1
    assert flat(labels["about_no_email"]) not in page
    colophon = colophon_text(built_site, lang)
    for key in ("about_unnamed", "about_relation_not_stated", "about_no_email"):
        assert flat(labels[key]) in colophon


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_accessibility_page_points_to_the_editors_contact(built_site: Path, lang: str) -> None:
    prefix = "" if lang == "en" else f"{lang}/"
    page = parse(built_site / prefix / "accessibility" / "index.html")
    links = [str(a["href"]) for a in page.select("#reporting-a-problem ~ p a")]
    assert "../contact/#about-this-edition" in links


def test_the_settings_given_are_what_the_pages_and_pdfs_say(build_copy: Callable[..., BuildResult]) -> None:
    def fill(text: str) -> str:
        return (
            text.replace('name: ""', f'name: "{FIXTURE_NAME}"')
            .replace('url: ""', f'url: "{FIXTURE_URL}"')
            .replace("relation_to_quno: not-stated", "relation_to_quno: independent")
        )

    result = build_copy({"data/edition.yml": fill}, environ={"EDITORS_EMAIL": FIXTURE_EMAIL})
    assert result.returncode == 0, result.log
    for lang in LANGUAGES:
        labels = LABELS[lang]
        section = about_section(result.site, lang)
        assert flat(labels["about_named"].format(name=FIXTURE_NAME)) in flat(section.get_text())
        assert flat(labels["about_relation_independent"]) in flat(section.get_text())
        assert [a["href"] for a in section.find_all("a")] == [FIXTURE_URL]
        contact = article(parse(result.site / PREFIX[lang] / "contact" / "index.html"))
        assert [a["href"] for a in contact.select("a[href^='mailto:']")] == [
            "mailto:quno@quno.ch",
            f"mailto:{FIXTURE_EMAIL}",
        ]
        colophon = colophon_text(result.site, lang)
        assert flat(labels["about_named"].format(name=FIXTURE_NAME)) in colophon
        assert FIXTURE_EMAIL in colophon and FIXTURE_URL in colophon
        assert flat(labels["about_unnamed"]) not in colophon


@pytest.mark.parametrize("autoescape", [False, True])
def test_a_name_or_address_with_markup_stays_text(autoescape: bool) -> None:
    hostile = "<img src=x onerror=alert()>"
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "overrides"), autoescape=autoescape)
    lines = about_lines(LABELS["en"], Editors(name=hostile), email=f'a"{hostile}@example.invalid')
    html = env.get_template("partials/edition/about-edition.html").render(lines=lines)
    assert "<img" not in html and "&lt;img" in html
