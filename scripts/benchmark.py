"""Measures the build and writes BENCHMARKS.md. Run with `make benchmark`; never part of the tests.

These machines are noisy, so every comparison is made side by side in one run: the variants are
built alternately, several times, and the report gives medians and their ratios.
"""

from __future__ import annotations

import gzip
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchmark_web import CATEGORIES, measure  # noqa: E402
from corpora import growth  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RUNS = int(os.environ.get("BENCHMARK_RUNS", "5"))
PDF_BUDGET_BYTES = 1_000_000
PDF_BUDGET_SECONDS = 3.0
HOOKS_BUDGET = 1.25
LIGHTHOUSE_RUNS = int(os.environ.get("BENCHMARK_LIGHTHOUSE_RUNS", "5"))
# The steps that make other products than the website: measured on their own, left out of the hooks' cost.
PRODUCT_HOOKS = ("hooks/pdf.py", "hooks/offline.py")


def build(
    config: Path, site: Path, timings: Path | None = None, site_url: str | None = None, offline: Path | None = None
) -> float:
    """One clean `mkdocs build --strict`, timed as a whole process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1764000000"}
    if site_url:
        env["SITE_URL"] = site_url
    if timings:
        env["EDITION_PDF_TIMINGS"] = str(timings)
    if offline:
        env["EDITION_OFFLINE_TIMINGS"] = str(offline)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config), "-d", str(site)],
        cwd=config.parent,
        env=env,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - started


def folder_size(folder: Path) -> tuple[int, int, int]:
    """Files, bytes, and bytes once each file is gzipped."""
    files = [p for p in folder.rglob("*") if p.is_file()]
    raw = sum(p.stat().st_size for p in files)
    packed = sum(len(gzip.compress(p.read_bytes(), 9)) for p in files)
    return len(files), raw, packed


def main() -> None:
    bare = ROOT / "mkdocs.bare.yml"
    bare.write_text(
        "# Written by scripts/benchmark.py: the same site with the project's hooks off.\n"
        "INHERIT: mkdocs.yml\nhooks: []\n",
        encoding="utf-8",
    )
    loader = type("Loader", (yaml.SafeLoader,), {})
    loader.add_constructor("!ENV", lambda _loader, _node: None)
    all_hooks = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=loader)["hooks"]
    hooks = [h for h in all_hooks if h not in PRODUCT_HOOKS]
    no_pdf = ROOT / "mkdocs.no-pdf.yml"
    no_pdf.write_text(
        "# Written by scripts/benchmark.py: every hook but the PDF and offline ZIP steps.\n"
        f"INHERIT: mkdocs.yml\nhooks: {json.dumps(hooks)}\n",
        encoding="utf-8",
    )
    full_times: list[float] = []
    bare_times: list[float] = []
    no_pdf_times: list[float] = []
    pdf_runs: list[dict[str, dict[str, float]]] = []
    offline_runs: list[dict[str, Any]] = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            for run in range(RUNS):
                timings, offline = work / f"pdf-{run}.json", work / f"offline-{run}.json"
                full_times.append(build(ROOT / "mkdocs.yml", work / "full", timings, offline=offline))
                bare_times.append(build(bare, work / "bare"))
                no_pdf_times.append(build(no_pdf, work / "no-pdf"))
                pdf_runs.append(json.loads(timings.read_text(encoding="utf-8")))
                offline_runs.append(json.loads(offline.read_text(encoding="utf-8")))
            files, raw, packed = folder_size(work / "full")
            pdfs = sorted((work / "full").rglob("*.pdf"))
            pdf_sizes = {p.name: p.stat().st_size for p in pdfs}
            port = 8731
            build(ROOT / "mkdocs.yml", work / "served", site_url=f"http://127.0.0.1:{port}/")
            web = measure(work / "served", port, LIGHTHOUSE_RUNS) if os.environ.get("BENCHMARK_WEB", "1") == "1" else {}
            corpora = growth(work, build) if os.environ.get("BENCHMARK_GROWTH", "1") == "1" else []
    finally:
        bare.unlink()
        no_pdf.unlink()
    full, plain, hooked = (statistics.median(t) for t in (full_times, bare_times, no_pdf_times))
    languages = sorted(pdf_runs[0])
    offline_build = statistics.median(r["build_s"] for r in offline_runs)
    offline_zip = statistics.median(r["zip_s"] for r in offline_runs)
    render = {lang: statistics.median(r[lang]["render_s"] for r in pdf_runs) for lang in languages}
    assemble = {lang: statistics.median(r[lang]["assemble_s"] for r in pdf_runs) for lang in languages}
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
        f"| every hook but the PDF and offline steps | {hooked:.2f} | {', '.join(f'{t:.2f}' for t in no_pdf_times)} |",
        f"| same site, project hooks off | {plain:.2f} | {', '.join(f'{t:.2f}' for t in bare_times)} |",
        "",
        f"Full build ÷ bare build: **{full / plain:.2f}×**; PDF rendering takes {sum(render.values()):.2f} s "
        f"of it and the offline editions {offline_build + offline_zip:.2f} s. "
        f"The hooks without the PDF and offline steps ÷ bare build: **{hooked / plain:.2f}×** "
        f"(budget {HOOKS_BUDGET:.2f}×: {'met' if hooked / plain <= HOOKS_BUDGET else '**not met**'}).",
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
        f"The offline build (Material's offline plugin, PDFs reused) takes {offline_build:.2f} s and packing the "
        f"ZIPs {offline_zip:.2f} s (medians).",
        "",
        "| edition | ZIP size |",
        "| --- | ---: |",
        *[f"| {lang} | {size / 1000:.0f} KB |" for lang, size in sorted(offline_runs[0]["bytes"].items())],
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
    lines += [
        "Command: `make benchmark` (`BENCHMARK_RUNS`, `BENCHMARK_LIGHTHOUSE_RUNS`, `BENCHMARK_WEB=0`, "
        "`BENCHMARK_GROWTH=0` to shorten).",
        "",
    ]
    (ROOT / "BENCHMARKS.md").write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
