"""The Disposition of comments page in Chromium: how soon it first shows, with many comments.

Called by scripts/comment_scale.py for each size of generated fixture comments; alone,
`python scripts/disposition_timing.py SITE…` measures built sites (``BENCHMARK_PAGE_RUNS`` loads each).

Each site is served with gzip from 127.0.0.1 (scripts/serve_gzip.py, a port of the system's
choosing), and its English Disposition page loaded in Debian's Chromium (Playwright, with
``executable_path``) at 1280×900, unthrottled, a fresh browser context each time (nothing cached),
the sites in turn so the machine's noise falls on each alike. Read from the Performance API, in
milliseconds from the navigation's start: the first contentful paint; the first frame in which the
table's first row is laid out (a ``requestAnimationFrame`` loop from the document's creation; that
frame is painted next); DOMContentLoaded and load. "Shown" is the later of the first contentful
paint and that frame: the page is on screen with its table begun. Medians per site.
"""

from __future__ import annotations

import os
import statistics
import sys
import threading
from pathlib import Path

from benchmark_web import CHROME_ARGS
from playwright.sync_api import Browser, sync_playwright
from serve_gzip import serve

CHROMIUM = "/usr/bin/chromium"
PAGE = "dispositions/"
VIEWPORT = {"width": 1280, "height": 900}
PAGE_RUNS = int(os.environ.get("BENCHMARK_PAGE_RUNS", "7"))
TIMEOUT_MS = 60_000
# The first frame in which the table's first row (or the "no comments" line) has a box.
WATCH_TABLE = """
window.editionTableShown = null;
const editionLook = () => {
  const row = document.querySelector(".dispositions__table tbody tr, .dispositions__none");
  if (row && row.getBoundingClientRect().height > 0) {
    window.editionTableShown = performance.now();
    return;
  }
  requestAnimationFrame(editionLook);
};
requestAnimationFrame(editionLook);
"""
READY = (
    "() => window.editionTableShown !== null"
    " && performance.getEntriesByName('first-contentful-paint').length > 0"
    " && performance.getEntriesByType('navigation')[0].loadEventEnd > 0"
)
READ = """() => {
  const navigation = performance.getEntriesByType("navigation")[0];
  return {
    fcp: performance.getEntriesByName("first-contentful-paint")[0].startTime,
    row: window.editionTableShown,
    dcl: navigation.domContentLoadedEventEnd,
    load: navigation.loadEventEnd,
    transferred: navigation.transferSize,
    rows: document.querySelectorAll(".dispositions__table tbody tr").length,
  };
}"""
MEASURES = ("fcp", "row", "shown", "dcl", "load")


# Why: one cold load of the page, its timings read once the table has shown and the page has loaded.
def load_once(browser: Browser, url: str) -> dict[str, float]:
    context = browser.new_context(viewport=VIEWPORT)  # type: ignore[arg-type]
    try:
        page = context.new_page()
        page.add_init_script(WATCH_TABLE)
        page.goto(url, wait_until="load", timeout=TIMEOUT_MS)
        page.wait_for_function(READY, timeout=TIMEOUT_MS)
        found: dict[str, float] = page.evaluate(READ)
    finally:
        context.close()
    return found | {"shown": max(found["fcp"], found["row"])}


def first_show(sites: list[Path], *, runs: int = PAGE_RUNS) -> list[dict[str, float]]:
    """Per site, the medians of ``runs`` loads (ms), the rows of its table and the bytes transferred."""
    servers = [serve(site, 0) for site in sites]
    for server in servers:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    urls = [f"http://127.0.0.1:{server.server_address[1]}/{PAGE}" for server in servers]
    loads: list[list[dict[str, float]]] = [[] for _ in sites]
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROME_ARGS)
            try:
                load_once(browser, urls[0])  # Chromium's own start-up, counted for no site
                for _ in range(runs):
                    for found, url in zip(loads, urls, strict=True):
                        found.append(load_once(browser, url))
            finally:
                browser.close()
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()
    return [
        {key: statistics.median(load[key] for load in found) for key in MEASURES}
        | {"rows": found[0]["rows"], "transferred": found[0]["transferred"]}
        for found in loads
    ]


if __name__ == "__main__":
    folders = [Path(arg).resolve() for arg in sys.argv[1:]]
    for folder, result in zip(folders, first_show(folders), strict=True):
        shown = ", ".join(f"{key} {result[key]:.0f} ms" for key in MEASURES)
        print(f"{folder}: {int(result['rows'])} rows, {int(result['transferred']) / 1000:.1f} KB transferred; {shown}")
