"""The offline editions: one ZIP per language, linked from the home pages (logic in ``edition/downloads/offline.py``).

The ZIPs come from a variant of this configuration, ``mkdocs.offline.yml``, which enables Material's
offline plugin: its pages work from the file system. ``hooks/every_language.py`` builds that variant once
every language of the website is built, and packs each language's part of it. These functions serve both,
called by the adapter (``hooks/build.py``):

- ``ship_worker_shim`` (``on_config``, offline variant): Material's offline plugin loads its file:// worker shim from
  unpkg.com; the site requests nothing from other hosts, so a copy shipped with the site replaces it.
- ``add_links`` (``on_page_context``, after mkdocs-static-i18n's at 50): in the offline variant, the language
  switch leads to the other editions on the website (a ZIP holds one language) when the published
  address is configured, else it offers the edition's own language only, and the page is marked
  offline for ``overrides/main.html``; in the website's build, the home pages list the ZIPs.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from edition.downloads.offline import online_address

from build_state import BuildState
from download_sizes import ZIP_NAME, download_path
from project import project_registry
from site_languages import current_language, is_edition_home, site_languages
from site_variant import offline_variant

SHIM = "assets/javascripts/vendor/iframe-worker-shim.js"  # from the npm package iframe-worker 1.0.4


def ship_worker_shim(config: MkDocsConfig) -> None:
    if offline_variant(config):
        polyfills = config.extra.get("polyfills", [])
        config.extra["polyfills"] = [SHIM if "iframe-worker" in url else url for url in polyfills]


def add_links(context: dict[str, Any], page: Page, config: MkDocsConfig, *, state: BuildState) -> dict[str, Any]:
    lang = current_language(config)
    languages, default = site_languages(config)
    if offline_variant(config):
        context["edition_offline"] = True
        alternates = _alternates(config)
        for alternate in alternates:
            link = alternate["link"]
            if alternate["lang"] != lang:
                alternate["link"] = (config.site_url or "") + online_address(link.lstrip("/"))
            elif link.endswith("/"):  # a folder does not open its index.html from the file system
                alternate["link"] = link + "index.html"
        if not config.site_url:  # the other editions have no known address: offer none
            alternates[:] = [alternate for alternate in alternates if alternate["lang"] == lang]
    elif is_edition_home(page.url, config, lang=lang):
        labels = project_registry(config, state).labels
        context["edition_offline_zips"] = {
            "label": labels[lang]["offline_all"],
            "how": labels[lang]["offline_how"],
            "items": [
                state.zip_sizes.item(other, lang, get_relative_url(_zip(other, default), page.url), labels)
                for other in languages
            ],
        }
    return context


def _zip(lang: str, default: str) -> str:
    return download_path(ZIP_NAME, lang, default)


# Why: mkdocs-static-i18n sets each page's alternates as an attribute, which Material's template reads first.
def _alternates(config: MkDocsConfig) -> list[dict[str, str]]:
    found = getattr(config.extra, "alternate", None) or config.extra.get("alternate", [])
    return found if isinstance(found, list) else list(found)
