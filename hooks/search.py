"""Search in the reader's language (logic in ``edition/search_index.py``).

MkDocs events:

- ``on_pre_build``: counts nested builds. mkdocs-static-i18n builds the other languages from inside
  the default language's ``on_post_build``, so the outermost build is the one that finishes last.
- ``on_build_error``: resets the count, so `mkdocs serve` recovers after a failed build.
- ``on_page_content``: records each guideline paragraph of the page as a search entry of its language.
- ``on_page_context``: tells `overrides/main.html` where a translated edition's index is.
- ``on_post_build`` at priority -200 (``BuildNesting.after_every_language``) (after the i18n plugin
  at -100 has built every language and
  written the one shared index): at the outermost build only, the shared index is split into one
  index per language under each edition's root, with the paragraph entries added. In the offline
  edition each index is also written as the script Material loads from the file system.

``overrides/main.html`` points each edition's search at its own index.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from edition.search_index import Entry, guideline_entries, split_index, with_entries

from site_languages import BuildNesting, current_language, edition_prefix, site_languages
from site_variant import offline_variant

_entries: dict[str, list[Entry]] = defaultdict(list)
_builds = BuildNesting(on_start=_entries.clear)
on_pre_build = _builds.on_pre_build
on_build_error = _builds.on_build_error


def on_page_content(html: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    lang = current_language(config)
    location = _relative_to_edition(page.url, lang, config)
    if 'class="guideline"' in html:
        _entries[lang] += guideline_entries(html, page_location=location)
    return html


# Why: once every language is built.
def _finish(config: MkDocsConfig, root_site: Path) -> None:
    languages, default = site_languages(config)
    index_path = root_site / "search" / "search_index.json"
    if not index_path.exists():
        return
    shared = json.loads(index_path.read_text(encoding="utf-8"))
    for lang, index in split_index(shared, languages=languages, default=default).items():
        folder = root_site / edition_prefix(lang, default)
        target = folder / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(with_entries(index, _entries[lang]), ensure_ascii=False, separators=(",", ":"))
        target.write_text(text, encoding="utf-8")
        if offline_variant(config):  # what Material's offline plugin writes, for each edition's own index
            target.with_suffix(".js").write_text(f"var __index = {text}", encoding="utf-8")


# Why: page URLs of a translated edition start with its language; its own index does not.
def _relative_to_edition(url: str, lang: str, config: MkDocsConfig) -> str:
    _, default = site_languages(config)
    return url.removeprefix(edition_prefix(lang, default))


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, **_: Any) -> dict[str, Any]:
    languages, default = site_languages(config)
    lang = current_language(config)
    if lang != default:
        context["edition_search_base"] = f"{context['base_url']}/{lang}/"
    return context


on_post_build = _builds.after_every_language(_finish)
