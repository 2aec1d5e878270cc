"""Every language checked up front: its own cross-references, and parity with the others
(logic in ``edition/text/crossrefs.py`` and ``edition/text/parity.py``).

``check_every_language``, called by the adapter (``hooks/build.py``) in ``on_pre_build``, in the default
language's build only: mkdocs-static-i18n builds the default
  language first and the others from its own ``on_post_build``, and in ``--strict`` a failure in one
  language stops the later ones. So every ``docs/<lang>/`` folder is read here, before any page is
  built: each language's numbering, ids and references are checked as ``crossrefs.py`` will check
  them, and the languages are compared page by page and id by id, with the registry in every
  language. All problems of all languages are raised as one ``PluginError``. Each language's scanned
  pages are kept in the build state (``state.language(lang).scanned``), keyed by the ``src_uri``
  MkDocs gives them (``<lang>/<page>.md``): the build's only scan, which ``crossrefs.py`` indexes.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from edition.shared.problems import EditionError, format_problems
from edition.text.crossrefs import build_index
from edition.text.parity import parity_problems, registry_parity, scan_languages

from build_state import BuildState
from project import project_registry, project_root
from site_languages import site_languages


def check_every_language(config: MkDocsConfig, *, lang: str, state: BuildState) -> None:
    languages, default = site_languages(config)
    if lang != default or len(languages) < 2:
        return
    root = project_root(config)
    try:
        registry = project_registry(config, state)
    except EditionError as error:
        raise PluginError(str(error)) from error
    scanned = scan_languages(Path(config.docs_dir), languages, root=root)
    problems = parity_problems(scanned, reference=default) + registry_parity(registry, languages)
    for lang, pages in scanned.items():
        keyed = {f"{lang}/{name}": page for name, page in pages.items()}  # as MkDocs' src_uri, under docs/
        problems += build_index(list(keyed.items()), registry)[1]
        state.language(lang).scanned = keyed
    problems = sorted(set(problems))  # registry problems are found once per language
    if problems:
        raise PluginError(format_problems(problems))
