"""What WeasyPrint may read while it renders a PDF: the files of one folder (the project's ``pdf/``) and
``data:`` addresses, nothing else.

Any other address (a file elsewhere on the machine, reached by its path, by ``..`` or through a
symbolic link; any other protocol) is refused and recorded, as is any failure to read an allowed
one, so the build names each instead of publishing it or rendering without it. The document's
attachment links (``<a rel=attachment>``, ``<link rel=attachment>``), which WeasyPrint would embed
as files of the PDF, are taken out before rendering and reported. Imported by the render step
only: it imports WeasyPrint.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

import tinyhtml5
from weasyprint.html import element_has_link_type
from weasyprint.urls import URLFetcher

MAX_SHOWN = 200  # characters of a refused address shown in the build's log


# Why: the one decision of what may be read: the address to open instead, or None when it is refused.
def allowed_url(url: str, *, folder: Path) -> str | None:
    scheme, _, _ = url.partition(":")
    if scheme.lower() == "data":
        return url
    if scheme.lower() != "file":
        return None
    parts = urlsplit(url)
    if parts.netloc not in ("", "localhost"):
        return None
    path = Path(url2pathname(parts.path))
    if not path.is_absolute():
        return None
    resolved = path.resolve()  # symbolic links and ``..`` followed before the check, not after
    inside = resolved.is_relative_to(folder.resolve()) and resolved.is_file()
    return resolved.as_uri() if inside else None


class FolderFetcher(URLFetcher):  # type: ignore[misc]  # WeasyPrint has no type hints
    """WeasyPrint's fetcher, limited to ``allowed_url``; keeps every refusal and failure, by address."""

    def __init__(self, folder: Path) -> None:
        super().__init__(allowed_protocols={"file", "data"}, fail_on_errors=False)
        self.folder = folder.resolve()
        self.problems: list[str] = []
        self.failed: list[str] = []  # the addresses, to tell WeasyPrint's own report of them apart

    def fetch(self, url: str, headers: Any = None) -> Any:
        allowed = allowed_url(url, folder=self.folder)
        if allowed is None:
            why = f"refused: the PDF reads only files in {self.folder.name}/ and data: addresses"
            self._record(url, why)
            raise PermissionError(f"{_shown(url)}: {why}")
        try:
            return super().fetch(allowed, headers)
        except Exception as error:
            self._record(url, f"not read: {error}")
            raise

    def _record(self, url: str, why: str) -> None:
        if url not in self.failed:
            self.failed.append(url)
            self.problems.append(f"{_shown(url)}: {why}")


# Why: WeasyPrint embeds the target of an attachment link in the PDF; the links are taken out and
# their addresses returned: ``rel`` read as WeasyPrint reads it, elements by local name, whatever their namespace.
def take_attachments(root: Any) -> list[str]:
    found: list[str] = []
    for element in root.iter():
        name = element.tag.rsplit("}", 1)[-1].lower() if isinstance(element.tag, str) else ""
        if name in ("a", "link") and element_has_link_type(element, "attachment"):
            found.append(str(element.get("href") or ""))
            del element.attrib["rel"]
    return found


# Why: the attachment links of one page's HTML, parsed as WeasyPrint parses it, to tell which page holds one.
def attachment_links(html: str) -> list[str]:
    return take_attachments(tinyhtml5.parse(html, namespace_html_elements=False))


def _shown(url: str) -> str:
    return url if len(url) <= MAX_SHOWN else url[:MAX_SHOWN] + "…"
