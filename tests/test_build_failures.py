"""A broken source stops the real build with file, line and id, listing every problem at once."""

from __future__ import annotations

from collections.abc import Callable

from tests.conftest import ROOT, BuildResult

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


def test_references_in_code_are_not_checked_and_a_directive_markdown_cannot_read_stops_the_build(
    build_copy: Build,
) -> None:
    shown = "An example: `[[IV.z.99|no such paragraph]]`."
    result = build_copy(
        {
            "docs/en/general-issues.md": lambda t: f"{t}\n{shown}\n",
            "docs/en/international-provisions.md": lambda t: t.replace(
                "::: provision bop-31\n", "<div>\n::: provision bop-31\n</div>\n"
            ),
        }
    )
    assert result.returncode == 1
    assert "IV.z.99" not in result.log  # phase one skipped the code span, as Markdown does
    lines = (ROOT / "docs/en/international-provisions.md").read_text(encoding="utf-8").split("\n")
    line = lines.index("::: provision bop-31") + 2  # under the inserted "<div>"
    assert (
        f"docs/en/international-provisions.md:{line}: Markdown did not read the provision 'bop-31' here" in result.log
    )
    assert "Aborted with a BuildError" in result.log
