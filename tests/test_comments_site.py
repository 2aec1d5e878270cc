"""Comments on the built site: under the right paragraph, counted, inert, listed, exported, in a browser."""

from __future__ import annotations

import csv
import json
import re
import zipfile
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
import tinycss2
from bs4 import BeautifulSoup, Tag
from playwright.sync_api import Page, Route, expect

from edition.comments.export import csv_cell
from tests.browsing import axe_violations, open_every_panel
from tests.comment_cases import INERT
from tests.conftest import GENERATED, GENERATED_ON, ROOT, CheckedPages
from tests.site import ALL_PAGES, parse

RECEIVE = "window.editionComments&&window.editionComments.receive("


def comment_file(site: Path, prefix: str, anchor: str) -> dict[str, Any]:
    """One target's comment file as a panel loads it: its data (the script's one argument)."""
    text = (site / prefix / "comments" / "on" / f"{anchor}.js").read_text(encoding="utf-8")
    head, _, payload = text.partition(RECEIVE)
    assert head == '"use strict";' and payload.endswith(");\n"), text[:200]
    data: dict[str, Any] = json.loads(payload.removesuffix(");\n"))
    return data


def articles(site: Path, prefix: str, anchor: str) -> list[Tag]:
    """The comment articles of one target's file, parsed."""
    found = []
    for comment in comment_file(site, prefix, anchor)["comments"]:
        tag = BeautifulSoup(comment["html"], "lxml").select_one("article.comment")
        assert tag is not None
        found.append(tag)
    return found


def test_comments_appear_under_their_paragraph_with_counts(commented_site: Path) -> None:
    soup = parse(commented_site / "specific-issues" / "index.html")
    panel = soup.select_one("#iv-b-17 .comments details")
    assert panel is not None and panel.select_one("summary").get_text(strip=True) == "2 comments"
    assert panel["data-comments-src"] == "../comments/on/iv-b-17.js" and panel["data-comments-target"] == "IV.b.17"
    assert panel.select("article") == [], "comments arrive when the panel is opened, not with the page"
    found = articles(commented_site, "", "iv-b-17")
    assert [a.select_one(".comment__author").get_text() for a in found] == [
        "Fixture Contributor One",
        "Contributrice fictive",
    ]
    assert found[1]["lang"] == "fr" and "in French" in found[1].get_text()
    assert "Hidden" not in str(comment_file(commented_site, "", "iv-b-17"))
    assert soup.select_one("#iv-b-16 .comments").get_text(" ", strip=True) == "Comment on this paragraph"
    assert soup.select_one("#iv-b-16 details") is None
    assert not (commented_site / "comments" / "on" / "iv-b-16.js").exists()
    provisions = parse(commented_site / "international-provisions" / "index.html")
    assert provisions.select_one('[data-apparatus-of="crc-18-1"] .comments summary').get_text(strip=True) == "1 comment"


def test_no_comment_text_is_in_a_reading_page_or_a_search_index(commented_site: Path) -> None:
    """So the pages and indexes weigh the same however many comments there are."""
    names = ["Fixture Contributor One", "Contributrice fictive", "Fixture Contributor 00001", "Generated fixture"]
    for prefix in ("", "fr/", "es/"):
        for page in ALL_PAGES:
            if page == "dispositions/index.html":  # the one page that lists every comment with its decision
                continue
            text = (commented_site / prefix / page).read_text(encoding="utf-8")
            assert not [n for n in names if n in text], f"{prefix}{page}"
        index = (commented_site / prefix / "search" / "search_index.json").read_text(encoding="utf-8")
        assert not [n for n in names if n in index], f"{prefix}search index"


def test_the_comment_link_leads_to_the_form_with_the_paragraph(commented_site: Path) -> None:
    link = parse(commented_site / "specific-issues" / "index.html").select_one("#iv-b-17 .comments__new")
    assert link is not None and link["href"] == "../comments/?target=IV.b.17#write-a-comment"
    provision = parse(commented_site / "fr" / "international-provisions" / "index.html").select_one(
        '[data-apparatus-of="crc-18-1"] .comments__new'
    )
    assert provision is not None and provision["href"] == "../comments/?target=crc-18-1#write-a-comment"


def test_hostile_comment_is_inert_in_the_html(commented_site: Path) -> None:
    (comment,) = articles(commented_site, "", "iii-a-2")
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
    script = (commented_site / "comments" / "on" / "iii-a-2.js").read_text(encoding="utf-8")
    assert script.isascii() and "</script" not in script.lower(), "the file's text is escaped to ASCII JSON"


def test_the_comments_page_and_the_exports(commented_site: Path) -> None:
    soup = parse(commented_site / "comments" / "index.html")
    index = soup.select_one(".comments-index")
    assert index is not None
    rows = [[cell.get_text(strip=True) for cell in row.select("th, td")] for row in index.select("tbody tr")]
    assert [row[0] for row in rows] == [
        "III.a.2",
        "III.a.3",
        "IV.a.1",
        "IV.a.2",
        "IV.a.4",
        *GENERATED_ON,
        "IV.b.17",
        "CRC art. 18(1)",
    ]
    # total, then open, accepted, partly accepted, incorporated, declined, deferred, out of scope, withdrawn
    assert rows[-2] == ["IV.b.17", "2", "1", "1", "0", "0", "0", "0", "0", "0"]
    assert rows[1][:5] == ["III.a.3", "1", "0", "0", "1"]  # the Disposition page's fixture, partly accepted
    exported = json.loads((commented_site / "comments.json").read_text(encoding="utf-8"))
    generated = [r for r in exported if r["file"].startswith("comments/fixture-")]
    assert len(generated) == GENERATED and all(r["passage_found"] == "exact" for r in generated)
    shown = [r for r in generated if r["status"] != "hidden"]  # each on one paragraph, with its passage
    assert sum(int(row[1]) for row in rows[5:7]) == len(shown)
    assert "Fixture Hidden Contributor" not in index.get_text()
    data = json.loads(index.select_one("#comments-browse-data").get_text())
    assert [t["target"] for t in data["targets"]] == [
        "III.a.2",
        "III.a.3",
        "IV.a.1",
        "IV.a.2",
        "IV.a.4",  # the passage fixtures
        *GENERATED_ON,
        "IV.b.17",
        "crc-18-1",
    ]
    assert all((commented_site / "comments" / t["src"]).resolve().is_file() for t in data["targets"])
    rows = json.loads((commented_site / "comments.json").read_text(encoding="utf-8"))
    assert len(rows) == 4 + 2 + 1 + len(INERT) + GENERATED  # valid, passage and Disposition fixtures
    assert {r["status"] for r in rows} == {"accepted", "partly-accepted", "open", "hidden", "incorporated", "declined"}
    with (commented_site / "comments.csv").open(encoding="utf-8") as handle:
        assert [r["file"] for r in csv.DictReader(handle)] == [r["file"] for r in rows]
    visible = sum(1 for r in rows if r["status"] != "hidden")  # each comment once, whatever its targets
    assert index.select_one(".comments-index__total").get_text() == f"{visible} comments"


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
    expect(page.locator("#iii-a-2 article.comment")).to_have_count(0)
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
    panel = soup.select_one("#iv-b-17 .comments details")
    assert panel is not None
    assert panel.select_one("summary").get_text(strip=True) == summary
    found = articles(commented_site, prefix, "iv-b-17")
    assert [a.select_one(".comment__author").get_text() for a in found] == [
        "Fixture Contributor One",
        "Contributrice fictive",
    ]
    assert found[0]["lang"] == "en" and marker in found[0].get_text()
    assert comment_file(commented_site, prefix, "iv-b-17")["lang"] == prefix.rstrip("/")
    index = parse(commented_site / prefix / "comments" / "index.html").select_one(".comments-index")
    assert index is not None and "IV.b.17" in index.get_text()


def test_opening_a_panel_loads_its_comments(checked_pages: CheckedPages, commented_url: str) -> None:
    page = checked_pages.open(commented_url)
    loaded: list[str] = []
    page.on("request", lambda request: loaded.append(request.url) if "/comments/on/" in request.url else None)
    page.goto(f"{commented_url}/specific-issues/#iv-b-17")
    expect(page.locator("#iv-b-17 .comments__summary")).to_have_text("2 comments")
    assert loaded == [], "no comment is loaded before the reader asks"
    page.locator("#iv-b-17 .comments__summary").focus()
    page.keyboard.press("Enter")
    comments = page.locator("#iv-b-17 article.comment")
    expect(comments).to_have_count(2)
    expect(comments.first).to_contain_text("Test fixture: a comment on")
    assert loaded == [f"{commented_url}/comments/on/iv-b-17.js"]
    link = comments.first.locator(".comment__body a.xref__link")
    assert link.get_attribute("href") == f"{commented_url}/specific-issues/#iv-b-17"
    expect(page.locator("#iv-b-16 article.comment")).to_have_count(0)
    page.locator("#iv-b-17 .comments__summary").press("Enter")  # closing and opening again loads nothing more
    page.locator("#iv-b-17 .comments__summary").press("Enter")
    expect(comments).to_have_count(2)
    assert len(loaded) == 1


def held_until(page: Page, held: list[Route], count: int) -> None:
    """Waits (a few seconds at most) until the page has asked for count held files."""
    for _ in range(100):
        if len(held) >= count:
            return
        page.wait_for_timeout(50)
    raise AssertionError(f"{len(held)} of {count} files asked for: {[r.request.url for r in held]}")


# Why: the files' data carries no key (no target), so only the loader can tell which asker each is for;
# the second file arrives and hands over first, while the first is still loading.
def test_files_handed_over_at_once_each_reach_their_own_asker(checked_pages: CheckedPages, commented_url: str) -> None:
    page = checked_pages.open(commented_url)
    page.goto(f"{commented_url}/specific-issues/")
    held: list[Route] = []
    page.route("**/handed/*.js", lambda route: held.append(route))
    page.evaluate(
        """() => {
          window.got = {};
          for (const name of ["first", "second"]) {
            edition.handed(`../handed/${name}.js`, "editionTest").then((data) => { window.got[name] = data; });
          }
        }"""
    )
    held_until(page, held, 2)
    first, second = sorted(held, key=lambda route: route.request.url)
    second.fulfill(content_type="text/javascript", body='"use strict";window.editionTest.receive({n: 2});')
    page.wait_for_function("window.got.second !== undefined")
    assert page.evaluate("window.got") == {"second": {"n": 2}}
    first.fulfill(content_type="text/javascript", body='"use strict";window.editionTest.receive({n: 1});')
    page.wait_for_function("window.got.first !== undefined")
    assert page.evaluate("window.got") == {"first": {"n": 1}, "second": {"n": 2}}
    # One load per address, however it is written; the scripts are gone once they have run.
    assert page.evaluate(
        """async () => [await edition.handed(location.origin + "/handed/first.js", "editionTest"),
                        document.querySelectorAll("script[src*='/handed/']").length]"""
    ) == [{"n": 1}, 0]
    assert len(held) == 2


# Why: each way a file can fail has its own message, and a failed file is asked for again, not
# remembered as failed.
def test_a_file_that_fails_to_hand_its_data_over_rejects_and_is_tried_again(
    checked_pages: CheckedPages, commented_url: str
) -> None:
    page = checked_pages.open(commented_url)
    page.goto(f"{commented_url}/specific-issues/")
    attempt = """(receiver) => edition.handed("../handed/data.js", receiver).then(
      (data) => ({data}), (error) => ({error: error.message}))"""
    missing = f"{commented_url}/handed/data.js could not be loaded"
    assert page.evaluate(attempt, "editionTest") == {"error": missing}  # the server has no such file
    bodies = [
        '"use strict";',  # hands nothing over
        '"use strict";window.editionTest.receive({n: 1});',  # to a receiver it was not asked for
        '"use strict";window.editionTest.receive(null);',
        '"use strict";window.editionTest.receive({n: 1});',
    ]
    page.route("**/handed/data.js", lambda route: route.fulfill(content_type="text/javascript", body=bodies.pop(0)))
    nothing = f"{commented_url}/handed/data.js handed nothing over to "
    receivers = ["editionTest", "editionOther", "editionTest", "editionTest"]
    assert [page.evaluate(attempt, receiver) for receiver in receivers] == [
        {"error": nothing + "editionTest"},
        {"error": nothing + "editionOther"},
        {"error": nothing + "editionTest"},
        {"data": {"n": 1}},
    ]
    assert page.evaluate(attempt, "editionTest") == {"data": {"n": 1}}  # kept, not asked for again
    assert bodies == []


# Why: two panels opened at once each show their own comments, the second file arriving first; a file
# holding another target's comments is refused rather than shown under the panel that asked.
def test_panels_opened_at_once_each_show_their_own_comments(
    checked_pages: CheckedPages, commented_site: Path, commented_url: str
) -> None:
    page = checked_pages.open(commented_url)
    page.goto(f"{commented_url}/specific-issues/")
    held: list[Route] = []
    page.route("**/comments/on/*.js", lambda route: held.append(route))
    page.evaluate(
        """() => { for (const id of ["iv-a-5", "iv-b-17"]) document.querySelector(`#${id} details`).open = true; }"""
    )
    held_until(page, held, 2)
    files = {route.request.url.rsplit("/", 1)[1]: route for route in held}
    assert sorted(files) == ["iv-a-5.js", "iv-b-17.js"]
    for anchor in ["iv-b-17", "iv-a-5"]:
        files[f"{anchor}.js"].fulfill(path=commented_site / "comments" / "on" / f"{anchor}.js")
        count = len(comment_file(commented_site, "", anchor)["comments"])
        expect(page.locator(f"#{anchor} article.comment")).to_have_count(count)
        ids = page.locator(f"#{anchor} article.comment").evaluate_all("articles => articles.map(a => a.id)")
        assert all(i.endswith(f"-on-{anchor}") for i in ids), ids
    # A file holding another target's comments: the panel says they could not be loaded.
    page.route(
        "**/comments/on/iv-a-6.js", lambda route: route.fulfill(path=commented_site / "comments" / "on" / "iv-a-5.js")
    )
    panel = page.locator("#iv-a-6 details")
    panel.locator(".comments__summary").click()
    expect(panel.locator(".comments__status")).to_have_text(panel.get_attribute("data-comments-failed") or "")
    expect(panel.locator("article.comment")).to_have_count(0)


# Why: a panel whose file could not be loaded says so, and loads it when the reader opens it again.
def test_a_panel_whose_comments_failed_to_load_loads_them_when_opened_again(
    checked_pages: CheckedPages, commented_url: str
) -> None:
    page = checked_pages.open(commented_url)
    page.goto(f"{commented_url}/specific-issues/")
    page.route("**/comments/on/iv-b-17.js", lambda route: route.abort())
    panel = page.locator("#iv-b-17 details")
    summary = panel.locator(".comments__summary")
    summary.click()
    expect(panel.locator(".comments__status")).to_have_text(panel.get_attribute("data-comments-failed") or "")
    summary.click()
    page.unroute("**/comments/on/iv-b-17.js")
    summary.click()
    expect(panel.locator("article.comment")).to_have_count(2)


def test_an_address_to_a_comment_opens_its_panel_there(checked_pages: CheckedPages, commented_url: str) -> None:
    page = checked_pages.open(commented_url, height=700)
    page.goto(f"{commented_url}/specific-issues/#comment-iv-b-17-2026-11-02-fr-on-iv-b-17")
    comment = page.locator("#comment-iv-b-17-2026-11-02-fr-on-iv-b-17")
    expect(comment).to_be_visible()
    expect(comment).to_be_in_viewport()


@pytest.mark.parametrize("fragment", ["%", "comment-%E0%A4%A-on-iv-b-17"])
def test_a_malformed_fragment_is_ignored_and_the_filters_still_show(
    checked_pages: CheckedPages, commented_url: str, fragment: str
) -> None:
    page = checked_pages.open(commented_url)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{commented_url}/comments/#{fragment}")
    expect(page.locator("form.comments-browse")).to_be_visible()
    page.get_by_label("Paragraph or provision").select_option("IV.b.17")
    page.get_by_role("button", name="Show the comments").click()
    expect(page.locator(".comments-browse__results > li")).to_have_count(2)
    assert errors == []


def test_without_javascript_a_panel_says_where_its_comments_are(
    checked_pages: CheckedPages, commented_url: str
) -> None:
    page = checked_pages.open(commented_url, javascript=False)
    page.goto(f"{commented_url}/specific-issues/#iv-b-17")
    page.locator("#iv-b-17 .comments__summary").click()
    status = page.locator("#iv-b-17 .comments__status")
    expect(status).to_be_visible()
    expect(status).to_contain_text("needs JavaScript")
    status.get_by_role("link").click()
    expect(page).to_have_url(f"{commented_url}/comments/#comments-export")


def test_the_comments_page_filters_and_pages_the_comments(checked_pages: CheckedPages, commented_url: str) -> None:
    page = checked_pages.open(commented_url)
    loaded: list[str] = []
    page.on("request", lambda request: loaded.append(request.url) if "/comments/on/" in request.url else None)
    page.goto(f"{commented_url}/comments/")
    page.get_by_label("Paragraph or provision").select_option("IV.b.17")
    page.get_by_role("button", name="Show the comments").click()
    results = page.locator(".comments-browse__results > li")
    expect(results).to_have_count(2)
    expect(page.locator(".comments-browse__status")).to_have_text("Showing 2 of 2.")
    assert loaded == [f"{commented_url}/comments/on/iv-b-17.js"], "only the chosen paragraph's file"
    page.get_by_label("Language of the comment").select_option("fr")
    page.get_by_role("button", name="Show the comments").click()
    expect(results).to_have_count(1)
    expect(results.first).to_contain_text("Contributrice fictive")
    results.first.get_by_role("link", name="On IV.b.17").click()
    expect(page).to_have_url(f"{commented_url}/specific-issues/#comment-iv-b-17-2026-11-02-fr-on-iv-b-17")
    expect(page.locator("#comment-iv-b-17-2026-11-02-fr-on-iv-b-17")).to_be_visible()
    # Paging: the generated fixtures on IV.a.5 and IV.a.6, twenty at a time, the files loaded as needed.
    page.goto(f"{commented_url}/comments/?status=open")
    expect(results).to_have_count(20)
    more = page.get_by_role("button", name="Show more")
    expect(more).to_be_visible()
    total = int(page.locator(".comments-browse__status").inner_text().split(" of ")[1].rstrip("."))
    assert total > 20
    for shown in range(40, total + 20, 20):  # twenty more each time, the last page partly filled
        more.focus()
        page.keyboard.press("Enter")
        expect(results).to_have_count(min(shown, total))
        expect(results.nth(shown - 20)).to_be_focused()  # the reader goes on from the first new one
    expect(more).to_be_hidden()
    statuses = page.locator(".comments-browse__results .comment__status").all_inner_texts()
    assert set(statuses) == {"Open"} and len(statuses) == total
    # Words: every word must occur, accents and case aside.
    page.goto(f"{commented_url}/comments/?words=EMPHASIS%20mail")  # one comment, on two targets: under each
    expect(results).to_have_count(2)
    expect(results.locator(".comments-browse__on a")).to_have_text(["On IV.b.17", "On CRC art. 18(1)"])
    expect(results.nth(1)).to_contain_text("Fixture Contributor One")


def test_offline_a_comment_is_read_from_the_file_system(
    checked_pages: CheckedPages, commented_site: Path, tmp_path: Path
) -> None:
    with zipfile.ZipFile(commented_site / "babies-and-small-children-residing-in-prisons-en-offline.zip") as archive:
        archive.extractall(tmp_path)
    folder = tmp_path / "babies-and-small-children-residing-in-prisons-en"
    page = checked_pages.open(folder.as_uri())
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto((folder / "specific-issues.html").as_uri() + "#iv-b-17")  # the offline variant: no directory URLs
    page.locator("#iv-b-17 .comments__summary").click()
    expect(page.locator("#iv-b-17 article.comment")).to_have_count(2)
    expect(page.locator("#iv-b-17 article.comment").first).to_contain_text("Test fixture: a comment on")
    # The comment's [[IV.b.17]] leads to the page's file (the website's comment file, relinked for the ZIP).
    href = page.locator("#iv-b-17 article.comment a.xref__link").first.get_attribute("href") or ""
    target, _, fragment = href.partition("#")
    assert target.startswith("file://") and Path(unquote(urlsplit(target).path)).is_file() and fragment == "iv-b-17"
    assert target.endswith("/specific-issues.html"), href
    page.goto((folder / "comments.html").as_uri() + "?on=IV.b.17")
    expect(page.locator(".comments-browse__results > li")).to_have_count(2)
    assert errors == []


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
    open_every_panel(page)  # every panel's comments in the page before its ids are counted
    expect(page.locator("#iv-a-1 article.comment")).to_have_count(len(INERT))
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
        found = {a["id"]: a for a in articles(commented_site, prefix, "iv-a-1")}
        link = found["comment-provision-ref-on-iv-a-1"].select_one(".comment__body a.xref__link")
        assert link is not None and link["href"] == "../../international-provisions/#crc-18-1"
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


@pytest.mark.parametrize("prefix", ["", "fr/"])
def test_loaded_comments_and_filter_results_have_no_wcag_violation(
    checked_pages: CheckedPages, commented_url: str, prefix: str
) -> None:
    page = checked_pages.open(commented_url)
    page.goto(f"{commented_url}/{prefix}specific-issues/")
    open_every_panel(page)  # axe sees every panel's comments, not the ones that happened to arrive first
    expect(page.locator("#iv-b-17 article.comment")).to_have_count(2)
    expect(page.locator("#iv-a-1 article.comment")).to_have_count(len(INERT))
    violations = axe_violations(page)
    assert violations == [], json.dumps(violations, indent=1, ensure_ascii=False)
    page.goto(f"{commented_url}/{prefix}comments/?status=open")
    expect(page.locator(".comments-browse__results > li")).to_have_count(20)
    violations = axe_violations(page)
    assert violations == [], json.dumps(violations, indent=1, ensure_ascii=False)


# Why: the form's script is 7 KB gzipped, and only the Comments page has the form: every other page's first
# view is lighter without it.
@pytest.mark.build
def test_only_the_comments_pages_load_the_form_s_script(built_site: Path) -> None:
    loading = sorted(
        page.relative_to(built_site).as_posix()
        for page in built_site.rglob("*.html")
        if "assets" not in page.parts
        and any(
            str(script.get("src", "")).endswith("assets/javascripts/comment-form.js")
            for script in parse(page).select("script[src]")
        )
    )
    assert loading == ["comments/index.html", "es/comments/index.html", "fr/comments/index.html"]


SCRIPTS = ROOT / "overrides" / "assets" / "javascripts"
# The edition's scripts that use what shared.js puts on window.edition (edition.handed, edition.fill, ...).
USING_SHARED = sorted(
    path.name
    for path in SCRIPTS.glob("*.js")
    if path.name != "shared.js" and re.search(r"\bedition\.\w+\(", path.read_text(encoding="utf-8"))
)


# Why: the scripts run in this order: those without defer as the page lists them, then the deferred ones.
def running_order(html: str) -> list[str]:
    scripts = BeautifulSoup(html, "lxml").select("script[src]")
    listed = [(str(s["src"]).split("?")[0].rsplit("/", 1)[-1], s.has_attr("defer")) for s in scripts]
    return [name for name, _ in sorted(listed, key=lambda script: script[1])]  # a stable sort


# Why: a script that uses window.edition before shared.js has run fails on its first use, online and in
# the offline ZIPs, where Material's offline plugin rewrites each page; comment-form.js sits in the page's
# content, before shared.js, and runs after it only because it is deferred.
@pytest.mark.build
def test_shared_js_runs_before_every_script_that_uses_it(built_site: Path) -> None:
    assert {"comments.js", "comment-form.js"} <= set(USING_SHARED)
    pages = {p.relative_to(built_site).as_posix(): p.read_text(encoding="utf-8") for p in built_site.rglob("*.html")}
    for archive in built_site.rglob("*-offline.zip"):
        with zipfile.ZipFile(archive) as opened:
            pages |= {f"{archive.name}/{n}": opened.read(n).decode() for n in opened.namelist() if n.endswith(".html")}
    using = {"comments.js": 0, "comment-form.js": 0}
    for name, html in pages.items():
        order = running_order(html)
        for script in set(order) & set(USING_SHARED):
            assert "shared.js" in order[: order.index(script)], (name, order)
            if script in using:
                using[script] += 1
    assert using["comment-form.js"] >= 6, using  # the Comments page of each language, online and offline
    assert using["comments.js"] > using["comment-form.js"], using


# The stylesheets one kind of page loads for itself (PAGE_ASSETS, edition/comments/pages.py), and the pages
# that load them.
OWN_STYLESHEETS = {
    "comment-form.css": ["comments/index.html", "es/comments/index.html", "fr/comments/index.html"],
    "dispositions.css": ["dispositions/index.html", "es/dispositions/index.html", "fr/dispositions/index.html"],
}
STYLESHEETS = ROOT / "overrides" / "assets" / "stylesheets"


# Why: the edition's own classes a stylesheet styles (Material's md- classes are on every page).
def styled_classes(name: str) -> set[str]:
    text = (STYLESHEETS / name).read_text(encoding="utf-8")
    rules = tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True)
    found: set[str] = set()
    for rule in rules:
        preludes = [rule.prelude] if rule.type == "qualified-rule" else []
        if rule.type == "at-rule" and rule.content is not None:
            preludes = [r.prelude for r in tinycss2.parse_rule_list(rule.content) if r.type == "qualified-rule"]
        for prelude in preludes:
            tokens = list(prelude)
            found |= {
                str(after.value)
                for before, after in zip(tokens, tokens[1:], strict=False)
                if before.type == "literal" and before.value == "." and after.type == "ident"
            }
    return {name for name in found if not name.startswith("md-")}


# Why: comment-form.css is 7 KB, dispositions.css 3 KB: every other page's first view is lighter without
# them, and a page that shows what one of them styles must load it.
@pytest.mark.build
@pytest.mark.parametrize("sheet", sorted(OWN_STYLESHEETS))
def test_a_page_s_own_stylesheet_loads_on_the_pages_that_use_it_only(built_site: Path, sheet: str) -> None:
    classes, loading, using = styled_classes(sheet), [], []
    assert len(classes) >= 5, classes
    for page in sorted(built_site.rglob("*.html")):
        if "assets" in page.parts:
            continue
        soup, name = parse(page), page.relative_to(built_site).as_posix()
        links = [str(link["href"]) for link in soup.select("link[rel~=stylesheet][href]")]
        own = [href for href in links if href.endswith(f"assets/stylesheets/{sheet}")]
        if own:
            loading.append(name)
            assert (page.parent / own[0]).resolve().is_file(), (name, own)
        if any(classes.intersection(tag.get("class") or []) for tag in soup.select("[class]")):
            using.append(name)
    assert loading == OWN_STYLESHEETS[sheet]
    assert using == OWN_STYLESHEETS[sheet]
