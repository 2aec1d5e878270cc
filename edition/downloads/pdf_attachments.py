"""Where an attachment link the PDF refused was written, so the author can take it out.

An attachment link would put a file in the PDF (``edition/downloads/pdf_fetch.py`` refuses them);
each one is named where it is written: a line of the page's source or of a data file, else the page
whose HTML holds it, else the PDF's own template.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from edition.shared.problems import written_at

PDF_TEMPLATE = "pdf/document.html"  # the PDF's own template, around the pages


# Why: one line per place an attachment link is written; ``pages`` are each page's HTML and its source file.
def attachment_problems(
    hrefs: Sequence[str], *, pages: Sequence[tuple[str, Path | None]], data: Path, root: Path
) -> list[str]:
    if not hrefs:
        return []
    from edition.downloads.pdf_fetch import attachment_links  # imports WeasyPrint: only once a PDF is refused

    sources_of_data = [source_text(path, root=root) for path in sorted(data.rglob("*.yml"))]
    held = [(source, attachment_links(html)) for html, source in pages]
    found: list[str] = []
    for href in hrefs:
        sources = [source_text(source, root=root) for source, links in held if href in links and source is not None]
        written = written_at(href, sources + sources_of_data)
        marked = set(written) & set(written_at("attachment", sources + sources_of_data))  # the link, if on one line
        places = [f"{path}:{line}" for path, line in written if not marked or (path, line) in marked]
        places = places or [path for path, _ in sources] or [PDF_TEMPLATE]
        found += [f"{place}: an attachment link to {href!r}, refused: the PDF embeds no file" for place in places]
    return found


# Why: a file as a problem names it (from the project's root when it is inside) and its text.
def source_text(path: Path, *, root: Path) -> tuple[str, str]:
    shown = path.resolve().relative_to(root).as_posix() if path.resolve().is_relative_to(root) else str(path)
    return shown, path.read_text(encoding="utf-8")
