"""The sitemaps: the site's (every language, with its language alternates) and one per edition.

The pages carry no ``<link rel="alternate" hreflang>`` (Material's script would fetch a sitemap
beside each, from whatever address it names): search engines read the alternates here, where
mkdocs-static-i18n writes them; ``with_default_alternate`` adds the ``x-default`` one. A sitemap may
only list addresses below its own folder; ``edition_sitemap`` keeps the entries of one edition.
"""

from __future__ import annotations

from lxml import etree

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


# Why: the site's sitemap reduced to the entries whose address lies under ``base``.
def edition_sitemap(sitemap: bytes, *, base: str, others: list[str]) -> bytes:
    root = etree.fromstring(sitemap, parser=PARSER)
    for url in root.findall("s:url", NS):
        loc = url.findtext("s:loc", default="", namespaces=NS)
        if not loc.startswith(base) or any(loc.startswith(other) for other in others):
            root.remove(url)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))


# Why: each entry's default-language alternate is also its ``x-default`` (for readers of other languages).
def with_default_alternate(sitemap: bytes, *, default: str) -> bytes:
    root = etree.fromstring(sitemap, parser=PARSER)
    for url in root.findall("s:url", NS):
        links = url.findall("xhtml:link[@rel='alternate']", NS)
        chosen = next((link for link in links if link.get("hreflang") == default), None)
        if chosen is not None and not any(link.get("hreflang") == "x-default" for link in links):
            last, inner = url[-1], links[0].tail
            extra = etree.SubElement(url, f"{{{NS['xhtml']}}}link", rel="alternate", hreflang="x-default")
            extra.set("href", chosen.get("href", ""))
            extra.tail, last.tail = last.tail, inner  # the file's own indentation
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
