"""cumulative, annual, growth, cagr and milestone targets (docs/evaluation.md), by hand."""
from __future__ import annotations

import pytest

from policycheck.model import Baseline, HistoryEntry
from tests.helpers.evaluation_inputs import obs, one, target

TOTAL = target("total", kind="cumulative", unit="项", milestones=((2027, 10000.0),))


def test_cumulative_sums_the_yearly_actuals() -> None:
    # a = 1500 + 2000 + 2500 = 6000 = E(2025) = 0.6 * 10000 -> on_track, rho 1.
    r = one(TOTAL, {2023: 1500.0, 2024: obs(2000.0, "estimate"), 2025: 2500.0})
    assert r.actual == pytest.approx(6000.0)
    assert r.baseline == Baseline(2022, 0.0)
    assert r.expected == pytest.approx(6000.0)
    assert r.progress_ratio == pytest.approx(1.0)
    assert r.status == "on_track"
    assert r.attainment == pytest.approx(0.6) and r.progress == pytest.approx(0.6)
    assert r.required_annual == pytest.approx(2000.0) and r.trend_annual == pytest.approx(2000.0)
    assert r.projected == pytest.approx(10000.0) and r.projected_met is True
    assert r.data_status == "estimate"  # the sum is as weak as its weakest year
    assert r.path == ((2022, 0.0), (2027, 10000.0))


def test_cumulative_missing_year_is_no_data_naming_the_years() -> None:
    r = one(TOTAL, {2023: 1500.0, 2024: None, 2025: 2500.0})
    assert r.status == "no_data"
    assert r.reason == "no yearly actual for 2024: the total since 2023 cannot be summed"
    assert (r.last_year, r.last_value) == (2023, 1500.0)
    r = one(TOTAL, {2023: 1500.0, 2026: 1.0}, 2025)
    assert r.reason == "no yearly actual for 2024, 2025: the total since 2023 cannot be summed"


def test_cumulative_running_total_reads_the_value_at_y() -> None:
    # running total 5500 in 2025 against E = 6000: rho 0.9167 -> at_risk.
    t = target("total", kind="cumulative", milestones=((2027, 10000.0),), actuals="running_total")
    r = one(t, {2023: 1500.0, 2024: 3500.0, 2025: 5500.0})
    assert r.actual == 5500.0
    assert r.progress_ratio == pytest.approx(5500 / 6000)
    assert r.status == "at_risk"


def test_cumulative_since_and_before_since() -> None:
    t = target("total", kind="cumulative", milestones=((2027, 10000.0),), since=2024)
    r = one(t, {2023: 9999.0, 2024: 2000.0, 2025: 2000.0})
    # baseline (2023, 0); E(2025) = 2/4 * 10000 = 5000; a = 4000; rho 0.8
    assert r.baseline == Baseline(2023, 0.0)
    assert r.actual == pytest.approx(4000.0)
    assert r.progress_ratio == pytest.approx(0.8)
    early = one(t, {2023: 100.0}, 2023)
    assert (early.status, early.reason) == ("pending", "the total is counted from 2024")


NEW_FIRMS = target("new-firms", kind="annual", unit="家", value=60.0)


def test_annual_met_with_history() -> None:
    r = one(NEW_FIRMS, {2023: 65.0, 2024: 55.0, 2025: 70.0})
    assert r.status == "met"
    assert r.history == (HistoryEntry(2023, 65.0, "met"), HistoryEntry(2024, 55.0, "missed"),
                         HistoryEntry(2025, 70.0, "met"))
    assert (r.years_met, r.years_due) == (2, 3)
    assert (r.expected, r.gap) == (60.0, 10.0)
    assert r.attainment == pytest.approx(70 / 60)
    assert (r.target_value, r.target_year) == (60.0, 2027)
    assert r.reason == "2025 requirement ≥60 met: actual 70 (2 of 3 due years met)"
    assert r.path == ((2023, 60.0), (2027, 60.0))
    assert r.baseline is None and r.progress is None


def test_annual_missed_and_no_data() -> None:
    missed = one(NEW_FIRMS, {2023: 65.0, 2024: 55.0})
    assert (missed.status, missed.failing) == ("missed", True)
    gap = one(NEW_FIRMS, {2023: 65.0, 2024: 55.0, 2025: None}, 2025)
    assert gap.status == "no_data"
    assert gap.reason == "no actual for 2025 (last: 55 in 2024)"
    assert gap.history[-1] == HistoryEntry(2025, None, "no_data")  # type: ignore[index]
    assert (gap.years_met, gap.years_due) == (1, 3)


def test_annual_outside_its_years_is_pending() -> None:
    t = target("once", kind="annual", value=60.0, years=(2025, 2025))
    r = one(t, {2024: 70.0})
    assert r.status == "pending"
    assert r.reason == "2024 is outside the years 2025-2025 the requirement applies to"
    assert (r.history, r.years_due, r.years_met) == ((), 0, 0)


def test_annual_against_a_reference_series() -> None:
    # 高于全省平均: 2.8 > 2.6 in 2025.
    t = target("share", kind="annual", comparator=">", reference="prov")
    r = one(t, {2025: 2.8}, extra={("prov", None): {2024: 2.5, 2025: 2.6}})
    assert r.status == "met"
    assert (r.target_value, r.expected) == (2.6, 2.6)
    assert r.gap == pytest.approx(0.2)
    assert r.path == ((2024, 2.5), (2025, 2.6))
    missing = one(t, {2025: 2.8}, extra={("prov", None): {2024: 2.5}})
    assert missing.status == "no_data"
    assert missing.reason == "no value of the reference prov for 2025"


def test_growth_in_step_with_a_falling_reference() -> None:
    # 与经济增长同步 (≳ the reference, ±5 %) in a year the economy shrank 3 %: income -1 % is met
    # and above 100 %, -5 % is missed and below it (docs/evaluation.md#attainment, v < 0).
    t = target("income", kind="growth", comparator="approx", direction="up", reference="gdp-growth",
               actuals="rate")
    met = one(t, {2025: -1.0}, extra={("gdp-growth", None): {2025: -3.0}})
    assert (met.status, met.target_value) == ("met", -3.0)
    assert met.attainment == pytest.approx(5.0 / 3.0)
    missed = one(t, {2025: -5.0}, extra={("gdp-growth", None): {2025: -3.0}})
    assert (missed.status, missed.target_value) == ("missed", -3.0)
    assert missed.attainment == pytest.approx(0.6)
    within = one(t, {2025: -3.1}, extra={("gdp-growth", None): {2025: -3.0}})  # inside the 5 % band
    assert within.status == "met"
    assert within.attainment == pytest.approx(3.0 / 3.1)


LEVELS = {2022: 100.0, 2023: 116.0, 2024: 130.0, 2025: 150.0}
GROWTH = target("funding", kind="growth", unit="%", value=15.0)


def test_growth_from_levels() -> None:
    # 16 % (met), 130/116 - 1 = 12.07 % (missed), 150/130 - 1 = 15.38 % (met).
    r = one(GROWTH, LEVELS)
    assert r.status == "met"
    assert r.actual == pytest.approx(15.384615385)
    assert [h.status for h in r.history] == ["met", "missed", "met"]  # type: ignore[union-attr]
    assert r.history[1].actual == pytest.approx(12.068965517)  # type: ignore[index]
    assert (r.years_met, r.years_due) == (2, 3)
    assert r.attainment == pytest.approx(15.384615385 / 15)
    assert one(GROWTH, LEVELS, 2024).status == "missed"


def test_growth_needs_both_levels() -> None:
    r = one(GROWTH, {2023: 116.0, 2025: 150.0}, 2025)
    assert r.status == "no_data"
    assert r.reason == "no level for 2024: the growth in 2025 cannot be computed"
    zero = one(GROWTH, {2024: 0.0, 2025: 150.0})
    assert zero.reason == "the 2024 level 0 is not positive: no growth rate for 2025"


def test_growth_data_status_is_the_weaker_year() -> None:
    r = one(GROWTH, {2024: obs(130.0, "estimate"), 2025: 150.0})
    assert r.data_status == "estimate"


def test_growth_reported_as_rate() -> None:
    t = target("funding", kind="growth", value=15.0, actuals="rate")
    r = one(t, {2023: 16.0, 2024: 12.0, 2025: 15.5})
    assert (r.status, r.actual, r.years_met) == ("met", 15.5, 2)


AVG = target("industry", kind="cagr", unit="%", milestones=((2027, 15.0),))


@pytest.mark.parametrize(("level", "status"), [
    (160.0, "on_track"),  # 16.96 % already
    (150.0, "on_track"),  # 14.47 % / 15 = 0.965
    (130.0, "at_risk"),  # 9.14 % / 15 = 0.609
    (120.0, "off_track"),  # 6.27 % / 15 = 0.418
    (90.0, "regressing"),  # -3.45 %
])
def test_cagr_kind_before_t(level: float, status: str) -> None:
    r = one(AVG, {2022: 100.0, 2025: level})
    a = ((level / 100) ** (1 / 3) - 1) * 100
    assert r.actual == pytest.approx(a)
    assert r.status == status
    assert r.level == level
    assert r.expected == 15.0 and r.gap == pytest.approx(a - 15)
    assert r.expected_level == pytest.approx(100 * 1.15 ** 3)
    assert r.method == "cagr"
    if level == 160.0:
        assert r.progress_ratio is None  # satisfied: no ratio needed
    else:
        assert r.progress_ratio == pytest.approx(a / 15)


@pytest.mark.parametrize(("level", "status"), [(100 * 1.15 ** 5, "met"), (180.0, "missed")])
def test_cagr_kind_at_t(level: float, status: str) -> None:
    assert one(AVG, {2022: 100.0, 2027: level}).status == status


def test_cagr_kind_as_rate_and_without_baseline() -> None:
    t = target("industry", kind="cagr", milestones=((2027, 15.0),), actuals="rate")
    r = one(t, {2025: 14.0})
    assert (r.status, r.progress_ratio) == ("at_risk", pytest.approx(14 / 15))
    assert r.level is None and r.expected_level is None
    nob = one(AVG, {2025: 150.0})
    assert (nob.status, nob.reason) == ("pending", "no baseline: cannot compute the average growth")
    assert nob.level == 150.0 and nob.actual is None


def test_cagr_kind_path_is_the_required_level() -> None:
    r = one(AVG, {2022: 100.0, 2025: 150.0})
    assert [y for y, _ in r.path] == list(range(2022, 2028))
    assert r.path[-1][1] == pytest.approx(100 * 1.15 ** 5)


DONE = target("city", kind="milestone", milestones=((2027, True),))


def test_milestone_met_in_any_year_up_to_y() -> None:
    r = one(DONE, {2024: False, 2025: True}, 2026)
    assert (r.status, r.actual, r.achieved_year, r.attainment) == ("met", True, 2025, 1.0)
    assert r.reason == "achieved in 2025"
    assert r.comparator is None and r.target_value is True


def test_milestone_pending_missed_no_data() -> None:
    pending = one(DONE, {2024: False, 2025: False})
    assert (pending.status, pending.actual, pending.attainment) == ("pending", False, 0.0)
    missed = one(DONE, {2025: False, 2027: False})
    assert (missed.status, missed.attainment, missed.failing) == ("missed", 0.0, True)
    nothing = one(DONE, {2027: None}, 2027)
    assert (nothing.status, nothing.attainment) == ("no_data", None)
