"""One result writes each number one way: the cells of its row and the numbers of its reason
agree, whatever the verdict and however close the actual comes (docs/reports.md#rounding-apart).

Actuals are swept across the number they are compared with, in steps finer than two decimals,
for a target at its final year, one behind its schedule, one below its baseline, an annual
requirement and an average growth rate.
"""
from __future__ import annotations

from typing import Any

import pytest

from policycheck.model import Baseline, Result
from policycheck.reporters.common import actual_text, expected_cell, result_attainment, result_gap
from tests.helpers.evaluation_inputs import one, plan, target

#: (label, target, its data apart from the swept year, the swept year, the values swept)
SWEEPS: list[tuple[str, Any, dict[int, float], int, list[float]]] = [
    ("final", target("t", milestones=((2027, 3.0),), baseline=Baseline(2022, 2.5)), {}, 2027,
     [2.99 + k / 1000 for k in range(21)]),
    ("behind", target("t", milestones=((2027, 3.0),), baseline=Baseline(2022, 2.9)), {}, 2025,
     [2.95 + k / 1000 for k in range(21)]),
    ("regressing", target("t", milestones=((2027, 3.0),), baseline=Baseline(2022, 2.5)), {}, 2024,
     [2.49 + k / 1000 for k in range(21)]),
    ("annual", target("t", kind="annual", value=3.0), {}, 2025, [2.99 + k / 1000 for k in range(21)]),
    # 100 × 1.03⁵ = 115.93: the average growth passes 3 % in these levels
    ("cagr", target("t", kind="cagr", milestones=((2027, 3.0),), baseline=Baseline(2022, 100.0)), {}, 2027,
     [115.88 + k / 200 for k in range(21)]),
]


def cells(result: Result) -> dict[str, str]:
    return {"actual": actual_text(result, "en"), "expected": expected_cell(result, "en"),
            "gap": result_gap(result), "attainment": result_attainment(result)}


@pytest.mark.parametrize("label, the_target, data, year, values", SWEEPS, ids=[s[0] for s in SWEEPS])
def test_the_row_and_the_reason_write_the_same_numbers(label: str, the_target: Any, data: dict[int, float],
                                                       year: int, values: list[float]) -> None:
    seen: set[str] = set()
    for value in values:
        result = one(the_target, {**data, year: value}, year, p=plan(the_target))
        row, args = cells(result), result.reason_args
        seen.add(result.status)
        if "actual" in args:
            assert args["actual"] == row["actual"], (value, result.reason)
        if "expected" in args:
            assert args["expected"] == row["expected"], (value, result.reason)
        if "rate" in args:  # an average growth: the rate is its actual, the required rate its expected
            assert (args["rate"], args["required"]) == (row["actual"], row["expected"]), (value, result.reason)
        if "difference" in args:
            assert args["difference"] == row["gap"].lstrip("+-"), (value, result.reason)  # the gap without its sign
        short = result.status in ("missed", "at_risk", "off_track", "regressing")
        if short:  # nothing in the row reads as met
            assert row["actual"] != row["expected"], (value, row)
            assert row["gap"] != "0" and row["attainment"] != "100%", (value, row)
    assert len(seen) >= 2, seen  # each sweep crosses its verdict
