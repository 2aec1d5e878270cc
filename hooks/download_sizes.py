"""Helper for the hooks (not a hook itself): download sizes on the home pages.

A home page lists every edition's file with its size, but an edition built after it has no size
yet when the page is rendered: the page gets a token, replaced by the size once every language is
built. Used for the PDFs (``hooks/pdf.py``) and the offline ZIPs (``hooks/offline.py``).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from edition.formatting import format_size

from site_languages import edition_prefix


class PendingSizes:
    """The sizes of one kind of download, by language, and the tokens that stand for them meanwhile."""

    def __init__(self, kind: str, label: str) -> None:
        self.kind = kind
        self.label_key = label  # the label saying "PDF, {size}" or "ZIP, {size}"
        self.sizes: dict[str, int] = {}  # bytes per language

    # Why: a token no page text can contain by accident, for a size not known yet.
    def token(self, lang: str, page_lang: str) -> str:
        return f"edition-{self.kind}-size-of-{lang}-in-{page_lang}-pending"

    # Why: the size in the page's language if known, else the token that fill() replaces.
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

    # Why: once every language is built, the home pages get the sizes of editions built after them.
    def fill(
        self, root_site: Path, languages: list[str], default: str, labels: Mapping[str, Mapping[str, str]]
    ) -> None:
        for page_lang in languages:
            home = root_site / edition_prefix(page_lang, default) / "index.html"
            if not home.exists():
                continue
            text = home.read_text(encoding="utf-8")
            for lang in self.sizes:
                text = text.replace(self.token(lang, page_lang), self.label(lang, page_lang, labels))
            home.write_text(text, encoding="utf-8")
