"""Interface words of the edition's own frame, per language (from ``data/labels.yml``).

MkDocs event:

- ``on_page_context``: gives ``overrides/main.html`` the note that a translated edition shows on
  every page (whose translation it is, its date, how to propose corrections), in the page's language.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from edition.registry import cached_registry

from site_languages import current_language


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, **_: Any) -> dict[str, Any]:
    root = Path(config.config_file_path).resolve().parent
    labels = cached_registry(root / "data", display_root=root).labels.get(current_language(config), {})
    if "translation_note_text" in labels:
        context["edition_translation_note"] = {
            "title": labels["translation_note_title"],
            "text": labels["translation_note_text"],
        }
    return context
