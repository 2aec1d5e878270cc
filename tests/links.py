"""A link checker over built output: every link, script, stylesheet and image of every page.

Used for the website (served, so a folder address opens its index.html) and for the unpacked
offline editions (opened from the file system, where a folder address opens nothing). A link to
another host is not followed; the caller says which hosts a page may link to.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

HOST = "site.invalid"  # stands for the site's own host while addresses are resolved
ATTRIBUTES = (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("iframe", "src"))


@dataclass
class Report:
    """What the checker found: broken links (page: address: why), links to other hosts, links checked."""

    broken: list[str] = field(default_factory=list)
    external: set[str] = field(default_factory=set)
    anchors_checked: int = 0


@cache
def _ids(path: Path) -> frozenset[str]:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
    return frozenset(str(tag["id"]) for tag in soup.select("[id]")) | frozenset(
        str(tag["name"]) for tag in soup.select("a[name]")
    )


# Why: every address in every page, resolved the way a browser would, checked against the files.
def check(site: Path, pages: Iterable[Path], *, served: bool) -> Report:
    report = Report()
    for page in pages:
        name = page.relative_to(site).as_posix()
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        for tag, attribute in ATTRIBUTES:
            for element in soup.find_all(tag):
                value = element.get(attribute)
                if value:
                    _check_one(site, name, str(value), served=served, report=report)
    return report


def _check_one(site: Path, name: str, value: str, *, served: bool, report: Report) -> None:
    url = urlsplit(urljoin(f"http://{HOST}/{name}", value))
    if url.scheme in ("mailto", "tel", "javascript", "data"):
        if url.scheme == "javascript":
            report.broken.append(f"{name}: {value}: a script address")
        return
    if url.netloc != HOST:
        report.external.add(f"{url.scheme}://{url.netloc}")
        return
    path = unquote(url.path).lstrip("/")
    if path == "" or path.endswith("/"):
        if not served:
            report.broken.append(f"{name}: {value}: a folder opens nothing from the file system")
            return
        path += "index.html"
    target = site / path
    if not target.is_file():
        report.broken.append(f"{name}: {value}: no such file")
        return
    if url.fragment and target.suffix == ".html":
        report.anchors_checked += 1
        if unquote(url.fragment) not in _ids(target):
            report.broken.append(f"{name}: {value}: no such anchor")
