"""Rewrites the golden files in tests/golden/ (`make golden`); review the diff before committing it."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.golden import FOLDER, golden_build, golden_outputs  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="edition-golden-") as work:
        result, pdf_html = golden_build(Path(work))
        if result.returncode != 0:
            sys.exit(result.log)
        outputs = golden_outputs(result.site, pdf_html)
    FOLDER.mkdir(parents=True, exist_ok=True)
    for old in FOLDER.iterdir():
        if old.name not in outputs:
            old.unlink()
    for name, text in sorted(outputs.items()):
        (FOLDER / name).write_text(text, encoding="utf-8")
        print(f"wrote tests/golden/{name}")


if __name__ == "__main__":
    main()
