"""Rendering an edition's HTML document to a tagged PDF with WeasyPrint, offline and reproducibly."""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

# Only the project's own files (fonts, stylesheet) and inline data may be read while rendering.
ALLOWED_PROTOCOLS = {"file", "data"}


class RenderProblems(logging.Handler):
    """Collects WeasyPrint's warnings and errors, so a bad document fails the build loudly."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


# Why: one call renders one edition; fetching is limited to local files and fails on any error.
def render_pdf(html: str, *, stylesheet: Path, base_dir: Path) -> tuple[bytes, list[str]]:
    # Imported here: WeasyPrint takes most of a second to import, and only this step needs it.
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols=ALLOWED_PROTOCOLS, fail_on_errors=True)
    fonts = FontConfiguration()
    css = CSS(filename=str(stylesheet), font_config=fonts, url_fetcher=fetcher)
    problems = RenderProblems()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(problems)
    try:
        document = HTML(string=html, base_url=str(base_dir) + "/", url_fetcher=fetcher)
        pdf = document.write_pdf(
            stylesheets=[css],
            font_config=fonts,
            pdf_variant="pdf/ua-1",
            pdf_identifier=hashlib.sha256(html.encode()).hexdigest()[:32].encode(),
            custom_metadata=True,
        )
    finally:
        logger.removeHandler(problems)
    assert pdf is not None
    return pdf, problems.messages
