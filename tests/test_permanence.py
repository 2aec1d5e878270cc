"""Published addresses keep resolving: the committed list, a lost address, and a renumbering."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from edition.text.permanence import page_file, permanent_addresses, read_addresses, unresolved
from tests.conftest import ROOT, BuildResult

Build = Callable[..., BuildResult]


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("/", "index.html"),
        ("/fr/", "fr/index.html"),
        ("/specific-issues/#iv-b-17", "specific-issues/index.html"),
        ("/es/specific-issues/", "es/specific-issues/index.html"),
        ("/babies.pdf", "babies.pdf"),
    ],
)
def test_page_file(address: str, expected: str) -> None:
    assert page_file(Path("/site"), address) == Path("/site") / expected


def test_unresolved_names_line_address_and_reason(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<p id="x">x</p>', encoding="utf-8")
    listed = [(1, "/a/#x"), (2, "/a/#y"), (3, "/b/")]
    assert unresolved(tmp_path, listed) == [(2, "/a/#y", "anchor #y not found"), (3, "/b/", "page not found")]


def test_the_committed_list_covers_the_whole_edition(built_site: Path) -> None:
    listed = {address for _, address in read_addresses(ROOT / "data" / "published-addresses.txt")}
    assert set(permanent_addresses(built_site)) <= listed
    assert {
        "/specific-issues/#iv-b-17",
        "/fr/specific-issues/#iv-b-17",
        "/es/international-provisions/#crc-9-1",
    } <= listed
    assert unresolved(built_site, read_addresses(ROOT / "data" / "published-addresses.txt")) == []


def test_a_lost_address_fails_the_build_naming_its_line(build_copy: Build) -> None:
    lost = build_copy({"data/published-addresses.txt": lambda t: t + "/fr/specific-issues/#iv-b-31\n"})
    assert lost.returncode == 1
    last = len((ROOT / "data" / "published-addresses.txt").read_text(encoding="utf-8").splitlines()) + 1
    assert f"published-addresses.txt:{last}: /fr/specific-issues/#iv-b-31: anchor #iv-b-31 not found" in lost.log


def test_a_retired_id_stays_an_address_at_its_successor(build_copy: Build) -> None:
    kept = build_copy(
        {
            "data/published-addresses.txt": lambda t: t + "/fr/specific-issues/#iv-b-31\n",
            "data/retired.yml": lambda t: t.replace("{}", "IV.b.31: IV.b.30"),
        }
    )
    assert kept.returncode == 0, kept.log
    html = (kept.site / "fr" / "specific-issues" / "index.html").read_text(encoding="utf-8")
    from bs4 import BeautifulSoup

    alias = BeautifulSoup(html, "lxml").find(id="iv-b-31")
    assert alias is not None and alias.find_parent(id="iv-b-30") is not None
