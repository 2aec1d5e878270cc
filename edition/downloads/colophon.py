"""The colophon of each PDF: what the document is, which edition, where it lives, how to cite and comment.

A PDF travels without its website: forwarded, it must still say that it is an edition of QUNO's
2005 draft (and, in French and Spanish, this edition's own translation), who made it and how it stands
to QUNO (``about_lines``, also the Contact page's "About this edition"), where the web edition is,
how a paragraph's address is formed and how to comment. Words come from ``data/labels.yml``, facts
from ``data/edition.yml``; an address that only worked on the machine that built the PDF is not given.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from edition.frame.facts import EditionFacts, Editors
from edition.shared.addresses import published_address
from edition.text.crossrefs import CrossIndex
from edition.text.ids import guideline_anchor

# The paragraph whose address the colophon gives as its example, and where it sits in an edition.
EXAMPLE_NUMBER = "IV.b.17"


@dataclass(frozen=True)
class Line:
    """A sentence of the colophon; ``address`` stands between ``before`` and ``after``, as a link if ``linked``."""

    before: str
    address: str = ""
    after: str = ""
    linked: bool = True
    href: str = ""  # where the link leads, when not to ``address`` itself (a ``mailto:``)


@dataclass(frozen=True)
class Colophon:
    """The colophon's title, its sentences, the translation note (or none) and the citation."""

    title: str
    lines: list[Line]
    note_title: str
    note: str
    citation_title: str
    citation: str


# Why: one sentence whose ``{address}`` (or other field) becomes a link.
def _line(template: str, *, field: str, link: str) -> Line:
    before, _, after = template.partition("{" + field + "}")
    return Line(before, link, after)


# Why: who makes the edition and how it stands to QUNO, only as the settings say it: a name, website or
# address not set is said to be not given, and QUNO's endorsement is never assumed.
def about_lines(labels: Mapping[str, str], editors: Editors, *, email: str, where_to_write: bool = True) -> list[Line]:
    who = labels["about_named"].format(name=editors.name) if editors.name else labels["about_unnamed"]
    lines = [Line(who)]
    if editors.url:
        lines.append(_line(labels["about_website"], field="address", link=editors.url))
    lines.append(Line(labels["about_relation_" + editors.relation_to_quno.replace("-", "_")]))
    if not where_to_write:
        return lines
    if email:
        before, _, after = labels["about_email"].partition("{address}")
        lines.append(Line(before, email, after, href=f"mailto:{email}"))
    else:
        lines.append(Line(labels["about_no_email"]))
    return lines


# Why: the colophon of one language's PDF, from the edition's facts and the configured address.
def colophon(
    labels: Mapping[str, str],
    facts: EditionFacts,
    *,
    date_text: str,
    site_url: str | None,
    edition_path: str,
    example_path: str,
    email: str = "",
) -> Colophon:
    publication = facts.publication
    base = published_address(site_url)
    edition = f"{base}{edition_path}" if base else None
    example = f"{edition}{example_path}" if edition else f"…/{example_path}"
    people = {
        "title": publication.title,
        "subtitle": publication.subtitle,
        "author": publication.author,
        "foreword_by": publication.foreword_by,
        "publisher": publication.publisher,
    }
    lines = [
        Line(labels["colophon_document"].format(**people)),
        Line(labels["colophon_edition"].format(date=date_text, version=facts.version)),
        *about_lines(labels, facts.editors, email=email),
    ]
    if edition:
        lines.append(_line(labels["colophon_address"], field="address", link=edition))
        lines.append(_line(labels["colophon_paragraphs"], field="example", link=example))
    else:  # no address to give, and the example shown as text, not as a link leading nowhere
        lines.append(Line(labels["colophon_no_address"]))
        before, _, after = labels["colophon_paragraphs"].partition("{example}")
        lines.append(Line(before, example, after, linked=False))
    lines.append(Line(labels["colophon_comment"]))
    if edition:
        comments = f"{edition}comments/#how-to-comment"
        lines.append(_line(labels["colophon_comment_at"], field="address", link=comments))
    citation = labels["colophon_citation"].format(date=date_text, version=facts.version, **people)
    return Colophon(
        title=labels["colophon_title"],
        lines=lines,
        note_title=labels.get("translation_note_title", ""),
        note=labels.get("translation_note_text", ""),
        citation_title=labels["colophon_citation_title"],
        citation=f"{citation}, {edition}" if edition else citation,
    )


# Why: the colophon's example, the address of paragraph IV.b.17 within its edition (``urls``: each page's
# address by its source path; ``prefix``: the edition's folder).
def example_path(index: CrossIndex, *, urls: Mapping[str, str], prefix: str) -> str:
    page = urls[index.guidelines[EXAMPLE_NUMBER].page]
    return f"{page.removeprefix(prefix)}#{guideline_anchor(EXAMPLE_NUMBER)}"
