"""The pull-request check of the editors' fields: `make check-comment-changes BASE=origin/main`.

Compares every file of comments/ that differs from the base (git merge-base of BASE and HEAD) and
fails, naming file, line and field, when a new comment is not ``status: open`` or has another of
the editors' fields (``edition.comments.review.EDITORS_FIELDS``), or when a change sets one of them
or removes a comment. The editors'
own pull requests pass ``--editor`` (the workflow does so for the repository's members), which
lists the same changes without failing.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from edition.comments.review import editors_field_problems
from edition.shared.problems import format_problems

ROOT = Path(__file__).resolve().parent.parent


def git(*args: str, root: Path) -> str:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True).stdout


def shown_at(ref: str, path: str, root: Path) -> str | None:
    done = subprocess.run(["git", "show", f"{ref}:{path}"], cwd=root, capture_output=True, check=False)
    return done.stdout.decode("utf-8", "replace") if done.returncode == 0 else None


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", help="the branch the pull request goes into, e.g. origin/main")
    parser.add_argument("--editor", action="store_true", help="list the editors' changes without failing")
    parser.add_argument("--root", type=Path, default=ROOT)
    options = parser.parse_args(argv)
    root = options.root
    base = git("merge-base", options.base, "HEAD", root=root).strip()
    changed = git("diff", "--name-only", "--no-renames", base, "--", "comments/", root=root).split("\n")
    # Why: `git diff` against a commit does not list files git does not track yet: a contributor's
    # new comment is often just that, on their own machine.
    changed += git("ls-files", "--others", "--exclude-standard", "--", "comments/", root=root).split("\n")
    problems = []
    for path in sorted({p for p in changed if p.endswith(".md") and not p.endswith("README.md")}):
        file = root / path
        after = file.read_text(encoding="utf-8", errors="replace") if file.is_file() else None
        problems += editors_field_problems(path, before=shown_at(base, path, root), after=after)
    if not problems:
        print("No editors' field is set or changed.")
        return 0
    print(format_problems(problems))
    if options.editor:
        print("(--editor: these are the editors' own changes)")
        return 0
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
