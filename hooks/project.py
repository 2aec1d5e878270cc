"""Helper for the hooks (not a hook): where the project is, its registry and its facts, from MkDocs' config,
and how the edition's problems stop a build."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from edition.downloads.build_cache import ProductCache
from edition.frame.facts import EditionFacts, load_facts
from edition.shared.digests import digest
from edition.shared.problems import EditionError
from edition.text.registry import Registry, load_registry

from build_state import BuildState

# DEBUG: where a build's time goes, as (what, which, seconds): `mkdocs build -v`, scripts/recorded_build.py
TIMING = logging.getLogger("mkdocs.edition.timing")
CACHE = "EDITION_CACHE"  # where products are kept between builds; empty turns the cache off


# Why: the folder holding mkdocs.yml, absolute even when MkDocs was given a relative path.
def project_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


# Why: the registry (data/*.yml), read again only when their bytes change, looked at once per language
# build (the adapter, hooks/build.py, forgets it in on_config).
def project_registry(config: MkDocsConfig, state: BuildState) -> Registry:
    if state.registry is None:
        root = project_root(config)
        key = digest(files=(root / "data").rglob("*.yml"), root=root, settings=[str(root)])
        state.registry = state.loaded.registry.get(key, lambda: load_registry(root / "data", display_root=root))
    return state.registry


# Why: the edition's version and the publication (data/edition.yml), read once per language build.
def project_facts(config: MkDocsConfig, state: BuildState) -> EditionFacts:
    if state.facts is None:
        state.facts = load_facts(project_root(config) / "data")
    return state.facts


# Why: products kept between builds (and between the website and its offline variant) in .cache/edition/.
def product_cache(config: MkDocsConfig) -> ProductCache:
    where = os.environ.get(CACHE)
    if where is None:
        return ProductCache(project_root(config) / ".cache" / "edition")
    return ProductCache(Path(where) if where else None)


# Why: the edition's problems (every one, with file and line) stop the build as MkDocs' clean error, no traceback.
@contextmanager
def reported() -> Iterator[None]:
    try:
        yield
    except EditionError as error:
        raise PluginError(str(error)) from error
