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
from edition.shared.safe_html import edition_html
from edition.tools.checklist import MAX_FILE_BYTES, MAX_NOTE, STATUSES, STORAGE_KEY, checklist_parts, missing_labels

from build_state import BuildState
from project import project_registry
from site_languages import current_language
from site_links import site_links

DETAILS = "<!-- edition:checklist-details -->"


def add_checklist(context: dict[str, Any], page: Page, config: MkDocsConfig, *, state: BuildState) -> dict[str, Any]:
    if page.meta.get("edition") != "checklist":
        return context
    lang = current_language(config)
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
    links = site_links(config, files, state=state)
    hrefs = {key: links.page(key, here=page.url) for key, file in sources.items() if file}
    # Why: the reader meets the questions first; storage and file formats are reference, read after.
    assert page.content is not None
    page.content, _marker, details = page.content.partition(DETAILS)
    context["edition_checklist"] = {
        "parts": parts,
        "hrefs": hrefs,
        "statuses": [{"code": code, "label": labels[f"checklist_status_{code}"]} for code in STATUSES],
        "labels": {k.removeprefix("checklist_"): text for k, text in labels.items() if k.startswith("checklist_")},
        "storage_key": STORAGE_KEY,
        "lang": lang,
        "colon": labels["colon"],
        "count": sum(len(section.items) for part in parts for section in part.sections),
        "max_note": MAX_NOTE,
        "max_bytes": MAX_FILE_BYTES,
        "details": edition_html(details),
    }
    return context
