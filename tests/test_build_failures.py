"""A broken source stops the real build with file, line and id, listing every problem at once."""

from __future__ import annotations

from collections.abc import Callable

from tests.conftest import BuildResult

Build = Callable[..., BuildResult]


def test_an_unknown_reference_fails_the_build(build_copy: Build) -> None:
    result = build_copy({"docs/en/general-issues.md": lambda t: t.replace("[[crc-6-2|6]]", "[[crc-6-9|6]]")})
    assert result.returncode == 1
    assert "docs/en/general-issues.md:9: unknown reference 'crc-6-9'" in result.log
    assert "Aborted with a BuildError" in result.log


def test_a_duplicate_number_fails_the_build(build_copy: Build) -> None:
    result = build_copy(
        {"docs/en/specific-issues.md": lambda t: t.replace("::: guideline IV.b.18", "::: guideline IV.b.17")}
    )
    assert result.returncode == 1
    assert "docs/en/specific-issues.md:" in result.log
    assert "duplicate guideline number 'IV.b.17' (first at docs/en/specific-issues.md:" in result.log


def test_every_problem_is_listed_in_one_failure(build_copy: Build) -> None:
    result = build_copy(
        {
            "docs/en/general-issues.md": lambda t: t.replace("[[crc-6-2|6]]", "[[crc-6-9|6]]").replace(
                "[[crc-12-1|12]]", "[[crc 12|12]]"
            ),
            "docs/en/specific-issues.md": lambda t: t.replace("::: guideline IV.b.18", "::: guideline IV.b.17"),
            "docs/en/international-provisions.md": lambda t: t.replace("::: provision bop-31\n", ""),
        }
    )
    assert result.returncode == 1
    for expected in (
        "unknown reference 'crc-6-9'",
        "malformed reference '[[crc 12|12]]'",
        "duplicate guideline number 'IV.b.17'",
        "data/provisions.yml:",
        "provision 'bop-31' is quoted on no page",
    ):
        assert expected in result.log
    assert "problem(s) in the edition's sources" in result.log
