"""The comments as a build takes them (``edition/comments/checked.py``): checked again exactly when their
files or what they are checked against change, every problem raised at once, the memo kept in the
product cache. On a copy of the project's data and pages: no build.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from edition.comments.checked import CHECKED, KeptComments, read_comments
from edition.downloads.build_cache import ProductCache
from edition.shared.digests import Kept
from edition.shared.problems import EditionError
from edition.text.registry import load_registry

ROOT = Path(__file__).resolve().parent.parent
VALID = ROOT / "tests" / "fixtures" / "comments" / "valid" / "iv-b-17-2026-11-01-en.md"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for part in ("data", "docs"):
        shutil.copytree(ROOT / part, tmp_path / part)
    (tmp_path / "comments").mkdir()
    shutil.copy2(VALID, tmp_path / "comments" / VALID.name)
    return tmp_path


def read(project: Path, kept: Kept[KeptComments], cache: ProductCache) -> KeptComments:
    registry = load_registry(project / "data")
    return read_comments(project, registry=registry, reference_docs=project / "docs" / "en", cache=cache, kept=kept)


def _append(path: str, text: str) -> Callable[[Path], None]:
    def change(project: Path) -> None:
        with (project / path).open("a", encoding="utf-8") as file:
            file.write(text)

    return change


def _added(project: Path) -> None:
    text = VALID.read_text(encoding="utf-8").replace("Contributor One", "Contributor Two")
    (project / "comments" / "second.md").write_text(text, encoding="utf-8")


# What makes the build check the comments again, and what does not.
@pytest.mark.parametrize(
    ("change", "again"),
    [
        (lambda project: None, False),
        (_append(f"comments/{VALID.name}", "One more line.\n"), True),  # a comment changed
        (_added, True),  # a comment added
        (_append("data/glossary.yml", "\n# a comment\n"), True),  # the data it is checked against
        (_append("docs/fr/specific-issues.md", "\nOne more line.\n"), True),  # a page: passages are found in them
    ],
    ids=["nothing changed", "a comment changed", "a comment added", "the data changed", "a page changed"],
)
def test_the_comments_are_checked_again_exactly_when_what_they_depend_on_changes(
    project: Path, change: Callable[[Path], None], again: bool
) -> None:
    kept: Kept[KeptComments] = Kept()
    cache = ProductCache(project / "cache")
    first = read(project, kept, cache)
    change(project)
    second = read(project, kept, cache)
    assert (second is not first) == again
    assert [c.file for c in second.comments] == sorted(p.name for p in (project / "comments").glob("*.md"))


def test_the_memo_is_kept_for_the_next_build_and_spares_checking_again(project: Path) -> None:
    cache = ProductCache(project / "cache")
    first = read(project, Kept(), cache)
    assert len(list((project / "cache").glob(f"{CHECKED}.*"))) == 2  # under its context and as the latest
    again = read(project, Kept(), cache)  # a new process: nothing in memory, the memo in the cache
    assert again is not first and again.comments == first.comments
    assert again.by_target["IV.b.17"] == list(first.comments)
    assert again.schema["properties"]["kind"]["enum"]


def test_every_problem_is_raised_at_once_and_nothing_is_kept(project: Path) -> None:
    text = VALID.read_text(encoding="utf-8")
    (project / "comments" / "bad-kind.md").write_text(text.replace("kind: suggested-wording", "kind: praise"), "utf-8")
    (project / "comments" / "bad-target.md").write_text(text.replace("[IV.b.17, crc-18-1]", "[IX.z.1]"), "utf-8")
    kept: Kept[KeptComments] = Kept()
    with pytest.raises(EditionError) as raised:
        read(project, kept, ProductCache(None))
    assert sorted({problem.path for problem in raised.value.problems}) == [
        "comments/bad-kind.md",
        "comments/bad-target.md",
    ]
    assert kept.value is None
