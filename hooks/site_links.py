"""Helper for the hooks (not a hook itself): the language's ``Links`` (``edition/text/links.py``) from MkDocs.

The addresses are MkDocs' own (``File.url``), so they are right per language and URL style (folders
on the website, ``.html`` files in the offline variant); the resolver itself knows nothing of MkDocs.
"""

from __future__ import annotations

from collections.abc import Mapping

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from edition.text.crossrefs import CrossIndex
from edition.text.links import Links

from build_state import BuildState
from project import project_registry


# Why: a page's source path to its address, for the pages of this language's build.
def page_urls(files: Files) -> dict[str, str]:
    return {file.src_uri: file.url for file in files.documentation_pages()}


# Why: the resolver of the language being built; before its pages are indexed, it finds pages but no ids.
def site_links(
    config: MkDocsConfig, files: Files, *, lang: str, state: BuildState, retired: Mapping[str, str] | None = None
) -> Links:
    index = state.language(lang).index or CrossIndex()
    return Links(index, project_registry(config, state), lang, page_urls(files), retired or {})
