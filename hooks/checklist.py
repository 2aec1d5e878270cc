"""The self-assessment checklist page (logic in ``edition/checklist.py``, markup in ``overrides/checklist.html``).

MkDocs events, per language build:

- ``on_files`` at priority -200 (after mkdocs-static-i18n at -100 has kept this language's pages,
  like ``hooks/crossrefs.py``): keeps this language's files, to find the pages holding paragraphs.
- ``on_page_context``: on the page whose front matter says ``edition: checklist`` (and
  ``template: checklist.html``), gives the template the parts, sections and paragraphs of this
  language, each paragraph linked to its place, with the words of ``data/labels.yml``. A paragraph
  without its headings, or a missing word, stops the build.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from edition.checklist import MAX_FILE_BYTES, MAX_NOTE, STATUSES, STORAGE_KEY, checklist_parts, missing_labels
from edition.problems import format_problems
from edition.syntax import scan

import shared_index
from project import project_registry
from site_languages import current_language

_files: Files | None = None


@event_priority(-200)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _files
    _files = files
    return files


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, **_: Any) -> dict[str, Any]:
    if page.meta.get("edition") != "checklist":
        return context
    index = shared_index.current
    assert index is not None and _files is not None
    lang = current_language(config)
    labels = project_registry(config).labels.get(lang, {})
    missing = missing_labels(labels)
    if missing:
        raise PluginError(f"data/labels.yml: '{lang}' lacks the checklist's words {', '.join(missing)}")
    order = list(dict.fromkeys(entry.page for entry in index.guidelines.values()))
    sources = {key: _files.get_file_from_path(key) for key in order}
    pages = {key: scan(file.content_string, path=file.src_path) for key, file in sources.items() if file}
    parts, problems = checklist_parts(index, pages, order=order)
    if problems:
        raise PluginError(format_problems(problems))
    hrefs = {key: file.url_relative_to(page.file) for key, file in sources.items() if file}
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
    }
    return context
