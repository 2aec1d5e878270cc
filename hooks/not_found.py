"""One ``/404.html`` for every language (logic in ``edition/frame/not_found.py``).

A static host serves the same ``/404.html`` for every missing address, whatever its language, and
mkdocs-static-i18n writes that one file from each language build in turn (the last one built won).
The page holds one block per language, each with the way home and a search box for its edition;
a few lines of inline script show the block of the missing address's language (``/fr/…`` French,
``/es/…`` Spanish, anything else the default) and set the document's ``lang``, with no other request.

``page``, called by the adapter (``hooks/build.py``) in ``on_post_template`` for ``404.html``, per
language build: replaces Material's page with
  ``overrides/partials/edition/not-found.html``; every build writes the same page.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from edition.frame.not_found import editions, site_root_path

from build_state import BuildState
from project import project_registry
from site_languages import site_languages, site_names


def page(config: MkDocsConfig, *, lang: str, state: BuildState) -> str:
    languages, default = site_languages(config)
    names = site_names(config)
    root = site_root_path(config.site_url)
    blocks = editions(
        languages, default=default, root=root, site_names=names, labels=project_registry(config, state).labels
    )
    template = state.language(lang).templates(config).get_template("partials/edition/not-found.html")
    return str(template.render(editions=blocks, root=root, default=default))
