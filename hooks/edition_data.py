"""The edition as data: ``/data/edition-<lang>.json`` and its schema (logic in ``edition/edition_data.py``).

MkDocs events:

- ``on_pre_build``, ``on_build_error``: count nested builds (``BuildNesting``), as the other
  languages build inside the default one.
- ``on_nav``: keeps the navigation, whose order is the document's (pages whose front matter says
  ``pdf: false`` are the site's, not the document's, and are left out as in the PDF).
- ``on_env``: every page of the language is converted by now, none written: each chapter is read
  once (``edition/page_parts.py``) into ``edition_pages.editions`` for this hook and ``compare.py``.
- ``on_page_context``: the home pages get the links to every language's document and the schema.
- ``on_post_build`` at priority -200, outermost website build only: the documents are assembled,
  checked against ``data/schemas/edition-data.schema.yml`` (every mismatch stops the build) and
  written with the schema, as JSON, under ``data/`` at the site root. The offline edition links to
  them on the website.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import edition_pages
import jinja2
import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from edition.comments import check_repository
from edition.edition_data import Chapter, document_problems, edition_document
from edition.facts import load_facts
from edition.formatting import edition_date
from edition.page_parts import extract_parts

import shared_index
from project import project_registry, project_root
from site_languages import BuildNesting, current_language, edition_prefix, is_edition_home, site_languages
from site_variant import offline_variant

FOLDER = "data"  # at the site root: /data/edition-en.json, /data/edition.schema.json
DOCUMENT = FOLDER + "/edition-{lang}.json"
SCHEMA = FOLDER + "/edition.schema.json"
SCHEMA_SOURCE = "data/schemas/edition-data.schema.yml"

_nav: Navigation | None = None
_builds = BuildNesting(on_start=edition_pages.editions.clear)
on_pre_build = _builds.on_pre_build
on_build_error = _builds.on_build_error


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    global _nav
    _nav = nav
    return nav


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    assert _nav is not None
    lang = current_language(config)
    _, default = site_languages(config)
    index = shared_index.current
    assert index is not None  # crossrefs.py indexes the language in on_files
    chapters = [
        Chapter(title=page.title or "", url=page.url, parts=extract_parts(page.content or "", page_url=page.url))
        for page in _nav.pages
        if isinstance(page, Page) and page.meta.get("pdf", True)
    ]
    provision_pages = {}
    for provision, src in index.provision_pages.items():
        file = files.get_file_from_path(src)
        if file is not None:
            provision_pages[provision] = file.url
    edition_pages.editions[lang] = edition_pages.LanguageEdition(
        lang=lang,
        title=config.site_name,
        home_url=edition_prefix(lang, default),
        chapters=chapters,
        provision_pages=provision_pages,
        rests_on={number: entry.rests_on for number, entry in index.guidelines.items()},
    )
    return env


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, **_: Any) -> dict[str, Any]:
    if not is_edition_home(page.url, config):
        return context
    lang = current_language(config)
    languages = site_languages(config)[0]
    labels = project_registry(config).labels

    def href(path: str) -> str:
        return (config.site_url or "") + path if offline_variant(config) else get_relative_url(path, page.url)

    data: dict[str, Any] = {
        "label": labels[lang]["data_title"],
        "how": labels[lang]["data_how"],
        "items": [
            {"href": href(DOCUMENT.format(lang=other)), "lang": other, "name": labels[other]["data_document"]}
            for other in languages
        ],
        "schema": {"href": href(SCHEMA), "name": labels[lang]["data_schema"]},
    }
    context["edition_data"] = data
    return context


# Why: once every language is built, the documents are assembled, checked and written together.
def _finish(config: MkDocsConfig, root_site: Path) -> None:
    if offline_variant(config):
        return
    root = project_root(config)
    languages, default = site_languages(config)
    registry = project_registry(config)
    schema = yaml.safe_load((root / SCHEMA_SOURCE).read_text(encoding="utf-8"))
    comments, _, _ = check_repository(root, registry=registry, reference_docs=root / "docs" / default)
    visible = [c for c in comments if c.visible]
    site_url = config.site_url or ""
    problems, documents = [], {}
    for lang in languages:
        edition = edition_pages.editions[lang]
        document = edition_document(
            edition.chapters,
            lang=lang,
            title=edition.title,
            site_url=site_url,
            home_url=edition.home_url,
            facts=load_facts(root / "data"),
            date=edition_date(),
            registry=registry,
            comments=visible,
            rests_on=edition.rests_on,
            provision_pages=edition.provision_pages,
            schema_url=site_url + SCHEMA,
        )
        problems += [f"{DOCUMENT.format(lang=lang)}: {problem}" for problem in document_problems(document, schema)]
        documents[lang] = document
    if problems:
        raise PluginError(f"The edition as data does not match {SCHEMA_SOURCE}:\n  " + "\n  ".join(problems))
    folder = root_site / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for lang, document in documents.items():
        (root_site / DOCUMENT.format(lang=lang)).write_text(_json(document), encoding="utf-8")
    (root_site / SCHEMA).write_text(_json(schema), encoding="utf-8")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1) + "\n"


on_post_build = _builds.after_every_language(_finish)
