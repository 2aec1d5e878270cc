"""Generated fixture comments for measuring the edition at scale: `python scripts/comment_fixtures.py N FOLDER`.

Writes N valid comment files into FOLDER (never into the project's own ``comments/``): 20–120
words each, spread over the 58 guideline paragraphs, in the three languages, of every kind and
status (one in twenty hidden); every decision has its response (some also in French or Spanish),
where it was resolved, and often whether the commenter agreed. Each is on one paragraph and
carries a passage of it: whole words of that paragraph's text in the comment's language, as the
checker finds passages (``edition.comments.store.wording_of``), with up to 32 characters of
context and their position, so the build anchors every one exactly. Every name says it is a
fixture, and each text says it is generated; the words are drawn from the edition's own pages in
the comment's language, so the texts are searchable like real ones. The same N always gives the same files.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from edition.comments.passages import CONTEXT, FOUND, Passage, Wording, anchor
from edition.comments.store import UNDECIDED, load_schema, wording_of
from edition.comments.text import first_refused
from edition.text.registry import load_registry

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("en", "fr", "es")
KINDS = ("suggested-wording", "question", "support", "objection", "editorial")
STATUSES = ("open",) * 10 + ("accepted",) * 4 + ("incorporated",) * 3 + ("declined",) * 2 + ("hidden",)
PAGES = ("general-issues.md", "specific-issues.md")
PASSAGE_WORDS = (2, 12)  # the fewest and most words a generated passage holds
TRIES = 50  # places tried in a paragraph before giving up on finding words the checker takes


def paragraphs() -> list[str]:
    """The guideline paragraph numbers, in reading order, from the English pages' directives."""
    numbers = []
    for page in PAGES:
        for line in (ROOT / "docs" / "en" / page).read_text(encoding="utf-8").splitlines():
            if line.startswith("::: guideline "):
                numbers.append(line.split()[2])
    return numbers


def vocabulary(lang: str) -> list[str]:
    """Plain words of the edition's pages in one language (no markup, no numbers)."""
    words = []
    for page in PAGES:
        for line in (ROOT / "docs" / lang / page).read_text(encoding="utf-8").splitlines():
            if line.startswith((":::", "#", "---")):
                continue  # directives, headings, front matter
            for word in line.split():
                word = word.strip(".,;:()«»“”\"'’")
                if word.isalpha() and len(word) > 2:
                    words.append(word.lower())
    return words


def wording(root: Path = ROOT) -> Wording:
    """Today's texts of every paragraph in every language, as the checker anchors passages in them."""
    data = root / "data"
    return wording_of(root, registry=load_registry(data), docs=root / "docs", schema=load_schema(data))


def passage(target: str, lang: str, *, rng: random.Random, texts: Wording) -> Passage:
    """Whole words of ``target``'s text in ``lang``, with their context, that the checker finds exactly."""
    text = texts.texts.get((target, lang))
    if not text:
        raise ValueError(f"comment_fixtures.py: {target} has no text in '{lang}' to take a passage from")
    starts = [0] + [i + 1 for i, char in enumerate(text) if char == " "]  # texts are normalised: one space
    for _ in range(TRIES):
        count = min(len(starts), rng.randint(*PASSAGE_WORDS))
        first = rng.randrange(len(starts) - count + 1)
        start = starts[first]
        end = starts[first + count] - 1 if first + count < len(starts) else len(text)
        found = Passage(
            exact=text[start:end],
            prefix=text[max(0, start - CONTEXT) : start],
            suffix=text[end : end + CONTEXT],
            start=start,
            language=lang,
            version=texts.version,
        )
        placed, _ = anchor(found, text, current=True, where=target)
        fields = (found.exact, found.prefix, found.suffix)
        if placed is not None and placed.how == FOUND and not any(first_refused(f, multiline=False) for f in fields):
            return found
    raise ValueError(f"comment_fixtures.py: no words of {target} ({lang}) the checker takes in {TRIES} tries")


def _quoted(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def fixture(
    number: int, *, rng: random.Random, targets: list[str], words: dict[str, list[str]], texts: Wording
) -> tuple[str, str]:
    """One comment file's name and text."""
    lang = LANGUAGES[number % 3]
    on = rng.choice(targets)
    status = rng.choice(STATUSES)
    day = 1 + number % 28
    text = " ".join(rng.choices(words[lang], k=rng.randint(20, 120)))
    quoted = passage(on, lang, rng=rng, texts=texts)
    lines = [
        "---",
        f"targets: [{on}]",
        "author:",
        f'  name: "Fixture Contributor {number:05d}"',
        '  organisation: "Fixture Network (generated)"',
        f"language: {lang}",
        f"date: 2026-10-{day:02d}",
        f"kind: {KINDS[number % len(KINDS)]}",
        "passage:",
        f"  exact: {_quoted(quoted.exact)}",
        f"  prefix: {_quoted(quoted.prefix)}",
        f"  suffix: {_quoted(quoted.suffix)}",
        f"  start: {quoted.start}",
        f"  language: {lang}",
        f"  version: {_quoted(quoted.version)}",
        f"status: {status}",
    ]
    if status not in UNDECIDED:
        lines.append(f'response: "Generated fixture response to comment {number}."')
        if number % 4 == 1:
            lines.append(f'response_fr: "Réponse générée (fixture) à l’observation {number}."')
        if number % 4 == 2:
            lines.append(f'response_es: "Respuesta generada (fixture) a la observación {number}."')
        lines.append("resolved_in: editors")
        agreed = rng.choice((None, True, False))  # not known, agreed, did not agree
        if agreed is not None:
            lines.append(f"commenter_agreed: {str(agreed).lower()}")
    intro = f"Generated fixture comment {number}, for measuring the edition at scale."
    lines += ["---", "", f"{intro} {text.capitalize()}."]
    return f"fixture-{number:05d}-{lang}.md", "\n".join(lines) + "\n"


def write(count: int, folder: Path, *, targets: list[str] | None = None, root: Path = ROOT) -> list[Path]:
    """``count`` fixture files in ``folder``, on ``targets`` (every paragraph if None), their passages
    taken from the texts of the project at ``root``."""
    rng = random.Random(count)
    targets = targets or paragraphs()
    words = {lang: vocabulary(lang) for lang in LANGUAGES}
    texts = wording(root)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for number in range(1, count + 1):
        name, text = fixture(number, rng=rng, targets=targets, words=words, texts=texts)
        (folder / name).write_text(text, encoding="utf-8")
        written.append(folder / name)
    return written


if __name__ == "__main__":
    count, folder = int(sys.argv[1]), Path(sys.argv[2]).resolve()
    if folder == (ROOT / "comments").resolve():
        sys.exit("comment_fixtures.py: generated fixtures never go into the project's own comments/")
    print(f"{len(write(count, folder))} fixture comments in {folder}")
