"""Comments at scale: the edition built with 0, 100, 1,000 and 10,000 generated fixture
comments, side by side; `make benchmark` calls ``scale``, or run `python scripts/comment_scale.py`.

For each size, a copy of the project gets that many fixture comments (scripts/comment_fixtures.py)
and is built alternately with the others, so the machine's noise falls on every size alike:

- the website build with every hook but the PDF and offline steps (where the comments are read,
  checked and written; the PDFs carry no comment and are the same at every size), with nothing
  cached, and again with the comments checked by an earlier build (as under `mkdocs serve`, or
  when a build follows another: only new or changed comment files are checked);
- the full build, with the PDFs from a cache filled beforehand (they carry no comment and are the
  same at every size) and the offline editions made each time (they carry the comments);
- the full build with nothing cached, as first measured ("both built the same way"): three
  PDFs rendered, comments checked, offline editions made; as a fresh clone's first build makes it,
  with the product cache on and empty (with it off, the offline build checks every comment again).

Reported per size: build times and their growth per comment, the weight (gzip) of the heaviest
reading page and of each language's search index, the comment files, the time of `make
check-comments`, and whether both exports hold every comment exactly.
"""

from __future__ import annotations

import csv
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from comment_fixtures import write  # noqa: E402

from edition.comments.store import IGNORED  # noqa: E402

# The site with every step but the PDF and offline ones: the adapter's switch (hooks/build.py, DOWNLOADS).
NO_DOWNLOADS = (
    "# Written by scripts/benchmark.py: every step but the PDF and offline ZIP ones.\n"
    "INHERIT: mkdocs.yml\nextra:\n  edition_downloads: false\n"
)

ROOT = Path(__file__).resolve().parent.parent
SIZES = tuple(int(n) for n in os.environ.get("BENCHMARK_COMMENT_SIZES", "0,100,1000,10000").split(","))
PARTS = ("mkdocs.yml", "mkdocs.offline.yml", "docs", "data", "hooks", "overrides", "pdf", "comments", "sources")
PAGE = "specific-issues/index.html"
INDEXES = {"en": "search/search_index.json", "fr": "fr/search/search_index.json", "es": "es/search/search_index.json"}
Build = Callable[..., float]


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 9))


def project(work: Path, size: int) -> Path:
    """A copy of the project with ``size`` generated fixture comments and a no-PDF variant."""
    folder = work / f"comments-{size}"
    folder.mkdir()
    for part in PARTS:
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, folder / part)
    write(size, folder / "comments")
    (folder / "mkdocs.no-pdf.yml").write_text(NO_DOWNLOADS, encoding="utf-8")
    return folder


def exports_exact(site: Path, expected: int) -> bool:
    """Both exports hold every comment (hidden ones too), the CSV row for row as the JSON."""
    rows = json.loads((site / "comments.json").read_text(encoding="utf-8"))
    with open(site / "comments.csv", encoding="utf-8", newline="") as handle:
        cells = list(csv.DictReader(handle))
    return len(rows) == expected and [r["file"] for r in rows] == [c["file"] for c in cells]


def check_seconds(folder: Path) -> float:
    started = time.perf_counter()
    command = [sys.executable, str(ROOT / "scripts" / "check_comments.py"), str(folder)]
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - started


def scale(work: Path, build: Build, runs: int) -> list[dict[str, object]]:
    """Each size built ``runs`` times in turn; medians, weights and checks per size."""
    cache = work / "scale-cache"
    folders = {size: project(work, size) for size in SIZES}
    build(folders[SIZES[0]] / "mkdocs.yml", work / "scale-warm", cache=cache)  # the PDFs, for every size
    hooked: dict[int, list[float]] = {size: [] for size in SIZES}
    warm: dict[int, list[float]] = {size: [] for size in SIZES}
    full: dict[int, list[float]] = {size: [] for size in SIZES}
    uncached: dict[int, list[float]] = {size: [] for size in SIZES}
    memos = {size: work / f"scale-memo-{size}" for size in SIZES}  # each size's comments checked once before
    for size in SIZES:
        build(folders[size] / "mkdocs.no-pdf.yml", work / f"scale-{size}", cache=memos[size])
    for _ in range(runs):
        for size in SIZES:
            hooked[size].append(build(folders[size] / "mkdocs.no-pdf.yml", work / f"scale-{size}"))
            warm[size].append(build(folders[size] / "mkdocs.no-pdf.yml", work / f"scale-{size}", cache=memos[size]))
            for made in cache.glob("*-offline.zip.*"):  # every size makes its offline editions
                made.unlink()
            full[size].append(build(folders[size] / "mkdocs.yml", work / f"scale-full-{size}", cache=cache))
            empty = work / f"scale-empty-cache-{size}"  # a fresh clone's first build: the cache on, and empty
            shutil.rmtree(empty, ignore_errors=True)
            uncached[size].append(build(folders[size] / "mkdocs.yml", work / f"scale-uncached-{size}", cache=empty))
    results = []
    for size in SIZES:
        site = work / f"scale-full-{size}"
        data = sorted((site / "comments" / "on").glob("*.js")) if (site / "comments" / "on").is_dir() else []
        comment_files = len([p for p in (folders[size] / "comments").glob("*.md") if p.name not in IGNORED])
        results.append(
            {
                "size": size,
                "hooked": statistics.median(hooked[size]),
                "warm": statistics.median(warm[size]),
                "full": statistics.median(full[size]),
                "uncached": statistics.median(uncached[size]),
                "page_gz": gz(site / PAGE),
                "page_raw": (site / PAGE).stat().st_size,
                "indexes_gz": {lang: gz(site / path) for lang, path in INDEXES.items()},
                "data_files": len(data),
                "largest_data_gz": max((gz(p) for p in data), default=0),
                "check": check_seconds(folders[size]),
                "exports": exports_exact(site, comment_files),
            }
        )
    return results


def report(results: list[dict[str, object]], runs: int) -> list[str]:
    base = results[0]
    lines = [
        "## Comments at scale (generated fixture comments)",
        "",
        f'Medians of {runs} runs, sizes built in turn. "Website": every hook but the PDF and offline steps; '
        '"full": also the PDFs (from the cache: they carry no comment) and the offline ZIPs '
        '(made each time: they do); "nothing cached": the full build as first measured, PDFs rendered, '
        "as a fresh clone's first build makes it (the product cache on, and empty).",
        "",
        "| comments | website build (s) | ms per comment | same, comments checked before (s) | ms per comment "
        "| full build (s) | ms per comment | × none | full build, nothing cached (s) | × none | "
        "`specific-issues/` gzip (KB) | search index gzip en / fr / es (KB) | comment files | largest file gzip (KB) "
        "| `check-comments` (s) | exports complete |",
        "|" + " ---: |" * 11 + " --- |" + " ---: |" * 3 + " --- |",
    ]

    def per(r: dict[str, object], key: str) -> str:
        size = int(r["size"])  # type: ignore[call-overload]
        return "–" if not size else f"{(float(r[key]) - float(base[key])) / size * 1000:.2f}"  # type: ignore[arg-type]

    for r in results:
        size = int(r["size"])  # type: ignore[call-overload]
        indexes = " / ".join(f"{v / 1000:.1f}" for v in r["indexes_gz"].values())  # type: ignore[attr-defined]
        lines.append(
            f"| {size:,} | {r['hooked']:.2f} | {per(r, 'hooked')} | {r['warm']:.2f} | {per(r, 'warm')} "
            f"| {r['full']:.2f} | {per(r, 'full')} "
            f"| {float(r['full']) / float(base['full']):.2f} "  # type: ignore[arg-type]
            f"| {r['uncached']:.2f} | {float(r['uncached']) / float(base['uncached']):.2f} "  # type: ignore[arg-type]
            f"| {int(r['page_gz']) / 1000:.1f} | {indexes} | {r['data_files']} "  # type: ignore[call-overload]
            f"| {int(r['largest_data_gz']) / 1000:.1f} | {r['check']:.2f} | {'yes' if r['exports'] else '**no**'} |"  # type: ignore[call-overload]
        )
    lines += [
        "",
        "Budgets: the page and each search index within 10% of none at 1,000 comments; at most 1 ms "
        "per comment; 10,000 comments in less than twice the time of none; exports complete at every size.",
        "",
    ]
    return lines


if __name__ == "__main__":
    import tempfile

    from benchmark import build  # noqa: E402

    runs = int(os.environ.get("BENCHMARK_RUNS", "3"))
    with tempfile.TemporaryDirectory() as tmp:
        print("\n".join(report(scale(Path(tmp), build, runs), runs)))
