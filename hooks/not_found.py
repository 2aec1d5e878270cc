"""One ``/404.html`` for every language (logic in ``edition/frame/not_found.py``).

A static host serves the same ``/404.html`` for every missing address, whatever its language, and
mkdocs-static-i18n writes that one file from each language build in turn (the last one built won).
The page holds one block per language, each with the way home and a search box for its edition;
a few lines of inline script show the block of the missing address's language (``/fr/…`` French,
``/es/…`` Spanish, anything else the default) and set the document's ``lang``, with no other request.

MkDocs event, per language build:

- ``on_post_template`` for ``404.html``: replaces Material's page with
  ``overrides/partials/edition/not-found.html``; every build writes the same page.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from edition.frame.not_found import editions, site_root_path

from build_state import STATE
from project import project_registry
from site_languages import current_language, site_languages, site_names


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name != "404.html":
        return output_content
    languages, default = site_languages(config)
    names = site_names(config)
    root = site_root_path(config.site_url)
    blocks = editions(languages, default=default, root=root, site_names=names, labels=project_registry(config).labels)
    template = (
        STATE.language(current_language(config)).templates(config).get_template("partials/edition/not-found.html")
    )
    return str(template.render(editions=blocks, root=root, default=default))
