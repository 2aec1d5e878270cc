"""The file of one target's comments, as a panel or the Comments page loads it (pure; no MkDocs).

A script, not JSON: browsers refuse ``fetch`` from ``file://``, where the offline edition is read,
but load a script beside the page. The script only hands its data to ``editionComments.receive``
if the page has it (``overrides/assets/javascripts/comments.js``). The data is JSON escaped to
ASCII (and ``< > &``), so no text a contributor wrote can end the string or the script; each
``html`` is the comment's article as the template rendered it from the sanitised body, with
addresses relative to this file. The offline edition takes the website's files, its ``[[id]]``
links made to point at its pages' files (``relinked``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from lxml import html

RECEIVER = "editionComments"
CLOSING = ");\n"
REF_CLASS = "xref__link"  # a [[id]] in a comment (overrides/partials/edition/comment-ref.html)


# Why: one file per target and language; ``articles`` are the template's output with their facets.
def data_script(*, target: str, lang: str, articles: Sequence[Mapping[str, Any]]) -> str:
    data = {"target": target, "lang": lang, "comments": [dict(a) for a in articles]}
    return handing_script(RECEIVER, data)


# Why: data as a script that hands it to ``window.<receiver>.receive`` if the page has one (a script
# loads from file://, where fetch is refused). JSON escaped to ASCII and ``< > &`` (which occur only
# inside strings): no text in it can end the string or the script, even if one day inlined in a page.
def handing_script(receiver: str, data: Mapping[str, Any]) -> str:
    payload = json.dumps(data, ensure_ascii=True, separators=(",", ":"), sort_keys=True)
    payload = payload.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f"{_opening(receiver)}{payload}{CLOSING}"


def _opening(receiver: str) -> str:
    return f'"use strict";window.{receiver}&&window.{receiver}.receive('


# Why: the data a comment file (or another ``handing_script``) hands over, read back (the inverse).
def read_script(text: str, *, receiver: str = RECEIVER) -> dict[str, Any]:
    opening = _opening(receiver)
    if not (text.startswith(opening) and text.endswith(CLOSING)):
        raise ValueError(f"not a script written by handing_script for {receiver}")
    data: dict[str, Any] = json.loads(text[len(opening) : -len(CLOSING)])
    return data


# Why: the offline edition takes the website's comment files; only the links of ``[[id]]``s differ
# there (pages are files, x.html, not folders, x/), so only those are rewritten by ``address``.
def relinked(text: str, *, address: Callable[[str], str]) -> str:
    data = read_script(text)
    for article in data["comments"]:
        root = html.fragment_fromstring(article["html"])
        refs = [a for a in root.iter("a") if REF_CLASS in (a.get("class") or "").split()]
        for link in refs:
            link.set("href", address(link.get("href") or ""))
        if refs:
            article["html"] = html.tostring(root, encoding="unicode")
    return data_script(target=data["target"], lang=data["lang"], articles=data["comments"])
