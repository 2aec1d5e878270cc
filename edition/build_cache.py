"""Products of the build (PDFs, offline ZIPs) kept between builds, keyed on what they are made from.

A product is made again only when a digest of its inputs changes. Under ``mkdocs serve`` the last one
made may stand in for a product whose inputs changed (``latest``), so an edit is back in the browser
without waiting for WeasyPrint or the offline build; ``make downloads`` (or ``make build``) makes
them afresh.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path


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


# Why: every file below the given folders of the project, for ``digest``.
def tree(root: Path, parts: Iterable[str]) -> list[Path]:
    found: list[Path] = []
    for part in parts:
        path = root / part
        inside = [p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
        found += [path] if path.is_file() else inside
    return found


class ProductCache:
    """Finished products in one folder: ``<name>.<key>`` for each digest, ``<name>.latest`` for the last."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder  # None: nothing is kept (reproducibility tests)

    # Why: the product made from exactly these inputs, if it was made before.
    def get(self, name: str, key: str) -> bytes | None:
        path = self._path(name, key)
        return path.read_bytes() if path is not None and path.exists() else None

    # Why: the last product of that name, whatever it was made from (``mkdocs serve`` only).
    def latest(self, name: str) -> bytes | None:
        return self.get(name, "latest")

    # Why: keep one product per name, under its digest and as the latest.
    def put(self, name: str, key: str, data: bytes) -> None:
        if self.folder is None:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        for old in self.folder.glob(f"{name}.*"):
            old.unlink()
        for target in (self._path(name, key), self._path(name, "latest")):
            assert target is not None
            target.write_bytes(data)

    def _path(self, name: str, key: str) -> Path | None:
        return None if self.folder is None else self.folder / f"{name}.{key}"
