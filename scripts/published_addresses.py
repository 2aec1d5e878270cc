"""Adds the addresses of a built site to data/published-addresses.txt: `make addresses` after a release.

Addresses are only ever added: the list records everything published, and the build checks it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from edition.text.permanence import permanent_addresses, read_addresses

ROOT = Path(__file__).resolve().parent.parent
LIST = ROOT / "data" / "published-addresses.txt"
HEADER = (
    "# Every address this edition has published: pages, guideline paragraphs, provisions, instruments,\n"
    "# headings (their slugs before their ids came from the section numbers live on as aliases).\n"
    "# Checked on every build (hooks/permanence.py). Only ever add lines (make addresses); to renumber,\n"
    "# map the old id to its successor in data/retired.yml.\n"
)


def main(site: Path) -> None:
    known = [address for _, address in read_addresses(LIST)]
    new = [a for a in permanent_addresses(site) if a not in set(known)]
    LIST.write_text(HEADER + "".join(f"{a}\n" for a in known + new), encoding="utf-8")
    print(f"{len(new)} address(es) added; {len(known) + len(new)} in all.")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site")
