"""Published addresses stay valid: every page and anchor ever published keeps resolving.

``data/published-addresses.txt`` lists, one per line, every address the edition has published
(``/fr/specific-issues/#iv-b-17``). After each build, ``unresolved`` reports those that no longer
lead anywhere; a renumbered paragraph or provision keeps its old address through
``data/retired.yml``, whose old ids become alias anchors at their successor.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import lxml.html

# What has a permanent address on a page: paragraphs, provisions, instruments (by class).
PERMANENT_CLASSES = frozenset({"guideline", "provision", "instruments__item"})


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


# Why: every listed address whose page or anchor is gone from the built site.
def unresolved(site: Path, addresses: Iterable[tuple[int, str]]) -> list[tuple[int, str, str]]:
    cache: dict[Path, set[str] | None] = {}
    missing = []
    for line, address in addresses:
        file = page_file(site, address)
        if file not in cache:
            cache[file] = page_ids(file) if file.is_file() else None
        ids = cache[file]
        fragment = address.partition("#")[2]
        if ids is None:
            missing.append((line, address, "page not found"))
        elif fragment and fragment not in ids:
            missing.append((line, address, f"anchor #{fragment} not found"))
    return missing


# Why: the permanent addresses of a built site: pages, paragraphs, provisions and instruments.
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
    return found
