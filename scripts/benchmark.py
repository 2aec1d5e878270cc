"""Measures the build and writes BENCHMARKS.md. Run with `make benchmark`; never part of the tests.

These machines are noisy, so every comparison is made side by side in one run: the variants are
built alternately, several times, and the report gives medians and their ratios.
"""

from __future__ import annotations

import gzip
import json
import os
import platform
import queue
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchmark_web import CATEGORIES, measure  # noqa: E402
from cache_layers import table as cache_layers  # noqa: E402
from comment_scale import NO_DOWNLOADS  # noqa: E402
from comment_scale import report as comment_report  # noqa: E402
from comment_scale import scale as comment_scale  # noqa: E402
from corpora import growth  # noqa: E402
from floor import floor_seconds  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RUNS = int(os.environ.get("BENCHMARK_RUNS", "5"))
PDF_BUDGET_BYTES = 1_000_000
PDF_BUDGET_SECONDS = 3.0
HOOKS_BUDGET = 1.2  # the hooks without the PDF and offline steps ÷ the bare build
FLOOR_BUDGET = 1.15  # the full build with nothing cached ÷ the floor this stack allows (scripts/floor.py)
SERVE_BUDGET = 1.5  # the slowest kind of edit under `mkdocs serve` ÷ the bare server's rebuild
LIGHTHOUSE_RUNS = int(os.environ.get("BENCHMARK_LIGHTHOUSE_RUNS", "5"))
# Python's bytecode cache stays on, as it is by default on an editor's machine; this one sets
# PYTHONDONTWRITEBYTECODE, which would make every build compile the project's modules again.
BYTECODE_OFF = "PYTHONDONTWRITEBYTECODE"
QUIET_SECONDS = 2.0  # no output from `mkdocs serve` for this long: no rebuild is running or queued
SERVED_PARTS = ("mkdocs.yml", "mkdocs.offline.yml", "docs", "data", "hooks", "overrides", "pdf", "comments", "sources")


# Why: what every timed build and server runs with: pinned dates, this cache, Python's bytecode cache on.
def child_env(cache: Path | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != BYTECODE_OFF}
    return env | {"NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1764000000", "EDITION_CACHE": str(cache or "")}


def build(
    config: Path, site: Path, timings: Path | None = None, site_url: str | None = None, cache: Path | None = None
) -> float:
    """One clean `mkdocs build --strict`, timed as a whole process; without a cache every PDF and ZIP is made."""
    env = child_env(cache)
    if site_url:
        env["SITE_URL"] = site_url
    # with timings wanted, the build records them (scripts/recorded_build.py) into the folder ``timings``
    runner = [str(ROOT / "scripts" / "recorded_build.py"), str(timings)] if timings else ["-m", "mkdocs", "build"]
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, *runner, "--strict", "-q", "-f", str(config), "-d", str(site)],
        cwd=config.parent,
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode:  # the build's own words, not only its exit status
        raise SystemExit(f"The build of {config} failed:\n{done.stderr[-4000:]}")
    return time.perf_counter() - started


EDITED_PAGE = "docs/en/foreword.md"  # a sentence added: the English PDF and the three ZIPs are made again
COMMENT_FIXTURE = ROOT / "tests" / "fixtures" / "comments" / "valid" / "iv-b-17-2026-11-01-en.md"
# Each kind of edit `mkdocs serve` must rebuild after, in the order made (each file as it was after).
SERVE_EDITS: tuple[tuple[str, str, Callable[[str], str]], ...] = (
    ("a page", EDITED_PAGE, lambda text: text.replace("\n", "\n ", 1)),
    ("data", "data/later-law.yml", lambda text: text + "\n# benchmark edit\n"),
    ("a comment", "comments/benchmark-fixture.md", lambda _: COMMENT_FIXTURE.read_text(encoding="utf-8")),
    ("the PDF's stylesheet", "pdf/print.css", lambda text: text + "\n/* benchmark edit */\n"),
)


def serve_rebuilds(config: Path, port: int, cache: Path, *, edits: int) -> list[float]:
    """Seconds from each edit (the first ``edits`` of SERVE_EDITS, one after another, after the first
    build) to `mkdocs serve` reloading the browsers; every file is put back afterwards."""
    env = child_env(cache)
    command = [sys.executable, "-m", "mkdocs", "serve", "--strict", "-f", str(config), "-a", f"127.0.0.1:{port}"]
    touched = [config.parent / relative for _, relative, _ in SERVE_EDITS[:edits]]
    originals = {path: path.read_text(encoding="utf-8") if path.exists() else None for path in touched}
    server = subprocess.Popen(command, cwd=config.parent, env=env, stderr=subprocess.PIPE, text=True)
    assert server.stderr is not None
    lines: queue.Queue[str | None] = queue.Queue()
    reader = threading.Thread(target=_forward, args=(server.stderr, lines), daemon=True)
    reader.start()
    times = []
    try:
        _until(lines, "Serving on", path=config)  # the first build, with whatever PDFs and ZIPs it must make
        for (_, _, change), path in zip(SERVE_EDITS, touched, strict=False):
            _quiet(lines)  # a rebuild still running or queued would be counted as this edit's
            started = time.perf_counter()
            path.write_text(change(path.read_text(encoding="utf-8") if path.exists() else ""), encoding="utf-8")
            _until(lines, "Reloading browsers", path=path)
            times.append(time.perf_counter() - started)
        return times
    finally:
        for path, text in originals.items():
            if text is None:
                path.unlink(missing_ok=True)
            else:
                path.write_text(text, encoding="utf-8")
        server.terminate()
        server.wait(timeout=30)


def _forward(stream: object, lines: queue.Queue[str | None]) -> None:
    for line in stream:  # type: ignore[attr-defined]
        lines.put(line)
    lines.put(None)


def _until(lines: queue.Queue[str | None], wanted: str, *, path: Path) -> None:
    while (line := lines.get(timeout=300)) is not None:
        if wanted in line:
            return
        if "Aborted" in line:
            raise RuntimeError(f"mkdocs serve failed after an edit of {path}")
    raise RuntimeError("mkdocs serve stopped before reloading")


def _quiet(lines: queue.Queue[str | None]) -> None:
    """Returns once the server has written nothing for QUIET_SECONDS."""
    while True:
        try:
            if lines.get(timeout=QUIET_SECONDS) is None:
                raise RuntimeError("mkdocs serve stopped")
        except queue.Empty:
            return


def compile_seconds() -> tuple[int, float]:
    """The project's Python (hooks/, edition/): lines, and seconds to compile it, as every build would
    without a bytecode cache."""
    sources = [p for part in ("hooks", "edition") for p in sorted((ROOT / part).rglob("*.py"))]
    texts = [(p.read_text(encoding="utf-8"), str(p)) for p in sources]
    started = time.perf_counter()
    for text, name in texts:
        compile(text, name, "exec")
    return sum(text.count("\n") for text, _ in texts), time.perf_counter() - started


def folder_size(folder: Path) -> tuple[int, int, int]:
    """Files, bytes, and bytes once each file is gzipped."""
    files = [p for p in folder.rglob("*") if p.is_file()]
    raw = sum(p.stat().st_size for p in files)
    packed = sum(len(gzip.compress(p.read_bytes(), 9)) for p in files)
    return len(files), raw, packed


def main() -> None:
    cores = os.cpu_count() or 1
    bare = ROOT / "mkdocs.bare.yml"
    bare.write_text(
        "# Written by scripts/benchmark.py: the same site with the project's hooks off.\n"
        "INHERIT: mkdocs.yml\nhooks: []\n",
        encoding="utf-8",
    )
    # The steps that make other products than the website (PDFs, ZIPs): measured on their own, left out here.
    no_pdf = ROOT / "mkdocs.no-pdf.yml"
    no_pdf.write_text(NO_DOWNLOADS, encoding="utf-8")
    full_times: list[float] = []
    bare_times: list[float] = []
    no_pdf_times: list[float] = []
    floor_runs: list[dict[str, float]] = []  # the floor's wall time and each of its jobs' (scripts/floor.py)
    runs: list[dict[str, dict[str, float]]] = []
    warm_times: list[float] = []
    edited_times: list[float] = []  # a full build after an edit to one English page
    serve_times: list[list[float]] = []  # per server: one time per kind of edit (SERVE_EDITS)
    bare_serve_times: list[float] = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            cache = work / "cache"
            # Editing and serving a copy of the project, so the edits never touch the working tree.
            project = work / "project"
            project.mkdir()
            for part in [*SERVED_PARTS, bare.name]:
                if (ROOT / part).is_dir():
                    shutil.copytree(ROOT / part, project / part)
                else:
                    shutil.copy2(ROOT / part, project / part)
            build(ROOT / "mkdocs.yml", work / "warm", cache=cache)  # fills the cache for the warm builds
            edited_page = project / EDITED_PAGE
            page_text = edited_page.read_text(encoding="utf-8")
            build(project / "mkdocs.yml", work / "edited", cache=work / "edited-cache")
            for run in range(RUNS):
                timings = work / f"timings-{run}"
                full_times.append(build(ROOT / "mkdocs.yml", work / "full", timings))
                warm_times.append(build(ROOT / "mkdocs.yml", work / "warm", cache=cache))
                bare_times.append(build(bare, work / "bare"))
                no_pdf_times.append(build(no_pdf, work / "no-pdf"))
                documents = sorted((timings / "pdf-html").glob("*.html"))
                floor_runs.append(
                    floor_seconds(
                        website=bare, documents=documents, work=work / "floor", env=child_env(None), cores=cores
                    )
                )
                edited_page.write_text(page_text + f"\nBenchmark edit {run + 1}.\n", encoding="utf-8")
                edited_times.append(build(project / "mkdocs.yml", work / "edited", cache=work / "edited-cache"))
                runs.append(json.loads((timings / "timings.json").read_text(encoding="utf-8")))
            edited_page.write_text(page_text, encoding="utf-8")
            for _ in range(RUNS):
                serve_times.append(serve_rebuilds(project / "mkdocs.yml", 8741, cache, edits=len(SERVE_EDITS)))
                bare_serve_times.append(serve_rebuilds(project / bare.name, 8742, cache, edits=1)[0])
            code_lines, compiling = compile_seconds()
            files, raw, packed = folder_size(work / "full")
            pdfs = sorted((work / "full").rglob("*.pdf"))
            pdf_sizes = {p.name: p.stat().st_size for p in pdfs}
            zip_sizes = {p.name.split("-")[-2]: p.stat().st_size for p in (work / "full").rglob("*-offline.zip")}
            port = 8731
            build(ROOT / "mkdocs.yml", work / "served", site_url=f"http://127.0.0.1:{port}/")
            web = measure(work / "served", port, LIGHTHOUSE_RUNS) if os.environ.get("BENCHMARK_WEB", "1") == "1" else {}
            corpora = growth(work, build) if os.environ.get("BENCHMARK_GROWTH", "1") == "1" else []
            comments = comment_scale(work, build, RUNS) if os.environ.get("BENCHMARK_COMMENTS", "1") == "1" else []
    finally:
        bare.unlink()
        no_pdf.unlink()
    full, plain, hooked = (statistics.median(t) for t in (full_times, bare_times, no_pdf_times))
    floor = {job: statistics.median(r[job] for r in floor_runs) for job in floor_runs[0]}
    floor_walls = [r["wall"] for r in floor_runs]
    serve_by_edit = [[times[i] for times in serve_times] for i in range(len(SERVE_EDITS))]
    serve, bare_serve = max(statistics.median(t) for t in serve_by_edit), statistics.median(bare_serve_times)
    warm = statistics.median(warm_times)
    edited = statistics.median(edited_times)
    languages = sorted(runs[0]["pdf_render_s"])
    offline_made = statistics.median(r["offline"]["made_s"] for r in runs)
    render = {lang: statistics.median(r["pdf_render_s"][lang] for r in runs) for lang in languages}
    assemble = {lang: statistics.median(r["pdf_assemble_s"][lang] for r in runs) for lang in languages}
    lines = [
        "# Benchmarks",
        "",
        "Written by `make benchmark` (`scripts/benchmark.py`); numbers are medians of "
        f"{RUNS} alternating runs on one machine ({platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}). Ratios matter more than seconds on these noisy machines.",
        "",
        "## Build",
        "",
        "| variant | median (s) | runs (s) |",
        "| --- | ---: | --- |",
        f"| full build (hooks, PDFs, offline ZIPs) | {full:.2f} | {', '.join(f'{t:.2f}' for t in full_times)} |",
        f"| full build, PDFs and ZIPs from the cache (nothing they are made from changed) | {warm:.2f} | "
        f"{', '.join(f'{t:.2f}' for t in warm_times)} |",
        f"| full build after a sentence is added to {EDITED_PAGE} (its PDF and the ZIPs made again) | {edited:.2f} | "
        f"{', '.join(f'{t:.2f}' for t in edited_times)} |",
        f"| every hook but the PDF and offline steps | {hooked:.2f} | {', '.join(f'{t:.2f}' for t in no_pdf_times)} |",
        f"| same site, project hooks off | {plain:.2f} | {', '.join(f'{t:.2f}' for t in bare_times)} |",
        "",
        f"Full build ÷ bare build: **{full / plain:.2f}×**, with nothing cached; "
        f"with the PDFs and ZIPs cached: **{warm / plain:.2f}×**; after an edit to one English page, which makes "
        f"the English PDF and the three ZIPs again: **{edited / plain:.2f}×**. The PDFs render in "
        f"worker processes beside the build ({sum(render.values()):.2f} s of rendering in all, summed over the "
        f"workers); the offline editions, built beside the website from its start, add {offline_made:.2f} s at "
        "the end (waiting for that build, then packing). "
        f"The hooks without the PDF and offline steps ÷ bare build: **{hooked / plain:.2f}×** "
        f"(budget {HOOKS_BUDGET:.2f}×: {'met' if hooked / plain <= HOOKS_BUDGET else '**not met**'}).",
        "",
        "## The floor this stack allows",
        "",
        "What a full build does, done by the tools alone (`scripts/floor.py`): a bare `mkdocs build` of the same "
        "Markdown, the offline variant's bare build and plain WeasyPrint renders of the same three print documents, "
        f"run as processes on the machine's {cores} cores, longest first, in the same alternating runs.",
        "",
        "| job | median (s) | runs (s) |",
        "| --- | ---: | --- |",
        *[
            f"| {job} | {seconds:.2f} | {', '.join(f'{r[job]:.2f}' for r in floor_runs)} |"
            for job, seconds in floor.items()
            if job != "wall"
        ],
        f"| all five on {cores} cores (the floor) | {floor['wall']:.2f} | "
        f"{', '.join(f'{wall:.2f}' for wall in floor_walls)} |",
        "",
        f"Full build with nothing cached ÷ the floor: **{full / floor['wall']:.2f}×** (budget {FLOOR_BUDGET:.2f}×: "
        f"{'met' if full / floor['wall'] <= FLOOR_BUDGET else '**not met**'}).",
        "",
        "Python's bytecode cache is on, as it is by default: this machine sets `PYTHONDONTWRITEBYTECODE`, which "
        "the benchmark unsets for every build and server. Without that cache each build would also compile the "
        f"project's {code_lines:,} lines of Python (hooks/, edition/): {compiling:.2f} s here, "
        f"{compiling / plain:.2f}× the bare build.",
        "",
        "## Editing with `mkdocs serve`",
        "",
        "Seconds from an edit to the browsers being reloaded, MkDocs' own file-watching delay included. Each "
        f"server makes its first build, then takes these edits one after another: {SERVE_EDITS[0][1]} (one "
        f"character), {SERVE_EDITS[1][1]} (a comment line), a new comment file (a test fixture) in comments/, "
        f"{SERVE_EDITS[3][1]} (a comment line). The project's hooks off, MkDocs does not watch data/, comments/ "
        "or pdf/: the bare site is timed after the page edit only.",
        "",
        "| edit | median (s) | runs (s) | ÷ bare serve rebuild | ÷ bare build |",
        "| --- | ---: | --- | ---: | ---: |",
        *[
            f"| {label} | {statistics.median(times):.2f} | {', '.join(f'{t:.2f}' for t in times)} "
            f"| {statistics.median(times) / bare_serve:.2f}× | {statistics.median(times) / plain:.2f}× |"
            for (label, _, _), times in zip(SERVE_EDITS, serve_by_edit, strict=True)
        ],
        f"| a page, project hooks off | {bare_serve:.2f} | {', '.join(f'{t:.2f}' for t in bare_serve_times)} "
        f"| 1.00× | {bare_serve / plain:.2f}× |",
        "",
        f"Slowest kind of edit ÷ bare serve rebuild: **{serve / bare_serve:.2f}×** (budget {SERVE_BUDGET:.2f}×: "
        f"{'met' if serve / bare_serve <= SERVE_BUDGET else '**not met**'}); ÷ bare build: {serve / plain:.2f}×. "
        "PDFs and ZIPs: the last made stand in.",
        "",
        "## PDF editions",
        "",
        "| edition | size | budget | render (s) | budget | assembling from the pages' HTML (s) |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for lang in languages:
        name = f"babies-and-small-children-residing-in-prisons-{lang}.pdf"
        size = pdf_sizes.get(name, 0)
        lines.append(
            f"| {lang} | {size / 1000:.0f} KB | {'ok' if size <= PDF_BUDGET_BYTES else '**over**'} 1 MB "
            f"| {render[lang]:.2f} | {'ok' if render[lang] <= PDF_BUDGET_SECONDS else '**over**'} 3 s "
            f"| {assemble[lang]:.3f} ({assemble[lang] / render[lang]:.2f}× the rendering) |"
        )
    lines += [
        "",
        "## Offline editions (ZIP per language)",
        "",
        "The variant `mkdocs.offline.yml` builds beside the website from its start; waiting for it after the "
        f"website and packing the ZIPs (with the website's PDFs) takes {offline_made:.2f} s (median).",
        "",
        "| edition | ZIP size |",
        "| --- | ---: |",
        *[f"| {lang} | {zip_sizes.get(lang, 0) / 1000:.0f} KB |" for lang in languages],
        "",
        "## Built site",
        "",
        f"{files} files, {raw / 1e6:.2f} MB ({packed / 1e6:.2f} MB gzipped file by file).",
        "",
    ]
    if web:
        lines += [
            "## In the browser (Lighthouse, mobile, site served with gzip on 127.0.0.1)",
            "",
            f"Each page was measured {LIGHTHOUSE_RUNS} times, pages in turn; the table gives each page's median run "
            "(Lighthouse's `computeMedianRun`) and the range of its performance scores over all runs.",
            "",
            "| page | "
            + " | ".join(CATEGORIES)
            + " | performance, all runs | first view (KB transferred) | requests to other hosts | audits not passed |",
            "| --- | " + " | ".join("---:" for _ in CATEGORIES) + " | ---: | ---: | ---: | --- |",
        ]
        for page, result in web.items():
            scores = result["scores"]
            failing = ", ".join(result["failing"]) or "none"  # type: ignore[arg-type]
            cells = [str(scores[c]) for c in CATEGORIES]  # type: ignore[index]
            low, high = result["performance_range"]  # type: ignore[misc]
            cells.append(f"{low}–{high}")
            cells += [f"{result['bytes'] / 1000:.0f}", str(len(result["foreign"])), failing]  # type: ignore[arg-type]
            lines.append(f"| {page} | " + " | ".join(cells) + " |")
        lines += ["", "Budgets: 100 in every category, at most 120 KB on first view, no request to another host.", ""]
    if corpora:
        base = corpora[0]
        lines += [
            "## Growth (English only, PDF and offline steps off, synthetic paragraphs and provisions)",
            "",
            "| corpus | paragraphs | provisions | build (s) | time ÷ 1× | size ÷ 1× |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
        ]
        for c in corpora:
            lines.append(
                f"| {c['factor']}× | {c['paragraphs']} | {c['provisions']} | {c['seconds']:.2f} "
                f"| {c['seconds'] / base['seconds']:.2f} | {c['factor']:.0f} |"
            )
        lines += ["", "No worse than linear means time ÷ 1× at most the size factor.", ""]
    if comments:
        lines += comment_report(comments, RUNS)
    if os.environ.get("BENCHMARK_LAYERS", "1") == "1":
        lines += cache_layers()
    lines += [
        "Command: `make benchmark` (`BENCHMARK_RUNS`, `BENCHMARK_LIGHTHOUSE_RUNS`, `BENCHMARK_PAGE_RUNS`, "
        "`BENCHMARK_WEB=0`, "
        "`BENCHMARK_GROWTH=0`, `BENCHMARK_COMMENTS=0`, `BENCHMARK_LAYERS=0` to shorten; "
        "`BENCHMARK_COMMENT_SIZES=0,1000`).",
        "",
    ]
    (ROOT / "BENCHMARKS.md").write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
