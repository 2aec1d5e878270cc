"""The site as a reader's browser meets it: Lighthouse scores, bytes on first view, foreign requests.

Called by scripts/benchmark.py on a built site served with gzip (scripts/serve_gzip.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import Any

from serve_gzip import serve

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
# Debian's Chromium, headless, kept from reaching other hosts (also scripts/disposition_timing.py).
CHROME_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
CHROME_ARGS += ["--disable-component-update", "--disable-sync", "--no-first-run"]
CHROME_FLAGS = " ".join(["--headless=new", *CHROME_ARGS])
PAGE_TYPES = {"home": "", "guidelines": "specific-issues/", "provisions": "international-provisions/"}
EDITIONS = {"en": "", "fr": "fr/", "es": "es/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def lighthouse(url: str, out: Path) -> None:
    """One mobile Lighthouse run of a page, its report written to ``out`` (JSON)."""
    subprocess.run(
        [
            "node",
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            "--form-factor=mobile",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={CHROME_FLAGS}",
        ],
        env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
        check=True,
        capture_output=True,
        timeout=300,
    )


def median_run(reports: list[Path]) -> int:
    """Which report is the median run, by Lighthouse's own rule (scripts/lighthouse_median.mjs)."""
    result = subprocess.run(
        ["node", str(ROOT / "scripts" / "lighthouse_median.mjs"), *map(str, reports)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return int(result.stdout.strip())


def summary(report: dict[str, Any], url: str) -> dict[str, object]:
    """The four scores, bytes transferred, requests to other hosts, and binary audits not passed."""
    origin = url.split("/", 3)[:3]
    requests = report["audits"]["network-requests"]["details"]["items"]
    foreign = [r["url"] for r in requests if r["url"].split("/", 3)[:3] != origin and not r["url"].startswith("data:")]
    failing = [
        key
        for key, audit in report["audits"].items()
        if audit.get("score") is not None and audit["score"] < 1 and audit.get("scoreDisplayMode") == "binary"
    ]
    return {
        "scores": {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES},
        "bytes": int(report["audits"]["total-byte-weight"]["numericValue"]),
        "foreign": foreign,
        "failing": failing,
    }


def measure(site: Path, port: int, runs: int) -> dict[str, dict[str, object]]:
    """Lighthouse ``runs`` times on each page type of each edition (pages taken in turn, so noise is
    shared), the site served with gzip on 127.0.0.1; each page's median run, with the range of its
    performance scores. Lighthouse's own advice: the median of 5 runs is twice as stable as one."""
    server = serve(site, port)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    pages = {
        f"{lang} {kind}": f"http://127.0.0.1:{port}/{prefix}{path}"
        for lang, prefix in EDITIONS.items()
        for kind, path in PAGE_TYPES.items()
    }
    results: dict[str, dict[str, object]] = {}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            reports: dict[str, list[Path]] = {name: [] for name in pages}
            for run in range(runs):
                for number, (name, url) in enumerate(pages.items()):
                    out = Path(tmp) / f"{number}-{run}.json"
                    lighthouse(url, out)
                    reports[name].append(out)
            for name, url in pages.items():
                loaded = [json.loads(p.read_text(encoding="utf-8")) for p in reports[name]]
                chosen = summary(loaded[median_run(reports[name])], url)
                performance = [round(100 * (r["categories"]["performance"]["score"] or 0)) for r in loaded]
                chosen["performance_range"] = (min(performance), max(performance))
                results[name] = chosen
    finally:
        server.shutdown()
        server.server_close()
    return results
