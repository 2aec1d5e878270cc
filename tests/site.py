"""Reading the built site the way the tests need it: parsed pages, edition text, assets."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path

import yaml
from bs4 import BeautifulSoup, Tag
from pypdf import PdfReader

# The English pages in reading order (nav order), as built with directory URLs.
PAGES = [
    "index.html",
    "foreword/index.html",
    "introduction/index.html",
    "international-provisions/index.html",
    "general-issues/index.html",
    "specific-issues/index.html",
    "women-in-prison/index.html",
    "contact/index.html",
]


# Every page of an edition, in nav order, read from mkdocs.yml: the 2005 text and the edition's own
# pages (annexes, comments, accessibility, tools), so a new page needs no list re-typed in the tests.
def _nav_pages() -> list[str]:
    from mkdocs.utils.yaml import yaml_load

    with (Path(__file__).resolve().parent.parent / "mkdocs.yml").open(encoding="utf-8") as file:
        nav = yaml_load(file)["nav"]
    sources = [next(iter(entry.values())) for entry in nav]
    return [
        name.replace(".md", ".html") if name == "index.md" else name.removesuffix(".md") + "/index.html"
        for name in sources
    ]


ALL_PAGES = _nav_pages()

# Each edition's folder below the site root.
EDITION_PREFIX = {"en": "", "fr": "fr/", "es": "es/"}

# The words of the edition's apparatus, per language, as the build reads them.
LABELS: dict[str, dict[str, str]] = yaml.safe_load(
    (Path(__file__).resolve().parent.parent / "data" / "labels.yml").read_text(encoding="utf-8")
)

# The edition's apparatus, which is not text of the 2005 publication.
APPARATUS = [
    ".edition-orientation",
    ".edition-files",  # the home page's citation and data files
    ".edition-text-only",  # the "2005 text only" switch
    ".xref__tip",
    ".headerlink",
    "sup[id^='fnref']",
    ".footnote-backref",
    ".guideline__number",
    ".guideline__rests-on",
    ".provision__caption",
    ".instruments__provisions",
    ".law-since",  # Law since 2005: the edition's dated annotation
]


def parse(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def article(soup: BeautifulSoup) -> Tag:
    found = soup.select_one("article.md-content__inner")
    assert found is not None
    return found


# Why: the publication's own words on a page, apparatus removed, whitespace folded.
def edition_text(soup: BeautifulSoup) -> str:
    content = BeautifulSoup(str(article(soup)), "lxml")
    for selector in APPARATUS:
        for node in content.select(selector):
            node.decompose()
    return " ".join(content.get_text("").split())


def html_files(site: Path) -> Iterator[Path]:
    yield from sorted(site.rglob("*.html"))


# Why: what a reader of a PDF reads, whitespace as one space; pypdf takes ~3 s a PDF, and a dozen tests read
# the session's three, so each file's words are extracted once (keyed on its size and time, as a rebuilt PDF
# is another file).
def pdf_words(path: Path) -> str:
    return " ".join(pdf_pages(path))


# Why: each page's words of a PDF (whitespace as one space), for tests that look page by page; read once, as above.
def pdf_pages(path: Path) -> tuple[str, ...]:
    stat = path.stat()
    return _pdf_pages(path, stat.st_size, stat.st_mtime_ns)


@functools.cache
def _pdf_pages(path: Path, size: int, mtime_ns: int) -> tuple[str, ...]:
    return tuple(" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages)
