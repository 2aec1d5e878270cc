"""Helper for the hooks (not a hook): the one typed state a build carries between events.

mkdocs-static-i18n runs one whole MkDocs build per language, the others nested inside the default
language's ``on_post_build``. What the hooks learn in one language and need after every language
(search entries, the PDFs being rendered, download sizes) lives here, in ``STATE``, the only
module-level state of the hooks (``hooks/crossrefs.py`` keeps its own until it moves here too).
``hooks/build.py`` opens and closes it; ``hooks/shared_index.py`` reads and writes its ``index``.
What is read once per change of its files (the checked comments) survives ``enter``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.structure.nav import Navigation

from edition.comments import Comment
from edition.crossrefs import CrossIndex
from edition.edition_data import Chapter
from edition.pdf_jobs import PdfJobs
from edition.search_index import Entry

from download_sizes import PendingSizes


@dataclass
class LanguageEdition:
    """What one language build has shown: its chapters and where its provisions are quoted."""

    lang: str
    title: str
    home_url: str
    chapters: list[Chapter]
    provision_pages: Mapping[str, str]  # provision id: the path of the page quoting it
    rests_on: Mapping[str, tuple[str, ...]]


@dataclass
class KeptComments:
    """The checked comments, kept across ``mkdocs serve`` rebuilds until a comment or data file changes."""

    stamp: tuple[float, ...] = ()
    comments: tuple[Comment, ...] = ()
    retired: dict[str, str] = field(default_factory=dict)
    schema: dict[str, Any] = field(default_factory=dict)  # the comment schema, for the form


@dataclass
class BuildState:
    """What one ``mkdocs build`` (all its languages) knows; reset when the outermost build starts."""

    command: str = "build"  # "serve" under `mkdocs serve`, from on_startup
    depth: int = 0  # nested language builds now running
    site: Path | None = None  # the outermost build's site folder: every edition below it
    index: CrossIndex | None = None  # this language's paragraphs and provisions (hooks/crossrefs.py)
    navs: dict[str, Navigation] = field(default_factory=dict)  # per language: the chapters' order
    search_entries: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    pdf_sizes: PendingSizes = field(default_factory=lambda: PendingSizes("pdf", label="pdf_size"))
    zip_sizes: PendingSizes = field(default_factory=lambda: PendingSizes("offline", label="offline_size"))
    pdf_html: dict[str, str] = field(default_factory=dict)  # per language: the PDF's assembled HTML
    pdfs: PdfJobs | None = None  # renders started by each language, collected after the last
    timings: dict[str, dict[str, float]] = field(default_factory=dict)  # for scripts/benchmark.py
    # per language: its finished chapters, read once (hooks/edition_data.py) for the data and comparison
    editions: dict[str, LanguageEdition] = field(default_factory=dict)
    compare_pages: dict[str, tuple[str, str]] = field(default_factory=dict)  # per language: URL, file written
    comments: KeptComments = field(default_factory=KeptComments)  # hooks/comments.py; kept by ``enter``
    comment_templates: dict[str, jinja2.Environment] = field(default_factory=dict)  # per language, per config

    # Why: the outermost build starts afresh (what `mkdocs serve` kept from its last build is stale).
    def enter(self, site: Path) -> None:
        if self.depth == 0:
            self.abandon()
            self.__dict__.update(vars(BuildState(command=self.command, site=site, comments=self.comments)))
        self.depth += 1

    # Why: True when the build leaving is the outermost one, i.e. every language is built.
    def leave(self) -> bool:
        self.depth -= 1
        return self.depth == 0

    # Why: after a failed build `mkdocs serve` starts the next one from the top.
    def abandon(self) -> None:
        if self.pdfs is not None:
            self.pdfs.close()
        self.depth = 0


STATE = BuildState()
