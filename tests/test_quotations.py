"""Part II: each instrument's quotations and the caption after them are one figure (web and PDF)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from pypdf import PdfReader

from edition.text.quotations import group_quotations
from tests.site import EDITION_PREFIX, article, parse, pdf_pages
from tests.test_pdf import pdf_path

Q = '<figure class="provision" id="{0}"><blockquote><p>{0} text</p></blockquote></figure>'
# The groups of Part II in the source: the provisions quoted, then the caption naming their instrument.
GROUPS = [
    ["iccpr-10-1"],
    ["hrc-gc21"],
    ["hrc-gc28"],
    ["congress8-res19"],
    ["smr-23-1", "smr-23-2"],
    ["bop-5", "bop-31"],
    ["beijing-26-4"],
    ["udhr-25-1", "udhr-25-2"],
    ["crc-2-1", "crc-3-1", "crc-3-2", "crc-3-3", "crc-6-2", "crc-9-1", "crc-12-1", "crc-18-1"],
]


def caption_of(group: Tag) -> str:
    caption = group.find("figcaption", recursive=False)
    assert isinstance(caption, Tag) and caption.em is not None
    return caption.get_text()


def groups_of(html: str) -> list[tuple[list[str], str]]:
    soup = BeautifulSoup(html, "html.parser")
    return [
        ([str(f["id"]) for f in g.select("figure.provision")], caption_of(g)) for g in soup.select("figure.quotations")
    ]


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (Q.format("a") + "\n" + Q.format("b") + "\n<p><em>Rules A and B</em></p>", [(["a", "b"], "Rules A and B")]),
        (Q.format("a") + '<p><em>Res.</em><sup id="fnref:2"><a href="#fn:2">2</a></sup></p>', [(["a"], "Res.2")]),
        (Q.format("a") + "<p><em>A</em></p>" + Q.format("b") + "<p><em>B</em></p>", [(["a"], "A"), (["b"], "B")]),
        ("<p><em>No quotation before</em></p>" + Q.format("a"), []),
        (Q.format("a") + "<p><em>Emphasis</em> in a sentence</p>", []),
        (Q.format("a") + "<p>Plain caption</p>", []),
        ("<p>No provision at all</p>", []),
        ('<p><a class="provision" href="#a">a</a></p><p><em>Cited, not quoted</em></p>', []),
        (Q.format("a").replace("figure", "FIGURE") + "<p><em>Upper case</em></p>", [(["a"], "Upper case")]),
    ],
)
def test_group_quotations(html: str, expected: list[tuple[list[str], str]]) -> None:
    assert groups_of(group_quotations(html)) == expected


def test_grouping_changes_no_word() -> None:
    html = Q.format("a") + "\n<p><em>Caption</em></p>\n<p>After.</p>"
    before = BeautifulSoup(html, "html.parser").get_text(" ").split()
    assert BeautifulSoup(group_quotations(html), "html.parser").get_text(" ").split() == before


@pytest.mark.parametrize("lang", list(EDITION_PREFIX))
def test_each_caption_closes_its_own_quotations(built_site: Path, lang: str) -> None:
    content = article(parse(built_site / EDITION_PREFIX[lang] / "international-provisions/index.html"))
    groups = content.select("figure.quotations")
    assert [[str(f["id"]) for f in g.select("figure.provision")] for g in groups] == GROUPS
    for group in groups:
        caption = group.find_all(recursive=False)[-1]
        assert caption.name == "figcaption" and caption.em is not None
    captions = [caption_of(g) for g in groups]
    assert "23" in captions[4] and "31" not in captions[4]  # the Standard Minimum Rules' own caption
    assert "31" in captions[5]  # the Body of Principles' caption closes its own quotations


# Why: a chapter's pages, from its bookmark to the next chapter's (each chapter starts a page).
def chapter_pages(reader: PdfReader, title: str) -> range:
    starts = [
        (" ".join(i.title.split()), reader.get_destination_page_number(i))
        for i in reader.outline
        if not isinstance(i, list)
    ]
    titles = [t for t, _ in starts]
    assert title in titles, (title, titles)
    at = titles.index(title)
    return range(starts[at][1], starts[at + 1][1] if at + 1 < len(starts) else len(reader.pages))


@pytest.mark.parametrize("lang", list(EDITION_PREFIX))
def test_in_the_pdf_each_caption_is_on_the_page_of_its_last_quotation(built_site: Path, lang: str) -> None:
    content = article(parse(built_site / EDITION_PREFIX[lang] / "international-provisions/index.html"))
    heading = content.select_one("h1")
    assert heading is not None
    reader = PdfReader(pdf_path(built_site, lang))
    # Part II only: the annexes and the "Since 2005" notes name the same instruments and provisions.
    part = chapter_pages(reader, " ".join(heading.get_text().rstrip("¶").replace("\u202f", "\u00a0").split()))
    marks = str.maketrans("", "", "“”«»")  # quotation marks, set apart from the words by the PDF
    words = pdf_pages(pdf_path(built_site, lang))  # each page's words, read once a session (tests/site.py)
    pages = {i: " ".join(words[i].translate(marks).split()) for i in part}

    def pages_of(text: str) -> list[int]:
        words = " ".join(text.translate(marks).split())[:40]
        found = [i for i in part if words in pages[i]]
        assert found, words
        return found

    for group in content.select("figure.quotations"):
        last = group.select("figure.provision blockquote")[-1].get_text()
        assert pages_of(last)[0] in pages_of(caption_of(group))


# The places the edition fills with its notes, tools and comments, as provision.html leaves them.
PLACES = "<!-- edition:law-since {0} --><!-- edition:tools {0} --><!-- edition:comments {0} -->"


def test_the_caption_comes_before_the_last_quotations_notes() -> None:
    html = "".join(
        f'<figure class="provision" id="{i}"><blockquote><p>{i} text</p></blockquote>{PLACES.format(i)}</figure>'
        for i in ("a", "b")
    )
    out = group_quotations(html + "<p><em>Rules A and B</em></p><p>After.</p>")
    soup = BeautifulSoup(out, "html.parser")
    group = soup.select_one("figure.quotations")
    assert group is not None
    # The caption is the group's last child, right after the last quotation, which keeps no place.
    assert [c.name for c in group.find_all(recursive=False)] == ["figure", "figure", "figcaption"]
    assert "edition:" not in str(soup.select_one("figure#b"))
    assert "edition:law-since a" in str(soup.select_one("figure#a"))  # an earlier quotation keeps its own
    after = group.find_next_sibling()
    assert after is not None and after["class"] == ["quotations__apparatus"] and after["data-apparatus-of"] == "b"
    assert str(after).index("law-since b") < str(after).index("tools b") < str(after).index("comments b")
    assert out.endswith("<p>After.</p>")


@pytest.mark.parametrize("lang", list(EDITION_PREFIX))
def test_on_the_page_the_caption_follows_its_quotation_and_the_notes_follow_the_caption(
    built_site: Path, lang: str
) -> None:
    content = article(parse(built_site / EDITION_PREFIX[lang] / "international-provisions/index.html"))
    for group in content.select("figure.quotations"):
        last = group.select("figure.provision")[-1]
        # Nothing of the edition's between the last quotation's own caption and the 2005 caption.
        assert last.select(".law-since, .edition-tools, .comments") == []
        after = group.find_next_sibling()
        assert after is not None and after.get("data-apparatus-of") == last["id"]
        assert after.select(".edition-tools"), last["id"]
