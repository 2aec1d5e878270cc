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
from mkdocs.utils import get_relative_url

from edition.downloads.colophon import about_lines
from edition.frame.formatting import format_date
from edition.frame.page_frame import edition_line, start_links

from build_state import BuildState
from project import project_facts, project_registry
from site_languages import current_language, is_edition_home

ABOUT_PLACE = "<!-- edition:about-this-edition -->"


def add_about(html: str, config: MkDocsConfig, *, state: BuildState) -> str:
    if ABOUT_PLACE not in html:
        return html
    lang = current_language(config)
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
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation, *, state: BuildState
) -> dict[str, Any]:
    labels = project_registry(config, state).labels[current_language(config)]
    facts = project_facts(config, state)
    line = edition_line(labels, date_text=format_date(facts.date, labels), version=facts.version)
    context["edition_line"] = line
    context["made_with"] = labels["footer_made_with"]
    if is_edition_home(page.url, config):
        pages = [
            (PurePosixPath(p.file.src_uri).name, p.title or "", get_relative_url(p.url, page.url))
            for p in nav.pages
            if isinstance(p, Page)
        ]
        comments = next((href for name, _, href in pages if name == "comments.md"), None)
        context["edition_orientation"] = {
            "labels": labels,
            "line": line,
            "start": start_links(pages),
            "comments_href": f"{comments}#how-to-comment" if comments else None,
        }
    return context
