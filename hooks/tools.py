"""Tools under every paragraph and provision: "Cite" and "Compare languages" (logic in ``edition/tools/citation.py``).

MkDocs events:

- ``on_env``: this edition's citation files for reference managers (``cite/edition.json``,
  ``.bib``, ``.ris`` in the edition's folder) and the citation templates the pages' script fills
  in (``cite/templates.js``, loaded once and cached, rather than repeated in every page).
- ``on_page_context`` at ``AFTER_SEARCH`` (-50), after Material's search plugin has read the page
  (the tools are not for search): each guideline paragraph and provision has left a place for its tools
  (``<!-- edition:tools IV.b.17 -->``, in ``partials/edition/guideline.html`` and
  ``provision.html``); it becomes ``partials/edition/tools.html``. A page with tools, and each home
  page, gets one citation dialog (``partials/edition/cite-dialog.html``); the browser fills in the
  part, its address and the date of access (``assets/javascripts/tools.js``). The home pages get
  "Cite this edition" with the files.

Addresses in citations are permanent: ``site_url`` when it is a published address
(``edition/shared/addresses.py``); a local build leaves the browser to use the page's own address.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from edition.downloads.offline import online_address
from edition.shared.addresses import published_address
from edition.shared.places import fill_places
from edition.text.ids import anchor_of
from edition.text.links import relative_url
from edition.tools.citation import Work, bibtex, csl_json, edition_work, part_key, ris, templates

from build_state import STATE
from project import AFTER_SEARCH, project_facts, project_registry
from site_languages import current_language, edition_prefix, is_edition_home, site_languages
from site_links import site_links

PLACE = "<!-- edition:tools "
COMPARE_PAGE = "compare.md"  # each language's comparison page (hooks/compare.py)
FILES = {
    "csl": ("cite/edition.json", "application/vnd.citationstyles.csl+json"),
    "bibtex": ("cite/edition.bib", "application/x-bibtex"),
    "ris": ("cite/edition.ris", "application/x-research-info-systems"),
}
FORMAT_NAMES = {"csl": "CSL-JSON", "bibtex": "BibTeX", "ris": "RIS"}
SCRIPT = "cite/templates.js"  # the citation templates of the edition, loaded by pages that cite


# ---------------------------------------------------------------------------------------------
# Events


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    lang = current_language(config)
    _, default = site_languages(config)
    work = _work(config, lang)
    # Without a published address, the files give none: a relative or local one leads nowhere.
    published = published_address(config.site_url)
    home = published + edition_prefix(lang, default) if published else None
    writers = {"csl": csl_json, "bibtex": bibtex, "ris": ris}
    for name, (path, _) in FILES.items():
        target = Path(config.site_dir) / (edition_prefix(lang, default) + path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(writers[name](work, key=work.key, locator=None, url=home), encoding="utf-8", newline="")
    script = Path(config.site_dir) / (edition_prefix(lang, default) + SCRIPT)
    script.write_text(
        f"window.editionCite = {json.dumps(_script_data(config, lang), ensure_ascii=False)};\n", encoding="utf-8"
    )
    return env


# Why: the tools go in once search has read the page (``AFTER_SEARCH``): they are not for search.
@event_priority(AFTER_SEARCH)
def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, **_: Any) -> dict[str, Any]:
    files = STATE.language(current_language(config)).files
    if page.content is not None and files is not None:
        page.content = _with_tools(page.content, page, config, files)
    if is_edition_home(page.url, config):
        context["edition_cite"] = _edition_cite(page, config)
    return context


def _with_tools(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    home = is_edition_home(page.url, config)
    if PLACE not in html and not home:
        return html
    lang = current_language(config)
    labels = project_registry(config).labels[lang]
    registry = project_registry(config)
    language = STATE.language(lang)
    env = language.templates(config)
    tools = env.get_template("partials/edition/tools.html")
    links = site_links(config, files)
    compare = links.find(COMPARE_PAGE)

    def render(target: str) -> str:
        if "." in target:
            label = labels["tools_compare_paragraph"].format(number=target)
        else:
            label = labels["tools_compare_provision"].format(label=registry.provisions[target].label[lang])
        compare_href = links.page(compare, here=page.url, anchor=anchor_of(target)) if compare else None
        return str(tools.render(labels=labels, compare_href=compare_href, compare_label=label))

    html = fill_places(html, prefix=PLACE, targets=links.targets, render=render)
    dialog = env.get_template("partials/edition/cite-dialog.html")
    _, default = site_languages(config)
    script = relative_url(edition_prefix(lang, default) + SCRIPT, page.url)
    return html + dialog.render(labels=labels, path=online_address(page.url), script=script, whole=home)


# Why: "Cite this edition" on a home page, with the files for reference managers.
def _edition_cite(page: Page, config: MkDocsConfig) -> dict[str, Any]:
    lang = current_language(config)
    default = site_languages(config)[1]
    labels = project_registry(config).labels[lang]
    cite: dict[str, Any] = {
        "label": labels["cite_this_edition"],
        "how": labels["cite_edition_how"],
        "formats": labels["cite_formats"],
        "colon": labels["colon"],
        "items": [
            {
                "href": relative_url(edition_prefix(lang, default) + path, page.url),
                "type": media_type,
                "name": FORMAT_NAMES[name],
            }
            for name, (path, media_type) in FILES.items()
        ],
    }
    return cite


# ---------------------------------------------------------------------------------------------
# Helpers


# Why: the 2005 publication and this edition, in the words of one language.
def _work(config: MkDocsConfig, lang: str) -> Work:
    facts = project_facts(config)
    return edition_work(facts, project_registry(config).labels[lang], lang=lang, date=facts.date)


# Why: what the browser needs to cite a part or the whole, once per language (a cached script).
def _script_data(config: MkDocsConfig, lang: str) -> dict[str, Any]:
    labels = project_registry(config).labels[lang]
    work = _work(config, lang)

    def compact(found: Mapping[str, str]) -> dict[str, str]:
        return {name: json.dumps(json.loads(text)) if name == "csl" else text for name, text in found.items()}

    return {
        "part": compact(templates(work, pattern=labels["cite_format"])),
        "work": compact(templates(work, pattern=labels["cite_format"], part=False)),
        "key": part_key(work, None),
        "base": published_address(config.site_url) or "",
        "months": [m.strip() for m in labels["months"].split(",")],
        "date_format": labels["date_format"],
        "words": {
            name: labels[name]
            for name in (
                "cite_copied",
                "cite_copy_failed",
                "cite_locator_paragraph",
                "cite_in_text_paragraph",
                "cite_locator_provision",
                "tools_cite_paragraph",
                "tools_cite_provision",
                "cite_this_edition",
            )
        },
    }
