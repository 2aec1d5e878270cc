"""The Disposition of comments page and the "await the next draft" line on the built site: with the
fixture comments (``commented_site``), with none (the published site), and filtered in Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Page, expect

from tests.browsing import axe_violations
from tests.conftest import GENERATED, CheckedPages
from tests.site import EDITION_PREFIX, LABELS, parse

PAGE = "dispositions/index.html"
PASSAGE_FIXTURE = "iii-a-3-2026-11-05-fr"  # tests/fixtures/comments/dispositions: a French passage, partly accepted


def rows(soup: BeautifulSoup) -> list[dict[str, str]]:
    """The table's rows: the row's id, status and language, and each cell's text by its data-label."""
    found = []
    for row in soup.select(".dispositions__table tbody tr"):
        cells = {str(td["data-label"]): td.get_text(" ", strip=True) for td in row.select("td")}
        found.append({"id": str(row["id"]), "status": str(row["data-status"]), **cells})
    return found


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_with_no_comments_the_page_says_so(built_site: Path, lang: str) -> None:
    soup = parse(built_site / EDITION_PREFIX[lang] / PAGE)
    box = soup.select_one(".dispositions")
    assert box is not None and box.get_text(" ", strip=True) == LABELS[lang]["comments_none"]
    assert soup.select("table.dispositions__table, script[src$='dispositions.js']") == []


def test_no_await_line_on_a_page_without_comments(built_site: Path) -> None:
    for lang in ("en", "fr", "es"):
        assert (
            parse(built_site / EDITION_PREFIX[lang] / "specific-issues/index.html").select(".comments__awaiting") == []
        )


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_the_page_lists_every_published_comment_with_counts_per_status(commented_site: Path, lang: str) -> None:
    labels = LABELS[lang]
    soup = parse(commented_site / EDITION_PREFIX[lang] / PAGE)
    found = rows(soup)
    ids = [row["id"] for row in found]
    assert "disposition-iv-b-17-2026-11-01-en-on-iv-b-17" in ids
    assert "disposition-iv-b-17-2026-11-01-en-on-crc-18-1" in ids, "a comment on two targets is under each"
    assert not [i for i in ids if "hidden" in i], "hidden comments are not listed"
    assert len([i for i in ids if i.startswith("disposition-fixture-")]) >= GENERATED * 19 // 20 - 5
    counts = {
        str(tr["data-status"]): int(tr.select_one("td").get_text())
        for tr in soup.select(".dispositions__counts tbody tr")
    }
    statuses = {row["id"].removeprefix("disposition-").split("-on-")[0]: row["status"] for row in found}
    assert sum(counts.values()) == len(statuses)
    assert counts["accepted"] >= 1 and counts["partly-accepted"] >= 1
    for row in found:
        assert row[labels["comments_status_heading"]] == labels[f"comment_status_{row['status']}"], "status in words"


@pytest.mark.parametrize(
    ("lang", "marked"),
    [("en", None), ("fr", "(en anglais)"), ("es", "(en inglés)")],
)
def test_the_passage_is_quoted_in_its_language_and_an_english_response_is_marked(
    commented_site: Path, lang: str, marked: str | None
) -> None:
    labels = LABELS[lang]
    soup = parse(commented_site / EDITION_PREFIX[lang] / PAGE)
    row = soup.select_one(f"#disposition-{PASSAGE_FIXTURE}-on-iii-a-3")
    assert row is not None and row["data-status"] == "partly-accepted" and row["data-language"] == "fr"
    quote = row.select_one("q.dispositions__passage")
    assert quote is not None and quote["lang"] == "fr" and quote.get_text() == "la maternité et l’enfance ont droit"
    response = row.select_one(".dispositions__response")
    assert response is not None and response["lang"] == "en"
    assert response.get_text() == "Test fixture: the editors' response in English only."
    mark = row.select_one(".dispositions__marked")
    assert (mark.get_text() if mark else None) == marked
    cells = {str(td["data-label"]): td.get_text(" ", strip=True) for td in row.select("td")}
    assert cells[labels["dispositions_resolved"]] == labels["dispositions_resolved_editors"]
    assert cells[labels["dispositions_agreed"]] == labels["dispositions_agreed_no"]


def test_accepted_comments_await_the_next_draft_under_their_paragraph(commented_site: Path) -> None:
    soup = parse(commented_site / "specific-issues" / "index.html")
    line = soup.select_one("#iv-b-17 .comments__awaiting a")
    assert line is not None and line.get_text() == "1 accepted comment awaits the next draft"
    assert line["href"] == "../dispositions/?on=IV.b.17#on-iv-b-17"
    assert soup.select_one("#iv-b-16 .comments__awaiting") is None
    general = parse(commented_site / "fr" / "general-issues" / "index.html")
    line = general.select_one("#iii-a-3 .comments__awaiting a")
    assert line is not None and line.get_text() == "1 observation acceptée, à intégrer au prochain projet"
    assert parse(commented_site / "fr" / PAGE).select_one(f"#{str(line['href']).rsplit('#', 1)[1]}") is not None


def test_the_disposition_page_is_in_no_search_index(commented_site: Path) -> None:
    """Its table holds every comment, which stays out of search like the panels (the page's words stay in)."""
    for prefix in ("", "fr/", "es/"):
        index = (commented_site / prefix / "search" / "search_index.json").read_text(encoding="utf-8")
        assert "Contributeur fictif du tableau des suites" not in index and "Fixture Contributor One" not in index
        assert "dispositions/" in index


@pytest.mark.parametrize(("width", "height"), [(1280, 900), (390, 844)])
def test_the_filters_work_in_chromium_and_axe_finds_nothing(
    checked_pages: CheckedPages, commented_url: str, width: int, height: int
) -> None:
    page: Page = checked_pages.open(commented_url, width=width, height=height)
    page.goto(f"{commented_url}/dispositions/")
    table_rows = page.locator(".dispositions__table tbody tr")
    total = table_rows.count()
    assert total > 20
    expect(table_rows.first).to_be_visible()
    page.get_by_label("Status", exact=True).select_option("partly-accepted")
    page.get_by_role("button", name="Apply").click()
    shown = page.locator(".dispositions__table tbody tr:visible")
    expect(page.locator(f"#disposition-{PASSAGE_FIXTURE}-on-iii-a-3")).to_be_visible()
    assert set(shown.evaluate_all("rows => rows.map(r => r.dataset.status)")) == {"partly-accepted"}
    count = shown.count()
    expect(page.locator(".dispositions__status")).to_have_text(f"{count} of {total} shown")
    assert "status=partly-accepted" in page.url
    page.get_by_label("Status", exact=True).select_option("")
    page.get_by_label("Language of the comment").select_option("fr")
    page.get_by_label("Paragraph or provision").select_option("IV.b.17")
    page.get_by_role("button", name="Apply").click()
    expect(shown).to_have_count(1)
    expect(shown.first).to_contain_text("Contributrice fictive")
    page.get_by_label("Language of the comment").select_option("")
    page.get_by_label("Status", exact=True).select_option("incorporated")
    page.get_by_role("button", name="Apply").click()
    expect(shown).to_have_count(0)
    expect(page.locator(".dispositions__status")).to_have_text("No comment matches these choices.")
    # The await line's address filters at once.
    page.goto(f"{commented_url}/dispositions/?on=IV.b.17#on-iv-b-17")
    expect(page.get_by_label("Paragraph or provision")).to_have_value("IV.b.17")
    assert set(shown.evaluate_all("rows => rows.map(r => r.parentElement.dataset.on)")) == {"IV.b.17"}
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "no wider than the screen"
    assert axe_violations(page) == []


def test_without_javascript_the_whole_table_shows(checked_pages: CheckedPages, commented_url: str) -> None:
    page = checked_pages.open(commented_url, javascript=False)
    page.goto(f"{commented_url}/dispositions/?status=open")
    expect(page.locator(".dispositions__filters")).to_be_hidden()
    rows_shown = page.locator(".dispositions__table tbody tr:visible")
    assert rows_shown.count() == page.locator(".dispositions__table tbody tr").count() > 20
