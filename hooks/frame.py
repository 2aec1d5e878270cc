"""The edition's frame, in the page's language (logic in ``edition/frame/page_frame.py``, words in ``data/labels.yml``).

Called by the adapter (``hooks/build.py``):

- ``add_about`` (``on_page_content``): the Contact page's "About this edition" (where its Markdown says
  ``<!-- edition:about-this-edition -->``): who makes the edition, how it stands to QUNO, where to
  write, from ``data/edition.yml``'s ``editors`` and ``extra.editors_email`` (``edition/downloads/colophon.py``).
- ``add_frame`` (``on_page_context``): gives ``overrides/partials/copyright.html`` this edition's date and version
  for every page's footer, and ``overrides/main.html`` the orientation an edition's home page opens
  with (what the edition is, where to start reading, how to comment; the downloads sit beside it).
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from edition.downloads.colophon import about_lines
from edition.frame.page_frame import footer_context, orientation

from build_state import BuildState
from project import project_facts, project_registry
from site_languages import is_edition_home

ABOUT_PLACE = "<!-- edition:about-this-edition -->"


def add_about(html: str, config: MkDocsConfig, *, lang: str, state: BuildState) -> str:
    if ABOUT_PLACE not in html:
        return html
    lines = about_lines(
        project_registry(config, state).labels[lang],
        project_facts(config, state).editors,
        email=str(config.extra.get("editors_email") or "").strip(),
        # Why: the Contact page's next section, the contact for comments, says where to write.
        where_to_write=False,
    )
    template = state.language(lang).templates(config).get_template("partials/edition/about-edition.html")
    return html.replace(ABOUT_PLACE, template.render(lines=lines))


def add_frame(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation, *, lang: str, state: BuildState
) -> dict[str, Any]:
    labels = project_registry(config, state).labels[lang]
    facts = project_facts(config, state)
    context.update(footer_context(labels, date=facts.date, version=facts.version))
    if is_edition_home(page.url, config, lang=lang):
        pages = [(PurePosixPath(p.file.src_uri).name, p.title or "", p.url) for p in nav.pages if isinstance(p, Page)]
        context["edition_orientation"] = orientation(labels, line=context["edition_line"], pages=pages, here=page.url)
    return context
