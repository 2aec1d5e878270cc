"""Helper for the hooks (not a hook itself): is this build the website or the offline edition?

The offline edition is a second build of the same sources with Material's offline plugin enabled
(``EDITION_OFFLINE=true``, set by ``hooks/offline.py``); its pages are files, not directories.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

OFFLINE_PLUGIN = "material/offline"
ENVIRONMENT = "EDITION_OFFLINE"  # read by mkdocs.yml for the offline plugin's `enabled`
PDF_SOURCE = "EDITION_PDF_FROM"  # the website's build, whose PDFs the offline edition reuses


# Why: hooks that serve only the website (sitemaps, published addresses, the ZIPs) step aside.
def offline_variant(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get(OFFLINE_PLUGIN)
    return bool(plugin is not None and plugin.config.enabled)
