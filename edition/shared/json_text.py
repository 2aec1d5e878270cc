"""JSON as the edition publishes it: compact (the comments' exports and annotations, the edition's data
documents), or as a script that hands it to the page (a comment file, the form's texts)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any


# Why: compact, as the edition as data is written: only without indentation does Python's C encoder
# write it (indented, the two comment exports took ~0.3 s of a build at 1,000 comments).
def compact_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"


CLOSING = ");\n"


# Why: data as a script that hands it to ``window.<receiver>.receive`` if the page has one (a script
# loads from file://, where fetch is refused; ``edition.handed`` in shared.js loads it). JSON escaped to
# ASCII and ``< > &`` (which occur only inside strings): no text in it can end the string or the script,
# even if one day inlined in a page.
def handing_script(receiver: str, data: Mapping[str, Any]) -> str:
    payload = json.dumps(data, ensure_ascii=True, separators=(",", ":"), sort_keys=True)
    payload = payload.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f"{_opening(receiver)}{payload}{CLOSING}"


def _opening(receiver: str) -> str:
    return f'"use strict";window.{receiver}&&window.{receiver}.receive('


# Why: the data a ``handing_script`` hands over, read back (the inverse).
def handed_data(text: str, *, receiver: str) -> dict[str, Any]:
    opening = _opening(receiver)
    if not (text.startswith(opening) and text.endswith(CLOSING)):
        raise ValueError(f"not a script written by handing_script for {receiver}")
    data: dict[str, Any] = json.loads(text[len(opening) : -len(CLOSING)])
    return data
