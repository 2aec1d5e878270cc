"""Helper for the hooks (not a hook): each language's finished pages, read once for the edition's tools.

``edition_data.py`` fills it in ``on_env`` (every page of the language converted, none written
yet); ``compare.py`` reads every language from it once all are built.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from edition.edition_data import Chapter


@dataclass
class LanguageEdition:
    """What one language build has shown: its chapters and where its provisions are quoted."""

    lang: str
    title: str
    home_url: str
    chapters: list[Chapter]
    provision_pages: Mapping[str, str]  # provision id: the path of the page quoting it
    rests_on: Mapping[str, tuple[str, ...]]


editions: dict[str, LanguageEdition] = {}
