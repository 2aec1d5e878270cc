"""Comments on the built site: under the right paragraph, counted, inert, listed, exported, in a browser."""

from __future__ import annotations

import csv
import functools
import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from edition.comment_export import csv_cell
from tests.comment_cases import INERT
from tests.conftest import ROOT, CheckedPages, _QuietHandler, free_port, run_build
from tests.site import parse

FIXTURES = ROOT / "tests" / "fixtures" / "comments" / "valid"


@pytest.fixture(scope="module")
def commented_port() -> int:
    return free_port()


@pytest.fixture(scope="module")
def commented_site(tmp_path_factory: pytest.TempPathFactory, commented_port: int) -> Path:
    """The real project with the fixture comments in comments/, built once for this module."""
    import shutil

    project = tmp_path_factory.mktemp("commented") / "project"
    shutil.copytree(
        ROOT, project, ignore=shutil.ignore_patterns(".venv", ".git", "site", "__pycache__", "*.pdf", "node_modules")
    )
    for fixture in FIXTURES.glob("*.md"):
        shutil.copy2(fixture, project / "comments" / fixture.name)
    for case in INERT:  # the hostile but valid files of tests/comment_cases.py, on IV.a.1 (and IV.a.2)
        (project / "comments" / case.file).write_bytes(str(case.content).encode("utf-8"))
    environ = {
        "COMMENTS_REPOSITORY": "https://example.org/fixture/repo",
        "EDITORS_EMAIL": "editors@example.invalid",  # a fixture address (.invalid is reserved)
        "SITE_URL": f"http://127.0.0.1:{commented_port}/",
    }
    result = run_build(project, project.parent / "site", environ=environ)
    assert result.returncode == 0, result.log
    return result.site


def test_comments_appear_under_their_paragraph_with_counts(commented_site: Path) -> None:
    soup = parse(commented_site / "specific-issues" / "index.html")
    panel = soup.select_one("#iv-b-17 .comments")
    assert panel is not None
    assert panel.select_one("summary").get_text(strip=True) == "2 comments"
    authors = [a.get_text() for a in panel.select(".comment__author")]
    assert authors == ["Fixture Contributor One", "Contributrice fictive"]
    french = panel.select("article.comment")[1]
    assert french["lang"] == "fr" and "in French" in french.get_text()
    assert "Hidden" not in panel.get_text() and "hidden comment" not in soup.get_text()
    assert soup.select_one("#iv-b-16 .comments summary").get_text(strip=True) == "No comments"
    provisions = parse(commented_site / "international-provisions" / "index.html")
    assert provisions.select_one("#crc-18-1 .comments summary").get_text(strip=True) == "1 comment"


def test_the_comment_link_leads_to_the_form_with_the_paragraph(commented_site: Path) -> None:
    link = parse(commented_site / "specific-issues" / "index.html").select_one("#iv-b-17 .comments__new")
    assert link is not None and link["href"] == "../comments/?target=IV.b.17#write-a-comment"
    provision = parse(commented_site / "fr" / "international-provisions" / "index.html").select_one(
        "#crc-18-1 .comments__new"
    )
    assert provision is not None and provision["href"] == "../comments/?target=crc-18-1#write-a-comment"


def test_hostile_comment_is_inert_in_the_html(commented_site: Path) -> None:
    soup = parse(commented_site / "general-issues" / "index.html")
    comment = soup.select_one("#iii-a-2 article.comment")
    assert comment is not None
    assert (
        comment.find_all(
            ["script", "style", "iframe", "object", "embed", "form", "input", "img", "svg", "meta", "base"]
        )
        == []
    )
    for tag in comment.find_all(True):
        assert not [a for a in tag.attrs if a.startswith("on")], tag
        href = str(tag.get("href", ""))
        assert not href.lower().startswith(("javascript:", "data:")), tag
    assert "<script>window.__pwned = 'name'</script>Fixture Hostile" in comment.get_text()
    assert soup.select("header.md-header") and len(soup.select(".md-header")) == 1


def test_the_comments_page_and_the_exports(commented_site: Path) -> None:
    soup = parse(commented_site / "comments" / "index.html")
    index = soup.select_one(".comments-index")
    assert index is not None
    assert [h.get_text() for h in index.select("h2")] == ["II", "III.a", "IV.a", "IV.b"]
    assert "Fixture Hidden Contributor" not in index.get_text()
    rows = json.loads((commented_site / "comments.json").read_text(encoding="utf-8"))
    assert len(rows) == 4 + len(INERT) and {r["status"] for r in rows} == {"accepted", "open", "hidden"}
    with (commented_site / "comments.csv").open(encoding="utf-8") as handle:
        assert [r["file"] for r in csv.DictReader(handle)] == [r["file"] for r in rows]


@pytest.fixture(scope="module")
def commented_url(commented_site: Path, commented_port: int) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(commented_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", commented_port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_in_the_browser_hostile_comments_run_nothing_and_break_nothing(
    checked_pages: CheckedPages, commented_url: str
) -> None:
    page = checked_pages.open(commented_url)
    dialogs: list[str] = []
    requests: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{commented_url}/general-issues/#iii-a-2")
    header_before = page.locator("header.md-header").bounding_box()
    summary = page.locator("#iii-a-2 .comments__summary")
    expect(summary).to_have_text("1 comment")
    expect(page.locator("#iii-a-2 article.comment")).to_be_hidden()
    summary.click()
    expect(page.locator("#iii-a-2 article.comment")).to_be_visible()
    page.locator("#iii-a-2 article.comment a").first.click(trial=True)
    assert page.evaluate("window.__pwned") is None
    assert dialogs == []
    assert [r for r in requests if not r.startswith(commented_url)] == []
    assert page.locator("header.md-header").bounding_box() == header_before
    article = page.locator("#iii-a-2 article.comment").bounding_box()
    content = page.locator(".md-content").bounding_box()
    assert article and content and article["x"] + article["width"] <= content["x"] + content["width"] + 1
    expect(page.locator("h1")).to_have_count(1)


@pytest.mark.parametrize(
    ("prefix", "summary", "marker"),
    [("fr/", "2 observations", "en anglais"), ("es/", "2 observaciones", "en inglés")],
)
def test_the_same_comments_appear_in_every_edition(
    commented_site: Path, prefix: str, summary: str, marker: str
) -> None:
    soup = parse(commented_site / prefix / "specific-issues" / "index.html")
    panel = soup.select_one("#iv-b-17 .comments")
    assert panel is not None
    assert panel.select_one("summary").get_text(strip=True) == summary
    assert [a.get_text() for a in panel.select(".comment__author")] == [
        "Fixture Contributor One",
        "Contributrice fictive",
    ]
    english = panel.select("article.comment")[0]
    assert english["lang"] == "en" and marker in english.get_text()
    assert "hidden comment" not in soup.get_text()
    index = parse(commented_site / prefix / "comments" / "index.html").select_one(".comments-index")
    assert index is not None and "Fixture Contributor One" in index.get_text()


def test_comment_panels_open_without_javascript(checked_pages: CheckedPages, commented_url: str) -> None:
    page = checked_pages.open(commented_url, javascript=False)
    page.goto(f"{commented_url}/specific-issues/#iv-b-17")
    comment = page.locator("#iv-b-17 article.comment").first
    expect(comment).to_be_hidden()
    page.locator("#iv-b-17 .comments__summary").click()
    expect(comment).to_be_visible()
    expect(comment).to_contain_text("Test fixture: a comment on")


# ---------------------------------------------------------------------------------------------
# The hostile but valid files (tests/comment_cases.py): inert in Chromium, unchanged in the exports


def test_in_the_browser_no_hostile_file_runs_leaks_or_escapes_its_box(
    checked_pages: CheckedPages, commented_url: str
) -> None:
    page: Page = checked_pages.open(commented_url)
    dialogs: list[str] = []
    requests: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{commented_url}/specific-issues/#iv-a-1")
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    for link in page.locator("#iv-a-1 article.comment a").all():
        link.hover()
        link.focus()
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    assert dialogs == []
    assert [r for r in requests if not r.startswith(commented_url)] == []
    ids = page.evaluate("[...document.querySelectorAll('[id]')].map(e => e.id)")
    assert len(ids) == len(set(ids)), "duplicate ids"
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("header.md-header")).to_have_count(1)
    content = page.locator(".md-content").bounding_box()
    assert content is not None
    for case in INERT:
        for anchor in ("iv-a-1", "iv-a-2") if case.id == "two-paragraphs-one-page" else ("iv-a-1",):
            article = page.locator(f"#comment-{case.id}-on-{anchor}")
            expect(article).to_have_count(1)
            box = article.bounding_box()
            assert box is not None and box["x"] >= content["x"] - 1, case.id
            assert box["x"] + box["width"] <= content["x"] + content["width"] + 1, case.id
            expect(article).to_contain_text(case.expect)
    page.close()


@pytest.mark.parametrize("case", INERT, ids=[c.id for c in INERT])
def test_each_hostile_file_is_in_both_exports_unchanged(commented_site: Path, case: object) -> None:
    rows = {r["file"]: r for r in json.loads((commented_site / "comments.json").read_text(encoding="utf-8"))}
    with (commented_site / "comments.csv").open(encoding="utf-8", newline="") as handle:
        cells = {r["file"]: r for r in csv.DictReader(handle)}
    file = f"comments/{case.file}"  # type: ignore[attr-defined]
    for key, value in case.fields.items():  # type: ignore[attr-defined]
        assert rows[file][key] == value
    assert {k: csv_cell(v) for k, v in rows[file].items()} == cells[file]


def test_a_provision_cited_in_a_comment_shows_its_label_in_each_language(commented_site: Path) -> None:
    for prefix, label in [("", "CRC art. 18(1)"), ("fr/", "CDE"), ("es/", "CDN")]:
        soup = parse(commented_site / prefix / "specific-issues" / "index.html")
        link = soup.select_one("#comment-provision-ref-on-iv-a-1 .comment__body a.xref__link")
        assert link is not None and link["href"].endswith("#crc-18-1")
        assert link.get_text() != "crc-18-1" and label in link.get_text(), link.get_text()


def test_with_a_repository_the_form_opens_its_new_file_page(checked_pages: CheckedPages, commented_url: str) -> None:
    page = checked_pages.open(commented_url)
    page.goto(f"{commented_url}/comments/?target=IV.b.17#write-a-comment")
    page.fill("#cf-name", "Fixture Repository Contributor")
    page.fill("#cf-text", "Test fixture: proposed through the repository.")
    page.get_by_role("button", name="Prepare the comment file").click()
    open_link = page.locator(".comment-form__open")
    expect(open_link).to_be_visible()
    href = str(open_link.get_attribute("href"))
    assert href.startswith("https://example.org/fixture/repo/new/main?filename=comments%2Fiv-b-17-")
    assert "value=---%0Atargets%3A%20%5B%22IV.b.17%22%5D" in href
    page.close()


def test_the_editors_address_is_shown_on_the_contact_and_comments_pages(commented_site: Path) -> None:
    for page in ("contact", "fr/contact", "es/comments", "comments"):
        contact = parse(commented_site / page / "index.html").select_one(".comments-contact")
        assert contact is not None
        assert [a["href"] for a in contact.select("a")] == ["mailto:editors@example.invalid"]
