"""The file of one target's comments, as a panel or the Comments page loads it (pure; no MkDocs).

A script, not JSON: browsers refuse ``fetch`` from ``file://``, where the offline edition is read,
but load a script beside the page. The script only hands its data to ``editionComments.receive``
if the page has it (``overrides/assets/javascripts/comments.js``). The data is JSON escaped to
ASCII (and ``< > &``), so no text a contributor wrote can end the string or the script; each
``html`` is the comment's article as the template rendered it from the sanitised body, with
addresses relative to this file.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

RECEIVER = "editionComments"


# Why: one file per target and language; ``articles`` are the template's output with their facets.
def data_script(*, target: str, lang: str, articles: Sequence[Mapping[str, Any]]) -> str:
    data = {"target": target, "lang": lang, "comments": [dict(a) for a in articles]}
    payload = json.dumps(data, ensure_ascii=True, separators=(",", ":"), sort_keys=True)
    # < > & occur only inside strings: escaped, the data stays inert even if one day inlined in a page.
    payload = payload.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'"use strict";window.{RECEIVER}&&window.{RECEIVER}.receive({payload});\n'
