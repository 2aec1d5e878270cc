"""Golden files: output that must stay stable, from a build with pinned dates and a fixed address.

``make golden`` (``scripts/golden.py``) writes them into ``tests/golden/``; ``tests/test_golden.py``
builds the same way and compares. A change to one is a change to review in the diff, then commit.
"""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from tests.conftest import ROOT, BuildResult, run_build

FOLDER = ROOT / "tests" / "golden"
# Pinned: the edition's date, the published address, no comments repository.
ENVIRON = {"SOURCE_DATE_EPOCH": "1764000000", "SITE_URL": "https://example.org/babies-in-prison/"}
LANGUAGES = {"en": "", "fr": "fr/", "es": "es/"}


# Why: the build the golden files come from; the PDFs' assembled HTML is recorded beside the site
# (scripts/recorded_build.py).
def golden_build(work: Path) -> tuple[BuildResult, Path]:
    environ = {**ENVIRON, "COMMENTS_REPOSITORY": ""}
    recorded = [str(ROOT / "scripts" / "recorded_build.py"), str(work)]
    return run_build(ROOT, work / "site", environ=environ, runner=recorded), work / "pdf-html"


# Why: each golden file's name and expected text, read from that build.
def golden_outputs(site: Path, pdf_html: Path) -> dict[str, str]:
    outputs = {}
    for lang, prefix in LANGUAGES.items():
        page = BeautifulSoup((site / prefix / "specific-issues/index.html").read_text(encoding="utf-8"), "lxml")
        block = page.find(id="iv-b-17")
        assert block is not None
        outputs[f"iv-b-17.{lang}.html"] = str(block) + "\n"
        outputs[f"sitemap.{lang}.xml"] = (site / prefix / "sitemap.xml").read_text(encoding="utf-8")
    outputs["pdf-document.en.html"] = (pdf_html / "en.html").read_text(encoding="utf-8")
    return outputs
