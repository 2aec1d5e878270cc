"""The offline ZIPs of one build: made from the offline variant's build, or kept from an earlier build.

The variant (``mkdocs.offline.yml``) is a build of its own, in a process of its own; it needs the
website only to be packed, so when what it is made from changed since the ZIPs were last made
(``start``), it builds from the website build's start, on another core, rather than after every
language. ``zips`` then gives each language's ZIP: kept in the cache for the same inputs and PDFs,
else packed from the variant's build (started now if it was not) with what it takes from the
website (``Website``); under ``mkdocs serve`` the last ZIPs made stand in, unhashed (``make
downloads`` remakes them).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from edition.downloads.background import BackgroundBuild
from edition.downloads.build_cache import ProductCache
from edition.downloads.offline import Packing, offline_comment_files, packings, write_zips
from edition.downloads.sizes import PDF_NAME, PendingSizes, download_path, fill_pages
from edition.shared.digests import digest, tree

# What the offline variant is made from, besides the PDFs and the settings (its own configuration is added).
INPUTS = ("mkdocs.yml", "docs", "data", "overrides", "comments", "hooks", "edition", "pdf")
SEEN = "offline-inputs"  # in the product cache: the inputs the ZIPs were last made from (no content)


class OfflineEditionFailed(Exception):
    """The offline edition cannot be made: its build failed, or a comment file links to a missing page."""


@dataclass(frozen=True)
class Website:
    """What the ZIPs take from the website's build, besides the variant's pages."""

    site: Path  # the website's folder: its PDFs, comment files and exports, the edition as data
    languages: Sequence[str]
    default: str
    comment_files: Mapping[str, bool]  # each comment file (a site path): whether it holds links to relink
    start_pages: Mapping[str, str]  # each translated edition's page atop its ZIP
    pdf_sizes: PendingSizes  # each PDF's size, filled into the variant's pages
    labels: Mapping[str, Mapping[str, str]]


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

    # Why: each language's ZIP, kept for the same inputs and PDFs, else packed from the variant's build, with
    # ``date`` as every member's time.
    def zips(self, website: Website, *, date: dt.date) -> dict[str, bytes]:
        names = {lang: f"{lang}-offline.zip" for lang in website.languages}
        if self.serve:
            latest = {lang: self.cache.latest(name) for lang, name in names.items()}
            if all(data is not None for data in latest.values()):
                return {lang: data for lang, data in latest.items() if data is not None}
        inputs = self.inputs or self._inputs()
        pdfs = [website.site / download_path(PDF_NAME, lang, website.default) for lang in website.languages]
        key = digest(files=(), root=self.root, settings=[inputs, *(digest(files=[p], root=website.site) for p in pdfs)])
        kept = {lang: self.cache.get(name, key) for lang, name in names.items()}
        started = time.perf_counter()
        if all(data is not None for data in kept.values()):
            self.close()  # an early build, if any, was for inputs not seen before, yet the ZIPs were kept
            zips = {lang: data for lang, data in kept.items() if data is not None}
        else:
            zips = self._made(website, when=dt.datetime.combine(date, dt.time(), tzinfo=dt.UTC))
            for lang, data in zips.items():
                self.cache.put(names[lang], key, data)
            self.cache.put(SEEN, inputs, b"")
        self.made_s = time.perf_counter() - started
        return zips

    def _made(self, website: Website, *, when: dt.datetime) -> dict[str, bytes]:
        build = self.build if self.build is not None else self._variant_build()
        self.build = None
        try:
            code, output = build.wait()
            if code != 0:
                raise OfflineEditionFailed(f"The offline edition's build failed:\n{output}")
            planned = _packings(build, website)
            write_zips(list(planned.values()), when, workers=min(len(planned), os.cpu_count() or 1))
            return {lang: one.target.read_bytes() for lang, one in planned.items()}
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


# Why: the variant's pages given the website's comment files (relinked, not rendered again: seconds with 10,000
# comments) and the PDFs' sizes, then each language's ZIP planned.
def _packings(build: BackgroundBuild, website: Website) -> dict[str, Packing]:
    problems = offline_comment_files(website.comment_files, website=website.site, offline_site=build.site)
    if problems:
        lines = "\n  ".join(problems)
        raise OfflineEditionFailed(f"The offline edition's comment files link to missing pages:\n  {lines}")
    fill_pages(build.site, [website.pdf_sizes], website.labels)
    return packings(
        offline_site=build.site,
        website=website.site,
        folder=build.folder,
        languages=website.languages,
        default=website.default,
        start_pages=website.start_pages,
    )
