"""The offline editions: one ZIP per language, complete, unbroken, and working from the file system.

Unit tests of ``edition/downloads/offline.py`` first, then the real build's ZIPs, unpacked and opened from
the file system in Debian's Chromium.
"""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page, expect

from edition.downloads.offline import Packing, members, online_address, website_members, write_zip, write_zips
from tests.browsing import axe_violations, open_every_panel, search, switch_language
from tests.conftest import ROOT, CheckedPages
from tests.links import check
from tests.site import EDITION_PREFIX, parse

PREFIX = EDITION_PREFIX
LANGUAGES = list(PREFIX)
ZIP = "babies-and-small-children-residing-in-prisons-{lang}-offline.zip"
FOLDER = "babies-and-small-children-residing-in-prisons-{lang}"
PAGES = [
    "index",
    "foreword",
    "introduction",
    "international-provisions",
    "general-issues",
    "specific-issues",
    "women-in-prison",
    "contact",
    "comments",
    "accessibility",
]

# French sets a no-break space between a number and its unit ("598\u00a0Ko"); English and Spanish a space.
UNIT_SPACE = {"en": " ", "fr": "\u00a0", "es": " "}


@pytest.mark.parametrize(
    ("offline", "online"),
    [
        ("index.html", ""),
        ("fr/index.html", "fr/"),
        ("specific-issues.html", "specific-issues/"),
        ("es/specific-issues.html#iv-b-17", "es/specific-issues/#iv-b-17"),
        ("fr/", "fr/"),
        ("fr/babies-fr.pdf", "fr/babies-fr.pdf"),
    ],
)
def test_an_offline_page_maps_to_its_website_address(offline: str, online: str) -> None:
    assert online_address(offline) == online


@pytest.fixture
def offline_tree(tmp_path: Path) -> Path:
    """A made-up offline build with one file of each kind the selection rules tell apart."""
    for name in [
        "index.html",
        "404.html",
        "sitemap.xml",
        "sitemap.xml.gz",
        "comments.json",
        "comments.csv",
        "comments.jsonld",
        "comment.schema.json",
        "book-en.pdf",
        "search/search_index.js",
        "assets/javascripts/bundle.js",
        "assets/javascripts/bundle.js.map",
        "assets/javascripts/lunr/min/lunr.fr.min.js",
        "assets/javascripts/lunr/min/lunr.ja.min.js",
        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
        "assets/javascripts/lunr/wordcut.js",
        "fr/index.html",
        "fr/book-fr.pdf",
        "fr/search/search_index.js",
        "fr/sitemap.xml",
        "es/index.html",
    ]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(name, encoding="utf-8")
    return tmp_path


SHARED = [
    "assets/javascripts/bundle.js",
    "assets/javascripts/lunr/min/lunr.fr.min.js",
    "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
]  # and the comment exports, which each ZIP takes from the website's build, not the offline one


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", sorted([*SHARED, "book-en.pdf", "index.html", "search/search_index.js"])),
        ("fr", sorted([*SHARED, "fr/book-fr.pdf", "fr/index.html", "fr/search/search_index.js"])),
    ],
)
def test_a_zip_holds_its_own_edition_and_the_shared_assets_only(
    offline_tree: Path, lang: str, expected: list[str]
) -> None:
    chosen = members(offline_tree, lang, languages=["en", "fr", "es"], default="en")
    assert [name for name, _ in chosen] == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            ["comment.schema.json", "comments.csv", "comments.json", "comments.jsonld"],
        ),  # the schema: default edition
        ("fr", ["comments.csv", "comments.json", "comments.jsonld"]),
        ("es", ["comments.csv", "comments.json", "comments.jsonld"]),
    ],
)
def test_a_zip_takes_the_comment_exports_from_the_website(tmp_path: Path, lang: str, expected: list[str]) -> None:
    website = tmp_path / "website"  # what the offline build no longer writes, the website's build does
    chosen = website_members(website, lang, languages=["en", "fr", "es"], default="en")
    assert chosen == [(name, website / name) for name in expected]


def test_a_zip_is_the_same_bytes_whenever_it_is_written(offline_tree: Path, tmp_path: Path) -> None:
    files = members(offline_tree, "fr", languages=["en", "fr", "es"], default="en")
    when = dt.datetime(2026, 11, 23, tzinfo=dt.UTC)
    write_zip(tmp_path / "one.zip", "book", files, when, added=[("index.html", b"start")])
    write_zip(tmp_path / "two.zip", "book", list(reversed(files)), when, added=[("index.html", b"start")])
    assert (tmp_path / "one.zip").read_bytes() == (tmp_path / "two.zip").read_bytes()
    with zipfile.ZipFile(tmp_path / "one.zip") as archive:
        infos = archive.infolist()
    assert [i.filename for i in infos] == sorted(i.filename for i in infos)
    assert {i.date_time for i in infos} == {(2026, 11, 23, 0, 0, 0)}
    assert {i.external_attr >> 16 for i in infos} == {0o644}
    assert "book/index.html" in [i.filename for i in infos]


def test_zips_packed_side_by_side_are_the_bytes_of_zips_packed_one_by_one(offline_tree: Path, tmp_path: Path) -> None:
    when = dt.datetime(2026, 11, 23, tzinfo=dt.UTC)
    big = offline_tree / "fr" / "comments" / "on" / "iv-b-17.js"  # large enough for zlib to work while others wait
    big.parent.mkdir(parents=True)
    big.write_text("".join(f"comment {n} on IV.b.17; " for n in range(50_000)), encoding="utf-8")
    packings = []
    for lang in ["en", "fr", "es"]:
        files = members(offline_tree, lang, languages=["en", "fr", "es"], default="en")
        added = [] if lang == "en" else [("index.html", f"start {lang}".encode())]
        packings.append(Packing(tmp_path / "together" / f"{lang}.zip", f"book-{lang}", files, added))
        write_zip(tmp_path / "alone" / f"{lang}.zip", f"book-{lang}", files, when, added)
    write_zips(packings, when, workers=3)
    for lang in ["en", "fr", "es"]:
        assert (tmp_path / "together" / f"{lang}.zip").read_bytes() == (tmp_path / "alone" / f"{lang}.zip").read_bytes()
    with zipfile.ZipFile(tmp_path / "together" / "fr.zip") as archive:
        assert archive.read("book-fr/fr/comments/on/iv-b-17.js") == big.read_bytes()
        assert archive.read("book-fr/index.html") == b"start fr"


def test_a_failure_while_packing_side_by_side_stops_the_build(offline_tree: Path, tmp_path: Path) -> None:
    files = members(offline_tree, "en", languages=["en", "fr", "es"], default="en")
    (offline_tree / "index.html").unlink()
    with pytest.raises(FileNotFoundError):
        write_zips([Packing(tmp_path / "en.zip", "book", files)], dt.datetime(2026, 11, 23, tzinfo=dt.UTC), workers=2)


# --- The real build's ZIPs ---------------------------------------------------------------------


# Why: each language's ZIP of a built site, unpacked as a reader would: language -> the folder it holds.
def unpack(site: Path, tmp_path_factory: pytest.TempPathFactory, name: str) -> dict[str, Path]:
    unpacked = {}
    for lang in LANGUAGES:
        target = tmp_path_factory.mktemp(f"{name}-{lang}")
        with zipfile.ZipFile(site / PREFIX[lang] / ZIP.format(lang=lang)) as archive:
            archive.extractall(target)
        unpacked[lang] = target / FOLDER.format(lang=lang)
    return unpacked


@pytest.fixture(scope="module")
def editions(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The ZIPs of a build with a published address."""
    return unpack(built_site, tmp_path_factory, "offline")


@pytest.fixture(scope="module")
def unaddressed_editions(unaddressed_site: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The ZIPs of a build without one, as `make serve` offers them."""
    return unpack(unaddressed_site, tmp_path_factory, "unaddressed")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_home_page_offers_every_zip_with_its_size(built_site: Path, lang: str) -> None:
    soup = parse(built_site / PREFIX[lang] / "index.html")
    links = soup.select("a[type='application/zip'][download]")
    assert [a["hreflang"] for a in links] == LANGUAGES
    for link in links:
        target = (built_site / PREFIX[lang] / str(link["href"])).resolve()
        assert target.is_file() and target.name == ZIP.format(lang=link["hreflang"])
        kilobytes = -(-target.stat().st_size // 1000)
        assert f"ZIP, {kilobytes}{UNIT_SPACE[lang]}K" in str(link.parent.get_text())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_zip_holds_one_whole_edition_and_nothing_for_a_server(editions: dict[str, Path], lang: str) -> None:
    folder = editions[lang]
    assert [p.name for p in folder.parent.iterdir()] == [folder.name]  # one folder, named for the edition
    names = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    own = PREFIX[lang]
    assert {f"{own}{page}.html" for page in PAGES} <= names
    assert {f"{own}search/search_index.js", f"{own}babies-and-small-children-residing-in-prisons-{lang}.pdf"} <= names
    assert "index.html" in names  # what a reader opens first
    others = [PREFIX[o] for o in LANGUAGES if o != lang and PREFIX[o]]
    assert not [n for n in names if any(n.startswith(o) for o in others)]
    assert not [n for n in names if n.endswith((".map", "sitemap.xml", "sitemap.xml.gz", "404.html"))]
    assert not [n for n in names if n.endswith(".pdf") and not n.endswith(f"-{lang}.pdf")]


@pytest.mark.parametrize(
    ("lang", "words"), [("fr", "Ouvrir l’édition française"), ("es", "Abrir la edición en español")]
)
def test_a_translated_editions_zip_opens_on_a_page_in_its_language(
    editions: dict[str, Path], lang: str, words: str
) -> None:
    """The first page (it forwards at once, so it is read here rather than checked with axe)."""
    soup = parse(editions[lang] / "index.html")
    assert soup.html is not None and soup.html["lang"] == lang
    assert soup.title is not None and soup.select_one("main h1") is not None
    link = soup.select_one("main a")
    assert link is not None and link["href"] == f"{lang}/index.html" and link.get_text() == words


def test_the_worker_shim_is_iframe_worker_as_published_on_npm() -> None:
    vendored = ROOT / "overrides/assets/javascripts/vendor/iframe-worker-shim.js"
    published = ROOT / "node_modules/iframe-worker/shim/index.js"
    assert published.is_file(), "run `npm ci` (make test does)"
    assert vendored.read_bytes() == published.read_bytes()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_offline_link_is_broken_and_none_leads_elsewhere_but_the_website(
    editions: dict[str, Path], site_url: str, lang: str
) -> None:
    folder = editions[lang]
    report = check(folder, sorted(folder.rglob("*.html")), served=False)
    assert report.broken == []
    assert report.anchors_checked > 400
    # The website (other languages), the address the 2005 text gives, Material's credit in the footer.
    assert report.external <= {site_url, "http://www.quno.org", "https://squidfunk.github.io"}


# Without the website's address, what the ZIP lacks (other languages' pages and documents) is named, not linked.
@pytest.mark.parametrize("lang", LANGUAGES)
def test_without_a_published_address_no_offline_link_is_broken_or_leads_elsewhere(
    unaddressed_editions: dict[str, Path], lang: str
) -> None:
    folder = unaddressed_editions[lang]
    report = check(folder, sorted(folder.rglob("*.html")), served=False)
    assert report.broken == []
    assert report.anchors_checked > 400
    assert report.external <= {"http://www.quno.org", "https://squidfunk.github.io"}


@pytest.mark.parametrize("addressed", [True, False], ids=["addressed", "unaddressed"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_zip_holds_its_edition_as_data_and_its_home_page_links_it(
    editions: dict[str, Path], unaddressed_editions: dict[str, Path], lang: str, addressed: bool
) -> None:
    folder = (editions if addressed else unaddressed_editions)[lang]
    home = folder / PREFIX[lang] / "index.html"
    hrefs = {str(a["href"]) for a in parse(home).select("a[type^='application/']")}
    for name in (f"data/edition-{lang}.json", "data/edition.schema.json"):
        assert (folder / name).is_file()
        assert any((home.parent / href).resolve() == (folder / name).resolve() for href in hrefs), name


@pytest.mark.parametrize("lang", LANGUAGES)
def test_without_a_published_address_the_citation_files_give_no_address(
    unaddressed_editions: dict[str, Path], lang: str
) -> None:
    cite = unaddressed_editions[lang] / PREFIX[lang] / "cite"
    bib = (cite / "edition.bib").read_text(encoding="utf-8")
    assert [line for line in bib.splitlines() if line.strip().startswith("url")] == []
    ris = (cite / "edition.ris").read_text(encoding="utf-8")
    assert [line for line in ris.splitlines() if line.startswith("UR")] == []
    assert "URL" not in json.loads((cite / "edition.json").read_text(encoding="utf-8"))[0]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_offline_pages_load_nothing_from_another_host(editions: dict[str, Path], lang: str) -> None:
    for path in editions[lang].rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        sources = [str(e.get("src")) for e in soup.select("script[src], img[src], iframe[src]")]
        sources += [str(e.get("href")) for e in soup.select("link[href]")]
        assert [s for s in sources if urlsplit(s).scheme or s.startswith("//")] == [], path


# --- From the file system, in Chromium ---------------------------------------------------------


@pytest.fixture
def file_page(browser: Browser) -> Iterator[Page]:
    """A fresh page that fails the test if it requests anything but files, or logs an error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    elsewhere: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: None if r.url.startswith("file://") else elsewhere.append(r.url))
    page.on("requestfailed", lambda r: errors.append(f"failed: {r.url}"))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    assert elsewhere == [] and errors == []


@pytest.mark.parametrize(
    ("lang", "query", "finds"),
    [("en", "imprisoned", "imprison"), ("fr", "enfants", "enfant"), ("es", "niños", "niño")],
)
def test_from_the_file_system_the_edition_opens_and_searches_in_its_language(
    file_page: Page, editions: dict[str, Path], lang: str, query: str, finds: str
) -> None:
    folder = editions[lang]
    file_page.goto((folder / "index.html").as_uri())
    expect(file_page).to_have_url((folder / PREFIX[lang] / "index.html").as_uri())
    expect(file_page.locator("html")).to_have_attribute("lang", lang)
    hrefs = search(file_page, query)
    assert hrefs and all(h.startswith((folder / PREFIX[lang]).as_uri()) for h in hrefs), hrefs
    marks = [m.casefold() for m in file_page.locator(".md-search-result mark").all_inner_texts()]
    assert any(finds in m and m != query for m in marks), marks


@pytest.mark.parametrize("lang", LANGUAGES)
def test_from_the_file_system_a_paragraph_number_finds_and_opens_that_paragraph(
    file_page: Page, editions: dict[str, Path], lang: str
) -> None:
    edition = editions[lang] / PREFIX[lang]
    file_page.goto((edition / "foreword.html").as_uri())
    hrefs = search(file_page, "IV.b.17")
    found = [urlunsplit(urlsplit(h)._replace(query="")) for h in hrefs]
    assert f"{(edition / 'specific-issues.html').as_uri()}#iv-b-17" in found, found[:5]
    file_page.goto(f"{(edition / 'specific-issues.html').as_uri()}#iv-b-17")
    expect(file_page.locator("#iv-b-17")).to_be_in_viewport()


def test_offline_the_language_switch_leads_to_the_same_place_on_the_website(
    checked_pages: CheckedPages, editions: dict[str, Path], site_url: str
) -> None:
    page = checked_pages.open(site_url, also=(editions["fr"].as_uri(),))
    page.goto(f"{(editions['fr'] / 'fr/specific-issues.html').as_uri()}#iv-b-17")
    switch_language(page, "es")
    expect(page).to_have_url(f"{site_url}/es/specific-issues/#iv-b-17")
    expect(page.locator("#iv-b-17")).to_be_in_viewport()


@pytest.mark.parametrize(
    ("lang", "name"),
    [("en", "index.html"), ("fr", "fr/index.html"), ("fr", "fr/comments.html"), ("es", "es/specific-issues.html")],
)
def test_offline_pages_have_no_wcag_violation(file_page: Page, editions: dict[str, Path], lang: str, name: str) -> None:
    file_page.goto((editions[lang] / name).as_uri())
    file_page.wait_for_load_state("load")
    open_every_panel(file_page)
    assert axe_violations(file_page, preload=False) == []
