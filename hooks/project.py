"""Helper for the hooks (not a hook): where the project is, and its registry, from MkDocs' config."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from edition.registry import Registry, cached_registry


# Why: the folder holding mkdocs.yml, absolute even when MkDocs was given a relative path.
def project_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


# Why: the registry (data/*.yml), read once per change however many hooks and pages ask.
def project_registry(config: MkDocsConfig) -> Registry:
    root = project_root(config)
    return cached_registry(root / "data", display_root=root)
