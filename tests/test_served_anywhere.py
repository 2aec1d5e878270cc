"""The site works wherever it is served: any port, a sub-path (``/REPO/``), with or without a published address.

Two builds: one with no published address (the default) and the session's build, configured for
another port than the ones it is served on here. Each is served at two ports and under a sub-path
by a small static server; in each place a page requests nothing from another origin, logs no console
error, and its language switch, search and previews work.
"""

from __future__ import annotations

import functools
import http.server
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from tests.browsing import search, switch_language
from tests.conftest import CheckedPages, _QuietHandler, free_port
from tests.site import html_files, parse

pytestmark = pytest.mark.build
SUB_PATH = "REPO"  # as on a repository host's project pages


# Why: a static server on a free port, with the site at its root or below a sub-path.
def _serve(site: Path, mount: Path | None) -> tuple[http.server.ThreadingHTTPServer, str]:
    folder = site
    if mount is not None:
        mount.mkdir(parents=True, exist_ok=True)
        (mount / SUB_PATH).symlink_to(site, target_is_directory=True)
        folder = mount
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/" + (f"{SUB_PATH}/" if mount is not None else "")
    return server, base


@pytest.fixture(scope="module")
def places(
    unaddressed_site: Path, built_site: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, str]]:
    servers, bases = [], {}
    for name, site in (("unaddressed", unaddressed_site), ("addressed", built_site)):
        for where in ("port-a", "port-b", "sub-path"):
            mount = tmp_path_factory.mktemp(f"{name}-mount") if where == "sub-path" else None
            server, base = _serve(site, mount)
            servers.append(server)
            bases[f"{name}-{where}"] = base
    yield bases
    for server in servers:
        server.shutdown()
        server.server_close()


PLACES = [f"{name}-{where}" for name in ("unaddressed", "addressed") for where in ("port-a", "port-b", "sub-path")]


@pytest.mark.browser
@pytest.mark.parametrize("place", PLACES)
def test_switch_search_and_previews_work_wherever_served(
    checked_pages: CheckedPages, places: dict[str, str], place: str
) -> None:
    base = places[place]
    origin = base.split("/", 3)[:3]
    page = checked_pages.open("/".join(origin))
    page.goto(f"{base}specific-issues/#iv-b-17")
    page.wait_for_load_state("networkidle")
    link = page.locator("#iv-b-17 .guideline__rests-on a.xref__link").first
    link.focus()
    expect(page.locator(f"#{link.get_attribute('aria-describedby')}")).to_be_visible()
    switch_language(page, "fr")
    expect(page).to_have_url(f"{base}fr/specific-issues/#iv-b-17")
    page.wait_for_load_state("networkidle")
    found = [urlunsplit(urlsplit(href)._replace(query="")) for href in search(page, "IV.b.17")]
    assert f"{base}fr/specific-issues/#iv-b-17" in found, found[:5]
    assert checked_pages.errors == [], "console errors"
    assert checked_pages.failed == [], "failed requests"


def test_without_a_published_address_no_absolute_address_is_written(unaddressed_site: Path) -> None:
    assert sorted(unaddressed_site.rglob("sitemap.xml*")) == []
    for path in html_files(unaddressed_site):
        soup = parse(path)
        assert soup.select("link[rel=canonical], link[rel=alternate]") == [], path
        assert not [a["href"] for a in soup.select("a[href^='http://127.0.0.1']")], path


def test_without_a_published_address_an_offline_edition_offers_its_own_language_only(unaddressed_site: Path) -> None:
    with zipfile.ZipFile(unaddressed_site / "fr" / "babies-and-small-children-residing-in-prisons-fr-offline.zip") as z:
        name = "babies-and-small-children-residing-in-prisons-fr/fr/specific-issues.html"
        soup = BeautifulSoup(z.read(name).decode("utf-8"), "lxml")
    assert [a["hreflang"] for a in soup.select("a.md-select__link")] == ["fr"]
    hrefs = [str(a["href"]) for a in soup.select("a[href]")]
    assert [h for h in hrefs if h.endswith(".pdf")] == ["babies-and-small-children-residing-in-prisons-fr.pdf"]
    assert [h for h in hrefs if h.startswith(("http://127.0.0.1", "/"))] == []
