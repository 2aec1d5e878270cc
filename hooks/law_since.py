"""Law since 2005: the edition's note under each paragraph and provision, and its annex page (data checks
in ``edition/annexes/later_law.py``, what readers see in ``later_law_views.py``, data in ``data/later-law.yml``).

Called by the adapter (``hooks/build.py``):

- ``read_and_check`` (``on_files``): after ``crossrefs.py`` has checked and indexed this
  language's pages (so a broken page is reported as such first), reads and checks
  ``data/later-law.yml`` against those paragraphs and the provisions registry; every problem is
  raised together as one ``PluginError``. Read again only when the data, its schema, the paragraphs
  or the provisions change (``state.loaded``, kept between ``mkdocs serve`` rebuilds by their digest).
- ``add_annex`` (``on_page_content``): the page ``law-since-2005.md`` of each language gets the crosswalk and the
  later instruments (``law-since-page.html``).
- ``add_notes`` (``on_page_context``, once Material's search has read the page: the notes are
  not for search): each paragraph and provision has left a place for the note
  (``<!-- edition:law-since IV.b.17 -->`` in ``partials/edition/guideline.html`` and
  ``provision.html``); it becomes ``partials/edition/law-since-note.html`` (nothing for a paragraph
  whose recorded decision is that no later rule is linked). Each edition's home page gets a link
  to the annex (``law-since-home.html``). Both use this language's index (``state.language(lang).index``), for
  the backlinks.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from edition.annexes.later_law import DATA_FILE, SCHEMA_FILE, load_later_law
from edition.annexes.later_law_views import PAGE, PLACE, LaterLawPage
from edition.annexes.views import AnnexPage, is_page
from edition.shared.digests import digest

from build_state import BuildState
from project import project_registry, project_root, reported
from site_languages import is_edition_home
from site_links import site_links


def read_and_check(config: MkDocsConfig, *, lang: str, state: BuildState) -> None:
    index = state.language(lang).index
    if index is None:
        return
    root = project_root(config)
    numbers, provisions = list(index.guidelines), list(project_registry(config, state).provisions)
    inputs = [root / "data" / DATA_FILE, root / "data" / SCHEMA_FILE]  # what load_later_law reads
    key = digest(files=inputs, root=root, settings=[*numbers, "", *provisions])
    with reported():
        shown = f"data/{DATA_FILE}"
        state.loaded.law_kept.get(
            key, lambda: load_later_law(root / "data", paragraphs=numbers, provisions=provisions, shown=shown)
        )


def add_annex(html_text: str, page: Page, config: MkDocsConfig, files: Files, *, lang: str, state: BuildState) -> str:
    filling = (
        _filling(page, config, files, lang=lang, state=state) if is_page(page.file.src_uri, PAGE, lang=lang) else None
    )
    with reported():
        return html_text if filling is None else html_text + filling.annex()


# Why: the notes go in once search has read the page; the PDF takes the pages' HTML later, notes included. The home
# page's pointer is a template value (overrides/main.html's orientation box): neither under QUNO's title nor in the PDF.
def add_notes(context: dict[str, Any], page: Page, config: MkDocsConfig, *, lang: str, state: BuildState) -> None:
    files, content = state.language(lang).files, page.content
    has_places, home = content is not None and PLACE in content, is_edition_home(page.url, config, lang=lang)
    filling = (
        _filling(page, config, files, lang=lang, state=state) if files is not None and (has_places or home) else None
    )
    with reported():
        if filling is not None and content is not None and has_places:
            page.content = filling.fill_notes(content)
        if filling is not None and home:
            context.setdefault("edition_home_notes", []).append(filling.home_note())


def _filling(page: Page, config: MkDocsConfig, files: Files, *, lang: str, state: BuildState) -> LaterLawPage | None:
    law, here = state.loaded.law, state.language(lang)
    if law is None or here.index is None:
        return None
    links = site_links(config, files, lang=lang, state=state)
    return LaterLawPage(law, AnnexPage(links, page.url, page.file.src_uri, here.templates(config)))
