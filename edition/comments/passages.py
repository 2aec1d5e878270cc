"""Passages: the words a comment is about, found in its paragraph's text as a reader sees it.

A passage is recorded as the W3C Web Annotation Data Model records one (``TextQuoteSelector``: the
exact words, up to 32 characters before and after; ``TextPositionSelector``: where they start, a hint
only), with the language of the text and the edition's version it was taken from.

- ``reader_text``: a paragraph's or provision's words as a reader sees them: references shown as
  their words, footnote marks dropped, Markdown rendered and stripped, blanks collapsed, Unicode NFC.
  ``target_texts`` gives it for every paragraph and provision in every language, from the pages'
  sources (``edition/text/syntax.py``) and the registry.
- ``anchor``: where the words are in today's text. A passage taken from this version's text must be
  there exactly, once, or told apart by its context; else it is refused, with the closest words
  shown. A passage taken from an earlier version's text is found again: exactly, else by fuzzy
  matching, each place scored on the words and their context with Hypothesis's weights (words 50,
  before 20, after 20, position 2, each a normalised Levenshtein similarity); the best place is taken
  only if it scores at least ``THRESHOLD`` and beats the next by ``MARGIN``. Otherwise the comment is
  "on earlier wording": listed with its words, attached to none.

Fuzzy matching is RapidFuzz's (C++: about 0.02 ms a passage of 200 characters here); a passage
longer than ``2 * EDGE`` is looked for by its first and last ``EDGE`` characters, so a passage the
length of a paragraph costs no more, and the words between are scored whole.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import markdown
from lxml import html
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from edition.text.registry import Registry
from edition.text.syntax import REF_RE, scan

CONTEXT = 32  # characters before and after the words, as Hypothesis records them
THRESHOLD = 0.8  # the least score at which words are found again in changed text
MARGIN = 0.05  # by how much the best place must beat the next, or the words are not placed
WEIGHTS = (50, 20, 20, 2)  # words, before, after, position
EDGE = 64  # a long passage is looked for by this many characters at each end
FOOTNOTE_MARK = re.compile(r"\[\^[^\]\s]+\]")
MARKDOWN_CHARS = set("*_`<>&\\[]!#|~")
BLANKS = re.compile(r"\s+")
FOUND, FOUND_AGAIN, EARLIER = "exact", "fuzzy", "earlier"  # how a passage stands in today's text


@dataclass(frozen=True)
class Passage:
    """The words as the comment file records them."""

    exact: str
    prefix: str
    suffix: str
    start: int | None
    language: str
    version: str


@dataclass(frozen=True)
class Anchor:
    """Where a passage is in today's text: ``how`` is FOUND, FOUND_AGAIN or EARLIER (not placed)."""

    how: str
    start: int | None = None
    end: int | None = None
    words: str | None = None  # today's words there (they differ from the passage's when found again)
    score: float = 0.0
    before: str = ""  # today's text just before and after the words, up to CONTEXT characters
    after: str = ""


@dataclass(frozen=True)
class Wording:
    """Today's texts, by (target, language), and the edition's version they are."""

    version: str
    texts: Mapping[tuple[str, str], str]


# Why: one comparison of texts typed, copied or rendered: Unicode NFC, every run of blanks one space.
def normal(text: str) -> str:
    return BLANKS.sub(" ", unicodedata.normalize("NFC", text))


# Why: the one definition of a paragraph's words as a reader sees them; ``words`` gives a reference's.
def reader_text(source: str, *, words: Callable[[str, str | None], str]) -> str:
    text = FOOTNOTE_MARK.sub("", REF_RE.sub(lambda m: words(m["target"].strip(), m["label"]), source))
    if not MARKDOWN_CHARS.isdisjoint(text):
        rendered = markdown.markdown(text)
        text = html.fragment_fromstring(rendered, create_parent="div").text_content() if rendered else ""
    return normal(text).strip()


# Why: a reference's words on a page in ``lang``, as the page renders it (edition/text/render.py).
def ref_words(registry: Registry, lang: str) -> Callable[[str, str | None], str]:
    def words(target: str, label: str | None) -> str:
        if label is not None:
            return label
        if target in registry.provisions:
            label_of = registry.provisions[target].label
            return label_of.get(lang, label_of["en"])
        if target in registry.instruments:
            short = registry.instruments[target].short
            return short.get(lang, short["en"])
        return target

    return words


# Why: every paragraph's and provision's words in every language that has them, read once.
def target_texts(docs: Path, *, registry: Registry, languages: Iterable[str]) -> dict[tuple[str, str], str]:
    texts: dict[tuple[str, str], str] = {}
    for lang in languages:
        words = ref_words(registry, lang)
        for path in sorted((docs / lang).glob("*.md")):
            for block in scan(path.read_text(encoding="utf-8"), path=str(path)).guidelines:
                texts[(block.number, lang)] = reader_text(block.body, words=words)
        for pid, provision in registry.provisions.items():
            if lang in provision.text:
                texts[(pid, lang)] = normal(provision.text[lang]).strip()
    return texts


# Why: a version as numbers, so 1.10 comes after 1.9.
def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


# Why: where ``passage`` stands in ``text``, or why it is refused (a message naming the field).
def anchor(passage: Passage, text: str, *, current: bool, where: str) -> tuple[Anchor | None, str | None]:
    exact, prefix, suffix = normal(passage.exact), normal(passage.prefix), normal(passage.suffix)
    places = _occurrences(exact, text)
    if current:
        return _strict(exact, prefix, suffix, text, places=places, where=where)
    candidates = [(start, start + len(exact)) for start in places] or _located(exact, prefix, suffix, text)
    scored = sorted(
        ((_score(exact, prefix, suffix, passage.start, text, span), span) for span in candidates), reverse=True
    )
    if not scored:
        return Anchor(EARLIER), None
    score, (start, end) = scored[0]
    rival = next((other for other, (s, e) in scored[1:] if e <= start or s >= end), 0.0)  # elsewhere only
    if score < THRESHOLD or score - rival < MARGIN:
        return Anchor(EARLIER, score=round(score, 4)), None
    how = FOUND if text[start:end] == exact else FOUND_AGAIN
    return _placed(how, text, start, end, score), None


# Why: a place in today's text, with today's words and context there.
def _placed(how: str, text: str, start: int, end: int, score: float) -> Anchor:
    before, after = text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT]
    return Anchor(how, start, end, text[start:end], round(score, 4), before, after)


# Why: this version's text must hold the words exactly, and once (or once with this context).
def _strict(
    exact: str, prefix: str, suffix: str, text: str, *, places: list[int], where: str
) -> tuple[Anchor | None, str | None]:
    if not places:
        closest = _located(exact, prefix, suffix, text)
        shown = f"; the closest words there are {_quoted(text[slice(*closest[0])])}" if closest else ""
        return None, f"passage.exact: these words are not in {where}{shown}"
    told = [p for p in places if text[:p].endswith(prefix) and text.startswith(suffix, p + len(exact))]
    if len(told) == 1:
        return _placed(FOUND, text, told[0], told[0] + len(exact), 1.0), None
    if len(told) > 1:
        return None, (
            f"passage: the words occur {len(places)} times in {where} and prefix and suffix do not tell which:"
            f" give the {CONTEXT} characters before and after them"
        )
    if len(places) > 1:
        return None, f"passage: the words occur {len(places)} times in {where}, none with this prefix and suffix"
    start, end = places[0], places[0] + len(exact)
    if not text[:start].endswith(prefix):
        return (
            None,
            f"passage.prefix: the words before these in {where} are {_quoted(text[max(0, start - CONTEXT) : start])}",
        )
    return None, f"passage.suffix: the words after these in {where} are {_quoted(text[end : end + CONTEXT])}"


def _quoted(words: str) -> str:
    return repr(words if len(words) <= 120 else words[:117] + "…")


# Why: every place the words start (overlapping ones too), at most one per character of the text.
def _occurrences(exact: str, text: str) -> list[int]:
    places, start = [], text.find(exact)
    while exact and start != -1:
        places.append(start)
        start = text.find(exact, start + 1)
    return places


# Why: the two best places for changed words, each as (start, end), the second with the first and its
# context masked.
def _located(exact: str, prefix: str, suffix: str, text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    masked = text
    for _ in range(2):
        span = _best_span(exact, prefix, suffix, masked)
        if span is None:
            break
        spans.append(span)
        start, end = max(0, span[0] - len(prefix)), span[1] + len(suffix)  # the words and their context
        masked = masked[:start] + "\0" * (end - start) + masked[end:]  # no accepted passage holds U+0000
    return spans


def _best_span(exact: str, prefix: str, suffix: str, text: str) -> tuple[int, int] | None:
    if not exact or not text:
        return None
    if len(exact) <= 2 * EDGE:
        needle = prefix + exact + suffix
        found = _aligned(needle, text, starts=(len(prefix),), ends=(len(prefix) + len(exact),))
        return None if found is None or found[1] <= found[0] else (found[0], found[1])
    head = _aligned(prefix + exact[:EDGE], text, starts=(len(prefix),))
    tail = _aligned(exact[-EDGE:] + suffix, text, ends=(EDGE,))
    if head is None or tail is None or tail[0] <= head[0]:
        return None
    return head[0], tail[0]


# Why: where ``needle`` best fits in ``text``, and where each of its ``starts`` and ``ends`` falls there.
def _aligned(needle: str, text: str, *, starts: tuple[int, ...] = (), ends: tuple[int, ...] = ()) -> list[int] | None:
    found = fuzz.partial_ratio_alignment(needle, text)
    if found is None or found.score == 0:
        return None
    start = max(0, found.dest_start - found.src_start)
    window = text[start : min(len(text), found.dest_end + len(needle) // 4 + 1)]
    ops = [(o.tag, o.src_start, o.src_end, o.dest_start, o.dest_end) for o in Levenshtein.opcodes(needle, window)]
    ops = [op for op in ops if op[0] != "insert"]
    marks = [_boundary(ops, index, after=False) for index in starts] + [
        _boundary(ops, index - 1, after=True) for index in ends
    ]
    return [start + mark for mark in marks]


# Why: the window's position before (or ``after``) the needle's character ``index``; a character the
# window lacks stands where the window's text goes on.
def _boundary(ops: list[tuple[str, int, int, int, int]], index: int, *, after: bool) -> int:
    index = max(0, index)
    for tag, i1, i2, j1, j2 in ops:
        if i1 <= index < i2:
            if tag == "delete":
                return j1
            at = j1 + (index - i1 if tag == "equal" else min(index - i1, j2 - j1 - 1))
            return at + 1 if after else at
    return ops[-1][4] if ops else 0


# Why: Hypothesis's score of a place, from 0 to 1.
def _score(exact: str, prefix: str, suffix: str, hint: int | None, text: str, span: tuple[int, int]) -> float:
    start, end = span
    words = Levenshtein.normalized_similarity(exact, text[start:end])
    before = Levenshtein.normalized_similarity(prefix, text[max(0, start - len(prefix)) : start]) if prefix else 1.0
    after = Levenshtein.normalized_similarity(suffix, text[end : end + len(suffix)]) if suffix else 1.0
    position = 1.0 - abs(start - hint) / len(text) if hint is not None and text else 1.0
    values = (words, before, after, max(0.0, position))
    return sum(w * v for w, v in zip(WEIGHTS, values, strict=True)) / sum(WEIGHTS)
