"""The downloads as a page links them: its edition's PDF, and on a home page every edition's.

The offline edition holds its own language's PDF only; it links the others on the website when the
published address is configured, else not at all. Sizes are tokens until the PDFs are written
(``edition/downloads/sizes.py``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from edition.downloads.offline import website_url
from edition.downloads.sizes import PDF_NAME, PendingSizes, download_path
from edition.text.links import relative_url


# Why: what ``overrides/main.html`` links from the page at ``here`` (a home page if ``home``), in its language.
def pdf_links(
    sizes: PendingSizes,
    *,
    lang: str,
    languages: Sequence[str],
    default: str,
    here: str,
    home: bool,
    offline: bool,
    site_url: str | None,
    labels: Mapping[str, Mapping[str, str]],
) -> dict[str, Any]:
    def link(other: str) -> dict[str, str]:
        path = download_path(PDF_NAME, other, default)
        website = offline and other != lang
        href = website_url(path, site_url=site_url) or "" if website else relative_url(path, here)
        return sizes.item(other, lang, href, labels)

    links: dict[str, Any] = {"edition_pdf": {"label": labels[lang]["pdf_download"], **link(lang)}}
    if home:
        shown = [other for other in languages if not offline or other == lang or site_url]
        links["edition_pdfs"] = {"label": labels[lang]["pdf_all"], "items": [link(other) for other in shown]}
    return links
