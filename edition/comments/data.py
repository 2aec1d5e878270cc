"""The file of one target's comments, as a panel or the Comments page loads it (pure; no MkDocs).

A script, not JSON: browsers refuse ``fetch`` from ``file://``, where the offline edition is read,
but load a script beside the page. The script only hands its data to ``editionComments.receive``
if the page has it (``handing_script``, ``edition/shared/json_text.py``; ``comments.js`` loads it with
``edition.handed``). The data is JSON escaped to ASCII (and ``< > &``), so no text a contributor wrote
can end the string or the script; each
``html`` is the comment's article as the template rendered it from the sanitised body, with
addresses relative to this file. The offline edition takes the website's files, its ``[[id]]``
links made to point at its pages' files (``relinked``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from lxml import html

from edition.shared.json_text import handed_data, handing_script

RECEIVER = "editionComments"
REF_CLASS = "xref__link"  # a [[id]] in a comment (overrides/partials/edition/comment-ref.html)


# Why: one file per target and language; ``articles`` are the template's output with their facets.
def data_script(*, target: str, lang: str, articles: Sequence[Mapping[str, Any]]) -> str:
    data = {"target": target, "lang": lang, "comments": [dict(a) for a in articles]}
    return handing_script(RECEIVER, data)


# Why: the data a comment file hands over, read back (the inverse of ``data_script``).
def read_script(text: str) -> dict[str, Any]:
    return handed_data(text, receiver=RECEIVER)


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
