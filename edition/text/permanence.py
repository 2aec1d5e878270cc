"""Published addresses stay valid: every page and anchor ever published keeps resolving.

``data/published-addresses.txt`` lists, one per line, every address the edition has published
(``/fr/specific-issues/#iv-b-17``). After each build, ``unresolved`` reports those that no longer
lead anywhere; a renumbered paragraph or provision keeps its old address through
``data/retired.yml``, whose old ids become alias anchors at their successor. A heading with a
permalink is an address too; the slugs headings had before their ids came from the section numbers
live on as aliases at the heading (``edition/text/headings.py``).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import lxml.html

# What has a permanent address on a page: paragraphs, provisions, instruments (by class).
PERMANENT_CLASSES = frozenset({"guideline", "provision", "instruments__item"})
# Headings whose address the page offers (a permalink): those written in the Markdown.
_PERMALINKED = "|".join(f"//h{level}[@id][a[contains(@class, 'headerlink')]]" for level in range(1, 7))


# Why: the addresses from the committed list, ignoring comments and blank lines.
def read_addresses(path: Path) -> list[tuple[int, str]]:
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return [(n, line.strip()) for n, line in enumerate(lines, start=1) if line.strip() and not line.startswith("#")]


# Why: the page file an address is served from, in a site built with directory URLs.
def page_file(site: Path, address: str) -> Path:
    path = address.partition("#")[0].lstrip("/")
    return site / path / "index.html" if not path or path.endswith("/") else site / path


# Why: the ids a built page carries, read once per page (lxml directly: this runs on every page).
def page_ids(file: Path) -> set[str]:
    return {str(value) for value in lxml.html.fromstring(file.read_bytes()).xpath("//@id")}


# Why: every listed address whose page or anchor is gone from the built site. A page is parsed only
# when an address needs one of its anchors (most addresses are whole pages: a parse of each cost ~30 ms).
def unresolved(site: Path, addresses: Iterable[tuple[int, str]]) -> list[tuple[int, str, str]]:
    exists: dict[Path, bool] = {}
    ids: dict[Path, set[str]] = {}
    missing = []
    for line, address in addresses:
        file = page_file(site, address)
        if file not in exists:
            exists[file] = file.is_file()
        fragment = address.partition("#")[2]
        if not exists[file]:
            missing.append((line, address, "page not found"))
            continue
        if fragment and file not in ids:
            ids[file] = page_ids(file)
        if fragment and fragment not in ids[file]:
            missing.append((line, address, f"anchor #{fragment} not found"))
    return missing


# Why: the permanent addresses of a built site: pages, paragraphs, provisions, instruments and headings.
def permanent_addresses(site: Path) -> list[str]:
    found = []
    for file in sorted(site.glob("**/index.html")):
        relative = file.parent.relative_to(site).as_posix()
        address = "/" if relative == "." else f"/{relative}/"
        found.append(address)
        page = lxml.html.fromstring(file.read_bytes())
        for node in page.xpath("//div[@id] | //figure[@id] | //li[@id]"):
            if PERMANENT_CLASSES.intersection((node.get("class") or "").split()):
                found.append(f"{address}#{node.get('id')}")
        found += [f"{address}#{heading.get('id')}" for heading in page.xpath(_PERMALINKED)]
    return found
