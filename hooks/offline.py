"""The offline editions: one ZIP per language, linked from the home pages (logic in ``edition/downloads/``).

The ZIPs come from a variant of this configuration, ``mkdocs.offline.yml``, with Material's offline plugin:
its pages work from the file system. Called by the adapter (``hooks/build.py``):

- ``ship_worker_shim`` (``on_config``, offline variant): the offline plugin's file:// worker shim, from unpkg.com,
  replaced by a copy shipped with the site (which requests nothing from other hosts).
- ``add_links`` (``on_page_context``): in the offline variant, the language switch leads to the other
  editions on the website (a ZIP holds one language) when its address is configured, else offers none, and
  the page is marked offline for ``overrides/main.html``; in the website's build, the home pages list the ZIPs.
- ``write_zips`` (after every language, website only): the variant's build (``offline_build.py``), given the
  website's comment files relinked (not rendered again), packed into one ZIP per language (``offline.py``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from edition.downloads.background import BackgroundBuild
from edition.downloads.offline import (
    Packing,
    comment_files,
    offline_comment_files,
    online_address,
    packings,
    start_page_context,
)
from edition.downloads.offline_build import OfflineBuildFailed
from edition.downloads.sizes import PDF_NAME, ZIP_NAME, download_path, fill_pages
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
        alternates = _alternates(config)
        for alternate in alternates:
            link = alternate["link"]
            if alternate["lang"] != lang:
                alternate["link"] = (config.site_url or "") + online_address(link.lstrip("/"))
            elif link.endswith("/"):  # a folder does not open its index.html from the file system
                alternate["link"] = link + "index.html"
        if not config.site_url:  # the other editions have no known address: offer none
            alternates[:] = [alternate for alternate in alternates if alternate["lang"] == lang]
    elif is_edition_home(page.url, config):
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
    pdfs = [site / download_path(PDF_NAME, lang, default) for lang in languages]

    def pack(build: BackgroundBuild) -> dict[str, Packing]:
        _relink_comment_files(config, site, build.site, state=state)
        fill_pages(build.site, [state.pdf_sizes], project_registry(config, state).labels)
        start = {lang: _start_page(config, lang=lang, state=state) for lang in languages if lang != default}
        return packings(
            offline_site=build.site,
            website=site,
            folder=build.folder,
            languages=languages,
            default=default,
            start_pages=start,
        )

    try:
        made = zips.zips(languages, site=site, pdfs=pdfs, date=project_facts(config, state).date, pack=pack)
    except OfflineBuildFailed as error:
        raise PluginError(str(error)) from None
    if zips.made_s is not None:
        TIMING.debug("%s %s: %.3f s", "offline", "made_s", zips.made_s)
    for lang, data in made.items():
        (site / download_path(ZIP_NAME, lang, default)).write_bytes(data)
        state.zip_sizes.sizes[lang] = len(data)
    fill_pages(site, [state.zip_sizes], project_registry(config, state).labels)


# Why: rendering 10,000 comments again, three times, for the offline edition cost seconds; its files
# are the website's, but for the links of ``[[id]]``s, which lead to files there (x.html, not x/).
def _relink_comment_files(config: MkDocsConfig, site: Path, offline_site: Path, *, state: BuildState) -> None:
    languages, default = site_languages(config)
    files = comment_files(state.loaded.comments.by_target, languages=languages, default=default)
    problems = offline_comment_files(files, website=site, offline_site=offline_site)
    if problems:
        raise PluginError("The offline edition's comment files link to missing pages:\n  " + "\n  ".join(problems))


# Why: a translated edition's ZIP opens on a page that leads into its own folder.
def _start_page(config: MkDocsConfig, *, lang: str, state: BuildState) -> str:
    labels = project_registry(config, state).labels[lang]
    _, default = site_languages(config)
    context = start_page_context(lang, default=default, site_name=site_names(config)[lang], labels=labels)
    return str(state.language(lang).templates(config).get_template(START_TEMPLATE).render(context))
