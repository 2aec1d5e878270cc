"""The self-assessment checklist page (logic in ``edition/tools/checklist.py``, markup in ``overrides/checklist.html``).

``add_checklist``, called by the adapter (``hooks/build.py``) in ``on_page_context``, per language
build: on the page whose front matter says ``edition: checklist`` (and
  ``template: checklist.html``), gives the template the parts, sections and paragraphs of this
  language, each paragraph linked to its place, with the words of ``data/labels.yml``. A paragraph
  without its headings, or a missing word, stops the build. The pages and their index are this
  language's, as ``hooks/crossrefs.py`` left them in the build state (``state.language(lang)``).
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from edition.shared.problems import format_problems
from edition.tools.checklist import checklist_context, checklist_parts, missing_labels

from build_state import BuildState
from project import project_registry
from site_links import site_links

DETAILS = "<!-- edition:checklist-details -->"


def add_checklist(
    context: dict[str, Any], page: Page, config: MkDocsConfig, *, lang: str, state: BuildState
) -> dict[str, Any]:
    if page.meta.get("edition") != "checklist":
        return context
    language = state.language(lang)
    index, files = language.index, language.files
    assert index is not None and files is not None
    labels = project_registry(config, state).labels.get(lang, {})
    missing = missing_labels(labels)
    if missing:
        raise PluginError(f"data/labels.yml: '{lang}' lacks the checklist's words {', '.join(missing)}")
    order = list(dict.fromkeys(entry.page for entry in index.guidelines.values()))
    sources = {key: files.get_file_from_path(key) for key in order}
    pages = {key: language.scanned[key] for key, file in sources.items() if file}
    parts, problems = checklist_parts(index, pages, order=order)
    if problems:
        raise PluginError(format_problems(problems))
    links = site_links(config, files, lang=lang, state=state)
    hrefs = {key: links.page(key, here=page.url) for key, file in sources.items() if file}
    # Why: the reader meets the questions first; storage and file formats are reference, read after.
    assert page.content is not None
    page.content, _marker, details = page.content.partition(DETAILS)
    context["edition_checklist"] = checklist_context(parts, hrefs=hrefs, labels=labels, lang=lang, details=details)
    return context
