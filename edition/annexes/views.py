"""What both annexes' views share: one page of one language being filled with the edition's templates.

The page reaches other pages through the language's one resolver (``edition/text/links.py``), which
also holds its words (``labels``) and the registry; nothing here knows about MkDocs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import jinja2

from edition.shared.problems import EditionError, Problem
from edition.text.links import Links


@dataclass(frozen=True)
class AnnexPage:
    """One page being filled: where it is, how to reach other pages from it, and the edition's templates."""

    links: Links  # this language's resolver
    here: str  # the page's address, as the generator computed it
    shown: str  # the page's source path, named in messages
    env: jinja2.Environment  # the theme's, with the edition's partials under ``partials/edition/``

    @property
    def lang(self) -> str:
        return self.links.lang

    @property
    def labels(self) -> Mapping[str, str]:
        return self.links.labels

    # Why: a page of this language by its file name ("practice.md"); a page missing from the build stops it.
    def url(self, name: str, anchor: str = "") -> str:
        page = self.links.find(name)
        if page is None:
            raise EditionError([Problem(self.shown, 0, f"'{name}' is not part of this build")])
        return self.links.page(page, here=self.here, anchor=anchor)

    # Why: a paragraph or provision by its id, from this page; empty where no page of the language holds it.
    def href(self, target: str) -> str:
        return self.links.href(target, here=self.here) or ""

    def template(self, name: str, /, **values: Any) -> str:
        return str(self.env.get_template(f"partials/edition/{name}").render(**values))


# Why: the i18n plugin's source paths carry the language ("fr/practice.md"), a one-language site's do not.
def is_page(src_uri: str, name: str, *, lang: str) -> bool:
    return src_uri in (name, f"{lang}/{name}")
