"""Generated fixture comments for measuring the edition at scale: `python scripts/comment_fixtures.py N FOLDER`.

Writes N valid comment files into FOLDER (never into the project's own ``comments/``): 20–120
words each, spread over the 58 guideline paragraphs (one in ten on two paragraphs), in the three
languages, of every kind and status (one in twenty hidden). Every name says it is a fixture, and
each text says it is generated; the words are drawn from the edition's own pages in the comment's
language, so the texts are searchable like real ones. The same N always gives the same files.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("en", "fr", "es")
KINDS = ("suggested-wording", "question", "support", "objection", "editorial")
STATUSES = ("open",) * 10 + ("accepted",) * 4 + ("incorporated",) * 3 + ("declined",) * 2 + ("hidden",)
PAGES = ("general-issues.md", "specific-issues.md")


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


def fixture(number: int, *, rng: random.Random, targets: list[str], words: dict[str, list[str]]) -> tuple[str, str]:
    """One comment file's name and text."""
    lang = LANGUAGES[number % 3]
    on = rng.sample(targets, 2) if number % 10 == 0 and len(targets) > 1 else [rng.choice(targets)]
    status = rng.choice(STATUSES)
    day = 1 + number % 28
    text = " ".join(rng.choices(words[lang], k=rng.randint(20, 120)))
    lines = [
        "---",
        "targets: [" + ", ".join(on) + "]",
        "author:",
        f'  name: "Fixture Contributor {number:05d}"',
        '  organisation: "Fixture Network (generated)"',
        f"language: {lang}",
        f"date: 2026-10-{day:02d}",
        f"kind: {KINDS[number % len(KINDS)]}",
        f"status: {status}",
    ]
    if status in ("accepted", "incorporated", "declined"):
        lines.append(f'response: "Generated fixture response to comment {number}."')
    intro = f"Generated fixture comment {number}, for measuring the edition at scale."
    lines += ["---", "", f"{intro} {text.capitalize()}."]
    return f"fixture-{number:05d}-{lang}.md", "\n".join(lines) + "\n"


def write(count: int, folder: Path, *, targets: list[str] | None = None) -> list[Path]:
    """``count`` fixture files in ``folder``, on ``targets`` (every paragraph if None)."""
    rng = random.Random(count)
    targets = targets or paragraphs()
    words = {lang: vocabulary(lang) for lang in LANGUAGES}
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for number in range(1, count + 1):
        name, text = fixture(number, rng=rng, targets=targets, words=words)
        (folder / name).write_text(text, encoding="utf-8")
        written.append(folder / name)
    return written


if __name__ == "__main__":
    count, folder = int(sys.argv[1]), Path(sys.argv[2]).resolve()
    if folder == (ROOT / "comments").resolve():
        sys.exit("comment_fixtures.py: generated fixtures never go into the project's own comments/")
    print(f"{len(write(count, folder))} fixture comments in {folder}")
