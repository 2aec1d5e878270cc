"""Source notes as a reader meets them: one line per quotation in the page's language (the official
document, whether its wording was compared, the publisher of a reproduction), while the research trail
(hosts, file numbers, the search tool used) stays in data/provisions.yml and data/later-law.yml and
never reaches a page, a search index or a PDF."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from edition.shared.problems import EditionError
from edition.text.registry import load_registry
from tests.conftest import ROOT
from tests.site import pdf_words
from tests.test_pdf import LANGUAGES, pdf_path

# Addresses the 2005 text itself prints (docs/en/index.md, contact.md, foreword.md): QUNO's website,
# its e-mail domain, the author's e-mail domain, and the misprint the editor's note under the foreword quotes.
ALLOWED_HOSTS = {"www.quno.org", "quno.org", "quno.ch", "infomaniak.ch", "www.quono.org"}
HOST = re.compile(
    r"\b(?:[a-z0-9-]+\.)+(?:com|org|net|fun|fr|es|info|site|pub|ch|ar|int|be|ca|cl|eu|ie|us|ec|pk)\b", re.IGNORECASE
)
# What a research log says and a reader should not meet: the tool, the index and its file numbers,
# the names of copy sites without their domain.
FORBIDDEN = [
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"search tool",
        r"outil de recherche",
        r"herramienta de búsqueda",
        r"\bindexed by\b",
        r"\bdel índice\b",
        r"n\.º\s*\d+",
        r"\b\d{9,}\b",
        r"\b(?:scribd|yumpu|doczz|docslib|123dok|studylib|pdfslide|memoireonline|adattar|skal|docsbay)\b",
    )
]


def offences(text: str) -> list[str]:
    found = [m.group(0) for m in HOST.finditer(text) if m.group(0).casefold() not in ALLOWED_HOSTS]
    return found + [m.group(0) for pattern in FORBIDDEN for m in pattern.finditer(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("copie consultée sur l’hôte 645012.skal.fun, par. 3", ["645012.skal.fun", "skal"]),
        ("archivo n.º 25148505760 del índice", ["del índice", "n.º 25148505760", "25148505760"]),
        ("l’outil de recherche n’en a rendu que le début", ["outil de recherche"]),
        ("sur memoireonline.com et 123dok.net", ["memoireonline.com", "123dok.net", "memoireonline", "123dok"]),
        ("Website: www.quno.org; e-mail quno@quno.ch, malejos@infomaniak.ch; the original reads www.quono.org", []),
        ("une liste indexée par numéro de paragraphe", []),
        ("Texte officiel : A/RES/44/25 ; libellé comparé avec une reproduction du texte officiel.", []),
        ("Official text: A/RES/65/229; wording compared with its reproduction by Children of Prisoners Europe.", []),
    ],
)
def test_the_pattern_list_finds_a_research_log(text: str, expected: list[str]) -> None:
    assert sorted(offences(text)) == sorted(expected)


# Why: what a reader (or a screen reader, or a search engine) reads of a page: its text and the
# attributes that are read out, never the addresses links point to.
def page_text(path: Path) -> str:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
    for node in soup(["script", "style"]):
        node.decompose()
    attributes = [
        str(value)
        for node in soup.find_all(True)
        for name in ("title", "aria-label", "alt", "content", "data-tip")
        if (value := node.get(name))
    ]
    return " ".join([soup.get_text(" "), *attributes])


@pytest.mark.build
def test_no_research_log_on_any_page(built_site: Path) -> None:
    found = {
        str(path.relative_to(built_site)): hits
        for path in sorted(built_site.rglob("*.html"))
        if (hits := offences(page_text(path)))
    }
    assert found == {}


@pytest.mark.build
def test_no_research_log_in_any_search_index(built_site: Path) -> None:
    indexes = sorted(built_site.rglob("search_index.json"))
    assert indexes
    found = {}
    for path in indexes:
        docs = json.loads(path.read_text(encoding="utf-8"))["docs"]
        hits = [hit for doc in docs for hit in offences(f"{doc.get('title', '')} {doc.get('text', '')}")]
        if hits:
            found[str(path.relative_to(built_site))] = hits
    assert found == {}


@pytest.mark.build
@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_research_log_in_the_pdf(built_site: Path, lang: str) -> None:
    text = pdf_words(pdf_path(built_site, lang))
    assert offences(text) == []


def test_a_quotation_without_its_publisher_field_fails_with_file_and_line(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    path = data / "provisions.yml"
    lines = path.read_text(encoding="utf-8").split("\n")
    start = lines.index("- id: crc-9-1")
    dropped = next(i for i in range(start, len(lines)) if lines[i].startswith("      reproduced_by: "))
    path.write_text("\n".join(lines[:dropped] + lines[dropped + 1 :]), encoding="utf-8")
    with pytest.raises(EditionError) as caught:
        load_registry(data)
    problems = [(p.path, p.line, p.message.split(".", 1)[1]) for p in caught.value.problems]
    # The record's line (its "- id:"), counted from 1.
    assert problems == [("data/provisions.yml", start + 1, "source_text.fr: 'reproduced_by' is a required property")]
