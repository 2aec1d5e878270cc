"""Nothing wider than a phone: every page of every language, website and offline, with and without comments.

Each page is opened once in a touch context, with every ``<details>`` opened (comment panels load
their comments), and measured at 320 px, then resized to 390 px and measured again: the document no
wider than the screen, no visible element reaching past either edge except inside a region that
scrolls sideways on purpose (which must then be reachable from the keyboard and named), no "·"
separator at the start of a line, and no word of a table cell broken between two letters.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.browsing import open_every_panel
from tests.conftest import CheckedPages
from tests.site import EDITION_PREFIX, html_files, parse

WIDTHS = (320, 390)
LANGUAGES = tuple(EDITION_PREFIX)
ZIP = "babies-and-small-children-residing-in-prisons-{lang}-offline.zip"
# The Comments page as it lists comments (the hostile but valid fixtures are on IV.a.1).
COMMENT_VIEWS = ("?on=IV.a.1",)

# Resolves once the page has drawn a frame after a resize, so scripts listening for it have run.
NEXT_FRAME = "new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"
HEIGHT = 800

# Why: one pass over the laid-out page in the browser; returns what a reader would find wrong.
MEASURE = r"""
(width) => {
  const problems = [];
  const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
    + [...el.classList].slice(0, 2).map((c) => "." + c).join("");
  const where = (el) => {
    const path = [];
    for (let e = el; e && e !== document.body && path.length < 3; e = e.parentElement) path.unshift(name(e));
    return path.join(" > ");
  };
  const text = (el) => (el.textContent || "").replace(/\s+/g, " ").trim().slice(0, 50);
  const wide = document.documentElement.scrollWidth;
  if (wide > width) problems.push(`the page is ${wide} px wide`);

  const scrolls = (el) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX);
  const reported = new Set();
  for (const el of document.body.querySelectorAll("*")) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    if (box.left >= -0.5 && box.right <= width + 0.5) continue;
    if (box.right <= 0.5 || box.left >= width - 0.5) continue;  // wholly off-screen: a closed drawer
    if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
    let left = box.left, right = box.right, scrolled = false;
    for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
      if (scrolls(a)) { scrolled = true; break; }
      if (getComputedStyle(a).overflowX !== "visible") {
        const clip = a.getBoundingClientRect();
        left = Math.max(left, clip.left);
        right = Math.min(right, clip.right);
      }
    }
    if (scrolled || right <= left || (left >= -0.5 && right <= width + 0.5)) continue;
    if (el.parentElement && reported.has(el.parentElement)) { reported.add(el); continue; }
    reported.add(el);
    problems.push(`${where(el)} spans ${Math.round(box.left)} to ${Math.round(box.right)} px: "${text(el)}"`);
  }

  // A region that scrolls sideways must be one a keyboard can reach and a screen reader can name.
  for (const el of document.body.querySelectorAll("*")) {
    if (!scrolls(el) || el.scrollWidth <= el.clientWidth + 1 || !el.checkVisibility()) continue;
    if (getComputedStyle(el).overflowY !== "visible" && el.scrollHeight > el.clientHeight + 1) continue;
    const named = el.hasAttribute("aria-label") || el.hasAttribute("aria-labelledby");
    if (el.tabIndex < 0 || !named || !el.getAttribute("role")) {
      problems.push(`${where(el)} scrolls sideways but is not a focusable, named region: "${text(el)}"`);
    }
  }

  const lineOf = (range) => [...range.getClientRects()].filter((r) => r.width > 0).pop();
  // Where the last visible character before offset i of node (in block) stands, spaces aside.
  const previous = (block, node, i) => {
    const texts = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    let found = null;
    for (let n = texts.nextNode(); n; n = texts.nextNode()) {
      const j = n.data.slice(0, n === node ? i : undefined).search(/\S\s*$/);
      if (j >= 0 && n.parentElement.checkVisibility()) found = [n, j];
      if (n === node) break;
    }
    if (!found) return null;
    const range = document.createRange();
    range.setStart(found[0], found[1]);
    range.setEnd(found[0], found[1] + 1);
    return lineOf(range);
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !parent.checkVisibility()) continue;
    const block = parent.closest("p, li, td, th, dd, dt, div, figcaption, span[class], footer") || parent;
    // A separator "·" that begins a line: the content before it ends on a line above.
    for (let i = node.data.indexOf("·"); i >= 0; i = node.data.indexOf("·", i + 1)) {
      const dot = document.createRange();
      dot.setStart(node, i);
      dot.setEnd(node, i + 1);
      const mark = lineOf(dot);
      const last = previous(block, node, i);
      if (mark && last && last.bottom <= mark.top + mark.height / 2) {
        problems.push(`"·" starts a line in ${where(parent)}: "${text(block)}"`);
      }
    }
    // A word of a table cell broken between two letters.
    if (!parent.closest("td, th")) continue;
    for (const match of node.data.matchAll(/\S{2,}/g)) {
      const word = document.createRange();
      word.setStart(node, match.index);
      word.setEnd(node, match.index + match[0].length);
      if (word.getClientRects().length < 2) continue;
      for (let k = 1; k < match[0].length; k++) {
        const a = document.createRange(), b = document.createRange();
        a.setStart(node, match.index + k - 1); a.setEnd(node, match.index + k);
        b.setStart(node, match.index + k); b.setEnd(node, match.index + k + 1);
        const [ra, rb] = [lineOf(a), lineOf(b)];
        const letters = /\p{L}/u.test(match[0][k - 1]) && /\p{L}/u.test(match[0][k]);
        if (ra && rb && letters && rb.top >= ra.bottom - 1) {
          problems.push(`"${match[0]}" is broken mid-word in ${where(parent)}`);
          break;
        }
      }
    }
  }
  return problems;
}
"""


def website_pages(site: Path, origin: str) -> list[str]:
    """Every page of the website, all languages (the 404 page too)."""
    return [f"{origin}/{page.relative_to(site).as_posix()}" for page in html_files(site) if "assets" not in page.parts]


def offline_pages(site: Path, folder: Path) -> list[str]:
    """Every page of each language's offline ZIP, unpacked into ``folder``, as file:// addresses.

    The first page of a translated edition forwards at once to its home page, which is swept."""
    pages = []
    for lang in LANGUAGES:
        with zipfile.ZipFile(site / EDITION_PREFIX[lang] / ZIP.format(lang=lang)) as archive:
            archive.extractall(folder / lang)
        for page in html_files(folder / lang):
            if parse(page).select_one("meta[http-equiv=refresh]") is None:
                pages.append(page.as_uri())
    return pages


def comment_views(pages: list[str]) -> list[str]:
    """The Comments pages as they list comments, after every page as it opens."""
    listing = [p for p in pages if p.endswith(("/comments/index.html", "/comments.html"))]
    return pages + [p + view for p in listing for view in COMMENT_VIEWS]


# Why: the sweep itself, one touch context and one load per address: measured at each width in turn, the
# viewport resized between (a load and its panels cost ten times the measuring; the layout follows the new width).
def sweep(pages: CheckedPages, origin: str, addresses: list[str]) -> Iterator[str]:
    phone: Page = pages.open(origin, width=WIDTHS[0], height=HEIGHT, is_mobile=True, has_touch=True)
    for address in addresses:
        phone.goto(address)
        open_every_panel(phone)
        for width in WIDTHS:
            if width != WIDTHS[0]:
                phone.set_viewport_size({"width": width, "height": HEIGHT})
                phone.evaluate(NEXT_FRAME)
            for problem in phone.evaluate(MEASURE, width):
                yield f"{width} px {address.removeprefix(origin)}: {problem}"
        phone.set_viewport_size({"width": WIDTHS[0], "height": HEIGHT})


@pytest.mark.browser
def test_no_website_page_is_wider_than_a_phone(
    checked_pages: CheckedPages, built_site: Path, site_url: str, commented_site: Path, commented_url: str
) -> None:
    problems = list(sweep(checked_pages, site_url, website_pages(built_site, site_url)))
    addresses = comment_views(website_pages(commented_site, commented_url))
    problems += [f"with comments, {p}" for p in sweep(checked_pages, commented_url, addresses)]
    assert problems == [], "\n".join(problems)


@pytest.mark.browser
def test_no_offline_page_is_wider_than_a_phone(
    checked_pages: CheckedPages, built_site: Path, commented_site: Path, tmp_path: Path
) -> None:
    origin = tmp_path.as_uri()
    problems = list(sweep(checked_pages, origin, offline_pages(built_site, tmp_path / "plain")))
    addresses = comment_views(offline_pages(commented_site, tmp_path / "commented"))
    problems += [f"with comments, {p}" for p in sweep(checked_pages, origin, addresses)]
    assert problems == [], "\n".join(problems)
