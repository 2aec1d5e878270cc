"""Problems found in the sources, reported together with file and line so the build fails once, loudly."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one place: ``path:line: message``, or ``path: message`` (line 0) for the whole file."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.line == 0 else f"{self.path}:{self.line}: {self.message}"


class EditionError(Exception):
    """Raised with every problem found, so an author fixes them all in one pass."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(format_problems(self.problems))


# Why: one message listing every problem, one per line, for the build log.
def format_problems(problems: Iterable[Problem]) -> str:
    items = sorted(problems)
    lines = [f"{len(items)} problem(s) in the edition's sources:"]
    lines += [f"  {p}" for p in items]
    return "\n".join(lines)


# Why: a problem found in what the build made is traced to every line of the given sources that holds its text.
def written_at(text: str, sources: Iterable[tuple[str, str]]) -> list[tuple[str, int]]:
    return [
        (shown, number)
        for shown, source in sources
        for number, line in enumerate(source.splitlines(), start=1)
        if text and text in line
    ]
