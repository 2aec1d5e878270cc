"""Search in the reader's language: one lunr index per edition, plus one entry per guideline paragraph.

mkdocs-static-i18n leaves one index for all languages at the site root; ``split_index`` cuts it into
one index per language (locations relative to that edition's root, stemming and stop words of that
language only), and ``guideline_entries`` adds each numbered paragraph as its own search entry, so
typing "IV.b.17" lands on the paragraph itself.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import lxml.html

from edition.shared.apparatus import SEARCH_EXCLUDED

# lunr's French and Spanish trimmers drop every digit ("IV.b.17" would be indexed as "iv.b"), so
# punctuation is cut by the separator instead and the trimmer is left out of every edition's pipeline.
PIPELINE = ["stopWordFilter", "stemmer"]
SEPARATOR = r"[\s\-–—,;:!?¿¡«»“”\"'‘’()\[\]/]+|\.(?=\s|$)"


@dataclass(frozen=True)
class Entry:
    """One search document: where it is, its title and its text."""

    location: str
    title: str
    text: str

    def as_json(self) -> dict[str, str]:
        return {"location": self.location, "title": self.title, "text": self.text}


# Why: where a translated edition's search finds its own index (the default edition's is Material's own).
def search_base(base_url: str, *, lang: str, default: str) -> str | None:
    return None if lang == default else f"{base_url}/{lang}/"


# Why: a location's edition, read from its first path segment (the default has none).
def language_of(location: str, *, languages: Sequence[str], default: str) -> tuple[str, str]:
    for lang in languages:
        if lang != default and (location == lang or location.startswith((f"{lang}/", f"{lang}#"))):
            return lang, location[len(lang) :].removeprefix("/")
    return default, location


# Why: one index per language, each with that language's stemmer and stop words only.
def split_index(index: Mapping[str, Any], *, languages: Sequence[str], default: str) -> dict[str, dict[str, Any]]:
    split: dict[str, dict[str, Any]] = {}
    for lang in languages:
        config = {**index["config"], "lang": [lang], "pipeline": PIPELINE, "separator": SEPARATOR}
        split[lang] = {"config": config, "docs": []}
    for doc in index["docs"]:
        lang, location = language_of(doc["location"], languages=languages, default=default)
        split[lang]["docs"].append({**doc, "location": location})
    return split


# Why: each guideline paragraph of a page's HTML as a search entry titled by its number.
def guideline_entries(html: str, *, page_location: str) -> list[Entry]:
    # lxml directly, not BeautifulSoup: this runs on every page of every language build.
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    entries = []
    for div in root.xpath('.//div[@id][contains(concat(" ", normalize-space(@class), " "), " guideline ")]'):
        numbers = div.xpath('.//*[contains(concat(" ", normalize-space(@class), " "), " guideline__number ")]')
        title = numbers[0].text_content().strip() if numbers else str(div.get("id"))
        words = " ".join(" ".join(_text_outside_apparatus(div)).split())
        # Material's search shows an entry's title and text as HTML: the decoded words go back escaped,
        # as Material's own entries do (a code span "<img …>" stays words).
        entries.append(Entry(f"{page_location}#{div.get('id')}", _html_text(title), _html_text(words)))
    return entries


def _html_text(text: str) -> str:
    return html.escape(text, quote=False)


# Why: an element's text in document order, leaving out the apparatus inside it.
def _text_outside_apparatus(element: lxml.html.HtmlElement) -> list[str]:
    texts = [element.text] if element.text else []
    for child in element:
        is_element = isinstance(child.tag, str)  # not a comment, whose text is not shown
        if is_element and not set(SEARCH_EXCLUDED).intersection((child.get("class") or "").split()):
            texts += _text_outside_apparatus(child)
        if child.tail:
            texts.append(child.tail)
    return texts


# Why: the paragraph entries go right after their page's own entries, in reading order.
def with_entries(index: dict[str, Any], entries: Iterable[Entry]) -> dict[str, Any]:
    docs = list(index["docs"])
    for entry in entries:
        page = entry.location.partition("#")[0]
        positions = [i for i, doc in enumerate(docs) if doc["location"].partition("#")[0] == page]
        docs.insert(positions[-1] + 1 if positions else len(docs), entry.as_json())
    return {**index, "docs": docs}
