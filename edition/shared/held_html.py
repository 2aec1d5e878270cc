"""HTML blocks held out of Markdown and put back into the page's HTML once Markdown has run.

The edition's blocks (a guideline paragraph's number and apparatus, a quoted provision, the list of
instruments) are HTML that Markdown only has to carry through; handed over as HTML, Markdown's
``md_in_html`` parsed every one of them again. Each is held instead, and Markdown gets a line of
letters and digits in its place, which it makes a paragraph of its own (``<p>TOKEN</p>``);
``put_back`` replaces each such paragraph by its block, and fails loudly if one is missing.
"""

from __future__ import annotations

from collections.abc import Sequence

MARK = "EditionHeldBlock"  # no character Markdown or its extensions read as markup
_OPEN, _CLOSE = f"<p>{MARK}", "</p>"


# Why: the line standing for the ``number``th held block, as Markdown must see it (blank lines around).
def token(number: int) -> str:
    return f"\n\n{MARK}{number}x\n\n"


# Why: each block back where its line was; a token that Markdown moved or changed is an error, not a gap.
def put_back(html: str, held: Sequence[str], *, page: str) -> str:
    if not held:
        return html
    chunks = html.split(_OPEN)
    out, seen = [chunks[0]], []
    for chunk in chunks[1:]:
        number, x, rest = chunk.partition(f"x{_CLOSE}")
        if not x or not number.isdigit() or int(number) >= len(held):
            raise ValueError(f"{page}: Markdown changed an edition block's place ({MARK}{chunk[:20]}...)")
        seen.append(int(number))
        out.append(held[int(number)] + rest)
    if sorted(seen) != list(range(len(held))):
        missing = sorted(set(range(len(held))) - set(seen))
        raise ValueError(f"{page}: {len(missing)} edition block(s) lost in Markdown (numbers {missing[:5]})")
    return "".join(out)
