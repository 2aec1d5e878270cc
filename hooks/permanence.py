"""Every address ever published keeps resolving (logic in ``edition/permanence.py``).

MkDocs events:

- ``on_pre_build``, ``on_build_error``: count nested builds (``BuildNesting``), as the other
  languages build inside the default one.
- ``on_post_build`` at priority -200 (``BuildNesting.after_every_language``), outermost build only,
  when every language is written: each
  address in ``data/published-addresses.txt`` must still lead to its page and anchor; the build
  fails listing every one that does not. Retired ids (``data/retired.yml``) stay valid as alias
  anchors at their successor (rendered by ``crossrefs.py``).

Not in the offline edition (``hooks/offline.py``), whose pages are files, not published addresses.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from edition.permanence import read_addresses, unresolved

from project import project_root
from site_languages import BuildNesting
from site_variant import offline_variant

LIST = Path("data") / "published-addresses.txt"
_builds = BuildNesting()
on_pre_build = _builds.on_pre_build
on_build_error = _builds.on_build_error


# Why: once every language is built.
def _finish(config: MkDocsConfig, root_site: Path) -> None:
    if offline_variant(config):  # its pages are files, not the addresses the website published
        return
    listed = project_root(config) / LIST
    missing = unresolved(root_site, read_addresses(listed))
    if missing:
        lines = [f"  {LIST}:{line}: {address}: {why}" for line, address, why in missing]
        raise PluginError(
            f"{len(missing)} published address(es) no longer resolve; restore them or map the old id to its "
            "successor in data/retired.yml:\n" + "\n".join(lines)
        )


on_post_build = _builds.after_every_language(_finish)
