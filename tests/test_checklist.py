"""The self-assessment checklist: its outline from the pages (``edition/tools/checklist.py``), and the built pages.

The checklist's behaviour in the browser is in ``tests/test_checklist_browser.py``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from markupsafe import Markup

from edition.text.crossrefs import build_index
from edition.text.registry import load_registry
from edition.text.syntax import scan
from edition.tools.checklist import (
    LABELS,
    MAX_FILE_BYTES,
    MAX_NOTE,
    STATUSES,
    STORAGE_KEY,
    ChecklistItem,
    ChecklistPart,
    ChecklistSection,
    checklist_context,
    checklist_parts,
    headings_above,
    missing_labels,
)
from tests.conftest import ROOT, BuildResult
from tests.site import EDITION_PREFIX, parse, pdf_words

REGISTRY = load_registry(ROOT / "data")
GUIDELINE_PAGES = ["general-issues.md", "specific-issues.md"]


# Why: one language's checklist outline, from its real pages, as the hook computes it.
def outline(lang: str) -> list[tuple[str, str, list[str]]]:
    folder = ROOT / "docs" / lang
    pages = {p.name: scan(p.read_text(encoding="utf-8"), path=p.name) for p in sorted(folder.glob("*.md"))}
    index, problems = build_index(list(pages.items()), REGISTRY)
    assert problems == []
    parts, problems = checklist_parts(index, pages, order=GUIDELINE_PAGES)
    assert problems == []
    return [(s.key, s.title, [i.number for i in s.items]) for part in parts for s in part.sections]


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("# III General\n\n## a. Legal\n\n::: guideline III.a.1\nText.\n", {"III.a.1": ("III General", "a. Legal")}),
        # A level-3 heading is a subheading inside the section: the section stays the level-2 one.
        ("# IV X\n## b. Y\n### Food\n::: guideline IV.b.1\nT.\n", {"IV.b.1": ("IV X", "b. Y")}),
        # Attribute lists and closing hashes are not part of the title.
        ("# P {#p}\n## a. S ##\n::: guideline III.a.1\nT.\n", {"III.a.1": ("P", "a. S")}),
        # A new part forgets the previous part's section.
        ("# P\n## a. S\n# Q\n::: guideline IV.a.1\nT.\n", {"IV.a.1": ("Q", None)}),
        # Headings inside a code fence are code, not headings.
        ("# P\n```\n## a. not a heading\n```\n::: guideline III.a.1\nT.\n", {"III.a.1": ("P", None)}),
        ("::: guideline III.a.1\nT.\n", {"III.a.1": (None, None)}),
    ],
)
def test_headings_above_each_paragraph(markdown: str, expected: dict[str, tuple[str | None, str | None]]) -> None:
    assert headings_above(scan(markdown, path="x.md")) == expected


def test_a_paragraph_without_a_section_heading_is_a_problem_with_file_and_line() -> None:
    page = scan("# III General\n\n::: guideline III.a.1\nText.\n", path="docs/en/x.md")
    index, _ = build_index([("x.md", page)], REGISTRY)
    parts, problems = checklist_parts(index, {"x.md": page}, order=["x.md"])
    assert parts == []
    assert [str(p) for p in problems] == ["docs/en/x.md:3: guideline III.a.1 has no part or section heading above it"]


@pytest.mark.parametrize("lang", list(EDITION_PREFIX))
def test_each_language_lists_58_paragraphs_in_six_sections_in_reading_order(lang: str) -> None:
    sections = outline(lang)
    assert [key for key, _, _ in sections] == ["III.a", "III.b", "III.c", "III.d", "IV.a", "IV.b"]
    assert [len(numbers) for _, _, numbers in sections] == [3, 2, 4, 2, 17, 30]
    for key, title, numbers in sections:
        assert title.startswith(f"{key[-1]}. ")
        assert numbers == [f"{key}.{n}" for n in range(1, len(numbers) + 1)]


def test_the_outline_is_the_same_in_every_language_but_for_the_titles() -> None:
    shapes = {lang: [(key, numbers) for key, _, numbers in outline(lang)] for lang in EDITION_PREFIX}
    assert shapes["fr"] == shapes["en"] == shapes["es"]
    assert outline("fr")[0][1] == "a. Cadre juridique" and outline("es")[0][1] == "a. Marco jurídico"


@pytest.mark.parametrize(
    ("labels", "missing"),
    [
        ({f"checklist_{key}": "x" for key in LABELS}, []),
        ({f"checklist_{key}": "x" for key in LABELS if key != "note"}, ["checklist_note"]),
        ({}, [f"checklist_{key}" for key in LABELS]),
    ],
)
def test_missing_words_are_named(labels: dict[str, str], missing: list[str]) -> None:
    assert missing_labels(labels) == missing


ITEM = ChecklistItem("III.a.1", "iii-a-1", "general-issues.md", "T.")
PART = ChecklistPart(
    "III", "III", (ChecklistSection("III.a", "a.", (ITEM, ITEM)), ChecklistSection("III.b", "b.", (ITEM,)))
)


@pytest.mark.parametrize(
    ("parts", "count"),
    [([], 0), ([PART], 3), ([PART, PART], 6)],
)
@pytest.mark.parametrize("lang", list(EDITION_PREFIX))
def test_the_checklist_context_counts_the_paragraphs_in_the_pages_words(
    lang: str, parts: list[ChecklistPart], count: int
) -> None:
    labels = REGISTRY.labels[lang]
    found = checklist_context(
        parts, hrefs={"general-issues.md": "../general-issues/"}, labels=labels, lang=lang, details="<p>D</p>"
    )
    assert found["count"] == count and found["parts"] == parts and found["lang"] == lang
    assert found["hrefs"] == {"general-issues.md": "../general-issues/"}
    assert [s["code"] for s in found["statuses"]] == list(STATUSES)
    assert [s["label"] for s in found["statuses"]] == [labels[f"checklist_status_{code}"] for code in STATUSES]
    assert set(found["labels"]) == {key.removeprefix("checklist_") for key in labels if key.startswith("checklist_")}
    assert set(LABELS) <= set(found["labels"])
    assert (found["storage_key"], found["max_note"], found["max_bytes"]) == (STORAGE_KEY, MAX_NOTE, MAX_FILE_BYTES)
    assert found["colon"] == labels["colon"]
    # The page's reference part is HTML the edition made from its own Markdown: marked safe, not escaped.
    assert isinstance(found["details"], Markup) and str(found["details"]) == "<p>D</p>"


@pytest.mark.parametrize("lang", list(EDITION_PREFIX))
def test_every_language_has_every_checklist_word(lang: str) -> None:
    assert missing_labels(REGISTRY.labels[lang]) == []


def test_a_word_missing_in_every_language_stops_the_build(build_copy: Callable[..., BuildResult]) -> None:
    # (A word missing in one language only is caught earlier, by the registry's own parity check.)
    def drop(text: str) -> str:
        return "\n".join(line for line in text.split("\n") if not line.startswith("  checklist_note:"))

    result = build_copy({"data/labels.yml": drop})
    assert result.returncode != 0
    assert "data/labels.yml: 'en' lacks the checklist's words checklist_note" in result.log


# --- The built pages ----------------------------------------------------------------------------


# What a built paragraph shows besides its text: number, footnote marks, cross-reference tooltips,
# and the apparatus under it (rests on, law since 2005, practice, tools, comments).
PARAGRAPH_APPARATUS = (
    ".guideline__number, sup[id^='fnref'], .footnote-ref, .xref__tip, "
    ".guideline__rests-on, .law-since, .practice-links, .edition-tools, .comments"
)


@pytest.mark.parametrize("lang", list(EDITION_PREFIX))
def test_the_built_checklist_lists_every_paragraph_linked_to_its_text(built_site: Path, lang: str) -> None:
    folder = built_site / EDITION_PREFIX[lang]
    soup = parse(folder / "checklist" / "index.html")
    items = soup.select(".checklist__item")
    assert len(items) == 58
    sections = dict((key, numbers) for key, _, numbers in outline(lang))
    assert [i["data-paragraph"] for i in items] == [n for numbers in sections.values() for n in numbers]
    for item in items:
        link = item.select_one(".checklist__number a")
        assert link is not None and link.get_text() == item["data-paragraph"]
        page, _, anchor = str(link["href"]).partition("#")
        target = parse((folder / "checklist" / page / "index.html").resolve())
        paragraph = target.find(id=anchor)
        assert paragraph is not None, link["href"]
        # The checklist's text is the paragraph's own text as the page shows it: its body, without the
        # number, the footnote marks (a translator's note), the tooltips and the apparatus after it.
        for apparatus in paragraph.select(PARAGRAPH_APPARATUS):
            apparatus.decompose()
        shown = " ".join(paragraph.get_text("").split())
        text = item.select_one(".checklist__text")
        assert text is not None
        assert shown == " ".join(text.get_text().split()), link["href"]


@pytest.mark.parametrize("lang", list(EDITION_PREFIX))
def test_each_status_is_offered_with_its_code_and_its_translated_name(built_site: Path, lang: str) -> None:
    soup = parse(built_site / EDITION_PREFIX[lang] / "checklist" / "index.html")
    labels = REGISTRY.labels[lang]
    for select in soup.select(".checklist__item select"):
        options = [(o["value"], o.get_text()) for o in select.select("option")]
        assert options == [("", labels["checklist_status_none"])] + [
            (code, labels[f"checklist_status_{code}"]) for code in STATUSES
        ]
        label = soup.select_one(f"label[for='{select['id']}']")
        item = select.find_parent("li")
        assert label is not None and item is not None
        assert label.get_text(" ", strip=True).endswith(str(item["data-paragraph"]))
    root = soup.select_one(".checklist")
    assert root is not None and root["data-storage-key"] == STORAGE_KEY and root["data-lang"] == lang


@pytest.mark.parametrize("lang", list(EDITION_PREFIX))
def test_the_checklist_script_and_stylesheet_load_on_the_checklist_page_only(built_site: Path, lang: str) -> None:
    folder = built_site / EDITION_PREFIX[lang]
    for path in sorted(folder.glob("*/index.html")):
        soup = parse(path)
        scripts = [str(s["src"]) for s in soup.select("script[src]") if "checklist" in str(s["src"])]
        styles = [str(s["href"]) for s in soup.select("link[rel=stylesheet]") if "checklist" in str(s["href"])]
        expected = 1 if path.parent.name == "checklist" else 0
        assert (len(scripts), len(styles)) == (expected, expected), path


@pytest.mark.parametrize("lang", list(EDITION_PREFIX))
def test_the_page_documents_the_storage_key_the_csv_header_and_every_status_code(lang: str) -> None:
    text = (ROOT / "docs" / lang / "checklist.md").read_text(encoding="utf-8")
    assert f"`{STORAGE_KEY}`" in text
    assert "paragraph,status,note,text" in text
    for code in STATUSES:
        assert f"| `{code}` | {REGISTRY.labels[lang][f'checklist_status_{code}']} |" in text


@pytest.mark.parametrize("lang", list(EDITION_PREFIX))
def test_the_checklist_is_neither_in_the_pdf_nor_a_search_hit_for_paragraph_text(built_site: Path, lang: str) -> None:
    folder = built_site / EDITION_PREFIX[lang]
    first = parse(folder / "checklist" / "index.html").select_one(".checklist__text")
    assert first is not None
    words = " ".join(first.get_text().split()[:8])
    docs = json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    # The paragraphs come from the template, not the page's Markdown: search finds them on their own page.
    assert [d["location"] for d in docs if words in d["text"]] != []
    assert [d["location"] for d in docs if words in d["text"] and "checklist" in d["location"]] == []
    text = " ".join(pdf_words(next(folder.glob("*.pdf"))).split())  # the words read once a session (tests/site.py)
    assert STORAGE_KEY not in text and REGISTRY.labels[lang]["checklist_export_csv"] not in text


@pytest.mark.parametrize("lang", list(EDITION_PREFIX))
def test_the_controls_say_what_they_do_in_the_pages_language(built_site: Path, lang: str) -> None:
    soup = parse(built_site / EDITION_PREFIX[lang] / "checklist" / "index.html")
    labels = REGISTRY.labels[lang]
    buttons = {str(b["data-action"]): b.get_text(strip=True) for b in soup.select(".checklist button[data-action]")}
    assert buttons == {
        "export-csv": labels["checklist_export_csv"],
        "export-json": labels["checklist_export_json"],
        "print": labels["checklist_print"],
        "clear": labels["checklist_clear"],
    }
    field = soup.select_one("label[for='checklist-import']")
    assert field is not None and field.get_text(strip=True) == labels["checklist_import"]
    headings = [h.get_text(strip=True) for h in soup.select(".checklist h2")][:2]
    assert headings == [labels["checklist_tools"], labels["checklist_summary"]]
    # Each paragraph's controls name it for screen readers only, by the edition's one class for that.
    controls = soup.select(".checklist label[for$='-status'], .checklist label[for$='-note']")
    assert len(controls) == 2 * 58
    for control in controls:
        assert [span.get("class") for span in control.find_all("span")] == [["edition-visually-hidden"]], control
