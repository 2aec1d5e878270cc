"""Practice around the world: country notes linked both ways to the guideline paragraphs they bear on (checks
in ``edition/annexes/practice.py``, what readers see in ``practice_views.py``, data in ``data/practice.yml``,
notes in ``docs/<lang>/practice.md``).

Called by the adapter (``hooks/build.py``):

- ``read_and_check`` (``on_files``), once ``crossrefs.py`` has indexed this language's pages:
  reads and checks the data and every language's notes at once (source files, verbatim facts and
  quotations, paragraph ids against those pages, languages, numbers); all problems are raised
  together. Read once per change of the files (the data, its schema, the sources, the annexes: the
  digest of their bytes) or of the set of paragraphs (``state.loaded``, kept between ``mkdocs serve``
  rebuilds), so in the first language built, not again per language, nor after an edit elsewhere.
- ``add_notes`` (``on_page_content``): the places the templates and pages leave are filled from
  ``overrides/partials/edition/practice-*.html``: under each paragraph a note bears on,
  ``<!-- edition:practice IV.a.10 -->`` becomes "In practice: France · Mexico" with previews (the
  links are ``xref.html``'s); on the annex (``practice.md``), the overview table and each note's apparatus.
  URLs come from MkDocs' own ``File`` objects.
- ``add_home_note`` (``on_page_context``): each edition's home page gets a pointer to the annex, as a template value
  (the orientation box of ``overrides/main.html``), not in the page's HTML, so that the PDF's
  title page (``hooks/pdf.py`` takes the pages' HTML) stays QUNO's.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from edition.annexes.practice_views import PAGE, checked_countries, fill_page, home_note, practice_inputs
from edition.annexes.views import AnnexPage, is_page
from edition.shared.digests import digest

from build_state import BuildState
from project import project_root, reported
from site_languages import is_edition_home, site_languages
from site_links import site_links


def read_and_check(config: MkDocsConfig, *, lang: str, state: BuildState) -> None:
    index = state.language(lang).index
    if index is None:
        return
    root = project_root(config)
    languages, _ = site_languages(config)
    paragraphs = frozenset(index.guidelines)  # the same in every language (hooks/parity.py)
    # An edit elsewhere in the pages leaves the notes as they were, unless it adds or drops a paragraph.
    key = digest(files=practice_inputs(root, languages=languages), root=root, settings=sorted(paragraphs))
    with reported():
        state.loaded.countries_kept.get(
            key, lambda: checked_countries(root, languages=languages, paragraphs=paragraphs)
        )


def add_notes(html_text: str, page: Page, config: MkDocsConfig, files: Files, *, lang: str, state: BuildState) -> str:
    filling = _annex_page(page, config, files, lang=lang, state=state)
    with reported():
        annex = is_page(page.file.src_uri, PAGE, lang=lang)
        return fill_page(html_text, filling, countries=state.loaded.countries, is_annex=annex)


# A template value, not the page's HTML, which hooks/pdf.py takes for the PDF: the pointer is the website's,
# in the edition's orientation box (overrides/main.html), not after the 2005 title page.
def add_home_note(context: dict[str, Any], page: Page, config: MkDocsConfig, *, lang: str, state: BuildState) -> None:
    files = state.language(lang).files
    if not is_edition_home(page.url, config, lang=lang) or files is None:
        return
    with reported():
        note = home_note(_annex_page(page, config, files, lang=lang, state=state), countries=state.loaded.countries)
    context.setdefault("edition_home_notes", []).append(note)


def _annex_page(page: Page, config: MkDocsConfig, files: Files, *, lang: str, state: BuildState) -> AnnexPage:
    links = site_links(config, files, lang=lang, state=state)
    return AnnexPage(links, page.url, page.file.src_uri, state.language(lang).templates(config))
