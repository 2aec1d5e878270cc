"""The downloads' decisions without a build: names and sizes, the PDF's context and its refused attachments,
what each ZIP holds and when it is made again, the edition as data assembled, the comparison page's context.
"""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from edition.comments.data import data_script, read_script
from edition.comments.text import RefSlot
from edition.downloads.build_cache import ProductCache
from edition.downloads.colophon import EXAMPLE_NUMBER, colophon, example_path
from edition.downloads.edition_data import (
    DOCUMENT,
    SCHEMA,
    TEXTS,
    TEXTS_RECEIVER,
    Chapter,
    LanguageEdition,
    assemble_documents,
    document_files,
    texts_script,
)
from edition.downloads.offline import (
    comment_files,
    offline_alternates,
    offline_comment_files,
    packings,
    start_page_context,
    website_url,
)
from edition.downloads.offline_build import OfflineEditionFailed, OfflineZips, Website
from edition.downloads.page_links import pdf_links
from edition.downloads.pdf_attachments import PDF_TEMPLATE, attachment_problems
from edition.downloads.pdf_document import Chapter as PdfChapter
from edition.downloads.pdf_document import document_context, pdf_templates
from edition.downloads.sizes import PDF_NAME, ZIP_NAME, PendingSizes, download_path
from edition.frame.facts import load_facts
from edition.shared.json_text import handed_data
from edition.text.crossrefs import CrossIndex, GuidelineEntry
from edition.text.links import edition_prefix
from edition.text.page_parts import PageParts, Paragraph, Section
from edition.text.registry import load_registry
from edition.tools.compare import comparison_context, comparison_href
from tests.conftest import ROOT

REGISTRY = load_registry(ROOT / "data")
FACTS = load_facts(ROOT / "data")
LANGUAGES = ["en", "fr", "es"]
EXPORTS = ["comments.csv", "comments.json", "comments.jsonld"]  # the website's comment exports, in every ZIP
LABELS = {"en": {"pdf_size": "PDF, {size}", "kilobytes": "{size} KB", "language_name": "English"}}


# ---------------------------------------------------------------------------------------------
# Names, places and sizes


@pytest.mark.parametrize(
    ("lang", "default", "expected"),
    [("en", "en", ""), ("fr", "en", "fr/"), ("es", "en", "es/"), ("en", "fr", "en/")],
)
def test_an_edition_is_at_the_root_or_in_its_language_folder(lang: str, default: str, expected: str) -> None:
    assert edition_prefix(lang, default) == expected


@pytest.mark.parametrize(
    ("name", "lang", "expected"),
    [
        (PDF_NAME, "en", "babies-and-small-children-residing-in-prisons-en.pdf"),
        (PDF_NAME, "fr", "fr/babies-and-small-children-residing-in-prisons-fr.pdf"),
        (ZIP_NAME, "en", "babies-and-small-children-residing-in-prisons-en-offline.zip"),
        (ZIP_NAME, "es", "es/babies-and-small-children-residing-in-prisons-es-offline.zip"),
    ],
)
def test_a_download_sits_beside_its_editions_home_page(name: str, lang: str, expected: str) -> None:
    assert download_path(name, lang, "en") == expected


@pytest.mark.parametrize(
    ("sizes", "expected"),
    [
        ({}, "edition-pdf-size-of-en-in-en-pending"),
        ({"en": 1500}, "PDF, 2 KB"),
        ({"fr": 1500}, "edition-pdf-size-of-en-in-en-pending"),
    ],
)
def test_a_size_not_known_yet_is_a_token(sizes: dict[str, int], expected: str) -> None:
    pending = PendingSizes("pdf", label="pdf_size")
    pending.sizes.update(sizes)
    assert pending.label("en", "en", LABELS) == expected
    assert pending.item("en", "en", "x.pdf", LABELS) == {
        "href": "x.pdf",
        "size": expected,
        "lang": "en",
        "name": "English",
    }


@pytest.mark.parametrize(
    ("path", "site_url", "expected"),
    [
        ("fr/specific-issues.html#iv-b-17", "https://example.org/", "https://example.org/fr/specific-issues/#iv-b-17"),
        ("fr/index.html", "https://example.org/e/", "https://example.org/e/fr/"),
        ("fr/a-fr.pdf", "https://example.org/", "https://example.org/fr/a-fr.pdf"),
        ("fr/index.html", "", None),
        ("fr/index.html", None, None),
    ],
)
def test_from_a_zip_the_website_is_at_its_published_address_or_nowhere(
    path: str, site_url: str | None, expected: str | None
) -> None:
    assert website_url(path, site_url=site_url) == expected


# ---------------------------------------------------------------------------------------------
# The PDF

PDF = "babies-and-small-children-residing-in-prisons-{lang}.pdf"
WORDS = {lang: {"pdf_download": f"PDF {lang}", "pdf_all": f"all {lang}", "language_name": lang} for lang in LANGUAGES}


@pytest.mark.parametrize(
    ("here", "home", "offline", "site_url", "own", "items"),
    [
        ("fr/iv/", False, False, None, "../" + PDF.format(lang="fr"), None),
        (
            "fr/",
            True,
            False,
            None,
            PDF.format(lang="fr"),
            ["../" + PDF.format(lang="en"), PDF.format(lang="fr"), "../es/" + PDF.format(lang="es")],
        ),
        (
            "fr/index.html",
            True,
            True,
            "https://e.org/",
            PDF.format(lang="fr"),
            [
                "https://e.org/" + PDF.format(lang="en"),
                PDF.format(lang="fr"),
                "https://e.org/es/" + PDF.format(lang="es"),
            ],
        ),
        ("fr/index.html", True, True, None, PDF.format(lang="fr"), [PDF.format(lang="fr")]),
    ],
)
def test_a_page_links_its_pdf_and_a_home_page_every_pdf_it_can_reach(
    here: str, home: bool, offline: bool, site_url: str | None, own: str, items: list[str] | None
) -> None:
    sizes = PendingSizes("pdf", label="pdf_size")
    links = pdf_links(
        sizes,
        lang="fr",
        languages=LANGUAGES,
        default="en",
        here=here,
        home=home,
        offline=offline,
        site_url=site_url,
        labels=WORDS,
    )
    assert links["edition_pdf"] == {"label": "PDF fr", **sizes.item("fr", "fr", own, WORDS)}
    if items is None:
        assert "edition_pdfs" not in links
    else:
        assert links["edition_pdfs"]["label"] == "all fr"
        assert [item["href"] for item in links["edition_pdfs"]["items"]] == items


def test_the_colophons_example_is_the_paragraphs_address_within_its_edition() -> None:
    index = CrossIndex(guidelines={EXAMPLE_NUMBER: GuidelineEntry(EXAMPLE_NUMBER, "fr/specific-issues.md", 1, (), "")})
    urls = {"fr/specific-issues.md": "fr/specific-issues/", "fr/index.md": "fr/"}
    assert example_path(index, urls=urls, prefix="fr/") == "specific-issues/#iv-b-17"


def test_the_pdf_document_is_given_its_chapters_endnotes_date_and_colophon() -> None:
    labels = REGISTRY.labels["fr"]
    chapters = [
        PdfChapter(url="", title="Accueil", html="<p>Un<!-- x --></p>"),
        PdfChapter(
            url="b/",
            title="B",
            html='<p>Deux<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup></p>'
            '<div class="footnote"><ol><li id="fn:1"><p>Note</p></li></ol></div>',
        ),
    ]
    where = {"site_url": "https://example.org/", "edition_path": "fr/", "example_path": "x/#y", "email": ""}
    context = document_context(
        chapters, lang="fr", title="T", subject="S", author="A", labels=labels, facts=FACTS, **where
    )
    assert [c["title"] for c in context["chapters"]] == ["Accueil", "B"]
    assert str(context["chapters"][0]["html"]) == "<p>Un</p>"
    assert len(context["endnotes"]) == 1 and "Note" in str(context["endnotes"][0])
    assert (context["lang"], context["title"], context["subject"], context["author"]) == ("fr", "T", "S", "A")
    assert context["date_iso"] == FACTS.date.isoformat() and str(FACTS.date.year) in context["date_text"]
    assert context["colophon"] == colophon(labels, FACTS, date_text=context["date_text"], **where)


def test_the_pdf_template_places_words_in_css_strings_escaped() -> None:
    template = pdf_templates(ROOT / "pdf").from_string('"{{ word | css_string }}"')
    assert template.render(word='a"b') == '"a\\000022b"'


def _sources(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / "docs").mkdir()
    page = tmp_path / "docs" / "page.md"
    page.write_text("Title\n\nSee [x](file:///etc/passwd){ rel=attachment }.\n", encoding="utf-8")
    (tmp_path / "data").mkdir()
    lines = ["a: file:///etc/hosts", "b: <a rel=attachment href=file:///etc/hosts>", "c: file:///etc/group"]
    (tmp_path / "data" / "labels.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return page, tmp_path / "data"


@pytest.mark.parametrize(
    ("href", "html", "expected"),
    [
        ("file:///etc/passwd", '<a rel="attachment" href="file:///etc/passwd">x</a>', ["docs/page.md:3"]),
        ("file:///etc/hosts", "<p>no link here</p>", ["data/labels.yml:2"]),  # the line that also says "attachment"
        ("file:///etc/group", "<p>no link here</p>", ["data/labels.yml:3"]),
        ("file:///nowhere", '<a rel="attachment" href="file:///nowhere">x</a>', ["docs/page.md"]),
        ("file:///nowhere", "<p>none</p>", [PDF_TEMPLATE]),
    ],
)
def test_a_refused_attachment_is_named_where_it_is_written(
    tmp_path: Path, href: str, html: str, expected: list[str]
) -> None:
    page, data = _sources(tmp_path)
    found = attachment_problems([href], pages=[(html, page), ("<p></p>", None)], data=data, root=tmp_path)
    assert found == [f"{place}: an attachment link to {href!r}, refused: the PDF embeds no file" for place in expected]


def test_no_attachment_no_problem(tmp_path: Path) -> None:
    assert attachment_problems([], pages=[], data=tmp_path / "missing", root=tmp_path) == []


# ---------------------------------------------------------------------------------------------
# The offline ZIPs


def _sites(tmp_path: Path) -> tuple[Path, Path]:
    offline, website = tmp_path / "offline", tmp_path / "website"
    for name in ["index.html", "iv.html", "fr/index.html", "fr/iv.html", "404.html", "assets/a.js"]:
        (offline / name).parent.mkdir(parents=True, exist_ok=True)
        (offline / name).write_text(name, encoding="utf-8")
    for name in [download_path(PDF_NAME, lang, "en") for lang in ("en", "fr")] + [
        DOCUMENT.format(lang="en"),
        DOCUMENT.format(lang="fr"),
        TEXTS.format(lang="en"),
        TEXTS.format(lang="fr"),
        SCHEMA,
        "comment.schema.json",
        *EXPORTS,
    ]:
        (website / name).parent.mkdir(parents=True, exist_ok=True)
        (website / name).write_text(name, encoding="utf-8")
    return offline, website


def test_each_zip_holds_its_pages_its_pdf_its_data_and_a_translations_start_page(tmp_path: Path) -> None:
    offline, website = _sites(tmp_path)
    planned = packings(
        offline_site=offline,
        website=website,
        folder=tmp_path / "zips",
        languages=["en", "fr"],
        default="en",
        start_pages={"fr": "<p>start</p>"},
    )
    assert planned["fr"].target == tmp_path / "zips" / "fr.zip"
    assert planned["fr"].folder == "babies-and-small-children-residing-in-prisons-fr"
    assert [name for name, _ in planned["en"].added] == ["babies-and-small-children-residing-in-prisons-en.pdf"]
    assert planned["fr"].added == [
        (
            "fr/babies-and-small-children-residing-in-prisons-fr.pdf",
            b"fr/babies-and-small-children-residing-in-prisons-fr.pdf",
        ),
        ("index.html", b"<p>start</p>"),
    ]
    data = ["data/edition.schema.json"]
    assert [name for name, _ in planned["en"].files] == [
        "assets/a.js",
        "index.html",
        "iv.html",
        "comment.schema.json",
        *EXPORTS,
        "data/edition-en.json",
        "data/edition-en.texts.js",
        *data,
    ]
    assert [name for name, _ in planned["fr"].files] == [
        "assets/a.js",
        "fr/index.html",
        "fr/iv.html",
        *EXPORTS,
        "data/edition-fr.json",
        "data/edition-fr.texts.js",
        *data,
    ]
    assert dict(planned["fr"].files)["data/edition-fr.json"] == website / "data/edition-fr.json"


def _alternates() -> list[dict[str, str]]:
    return [{"lang": "en", "link": "/iv.html#x"}, {"lang": "fr", "link": "/fr/"}, {"lang": "es", "link": "/es/iv.html"}]


@pytest.mark.parametrize(
    ("site_url", "expected"),
    [
        (
            "https://example.org/",
            [("en", "https://example.org/iv/#x"), ("fr", "/fr/index.html"), ("es", "https://example.org/es/iv/")],
        ),
        (None, [("fr", "/fr/index.html")]),
        ("", [("fr", "/fr/index.html")]),
    ],
)
def test_offline_the_language_switch_opens_its_own_files_and_the_website_for_the_others(
    site_url: str | None, expected: list[tuple[str, str]]
) -> None:
    alternates = _alternates()
    kept = alternates
    offline_alternates(alternates, lang="fr", site_url=site_url)
    assert alternates is kept  # the page's own list, which Material's template reads
    assert [(a["lang"], a["link"]) for a in alternates] == expected


@pytest.mark.parametrize(("lang", "default", "href"), [("fr", "en", "fr/index.html"), ("en", "fr", "en/index.html")])
def test_a_translated_zip_starts_on_a_way_into_its_folder(lang: str, default: str, href: str) -> None:
    labels = {"x": "y"}
    assert start_page_context(lang, default=default, site_name="N", labels=labels) == {
        "lang": lang,
        "site_name": "N",
        "href": href,
        "labels": labels,
    }


@dataclass(frozen=True)
class _Rendered:
    """A comment as ``comment_files`` reads it: its rendered pieces."""

    rendered: tuple[str | RefSlot, ...]


def test_each_commented_targets_file_in_each_language_says_whether_it_holds_links() -> None:
    by_target = {
        "IV.b.17": [_Rendered(("<p>plain</p>",)), _Rendered(("<p>see ", RefSlot("IV.b.1", None), "</p>"))],
        "crc-18-1": [_Rendered(("<p>plain</p>",))],
    }
    files = comment_files(by_target, languages=["en", "fr"], default="en")  # type: ignore[arg-type]
    assert files == {
        "comments/on/iv-b-17.js": True,
        "fr/comments/on/iv-b-17.js": True,
        "comments/on/crc-18-1.js": False,
        "fr/comments/on/crc-18-1.js": False,
    }


def _comment_file(href: str) -> str:
    article = {"html": f'<article><a class="xref__link" href="{href}">IV.b.1</a></article>'}
    return data_script(target="IV.b.17", lang="fr", articles=[article])


def test_the_websites_comment_files_are_copied_or_relinked_to_the_offline_pages(tmp_path: Path) -> None:
    offline, website = _sites(tmp_path)
    for name, href in [
        ("fr/c/plain.js", "../iv/#iv-b-1"),
        ("fr/c/linked.js", "../iv/#iv-b-1"),
        ("fr/c/broken.js", "../v/"),
    ]:
        (website / name).parent.mkdir(parents=True, exist_ok=True)
        (website / name).write_text(_comment_file(href), encoding="utf-8")
    files = {"fr/c/plain.js": False, "fr/c/linked.js": True, "fr/c/broken.js": True}
    problems = offline_comment_files(files, website=website, offline_site=offline)
    assert problems == ["fr/c/broken.js: '../v/' (from fr/c/) is no page of the offline edition"]
    assert (offline / "fr/c/plain.js").read_bytes() == (website / "fr/c/plain.js").read_bytes()
    (article,) = read_script((offline / "fr/c/linked.js").read_text(encoding="utf-8"))["comments"]
    assert 'href="../iv.html#iv-b-1"' in article["html"]
    assert not (offline / "fr/c/broken.js").exists()


class _Build:
    """A finished build of the offline variant, as ``BackgroundBuild`` gives it."""

    def __init__(self, folder: Path, site: Path, code: int = 0) -> None:
        self.folder, self.site, self.code, self.closed = folder, site, code, False

    def wait(self) -> tuple[int, str]:
        return self.code, "what the build said"

    def close(self) -> None:
        self.closed = True


def _zips(tmp_path: Path, *, serve: bool = False) -> OfflineZips:
    root = tmp_path / "project"
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    cache = ProductCache(tmp_path / "cache")
    return OfflineZips(root, cache=cache, variant="mkdocs.offline.yml", settings=[], serve=serve)


def _website(tmp_path: Path, comments: dict[str, str]) -> tuple[Website, Path]:
    offline, website = _sites(tmp_path)
    (offline / "index.html").write_text(PendingSizes("pdf", "pdf_size").token("fr", "en"), encoding="utf-8")
    for name, href in comments.items():
        (website / name).parent.mkdir(parents=True, exist_ok=True)
        (website / name).write_text(_comment_file(href), encoding="utf-8")
    sizes = PendingSizes("pdf", label="pdf_size")
    sizes.sizes.update({"en": 1500, "fr": 2500})
    parts = Website(
        website,
        ["en", "fr"],
        "en",
        comment_files=dict.fromkeys(comments, True),
        start_pages={"fr": "<p>start</p>"},
        pdf_sizes=sizes,
        labels={"en": LABELS["en"], "fr": LABELS["en"]},
    )
    return parts, offline


def test_zips_made_once_are_kept_until_what_they_are_made_from_changes(tmp_path: Path) -> None:
    website, offline = _website(tmp_path, {"fr/c/linked.js": "../iv/#iv-b-1"})
    first = _zips(tmp_path)
    first.build = build = _Build(tmp_path / "build", offline)  # type: ignore[assignment]
    zips = first.zips(website, date=dt.date(2026, 12, 6))
    assert build.closed and first.build is None and first.made_s is not None
    with zipfile.ZipFile(tmp_path / "build" / "fr.zip") as archive:
        folder = "babies-and-small-children-residing-in-prisons-fr/"
        assert archive.read(folder + "index.html") == b"<p>start</p>"
        assert b"iv.html#iv-b-1" in archive.read(folder + "fr/c/linked.js")  # relinked to the offline page
        assert archive.getinfo(folder + "index.html").date_time == (2026, 12, 6, 0, 0, 0)
    with zipfile.ZipFile(tmp_path / "build" / "en.zip") as archive:
        assert archive.read("babies-and-small-children-residing-in-prisons-en/index.html") == b"PDF, 3 KB"
    assert zips == {lang: (tmp_path / "build" / f"{lang}.zip").read_bytes() for lang in ("en", "fr")}

    again = _zips(tmp_path)
    again.start()
    assert again.build is None  # the cache has seen these inputs: no early build
    again.build = unused = _Build(tmp_path / "unused", offline, code=1)  # type: ignore[assignment]
    assert again.zips(website, date=dt.date(2026, 12, 6)) == zips
    assert unused.closed  # an early build no ZIP is made from is stopped

    (website.site / download_path(PDF_NAME, "fr", "en")).write_bytes(b"another pdf")
    changed = _zips(tmp_path)
    changed.build = _Build(tmp_path / "build", offline)  # type: ignore[assignment]
    remade = changed.zips(website, date=dt.date(2026, 12, 6))
    assert remade["fr"] != zips["fr"]


def test_under_serve_the_last_zips_stand_in(tmp_path: Path) -> None:
    website, _ = _website(tmp_path, {})
    zips = _zips(tmp_path, serve=True)
    for lang in ("en", "fr"):
        zips.cache.put(f"{lang}-offline.zip", "some-key", f"last {lang} zip".encode())
    zips.start()
    assert zips.build is None
    assert zips.zips(website, date=dt.date(2026, 12, 6)) == {"en": b"last en zip", "fr": b"last fr zip"}
    assert zips.made_s is None


@pytest.mark.parametrize(
    ("code", "comments", "message"),
    [
        (1, {}, "^The offline edition's build failed:\nwhat the build said$"),
        (
            0,
            {"fr/c/broken.js": "../v/"},
            "^The offline edition's comment files link to missing pages:\n"
            "  fr/c/broken.js: '../v/' \\(from fr/c/\\) is no page of the offline edition$",
        ),
    ],
)
def test_an_offline_edition_that_cannot_be_made_stops_the_build_saying_why(
    tmp_path: Path, code: int, comments: dict[str, str], message: str
) -> None:
    website, offline = _website(tmp_path, comments)
    zips = _zips(tmp_path)
    zips.build = build = _Build(tmp_path / "build", offline, code=code)  # type: ignore[assignment]
    with pytest.raises(OfflineEditionFailed, match=message):
        zips.zips(website, date=dt.date(2026, 12, 6))
    assert build.closed


# ---------------------------------------------------------------------------------------------
# The edition as data


def _edition(lang: str) -> LanguageEdition:
    prefix = edition_prefix(lang, "en")
    section = Section(anchor="b-management", title="b.")
    paragraph = Paragraph("IV.b.17", "iv-b-17", "<p>Text</p>", "Text", section.anchor)
    chapter = Chapter(title="IV", url=f"{prefix}specific-issues/", parts=PageParts([section], [paragraph]))
    return LanguageEdition(lang, f"Title {lang}", prefix, [chapter], provision_pages={}, rests_on={})


def test_each_languages_document_is_assembled_with_its_own_address_and_the_schemas() -> None:
    editions = {lang: _edition(lang) for lang in LANGUAGES}
    documents, problems = assemble_documents(
        editions, registry=REGISTRY, facts=FACTS, comments=[], site_url="https://example.org/", schema={}
    )
    assert problems == [] and list(documents) == LANGUAGES
    assert documents["fr"]["$schema"] == "https://example.org/data/edition.schema.json"
    assert documents["fr"]["edition"]["address"] == "https://example.org/fr/"
    assert documents["es"]["paragraphs"][0]["address"] == "https://example.org/es/specific-issues/#iv-b-17"


def test_every_mismatch_is_named_by_its_document() -> None:
    editions = {lang: _edition(lang) for lang in ("en", "fr")}
    schema = {"type": "object", "required": ["missing"]}
    _, problems = assemble_documents(editions, registry=REGISTRY, facts=FACTS, comments=[], site_url="", schema=schema)
    assert problems == [
        "data/edition-en.json: (top): 'missing' is a required property",
        "data/edition-fr.json: (top): 'missing' is a required property",
    ]


def test_the_documents_are_written_compact_and_the_schema_readable() -> None:
    document = {"a": "é", "paragraphs": [], "provisions": []}
    files = document_files({"en": document}, schema={"title": "S"})
    assert files["data/edition-en.json"] == '{"a":"é","paragraphs":[],"provisions":[]}\n'
    assert files["data/edition.schema.json"] == '{\n "title": "S"\n}\n'
    assert json.loads(files["data/edition-en.json"]) == document
    assert set(files) == {"data/edition-en.json", "data/edition-en.texts.js", "data/edition.schema.json"}


def test_the_texts_script_hands_over_each_paragraph_and_provision_text_inert() -> None:
    document = {
        "paragraphs": [{"id": "IV.b.17", "text": "Words </script><script>alert(1)</script> & more"}],
        "provisions": [{"id": "crc-3-1", "text": "In all actions « concerning » children"}],
    }
    script = texts_script(document, lang="fr")
    assert "<" not in script and ">" not in script.replace("=>", "") and "&" not in script.replace("&&", "")
    assert handed_data(script, receiver=TEXTS_RECEIVER) == {
        "lang": "fr",
        "texts": [["IV.b.17", document["paragraphs"][0]["text"]], ["crc-3-1", document["provisions"][0]["text"]]],
    }


# ---------------------------------------------------------------------------------------------
# The comparison pages


@pytest.mark.parametrize(
    ("here", "lang", "offline", "site_url", "other", "path", "expected"),
    [
        ("fr/compare/", "fr", False, None, "en", "specific-issues/#iv-b-17", "../../specific-issues/#iv-b-17"),
        ("fr/compare/", "fr", False, None, "fr", "fr/specific-issues/", "../specific-issues/"),
        ("fr/compare/", "fr", False, None, "fr", "#crc", "#crc"),
        ("fr/compare/", "fr", False, None, "fr", "fr/compare/#x", "./#x"),
        ("fr/compare.html", "fr", True, "https://e.org/", "fr", "fr/iv.html#iv-b-17", "iv.html#iv-b-17"),
        ("fr/compare.html", "fr", True, "https://e.org/", "en", "iv.html#iv-b-17", "https://e.org/iv/#iv-b-17"),
        ("fr/compare.html", "fr", True, None, "en", "iv.html#iv-b-17", None),
    ],
)
def test_a_comparison_links_its_language_here_and_offline_the_others_on_the_website(
    here: str, lang: str, offline: bool, site_url: str | None, other: str, path: str, expected: str | None
) -> None:
    href = comparison_href(here=here, lang=lang, offline=offline, site_url=site_url)
    assert href(other, path) == expected


def test_a_comparison_page_names_every_language_and_quotes_in_each_languages_marks() -> None:
    chapters = {lang: _edition(lang).chapters for lang in LANGUAGES}
    pages: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}
    context = comparison_context(
        chapters, registry=REGISTRY, languages=LANGUAGES, reference="es", pages=pages, href=lambda lang, path: path
    )
    names = {lang: REGISTRY.labels[lang]["language_name"] for lang in LANGUAGES}
    assert context["labels"] is REGISTRY.labels["es"]
    assert context["names"] == names
    assert context["languages"] == [{"lang": lang, "name": names[lang]} for lang in LANGUAGES]
    assert context["quotes"]["fr"] == (REGISTRY.labels["fr"]["quote_open"], REGISTRY.labels["fr"]["quote_close"])
    (part,) = context["parts"]
    assert [cell["href"] for cell in part["cells"]] == [
        "specific-issues/",
        "fr/specific-issues/",
        "es/specific-issues/",
    ]
    assert len(context["provisions"]) == len(REGISTRY.provisions)
