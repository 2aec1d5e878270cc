"""The editions' PDFs rendered beside the build, one process per language, or taken from the cache.

Each language build hands its assembled HTML to ``PdfJobs.submit`` and goes on; WeasyPrint renders it
in a worker process while the next language builds. ``PdfJobs.results`` waits for every render once
all languages are built. A PDF whose HTML, stylesheet, fonts and rendering code are unchanged comes from the cache.
"""

from __future__ import annotations

import time
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from edition.downloads.build_cache import ProductCache
from edition.downloads.pdf_render import Rendered, render_pdf
from edition.shared.digests import digest, tree

# How the HTML becomes a PDF (WeasyPrint's options, the catalog's settings) is part of what a PDF is made from.
_RENDERER = digest(files=[Path(__file__).with_name("pdf_render.py")], root=Path(__file__).parent)


@dataclass(frozen=True)
class PdfResult:
    """One edition's PDF, the renderer's complaints, and how it was obtained."""

    pdf: bytes
    problems: tuple[str, ...]
    render_s: float  # 0 when it came from the cache
    source: str  # "rendered", "cached" or "stale" (the last one made, under `mkdocs serve`)
    attachments: tuple[str, ...] = ()  # the addresses of attachment links taken out (a problem each)


# Why: runs in a worker process; returns what the parent needs, timed there.
def _render(html: str, stylesheet: Path, base_dir: Path) -> tuple[Rendered, float]:
    started = time.perf_counter()
    rendered = render_pdf(html, stylesheet=stylesheet, base_dir=base_dir)
    return rendered, time.perf_counter() - started


def _result(rendered: Rendered, seconds: float) -> PdfResult:
    return PdfResult(rendered.pdf, tuple(rendered.problems), seconds, "rendered", tuple(rendered.attachments))


class PdfJobs:
    """The renders of one build, by language."""

    def __init__(self, cache: ProductCache, *, workers: int, stale_ok: bool) -> None:
        self.cache = cache
        self.stale_ok = stale_ok  # under `mkdocs serve`: the last PDF made stands in for a changed one
        self._pool = ProcessPoolExecutor(max_workers=workers) if workers > 0 else None
        self._jobs: dict[str, tuple[str, Future[tuple[Rendered, float]] | PdfResult]] = {}

    # Why: under `mkdocs serve` the last PDF made stands in, so the edition's HTML need not even be assembled.
    def take_latest(self, lang: str) -> bool:
        stale = self.cache.latest(f"{lang}.pdf") if self.stale_ok else None
        if stale is not None:
            self._jobs[lang] = ("latest", PdfResult(stale, (), 0.0, "stale"))
        return stale is not None

    # Why: start one edition's render (or find it made already) without waiting for it.
    def submit(self, lang: str, html: str, *, stylesheet: Path, base_dir: Path) -> None:
        name = f"{lang}.pdf"
        folder = digest(files=tree(base_dir, ["."]), root=base_dir.parent)  # the templates and fonts: 0.5 ms
        key = digest(files=[stylesheet], root=base_dir.parent, settings=[folder, _RENDERER, html])
        cached = self.cache.get(name, key)
        if cached is not None:
            self._jobs[lang] = (key, PdfResult(cached, (), 0.0, "cached"))
        elif self._pool is not None:
            self._jobs[lang] = (key, self._pool.submit(_render, html, stylesheet, base_dir))
        else:
            self._jobs[lang] = (key, _result(*_render(html, stylesheet, base_dir)))

    # Why: every edition's PDF once all are done; renders without problems go to the cache.
    def results(self) -> dict[str, PdfResult]:
        finished: dict[str, PdfResult] = {}
        for lang, (_key, job) in self._jobs.items():
            if isinstance(job, PdfResult):
                finished[lang] = job
                continue
            finished[lang] = _result(*job.result())
        for lang, result in finished.items():
            if result.source == "rendered" and not result.problems and not result.attachments:
                self.cache.put(f"{lang}.pdf", self._jobs[lang][0], result.pdf)
        self.close()
        return finished

    # Why: no worker outlives its build.
    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
