"""The places templates leave for a hook to fill (``<!-- edition:tools IV.b.17 -->``), filled in one pass.

Looking for each known paragraph and provision in turn searched a page's whole HTML a hundred times
or more per hook; splitting it once at the places' common beginning finds them all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

END = " -->"


# Why: each ``<prefix><target> -->`` of a known target becomes ``render(target)``; rendered once per target,
# in the order of ``targets`` (numbered previews keep their numbers); unknown places are left as they are.
def fill_places(html: str, *, prefix: str, targets: Iterable[str], render: Callable[[str], str]) -> str:
    chunks = html.split(prefix)
    present = {chunk.partition(END)[0] for chunk in chunks[1:] if END in chunk}
    rendered: dict[str, str] = {}
    for target in targets:
        if target in present and target not in rendered:
            rendered[target] = render(target)
    filled = [chunks[0]]
    for chunk in chunks[1:]:
        target, end, rest = chunk.partition(END)
        filled.append(rendered[target] + rest if end and target in rendered else prefix + chunk)
    return "".join(filled)


# Why: the targets of a page's places in reading order (a note said once per page goes at the first).
def places_in_order(html: str, *, prefix: str) -> list[str]:
    chunks = html.split(prefix)[1:]
    return list(dict.fromkeys(chunk.partition(END)[0] for chunk in chunks if END in chunk))
