"""Parity of the English, French and Spanish editions (logic in ``edition/parity.py``).

MkDocs event:

- ``on_pre_build``, in the default language's build only: mkdocs-static-i18n builds the default
  language first and the others from its own ``on_post_build``, and in ``--strict`` a failure in one
  language stops the later ones. So every ``docs/<lang>/`` folder and every language of the registry
  are compared here, up front, before any page is built; all gaps are raised as one ``PluginError``.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from edition.parity import parity_problems, registry_parity, scan_languages
from edition.problems import EditionError, format_problems
from edition.registry import cached_registry

from site_languages import current_language, site_languages


def on_pre_build(config: MkDocsConfig) -> None:
    languages, default = site_languages(config)
    if current_language(config) != default or len(languages) < 2:
        return
    root = Path(config.config_file_path).parent
    try:
        registry = cached_registry(root / "data", display_root=root)
    except EditionError as error:
        raise PluginError(str(error)) from error
    scanned = scan_languages(Path(config.docs_dir), languages, root=root)
    problems = parity_problems(scanned, reference=default) + registry_parity(registry, languages)
    if problems:
        raise PluginError(format_problems(problems))
