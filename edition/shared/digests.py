"""Staleness by content: whatever the build keeps is keyed on a digest of what it was made from.

``digest`` names files (by path and bytes) and settings in 32 hex digits (``named``: one file already
read); ``tree`` lists the files below some folders for it. ``Kept`` holds one value with the digest
of its inputs and makes it again when the digest differs. Every cache of the build uses these, and
nothing else decides staleness: the data read once per change under ``mkdocs serve`` (registry,
later law, practice notes, checked comments), the products kept between builds (PDFs, offline ZIPs,
the comments' memo and its files). Modification times are never asked: a copied, checked-out or
restored file with the same bytes is the same input.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Generic, TypeVar, cast

T = TypeVar("T")


# Why: one digest for files (by path and content) and settings that shape a product.
def digest(*, files: Iterable[Path], root: Path, settings: Iterable[str] = ()) -> str:
    hasher = hashlib.sha256()
    for path in sorted(set(files)):
        if path.is_file():
            hasher.update(path.relative_to(root).as_posix().encode() + b"\0")
            hasher.update(hashlib.sha256(path.read_bytes()).digest())
    for setting in settings:
        hasher.update(b"\1" + setting.encode())
    return hasher.hexdigest()[:32]


# Why: the digest of one file already read (its name and bytes), where reading it again would cost.
def named(name: str, data: bytes) -> str:
    return hashlib.sha256(name.encode() + b"\0" + hashlib.sha256(data).digest()).hexdigest()[:32]


# Why: every file below the given folders of the project, for ``digest``.
def tree(root: Path, parts: Iterable[str]) -> list[Path]:
    found: list[Path] = []
    for part in parts:
        path = root / part
        inside = [p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
        found += [path] if path.is_file() else inside
    return found


class Kept(Generic[T]):
    """One value with the digest of what it was made from (``key``); nothing until first made."""

    def __init__(self) -> None:
        self.key: str | None = None
        self._value: T | None = None

    # Why: the value for these inputs, made again only when their digest differs from the kept one's.
    def get(self, key: str, make: Callable[[], T]) -> T:
        if key != self.key:
            self._value = make()  # a failure leaves the old value and key: the next build tries again
            self.key = key
        return cast(T, self._value)

    # Why: the value last made, whatever from (None before the first).
    @property
    def value(self) -> T | None:
        return self._value
