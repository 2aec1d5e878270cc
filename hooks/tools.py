"""Tools under every paragraph and provision: "Cite" and "Compare languages" (logic in ``edition/tools/citation.py``).

Called by the adapter (``hooks/build.py``):

- ``write_citation_files`` (``on_env``): this edition's citation files for reference managers (``cite/edition.json``,
  ``.bib``, ``.ris`` in the edition's folder) and the citation templates the pages' script fills
  in (``cite/templates.js``, loaded once and cached, rather than repeated in every page).
- ``add_tools`` (``on_page_context``, once Material's search plugin has read the page: the tools are
  not for search): each guideline paragraph and provision has left a place for its tools
  (``<!-- edition:tools IV.b.17 -->``, in ``partials/edition/guideline.html`` and
  ``provision.html``); it becomes ``partials/edition/tools.html``. A page with tools, and each home
  page, gets one citation dialog (``partials/edition/cite-dialog.html``); the browser fills in the
  part, its address and the date of access (``assets/javascripts/tools.js``). The home pages get
  "Cite this edition" with the files.

Addresses in citations are permanent: ``site_url`` when it is a published address
(``edition/shared/addresses.py``); a local build leaves the browser to use the page's own address.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from edition.downloads.offline import online_address
from edition.shared.addresses import published_address
from edition.shared.places import fill_places
from edition.text.ids import anchor_of
from edition.text.links import relative_url
from edition.tools.citation import Work, edition_work
from edition.tools.views import citation_files, citation_script, compare_label, edition_cite, script_data

from build_state import BuildState
from project import project_facts, project_registry
from site_languages import edition_prefix, is_edition_home, site_languages
from site_links import site_links

PLACE = "<!-- edition:tools "
COMPARE_PAGE = "compare.md"  # each language's comparison page (hooks/compare.py)
SCRIPT = "cite/templates.js"  # the citation templates of the edition, loaded by pages that cite


# ---------------------------------------------------------------------------------------------
# Events


def write_citation_files(config: MkDocsConfig, *, lang: str, state: BuildState) -> None:
    prefix = edition_prefix(lang, site_languages(config)[1])
    work = _work(config, lang, state=state)
    # Without a published address, the files give none: a relative or local one leads nowhere.
    published = published_address(config.site_url)
    home = published + prefix if published else None
    for path, text in citation_files(work, home=home).items():
        target = Path(config.site_dir) / (prefix + path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="")
    data = script_data(work, project_registry(config, state).labels[lang], base=published or "")
    (Path(config.site_dir) / (prefix + SCRIPT)).write_text(citation_script(data), encoding="utf-8")


# Why: the tools go in once search has read the page (the adapter's ``on_page_context``): they are not for search.
def add_tools(
    context: dict[str, Any], page: Page, config: MkDocsConfig, *, lang: str, state: BuildState
) -> dict[str, Any]:
    files = state.language(lang).files
    if page.content is not None and files is not None:
        page.content = _with_tools(page.content, page, config, files, lang=lang, state=state)
    if is_edition_home(page.url, config, lang=lang):
        prefix = edition_prefix(lang, site_languages(config)[1])
        labels = project_registry(config, state).labels[lang]
        context["edition_cite"] = edition_cite(labels, href=lambda path: relative_url(prefix + path, page.url))
    return context


def _with_tools(html: str, page: Page, config: MkDocsConfig, files: Files, *, lang: str, state: BuildState) -> str:
    home = is_edition_home(page.url, config, lang=lang)
    if PLACE not in html and not home:
        return html
    registry = project_registry(config, state)
    labels = registry.labels[lang]
    env = state.language(lang).templates(config)
    tools = env.get_template("partials/edition/tools.html")
    links = site_links(config, files, lang=lang, state=state)
    compare = links.find(COMPARE_PAGE)

    def render(target: str) -> str:
        provision = registry.provisions.get(target) if "." not in target else None
        label = compare_label(target, labels, provision_label=provision.label[lang] if provision else None)
        compare_href = links.page(compare, here=page.url, anchor=anchor_of(target)) if compare else None
        return str(tools.render(labels=labels, compare_href=compare_href, compare_label=label))

    html = fill_places(html, prefix=PLACE, targets=links.targets, render=render)
    dialog = env.get_template("partials/edition/cite-dialog.html")
    script = relative_url(edition_prefix(lang, site_languages(config)[1]) + SCRIPT, page.url)
    return html + dialog.render(labels=labels, path=online_address(page.url), script=script, whole=home)


# ---------------------------------------------------------------------------------------------
# Helpers


# Why: the 2005 publication and this edition, in the words of one language.
def _work(config: MkDocsConfig, lang: str, *, state: BuildState) -> Work:
    facts = project_facts(config, state)
    return edition_work(facts, project_registry(config, state).labels[lang], lang=lang, date=facts.date)
