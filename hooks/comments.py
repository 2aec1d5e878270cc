"""Contributors' comments as MkDocs meets them, handed to ``edition/comments/`` (``checked.py``: the one check,
made again only on a change; ``pages.py``: the panels, the comment files, the Comments and Disposition pages;
``export.py``: the exports). The adapter (``hooks/build.py``) calls, in order: ``read_and_check`` (``on_config``),
``write_data_files`` (``on_env``; the offline variant takes the website's files, relinked by
``hooks/offline.py``), ``add_form`` (``on_page_content``), ``add_stylesheet``, ``add_listings`` and
``add_panels`` (``on_page_context``) and ``write_exports`` (``on_post_build``, default language, website
only: the ZIPs take the same files).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from edition.comments import pages
from edition.comments.checked import read_comments
from edition.comments.export import published_files
from edition.comments.store import template_placeholders
from edition.shared.problems import EditionError

from build_state import BuildState
from project import product_cache, project_facts, project_registry, project_root
from site_languages import edition_prefix, site_languages
from site_links import site_links
from site_variant import offline_variant

FORM_PLACE = "<!-- edition:comment-form -->"  # in docs/<lang>/comments.md, where the form goes
CONTACT_PAGE = "contact.md"


def read_and_check(config: MkDocsConfig, *, state: BuildState) -> None:
    root, (_, default) = project_root(config), site_languages(config)
    registry, docs, cache = project_registry(config, state), root / "docs" / default, product_cache(config)
    try:
        read_comments(root, registry=registry, reference_docs=docs, cache=cache, kept=state.loaded.comments_kept)
    except EditionError as error:
        raise PluginError(str(error)) from error


def write_data_files(config: MkDocsConfig, files: Files, *, lang: str, state: BuildState) -> None:
    if state.language(lang).index is None or offline_variant(config):  # the offline edition takes the website's
        return
    place, render = _place(config, files, lang=lang, here="", state=state)
    for path, text in pages.comment_files(state.loaded.comments.by_target, place=place, render=render):
        out = Path(config.site_dir) / path
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")


def add_form(html: str, page: Page, config: MkDocsConfig, files: Files, *, lang: str, state: BuildState) -> str:
    kind, is_contact = page.meta.get("edition"), page.file.src_uri.rsplit("/", 1)[-1] == CONTACT_PAGE
    if kind != pages.INDEX and not is_contact:
        return html
    place, render = _place(config, files, lang=lang, here=page.url, state=state)
    email = str(config.extra.get("editors_email") or "").strip()
    contact = render("comment-contact.html", labels=place.labels, email=email, below_form=kind == pages.INDEX)
    if kind != pages.INDEX:
        return html + contact
    if FORM_PLACE not in html:
        raise PluginError(f"{page.file.src_uri}: the Comments page needs the line '{FORM_PLACE}' for the form")
    form = pages.form_context(
        place=place,
        schema=state.loaded.comments.schema,
        repository=str(config.extra.get("comments_repository") or ""),
        branch=str(config.extra.get("comments_branch") or "main"),
        placeholders=template_placeholders(place.links.registry),
        version=project_facts(config, state).version,
        email=email,
    )
    return html.replace(FORM_PLACE, render("comment-form.html", **form) + contact)


def add_stylesheet(context: dict[str, Any], page: Page) -> None:
    context["edition_stylesheet"] = pages.own_stylesheet(page.meta.get("edition"))


# Why: the Comments page's list and the Disposition page's table go in once search has read the page (the
# adapter's ``on_page_context``): they are not for search, and at 1,000 comments search would parse ~0.8 MB a page.
def add_listings(page: Page, config: MkDocsConfig, *, lang: str, state: BuildState) -> None:
    kind, files, kept = page.meta.get("edition"), state.language(lang).files, state.loaded.comments
    if kind not in (pages.INDEX, pages.DISPOSITIONS) or page.content is None or files is None:
        return
    place, render = _place(config, files, lang=lang, here=page.url, state=state)
    if kind == pages.DISPOSITIONS:  # every comment with what the editors decided
        page.content += render("dispositions.html", **pages.dispositions_context(kept.comments, place=place))
    else:
        page.content += render(
            "comments-index.html", **pages.browse_context(kept.comments, place=place, schema=kept.schema)
        )


# Why: the panels go in once search has read the page (the adapter's ``on_page_context``): they are not for search.
def add_panels(page: Page, config: MkDocsConfig, *, lang: str, state: BuildState) -> None:
    files = state.language(lang).files
    if page.content is not None and pages.PLACE in page.content and files is not None:
        place, render = _place(config, files, lang=lang, here=page.url, state=state)
        page.content = pages.panels(page.content, place=place, by_target=state.loaded.comments.by_target, render=render)


def write_exports(config: MkDocsConfig, *, lang: str, state: BuildState) -> None:
    _, default = site_languages(config)
    files, kept = state.language(lang).files, state.loaded.comments
    if lang != default or files is None or offline_variant(config):  # the ZIPs take the website's exports
        return
    links, site_url = site_links(config, files, lang=lang, state=state), config.site_url or ""
    written = published_files(
        kept.comments,
        schema=kept.schema,
        # Every edition has the default edition's pages under its folder.
        address=lambda target, language: links.address(target, root=site_url + edition_prefix(language, default)),
        site_url=site_url,
        version_date=project_facts(config, state).date,
    )
    for name, text in written.items():
        (Path(config.site_dir) / name).write_text(text, encoding="utf-8")


# Why: what ``edition/comments/pages.py`` asks for a place: the language's resolver and its one template environment.
def _place(
    config: MkDocsConfig, files: Files, *, lang: str, here: str, state: BuildState
) -> tuple[pages.Place, pages.Render]:
    _, default = site_languages(config)
    links = site_links(config, files, lang=lang, state=state, retired=state.loaded.comments.retired)
    env = state.language(lang).templates(config)

    def render(name: str, /, **context: Any) -> str:
        return str(env.get_template(f"partials/edition/{name}").render(**context))

    return pages.Place(links, here=here, prefix=edition_prefix(lang, default)), render
