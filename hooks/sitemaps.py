"""A sitemap for each language edition (logic in ``edition/sitemaps.py``).

MkDocs events:

- ``on_pre_build``: counts nested builds (the other languages build inside the default one).
- ``on_post_build`` at priority -200, outermost build only: mkdocs-static-i18n has written the
  site's sitemap with every language's pages and their alternates; each translated edition gets
  ``<lang>/sitemap.xml`` with its own entries. Material's language selector also fetches
  ``sitemap.xml`` beside every ``<link rel="alternate">`` of a page, i.e. in each page's folder; each
  page folder gets its edition's sitemap too, so no request fails (no console error).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from edition.sitemaps import edition_sitemap

from site_languages import BuildNesting, edition_prefix, site_languages

_builds = BuildNesting()


def on_pre_build(config: MkDocsConfig) -> None:
    _builds.enter(config)


def on_build_error(error: Exception) -> None:
    _builds.reset()


@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    root_site = _builds.leave()
    if root_site is None or not (root_site / "sitemap.xml").exists():
        return
    languages, default = site_languages(config)
    site_url = config.site_url or ""
    sitemap = (root_site / "sitemap.xml").read_bytes()
    for lang in languages:
        others = [site_url + edition_prefix(other, default) for other in languages if other not in (lang, default)]
        text = edition_sitemap(sitemap, base=site_url + edition_prefix(lang, default), others=others)
        edition_root = root_site / edition_prefix(lang, default)
        if lang != default:
            (edition_root / "sitemap.xml").write_bytes(text)
        for page in edition_root.glob("*/index.html"):
            if page.parent.name not in languages:
                (page.parent / "sitemap.xml").write_bytes(text)
