"""Helper for the hooks (not a hook itself): which languages this site builds, and which is default.

Read from mkdocs-static-i18n's own ``languages`` setting, the one place they are declared.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from edition.text.links import edition_prefix as edition_prefix  # re-exported: the hooks import it from here


# Why: the languages built and the default one; a site without the i18n plugin has one language.
def site_languages(config: MkDocsConfig) -> tuple[list[str], str]:
    plugin = config.plugins.get("i18n")
    if plugin is None:
        language = str(config.theme.get("language", "en"))
        return [language], language
    entries = [entry for entry in plugin.config.languages if entry.build]
    default = next(entry.locale for entry in entries if entry.default)
    return [entry.locale for entry in entries], default


# Why: each language's site name: its own from the i18n settings, else the site's (which the plugin
# keeps aside while it builds a language that overrides it).
def site_names(config: MkDocsConfig) -> dict[str, str]:
    languages, _ = site_languages(config)
    plugin = config.plugins.get("i18n")
    entries = {entry.locale: entry for entry in plugin.config.languages} if plugin else {}
    own = str(getattr(plugin, "original_configs", {}).get("site_name", config.site_name))
    return {lang: getattr(entries.get(lang), "site_name", None) or own for lang in languages}


# Why: the language being built, as mkdocs-static-i18n has set it by on_pre_build.
def current_language(config: MkDocsConfig) -> str:
    return str(config.theme.get("language", "en"))


# Why: an edition's home page; MkDocs' ``page.is_homepage`` is true only for the default edition's.
def is_edition_home(page_url: str, config: MkDocsConfig, *, lang: str) -> bool:
    _, default = site_languages(config)
    home = edition_prefix(lang, default)
    return page_url in (home, home + "index.html")
