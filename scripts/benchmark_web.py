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

from serve_gzip import serve

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME_FLAGS = " ".join(
    ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
    + ["--disable-component-update", "--disable-sync"]
)
PAGE_TYPES = {"home": "", "guidelines": "specific-issues/", "provisions": "international-provisions/"}
EDITIONS = {"en": "", "fr": "fr/", "es": "es/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def lighthouse(url: str) -> dict[str, object]:
    """One mobile Lighthouse run: the four scores, bytes transferred, and requests to other hosts."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
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
        report = json.loads(out.read_text(encoding="utf-8"))
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


def measure(site: Path, port: int) -> dict[str, dict[str, object]]:
    """Lighthouse on each page type of each edition, the site served with gzip on 127.0.0.1."""
    server = serve(site, port)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        return {
            f"{lang} {kind}": lighthouse(f"http://127.0.0.1:{port}/{prefix}{path}")
            for lang, prefix in EDITIONS.items()
            for kind, path in PAGE_TYPES.items()
        }
    finally:
        server.shutdown()
        server.server_close()
