"""``mkdocs serve`` as an editor uses it: a copy of the project served, edited in each watched place.

One server for the module (its first build renders the PDFs into a cache of its own); each test
edits one kind of file, waits for the rebuild to finish (or to fail), and reads what is served.
The edits are fixtures: they say so, and they live only in the temporary copy.
"""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import ROOT, copy_project, free_port

pytestmark = pytest.mark.build
COMMENT = ROOT / "tests" / "fixtures" / "comments" / "valid" / "iv-b-17-2026-11-01-en.md"
FIRST_BUILD_S = 300  # the first build renders three PDFs
REBUILD_S = 90


@dataclass
class Served:
    """The server, the project it serves, and its log as it comes."""

    project: Path
    port: int
    process: subprocess.Popen[str]
    log: queue.Queue[str]

    def get(self, path: str) -> bytes:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=30) as response:  # noqa: S310
            return bytes(response.read())

    # Why: one edit, then the log until the rebuild it starts has reloaded the browsers or failed.
    def edit(self, relative: str, change: Callable[[str], str]) -> list[str]:
        while not self.log.empty():
            self.log.get_nowait()
        path = self.project / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(change(path.read_text(encoding="utf-8") if path.exists() else ""), encoding="utf-8")
        return self.wait_for("Reloading browsers", "Aborted", timeout=REBUILD_S)

    def wait_for(self, *endings: str, timeout: float) -> list[str]:
        seen: list[str] = []
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.log.get(timeout=1)
            except queue.Empty:
                assert self.process.poll() is None, "mkdocs serve stopped:\n" + "".join(seen)
                continue
            seen.append(line)
            if any(ending in line for ending in endings):
                return seen
        raise AssertionError(f"no {endings} within {timeout} s:\n" + "".join(seen))


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    work = tmp_path_factory.mktemp("serve")
    project = work / "project"
    copy_project(project)
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "EDITION_CACHE": str(work / "cache"), "COMMENTS_REPOSITORY": ""}
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--strict", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    log: queue.Queue[str] = queue.Queue()
    assert process.stderr is not None
    reader = threading.Thread(target=lambda: [log.put(line) for line in process.stderr or ()], daemon=True)
    reader.start()
    server = Served(project, port, process, log)
    try:
        server.wait_for("Serving on", timeout=FIRST_BUILD_S)
        yield server
    finally:
        process.terminate()
        process.wait(timeout=30)
        reader.join(timeout=30)  # the log ends with the process
        process.stderr.close()


def _page(served: Served, path: str) -> BeautifulSoup:
    return BeautifulSoup(served.get(path), "lxml")


def test_an_edited_page_is_served_in_its_language_only(served: Served) -> None:
    marker = "Test fixture: a sentence added under mkdocs serve."
    log = served.edit("docs/en/foreword.md", lambda text: f"{text}\n{marker}\n")
    assert "Reloading browsers" in log[-1], "".join(log)
    assert marker in _page(served, "foreword/").get_text()
    assert marker not in _page(served, "fr/foreword/").get_text()


def test_a_broken_annex_is_reported_by_file_then_served_again_once_mended(served: Served) -> None:
    annex = (served.project / "docs" / "en" / "practice.md").read_text(encoding="utf-8")
    place = "<!-- edition:practice-note mexico -->\n"
    assert place in annex
    log = served.edit("docs/en/practice.md", lambda text: text.replace(place, ""))
    assert "Aborted" in log[-1], "".join(log)
    assert any("docs/en/practice.md:" in line and "'mexico'" in line for line in log), "".join(log)
    log = served.edit("docs/en/practice.md", lambda _: annex)
    assert "Reloading browsers" in log[-1], "".join(log)
    assert _page(served, "practice/").select_one(".practice-note[data-practice-country='mexico']") is not None


def test_an_edited_later_law_schema_is_checked_again_at_once(served: Served) -> None:
    path = "data/schemas/later-law.schema.yml"
    schema = (served.project / path).read_text(encoding="utf-8")
    rule = 'status_as_of: {type: string, pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}'
    assert rule in schema
    # Test fixture: a schema the unchanged data no longer meets (the date is a string, not an integer).
    log = served.edit(path, lambda text: text.replace(rule, "status_as_of: {type: integer}"))
    assert "Aborted" in log[-1], "".join(log)
    assert any("data/later-law.yml:" in line and "status_as_of" in line for line in log), "".join(log)
    log = served.edit(path, lambda _: schema)
    assert "Reloading browsers" in log[-1], "".join(log)


def test_a_new_comment_appears_under_its_paragraph(served: Served) -> None:
    log = served.edit(f"comments/{COMMENT.name}", lambda _: COMMENT.read_text(encoding="utf-8"))
    assert "Reloading browsers" in log[-1], "".join(log)
    summary = _page(served, "specific-issues/").select_one("#iv-b-17 .comments details summary")
    assert summary is not None and summary.get_text(strip=True) == "1 comment"
    assert b"Test fixture: a comment on" in served.get("comments/on/iv-b-17.js")


def test_a_print_stylesheet_edit_rebuilds_and_the_last_pdf_stands_in(served: Served) -> None:
    before = served.get("babies-and-small-children-residing-in-prisons-en.pdf")
    log = served.edit("pdf/print.css", lambda text: f"{text}\n/* Test fixture: an edit under mkdocs serve. */\n")
    assert "Reloading browsers" in log[-1], "".join(log)
    assert served.get("babies-and-small-children-residing-in-prisons-en.pdf") == before


def test_an_edit_under_overrides_rebuilds_the_site(served: Served) -> None:
    marker = "/* Test fixture: an edit to the theme under mkdocs serve. */"
    log = served.edit("overrides/assets/stylesheets/edition.css", lambda text: f"{text}\n{marker}\n")
    assert "Reloading browsers" in log[-1], "".join(log)
    assert marker.encode() in served.get("assets/stylesheets/edition.css")
