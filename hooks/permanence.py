"""Every address ever published keeps resolving (logic in ``edition/permanence.py``).

MkDocs events:

- ``on_pre_build``: counts nested builds (the other languages build inside the default one).
- ``on_post_build`` at priority -200, outermost build only, when every language is written: each
  address in ``data/published-addresses.txt`` must still lead to its page and anchor; the build
  fails listing every one that does not. Retired ids (``data/retired.yml``) stay valid as alias
  anchors at their successor (rendered by ``crossrefs.py``).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from edition.permanence import read_addresses, unresolved

from site_languages import BuildNesting

LIST = Path("data") / "published-addresses.txt"
_builds = BuildNesting()


def on_pre_build(config: MkDocsConfig) -> None:
    _builds.enter(config)


def on_build_error(error: Exception) -> None:
    _builds.reset()


@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    root_site = _builds.leave()
    if root_site is None:
        return
    listed = Path(config.config_file_path).parent / LIST
    missing = unresolved(root_site, read_addresses(listed))
    if missing:
        lines = [f"  {LIST}:{line}: {address}: {why}" for line, address, why in missing]
        raise PluginError(
            f"{len(missing)} published address(es) no longer resolve; restore them or map the old id to its "
            "successor in data/retired.yml:\n" + "\n".join(lines)
        )
