"""Rendering an edition's HTML document to a tagged PDF with WeasyPrint, offline and reproducibly.

WeasyPrint reads only the files of the PDF's own folder (``pdf/``: stylesheet, fonts) and ``data:``
addresses (``edition/downloads/pdf_fetch.py``); attachment links are refused. Whatever it refused or could
not read, and its own warnings, come back as problems, so the build fails naming them all.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path


class RenderProblems(logging.Handler):
    """Collects WeasyPrint's warnings and errors, so a bad document fails the build loudly."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@dataclass(frozen=True)
class Rendered:
    """One render: the PDF, its problems, and the addresses of the attachment links taken out."""

    pdf: bytes
    problems: list[str] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)


# Why: a reader opening the PDF sees its bookmarks panel (WeasyPrint 70 has no option for it); the same
# name every time, so the render stays reproducible.
def _open_with_outline(_document: object, pdf: object) -> None:
    pdf.catalog["PageMode"] = "/UseOutlines"  # type: ignore[attr-defined]


# Why: one call renders one edition; every problem of the render is kept, none stops it half-way.
def render_pdf(html: str, *, stylesheet: Path, base_dir: Path) -> Rendered:
    # Imported here: WeasyPrint takes most of a second to import, and only this step needs it.
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    from edition.downloads.pdf_fetch import FolderFetcher, take_attachments

    if not stylesheet.resolve().is_relative_to(base_dir.resolve()):
        raise ValueError(f"{stylesheet}: the PDF's stylesheet must be in {base_dir}")
    fetcher = FolderFetcher(base_dir)
    fonts = FontConfiguration()
    css = CSS(filename=str(stylesheet), font_config=fonts, url_fetcher=fetcher)
    problems = RenderProblems()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(problems)
    try:
        document = HTML(string=html, base_url=str(base_dir) + "/", url_fetcher=fetcher)
        attachments = take_attachments(document.etree_element)
        pdf = document.write_pdf(
            stylesheets=[css],
            font_config=fonts,
            pdf_variant="pdf/ua-1",
            pdf_identifier=hashlib.sha256(html.encode()).hexdigest()[:32].encode(),
            custom_metadata=True,
            finisher=_open_with_outline,
        )
    finally:
        logger.removeHandler(problems)
    assert pdf is not None
    # WeasyPrint's own report of an address the fetcher refused or failed says less than the fetcher's.
    logged = [m for m in problems.messages if not any(url in m for url in fetcher.failed)]
    return Rendered(pdf, fetcher.problems + logged, attachments)
