"""axe-core in Debian's Chromium: no WCAG 2.1 A/AA violation on any page of the three editions.

Comment panels are opened first, so their content is checked too. axe-core comes from npm
(package.json), installed by `make test`.
"""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page, expect

from tests.browsing import axe_violations, open_every_panel
from tests.site import ALL_PAGES

ALL = [f"{prefix}{name}" for prefix in ("", "fr/", "es/") for name in ALL_PAGES] + ["404.html"]


@pytest.mark.parametrize("name", ALL)
def test_no_wcag_violation(page: Page, site_url: str, name: str) -> None:
    page.goto(f"{site_url}/{name.removesuffix('index.html')}")
    open_every_panel(page)
    violations = axe_violations(page)
    assert violations == [], json.dumps(violations, indent=1, ensure_ascii=False)


def test_axe_finds_a_planted_violation(page: Page, site_url: str) -> None:
    """The check can fail: an image without a text alternative is reported."""
    page.goto(f"{site_url}/foreword/")
    page.evaluate("document.querySelector('article').insertAdjacentHTML('beforeend', '<img src=\"x.png\">')")
    assert "image-alt" in [v["id"] for v in axe_violations(page)]


# True once no transition runs in the header (its title's fade and slide when the page's title leaves
# the screen).
HEADER_SETTLED = """() => !document.getAnimations().some(
  (a) => a.effect && a.effect.target instanceof Element && a.effect.target.closest(".md-header"))"""


# Material's "Back to top" button (navigation.top) shows once a reader scrolls back up a long page. It
# must be readable from the moment it shows, at rest and focused: once the header has settled,
# transitions are slowed 100 times (Chrome DevTools Protocol), so axe sees the button as it appears.
@pytest.mark.parametrize("prefix", ["", "fr/", "es/"])
def test_back_to_top_has_no_wcag_violation_when_shown(page: Page, site_url: str, prefix: str) -> None:
    page.goto(f"{site_url}/{prefix}specific-issues/")
    button = page.locator(".md-top")
    page.mouse.wheel(0, 4000)
    # The header's title has changed, at full speed, and finished changing: now the button's turn.
    # (Slowed halfway, the fading title stays half transparent for axe: a loaded machine may take more
    # than any fixed time to scroll and start the change.)
    expect(page.locator(".md-header__title")).to_have_class(re.compile(r"\bmd-header__title--active\b"))
    page.wait_for_function(HEADER_SETTLED)
    page.context.new_cdp_session(page).send("Animation.setPlaybackRate", {"playbackRate": 0.01})
    page.mouse.wheel(0, -400)
    expect(button).not_to_have_attribute("hidden", "")
    violations = axe_violations(page)
    assert violations == [], json.dumps(violations, indent=1, ensure_ascii=False)
    button.focus()
    violations = axe_violations(page)
    assert violations == [], json.dumps(violations, indent=1, ensure_ascii=False)
