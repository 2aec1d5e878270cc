"""The PDF's chapters made from the pages' HTML (edition/downloads/pdf_document.py), on small pages written here."""

from __future__ import annotations

import lxml.html
import pytest

from edition.downloads.pdf_document import Chapter, prepare_chapters

GUIDELINE = (
    '<h1 id="top"><span class="anchor-alias" id="iv-specific-issues"></span>Specific issues</h1>'
    '<div class="guideline" id="iv-b-17"><p>Text <span class="xref"><a class="xref__link" href="../provisions/#crc-3"'
    ' aria-describedby="xref-tip-1">CRC 3</a><span class="xref__tip" id="xref-tip-1">the cited text</span></span>'
    " and after.<!-- edition:tip 1 --> End.</p>"
    '<p class="edition-tools">Cite</p><div class="comments"><p>a comment</p></div></div>'
    '<p>See <a href="#top">above</a>, <a href="../">home</a>, <a href="https://example.org/">elsewhere</a>'
    '<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>.</p>'
    '<div class="footnote"><ol><li id="fn:1"><p>The note.&#160;<a class="footnote-backref" href="#fnref:1">↩</a>'
    "</p></li></ol></div>"
)
PROVISIONS = '<h1 id="top">Provisions</h1><figure class="provision" id="crc-3"><p>Article 3</p></figure>'
CHAPTERS = [
    Chapter(url="specific-issues/", title="IV", html=GUIDELINE),
    Chapter(url="provisions/", title="II", html=PROVISIONS),
    Chapter(url="", title="Home", html=""),
]


@pytest.fixture(scope="module")
def first() -> lxml.html.HtmlElement:
    return lxml.html.fragment_fromstring(prepare_chapters(CHAPTERS).chapters[0], create_parent="div")


@pytest.mark.parametrize(
    ("xpath", "expected"),
    [
        ("//h1/@id", ["c1-top"]),  # repeated from page to page: prefixed
        ("//div[@class='guideline']/@id", ["iv-b-17"]),  # permanent addresses keep their names
        ("//a[@class='xref__link']/@href", ["#crc-3"]),  # a provision, wherever it is quoted
        ("//p[a='above']/a/@href", ["#c1-top", "#chapter-3", "https://example.org/"]),
        ("//sup/@id", ["c1-fnref:1"]),
        ("//sup/a/text()", ["1"]),
        ("//*[@aria-describedby]", []),
        ("//*[contains(@class, 'xref__tip') or @class='edition-tools' or @class='comments']", []),
        ("//div[@class='footnote'] | //a[@class='footnote-backref']", []),
        ("//comment()", []),
        ("//span[@class='anchor-alias']", []),  # old web addresses: the PDF never had them
        ("//h1/text()", ["Specific issues"]),
    ],
)
def test_a_chapter_keeps_its_text_and_links_inside_the_document(
    first: lxml.html.HtmlElement, xpath: str, expected: list[str]
) -> None:
    assert first.xpath(xpath) == expected


def test_removed_apparatus_leaves_the_text_around_it() -> None:
    text = lxml.html.fragment_fromstring(prepare_chapters(CHAPTERS).chapters[0], create_parent="div").text_content()
    assert "Text CRC 3 and after. End." in text and "cited text" not in text and "a comment" not in text


def test_footnotes_become_endnotes_numbered_through_the_document() -> None:
    prepared = prepare_chapters([CHAPTERS[0], Chapter(url="again/", title="", html=GUIDELINE)])
    notes = [lxml.html.fragment_fromstring(n) for n in prepared.endnotes]
    assert [(n.tag, n.get("class"), n.get("id")) for n in notes] == [
        ("div", "endnote", "c1-fn:1"),
        ("div", "endnote", "c2-fn:1"),
    ]
    assert [n.text_content() for n in notes] == ["1.The note.\xa0", "2.The note.\xa0"]
    second = lxml.html.fragment_fromstring(prepared.chapters[1], create_parent="div")
    assert second.xpath("//sup/a/text()") == ["2"]


def test_a_page_without_html_is_an_empty_chapter() -> None:
    assert prepare_chapters([CHAPTERS[2]]).chapters == [""]
