"""Products of the build (PDFs, offline ZIPs) kept between builds, keyed on what they are made from.

A product is made again only when a digest of its inputs changes (``edition/shared/digests.py``).
Under ``mkdocs serve`` the last one made may stand in for a product whose inputs changed
(``latest``), so an edit is back in the browser without waiting for WeasyPrint or the offline
build; ``make downloads`` (or ``make build``) makes them afresh.

Each entry is stored sealed: a first line with the digest of its name, key and content, checked on
every read. An entry changed after it was written (by hand, by a damaged disk, by an older format) is
a miss, made again, with an INFO line in the log, so what the cache holds cannot change what is
published. The seal is not a signature: whoever can write the cache can also write a matching seal,
so the cache must come only from builds of trusted sources.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from pathlib import Path

SEAL = b"edition-cache sha256:"  # the first line of every entry, then the digest
LOG = logging.getLogger("mkdocs.edition.cache")  # INFO: a tampered entry is made again, quietly under --strict


class ProductCache:
    """Finished products in one folder: ``<name>.<key>`` for each digest, ``<name>.latest`` for the last."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder  # None: nothing is kept (reproducibility tests)

    # Why: the product made from exactly these inputs, if it was made before and is unchanged since.
    def get(self, name: str, key: str) -> bytes | None:
        path = self._path(name, key)
        if path is None or not (path.is_symlink() or path.is_file()):
            return None
        try:
            stored = b"" if path.is_symlink() else path.read_bytes()
        except FileNotFoundError:  # replaced by another build since it was asked for
            return None
        head, _, data = stored.partition(b"\n")
        if head != _seal(name, key, data):
            LOG.info("%s: not as it was stored; made again", path)
            path.unlink(missing_ok=True)
            return None
        return data

    # Why: the last product of that name, whatever it was made from (``mkdocs serve`` only).
    def latest(self, name: str) -> bytes | None:
        return self.get(name, "latest")

    # Why: keep one product per name, under its digest and as the latest.
    def put(self, name: str, key: str, data: bytes) -> None:
        if self.folder is None:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        for old in self.folder.glob(f"{name}.*"):
            old.unlink(missing_ok=True)
        for stored, target in ((key, self._path(name, key)), ("latest", self._path(name, "latest"))):
            assert target is not None
            _write_whole(target, _seal(name, stored, data) + b"\n" + data)

    def _path(self, name: str, key: str) -> Path | None:
        return None if self.folder is None else self.folder / f"{name}.{key}"


# Why: two builds may share the cache (``make serve`` beside ``make build``, tests side by side): each
# entry appears whole, by a rename, so the other never reads half of one.
def _write_whole(target: Path, content: bytes) -> None:
    with tempfile.NamedTemporaryFile(dir=target.parent, prefix=f".{target.name}.", delete=False) as file:
        file.write(content)
    os.replace(file.name, target)


# Why: an entry's seal names it, so one entry cannot stand in for another (the French PDF for the English one).
def _seal(name: str, key: str, data: bytes) -> bytes:
    return SEAL + hashlib.sha256(f"{name}\0{key}\0".encode() + data).hexdigest().encode()
