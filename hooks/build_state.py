"""Helper for the hooks (not a hook): the typed state a build carries between events.

mkdocs-static-i18n runs one whole MkDocs build per language, the others nested inside the default
language's ``on_post_build``. What the features learn and need between events lives in one
``BuildState``, held by the adapter (``hooks/build.py``, ``EditionBuild``) and handed to each feature
as a parameter; no feature reads a module-level state:

- for the whole build (every language): search entries, the PDFs being rendered, download sizes,
  each edition's chapters (``BuildState``), reset when the outermost build starts;
- per language (``state.language(lang)``, a ``LanguageBuild``): its files as mkdocs-static-i18n
  filtered them, its pages scanned once (up front by ``hooks/parity.py``, else by
  ``hooks/crossrefs.py``) and their index, and one template environment shared by the features;
- data read from files (``state.loaded``, a ``LoadedData``): the registry, the later law, the practice
  notes and the checked comments, each kept with the digest of what it was read from
  (``edition/shared/digests.py``), and the compiled templates (Jinja checks each against its source's
  checksum), kept between ``mkdocs serve`` rebuilds.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation

from edition.annexes.later_law import LaterLaw
from edition.annexes.practice import Country
from edition.comments.checked import KeptComments
from edition.downloads.edition_data import LanguageEdition as LanguageEdition  # re-exported for the hooks
from edition.downloads.offline_build import OfflineZips
from edition.downloads.pdf_jobs import PdfJobs
from edition.downloads.sizes import PendingSizes
from edition.frame.facts import EditionFacts
from edition.frame.search_index import Entry
from edition.shared.compiled_templates import CompiledTemplates
from edition.shared.digests import Kept
from edition.shared.safe_html import autoescape_in
from edition.text.crossrefs import CrossIndex
from edition.text.registry import Registry
from edition.text.syntax import ScannedPage


@dataclass
class LanguageBuild:
    """What one language's build knows of its own pages, shared by the hooks of that language."""

    files: Files | None = None  # as mkdocs-static-i18n filtered them (hooks/build.py, on_files at -200)
    scanned: dict[str, ScannedPage] = field(default_factory=dict)  # src_uri: the page, scanned once
    index: CrossIndex | None = None  # its paragraphs and provisions, built from ``scanned``
    env: jinja2.Environment | None = None  # the theme's templates, made once (``templates``)
    compiled: CompiledTemplates | None = None  # shared by every environment (``LoadedData.templates``)
    found: dict[str, File | None] = field(default_factory=dict)  # src_uri: its file in ``found_in`` (``file``)
    found_in: Files | None = None

    # Why: one environment per language and configuration for all the hooks, its templates compiled once.
    def templates(self, config: MkDocsConfig) -> jinja2.Environment:
        if self.env is None:
            self.env = escaping(config.theme.get_env(), config)
            self.env.bytecode_cache = self.compiled
            self.env.auto_reload = False  # made anew for each build: no file's modification time to check per render
        return self.env

    # Why: mkdocs-static-i18n's lookup tries several paths; 3,000 at 1,000 comments cost 0.27 s (cache_layers).
    def file(self, files: Files, src_uri: str) -> File | None:
        if files is not self.found_in:
            self.found, self.found_in = {}, files
        if src_uri not in self.found:
            self.found[src_uri] = files.get_file_from_path(src_uri)
        return self.found[src_uri]


@dataclass
class LoadedData:
    """What is read from files, each with the digest of its inputs: read again when their bytes change."""

    registry: Kept[Registry] = field(default_factory=Kept)  # data/*.yml (hooks/project.py)
    law_kept: Kept[LaterLaw] = field(default_factory=Kept)  # data/later-law.yml (hooks/law_since.py)
    countries_kept: Kept[tuple[Country, ...]] = field(default_factory=Kept)  # data/practice.yml (hooks/practice.py)
    # comments/ (hooks/comments.py): read once per build, not per language; 0.9 s saved at 1,000 (cache_layers)
    comments_kept: Kept[KeptComments] = field(default_factory=Kept)
    # Every template compiled, for every environment (MkDocs' own: hooks/build.py's on_env); a changed
    # template's checksum differs, and it is compiled again.
    templates: CompiledTemplates = field(default_factory=CompiledTemplates)

    # Why: the features read the values; only their loaders see the digests.
    @property
    def law(self) -> LaterLaw | None:
        return self.law_kept.value

    @property
    def countries(self) -> tuple[Country, ...]:
        return self.countries_kept.value or ()

    @property
    def comments(self) -> KeptComments:
        return self.comments_kept.value or KeptComments()


@dataclass
class BuildState:
    """What one ``mkdocs build`` (all its languages) knows; reset when the outermost build starts."""

    command: str = "build"  # "serve" under `mkdocs serve`, from on_startup
    depth: int = 0  # nested language builds now running
    site: Path | None = None  # the outermost build's site folder: every edition below it
    navs: dict[str, Navigation] = field(default_factory=dict)  # per language: the chapters' order
    search_entries: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    pdf_sizes: PendingSizes = field(default_factory=lambda: PendingSizes("pdf", label="pdf_size"))
    zip_sizes: PendingSizes = field(default_factory=lambda: PendingSizes("offline", label="offline_size"))
    pdfs: PdfJobs | None = None  # renders started by each language, collected after the last
    offline: OfflineZips | None = None  # the offline ZIPs, their build started early (hooks/every_language.py)
    # per language: its finished chapters, read once (hooks/edition_data.py) for the data and comparison
    editions: dict[str, LanguageEdition] = field(default_factory=dict)
    compare_pages: dict[str, tuple[str, str]] = field(default_factory=dict)  # per language: URL, file written
    languages: dict[str, LanguageBuild] = field(default_factory=dict)  # per language: see ``language``
    # data/*.yml and data/edition.yml as read in this language build (hooks/project.py), forgotten in on_config
    registry: Registry | None = None
    facts: EditionFacts | None = None
    # Kept by ``enter`` (the one part that is): re-reading the data costs a build, its digests say when to.
    loaded: LoadedData = field(default_factory=LoadedData)

    # Why: the outermost build starts afresh (what `mkdocs serve` kept from its last build is stale).
    def enter(self, site: Path) -> None:
        if self.depth == 0:
            self.abandon()
            self.__dict__.update(vars(BuildState(command=self.command, site=site, loaded=self.loaded)))
        self.depth += 1

    # Why: each language's part, opened by whichever hook needs it first in that language's build.
    def language(self, lang: str) -> LanguageBuild:
        return self.languages.setdefault(lang, LanguageBuild(compiled=self.loaded.templates))

    # Why: True when the build leaving is the outermost one, i.e. every language is built.
    def leave(self) -> bool:
        self.depth -= 1
        return self.depth == 0

    # Why: after a failed build `mkdocs serve` starts the next one from the top.
    def abandon(self) -> None:
        if self.pdfs is not None:
            self.pdfs.close()
        if self.offline is not None:
            self.offline.close()
            self.offline = None
        self.depth = 0


# Why: the edition's templates (``overrides/``) escape every value; Material's keep their own rule.
def escaping(env: jinja2.Environment, config: MkDocsConfig) -> jinja2.Environment:
    if config.theme.custom_dir:
        env.autoescape = autoescape_in(Path(config.theme.custom_dir))
    return env
