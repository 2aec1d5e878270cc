"""The editors' exports of every comment: JSON exactly as written, CSV safe to open in a spreadsheet.

A spreadsheet runs a cell that begins ``=``, ``+``, ``-`` or ``@`` (and some read a leading tab or
carriage return the same way) as a formula, e.g. ``=HYPERLINK(…)``; some skip leading blanks first
(spaces, no-break spaces, line feeds) and some read the full-width forms (``＝``, ``＋``, ``－``, ``＠``)
as the ASCII ones. As OWASP recommends, every such CSV cell is prefixed with ``'`` and control
characters other than line breaks and tabs are dropped; the JSON export keeps every value exactly, for
anyone who needs the original.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

from edition.comments.annotations import Address, annotation_collection
from edition.comments.store import Comment
from edition.shared.json_text import compact_json

# At the website's root, for the editors and other tools (the offline editions take the same bytes).
EXPORT_JSON, EXPORT_CSV, EXPORT_ANNOTATIONS = "comments.json", "comments.csv", "comments.jsonld"
SCHEMA_JSON = "comment.schema.json"  # the schema the browser's form checks against
FORMULA_STARTS = ("=", "+", "-", "@")
STARTS_WITH_CONTROL = ("\t", "\r")
FIELDS = (
    "file",
    "targets",
    "requested_targets",
    "date",
    "language",
    "kind",
    "status",
    "name",
    "organisation",
    "country",
    "comment",
    "proposed_text",
    "response",
    "response_fr",
    "response_es",
    "resolved_in",
    "commenter_agreed",
    "passage",
    "passage_prefix",
    "passage_suffix",
    "passage_language",
    "passage_version",
    "passage_found",
    "passage_start",
    "passage_end",
    "passage_words",
)


# Why: the editors' export, one flat row per comment, hidden ones included, oldest first.
def export_rows(comments: Sequence[Comment], *, folder: str = "comments") -> list[dict[str, str]]:
    return [
        {
            "file": f"{folder}/{c.file}",
            "targets": " ".join(c.targets),
            "requested_targets": " ".join(c.requested_targets),
            "date": c.date,
            "language": c.language,
            "kind": c.kind,
            "status": c.status,
            "name": c.name,
            "organisation": c.organisation or "",
            "country": c.country or "",
            "comment": c.body,
            "proposed_text": c.proposed_text or "",
            "response": c.response or "",
            "response_fr": c.response_fr or "",
            "response_es": c.response_es or "",
            "resolved_in": c.resolved_in or "",
            "commenter_agreed": "" if c.commenter_agreed is None else str(c.commenter_agreed).lower(),
            **passage_cells(c),
        }
        for c in sorted(comments, key=lambda c: (c.date, c.file))
    ]


# Why: the passage as written, and where it is in today's text (found, found again, or on earlier
# wording: then no place).
def passage_cells(comment: Comment) -> dict[str, str]:
    passage, found = comment.passage, comment.anchor
    if passage is None or found is None:
        return {field: "" for field in FIELDS if field.startswith("passage")}
    placed = found.start is not None and found.end is not None
    return {
        "passage": passage.exact,
        "passage_prefix": passage.prefix,
        "passage_suffix": passage.suffix,
        "passage_language": passage.language,
        "passage_version": passage.version,
        "passage_found": found.how,
        "passage_start": str(found.start) if placed else "",
        "passage_end": str(found.end) if placed else "",
        "passage_words": found.words or "",
    }


# Every control character (Unicode category Cc: U+0000–U+001F, U+007F–U+009F) but line break and tab.
CONTROLS = {code: None for code in (*range(0x20), *range(0x7F, 0xA0)) if chr(code) not in "\n\t"}


# Why: whether a spreadsheet might run the cell as a formula: a tab or carriage return first, or a
# formula sign (or its full-width or small form, which NFKC folds to it) after any leading blanks
# or invisible format characters (a byte order mark, a zero-width space).
def formula_like(value: str) -> bool:
    if value.startswith(STARTS_WITH_CONTROL):
        return True
    if not value or value[0].isalnum():  # most cells: no letter or digit folds to a formula sign (a test holds it)
        return False
    first = next((c for c in value if not (c.isspace() or unicodedata.category(c) == "Cf")), "")
    return unicodedata.normalize("NFKC", first).startswith(FORMULA_STARTS)


# Why: one cell as a spreadsheet may read it safely (OWASP "CSV injection").
def csv_cell(value: str) -> str:
    kept = value.translate(CONTROLS)
    return "'" + kept if formula_like(value) or formula_like(kept) else kept


# Why: the CSV export, every cell neutralised.
def csv_text(rows: Sequence[dict[str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(FIELDS), lineterminator="\n")
    writer.writeheader()
    writer.writerows({key: csv_cell(value) for key, value in row.items()} for row in rows)
    return buffer.getvalue()


# Why: the JSON export, every value exactly as in the comment files.
def json_text(rows: Sequence[dict[str, str]]) -> str:
    return compact_json(list(rows))


# Why: every file the website publishes of the comments, by its name at the site's root: the exports,
# the W3C annotations (``address``: a target's page in a language; ``site_url``: the published
# address, or "" when none is set) and the form's schema.
def published_files(
    comments: Sequence[Comment],
    *,
    schema: Mapping[str, Any],
    address: Address,
    site_url: str,
    version_date: dt.date,
) -> dict[str, str]:
    rows = export_rows(comments)
    annotations = annotation_collection(
        comments, address=address, collection=site_url + EXPORT_ANNOTATIONS, version_date=version_date
    )
    return {
        EXPORT_JSON: json_text(rows),
        EXPORT_CSV: csv_text(rows),
        EXPORT_ANNOTATIONS: compact_json(annotations),
        SCHEMA_JSON: json.dumps(schema, ensure_ascii=False, indent=2) + "\n",
    }
