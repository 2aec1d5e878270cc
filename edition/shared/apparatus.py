"""What the edition adds around the 2005 text (its apparatus), by class, and where each part is left out.

One table for every output that leaves parts out: a paragraph's search entry, its text in the data
documents and the comparison pages, the PDF, the "2005 text only" switch and print. The switch and
print are written in ``overrides/assets/stylesheets/reader.css``; ``tests/test_apparatus.py`` holds
those rules to this table.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Part:
    """One part of the apparatus and the outputs that leave it out."""

    css_class: str
    element: str = ""  # the element it is on, where the PDF's selector names it
    search: bool = False  # a paragraph's search entry (the words searched are the 2005 text's)
    data: bool = False  # a paragraph's text in the data documents and the comparison pages
    pdf: bool = False  # the PDF (web-only: previews, permalinks, interactive tools)
    text_only: bool = False  # hidden by the "2005 text only" switch
    printed: bool = True  # False: hidden when a page is printed

    @property
    def selector(self) -> str:
        return f"{self.element}.{self.css_class}"


# Numbers and the provisions a paragraph rests on stay in print, the PDF and the text-only view: the
# reader cites by them. The "Since 2005" notes stay in the PDF but not in print (reader.css says why).
PARTS = (
    Part("guideline__number", search=True, data=True),
    Part("guideline__rests-on", search=True, data=True),
    Part("xref__tip", search=True, data=True, pdf=True, printed=False),
    Part("anchor-alias", element="span", data=True, pdf=True),
    Part("headerlink", element="a", pdf=True),
    Part("footnote-backref", element="a", pdf=True),
    Part("comments", element="div", data=True, pdf=True, text_only=True, printed=False),
    Part("comments__new", printed=False),
    Part("edition-tools", element="p", data=True, pdf=True, text_only=True, printed=False),
    Part("edition-cite", element="dialog", pdf=True, text_only=True, printed=False),
    Part("law-since", data=True, text_only=True, printed=False),
    Part("practice-links", data=True, text_only=True, printed=False),
    Part("edition-note", text_only=True),
    Part("provision__cited-by", text_only=True),
    Part("provision__text-source", text_only=True),
    Part("edition-orientation", printed=False),  # the home page's orientation box
    Part("edition-files", printed=False),  # the home page's citation and data files
    Part("edition-text-only", printed=False),  # the switch itself
)

SEARCH_EXCLUDED = tuple(p.css_class for p in PARTS if p.search)
DATA_EXCLUDED = frozenset(p.css_class for p in PARTS if p.data)
PDF_EXCLUDED = ", ".join(p.selector for p in PARTS if p.pdf)
TEXT_ONLY_HIDDEN = tuple(p.css_class for p in PARTS if p.text_only)
PRINT_HIDDEN = tuple(p.css_class for p in PARTS if not p.printed)
