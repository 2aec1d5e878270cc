"""The comments-at-scale report (scripts/comment_scale.py) from made-up measurements: its tables keep
their shape and its verdicts follow the budgets (1 ms per comment, the Disposition page shown in < 1 s)."""

from __future__ import annotations

import pytest

from scripts.comment_scale import per_comment, report


def measured(size: int, *, website: float, full: float, shown: float) -> dict[str, object]:
    return {
        "size": size,
        "hooked": website,
        "warm": website,
        "full": full,
        "uncached": full,
        "page_gz": 1000,
        "page_raw": 9000,
        "indexes_gz": {"en": 1000, "fr": 1000, "es": 1000},
        "data_files": size // 20,
        "largest_data_gz": 1000,
        "check": 1.0,
        "exports": True,
        "passages": (size, size),
        "dispositions_gz": 1000 + size,
        "dispositions_raw": 9000 + size,
        "dispositions_shown": {"fcp": 100.0, "row": shown, "shown": shown, "dcl": 900.0, "load": 950.0, "rows": size},
    }


@pytest.mark.parametrize(
    ("website", "full", "shown", "per_comment_verdict", "shown_verdict"),
    [
        (20.5, 21.0, 640.0, "met.", "640 ms at 1,000, met."),
        (20.5, 21.2, 640.0, "**not met**.", "640 ms at 1,000, met."),  # the full build over 1 ms a comment
        (21.2, 21.0, 1000.0, "**not met**.", "1000 ms at 1,000, **not met**."),  # 1 s is not under 1 s
    ],
)
def test_the_verdicts_follow_the_budgets_at_a_thousand_comments(
    website: float, full: float, shown: float, per_comment_verdict: str, shown_verdict: str
) -> None:
    results = [
        measured(0, website=20.0, full=20.0, shown=300.0),
        measured(1000, website=website, full=full, shown=shown),
        measured(10000, website=25.0, full=30.0, shown=5000.0),
    ]
    lines = report(results, 1)
    assert next(line for line in lines if line.startswith("Per comment with its passage")).endswith(per_comment_verdict)
    assert next(line for line in lines if line.startswith("Budget: shown")).endswith(shown_verdict)
    assert "passages found exactly by the build, per size: 1,000 of 1,000, 10,000 of 10,000." in "\n".join(lines)


def test_every_row_of_the_disposition_table_has_a_cell_per_column() -> None:
    results = [measured(size, website=20.0, full=20.0, shown=300.0) for size in (0, 100, 1000)]
    lines = report(results, 1)
    start = lines.index("### The Disposition of comments page (English) in Chromium")
    table = [line for line in lines[start:] if line.startswith("|")]
    assert len(table) == 2 + len(results)
    assert {line.count(" | ") for line in table[2:]} == {table[0].count(" | ")}
    assert table[3].startswith("| 100 | 100 | 1.1 | 9.1 | 100 | 300 | 300 | 900 | 950 |")


@pytest.mark.parametrize(("size", "expected"), [(0, None), (1000, 0.5), (2000, 0.25)])
def test_the_cost_per_comment_is_the_growth_over_none_in_ms(size: int, expected: float | None) -> None:
    base = {"size": 0, "hooked": 20.0}
    assert per_comment({"size": size, "hooked": 20.5}, base, "hooked") == expected
