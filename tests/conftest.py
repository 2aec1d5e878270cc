"""Shared fixtures: one real build per session, broken-copy builds, and the served site in Chromium.

Layers, from fast to slow: unit tests of ``edition/`` need nothing here; ``built_site`` builds the
real site once into a temporary folder; ``commented_site`` builds it once more with the fixture
comments (``commented_url`` serves it); ``build_copy`` builds a modified copy of the project to
prove the build fails as it should; ``page`` drives Debian's Chromium on the site served on
127.0.0.1. Every browser page comes from ``checked_pages`` (``page`` is one), which fails the test
if the page requests anything from another origin. Tests are marked ``build`` and ``browser`` from
the fixtures they use (``pytest_collection_modifyitems``); ``make test-fast`` runs the rest.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from scripts.comment_fixtures import write as write_fixtures
from tests.comment_cases import INERT

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "mkdocs.offline.yml", "docs", "data", "hooks", "overrides", "pdf", "comments", "sources")
CHROMIUM = "/usr/bin/chromium"
CACHE = "EDITION_CACHE"  # where a build keeps its products (hooks/project.py); empty turns the cache off
COMMENT_FIXTURES = ROOT / "tests" / "fixtures" / "comments" / "valid"
# Fixture comments on passages of IV.a.4 (one in today's text, one on earlier wording): valid only
# with the edition's texts to find them in, so apart from the folder checked without them.
PASSAGE_FIXTURES = ROOT / "tests" / "fixtures" / "comments" / "passages"
# A comment on a passage with the editors' decision, for the Disposition page: its passage is checked
# against the real text of this edition's version, which the unit tests of valid/ do not give.
DISPOSITION_FIXTURES = ROOT / "tests" / "fixtures" / "comments" / "dispositions"
# Generated fixture comments (scripts/comment_fixtures.py) on two paragraphs only, for paging and filters.
GENERATED, GENERATED_ON = 45, ["IV.a.5", "IV.a.6"]


@dataclass(frozen=True)
class BuildResult:
    """A finished ``mkdocs build --strict``: exit code, log and output folder."""

    returncode: int
    log: str
    site: Path


# Why: the build exactly as the README runs it, into a folder of the test's choosing.
def run_build(
    project: Path, site: Path, *, environ: dict[str, str] | None = None, runner: list[str] | None = None
) -> BuildResult:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(environ or {})}
    command = [*(runner or ["-m", "mkdocs", "build"]), "--strict", "-q", "-d", str(site)]
    proc = subprocess.run(
        [sys.executable, *command],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return BuildResult(proc.returncode, proc.stdout + proc.stderr, site)


# Why: what a build reads, copied, so a test may change or serve it without touching the working tree.
def copy_project(project: Path) -> None:
    project.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        copy = shutil.copytree if (ROOT / part).is_dir() else shutil.copy2
        copy(ROOT / part, project / part)


# Why: a free port on 127.0.0.1, chosen before a build so the site can be built for its address.
def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def site_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, site_port: int) -> Path:
    environ = {"SITE_URL": f"http://127.0.0.1:{site_port}/"}
    result = run_build(ROOT, tmp_path_factory.mktemp("build") / "site", environ=environ)
    assert result.returncode == 0, result.log
    return result.site


@pytest.fixture(scope="session")
def unaddressed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real project built as `make serve` builds it: no published address (SITE_URL empty)."""
    result = run_build(ROOT, tmp_path_factory.mktemp("unaddressed") / "site", environ={"SITE_URL": ""})
    assert result.returncode == 0, result.log
    return result.site


# Why: a copy's build renders again only the products its edits change (a PDF takes ~10 s): the cache is
# keyed on what each product is made from, so a copy of the working tree's (the session build's) serves the rest.
def seeded_cache(folder: Path) -> Path:
    kept = ROOT / ".cache" / "edition"
    if kept.is_dir():
        shutil.copytree(kept, folder)
    return folder


@pytest.fixture
def build_copy(tmp_path: Path) -> Callable[..., BuildResult]:
    """Copy the project, apply edits (path -> function of the old text), add files, and build it (cache seeded)."""

    def build(
        edits: dict[str, Callable[[str], str]],
        *,
        add: dict[str, Path] | None = None,
        environ: dict[str, str] | None = None,
    ) -> BuildResult:
        project = tmp_path / "project"
        copy_project(project)
        for relative, edit in edits.items():
            path = project / relative
            path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
        for relative, source in (add or {}).items():
            (project / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, project / relative)
        cache = seeded_cache(tmp_path / "cache")
        return run_build(project, tmp_path / "site", environ={CACHE: str(cache), **(environ or {})})

    return build


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass

    # Why: as static hosts do, a missing address gets the site's own /404.html, with status 404.
    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


# Why: a built site served on 127.0.0.1 as a static host would, for as long as the fixture lasts.
def serve(site: Path, port: int) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def site_url(built_site: Path, site_port: int) -> Iterator[str]:
    yield from serve(built_site, site_port)


@pytest.fixture(scope="session")
def commented_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def commented_site(tmp_path_factory: pytest.TempPathFactory, commented_port: int) -> Path:
    """The real project with the fixture comments in comments/, built once for the session."""
    project = tmp_path_factory.mktemp("commented") / "project"
    shutil.copytree(
        ROOT, project, ignore=shutil.ignore_patterns(".venv", ".git", "site", "__pycache__", "*.pdf", "node_modules")
    )
    for fixture in [*COMMENT_FIXTURES.glob("*.md"), *PASSAGE_FIXTURES.glob("*.md"), *DISPOSITION_FIXTURES.glob("*.md")]:
        shutil.copy2(fixture, project / "comments" / fixture.name)
    for case in INERT:  # the hostile but valid files of tests/comment_cases.py, on IV.a.1 (and IV.a.2)
        (project / "comments" / case.file).write_bytes(str(case.content).encode("utf-8"))
    write_fixtures(GENERATED, project / "comments", targets=GENERATED_ON)
    environ = {
        "COMMENTS_REPOSITORY": "https://example.org/fixture/repo",
        "EDITORS_EMAIL": "editors@example.invalid",  # a fixture address (.invalid is reserved)
        "SITE_URL": f"http://127.0.0.1:{commented_port}/",
    }
    result = run_build(project, project.parent / "site", environ=environ)
    assert result.returncode == 0, result.log
    return result.site


@pytest.fixture(scope="session")
def commented_url(commented_site: Path, commented_port: int) -> Iterator[str]:
    yield from serve(commented_site, commented_port)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/install-system-packages (make test does)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


class CheckedPages:
    """Opens browser pages that record every request leaving their origin, console errors and failures."""

    def __init__(self, browser: Browser) -> None:
        self.browser = browser
        self.contexts: list[BrowserContext] = []
        self.foreign: list[str] = []
        self.errors: list[str] = []
        self.failed: list[str] = []

    # Why: every page a test opens goes through here, so none skips the foreign-request check.
    def open(
        self,
        origin: str,
        *,
        also: tuple[str, ...] = (),
        javascript: bool = True,
        width: int = 1280,
        height: int = 900,
        **options: Any,
    ) -> Page:
        viewport = {"width": width, "height": height}
        context = self.browser.new_context(viewport=viewport, java_script_enabled=javascript, **options)
        self.contexts.append(context)
        page = context.new_page()
        own = tuple(place.rstrip("/") + "/" for place in (origin, *also))
        page.on("request", lambda r: None if r.url.startswith(own) else self.foreign.append(r.url))
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("response", lambda r: self.failed.append(r.url) if r.status >= 400 else None)
        return page

    def close(self) -> None:
        for context in self.contexts:
            context.close()


@pytest.fixture
def checked_pages(browser: Browser) -> Iterator[CheckedPages]:
    """Pages of any origin (``checked_pages.open(origin)``); the test fails if one requests another host."""
    pages = CheckedPages(browser)
    yield pages
    pages.close()
    assert pages.foreign == [], f"requests to other hosts: {pages.foreign}"


@pytest.fixture
def page(checked_pages: CheckedPages, site_url: str) -> Page:
    """A fresh browser page on the served site; the test fails if it requests anything from another host."""
    return checked_pages.open(site_url)


# Fixtures that make a real build (directly or through another fixture); tests using them are marked.
BUILD_FIXTURES = frozenset({"built_site", "build_copy", "commented_site", "unaddressed_site"})
BROWSER_FIXTURES = frozenset({"browser", "page", "checked_pages"})


# Why: the layers are marked from what a test uses, so `make test-fast` (-m "not build and not browser")
# keeps the unit tests whatever file they are in, and no test file has to remember its marker.
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if used & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        if used & (BUILD_FIXTURES | BROWSER_FIXTURES):
            item.add_marker(pytest.mark.build)
