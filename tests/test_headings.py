"""Heading ids the same in every language, old ids kept as aliases: edition/text/headings.py, the build, the switch."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Page, expect

from edition.text.headings import Heading, HeadingIdsExtension, heading_ids, heading_problems
from edition.text.parity import parity_problems
from edition.text.syntax import scan
from tests.browsing import switch_language
from tests.conftest import BuildResult
from tests.site import ALL_PAGES, EDITION_PREFIX, article, parse

ROOT = Path(__file__).resolve().parent.parent
BEFORE = ROOT / "tests" / "fixtures" / "heading-ids-before.txt"


@pytest.mark.parametrize(
    ("headings", "expected"),
    [
        ([Heading(1, "III General issues"), Heading(2, "a. Legal framework")], ["iii", "iii-a"]),
        ([Heading(1, "IV Questions spécifiques"), Heading(2, "b. Gestion des parents")], ["iv", "iv-b"]),
        ([Heading(1, "Draft proposal", "draft-proposal"), Heading(2, "I Introduction")], ["draft-proposal", "i"]),
        (
            [Heading(1, "IV Specific issues"), Heading(2, "a. Drafting"), Heading(3, "Purpose", "iv-a-purpose")],
            ["iv", "iv-a", "iv-a-purpose"],
        ),
        # a lettered heading counts only under a numbered part
        ([Heading(1, "Comments", "comments"), Heading(2, "a. Something", "something")], ["comments", "something"]),
        # a part ends where a heading of its level begins
        ([Heading(2, "II X"), Heading(2, "Annex", "annex"), Heading(3, "a. Y", "y")], ["ii", "annex", "y"]),
        ([Heading(2, "Author")], [None]),
    ],
)
def test_heading_ids(headings: list[Heading], expected: list[str | None]) -> None:
    assert [given.id for given in heading_ids(headings)] == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("# III General\n\n## a. Legal { #iii-a }\n\n### Aims { #iii-a-aims }\n", []),
        ("# Comments\n", ["p.md:1: heading 'Comments' has no id the same in every language: add { #… }"]),
        (
            "# IV Specific\n\n## a. Drafting\n\n### Purpose\n",
            ["p.md:5: heading 'Purpose' has no id the same in every language: add { #iv-a-… }"],
        ),
        ("# III General { #general }\n", ["p.md:1: heading 'III General' is numbered: its id is 'iii', not 'general'"]),
        (
            "# IV Specific\n\n## a. Drafting\n\n### Purpose { #purpose }\n",
            ["p.md:5: heading 'Purpose': under 'iv-a', its id must start 'iv-a-'"],
        ),
        (
            "# IV Specific\n\n## a. Drafting\n\n### Aims { #iv-a-17 }\n",
            ["p.md:5: heading 'Aims': id 'iv-a-17' is a paragraph's address"],
        ),
        ("# A { #a }\n\n## B { #a }\n", ["p.md:3: heading 'B': id 'a' is used twice on the page"]),
        ("# A { #Big_Id }\n", ["p.md:1: heading 'A': id 'Big_Id' is not lower-case-words"]),
        ("```\n# not a heading\n```\n\n# A {#a}\n", []),
    ],
)
def test_heading_problems(source: str, expected: list[str]) -> None:
    assert [str(problem) for problem in heading_problems(scan(source, path="p.md"))] == expected


def test_parity_requires_the_same_heading_ids_in_every_language() -> None:
    en = scan("# Foreword { #foreword }\n\n## Our work { #our-work }\n", path="docs/en/p.md")
    fr = scan("# Avant-propos { #foreword }\n\n## Nos travaux { #nos-travaux }\n", path="docs/fr/p.md")
    problems = [str(p) for p in parity_problems({"en": {"p.md": en}, "fr": {"p.md": fr}}, reference="en")]
    assert problems == [
        "docs/fr/p.md:1: heading id 'our-work' missing in 'fr' (present in docs/en/p.md)",
        "docs/fr/p.md:3: heading id 'nos-travaux' not in 'en' (docs/en/p.md)",
    ]


# Why: the Markdown as MkDocs renders it, with the extensions of mkdocs.yml that bear on headings.
def render(source: str) -> BeautifulSoup:
    html = markdown.markdown(source, extensions=["attr_list", "footnotes", HeadingIdsExtension(), "toc"])
    return BeautifulSoup(html, "lxml")


def test_a_numbered_heading_gets_its_number_and_keeps_its_slug_as_an_alias() -> None:
    soup = render("# III Questions générales\n\n## c. Coopération et *assistance*[^1]\n\n[^1]: Note.\n")
    heading = soup.find("h2")
    assert heading is not None and heading["id"] == "iii-c"
    alias = heading.find("span", class_="anchor-alias")
    assert alias is not None and alias["id"] == "c-cooperation-et-assistance" and alias.get_text() == ""
    assert soup.find("h1")["id"] == "iii"  # type: ignore[index]
    assert soup.select_one("h2 a.headerlink") is None  # no permalink asked for here
    assert " ".join(heading.get_text().split()) == "c. Coopération et assistance1"


def test_an_explicit_id_equal_to_the_slug_needs_no_alias_and_an_alias_never_duplicates_an_id() -> None:
    soup = render("# Foreword { #foreword }\n\n## Food { #iv-b-food }\n\n## Other { #food }\n")
    # "Foreword" is its id already; "Food"'s slug is another heading's id; "Other" keeps its slug
    assert [str(node["id"]) for node in soup.select(".anchor-alias")] == ["other"]
    assert sorted(str(node["id"]) for node in soup.select("[id]")) == ["food", "foreword", "iv-b-food", "other"]


# ---------------------------------------------------------------------------------------------
# The built site


# Why: the ids of a built page's headings (their own, not their aliases'), in reading order.
def heading_ids_of(site: Path, page: str) -> list[str]:
    headings = article(parse(site / page)).find_all(["h1", "h2", "h3", "h4", "h5", "h6"])
    return [str(heading.get("id")) for heading in headings if heading.get("id")]


@pytest.mark.parametrize("page", ALL_PAGES)
def test_every_heading_has_the_same_id_in_every_language(built_site: Path, page: str) -> None:
    english = heading_ids_of(built_site, page)
    assert english
    for prefix in ("fr/", "es/"):
        assert heading_ids_of(built_site, prefix + page) == english, prefix


def test_every_heading_id_published_before_is_still_an_id_on_its_page(built_site: Path) -> None:
    before: dict[str, list[str]] = {}
    for line in BEFORE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            address, old_id = line.split(" ")
            before.setdefault(address, []).append(old_id)
    assert len(before) == 3 * len(ALL_PAGES), "the fixture covers every page of every language"
    missing = []
    for address, old_ids in before.items():
        soup = parse(built_site / address.lstrip("/") / "index.html")
        ids = {str(node["id"]) for node in soup.select("[id]")}
        missing += [f"{address}#{old}" for old in old_ids if old not in ids]
    assert missing == []


@pytest.mark.parametrize("lang", list(EDITION_PREFIX))
def test_no_id_is_given_twice_on_a_page(built_site: Path, lang: str) -> None:
    for page in ALL_PAGES:
        ids = Counter(str(node["id"]) for node in parse(built_site / (EDITION_PREFIX[lang] + page)).select("[id]"))
        assert [i for i, n in ids.items() if n > 1] == [], page


def test_the_table_of_contents_and_permalinks_use_the_new_ids(built_site: Path) -> None:
    soup = parse(built_site / "fr" / "general-issues" / "index.html")
    tables = soup.select("nav.md-nav--secondary")  # in the sidebar, and in the menu on a narrow screen
    assert tables
    for toc in tables:
        assert [str(a["href"]) for a in toc.select("a.md-nav__link")] == ["#iii-a", "#iii-b", "#iii-c", "#iii-d"]
    assert str(soup.select_one("h2#iii-c a.headerlink")["href"]) == "#iii-c"  # type: ignore[index]


def test_a_heading_id_that_differs_by_language_or_is_missing_fails_the_build(
    build_copy: Callable[..., BuildResult],
) -> None:
    result = build_copy(
        {
            "docs/fr/specific-issues.md": lambda t: t.replace("{ #iv-b-food }", "{ #iv-b-alimentation }"),
            "docs/es/accessibility.md": lambda t: t.replace(" { #what-is-checked }", ""),
        }
    )
    assert result.returncode == 1
    assert "docs/fr/specific-issues.md:107: heading id 'iv-b-alimentation' not in 'en'" in result.log
    assert (
        "docs/es/accessibility.md:11: heading 'Lo que se verifica' has no id the same in every language" in result.log
    )
    assert "Aborted with a BuildError" in result.log


# ---------------------------------------------------------------------------------------------
# In the browser


@pytest.mark.browser
@pytest.mark.parametrize(
    ("start", "target", "landing"),
    [
        ("general-issues/#c-cooperation-and-assistance", "fr", "fr/general-issues/#iii-c"),
        ("fr/general-issues/#iii-c", "es", "es/general-issues/#iii-c"),
        ("es/specific-issues/#alimentacion", "en", "specific-issues/#iv-b-food"),
        ("specific-issues/#iv-b-food", "fr", "fr/specific-issues/#iv-b-food"),
    ],
)
def test_the_switch_at_a_heading_lands_on_the_same_heading(
    page: Page, site_url: str, start: str, target: str, landing: str
) -> None:
    page.goto(f"{site_url}/{start}")
    switch_language(page, target)
    expect(page).to_have_url(f"{site_url}/{landing}")
    heading = page.locator(f"#{landing.partition('#')[2]}")
    expect(heading).to_be_in_viewport()
    expect(page.locator("html")).to_have_attribute("lang", target)


@pytest.mark.browser
@pytest.mark.parametrize(
    ("old", "heading"),
    [
        ("fr/general-issues/#c-cooperation-et-assistance", "iii-c"),
        ("es/specific-issues/#alimentacion", "iv-b-food"),
        ("foreword/#our-work-on-women-in-prison-and-the-children-of-imprisoned-mothers", "our-work"),
    ],
)
def test_an_old_heading_address_still_lands_on_its_heading(page: Page, site_url: str, old: str, heading: str) -> None:
    page.goto(f"{site_url}/{old}")
    expect(page.locator(f"#{heading}")).to_be_in_viewport()
    top = page.evaluate(f"document.getElementById('{heading}').getBoundingClientRect().top")
    header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    assert header <= top <= header + 100, "the heading starts just below the header"
