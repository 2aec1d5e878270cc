"""The golden files (tests/golden/) match a build with pinned dates: `make golden` refreshes them."""

from __future__ import annotations

import difflib

import pytest

from tests.golden import FOLDER, golden_build, golden_outputs

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    result, pdf_html = golden_build(tmp_path_factory.mktemp("golden"))
    assert result.returncode == 0, result.log
    return golden_outputs(result.site, pdf_html)


def test_every_golden_file_is_made_and_none_is_left_over(outputs: dict[str, str]) -> None:
    assert sorted(p.name for p in FOLDER.iterdir()) == sorted(outputs)


@pytest.mark.parametrize("name", sorted(p.name for p in FOLDER.iterdir()))
def test_output_matches_its_golden_file(outputs: dict[str, str], name: str) -> None:
    expected = (FOLDER / name).read_text(encoding="utf-8")
    actual = outputs.get(name, "")
    diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), name, "build", n=2))
    assert actual == expected, f"{name} changed (if intended, run `make golden` and commit):\n{diff[:4000]}"
