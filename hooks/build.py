"""What a build does, in order: the one hook ``mkdocs.yml`` lists, the adapter between MkDocs and the edition.

Each ``on_*`` event below is a thin call into ``BUILD``, whose methods call the features (the other
modules of ``hooks/``, which are not hooks) in the order they run; the logic is in ``edition/``.

``mkdocs build`` (and each rebuild of ``mkdocs serve``) builds the default language; from inside its
``on_post_build``, mkdocs-static-i18n (at priority -100) builds each other language in turn, so every
event from ``on_config`` to ``on_post_build`` fires once per language, and only ``on_startup`` and
``on_serve`` once per command. Per language:

1. ``on_config``: the data is read again (by digest) in each language build; the outermost build first
   refuses symbolic links in what it reads; the settings, registry and facts are checked; the comments
   in ``comments/`` are read and checked once per change; the offline variant ships its own worker shim.
2. ``on_pre_build``: the build state opens (afresh at the outermost build, which also starts the PDFs'
   workers and, when what it is made from changed, the offline edition's build beside it); the
   default language's build scans and checks every language's pages up front (parity), the only scan.
3. ``on_files`` (after mkdocs-static-i18n has kept this language's files): the files are kept, the
   pages indexed (numbering, ids, references), the practice notes and the later law checked against
   that index (read once per change).
4. ``on_nav``: the chapters' order, which the PDF, the edition as data and the comparison follow.
5. Each page, ``on_page_markdown``: the page's renderer handed to the Markdown extension
   (``edition/text/markdown_syntax.py``), which reads directives and ``[[…]]`` as Markdown runs; then
   ``on_page_content``: what Markdown made checked against the scan, the paragraphs' search entries
   taken (before the quotations are grouped), the Comments page's form, the Contact page's "About
   this edition", Part II's quotations grouped, the practice notes, the later-law annex, the
   comparison page's place.
6. ``on_env`` (every page converted, none written): MkDocs' environment shares the compiled templates
   and escapes; each commented paragraph's comment file, each chapter read once (data, comparison),
   the citation files.
7. Each page's template, ``on_page_context``, after Material's search has read the page: the values
   of ``overrides/main.html`` (search base, frame words, PDF and ZIP links, footer, home notes,
   checklist, data links); then what search must not index: the Comments page's list and the
   Disposition page's table, comment panels, Cite/Compare tools and the "Since 2005" notes;
   ``on_post_template``: the one ``404.html`` of every language.
8. ``on_post_build``, before mkdocs-static-i18n builds the next language: the comments' exports
   (default language), the language's PDF assembled and handed to a worker.

After every language (``on_post_build`` at -200, when the outermost build leaves), in this order
(``hooks/every_language.py``, ``hooks/pdf.py``, ``hooks/edition_outputs.py``, ``hooks/offline.py``): search
indexes, one per edition, with paragraph entries; sitemaps (only with a published ``site_url``); PDFs written
and their sizes on the pages; the edition as data (website only); offline ZIPs (website only: the offline
variant's build, the website's comment files relinked, one ZIP per language); comparison pages; published addresses
(website only: each one in ``data/published-addresses.txt`` must resolve).

State: the build's state (``hooks/build_state.py``: ``BuildState``, per language ``LanguageBuild``,
``LoadedData``) lives on ``BUILD`` and is passed to each feature explicitly. MkDocs loads a hook module
once per process, so ``BUILD`` persists across ``mkdocs serve`` rebuilds: what ``LoadedData`` keeps
(digest-keyed) is reused, the rest is reset when the outermost build starts.

Switch: ``extra.edition_downloads: false`` (set by ``scripts/benchmark.py``'s ``mkdocs.no-pdf.yml``)
leaves out the PDF and offline steps, as if they were not part of the build.

Where the time goes is logged at DEBUG (``mkdocs build -v``, logger ``mkdocs.edition.timing``). PDFs
and ZIPs are kept in ``.cache/edition/`` keyed on what they are made from (``edition/downloads/
build_cache.py``; ``$EDITION_CACHE`` moves it, empty turns it off); under ``mkdocs serve`` the last
ones made stand in for changed ones.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

import checklist
import comments
import compare
import crossrefs
import edition_data
import edition_outputs
import every_language
import frame
import interface
import law_since
import not_found
import offline
import parity
import pdf
import practice
import quotations
import search
import tools
from build_state import BuildState, escaping
from site_languages import current_language
from site_variant import offline_variant

if TYPE_CHECKING:  # imported only for its type: the server module takes ~15 ms to import
    from mkdocs.livereload import LiveReloadServer

DOWNLOADS = "edition_downloads"  # extra: false leaves out the PDF and offline steps (scripts/benchmark.py)


class EditionBuild:
    """The build's state, and its steps in the order MkDocs' events reach them."""

    def __init__(self) -> None:
        self.state = BuildState()
        self.downloads = True  # the PDF and offline steps, read from the settings in each outermost on_config
        # The languages being built, outermost first: mkdocs-static-i18n builds each other language from
        # inside the default one's on_post_build, so the one being built is the last (set by on_pre_build).
        self.building: list[str] = []

    @property
    def lang(self) -> str:
        """The language being built, passed to the features that need it."""
        return self.building[-1]

    def startup(self, command: str) -> None:
        self.state.command = command

    def config(self, config: MkDocsConfig) -> None:
        state = self.state
        state.registry = state.facts = None  # each language build looks at the data again (read by digest)
        if state.depth == 0:
            self.downloads = config.extra.get(DOWNLOADS, True) is not False
            every_language.refuse_symbolic_links(config)
        crossrefs.check_settings(config, state=state)
        comments.read_and_check(config, state=state)
        if self.downloads:
            offline.ship_worker_shim(config)

    def pre_build(self, config: MkDocsConfig) -> None:
        state = self.state
        outermost = state.depth == 0
        if outermost:
            self.building.clear()
        state.enter(Path(config.site_dir))
        self.building.append(current_language(config))
        if outermost and self.downloads and not offline_variant(config):
            every_language.start_downloads(config, state=state)
        parity.check_every_language(config, lang=self.lang, state=state)

    def files(self, files: Files, config: MkDocsConfig) -> Files:
        self.state.language(self.lang).files = files
        crossrefs.index_pages(files, config, lang=self.lang, state=self.state)
        practice.read_and_check(config, lang=self.lang, state=self.state)
        law_since.read_and_check(config, lang=self.lang, state=self.state)
        return files

    def nav(self, nav: Navigation, config: MkDocsConfig) -> Navigation:
        self.state.navs[self.lang] = nav
        return nav

    def page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        return crossrefs.hand_renderer(markdown, page, config, files, lang=self.lang, state=self.state)

    def page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        state = self.state
        html = crossrefs.check_made(html, page, config, here=state.language(self.lang))
        html = search.add_entries(html, page, config, lang=self.lang, entries=state.search_entries)  # before quotations
        html = comments.add_form(html, page, config, files, lang=self.lang, state=state)
        html = frame.add_about(html, config, lang=self.lang, state=state)
        html = quotations.group(html)
        html = practice.add_notes(html, page, config, files, lang=self.lang, state=state)
        html = law_since.add_annex(html, page, config, files, lang=self.lang, state=state)
        return compare.note_page(html, page, lang=self.lang, pages=state.compare_pages)

    def env(self, env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        state = self.state
        env.bytecode_cache = state.loaded.templates  # the templates another language compiled
        env = escaping(env, config)
        comments.write_data_files(config, files, lang=self.lang, state=state)
        edition_data.read_chapters(config, files, lang=self.lang, state=state)
        tools.write_citation_files(config, lang=self.lang, state=state)
        return env

    def page_context(self, context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> None:
        state = self.state
        search.point_to_index(context, config, lang=self.lang)
        interface.add_words(context, page, config, lang=self.lang, state=state)
        if self.downloads:
            pdf.add_links(context, page, config, lang=self.lang, state=state)
            offline.add_links(context, page, config, lang=self.lang, state=state)
        frame.add_frame(context, page, config, nav, lang=self.lang, state=state)
        practice.add_home_note(context, page, config, lang=self.lang, state=state)
        checklist.add_checklist(context, page, config, lang=self.lang, state=state)
        edition_data.add_links(context, page, config, lang=self.lang, state=state)
        comments.add_stylesheet(context, page)
        # What search must not index, into the page's HTML: the PDF takes it too.
        comments.add_listings(page, config, lang=self.lang, state=state)
        comments.add_panels(page, config, lang=self.lang, state=state)
        tools.add_tools(context, page, config, lang=self.lang, state=state)
        law_since.add_notes(context, page, config, lang=self.lang, state=state)

    def post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        return not_found.page(config, lang=self.lang, state=self.state) if template_name == "404.html" else output

    def language_built(self, config: MkDocsConfig) -> None:
        comments.write_exports(config, lang=self.lang, state=self.state)
        if self.downloads:
            pdf.submit(config, lang=self.lang, state=self.state)

    def every_language_built(self, config: MkDocsConfig) -> None:
        state = self.state
        self.building.pop()
        if not state.leave():
            return
        site = state.site
        assert site is not None
        every_language.search_indexes(config, site, entries=state.search_entries)
        every_language.sitemaps(config, site)
        pdf.write_all(config, site, state=state)
        if not offline_variant(config):
            edition_outputs.edition_documents(config, site, state=state)  # before the ZIPs, which hold them
        offline.write_zips(config, site, state=state)
        edition_outputs.comparison_pages(config, site, state=state)
        every_language.published_addresses(config, site)


BUILD = EditionBuild()  # one per process: kept across `mkdocs serve` rebuilds


# ---------------------------------------------------------------------------------------------
# Events, in the order MkDocs fires them


def on_startup(command: str, dirty: bool) -> None:
    BUILD.startup(command)


def on_config(config: MkDocsConfig) -> None:
    BUILD.config(config)


def on_pre_build(config: MkDocsConfig) -> None:
    BUILD.pre_build(config)


@event_priority(-200)  # after mkdocs-static-i18n's on_files (-100) has kept only this language's files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    return BUILD.files(files, config)


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    return BUILD.nav(nav, config)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return BUILD.page_markdown(markdown, page, config, files)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return BUILD.page_content(html, page, config, files)


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    return BUILD.env(env, config, files)


@event_priority(-50)  # after Material's search plugin (0) has read the page: panels, tools, notes are not for search
def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    BUILD.page_context(context, page, config, nav)
    return context


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return BUILD.post_template(output_content, template_name, config)


def on_build_error(error: Exception) -> None:
    BUILD.state.abandon()


# Default priority: before mkdocs-static-i18n's on_post_build (-100) builds the next language.
def _language_built(config: MkDocsConfig) -> None:
    BUILD.language_built(config)


@event_priority(-200)  # after mkdocs-static-i18n's on_post_build (-100) has built every other language
def _every_language_built(config: MkDocsConfig) -> None:
    BUILD.every_language_built(config)


on_post_build = CombinedEvent(_language_built, _every_language_built)


# `mkdocs serve`, once its first build is done: what else to watch.
def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
    return every_language.watch_inputs(server, config)
