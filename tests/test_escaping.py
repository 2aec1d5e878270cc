"""Nothing that arrives by pull request runs in a reader's browser: one build with a hostile payload
appended to every string of every data file (``data/*.yml``, every string leaf) and to every text a
guideline paragraph or a heading can hold, in every language, finds no live payload on any page of
the website or of an offline ZIP, and none in any search index; the strings the build must refuse
(ids, symbols, dates, quotations checked against their sources) are refused, naming file and field.

The payload closes an attribute, a script and a title before its element, and carries a marker
naming where it was put (``data-marker="m12"``), so a leak says which string leaked.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import lxml.html
import pytest
import yaml
from markupsafe import Markup

from edition.downloads.sizes import PendingSizes, fill_pages
from edition.frame.search_index import guideline_entries
from edition.shared.safe_html import autoescape_in, css_string, edition_html, escaped
from tests.conftest import ROOT, BuildResult, copy_project, run_build

DATA = tuple(sorted(path.name for path in (ROOT / "data").glob("*.yml")))  # every data file
TEXT_PAGES = ("general-issues.md", "specific-issues.md")  # the guideline paragraphs and their headings
LANGUAGES = ("en", "fr", "es")
MARKER = "data-marker"
Path_ = tuple[str | int, ...]  # where a string sits in its file: keys and list positions

# The strings a build checks and refuses (ids, references, symbols, dates, kinds, verbatim quotations):
# (file, pattern over the leaf's dotted path). They are left out of the build that must succeed, and
# make the build that must fail.
REFUSED = [
    ("edition.yml", r"version|date|publication\.(date|address)|editors\.(url|relation_to_quno)"),
    ("instruments.yml", r"\d+\.id"),
    ("provisions.yml", r"\d+\.(id|location\.(unit|number|paragraph)|source_text\.\w+\.(symbol|reproduced_by))"),
    ("provisions.yml", r"\d+\.instrument"),
    ("later-law.yml", r"status_as_of|(instruments|rules)\.\d+\.(id|date|instrument|region|reproduced_by\.\w+)"),
    ("later-law.yml", r"paragraphs\..*\.(none|rules\.\d+\.(rule|reason))|provisions\.[^.]+\.(status|later\.\d+)"),
    ("practice.yml", r"\d+\.(id|source|language|kind|citation\.date|bears_on\.\d+\.paragraph)"),
    ("practice.yml", r"\d+\.(citation\.(author|title|date_as_given)|quotations\.\d+\.text|facts\..*)"),
]


def payload(marker: str) -> str:
    return f"\"'></script></title></textarea><img src=x onerror=alert() {MARKER}={marker}>"


# ---------------------------------------------------------------------------------------------
# Putting the payloads in


def string_leaves(value: Any, path: Path_ = ()) -> Iterator[tuple[Path_, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from string_leaves(item, (*path, key))
    elif isinstance(value, list):
        for position, item in enumerate(value):
            yield from string_leaves(item, (*path, position))


def dotted(path: Path_) -> str:
    return ".".join(str(part) for part in path)


def is_refused(file: str, path: Path_) -> bool:
    return any(name == file and re.fullmatch(pattern, dotted(path)) for name, pattern in REFUSED)


def with_payloads(value: Any, path: Path_, marker: Callable[[Path_], str | None]) -> Any:
    if isinstance(value, str):
        mark = marker(path)
        return value if mark is None else value + payload(mark)
    if isinstance(value, dict):
        return {key: with_payloads(item, (*path, key), marker) for key, item in value.items()}
    if isinstance(value, list):
        return [with_payloads(item, (*path, n), marker) for n, item in enumerate(value)]
    return value


@dataclass
class Markers:
    """Every marker put in, and where (``data/labels.yml: en.source``, ``docs/fr/…: III.a.1``)."""

    where: dict[str, str]

    # Why: letters only (numbers in the practice notes are checked against their sources).
    def add(self, place: str) -> str:
        number, name = len(self.where), ""
        while True:
            number, digit = divmod(number, 26)
            name += "abcdefghijklmnopqrstuvwxyz"[digit]
            if not number:
                break
        self.where["m" + name] = place
        return "m" + name


# Why: every string leaf of the data files, those the build refuses (``refused=True``: those of ``only``,
# a line of ``REFUSED``) or the others.
def hostile_data(project: Path, markers: Markers, *, refused: bool, only: tuple[str, str] | None = None) -> None:
    for name in DATA:
        path = project / "data" / name
        data = yaml.safe_load(path.read_text(encoding="utf-8"))

        def marker(leaf: Path_, name: str = name) -> str | None:
            if is_refused(name, leaf) != refused:
                return None
            if only is not None and (name != only[0] or not re.fullmatch(only[1], dotted(leaf))):
                return None
            return markers.add(f"data/{name}: {dotted(leaf)}")

        changed = with_payloads(data, (), marker)
        path.write_text(yaml.safe_dump(changed, allow_unicode=True, sort_keys=False, width=10**6), encoding="utf-8")


# Why: a paragraph or heading shows "<img …>" as words as a code span or as entities, and a paragraph in
# the label of a reference too. (Markdown takes "\\<img …>" and "<img …>" as the page's own HTML.)
def hostile_text(markers: Markers, place: str, *, paragraph: bool) -> str:
    code = payload(markers.add(f"{place} (code span)"))
    entities = payload(markers.add(f"{place} (entities)")).replace("&", "&amp;").replace("<", "&lt;")
    label = f" [[crc|`{payload(markers.add(f'{place} (reference label)'))}`]]" if paragraph else ""
    return f" `{code}` {entities}{label}"


# Why: each guideline paragraph's first line and each heading (its id kept) of the pages of the text.
def hostile_pages(project: Path, markers: Markers) -> None:
    for lang in LANGUAGES:
        for name in TEXT_PAGES:
            path = project / "docs" / lang / name
            lines, out, after_directive = path.read_text(encoding="utf-8").splitlines(), [], False
            for line in lines:
                place = f"docs/{lang}/{name}: {line[:40]}"
                if line.startswith(("## ", "### ")):
                    # Before the heading's own `{ #id }`, if it has one: the id stays what the build checks.
                    words, brace, attributes = line.partition(" {")
                    line = f"{words}{hostile_text(markers, place, paragraph=False)}{brace}{attributes}"
                elif after_directive and line.strip():
                    line += hostile_text(markers, place, paragraph=True)
                after_directive = line.startswith("::: guideline ")
                out.append(line)
            path.write_text("\n".join(out) + "\n", encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# Looking for them in the output


@dataclass
class Findings:
    """What a built output shows: live markers (a leak), and markers seen as words (the payload arrived)."""

    live: list[str]
    seen: set[str]

    def add(self, other: Findings, *, where: str = "") -> None:
        self.live += [f"{where}{leak}" for leak in other.live]
        self.seen |= other.seen


def _markers_in(text: str) -> set[str]:
    return set(re.findall(rf"{MARKER}=(m[a-z]+)", text))


# Why: a live payload is an element carrying the marker or an event handler, or an attribute broken out of.
def html_findings(text: str, where: str) -> Findings:
    live: list[str] = []
    if not text.strip():
        return Findings(live, set())
    root = (
        lxml.html.document_fromstring(text)
        if "<html" in text[:500]
        else lxml.html.fragment_fromstring(text, create_parent="div")
    )
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        attributes = dict(element.attrib)
        if MARKER in attributes or "onerror" in attributes:
            live.append(f"{where}: <{element.tag} {MARKER}={attributes.get(MARKER)}>")
        for name, value in attributes.items():
            if '"' in name or "'" in name or "<" in name or "/" in name:
                live.append(f"{where}: attribute {name}={value[:60]!r} of <{element.tag}> broken")
    return Findings(live, _markers_in(text))


# Why: Material's search shows an entry's title and text as HTML.
def index_findings(index: dict[str, Any], where: str) -> Findings:
    found = Findings([], set())
    for doc in index["docs"]:
        for field in ("title", "text"):
            found.add(html_findings(doc.get(field) or "", f"{where} {doc['location']} ({field})"))
    return found


def site_findings(site: Path) -> Findings:
    found = Findings([], set())
    for page in sorted(site.rglob("*.html")):
        found.add(html_findings(page.read_text(encoding="utf-8"), str(page.relative_to(site))))
    for index in sorted(site.rglob("search_index.json")):
        found.add(index_findings(json.loads(index.read_text(encoding="utf-8")), str(index.relative_to(site))))
    for script in sorted(site.rglob("search_index.js")):  # the offline edition's, as Material's offline plugin
        text = script.read_text(encoding="utf-8").removeprefix("var __index = ")
        found.add(index_findings(json.loads(text), str(script.relative_to(site))))
    return found


# ---------------------------------------------------------------------------------------------
# The builds


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuildResult, Markers]:
    project = tmp_path_factory.mktemp("hostile") / "project"
    copy_project(project)
    markers = Markers({})
    hostile_data(project, markers, refused=False)
    hostile_pages(project, markers)
    # Why: a heading's old address lives on as an alias made from its words, which now end in payloads;
    # whether published addresses resolve is tests/test_headings.py's concern, not this build's.
    addresses = project / "data" / "published-addresses.txt"
    kept = [line for line in addresses.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    addresses.write_text("\n".join(kept) + "\n", encoding="utf-8")
    return run_build(project, project.parent / "site"), markers


@pytest.mark.build
def test_every_payload_is_inert_on_the_website_and_in_the_zips(
    hostile_build: tuple[BuildResult, Markers], tmp_path: Path
) -> None:
    result, markers = hostile_build
    assert result.returncode == 0, result.log
    found = site_findings(result.site)
    zips = sorted(result.site.rglob("*-offline.zip"))
    assert len(zips) == len(LANGUAGES)
    for number, packed in enumerate(zips):
        folder = tmp_path / f"zip-{number}"
        with zipfile.ZipFile(packed) as archive:
            archive.extractall(folder)
        found.add(site_findings(folder), where=f"{packed.name}: ")
    leaks = [f"{leak} (put in {markers.where.get(m, '?')})" for leak in found.live for m in _markers_in(leak)]
    assert not found.live, "\n".join(leaks or found.live)
    # Not a test that cannot fail: the payloads reached the pages, as words.
    places = {markers.where[m].split(":")[0] for m in found.seen}
    shown = {"data/labels.yml", "data/provisions.yml", "data/later-law.yml", "data/instruments.yml"}
    shown |= {"data/practice.yml"} | {f"docs/{lang}/{name}" for lang in LANGUAGES for name in TEXT_PAGES}
    assert shown <= places, shown - places
    forms = {markers.where[m].rsplit(" (", 1)[-1] for m in found.seen if markers.where[m].startswith("docs/")}
    assert forms == {"code span)", "entities)", "reference label)"}, forms
    assert len(found.seen) > len(markers.where) // 2


@pytest.mark.build
def test_every_payload_is_inert_in_the_search_indexes(hostile_build: tuple[BuildResult, Markers]) -> None:
    result, markers = hostile_build
    assert result.returncode == 0, result.log
    for lang in LANGUAGES:
        prefix = "" if lang == "en" else f"{lang}/"
        index = json.loads((result.site / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
        found = index_findings(index, f"{prefix}search_index.json")
        assert not found.live, "\n".join(found.live)
        paragraphs = {markers.where[m] for m in found.seen if f"docs/{lang}/" in markers.where[m]}
        assert any("(code span)" in place for place in paragraphs), "the paragraphs' payloads are not in search"


# One build per group: a build reports the problems of one stage at once (schemas, then references,
# then quotations against their sources), every value of that stage with its file and field.
@pytest.mark.build
@pytest.mark.parametrize(("file", "pattern"), REFUSED, ids=[f"{f}:{n}" for n, (f, _) in enumerate(REFUSED)])
def test_the_strings_a_build_checks_are_refused_naming_file_and_field(file: str, pattern: str, tmp_path: Path) -> None:
    project = tmp_path / "project"
    copy_project(project)
    markers = Markers({})
    hostile_data(project, markers, refused=True, only=(file, pattern))
    assert markers.where, "no string matched"
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "Traceback" not in result.log, result.log
    lines = [line for line in result.log.splitlines() if f"data/{file}" in line]
    for place in markers.where.values():
        field = next(part for part in reversed(place.split(": ", 1)[1].split(".")) if not part.isdigit())
        assert any(field in line for line in lines), (place, result.log[-3000:])


# ---------------------------------------------------------------------------------------------
# The one escaping rule, piece by piece


@pytest.mark.parametrize(
    ("name", "escapes"),
    [
        ("main.html", True),
        ("checklist.html", True),
        ("partials/copyright.html", True),
        ("partials/edition/xref.html", True),
        ("base.html", False),  # Material's own, which prints the page's HTML
        ("partials/content.html", False),
        (None, False),
    ],
)
def test_the_edition_templates_escape_and_materials_keep_their_rule(name: str | None, escapes: bool) -> None:
    assert autoescape_in(ROOT / "overrides")(name) is escapes


def test_the_edition_html_passes_and_plain_text_is_escaped() -> None:
    assert isinstance(edition_html("<a>x</a>"), Markup)
    assert escaped("<b>'\"&") == "&lt;b&gt;&#39;&#34;&amp;"


# A code span with markup in a paragraph: words in the search entry, escaped as Material's own entries are.
def test_a_paragraph_entry_holds_its_words_escaped() -> None:
    html = (
        '<div class="guideline" id="iv-b-17"><p class="guideline__number"><a>IV.b.17</a></p>'
        "<p>See <code>&lt;img src=x onerror=alert(1)&gt;</code> &amp; more.</p></div>"
    )
    [entry] = guideline_entries(html, page_location="specific-issues/")
    assert entry.text == "See &lt;img src=x onerror=alert(1)&gt; &amp; more."
    assert entry.title == "IV.b.17"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Page", "Page"),
        ("p. 3 of", "p. 3 of"),
        ("Página", "Página"),
        ('a"b', "a\\000022b"),
        ("d'x & </style>", "d\\000027x \\000026 \\00003c\\00002fstyle\\00003e"),
        ("«\\»", "\\0000ab\\00005c\\0000bb"),
    ],
)
def test_words_in_a_css_string_are_css_escaped(text: str, expected: str) -> None:
    assert css_string(text) == expected


# A size filled into the finished pages (after every template) is escaped there.
def test_a_download_size_is_filled_in_escaped(tmp_path: Path) -> None:
    sizes = PendingSizes("pdf", label="pdf_size")
    page = tmp_path / "index.html"
    page.write_text(f"<p>({sizes.token('en', 'en')})</p>", encoding="utf-8")
    sizes.sizes["en"] = 1500
    labels = {"en": {"pdf_size": "PDF <b>{size}</b>", "kilobytes": "{size} KB"}}
    fill_pages(tmp_path, [sizes], labels)
    assert page.read_text(encoding="utf-8") == "<p>(PDF &lt;b&gt;2 KB&lt;/b&gt;)</p>"
