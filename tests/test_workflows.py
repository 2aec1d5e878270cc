"""The GitHub workflows and CODEOWNERS, read as data: what arrives by pull request cannot reach Pages.

Every action is pinned by commit, no checkout leaves its token behind, no event value is pasted into a
shell line, the publishing job that runs the tests holds no Pages permission, the build makes the tested
commit without a cache the tests could have written, and the editors own what checks and publishes.
"""

from __future__ import annotations

import fnmatch
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted(p for p in (ROOT / ".github" / "workflows").iterdir() if p.suffix in {".yml", ".yaml"})
PUBLISH = ROOT / ".github" / "workflows" / "publish.yml"
PINNED = re.compile(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}")
ON_MAIN = "github.ref == 'refs/heads/main'"
# One file in each place whose change could loosen the checks or alter what is published.
OWNED = (
    ".github/workflows/publish.yml",
    ".ci/run",
    "Makefile",
    "scripts/check_comment_changes.py",
    "hooks/build.py",
    "edition/text/syntax.py",
    "overrides/main.html",
    "pdf/print.css",
    "data/edition.yml",
    "comments/en/x.md",
)


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), path
    return data


# Why: every step of every job of every workflow, named for the failure message.
def all_steps() -> list[tuple[str, dict[str, Any]]]:
    return [
        (f"{path.name} {job_name} step {i}", step)
        for path in WORKFLOWS
        for job_name, job in load(path)["jobs"].items()
        for i, step in enumerate(job.get("steps", []))
    ]


def test_the_workflows_are_there() -> None:
    assert {p.name for p in WORKFLOWS} == {"publish.yml", "pull-request.yml"}


def test_every_action_is_pinned_by_commit() -> None:
    uses = [(where, step["uses"]) for where, step in all_steps() if "uses" in step]
    uses += [
        (f"{path.name} {name}", job["uses"])
        for path in WORKFLOWS
        for name, job in load(path)["jobs"].items()
        if "uses" in job
    ]
    assert uses
    assert [(where, use) for where, use in uses if not PINNED.fullmatch(use)] == []


def test_every_pinned_action_names_its_tag() -> None:
    for path in WORKFLOWS:
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if "uses:" in line]
        assert lines and all(re.search(r"@[0-9a-f]{40} # v\d+(\.\d+)*$", line) for line in lines), path


def test_no_checkout_keeps_its_token() -> None:
    checkouts = [(where, step) for where, step in all_steps() if step.get("uses", "").startswith("actions/checkout@")]
    assert len(checkouts) >= len(WORKFLOWS)
    assert [where for where, step in checkouts if step.get("with", {}).get("persist-credentials") is not False] == []


def test_no_expression_in_a_shell_line() -> None:
    runs = [(where, step["run"]) for where, step in all_steps() if "run" in step]
    assert runs
    assert [where for where, run in runs if "${{" in run] == []


def test_publishing_permissions_per_job() -> None:
    workflow = load(PUBLISH)
    assert workflow["permissions"] == {}
    jobs = workflow["jobs"]
    assert {name: job["permissions"] for name, job in jobs.items()} == {
        "test": {"contents": "read"},
        "build": {"contents": "read", "pages": "read"},
        "deploy": {"pages": "write", "id-token": "write"},
    }
    assert "pages" not in load(ROOT / ".github" / "workflows" / "pull-request.yml")["permissions"]


def test_the_build_makes_the_tested_commit_after_the_tests() -> None:
    jobs = load(PUBLISH)["jobs"]
    assert (jobs["build"]["needs"], jobs["deploy"]["needs"]) == ("test", "build")
    for name in ("test", "build"):
        checkout = next(s for s in jobs[name]["steps"] if s.get("uses", "").startswith("actions/checkout@"))
        assert checkout["with"]["ref"] == "${{ github.sha }}", name
    assert any(step.get("run") == "bash .ci/run" for step in jobs["test"]["steps"])
    assert not any(".ci/run" in step.get("run", "") for step in jobs["build"]["steps"])


def test_no_cache_reaches_the_build() -> None:
    jobs = load(PUBLISH)["jobs"]
    uses = [step.get("uses", "") for job in jobs.values() for step in job["steps"]]
    assert not [u for u in uses if u.startswith("actions/cache")]
    build = next(step for step in jobs["build"]["steps"] if step.get("name") == "Build")
    assert build["env"]["EDITION_CACHE"] == ""


def test_only_main_publishes() -> None:
    workflow = load(PUBLISH)
    # PyYAML reads the key `on` as True (YAML 1.1).
    assert workflow[True] == {"push": {"branches": ["main"]}, "workflow_dispatch": None}
    assert {name: job.get("if") for name, job in workflow["jobs"].items()} == dict.fromkeys(workflow["jobs"], ON_MAIN)


# Why: GitHub's rule for CODEOWNERS, for the patterns this repository uses: the last matching line wins.
def owners(codeowners: str, path: str) -> list[str]:
    found: list[str] = []
    for line in codeowners.splitlines():
        pattern, *names = line.split("#", 1)[0].split() or [""]
        if not pattern:
            continue
        anchored = pattern.lstrip("/")
        if pattern == "*" or (anchored.endswith("/") and path.startswith(anchored)) or fnmatch.fnmatch(path, anchored):
            found = names
    return found


@pytest.mark.parametrize(
    ("codeowners", "path", "expected"),
    [
        ("* @a/b\n", "hooks/build.py", ["@a/b"]),
        ("/comments/ @a/b\n", "hooks/build.py", []),
        ("/comments/ @a/b\n", "comments/en/x.md", ["@a/b"]),
        ("# /hooks/ @a/b\n", "hooks/build.py", []),
        ("/Makefile @a/b\n", "Makefile", ["@a/b"]),
        ("* @a/b\n/hooks/\n", "hooks/build.py", []),
    ],
)
def test_owners(codeowners: str, path: str, expected: list[str]) -> None:
    assert owners(codeowners, path) == expected


@pytest.mark.parametrize("path", OWNED)
def test_the_editors_own_what_checks_and_publishes(path: str) -> None:
    assert owners((ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8"), path) == ["@OWNER/editors"]


def test_the_build_takes_every_setting_the_readers_need() -> None:
    build = next(s for s in load(PUBLISH)["jobs"]["build"]["steps"] if s.get("name") == "Build")
    assert build["env"]["EDITORS_EMAIL"] == "${{ vars.EDITORS_EMAIL }}"
    assert {"SITE_URL", "COMMENTS_REPOSITORY"} <= set(build["env"])
