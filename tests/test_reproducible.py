"""Two clean builds from the same sources and SOURCE_DATE_EPOCH are byte-identical, PDFs and offline ZIPs included."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.conftest import CACHE, ROOT, run_build

pytestmark = pytest.mark.build  # two whole builds


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    environ = {"SOURCE_DATE_EPOCH": "1764000000", CACHE: ""}  # no cache: both render everything
    # Why: side by side, as each build leaves a core idle much of the time (one process, then the PDFs' workers).
    with ThreadPoolExecutor(max_workers=2) as builds:
        first, second = builds.map(lambda folder: run_build(ROOT, tmp_path / folder, environ=environ), ["one", "two"])
    assert first.returncode == 0 and second.returncode == 0, first.log + second.log
    files = sorted(p.relative_to(first.site) for p in first.site.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second.site) for p in second.site.rglob("*") if p.is_file())
    assert any(str(f).endswith(".pdf") for f in files) and any(str(f).endswith(".zip") for f in files)
    different = [f for f in files if (first.site / f).read_bytes() != (second.site / f).read_bytes()]
    assert different == []
