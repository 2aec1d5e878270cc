"""Helper for the hooks (not a hook): where the project is, and its registry, from MkDocs' config."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from edition.build_cache import ProductCache
from edition.registry import Registry, cached_registry

CACHE = "EDITION_CACHE"  # where products are kept between builds; empty turns the cache off


# Why: the folder holding mkdocs.yml, absolute even when MkDocs was given a relative path.
def project_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


# Why: the registry (data/*.yml), read once per change however many hooks and pages ask.
def project_registry(config: MkDocsConfig) -> Registry:
    root = project_root(config)
    return cached_registry(root / "data", display_root=root)


# Why: products kept between builds (and between the website and its offline variant) in .cache/edition/.
def product_cache(config: MkDocsConfig) -> ProductCache:
    where = os.environ.get(CACHE)
    if where is None:
        return ProductCache(project_root(config) / ".cache" / "edition")
    return ProductCache(Path(where) if where else None)
