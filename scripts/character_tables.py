"""Writes the form's character tables for this Python: `python scripts/character_tables.py` (not a test).

``edition/comments/text.py`` reads them from ``edition/comments/character_tables.json`` rather than
asking for the category of every code point at each build; tests/test_comments_text.py fails when the
file differs from what this Python computes (after a Python upgrade, run this script and commit the file).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from edition.comments.text import KEPT_TABLES, tables_file_text  # noqa: E402

if __name__ == "__main__":
    KEPT_TABLES.write_text(tables_file_text(), encoding="utf-8")
    print(f"{KEPT_TABLES} written")
