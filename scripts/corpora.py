"""Synthetic corpora for the growth benchmark: the English edition with 10× and 50× the paragraphs
and provisions, built the same way, to see that build time grows no worse than linearly.

The synthetic paragraphs reuse the real paragraphs' text and citation pattern; they exist only in a
temporary copy of the project and are never published. The Law since 2005 annex records a decision
for each of them too (``_record_law_since``). The PDF and offline steps are off, as in the benchmark's
"every hook but the PDF and offline steps".
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PARTS = ("mkdocs.yml", "docs", "data", "hooks", "overrides", "pdf", "comments", "sources")
FACTORS = (1, 10, 50)


def _guidelines() -> list[tuple[str, list[str]]]:
    """The real paragraphs' text and bracket citations, to reuse."""
    found = []
    for name in ("general-issues.md", "specific-issues.md"):
        lines = (ROOT / "docs" / "en" / name).read_text(encoding="utf-8").split("\n")
        for i, line in enumerate(lines):
            if line.startswith("::: guideline "):
                cites = line.partition("[")[2].rstrip("]").split()
                found.append((lines[i + 1], cites))
    return found


def make_corpus(folder: Path, factor: int) -> tuple[Path, int, int]:
    """A copy of the project, English only, with (factor - 1) synthetic copies of every paragraph and provision."""
    folder.mkdir(parents=True)
    for part in PARTS:
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, folder / part)
    for lang in ("fr", "es"):
        shutil.rmtree(folder / "docs" / lang)
    addresses = folder / "data" / "published-addresses.txt"  # an English-only corpus keeps the English ones
    kept = [
        line for line in addresses.read_text(encoding="utf-8").splitlines() if not line.startswith(("/fr/", "/es/"))
    ]
    addresses.write_text("\n".join(kept) + "\n", encoding="utf-8")
    records = yaml.safe_load((ROOT / "data" / "provisions.yml").read_text(encoding="utf-8"))
    real = _guidelines()
    extra_provisions = [f"synth-{n}" for n in range(1, (factor - 1) * len(records) + 1)]
    with (folder / "data" / "provisions.yml").open("a", encoding="utf-8") as out:
        for n, pid in enumerate(extra_provisions):
            text = records[n % len(records)]["text"]["en"]
            label = json.dumps(f"Synthetic provision {n + 1}")
            out.write(
                f'- id: {pid}\n  instrument: crc\n  location: {{unit: article, number: "{n + 1}"}}\n'
                f"  label: {{en: {label}}}\n  text: {{en: {json.dumps(text)}}}\n"
                f"  source_text: {json.dumps(records[n % len(records)]['source_text'], ensure_ascii=False)}\n"
            )
    page = ["# Synthetic corpus", ""] + [f"::: provision {pid}\n" for pid in extra_provisions] + ["## z. Synthetic", ""]
    count = (factor - 1) * len(real)
    for n in range(1, count + 1):
        text, cites = real[(n - 1) % len(real)]
        cited = " ".join(cites + [extra_provisions[(n - 1) % len(extra_provisions)]]) if extra_provisions else ""
        page += [f"::: guideline IV.z.{n}" + (f" [{cited}]" if cited else ""), text, ""]
    config = {
        "INHERIT": "mkdocs.yml",
        "plugins": [
            {"search": {"lang": "en"}},
            {"i18n": {"docs_structure": "folder", "languages": [{"locale": "en", "name": "English", "default": True}]}},
        ],
        "extra": {"edition_downloads": False},  # the adapter's switch: no PDF, no offline edition
    }
    _record_law_since(folder / "data" / "later-law.yml", paragraphs=count, provisions=extra_provisions)
    if count:
        (folder / "docs" / "en" / "synthetic.md").write_text("\n".join(page) + "\n", encoding="utf-8")
        config["nav"] = _nav() + [{"Synthetic": "synthetic.md"}]
    path = folder / "mkdocs.corpus.yml"
    path.write_text(json.dumps(config), encoding="utf-8")
    return path, len(real) + count, len(records) + len(extra_provisions)


def _record_law_since(path: Path, *, paragraphs: int, provisions: list[str]) -> None:
    """The Law since 2005 annex records a decision for every paragraph and provision: the synthetic ones
    get "not verified" and the status of the first real provision, so the annex's work grows with them."""
    law = yaml.safe_load(path.read_text(encoding="utf-8"))
    law["paragraphs"].update({f"IV.z.{n}": {"none": "not-verified"} for n in range(1, paragraphs + 1)})
    first = next(iter(law["provisions"].values()))
    law["provisions"].update({pid: first for pid in provisions})
    path.write_text(yaml.safe_dump(law, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _nav() -> list[object]:
    return list(_config()["nav"])


def _config() -> dict[str, object]:
    loader = type("Loader", (yaml.SafeLoader,), {})
    loader.add_constructor("!ENV", lambda _loader, _node: None)
    return dict(yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=loader))


def growth(work: Path, build: Callable[[Path, Path], float]) -> list[dict[str, float]]:
    """Build each corpus (twice, keeping the faster) and report its size and time."""
    results = []
    for factor in FACTORS:
        folder = work / f"corpus-{factor}"
        config, paragraphs, provisions = make_corpus(folder, factor)
        seconds = min(build(config, folder / "site") for _ in range(2))
        results.append({"factor": factor, "paragraphs": paragraphs, "provisions": provisions, "seconds": seconds})
    return results
