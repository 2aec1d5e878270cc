"""Helper for the adapter (not a hook): what a build does when it starts and once every language is built.

``hooks/build.py`` calls these. When the outermost build starts: symbolic links in what a build reads are
refused (``edition/shared/symlinks.py``), the PDFs' workers start (``edition/downloads/pdf_jobs.py``) and,
when what it is made from changed since its ZIPs were last made, the offline edition's build starts beside
it (``edition/downloads/background.py``). Under ``mkdocs serve``, ``data/``, ``comments/``, ``pdf/``,
``sources/`` and ``overrides/`` are watched too.

After every language, in the adapter's order:

a. search indexes: the one shared index becomes one index per edition, with paragraph entries;
b. sitemaps: one per edition, only when the published address (``site_url``) is configured;
c. PDFs: waits for the renders, writes each edition's PDF and puts the sizes on the pages;
d. (``hooks/edition_outputs.py``) the edition as data, website only;
e. offline ZIPs (website only): waits for the build of ``mkdocs.offline.yml`` (or runs it now),
   gives it the website's comment files (relinked, not rendered again) and packs one ZIP per
   language, side by side, each with its language's JSON document and the schema;
f. (``hooks/edition_outputs.py``) comparison pages;
g. published addresses (website only): each one in ``data/published-addresses.txt`` must resolve.

Where the time goes (each PDF's rendering, the offline ZIPs) is logged at DEBUG (``mkdocs build -v``,
logger ``mkdocs.edition.timing``: what, language, seconds).

PDFs and ZIPs are kept in ``.cache/edition/`` keyed on what they are made from, each sealed with its
digest (``edition/downloads/build_cache.py``: a changed one is made again; ``$EDITION_CACHE`` moves it; empty
turns it off); under ``mkdocs serve`` the last ones made stand in for changed ones.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from edition.downloads.background import BackgroundBuild
from edition.downloads.offline import Packing, members, website_members, write_zips
from edition.downloads.pdf_jobs import PdfJobs
from edition.frame.search_index import Entry, split_index, with_entries
from edition.frame.sitemaps import edition_sitemap, with_default_alternate
from edition.shared.digests import digest, tree
from edition.shared.problems import format_problems, written_at
from edition.shared.symlinks import symbolic_links
from edition.text.permanence import read_addresses, unresolved

from build_state import BuildState
from download_sizes import PDF_NAME, ZIP_FOLDER, ZIP_NAME, download_path, fill_pages
from edition_outputs import DOCUMENT, SCHEMA, offline_comment_files
from project import TIMING, product_cache, project_facts, project_registry, project_root
from site_languages import edition_prefix, site_languages, site_names
from site_variant import OFFLINE_CONFIG, offline_variant

if TYPE_CHECKING:  # imported only for its type: the server module takes ~15 ms to import
    from mkdocs.livereload import LiveReloadServer

ADDRESSES = Path("data") / "published-addresses.txt"
# What the offline variant is made from, besides the PDFs and the settings.
OFFLINE_INPUTS = ("mkdocs.yml", OFFLINE_CONFIG, "docs", "data", "overrides", "comments", "hooks", "edition", "pdf")
START_TEMPLATE = "partials/edition/offline-start.html"
OFFLINE_SEEN = "offline-inputs"  # in the product cache: the inputs the ZIPs were last made from (no content)
PDF_TEMPLATE = "pdf/document.html"  # the PDF's own template, around the pages
# Under `mkdocs serve`, besides what MkDocs watches (docs/, mkdocs.yml: not the theme's custom_dir).
WATCHED = ("data", "comments", "pdf", "sources", "overrides")


# ---------------------------------------------------------------------------------------------
# When the outermost build starts


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
    workers = min(len(languages), os.cpu_count() or 1)
    state.pdfs = PdfJobs(product_cache(config), workers=workers, stale_ok=state.command == "serve")
    state.offline = _early_offline_build(config, state=state)


# ---------------------------------------------------------------------------------------------
# After every language, in order


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
        others = [config.site_url + f"{other}/" for other in languages if other not in (lang, default)]
        text = edition_sitemap(sitemap, base=config.site_url + edition_prefix(lang, default), others=others)
        (site / edition_prefix(lang, default) / "sitemap.xml").write_bytes(text)


# Why: the renders started by each language are collected once, and their sizes reach the pages.
def pdfs(config: MkDocsConfig, site: Path, *, state: BuildState) -> None:
    if state.pdfs is None:
        return
    _, default = site_languages(config)
    results = state.pdfs.results()
    state.pdfs = None
    problems = [f"PDF ({lang}): {problem}" for lang, result in results.items() for problem in result.problems]
    for lang, result in results.items():
        problems += [f"PDF ({lang}): {line}" for line in _attachments(config, lang, result.attachments, state=state)]
    if problems:
        raise PluginError("\n".join(problems))
    for lang, result in results.items():
        target = site / download_path(PDF_NAME, lang, default)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(result.pdf)
        state.pdf_sizes.sizes[lang] = len(result.pdf)
        TIMING.debug("%s %s: %.3f s", "pdf_render_s", lang, result.render_s)
    fill_pages(site, [state.pdf_sizes], project_registry(config, state).labels)


# Why: an attachment link would put a file in the PDF; each is named where it is written (a line of the page's
# source or of a data file), else by the page whose HTML holds it, else as the PDF template's.
def _attachments(config: MkDocsConfig, lang: str, hrefs: tuple[str, ...], *, state: BuildState) -> list[str]:
    if not hrefs:
        return []
    from edition.downloads.pdf_fetch import attachment_links  # imports WeasyPrint: only once a PDF is refused

    root = project_root(config)
    data = [_source(path, root) for path in sorted((root / "data").rglob("*.yml"))]
    held = [(page, attachment_links(page.content or "")) for page in state.navs[lang].pages if isinstance(page, Page)]
    found: list[str] = []
    for href in hrefs:
        pages = [page for page, links in held if href in links]
        sources = [_source(Path(page.file.abs_src_path), root) for page in pages if page.file.abs_src_path]
        written = written_at(href, sources + data)
        marked = set(written) & set(written_at("attachment", sources + data))  # the link itself, if on one line
        places = [f"{path}:{line}" for path, line in written if not marked or (path, line) in marked]
        places = places or [path for path, _ in sources] or [PDF_TEMPLATE]
        found += [f"{place}: an attachment link to {href!r}, refused: the PDF embeds no file" for place in places]
    return found


def _source(path: Path, root: Path) -> tuple[str, str]:
    shown = path.resolve().relative_to(root).as_posix() if path.resolve().is_relative_to(root) else str(path)
    return shown, path.read_text(encoding="utf-8")


# Why: the offline variant is a build of its own (MkDocs settles directory URLs at config time).
def offline_zips(config: MkDocsConfig, site: Path, *, state: BuildState) -> None:
    if offline_variant(config) or not state.pdf_sizes.sizes:  # a ZIP holds its PDF: none without the PDF step
        _drop_early_build(state)
        return
    languages, default = site_languages(config)
    root = project_root(config)
    cache = product_cache(config)
    names = {lang: f"{lang}-offline.zip" for lang in languages}
    if state.command == "serve":  # the last ZIPs made stand in, unhashed (`make downloads` remakes them)
        latest = {lang: cache.latest(name) for lang, name in names.items()}
        if None not in latest.values():
            _write_zips(config, site, latest, state=state)
            return
    pdfs = [digest(files=[site / download_path(PDF_NAME, lang, default)], root=site) for lang in languages]
    inputs = state.offline_inputs or _offline_inputs(config)
    key = digest(files=(), root=root, settings=[inputs, *pdfs])
    zips = {lang: cache.get(name, key) for lang, name in names.items()}
    started = time.perf_counter()
    if None in zips.values():
        zips = _make_zips(config, site, languages, default=default, state=state)
        for lang, data in zips.items():
            assert data is not None
            cache.put(names[lang], key, data)
        cache.put(OFFLINE_SEEN, inputs, b"")
    else:  # an early build, if any, was for inputs not seen before, yet the ZIPs were kept
        _drop_early_build(state)
    TIMING.debug("%s %s: %.3f s", "offline", "made_s", time.perf_counter() - started)
    _write_zips(config, site, zips, state=state)


# Why: each edition's ZIP beside its home page, and the sizes on the pages.
def _write_zips(config: MkDocsConfig, site: Path, zips: dict[str, bytes | None], *, state: BuildState) -> None:
    _, default = site_languages(config)
    for lang, data in zips.items():
        assert data is not None
        (site / download_path(ZIP_NAME, lang, default)).write_bytes(data)
        state.zip_sizes.sizes[lang] = len(data)
    fill_pages(site, [state.zip_sizes], project_registry(config, state).labels)


# Why: the offline variant (built early, or now) packed, each language's part with its PDF and the website's
# comment exports.
def _make_zips(
    config: MkDocsConfig, site: Path, languages: list[str], *, default: str, state: BuildState
) -> dict[str, bytes | None]:
    labels = project_registry(config, state).labels
    when = dt.datetime.combine(project_facts(config, state).date, dt.time(), tzinfo=dt.UTC)
    build = state.offline if state.offline is not None else _offline_build(config)
    state.offline = None
    try:
        code, output = build.wait()
        if code != 0:
            raise PluginError(f"The offline edition's build failed:\n{output}")
        offline_comment_files(config, site, build.site, state=state)  # the website's comment files, not rendered again
        fill_pages(build.site, [state.pdf_sizes], labels)
        packings: dict[str, Packing] = {}
        for lang in languages:
            pdf = download_path(PDF_NAME, lang, default)
            added = [(pdf, (site / pdf).read_bytes())]
            if lang != default:
                added.append(("index.html", _start_page(config, lang, state=state).encode("utf-8")))
            files = members(build.site, lang, languages, default) + website_members(site, lang, languages, default)
            files += [(name, site / name) for name in (DOCUMENT.format(lang=lang), SCHEMA)]  # the edition as data
            packings[lang] = Packing(build.folder / f"{lang}.zip", ZIP_FOLDER.format(lang=lang), files, added)
        write_zips(list(packings.values()), when, workers=min(len(packings), os.cpu_count() or 1))
        zips: dict[str, bytes | None] = {lang: one.target.read_bytes() for lang, one in packings.items()}
    finally:
        build.close()
    return zips


# Why: the offline variant needs the website only to be packed; when its inputs changed since the ZIPs were
# last made, it builds from the website build's start, on another core, rather than after every language.
def _early_offline_build(config: MkDocsConfig, *, state: BuildState) -> BackgroundBuild | None:
    if state.command == "serve":
        return None
    state.offline_inputs = _offline_inputs(config)  # taken once: 0.5 s with 10,000 comments
    if product_cache(config).get(OFFLINE_SEEN, state.offline_inputs) is not None:
        return None  # the ZIPs are most likely kept; if only the PDFs changed, it builds after them
    return _offline_build(config)


# Why: an offline build started early that no ZIP will be made from stops now.
def _drop_early_build(state: BuildState) -> None:
    if state.offline is not None:
        state.offline.close()
        state.offline = None


# Why: what the offline variant's pages are made from (the PDFs, packed with them, are added to the key).
def _offline_inputs(config: MkDocsConfig) -> str:
    root = project_root(config)
    settings = [config.site_url or "", str(config.extra.get("comments_repository"))]
    return digest(files=tree(root, OFFLINE_INPUTS), root=root, settings=settings)


# Why: `mkdocs build` of the offline variant in a process of its own, into a temporary folder.
def _offline_build(config: MkDocsConfig) -> BackgroundBuild:
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--strict"]
    command += ["--config-file", str(project_root(config) / OFFLINE_CONFIG)]
    return BackgroundBuild(lambda site: [*command, "--site-dir", str(site)], env=os.environ, prefix="edition-offline-")


# Why: a translated edition's ZIP opens on a page that leads into its own folder.
def _start_page(config: MkDocsConfig, lang: str, *, state: BuildState) -> str:
    labels = project_registry(config, state).labels[lang]
    name = site_names(config)[lang]
    template = state.language(lang).templates(config).get_template(START_TEMPLATE)
    return str(template.render(lang=lang, site_name=name, href=f"{lang}/index.html", labels=labels))


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
