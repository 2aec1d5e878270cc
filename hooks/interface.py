"""Interface words of the edition's own frame, per language (from ``data/labels.yml``).

``add_words``, called by the adapter (``hooks/build.py``) in ``on_page_context``: gives
``overrides/main.html`` the note that a translated edition shows on every page (whose translation it
is, its date, how to propose corrections), in the page's language, and, on the pages of the 2005 text,
the words of the control that hides the edition's apparatus.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from edition.frame.page_frame import TEXT_PAGES

from build_state import BuildState
from project import project_registry
from site_languages import current_language


def add_words(context: dict[str, Any], page: Page, config: MkDocsConfig, *, state: BuildState) -> dict[str, Any]:
    labels = project_registry(config, state).labels.get(current_language(config), {})
    if "translation_note_text" in labels:
        context["edition_translation_note"] = {
            "title": labels["translation_note_title"],
            "summary": labels["translation_note_summary"],
            "text": labels["translation_note_text"],
        }
    if PurePosixPath(page.file.src_uri).name in TEXT_PAGES:
        context["edition_text_only"] = labels["text_only"]
    return context
