"""The one 404 page a static host serves for every missing address, in the language of that address."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Edition404:
    """One language's block of the 404 page: its words and the addresses of its home and search."""

    lang: str
    prefix: str  # the edition's first path segment below the site's root ("" for the default)
    home: str
    site_name: str
    labels: Mapping[str, str]


# Why: the 404 page may be served at any depth, so its links start from the site's root path.
def site_root_path(site_url: str | None) -> str:
    path = urlsplit(site_url or "/").path or "/"
    return path if path.endswith("/") else f"{path}/"


# Why: one block per language, the default first (shown when the address names no other edition).
def editions(
    languages: Sequence[str],
    *,
    default: str,
    root: str,
    site_names: Mapping[str, str],
    labels: Mapping[str, Mapping[str, str]],
) -> list[Edition404]:
    ordered = [default, *(lang for lang in languages if lang != default)]
    return [
        Edition404(
            lang=lang,
            prefix="" if lang == default else lang,
            home=root if lang == default else f"{root}{lang}/",
            site_name=site_names[lang],
            labels=labels[lang],
        )
        for lang in ordered
    ]
