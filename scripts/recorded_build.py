"""`mkdocs build` with what the benchmark and the golden files read recorded from outside the build's code.

``python scripts/recorded_build.py FOLDER [mkdocs build options]`` runs MkDocs in this process and
writes into FOLDER:

- ``pdf-html/<lang>.html``: each PDF's assembled HTML, as the build hands it to ``PdfJobs.submit``
  (the golden files; ``tests/golden.py``);
- ``timings.json``: the build's DEBUG timing records (logger ``mkdocs.edition.timing``, set in
  ``hooks/project.py``), as ``{what: {which: seconds}}`` (``scripts/benchmark.py``).

The seam is on this side: a wrapper around one method and a log handler; the hooks know nothing of it.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Any

from edition.downloads.pdf_jobs import PdfJobs

TIMING = "mkdocs.edition.timing"  # hooks/project.py's TIMING


class _Timings(logging.Handler):
    """Each record ``(what, which, seconds)`` kept by name."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.found: dict[str, dict[str, float]] = {}

    def emit(self, record: logging.LogRecord) -> None:
        what, which, seconds = record.args or ("", "", 0.0)  # type: ignore[misc]
        self.found.setdefault(str(what), {})[str(which)] = float(seconds)


def main(folder: Path, arguments: list[str]) -> None:
    pdf_html = folder / "pdf-html"
    pdf_html.mkdir(parents=True, exist_ok=True)
    submit = PdfJobs.submit

    def recording(self: PdfJobs, lang: str, html: str, **options: Any) -> None:
        (pdf_html / f"{lang}.html").write_text(html, encoding="utf-8")
        submit(self, lang, html, **options)

    PdfJobs.submit = recording  # type: ignore[method-assign]
    timings = _Timings()
    logger = logging.getLogger(TIMING)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False  # kept here, not printed by MkDocs
    logger.addHandler(timings)
    from mkdocs.__main__ import cli

    try:
        cli(["build", *arguments])
    finally:
        (folder / "timings.json").write_text(json.dumps(timings.found, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2:])
