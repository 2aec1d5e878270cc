"""A build run beside this one (``edition/downloads/background.py``): its output, its failure, and stopping it."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from edition.downloads.background import BackgroundBuild

# A stand-in for `mkdocs build`: writes a page into the site folder it is given, and a lot of output.
WRITER = "import pathlib, sys; s = pathlib.Path(sys.argv[1]); s.mkdir(); (s / 'index.html').write_text('built'); "


def python(code: str) -> list[str]:
    return [sys.executable, "-c", code]


def test_a_build_writes_into_its_own_folder_and_says_what_it_printed() -> None:
    code = WRITER + "print('x' * 200_000); print('done', file=sys.stderr)"  # more than a pipe holds
    build = BackgroundBuild(lambda site: [*python(code), str(site)], env={}, prefix="test-background-")
    status, output = build.wait()
    assert status == 0
    assert (build.site / "index.html").read_text() == "built"
    assert output.count("x") == 200_000 and "done" in output
    build.close()
    assert not build.folder.exists()


def test_a_failed_build_gives_its_status_and_message() -> None:
    build = BackgroundBuild(lambda site: python("import sys; sys.exit('Aborted with 1 error')"), env={}, prefix="t-")
    assert build.wait() == (1, "Aborted with 1 error\n")
    build.close()


def test_closing_a_build_stops_it_and_removes_its_folder(tmp_path: Path) -> None:
    marker = tmp_path / "finished"
    code = f"import time, pathlib; time.sleep(30); pathlib.Path({str(marker)!r}).write_text('late')"
    build = BackgroundBuild(lambda site: python(code), env={}, prefix="test-background-")
    started = time.perf_counter()
    build.close()
    assert time.perf_counter() - started < 10
    assert not build.folder.exists() and not marker.exists()
