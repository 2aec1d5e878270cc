"""Part II: each instrument's quotations and the caption naming it, set as one figure.

In the 2005 text each instrument's caption (an italic line) follows the provisions quoted from it;
set one after the other, a caption reads as if it introduced the quotations below it. Each run of
quoted provisions and the caption after it become one ``<figure class="quotations">`` whose
``<figcaption>`` is that caption: the grouping is in the markup (web and PDF), not a word changes.
"""

from __future__ import annotations

from bs4 import BeautifulSoup
from bs4.element import NavigableString, Tag

# Inline elements that may follow a caption's emphasis (its footnote call).
_CAPTION_EXTRAS = {"sup"}


# Why: a caption is a paragraph that is one emphasised phrase, perhaps with a footnote call.
def _is_caption(node: Tag) -> bool:
    if node.name != "p":
        return False
    parts = [c for c in node.children if not (isinstance(c, NavigableString) and not c.strip())]
    return (
        bool(parts)
        and isinstance(parts[0], Tag)
        and parts[0].name == "em"
        and all(isinstance(c, Tag) and c.name in _CAPTION_EXTRAS for c in parts[1:])
    )


# Why: the provisions quoted just before a caption, in order (whitespace between them skipped).
def _quotations_before(caption: Tag) -> list[Tag]:
    found: list[Tag] = []
    for node in caption.previous_siblings:
        if isinstance(node, NavigableString) and not node.strip():
            continue
        if isinstance(node, Tag) and node.name == "figure" and "provision" in (node.get("class") or []):
            found.insert(0, node)
            continue
        break
    return found


# Why: the page's HTML with each instrument's quotations and caption in one figure (unchanged if none).
def group_quotations(html: str) -> str:
    if "provision" not in html or "<figure" not in html.lower():  # no quoted provision: nothing to parse
        return html
    soup = BeautifulSoup(html, "html.parser")
    grouped = False
    for caption in [p for p in soup.find_all("p", recursive=False) if _is_caption(p)]:
        quotations = _quotations_before(caption)
        if not quotations:
            continue
        figure = soup.new_tag("figure", attrs={"class": "quotations"})
        quotations[0].insert_before(figure)
        for node in [*quotations, caption]:
            figure.append(node.extract())
        caption.name = "figcaption"
        caption["class"] = "quotations__caption"
        grouped = True
    return str(soup) if grouped else html
