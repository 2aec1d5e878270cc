"""The offline editions: one ZIP per language from the variant ``mkdocs.offline.yml`` (Material's offline plugin).

Called by the adapter (``hooks/build.py``): ``ship_worker_shim`` (``on_config``) puts a copy shipped with the
site in place of the offline plugin's worker shim from unpkg.com; ``add_links`` (``on_page_context``) gives the
offline variant's pages a language switch to the website (or to nothing without its address) and the
website's home pages the ZIPs; ``write_zips`` (after every language, website only) packs the variant's build
(``edition/downloads/offline_build.py``), with the website's comment files relinked, into one ZIP per language.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from edition.downloads.offline import comment_files, offline_alternates, start_page_context
from edition.downloads.offline_build import OfflineEditionFailed, Website
from edition.downloads.sizes import ZIP_NAME, download_path, fill_pages
from edition.text.links import relative_url

from build_state import BuildState
from project import TIMING, project_facts, project_registry
from site_languages import is_edition_home, site_languages, site_names
from site_variant import offline_variant

SHIM = "assets/javascripts/vendor/iframe-worker-shim.js"  # from the npm package iframe-worker 1.0.4
START_TEMPLATE = "partials/edition/offline-start.html"


def ship_worker_shim(config: MkDocsConfig) -> None:
    if offline_variant(config):
        polyfills = config.extra.get("polyfills", [])
        config.extra["polyfills"] = [SHIM if "iframe-worker" in url else url for url in polyfills]


def add_links(
    context: dict[str, Any], page: Page, config: MkDocsConfig, *, lang: str, state: BuildState
) -> dict[str, Any]:
    languages, default = site_languages(config)
    if offline_variant(config):
        context["edition_offline"] = True
        offline_alternates(_alternates(config), lang=lang, site_url=config.site_url)
    elif is_edition_home(page.url, config, lang=lang):
        labels = project_registry(config, state).labels
        context["edition_offline_zips"] = {
            "label": labels[lang]["offline_all"],
            "how": labels[lang]["offline_how"],
            "items": [
                state.zip_sizes.item(
                    other, lang, relative_url(download_path(ZIP_NAME, other, default), page.url), labels
                )
                for other in languages
            ],
        }
    return context


# Why: mkdocs-static-i18n sets each page's alternates as an attribute, which Material's template reads first.
def _alternates(config: MkDocsConfig) -> list[dict[str, str]]:
    found = getattr(config.extra, "alternate", None) or config.extra.get("alternate", [])
    return found if isinstance(found, list) else list(found)


# Why: the offline variant is a build of its own (MkDocs settles directory URLs at config time).
def write_zips(config: MkDocsConfig, site: Path, *, state: BuildState) -> None:
    zips = state.offline
    if offline_variant(config) or not state.pdf_sizes.sizes or zips is None:  # a ZIP holds its PDF: none without it
        if zips is not None:
            zips.close()  # an early build no ZIP will be made from
        return
    languages, default = site_languages(config)
    labels = project_registry(config, state).labels
    website = Website(
        site,
        languages,
        default,
        comment_files=comment_files(state.loaded.comments.by_target, languages=languages, default=default),
        start_pages={lang: _start_page(config, lang=lang, state=state) for lang in languages if lang != default},
        pdf_sizes=state.pdf_sizes,
        labels=labels,
    )
    try:
        made = zips.zips(website, date=project_facts(config, state).date)
    except OfflineEditionFailed as error:
        raise PluginError(str(error)) from None
    if zips.made_s is not None:
        TIMING.debug("%s %s: %.3f s", "offline", "made_s", zips.made_s)
    for lang, data in made.items():
        (site / download_path(ZIP_NAME, lang, default)).write_bytes(data)
        state.zip_sizes.sizes[lang] = len(data)
    fill_pages(site, [state.zip_sizes], labels)


# Why: a translated edition's ZIP opens on a page that leads into its own folder.
def _start_page(config: MkDocsConfig, *, lang: str, state: BuildState) -> str:
    labels = project_registry(config, state).labels[lang]
    _, default = site_languages(config)
    context = start_page_context(lang, default=default, site_name=site_names(config)[lang], labels=labels)
    return str(state.language(lang).templates(config).get_template(START_TEMPLATE).render(context))
