"""The downloads' names, and their sizes on the pages.

Every page names its edition's PDF with its size, and the home pages list every edition's PDF and
ZIP; no size is known while the pages are rendered (the PDFs render beside the build, the ZIPs are
made last): each page gets a token (``PendingSizes``), replaced by the size once every language is
built (``fill_pages``).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from edition.frame.formatting import format_size
from edition.shared.safe_html import escaped
from edition.text.links import edition_prefix

# The downloads' file names, in each edition's own folder (beside its home page).
PDF_NAME = "babies-and-small-children-residing-in-prisons-{lang}.pdf"
ZIP_FOLDER = "babies-and-small-children-residing-in-prisons-{lang}"
ZIP_NAME = ZIP_FOLDER + "-offline.zip"


class PendingSizes:
    """The sizes of one kind of download, by language, and the tokens that stand for them meanwhile."""

    def __init__(self, kind: str, label: str) -> None:
        self.kind = kind
        self.label_key = label  # the label saying "PDF, {size}" or "ZIP, {size}"
        self.sizes: dict[str, int] = {}  # bytes per language

    # Why: a token no page text can contain by accident, for a size not known yet.
    def token(self, lang: str, page_lang: str) -> str:
        return f"edition-{self.kind}-size-of-{lang}-in-{page_lang}-pending"

    # Why: the size in the page's language if known, else the token that fill_pages() replaces.
    def label(self, lang: str, page_lang: str, labels: Mapping[str, Mapping[str, str]]) -> str:
        if lang in self.sizes:
            return format_size(self.sizes[lang], labels[page_lang], self.label_key)
        return self.token(lang, page_lang)

    # Why: one edition's entry in a download list, in the words of the page's language.
    def item(self, lang: str, page_lang: str, href: str, labels: Mapping[str, Mapping[str, str]]) -> dict[str, str]:
        return {
            "href": href,
            "size": self.label(lang, page_lang, labels),
            "lang": lang,
            "name": labels[lang]["language_name"],
        }


# Why: where an edition's PDF or ZIP sits, relative to the site root.
def download_path(name: str, lang: str, default: str) -> str:
    return edition_prefix(lang, default) + name.format(lang=lang)


# Why: sizes reach every page of every edition once all are known (each page names its PDF's size).
def fill_pages(root_site: Path, sizes: list[PendingSizes], labels: Mapping[str, Mapping[str, str]]) -> None:
    for page in root_site.rglob("*.html"):
        text = original = page.read_text(encoding="utf-8")
        if "-size-of-" not in text:
            continue
        for pending in sizes:
            for lang in pending.sizes:
                for page_lang in labels:
                    size = escaped(pending.label(lang, page_lang, labels))  # into the page's HTML, past its templates
                    text = text.replace(pending.token(lang, page_lang), size)
        if text != original:
            page.write_text(text, encoding="utf-8")
