"""Interface words of the edition's own frame, per language (from ``data/labels.yml``; logic in
``edition/frame/page_frame.py``).

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

from edition.frame.page_frame import interface_words

from build_state import BuildState
from project import project_registry


def add_words(
    context: dict[str, Any], page: Page, config: MkDocsConfig, *, lang: str, state: BuildState
) -> dict[str, Any]:
    labels = project_registry(config, state).labels.get(lang, {})
    context.update(interface_words(labels, page_name=PurePosixPath(page.file.src_uri).name))
    return context
