"""Symbolic links in the folders a build reads are refused: a link would publish whatever it points at
(``docs/en/env.txt -> /proc/self/environ`` becomes ``/env.txt``), and a dangling one breaks the build.

``symbolic_links`` lists every link below those folders (the folders themselves included), without
following any, so the build stops once naming them all; ``make check-comments`` says the same of
``comments/``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from edition.shared.problems import Problem

# What a build reads from pull requests; a link anywhere below them stops it.
READ_FOLDERS = ("docs", "overrides", "data", "comments", "pdf", "sources")
IS_LINK = "is a symbolic link"


# Why: one problem per link, by its path in the project, none followed.
def symbolic_links(root: Path, folders: Iterable[str] = READ_FOLDERS) -> list[Problem]:
    found: list[Path] = []
    for name in folders:
        top = root / name
        if top.is_symlink():
            found.append(top)
        elif top.is_dir():
            found += _links_below(top)
    return sorted(Problem(path.relative_to(root).as_posix(), 0, IS_LINK) for path in found)


# Why: os.scandir tells a link from its entry, without a system call per file (10,000 comments).
def _links_below(folder: Path) -> Iterator[Path]:
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_symlink():
                yield Path(entry.path)
            elif entry.is_dir(follow_symlinks=False):
                yield from _links_below(Path(entry.path))
