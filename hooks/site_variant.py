"""Helper for the hooks (not a hook itself): is this build the website or the offline edition?

The offline edition is a build of the variant configuration ``mkdocs.offline.yml``, which enables
Material's offline plugin (``hooks/every_language.py`` runs it); its pages are files, not directories.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

OFFLINE_PLUGIN = "material/offline"
OFFLINE_CONFIG = "mkdocs.offline.yml"  # beside mkdocs.yml


# Why: hooks that serve only the website (sitemaps, published addresses, the ZIPs) step aside.
def offline_variant(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get(OFFLINE_PLUGIN)
    return bool(plugin is not None and plugin.config.enabled)
