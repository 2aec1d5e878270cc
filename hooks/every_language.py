"""Helper for the adapter (not a hook): what a build does when it starts and once every language is built.

When the outermost build starts: symbolic links in what it reads refused, the PDFs' workers started and,
when what it is made from changed, the offline edition's build beside it (``edition/downloads/``); under
``mkdocs serve``, ``data/``, ``comments/``, ``pdf/``, ``sources/`` and ``overrides/`` watched too. After every
language (in ``hooks/build.py``'s order, between the PDFs, data, ZIPs and comparisons of ``hooks/pdf.py``,
``hooks/edition_outputs.py`` and ``hooks/offline.py``): one search index per edition, with paragraph entries;
sitemaps, only with a published address (``site_url``); the published addresses, each of which must resolve.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from edition.downloads.offline_build import OfflineZips
from edition.downloads.pdf_jobs import PdfJobs
from edition.frame.search_index import Entry, split_index, with_entries
from edition.frame.sitemaps import edition_sitemap, with_default_alternate
from edition.shared.problems import format_problems
from edition.shared.symlinks import symbolic_links
from edition.text.permanence import read_addresses, unresolved

from build_state import BuildState
from project import product_cache, project_root
from site_languages import edition_prefix, site_languages
from site_variant import OFFLINE_CONFIG, offline_variant

if TYPE_CHECKING:  # imported only for its type: the server module takes ~15 ms to import
    from mkdocs.livereload import LiveReloadServer

ADDRESSES = Path("data") / "published-addresses.txt"
# Under `mkdocs serve`, besides what MkDocs watches (docs/, mkdocs.yml: not the theme's custom_dir).
WATCHED = ("data", "comments", "pdf", "sources", "overrides")


# Why: a build (not each of its languages) refuses symbolic links in what it reads, before any feature follows one.
def refuse_symbolic_links(config: MkDocsConfig) -> None:
    links = symbolic_links(project_root(config))
    if links:
        raise PluginError(format_problems(links))


# Why: MkDocs watches docs/ and mkdocs.yml, not the theme's custom_dir nor the data the features read.
def watch_inputs(server: LiveReloadServer, config: MkDocsConfig) -> LiveReloadServer:
    root = project_root(config)
    for folder in WATCHED:
        if (root / folder).is_dir():
            server.watch(str(root / folder))
    return server


# Why: the PDFs render in worker processes while the languages build; the offline edition's build may start now.
def start_downloads(config: MkDocsConfig, *, state: BuildState) -> None:
    languages, _ = site_languages(config)
    # One worker per language, not per core: the last render would otherwise start only when another
    # ends, alone on its core once the website and offline builds are done (13.2 s against 11.5 s, 2 cores).
    workers = len(languages)
    serve = state.command == "serve"
    cache = product_cache(config)
    state.pdfs = PdfJobs(cache, workers=workers, stale_ok=serve)
    settings = [config.site_url or "", str(config.extra.get("comments_repository"))]
    state.offline = OfflineZips(
        project_root(config), cache=cache, variant=OFFLINE_CONFIG, settings=settings, serve=serve
    )
    state.offline.start()


# Why: mkdocs-static-i18n leaves one index for all languages; each edition searches its own.
def search_indexes(config: MkDocsConfig, site: Path, *, entries: dict[str, list[Entry]]) -> None:
    languages, default = site_languages(config)
    index_path = site / "search" / "search_index.json"
    if not index_path.exists():
        return
    shared = json.loads(index_path.read_text(encoding="utf-8"))
    for lang, index in split_index(shared, languages=languages, default=default).items():
        target = site / edition_prefix(lang, default) / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(with_entries(index, entries[lang]), ensure_ascii=False, separators=(",", ":"))
        target.write_text(text, encoding="utf-8")
        if offline_variant(config):  # what Material's offline plugin writes, for each edition's own index
            target.with_suffix(".js").write_text(f"var __index = {text}", encoding="utf-8")


# Why: a sitemap lists absolute addresses, so there is none until the published address is known.
def sitemaps(config: MkDocsConfig, site: Path) -> None:
    if offline_variant(config):
        return
    if not config.site_url:
        for name in ("sitemap.xml", "sitemap.xml.gz"):
            for found in site.rglob(name):
                found.unlink()
        return
    languages, default = site_languages(config)
    sitemap = with_default_alternate((site / "sitemap.xml").read_bytes(), default=default)
    (site / "sitemap.xml").write_bytes(sitemap)
    with gzip.GzipFile(site / "sitemap.xml.gz", "wb", mtime=0) as packed:
        packed.write(sitemap)
    for lang in [other for other in languages if other != default]:
        others = [
            config.site_url + edition_prefix(other, default) for other in languages if other not in (lang, default)
        ]
        text = edition_sitemap(sitemap, base=config.site_url + edition_prefix(lang, default), others=others)
        (site / edition_prefix(lang, default) / "sitemap.xml").write_bytes(text)


# Why: every address ever published keeps resolving (retired ids live on as alias anchors).
def published_addresses(config: MkDocsConfig, site: Path) -> None:
    if offline_variant(config):  # its pages are files, not the addresses the website published
        return
    missing = unresolved(site, read_addresses(project_root(config) / ADDRESSES))
    if missing:
        lines = [f"  {ADDRESSES}:{line}: {address}: {why}" for line, address, why in missing]
        raise PluginError(
            f"{len(missing)} published address(es) no longer resolve; restore them or map the old id to its "
            "successor in data/retired.yml:\n" + "\n".join(lines)
        )
