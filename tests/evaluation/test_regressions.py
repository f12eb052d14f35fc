"""Regressions found by the docs/evaluation.md oracle (tests/helpers/oracle.py), with hand-worked numbers."""
from __future__ import annotations

import pytest

from tests.helpers.evaluation_inputs import one, target

RD = target("rd-intensity", milestones=((2027, 3.6),))


def test_no_data_level_still_reports_the_requirement_and_expected() -> None:
    # docs/evaluation.md#level-rank-cumulative: "Numbers reported with every level-type result: expected = E(Y)".
    # E(2025) = 3.0 + (2025 - 2022) / (2027 - 2022) * (3.6 - 3.0) = 3.36; nothing needs a.
    r = one(RD, {2022: 3.0, 2025: None}, 2025)
    assert r.status == "no_data"
    assert (r.target_value, r.target_year) == (3.6, 2027)
    assert r.expected == pytest.approx(3.36)
    assert r.path == ((2022, 3.0), (2027, 3.6))
    assert (r.actual, r.gap, r.attainment, r.progress, r.progress_ratio) == (None,) * 5


def test_no_data_cumulative_reports_expected_from_the_zero_baseline() -> None:
    # Baseline (2022, 0); E(2024) = 2/5 * 1000 = 400 even though 2023 is missing.
    t = target("total", kind="cumulative", milestones=((2027, 1000.0),))
    r = one(t, {2023: None, 2024: 300.0}, 2024)
    assert r.status == "no_data"
    assert (r.target_value, r.expected) == (1000.0, pytest.approx(400.0))


def test_running_total_before_since_is_pending() -> None:
    # docs/evaluation.md: "Before since the result is pending" -- the total starts in 2025,
    # so a 2024 figure is not the plan's total, whatever the CSV reports.
    t = target("total", kind="cumulative", milestones=((2027, 100.0),), since=2025,
               actuals="running_total")
    r = one(t, {2024: 150.0}, 2024)
    assert (r.status, r.reason) == ("pending", "the total is counted from 2025")
    assert r.actual is None and r.failing is False
    # The baseline is (since - 1, 0) = (2024, 0), so E(2024) = 0.
    assert (r.target_value, r.expected) == (100.0, 0.0)


def test_annual_no_data_still_reports_the_requirement_as_expected() -> None:
    # expected = v is known without the actual (a number that can be computed is not null);
    # gap and attainment need a.
    t = target("new-firms", kind="annual", unit="家", value=60.0)
    r = one(t, {2023: 65.0, 2024: None}, 2024)
    assert r.status == "no_data"
    assert (r.target_value, r.expected, r.gap, r.attainment) == (60.0, 60.0, None, None)
    growth = one(target("funding", kind="growth", value=(10.0, 20.0), comparator="between"),
                 {2024: 100.0}, 2024)
    assert growth.status == "no_data" and growth.expected == 15.0  # the midpoint of [10, 20]


def test_zero_target_with_a_zero_baseline_has_no_attainment_above_zero() -> None:
    # docs/evaluation.md#attainment, d = -1 and v == 0 (清零): "else `progress` if there is a baseline".
    # b = 0 = v_T, so progress = (a - b) / (v_T - b) = 0.6 / 0 cannot be computed: null,
    # "never a made-up 0".
    t = target("zero", comparator="<=", milestones=((2027, 0.0),))
    r = one(t, {2022: 0.0, 2025: 0.6}, 2025)
    assert r.progress is None and r.attainment is None
    # With b = 2: progress = (0.6 - 2) / (0 - 2) = 0.7 is the attainment.
    r2 = one(t, {2022: 2.0, 2025: 0.6}, 2025)
    assert r2.attainment == pytest.approx(0.7) == r2.progress
    # No baseline at all: 0.
    assert one(t, {2025: 0.6}, 2025).attainment == 0.0
