"""Helper for the hooks (not a hook itself): which languages this site builds, and which is default.

Read from mkdocs-static-i18n's own ``languages`` setting, the one place they are declared.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority


# Why: the languages built and the default one; a site without the i18n plugin has one language.
def site_languages(config: MkDocsConfig) -> tuple[list[str], str]:
    plugin = config.plugins.get("i18n")
    if plugin is None:
        language = str(config.theme.get("language", "en"))
        return [language], language
    entries = [entry for entry in plugin.config.languages if entry.build]
    default = next(entry.locale for entry in entries if entry.default)
    return [entry.locale for entry in entries], default


# Why: the language being built, as mkdocs-static-i18n has set it by on_pre_build.
def current_language(config: MkDocsConfig) -> str:
    return str(config.theme.get("language", "en"))


# Why: an edition's folder below the site root: the default language at the root, others in /<lang>/.
def edition_prefix(lang: str, default: str) -> str:
    return "" if lang == default else f"{lang}/"


# Why: an edition's home page; MkDocs' ``page.is_homepage`` is true only for the default edition's.
def is_edition_home(page_url: str, config: MkDocsConfig) -> bool:
    _, default = site_languages(config)
    home = edition_prefix(current_language(config), default)
    return page_url in (home, home + "index.html")


class BuildNesting:
    """Tracks mkdocs-static-i18n's nested builds, so work that needs every language runs once, last.

    The default language builds first and the others build inside its ``on_post_build``; the
    outermost build is the first to start and the last to finish. A hook binds two events to it
    (``on_pre_build = builds.on_pre_build``, ``on_build_error = builds.on_build_error``) and
    ``on_post_build = builds.after_every_language(work)``.
    """

    def __init__(self, on_start: Callable[[], None] | None = None) -> None:
        self.depth = 0
        self.root_site: Path | None = None
        self._on_start = on_start

    # Why: the hook's on_pre_build; at the start of the outermost build, forget the last one.
    def on_pre_build(self, config: MkDocsConfig) -> None:
        if self.depth == 0:
            self.root_site = Path(config.site_dir)
            if self._on_start:
                self._on_start()
        self.depth += 1

    # Why: the hook's on_build_error, so `mkdocs serve` starts afresh after a failed build.
    def on_build_error(self, error: Exception) -> None:
        self.depth = 0

    # Why: call from on_post_build; the site's root folder once every language is built, else None.
    def leave(self) -> Path | None:
        self.depth -= 1
        return self.root_site if self.depth == 0 else None

    # Why: the hook's on_post_build, at -200 (after the i18n plugin's -100), running ``work`` once, last.
    def after_every_language(self, work: Callable[[MkDocsConfig, Path], None]) -> Callable[[MkDocsConfig], None]:
        @event_priority(-200)
        def on_post_build(config: MkDocsConfig) -> None:
            root_site = self.leave()
            if root_site is not None:
                work(config, root_site)

        return on_post_build
