"""Passages in Chromium: select words, then comment; the form's passage field; passages marked.

The browser computes a paragraph's text from the page (passages.js); the checker matches passages
against Python's ``reader_text`` of the source. They must agree for every paragraph and provision
of every language, or a passage selected on the page would be refused. Names are fixtures.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
import yaml
from playwright.sync_api import Locator, Page, expect

from edition.comments.passages import CONTEXT, target_texts
from edition.shared.apparatus import DATA_EXCLUDED
from edition.text.registry import load_registry
from tests.browsing import axe_violations
from tests.conftest import ROOT, CheckedPages
from tests.site import parse
from tests.test_comments_form import check_file, fill

REGISTRY = load_registry(ROOT / "data")
LABELS = REGISTRY.labels
TEXTS = target_texts(ROOT / "docs", registry=REGISTRY, languages=("en", "fr", "es"))
VERSION = str(yaml.safe_load((ROOT / "data" / "edition.yml").read_text(encoding="utf-8"))["version"])
PREFIXES = {"en": "", "fr": "fr/", "es": "es/"}

# Every holder's target and its text as passages.js computes it.
HOLDER_TEXTS = """() => [...document.querySelectorAll(".guideline, .provision")].map((holder) => [
  holder.matches(".guideline") ? holder.querySelector(".guideline__number a").textContent.trim() : holder.id,
  window.editionPassages.textOf(holder),
])"""


# Why: sets a selection over the words at [start, end) of a paragraph's first text paragraph and
# returns the page's boxes of its first and last character, to drag the mouse over.
SELECT_WORDS = """([anchor, words]) => {
  const holder = document.getElementById(anchor);
  const walker = document.createTreeWalker(holder.querySelector(":scope > p:not([class])"), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.indexOf(words);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + words.length);
    return range;
  }
  return null;
}"""


# Why: the link once it leads to all the words selected. It follows the selection a moment after the
# selection last changed, so while a drag is slow (a loaded machine) it may show for its first words.
def expect_link_for(control: Locator, words: str) -> None:
    exact = re.escape(urlencode({"exact": words}))  # as URLSearchParams writes it: these words have no * or ~
    expect(control).to_have_attribute("href", re.compile(rf"[?&]{exact}(&|#|$)"))


def pages_with_holders(site: Path, lang: str) -> list[str]:
    root = site / PREFIXES[lang]
    found = []
    for path in sorted(root.glob("*/index.html")):
        if parse(path).select_one(".guideline, figure.provision") is not None:
            found.append(path.parent.name)
    return found


def test_the_browser_list_of_apparatus_is_the_edition_s(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/specific-issues/")
    assert set(page.evaluate("window.editionPassages.APPARATUS")) == set(DATA_EXCLUDED)
    assert page.evaluate("window.editionPassages.CONTEXT") == CONTEXT


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_the_browser_computes_every_paragraph_s_text_as_the_checker_does(
    page: Page, site_url: str, built_site: Path, lang: str
) -> None:
    seen: set[str] = set()
    for name in pages_with_holders(built_site, lang):
        page.goto(f"{site_url}/{PREFIXES[lang]}{name}/")
        for target, text in page.evaluate(HOLDER_TEXTS):
            assert (target, lang) in TEXTS, f"{name}: {target} has no text in Python"
            assert text == TEXTS[(target, lang)], f"{lang} {name}: {target}"
            seen.add(target)
    expected = {target for (target, language) in TEXTS if language == lang}
    assert seen == expected, f"not on any page: {sorted(expected - seen)}"


def passage_of(text: str, words: str) -> dict[str, object]:
    start = text.index(words)
    assert text.count(words) == 1
    return {
        "exact": words,
        "prefix": text[max(0, start - CONTEXT) : start],
        "suffix": text[start + len(words) : start + len(words) + CONTEXT],
        "start": start,
        "language": "fr",
        "version": VERSION,
    }


def prepare_and_check(page: Page, tmp_path: Path) -> dict[str, object]:
    fill(page, {"name": "Fixture Passage Contributor", "text": "Test fixture: a comment on a passage."})
    page.locator(".comment-form__form button[type=submit]").click()  # in the page's language
    output = page.locator("#cf-output")
    expect(output).to_be_visible()
    text = str(output.input_value())
    name = str(page.locator(".comment-form__download").get_attribute("download"))
    result = check_file(tmp_path, name, text)
    assert result.returncode == 0, result.stdout
    assert "all valid" in result.stdout
    front = yaml.safe_load(text.split("---\n")[1])  # the checker has read it; here its passage, as written
    passage: dict[str, object] = front["passage"]
    return passage


def words_in(lang: str, target: str) -> str:
    text = TEXTS[(target, lang)]
    # Five words from the middle of the paragraph that occur once there.
    words = text.split(" ")
    for at in range(len(words) // 2, len(words) - 5):
        candidate = " ".join(words[at : at + 5])
        if text.count(candidate) == 1 and re.fullmatch(r"[\w ,’'-]+", candidate):
            return candidate
    raise AssertionError(f"no words to select in {target}")


def test_selecting_words_with_the_mouse_prepares_a_comment_on_them(
    checked_pages: CheckedPages, site_url: str, tmp_path: Path
) -> None:
    page = checked_pages.open(site_url, width=1280, height=900)
    page.goto(f"{site_url}/fr/specific-issues/#iv-b-17")
    words = words_in("fr", "IV.b.17")
    box = page.evaluate(
        f"(args) => {{ const r = ({SELECT_WORDS})(args); const rects = r.getClientRects();"
        " const a = rects[0], b = rects[rects.length - 1];"
        " return [a.left + 1, (a.top + a.bottom) / 2, b.right - 1, (b.top + b.bottom) / 2]; }",
        ["iv-b-17", words],
    )
    page.mouse.move(box[0], box[1])
    page.mouse.down()
    page.mouse.move(box[2], box[3], steps=8)
    page.mouse.up()
    control = page.get_by_role("link", name=LABELS["fr"]["comment_on_passage"])
    expect(control).to_be_visible()
    expect_link_for(control, words)
    query = parse_qs(urlsplit(str(control.get_attribute("href"))).query)
    assert query["exact"] == [words] and query["target"] == ["IV.b.17"]
    control.click()
    expect(page.locator("#cf-passage")).to_have_value(words)
    expect(page.locator("#cf-targets")).to_have_value("IV.b.17")
    expect(page.locator("#cf-passage-status")).to_have_text(
        LABELS["fr"]["comment_form_passage_found"].format(target="IV.b.17")
    )
    assert prepare_and_check(page, tmp_path) == passage_of(TEXTS[("IV.b.17", "fr")], words)
    assert axe_violations(page) == []


def test_selecting_words_by_touch_shows_the_control_and_a_tap_follows_it(
    checked_pages: CheckedPages, site_url: str
) -> None:
    page = checked_pages.open(site_url, width=390, height=844, has_touch=True, is_mobile=True)
    page.goto(f"{site_url}/es/international-provisions/#crc-18-1")
    text = TEXTS[("crc-18-1", "es")]
    words = words_in("es", "crc-18-1")
    page.evaluate(
        """(words) => {
          const root = document.querySelector("#crc-18-1 .provision__text p");
          const node = root.firstChild;
          const at = node.data.indexOf(words);
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + words.length);
          const selection = window.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
          document.dispatchEvent(new Event("selectionchange"));
        }""",
        words,
    )
    control = page.get_by_role("link", name=LABELS["es"]["comment_on_passage"])
    expect(control).to_be_visible()
    box = control.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
    control.tap()
    expect(page.locator("#cf-passage")).to_have_value(words)
    expect(page.locator("#cf-targets")).to_have_value("crc-18-1")
    query = parse_qs(urlsplit(page.url).query)
    assert query["start"] == [str(text.index(words))]


def test_a_selection_outside_a_paragraph_s_text_shows_no_control(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/specific-issues/")
    page.evaluate(
        """() => {
          const range = document.createRange();
          range.selectNodeContents(document.querySelector("#iv-b-17 .guideline__number"));
          window.getSelection().addRange(range);
        }"""
    )
    page.wait_for_timeout(400)
    assert page.locator(".passage-control:visible").count() == 0


def test_a_keyboard_user_types_the_words_in_the_form_s_passage_field(page: Page, site_url: str, tmp_path: Path) -> None:
    page.goto(f"{site_url}/fr/comments/?target=IV.b.17#write-a-comment")
    words = words_in("fr", "IV.b.17")
    page.locator("#cf-passage").focus()
    page.keyboard.type(words)
    found = LABELS["fr"]["comment_form_passage_found"].format(target="IV.b.17")
    expect(page.locator("#cf-passage-status")).to_have_text(found)
    assert prepare_and_check(page, tmp_path) == passage_of(TEXTS[("IV.b.17", "fr")], words)


TWICE = LABELS["en"]["comment_form_err_passage_twice"]
MISSING = LABELS["en"]["comment_form_err_passage_missing"].format(target="IV.b.17")
INVISIBLE = LABELS["en"]["comment_form_err_invisible"]


# Each typed passage the form refuses, with its message: words not in the paragraph (markup among
# them), words that occur twice, characters the comment rules refuse, more than one target.
@pytest.mark.parametrize(
    ("targets", "typed", "message"),
    [
        ("IV.b.17", "words that are not in this paragraph", MISSING),
        ("IV.b.17", "<script>alert(1)</script>", MISSING),
        ("IV.b.17", "parent", None),  # checked below: occurs several times
        ("IV.b.17", "the\u202echild", INVISIBLE.format(code="202E")),
        ("IV.b.17", "the\u200bchild", INVISIBLE.format(code="200B")),
        ("IV.b.17, crc-18-1", "the child", LABELS["en"]["comment_form_err_passage_target"]),
    ],
)
def test_the_form_refuses_a_passage_clearly(
    page: Page, site_url: str, targets: str, typed: str, message: str | None
) -> None:
    page.goto(f"{site_url}/comments/#write-a-comment")
    fill(page, {"targets": targets, "passage": typed, "name": "Fixture", "text": "Fixture"})
    page.get_by_role("button", name="Prepare the comment file").click()
    error = page.locator("#cf-passage-error")
    if message is None:
        count = TEXTS[("IV.b.17", "en")].count(typed)  # overlapping places do not occur in this text
        assert count > 1
        message = TWICE.format(count=count, target="IV.b.17")
    expect(error).to_have_text(message)
    expect(page.locator("#cf-passage")).to_have_attribute("aria-invalid", "true")
    expect(page.locator(".comment-form__result")).to_be_hidden()


def test_a_build_marks_a_comment_s_passage_when_its_panel_opens(
    checked_pages: CheckedPages, commented_url: str, commented_site: Path
) -> None:
    page = checked_pages.open(commented_url)
    page.goto(f"{commented_url}/specific-issues/#iv-a-4")
    page.locator("#iv-a-4 .comments__summary").click()
    mark = page.locator("#iv-a-4 mark.passage-mark")
    expect(mark.first).to_be_visible()
    words = page.evaluate("""() => [...document.querySelectorAll("#iv-a-4 mark.passage-mark")]
      .map((m) => [...m.childNodes].filter((n) => n.nodeType === 3).map((n) => n.data).join("")).join("")""")
    assert words == PASSAGE_EN
    name = mark.first.locator(".passage-mark__label")
    expect(name).to_have_text(LABELS["en"]["comment_passage_mark"])
    box = name.bounding_box()  # for screen readers only (the edition's one rule for that)
    assert box is not None and box["width"] <= 1 and box["height"] <= 1
    quoted = page.locator("#iv-a-4 .comment__passage q")
    expect(quoted.first).to_have_attribute("lang", "en")
    assert axe_violations(page) == []
    page.locator("#iv-a-4 .comments__summary").click()  # closed: the words are as they were
    expect(mark).to_have_count(0)
    assert page.evaluate("window.editionPassages.textOf(document.getElementById('iv-a-4'))") == TEXTS[("IV.a.4", "en")]


def test_in_another_language_the_passage_is_quoted_in_its_own_and_not_marked(
    checked_pages: CheckedPages, commented_url: str
) -> None:
    page = checked_pages.open(commented_url)
    page.goto(f"{commented_url}/fr/specific-issues/#iv-a-4")
    page.locator("#iv-a-4 .comments__summary").click()
    quoted = page.locator("#iv-a-4 .comment__passage q[lang='en']")
    expect(quoted).to_have_text([PASSAGE_EN, EARLIER_EN])
    earlier = page.locator("#iv-a-4 .comment__passage", has_text=EARLIER_EN)
    expect(earlier).to_contain_text(LABELS["fr"]["comment_passage_earlier"])
    expect(page.locator("#iv-a-4 mark.passage-mark")).to_have_count(0)


def test_a_passage_on_earlier_wording_is_shown_and_never_marked(commented_site: Path) -> None:
    from edition.comments.data import read_script

    data = read_script((commented_site / "comments" / "on" / "iv-a-4.js").read_text(encoding="utf-8"))
    by_id = {c["id"]: c for c in data["comments"]}
    earlier = [c for c in by_id.values() if LABELS["en"]["comment_passage_earlier"] in c["html"]]
    current = [c for c in by_id.values() if "comment__passage" in c["html"] and c not in earlier]
    assert earlier and all("mark" not in c for c in earlier)
    assert current and all(isinstance(c.get("mark"), list) for c in current)


PASSAGE_EN = "internationally recognized human rights standards"  # the fixture comment's, on IV.a.4
EARLIER_EN = "fixture words of an earlier draft that the text never held"  # the other's, not placed


def test_following_a_comment_s_link_marks_its_passage(checked_pages: CheckedPages, commented_url: str) -> None:
    page = checked_pages.open(commented_url)
    page.goto(f"{commented_url}/specific-issues/#comment-iv-a-4-2026-11-05-en-passage-on-iv-a-4")
    expect(page.locator("#iv-a-4 mark.passage-mark").first).to_be_visible()
    expect(page.locator("#comment-iv-a-4-2026-11-05-en-passage-on-iv-a-4 .comment__passage q")).to_have_text(PASSAGE_EN)
