"""Helper for the hooks (not a hook itself): which languages this site builds, and which is default.

Read from mkdocs-static-i18n's own ``languages`` setting, the one place they are declared.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig


# Why: the languages built and the default one; a site without the i18n plugin has one language.
def site_languages(config: MkDocsConfig) -> tuple[list[str], str]:
    plugin = config.plugins.get("i18n")
    if plugin is None:
        language = str(config.theme.get("language", "en"))
        return [language], language
    entries = [entry for entry in plugin.config.languages if entry.build]
    default = next(entry.locale for entry in entries if entry.default)
    return [entry.locale for entry in entries], default
