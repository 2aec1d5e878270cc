"""The offline editions: one ZIP per language, linked from the home pages (logic in ``edition/offline.py``).

The website's build runs a second build of the same sources with Material's offline plugin enabled
(``EDITION_OFFLINE=true``; ``hooks/site_variant.py``), whose pages work from the file system, and
packs each language's part of it. This hook serves both builds.

MkDocs events:

- ``on_pre_build``, ``on_build_error``: count nested builds (``BuildNesting``), as the other
  languages build inside the default one.
- ``on_config`` (offline build): Material's offline plugin loads its file:// worker shim from
  unpkg.com; the site requests nothing from other hosts, so a copy shipped with the site replaces it.
- ``on_page_context`` (after mkdocs-static-i18n's, at 50): in the offline build, the language
  switch leads to the other editions on the website (a ZIP holds one language) and the page is
  marked offline for ``overrides/main.html``; in the website's build, the home pages list the ZIPs.
- ``on_post_build`` at priority -200, outermost website build only, listed after ``pdf.py`` so
  the PDFs exist: runs the offline build, writes the ZIPs and puts their sizes on the home pages;
  the time taken goes to ``$EDITION_OFFLINE_TIMINGS`` when it is set (``scripts/benchmark.py``).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from edition.formatting import edition_date
from edition.offline import members, online_address, write_zip

from download_sizes import PendingSizes
from project import project_registry
from site_languages import BuildNesting, current_language, edition_prefix, is_edition_home, site_languages
from site_variant import ENVIRONMENT, PDF_SOURCE, offline_variant

TIMINGS = "EDITION_OFFLINE_TIMINGS"  # where scripts/benchmark.py wants this step's timings
FOLDER = "babies-and-small-children-residing-in-prisons-{lang}"
FILE_NAME = FOLDER + "-offline.zip"
SHIM = "assets/javascripts/vendor/iframe-worker-shim.js"  # from the npm package iframe-worker 1.0.4
START_TEMPLATE = "partials/edition/offline-start.html"

_sizes = PendingSizes("offline", label="offline_size")
_builds = BuildNesting(on_start=_sizes.sizes.clear)
on_pre_build = _builds.on_pre_build
on_build_error = _builds.on_build_error


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if offline_variant(config):
        polyfills = config.extra.get("polyfills", [])
        config.extra["polyfills"] = [SHIM if "iframe-worker" in url else url for url in polyfills]
    return config


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, **_: Any) -> dict[str, Any]:
    lang = current_language(config)
    languages, default = site_languages(config)
    if offline_variant(config):
        context["edition_offline"] = True
        for alternate in _alternates(config):
            link = alternate["link"]
            if alternate["lang"] != lang:
                alternate["link"] = (config.site_url or "") + online_address(link.lstrip("/"))
            elif link.endswith("/"):  # a folder does not open its index.html from the file system
                alternate["link"] = link + "index.html"
    elif is_edition_home(page.url, config):
        labels = project_registry(config).labels
        context["edition_offline_zips"] = {
            "label": labels[lang]["offline_all"],
            "how": labels[lang]["offline_how"],
            "items": [
                _sizes.item(other, lang, get_relative_url(_zip_path(other, default), page.url), labels)
                for other in languages
            ],
        }
    return context


# Why: mkdocs-static-i18n sets each page's alternates as an attribute, which Material's template reads first.
def _alternates(config: MkDocsConfig) -> list[dict[str, str]]:
    return list(getattr(config.extra, "alternate", None) or config.extra.get("alternate", []))


# Why: once every language of the website is built (and its PDFs written).
def _finish(config: MkDocsConfig, root_site: Path) -> None:
    if offline_variant(config):
        return
    languages, default = site_languages(config)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="edition-offline-") as folder:
        offline_site = Path(folder)
        _build_offline(config, root_site, offline_site)
        built = time.perf_counter()
        when = dt.datetime.combine(edition_date(), dt.time(), tzinfo=dt.UTC)
        for lang in languages:
            target = root_site / _zip_path(lang, default)
            start = [] if lang == default else [("index.html", _start_page(config, lang).encode("utf-8"))]
            files = members(offline_site, lang, languages, default)
            write_zip(target, FOLDER.format(lang=lang), files, when, added=start)
            _sizes.sizes[lang] = target.stat().st_size
    _sizes.fill(root_site, languages, default, project_registry(config).labels)
    if os.environ.get(TIMINGS):
        timings = {"build_s": built - started, "zip_s": time.perf_counter() - built, "bytes": _sizes.sizes}
        Path(os.environ[TIMINGS]).write_text(json.dumps(timings, indent=2), encoding="utf-8")


# Why: the offline edition is a build of its own (MkDocs settles directory URLs at config time).
def _build_offline(config: MkDocsConfig, root_site: Path, offline_site: Path) -> None:
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--strict"]
    command += ["--config-file", str(config.config_file_path), "--site-dir", str(offline_site)]
    environment = {**os.environ, ENVIRONMENT: "true", PDF_SOURCE: str(root_site)}
    environment.pop(TIMINGS, None)
    result = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise PluginError(f"The offline edition's build failed:\n{result.stdout}{result.stderr}")


# Why: a translated edition's ZIP opens on a page that leads into its own folder.
def _start_page(config: MkDocsConfig, lang: str) -> str:
    labels = project_registry(config).labels[lang]
    plugin = config.plugins.get("i18n")
    entries = plugin.config.languages if plugin is not None else []
    name = next((entry.site_name for entry in entries if entry.locale == lang and entry.site_name), config.site_name)
    template = config.theme.get_env().get_template(START_TEMPLATE)
    return template.render(lang=lang, site_name=name, href=f"{lang}/index.html", labels=labels)


# Why: where an edition's ZIP sits, relative to the site root (each edition's own root, beside its PDF).
def _zip_path(lang: str, default: str) -> str:
    return edition_prefix(lang, default) + FILE_NAME.format(lang=lang)


on_post_build = _builds.after_every_language(_finish)
