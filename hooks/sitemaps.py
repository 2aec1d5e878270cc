"""A sitemap for each language edition (logic in ``edition/sitemaps.py``).

MkDocs events:

- ``on_pre_build``, ``on_build_error``: count nested builds (``BuildNesting``), as the other
  languages build inside the default one.
- ``on_post_build`` at priority -200 (``BuildNesting.after_every_language``), outermost build only:
  mkdocs-static-i18n has written the
  site's sitemap with every language's pages and their alternates; each translated edition gets
  ``<lang>/sitemap.xml`` with its own entries. Material's language selector also fetches
  ``sitemap.xml`` beside every ``<link rel="alternate">`` of a page, i.e. in each page's folder; each
  page folder gets its edition's sitemap too, so no request fails (no console error). Not in the
  offline edition, which has no server to find it.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from edition.sitemaps import edition_sitemap

from site_languages import BuildNesting, edition_prefix, site_languages
from site_variant import offline_variant

_builds = BuildNesting()
on_pre_build = _builds.on_pre_build
on_build_error = _builds.on_build_error


# Why: once every language is built.
def _finish(config: MkDocsConfig, root_site: Path) -> None:
    if offline_variant(config) or not (root_site / "sitemap.xml").exists():
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


on_post_build = _builds.after_every_language(_finish)
