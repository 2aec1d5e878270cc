"""The source documents kept in ``sources/`` are the ones received, unchanged: their SHA-256 sums
match those recorded in ``sources/README.md``, and every text file there is listed."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
SUM_LINE = re.compile(r"^([0-9a-f]{64})  (\S+\.txt)$", re.MULTILINE)


def recorded_sums() -> dict[str, str]:
    return {name: digest for digest, name in SUM_LINE.findall((SOURCES / "README.md").read_text(encoding="utf-8"))}


def test_every_source_is_recorded_and_unchanged() -> None:
    recorded = recorded_sums()
    present = sorted(p.name for p in SOURCES.glob("*.txt"))
    assert present == sorted(recorded), "sources/README.md must list the SHA-256 of every source file"
    for name in present:
        assert hashlib.sha256((SOURCES / name).read_bytes()).hexdigest() == recorded[name], f"{name} was edited"
