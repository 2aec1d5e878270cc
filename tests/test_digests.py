"""The one staleness rule: a kept value is made again exactly when the digest of its inputs changes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from edition.shared.digests import Kept, digest


def test_a_kept_value_is_made_once_per_key_and_again_when_the_key_changes() -> None:
    kept: Kept[int] = Kept()
    made: list[str] = []

    def make(key: str) -> int:
        made.append(key)
        return len(made)

    assert kept.value is None
    results = [kept.get(key, lambda key=key: make(key)) for key in ("a", "a", "b", "b", "a")]
    assert results == [1, 1, 2, 2, 3]
    assert made == ["a", "b", "a"]
    assert kept.key == "a" and kept.value == 3


def test_a_failure_to_make_keeps_the_old_value_and_tries_again_next_time() -> None:
    kept: Kept[str] = Kept()
    kept.get("first", lambda: "old")

    def broken() -> str:
        raise ValueError("bad input")

    with pytest.raises(ValueError, match="bad input"):
        kept.get("second", broken)
    assert (kept.key, kept.value) == ("first", "old")
    assert kept.get("second", lambda: "new") == "new"


@pytest.mark.parametrize(
    ("touch", "same"),
    [
        (lambda path: os.utime(path, (1, 1)), True),  # a new modification time, the same bytes
        (lambda path: path.write_text(path.read_text(encoding="utf-8"), encoding="utf-8"), True),
        (lambda path: path.write_text("status_as_of: 2027-01-01\n", encoding="utf-8"), False),
    ],
)
def test_the_digest_follows_the_bytes_not_the_modification_time(tmp_path: Path, touch: object, same: bool) -> None:
    path = tmp_path / "later-law.yml"
    path.write_text("status_as_of: 2026-12-06\n", encoding="utf-8")
    before = digest(files=[path], root=tmp_path)
    assert callable(touch)
    touch(path)
    assert (digest(files=[path], root=tmp_path) == before) is same
