"""Whether the site's configured address (``site_url``) is one a reader elsewhere can open.

The one definition for everything that writes a permanent address (the PDFs' colophon, citations):
a local build (``127.0.0.1``, ``localhost``, a ``.invalid`` host) has none.
"""

from __future__ import annotations

from ipaddress import ip_address
from urllib.parse import urlsplit

_LOCAL_HOSTS = {"localhost", "localhost.localdomain"}


# Why: a site built for 127.0.0.1 (the local default) has no address a reader elsewhere can open.
def published_address(site_url: str | None) -> str | None:
    if not site_url:
        return None
    parts = urlsplit(site_url)
    host = parts.hostname or ""
    if parts.scheme not in ("http", "https") or not host or host in _LOCAL_HOSTS or host.endswith(".invalid"):
        return None
    try:
        if ip_address(host).is_loopback or ip_address(host).is_unspecified:
            return None
    except ValueError:
        pass  # a host name, not an IP address
    return site_url if site_url.endswith("/") else f"{site_url}/"
