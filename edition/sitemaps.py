"""One sitemap per language edition, cut from the site's sitemap (which lists every language).

A sitemap may only list addresses below its own folder, and Material's language selector asks each
edition's root for ``sitemap.xml``; ``edition_sitemap`` keeps the entries of one edition.
"""

from __future__ import annotations

from lxml import etree

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


# Why: the site's sitemap reduced to the entries whose address lies under ``base``.
def edition_sitemap(sitemap: bytes, *, base: str, others: list[str]) -> bytes:
    root = etree.fromstring(sitemap, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    for url in root.findall("s:url", NS):
        loc = url.findtext("s:loc", default="", namespaces=NS)
        if not loc.startswith(base) or any(loc.startswith(other) for other in others):
            root.remove(url)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
