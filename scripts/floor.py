"""The floor this stack allows on this machine: the full build's work done by the tools alone.

A full build with nothing cached makes the website, the offline variant's site and three PDFs. The
floor does the same with none of the project's code: a bare ``mkdocs build`` of the same Markdown
(hooks off), the offline variant's bare build, and plain WeasyPrint renders of the same three print
documents (the HTML the build hands to its renderer, recorded by ``scripts/recorded_build.py``,
with the same print stylesheet and PDF/UA variant, without the project's fetcher or finisher). The
five jobs run as processes on the machine's cores, the longest first, as the full build runs its
PDF workers and the offline build beside the website; the floor is the wall time of all five.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# One render in a fresh process, as the build's workers do (WeasyPrint's import included).
RENDER = (
    "import sys\n"
    "from weasyprint import CSS, HTML\n"
    "document, stylesheet, base, out = sys.argv[1:5]\n"
    "HTML(filename=document, base_url=base + '/').write_pdf(out, stylesheets=[CSS(filename=stylesheet)],"
    " pdf_variant='pdf/ua-1')\n"
)


def bare_offline_config(root: Path) -> Path:
    """The offline variant's configuration with the project's hooks off (the website's bare one is the
    benchmark's, ``mkdocs.bare.yml``)."""
    offline = root / "mkdocs.offline.floor.yml"
    offline.write_text(
        "# Written by scripts/floor.py: hooks off.\nINHERIT: mkdocs.offline.yml\nhooks: []\n", encoding="utf-8"
    )
    return offline


def _run(command: list[str], *, cwd: Path, env: Mapping[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=dict(env), check=True, capture_output=True)
    return time.perf_counter() - started


def floor_seconds(
    *, website: Path, documents: list[Path], work: Path, env: Mapping[str, str], cores: int
) -> dict[str, float]:
    """Wall time of the five jobs on ``cores`` processes, and each job's own time."""
    work.mkdir(parents=True, exist_ok=True)
    offline = bare_offline_config(ROOT)
    stylesheet = ROOT / "pdf" / "print.css"
    jobs: dict[str, list[str]] = {
        f"render {doc.stem}": [
            sys.executable,
            "-c",
            RENDER,
            str(doc),
            str(stylesheet),
            str(ROOT / "pdf"),
            str(work / f"{doc.stem}.pdf"),
        ]
        for doc in documents
    }
    jobs["bare website"] = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(website), "-d", str(work / "site")]
    jobs["bare offline"] = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(offline), "-d", str(work / "off")]
    try:
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=cores) as pool:
            futures = {name: pool.submit(_run, command, cwd=ROOT, env=env) for name, command in jobs.items()}
            each = {name: future.result() for name, future in futures.items()}
        return {"wall": time.perf_counter() - started, **each}
    finally:
        offline.unlink()
