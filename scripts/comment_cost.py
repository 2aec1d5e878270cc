"""What one comment can cost the build: `python scripts/comment_cost.py [--build] [--before]` (not a test).

Renders the costliest texts that pass validation (the table of tests/test_comments_hostile.py) and
prints the slowest; with ``--build``, also builds the project twice, without and with the costliest
valid file in comments/, and prints the difference; with ``--before``, times the text of the report that set the limits
(9,900 '[') as the build rendered it before the limits (Python-Markdown with raw HTML, once).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import markdown

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from edition.comments.text import markup_problems, render_markdown  # noqa: E402
from tests.comment_cases import make  # noqa: E402
from tests.test_comments_hostile import COSTLY  # noqa: E402


def timed(work: object) -> float:
    start = time.perf_counter()
    work()  # type: ignore[operator]
    return time.perf_counter() - start


def build_seconds(project: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(project / "site")]
    start = time.perf_counter()
    subprocess.run(command, cwd=project, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def main(argv: list[str]) -> int:
    costs = {}
    for name, text in COSTLY.items():
        assert markup_problems(text) == [], name
        costs[name] = min(timed(lambda t=text: render_markdown(t)) for _ in range(3))
    worst = max(costs, key=lambda n: costs[n])
    for name, seconds in sorted(costs.items(), key=lambda kv: -kv[1]):
        print(f"{seconds:7.3f} s  {name}")
    print(f"worst valid text: {worst}, {costs[worst]:.3f} s to render (once per build)")
    if "--before" in argv:  # slow: about 12 s on an idle machine, far more on a busy one
        before = timed(lambda: markdown.markdown("[" * 9900, output_format="html"))
        print(f"the report's 9,900 '[' rendered once as before the limits: {before:.1f} s (now refused)")
    if "--build" in argv:
        with tempfile.TemporaryDirectory() as folder:
            project = Path(folder) / "project"
            project.mkdir()
            for part in ("mkdocs.yml", "docs", "data", "hooks", "overrides", "pdf", "comments"):
                copy = shutil.copytree if (ROOT / part).is_dir() else shutil.copy2
                copy(ROOT / part, project / part)
            without = build_seconds(project)
            (project / "comments" / "costly.md").write_text(make(body=COSTLY[worst]), encoding="utf-8")
            with_file = build_seconds(project)
        print(f"build without: {without:.1f} s, with the costliest valid file: {with_file:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
