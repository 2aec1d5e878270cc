"""The one line a reader sees under a translated quotation: the official document by its symbol, whether
the quotation's wording was compared with the official text, and the publisher of the reproduction
compared. Where and how the edition looked stays in the data files, never on a page."""

from __future__ import annotations

from collections.abc import Mapping


# Why: the words are the language's labels; only the symbol and the publisher's name come from the data.
def source_line(
    labels: Mapping[str, str], *, symbol: str, compared: bool, reproduced_by: str | None, not_compared: str
) -> str:
    if not compared:
        return labels[not_compared].format(symbol=symbol)
    if reproduced_by:
        return labels["source_compared"].format(symbol=symbol, publisher=reproduced_by)
    return labels["source_compared_copy"].format(symbol=symbol)
