"""Languages side by side: each edition's "Compare languages" page (logic in ``edition/compare.py``).

MkDocs events:

- ``on_pre_build``, ``on_build_error``: count nested builds (``BuildNesting``), as the other
  languages build inside the default one.
- ``on_page_content``: the page whose front matter says ``edition: compare`` gets a place for the
  comparison (``<!-- edition:compare -->``); where its page will be written is noted.
- ``on_post_build`` at priority -200, outermost build only: every language's pages have been read
  by ``edition_data.py`` (``edition_pages.editions``), so each comparison page is completed from
  all of them (``partials/edition/compare.html``), in the file already written. In the offline
  edition, a ZIP holds one language: the other languages' texts are in its comparison page, and
  their links lead to the website.

Nothing of the comparison is searchable (the page says ``search: exclude``): its words are in
three languages, and each language's search holds its own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import edition_pages
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from edition.compare import aligned_parts, aligned_provisions
from edition.offline import online_address

from project import project_registry
from site_languages import BuildNesting, current_language, site_languages
from site_variant import offline_variant

PLACE = "<!-- edition:compare -->"

# Each language's comparison page: its URL and the file it is written to.
_pages: dict[str, tuple[str, str]] = {}
_builds = BuildNesting(on_start=_pages.clear)
on_pre_build = _builds.on_pre_build
on_build_error = _builds.on_build_error


def on_page_content(html: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    if page.meta.get("edition") != "compare":
        return html
    _pages[current_language(config)] = (page.url, page.file.abs_dest_path)
    return html + "\n" + PLACE


# Why: once every language is built, each comparison page gets all of them.
def _finish(config: MkDocsConfig, root_site: Path) -> None:
    languages, _ = site_languages(config)
    registry = project_registry(config)
    offline = offline_variant(config)
    names = {lang: registry.labels[lang]["language_name"] for lang in languages}
    template = config.theme.get_env().get_template("partials/edition/compare.html")
    for lang, (url, dest) in _pages.items():

        def href(other: str, path: str, lang: str = lang, url: str = url) -> str:
            if offline and other != lang:  # a ZIP holds its own language only
                return (config.site_url or "") + online_address(path)
            target, _, fragment = path.partition("#")
            relative = get_relative_url(target, url) if target else ""
            return relative + (f"#{fragment}" if fragment else "")

        chapters = {other: edition_pages.editions[other].chapters for other in languages}
        pages = {other: edition_pages.editions[other].provision_pages for other in languages}
        labels = registry.labels[lang]
        content = template.render(
            labels=labels,
            languages=[{"lang": other, "name": names[other]} for other in languages],
            names=names,
            quotes={
                other: (registry.labels[other]["quote_open"], registry.labels[other]["quote_close"])
                for other in languages
            },
            parts=aligned_parts(chapters, languages=languages, reference=lang, href=href),
            provisions=aligned_provisions(registry, languages=languages, reference=lang, pages=pages, href=href),
        )
        file = Path(dest)
        html = file.read_text(encoding="utf-8")
        file.write_text(html.replace(PLACE, content, 1), encoding="utf-8")


on_post_build = _builds.after_every_language(_finish)
