"""The offline editions: one ZIP per language, read from the file system without a connection.

The pages come from a second build with Material's offline plugin (no directory URLs, the search
index inlined as a script). ``members`` chooses what one language's ZIP holds: its own pages, its
search index and PDF, the shared assets it needs, and nothing built for a server (sitemaps, the 404
page, source maps) or for other languages. The comment exports (``FROM_WEBSITE``) are written by
the website's build only: ``website_members`` chooses them, by the same rules, from there.
``packings`` plans each language's ZIP (those files, its PDF, its edition as data, a start page);
``write_zip`` writes a ZIP the same way every time, so two builds from the same sources give the
same bytes; ``write_zips`` writes the languages' ZIPs side by side. ``file_address`` is the
inverse of ``online_address``, for the website's comment files that the offline edition takes
(``offline_comment_files``); ``website_url`` is a website's address seen from a ZIP.
"""

from __future__ import annotations

import datetime as dt
import functools
import posixpath
import shutil
import zipfile
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from edition.comments.data import relinked
from edition.comments.store import Comment
from edition.comments.text import RefSlot
from edition.comments.views import data_path
from edition.downloads.edition_data import DOCUMENT, SCHEMA, TEXTS
from edition.downloads.sizes import PDF_NAME, ZIP_FOLDER, download_path
from edition.text.links import edition_prefix

# Built for a web server only: of no use from the file system.
SERVER_ONLY = frozenset({"404.html", "sitemap.xml", "sitemap.xml.gz"})
# Files at the site root that every edition's pages link to (the comment exports, for the editors),
# and the same comments as W3C Web Annotations, whose sources are the website's permanent addresses.
SHARED_ROOT_FILES = frozenset({"comments.json", "comments.csv", "comments.jsonld"})
# Written at the root by the website's build and not by the offline one (hooks/comments.py), the same
# bytes in both: the ZIPs take them from the website. The schema, not shared, goes with the default edition.
FROM_WEBSITE = SHARED_ROOT_FILES | {"comment.schema.json"}
# Material's search loads only these lunr files for the languages it is given; the rest (other
# languages, Japanese and Thai segmenters) is never requested by this site.
LUNR_FOLDER = "assets/javascripts/lunr/"
LUNR_ALWAYS = frozenset({"min/lunr.stemmer.support.min.js", "min/lunr.multi.min.js"})
# The ZIP format cannot store times before 1980.
ZIP_EPOCH = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)
# Deflate level 6, not 9: with 10,000 comments the three ZIPs pack in 1.8 s instead of 2.8 s for 0.7% more
# bytes (21.66 MB against 21.50 MB); storing the PDF unpacked would save 7 ms for 19 KB more per ZIP.
LEVEL = 6


@dataclass(frozen=True)
class Packing:
    """One ZIP to write: where, the folder inside it, the built files it holds and the bytes added to them."""

    target: Path
    folder: str
    files: Sequence[tuple[str, Path]]
    added: Sequence[tuple[str, bytes]] = ()


# Why: the address on the website of a page that the offline build wrote as a file (no directory URLs).
def online_address(offline_url: str) -> str:
    path, hash_mark, fragment = offline_url.partition("#")
    pure = PurePosixPath(path)
    if pure.suffix != ".html":
        return offline_url
    folder = "" if str(pure.parent) == "." else f"{pure.parent}/"
    page = folder if pure.stem == "index" else f"{folder}{pure.stem}/"
    return page + hash_mark + fragment


# Why: the offline edition's language switch, changed in place (the page's own list): its own language's
# page as a file, the others on the website; without the website's address, its own language only.
def offline_alternates(alternates: list[dict[str, str]], *, lang: str, site_url: str | None) -> None:
    for alternate in alternates:
        link = alternate["link"]
        if alternate["lang"] != lang:
            alternate["link"] = (site_url or "") + online_address(link.lstrip("/"))
        elif link.endswith("/"):  # a folder does not open its index.html from the file system
            alternate["link"] = link + "index.html"
    if not site_url:  # the other editions have no known address: offer none
        alternates[:] = [alternate for alternate in alternates if alternate["lang"] == lang]


# Why: from the offline edition, a site path of the website at its published address; None without one.
def website_url(path: str, *, site_url: str | None) -> str | None:
    return site_url + online_address(path) if site_url else None


# Why: a website address (a folder, relative to ``folder``) as the offline edition's file, which must exist.
def file_address(href: str, *, folder: str, exists: Callable[[str], bool]) -> str:
    path, mark, fragment = href.partition("#")
    if not path or "://" in path or path.startswith("/"):
        return href
    target = posixpath.normpath(posixpath.join(folder, path))
    candidates = ["index.html"] if target == "." else [f"{target}/index.html", f"{target}.html"]
    found = next((c for c in candidates if exists(c)), None)
    if found is None:
        raise ValueError(f"{href!r} (from {folder}/) is no page of the offline edition")
    return posixpath.relpath(found, folder) + mark + fragment


# Why: each language's file of each commented target (a site path), and whether it holds ``[[id]]`` links.
def comment_files(
    by_target: Mapping[str, Sequence[Comment]], *, languages: Sequence[str], default: str
) -> dict[str, bool]:
    return {
        edition_prefix(lang, default) + data_path(target): any(
            isinstance(p, RefSlot) for c in comments for p in c.rendered
        )
        for target, comments in by_target.items()
        for lang in languages
    }


# Why: the website's comment files in the offline edition: copied, or relinked (to pages that are files there)
# when they hold links; ``files`` says, for each (a site path), whether it does. Returns what cannot be relinked.
def offline_comment_files(files: Mapping[str, bool], *, website: Path, offline_site: Path) -> list[str]:
    problems = []
    for name, has_links in files.items():
        (offline_site / name).parent.mkdir(parents=True, exist_ok=True)
        if not has_links:
            shutil.copyfile(website / name, offline_site / name)
            continue
        folder = name.rsplit("/", 1)[0]
        address = functools.partial(file_address, folder=folder, exists=lambda path: (offline_site / path).is_file())
        try:
            text = relinked((website / name).read_text(encoding="utf-8"), address=address)
        except ValueError as error:
            problems.append(f"{name}: {error}")
            continue
        (offline_site / name).write_text(text, encoding="utf-8")
    return problems


# Why: what each language's ZIP holds: the offline build's pages, the website's comment exports, its PDF, its
# edition as data and, for a translated edition, ``start_pages``' page at the top leading into its folder.
def packings(
    *,
    offline_site: Path,
    website: Path,
    folder: Path,
    languages: Sequence[str],
    default: str,
    start_pages: Mapping[str, str],
) -> dict[str, Packing]:
    planned = {}
    for lang in languages:
        pdf = download_path(PDF_NAME, lang, default)
        added = [(pdf, (website / pdf).read_bytes())]
        if lang != default:
            added.append(("index.html", start_pages[lang].encode("utf-8")))
        files = members(offline_site, lang, languages, default) + website_members(website, lang, languages, default)
        # The edition as data, and the texts the form finds a passage in.
        files += [(name, website / name) for name in (DOCUMENT.format(lang=lang), TEXTS.format(lang=lang), SCHEMA)]
        planned[lang] = Packing(folder / f"{lang}.zip", ZIP_FOLDER.format(lang=lang), files, added)
    return planned


# Why: what ``partials/edition/offline-start.html`` shows atop a translated edition's ZIP: a way into its folder.
def start_page_context(lang: str, *, default: str, site_name: str, labels: Mapping[str, str]) -> dict[str, object]:
    return {
        "lang": lang,
        "site_name": site_name,
        "href": edition_prefix(lang, default) + "index.html",
        "labels": labels,
    }


# Why: the files of one language's ZIP, as (path inside the ZIP, path in the built offline site).
def members(site: Path, lang: str, languages: Sequence[str], default: str) -> list[tuple[str, Path]]:
    rules = _rules(lang, languages, default)
    chosen = []
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        name = path.relative_to(site).as_posix()
        if name not in FROM_WEBSITE and _wanted(name, *rules):
            chosen.append((name, path))
    return chosen


# Why: the files of one language's ZIP that only the website's build writes, as (path inside the ZIP, path).
def website_members(website: Path, lang: str, languages: Sequence[str], default: str) -> list[tuple[str, Path]]:
    rules = _rules(lang, languages, default)
    return [(name, website / name) for name in sorted(FROM_WEBSITE) if _wanted(name, *rules)]


# Why: what ``_wanted`` needs to know of a language: its folder, the other languages' and its lunr files.
def _rules(lang: str, languages: Sequence[str], default: str) -> tuple[str, list[str], frozenset[str]]:
    others = [f"{other}/" for other in languages if other != default and other != lang]
    own = "" if lang == default else f"{lang}/"
    return own, others, LUNR_ALWAYS | {f"min/lunr.{code}.min.js" for code in languages if code != "en"}


# Why: one file's place in a language's ZIP, by the rules in the module docstring.
def _wanted(name: str, own: str, others: list[str], wanted_lunr: frozenset[str]) -> bool:
    base = PurePosixPath(name).name
    if base in SERVER_ONLY or name.endswith(".map"):
        return False
    if name.startswith(LUNR_FOLDER):
        return name.removeprefix(LUNR_FOLDER) in wanted_lunr
    if name.startswith("assets/") or name in SHARED_ROOT_FILES:
        return True
    if own:
        return name.startswith(own)
    return not any(name.startswith(other) for other in others)


# Why: a ZIP whose bytes depend only on its contents and the given time (sorted, fixed modes).
def write_zip(
    target: Path,
    folder: str,
    files: Sequence[tuple[str, Path]],
    when: dt.datetime,
    added: Sequence[tuple[str, bytes]] = (),
) -> None:
    stamp = max(when, ZIP_EPOCH).astimezone(dt.UTC).timetuple()[:6]
    entries = [(name, path.read_bytes()) for name, path in files] + list(added)
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in sorted(entries):
            info = zipfile.ZipInfo(f"{folder}/{name}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # Unix, so the mode above is read as such everywhere
            archive.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=LEVEL)


# Why: zlib lets go of the interpreter while it compresses, so threads pack the ZIPs on every core at once.
def write_zips(packings: Sequence[Packing], when: dt.datetime, *, workers: int) -> None:
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        done = [pool.submit(write_zip, one.target, one.folder, one.files, when, one.added) for one in packings]
        for future in done:
            future.result()  # raises the first failure here, in the build
