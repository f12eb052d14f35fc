"""Numbers for people: two decimals, and more only where a verdict needs them
(docs/reports.md#rounding-apart)."""
from __future__ import annotations

from policycheck.model import Baseline
from policycheck.numtext import (
    actual_apart,
    attainment_apart,
    decimals_apart,
    expected_apart,
    gap_apart,
    number_text,
)
from policycheck.records import record


@record(frozen=True, slots=True)
class Judged:
    expected: float | None
    target_value: float | bool | tuple[float, float] | None
    baseline: Baseline | None


def test_two_decimals_unless_the_numbers_read_the_same() -> None:
    assert decimals_apart(2.9, (3.0,)) == 2
    assert decimals_apart(2.996, (3.0,)) == 3
    assert decimals_apart(3.0, (2.996,)) == 3
    assert decimals_apart(2.9996, (3.0,)) == 4
    assert decimals_apart(3.0, (3.0,)) == 2  # equal numbers read equal, rightly
    assert decimals_apart(2.996, (None, 2.9, 3.0)) == 3
    assert number_text(2.996, 3) == "2.996" and number_text(3.0, 3) == "3"


def test_full_precision_at_most() -> None:
    assert decimals_apart(2.9999999999999996, (3.0,)) == 16
    assert actual_apart(2.9999999999999996, "missed", Judged(3.0, 3.0, None)) == "2.9999999999999996"
    assert decimals_apart(1e20, (1e20 + 1e5,)) == 2  # six significant digits rule there (large-numbers)


def test_a_short_verdict_keeps_its_numbers_apart() -> None:
    judged = Judged(3.0, 3.0, Baseline(2020, 2.5))
    assert actual_apart(2.996, "missed", judged) == "2.996"
    assert actual_apart(2.996, "at_risk", judged) == "2.996"
    assert expected_apart(3.0, "missed", 2.996) == "3"
    assert gap_apart(-0.0040000000000000036, "at_risk") == "-0.004"
    assert attainment_apart(0.9996, "missed") == "99.96%"
    assert attainment_apart(2.996 / 3, "missed") == "99.9%"  # 99.9 % already reads short of 100 %


def test_a_met_verdict_or_no_collision_keeps_two_decimals() -> None:
    judged = Judged(3.0, 3.0, Baseline(2020, 2.5))
    assert actual_apart(3.004, "met", judged) == "3"
    assert actual_apart(2.996, "on_track", judged) == "3"
    assert actual_apart(2.9, "missed", judged) == "2.9"
    assert gap_apart(-0.004, "on_track") == "0"
    assert attainment_apart(0.9996, "met") == "100%"


def test_the_baseline_counts_only_for_regressing() -> None:
    judged = Judged(2.8, 3.0, Baseline(2020, 2.5))
    assert actual_apart(2.496, "regressing", judged) == "2.496"
    assert actual_apart(2.496, "missed", judged) == "2.5"
