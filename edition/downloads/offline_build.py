"""The offline ZIPs of one build: made from the offline variant's build, or kept from an earlier build.

The variant (``mkdocs.offline.yml``) is a build of its own, in a process of its own; it needs the
website only to be packed, so when what it is made from changed since the ZIPs were last made
(``start``), it builds from the website build's start, on another core, rather than after every
language. ``zips`` then gives each language's ZIP: kept in the cache for the same inputs and PDFs,
else packed from the variant's build (started now if it was not); under ``mkdocs serve`` the last
ZIPs made stand in, unhashed (``make downloads`` remakes them).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from edition.downloads.background import BackgroundBuild
from edition.downloads.build_cache import ProductCache
from edition.downloads.offline import Packing, write_zips
from edition.shared.digests import digest, tree

# What the offline variant is made from, besides the PDFs and the settings (its own configuration is added).
INPUTS = ("mkdocs.yml", "docs", "data", "overrides", "comments", "hooks", "edition", "pdf")
SEEN = "offline-inputs"  # in the product cache: the inputs the ZIPs were last made from (no content)


class OfflineBuildFailed(Exception):
    """The offline variant's build failed; the message holds what it printed."""


class OfflineZips:
    """The offline ZIPs of one website build, and the variant's build they are packed from."""

    def __init__(self, root: Path, *, cache: ProductCache, variant: str, settings: Sequence[str], serve: bool) -> None:
        self.root = root
        self.cache = cache
        self.variant = variant  # the variant's configuration file, beside mkdocs.yml
        self.settings = list(settings)  # what else the pages are made from (the site's address…)
        self.serve = serve
        self.build: BackgroundBuild | None = None
        self.inputs = ""  # the digest of what the variant is made from, once taken
        self.made_s: float | None = None  # how long finding or making the ZIPs took (not under serve's stand-ins)

    # Why: started with the website's build when the variant's inputs are new to the cache.
    def start(self) -> None:
        if self.serve:
            return
        self.inputs = self._inputs()  # taken once: 0.5 s with 10,000 comments
        if self.cache.get(SEEN, self.inputs) is None:  # else the ZIPs are most likely kept
            self.build = self._variant_build()

    # Why: a variant's build started early that no ZIP will be made from stops now.
    def close(self) -> None:
        if self.build is not None:
            self.build.close()
            self.build = None

    # Why: each language's ZIP, kept for these inputs and ``pdfs`` (each in ``site``), else packed by ``pack``
    # from the variant's build, with ``date`` as every member's time.
    def zips(
        self,
        languages: Sequence[str],
        *,
        site: Path,
        pdfs: Sequence[Path],
        date: dt.date,
        pack: Callable[[BackgroundBuild], Mapping[str, Packing]],
    ) -> dict[str, bytes]:
        names = {lang: f"{lang}-offline.zip" for lang in languages}
        if self.serve:
            latest = {lang: self.cache.latest(name) for lang, name in names.items()}
            if all(data is not None for data in latest.values()):
                return {lang: data for lang, data in latest.items() if data is not None}
        inputs = self.inputs or self._inputs()
        key = digest(files=(), root=self.root, settings=[inputs, *(digest(files=[pdf], root=site) for pdf in pdfs)])
        kept = {lang: self.cache.get(name, key) for lang, name in names.items()}
        started = time.perf_counter()
        if all(data is not None for data in kept.values()):
            self.close()  # an early build, if any, was for inputs not seen before, yet the ZIPs were kept
            zips = {lang: data for lang, data in kept.items() if data is not None}
        else:
            zips = self._made(pack, when=dt.datetime.combine(date, dt.time(), tzinfo=dt.UTC))
            for lang, data in zips.items():
                self.cache.put(names[lang], key, data)
            self.cache.put(SEEN, inputs, b"")
        self.made_s = time.perf_counter() - started
        return zips

    def _made(self, pack: Callable[[BackgroundBuild], Mapping[str, Packing]], *, when: dt.datetime) -> dict[str, bytes]:
        build = self.build if self.build is not None else self._variant_build()
        self.build = None
        try:
            code, output = build.wait()
            if code != 0:
                raise OfflineBuildFailed(f"The offline edition's build failed:\n{output}")
            packings = pack(build)
            write_zips(list(packings.values()), when, workers=min(len(packings), os.cpu_count() or 1))
            return {lang: one.target.read_bytes() for lang, one in packings.items()}
        finally:
            build.close()

    # Why: what the variant's pages are made from (the PDFs, packed with them, are added to the ZIPs' key).
    def _inputs(self) -> str:
        return digest(files=tree(self.root, (*INPUTS, self.variant)), root=self.root, settings=self.settings)

    # Why: `mkdocs build` of the variant in a process of its own, into a temporary folder.
    def _variant_build(self) -> BackgroundBuild:
        command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--strict"]
        command += ["--config-file", str(self.root / self.variant)]
        return BackgroundBuild(
            lambda site: [*command, "--site-dir", str(site)], env=os.environ, prefix="edition-offline-"
        )
