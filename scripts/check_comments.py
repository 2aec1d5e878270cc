"""Validates every file in comments/ as the build does, without building: `make check-comments`.

The same function as the build (``edition.comments.store.check_repository``), which also renders each
comment, so what passes here builds. Exit 0 with a count when all are valid; exit 1 listing every
problem of every file with file, line and field. Either way it lists, for the editors, valid
comments worth a look (names mixing alphabets). An optional argument names another checkout.
"""

from __future__ import annotations

import sys
from pathlib import Path

from edition.comments.store import check_repository, editor_notes
from edition.shared.problems import format_problems
from edition.text.registry import load_registry

ROOT = Path(__file__).resolve().parent.parent


def main(root: Path = ROOT) -> int:
    registry = load_registry(root / "data")
    comments, problems, _ = check_repository(root, registry=registry, reference_docs=root / "docs" / "en")
    notes = editor_notes(comments)
    if notes:
        print(f"{len(notes)} note(s) for the editors (valid, but check them):")
        print("\n".join(f"  {note}" for note in sorted(notes)))
    if problems:
        print(format_problems(problems))
        return 1
    print(f"{len(comments)} comment(s), all valid.")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT))
