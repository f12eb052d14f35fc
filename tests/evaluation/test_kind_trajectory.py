"""Level and rank targets: every rule of docs/evaluation.md#level-rank-cumulative, numbers worked out by hand."""
from __future__ import annotations

import pytest

from policycheck.evaluation.engine import evaluate
from policycheck.model import Assessment, Baseline, Superseded, TimesBaseline
from tests.helpers.evaluation_inputs import actuals, obs, one, plan, target

RD = target("rd-intensity", milestones=((2027, 3.6),))


def test_the_worked_example_of_docs_evaluation() -> None:
    # b = 3.0 (2022), v_T = 3.6 (2027), a = 3.3 (2025).
    # E(2025) = 3.0 + 3/5 * 0.6 = 3.36; gap = -0.06; attainment = 3.3 / 3.6 = 0.91666...
    # progress = 0.3 / 0.6 = 0.5; time_progress = 3/5 = 0.6; rho = 0.3 / 0.36 = 0.8333...
    # required = 0.3 / 2 = 0.15; trend = 0.3 / 3 = 0.1; projected = 3.3 + 0.2 = 3.5 < 3.6.
    r = one(RD, {2022: 3.0, 2025: 3.3})
    assert r.year == 2025 and r.actual == 3.3 and r.data_status == "final"
    assert r.baseline == Baseline(2022, 3.0)
    assert (r.target_value, r.target_year) == (3.6, 2027)
    assert r.expected == pytest.approx(3.36)
    assert r.gap == pytest.approx(-0.06)
    assert r.attainment == pytest.approx(0.9166666666)
    assert r.progress == pytest.approx(0.5)
    assert r.time_progress == pytest.approx(0.6)
    assert r.progress_ratio == pytest.approx(0.8333333333)
    assert r.required_annual == pytest.approx(0.15)
    assert r.trend_annual == pytest.approx(0.1)
    assert r.projected == pytest.approx(3.5)
    assert r.projected_met is False
    assert (r.method, r.status, r.failing) == ("linear", "at_risk", False)
    assert r.reason == "behind the linear schedule: 0.06 below the expected 3.36"
    assert r.path == ((2022, 3.0), (2027, 3.6))
    assert r.observed == ((2022, 3.0), (2025, 3.3))


def test_rule1_no_data_names_the_last_observation() -> None:
    r = one(RD, {2022: 3.0, 2024: 3.1, 2025: None}, 2025)
    assert r.status == "no_data"
    assert (r.last_year, r.last_value) == (2024, 3.1)
    assert r.reason == "no actual for 2025 (last: 3.1 in 2024)"
    assert r.actual is None and r.gap is None and r.attainment is None
    # E(2025) and v_T need no actual: they are reported with every level-type result.
    assert (r.expected, r.target_value) == (pytest.approx(3.36), 3.6)
    assert r.time_progress == pytest.approx(0.6)
    assert r.observed == ((2022, 3.0), (2024, 3.1), (2025, None))


def test_rule1_no_data_without_any_earlier_value() -> None:
    r = one(RD, {2026: 3.5}, 2025)
    assert (r.status, r.last_year, r.last_value) == ("no_data", None, None)
    assert r.reason == "no actual for 2025 and none before"


@pytest.mark.parametrize(("year", "a", "status"), [(2027, 3.6, "met"), (2027, 3.5, "missed"),
                                                   (2028, 3.7, "met"), (2028, 3.59, "missed")])
def test_rule2_final_year_and_after(year: int, a: float, status: str) -> None:
    r = one(RD, {2022: 3.0, year: a}, year)
    assert r.status == status
    assert r.required_annual is None and r.projected is None and r.projected_met is None
    assert r.time_progress == 1.0


def test_rule2_numbers_at_the_final_year() -> None:
    # a = 3.5 in 2027: progress 0.5 / 0.6; trend 0.5 / 5 = 0.1; E = v_T = 3.6; gap -0.1
    r = one(RD, {2022: 3.0, 2027: 3.5})
    assert r.reason == "final target ≥3.6 (2027) not reached: actual 3.5"
    assert r.progress == pytest.approx(0.8333333333)
    assert r.trend_annual == pytest.approx(0.1)
    assert r.expected == 3.6 and r.gap == pytest.approx(-0.1)
    assert r.failing is True


def test_rule3_final_target_reached_early() -> None:
    r = one(RD, {2022: 3.0, 2025: 3.7})
    assert r.status == "met"
    assert r.reason == "final target ≥3.6 (2027) reached early: actual 3.7"
    assert r.projected_met is True  # 3.7 + 0.7/3 * 2 > 3.6


@pytest.mark.parametrize(("a", "status"), [(3.3, "met"), (3.25, "missed")])
def test_rule4_interim_milestone(a: float, status: str) -> None:
    t = target("rd", milestones=((2025, 3.3), (2027, 3.6)))
    r = one(t, {2022: 3.0, 2025: a})
    assert r.status == status
    assert r.expected == pytest.approx(3.3)
    assert r.path == ((2022, 3.0), (2025, 3.3), (2027, 3.6))


def test_between_milestones_the_path_bends() -> None:
    # E(2024) = 3.0 + 2/3 * 0.3 = 3.2; rho = 0.2 / 0.2 = 1 -> on_track
    t = target("rd", milestones=((2025, 3.3), (2027, 3.6)))
    r = one(t, {2022: 3.0, 2024: 3.2})
    assert r.expected == pytest.approx(3.2)
    assert r.progress_ratio == pytest.approx(1.0)
    assert r.status == "on_track"


def test_rule5_no_baseline_is_pending() -> None:
    r = one(RD, {2025: 3.3})
    assert r.status == "pending"
    assert r.reason == "no baseline: cannot measure progress"
    assert r.baseline is None and r.expected is None and r.progress is None
    assert r.trend_annual is None and r.projected is None and r.progress_ratio is None
    assert r.required_annual == pytest.approx(0.15)  # (3.6 - 3.3) / 2 needs no baseline
    assert r.attainment == pytest.approx(3.3 / 3.6)


def test_rule5_year_before_the_baseline() -> None:
    r = one(RD, {2021: 2.5, 2022: 3.0}, 2021)
    assert r.status == "pending"
    assert r.reason == "2021 is before the baseline year 2022"


@pytest.mark.parametrize(("a", "status", "rho"), [
    (3.35, "on_track", 0.35 / 0.36), (3.3, "at_risk", 0.3 / 0.36),
    (3.1, "off_track", 0.1 / 0.36), (2.9, "regressing", -0.1 / 0.36),
])
def test_rule6_linear_thresholds(a: float, status: str, rho: float) -> None:
    r = one(RD, {2022: 3.0, 2025: a})
    assert r.status == status
    assert r.progress_ratio == pytest.approx(rho)


def test_rule6_option_thresholds_override() -> None:
    # rho = 0.8333: on_track with --on-track 0.8
    assert one(RD, {2022: 3.0, 2025: 3.3}, on_track=0.8).status == "on_track"
    # rho = 0.2778: at_risk with --at-risk 0.25
    assert one(RD, {2022: 3.0, 2025: 3.1}, at_risk=0.25).status == "at_risk"


@pytest.mark.parametrize(("a", "status"), [(3.0, "on_track"), (2.9, "regressing")])
def test_rule6_no_progress_required_yet(a: float, status: str) -> None:
    # Path flat from 3.0 (2022) to 3.0 (2024): in 2023 R_req = 0.
    t = target("rd", milestones=((2024, 3.0), (2027, 3.6)))
    r = one(t, {2022: 3.0, 2023: a})
    assert r.status == status
    assert r.progress_ratio is None


def test_lower_is_better() -> None:
    # <= 90 by 2027 from 100 (2022); a = 95 in 2025. E = 100 - 0.6 * 10 = 94; gap = +1;
    # rho = -5 / -6 = 0.8333; attainment 90 / 95; progress -5 / -10 = 0.5;
    # required (90 - 95) / 2 = -2.5; trend -5 / 3; projected 95 - 10/3 = 91.667 > 90.
    t = target("energy", comparator="<=", milestones=((2027, 90.0),))
    r = one(t, {2022: 100.0, 2025: 95.0})
    assert r.status == "at_risk"
    assert r.expected == pytest.approx(94.0) and r.gap == pytest.approx(1.0)
    assert r.progress_ratio == pytest.approx(5 / 6)
    assert r.attainment == pytest.approx(90 / 95)
    assert r.progress == pytest.approx(0.5)
    assert r.required_annual == pytest.approx(-2.5)
    assert r.trend_annual == pytest.approx(-5 / 3)
    assert r.projected == pytest.approx(95 - 10 / 3)
    assert r.projected_met is False
    assert r.reason == "behind the linear schedule: 1 above the expected 94"


def test_zero_target_qingling() -> None:
    # 清零 by 2025 from 10 (2022). 2024: E = 10 - 2/3 * 10 = 3.333; rho = -6 / -6.667 = 0.9;
    # attainment = progress = (4 - 10) / (0 - 10) = 0.6.
    t = target("zero", comparator="<=", unit="家", milestones=((2025, 0.0),), path="linear")
    p = plan(t, start=2023, end=2025)
    r = one(t, {2022: 10.0, 2024: 4.0}, p=p)
    assert r.status == "at_risk"
    assert r.progress_ratio == pytest.approx(0.9)
    assert r.attainment == pytest.approx(0.6) and r.progress == pytest.approx(0.6)
    done = one(t, {2022: 10.0, 2025: 0.0}, p=p)
    assert (done.status, done.attainment) == ("met", 1.0)
    no_base = one(t, {2025: 2.0}, p=p)
    assert (no_base.status, no_base.attainment) == ("missed", 0.0)


def test_rank_defaults_to_lower_is_better() -> None:
    # top 5 by 2027 from 12th (2022); 8th in 2025: E = 12 - 0.6 * 7 = 7.8;
    # rho = -4 / -4.2 = 0.952 -> on_track; attainment 5 / 8.
    t = target("rank", kind="rank", comparator=None, unit="位", milestones=((2027, 5.0),), path="linear")
    r = one(t, {2022: 12.0, 2025: 8.0})
    assert r.comparator == "<="
    assert r.status == "on_track"
    assert r.progress_ratio == pytest.approx(4 / 4.2)
    assert r.attainment == pytest.approx(0.625)


@pytest.mark.parametrize(("a", "tolerance", "status", "attain"), [
    (96.0, None, "met", 1.0), (94.0, None, "missed", 0.94), (91.0, 0.1, "met", 1.0),
])
def test_approx(a: float, tolerance: float | None, status: str, attain: float) -> None:
    # 左右 100 by 2027 with the plan's 5 % (or the target's own tolerance).
    t = target("approx", comparator="approx", milestones=((2027, 100.0),), tolerance=tolerance)
    r = one(t, {2022: 80.0, 2027: a})
    assert (r.status, r.attainment) == (status, pytest.approx(attain))


def test_approx_uses_the_plan_tolerance() -> None:
    t = target("approx", comparator="approx", milestones=((2027, 100.0),))
    p = plan(t, assessment=Assessment(approx_tolerance=0.1))
    assert one(t, {2022: 80.0, 2027: 91.0}, p=p).status == "met"


def test_between_uses_the_midpoint_for_the_path() -> None:
    # [3, 5] by 2027 from 1 (2022): mid 4; E(2025) = 1 + 0.6 * 3 = 2.8; a = 2.5:
    # rho = 1.5 / 1.8 = 0.8333 -> at_risk; attainment a / lo = 0.8333; progress 1.5 / 3.
    t = target("b", comparator="between", unit="场", milestones=((2027, (3.0, 5.0)),), path="linear")
    r = one(t, {2022: 1.0, 2025: 2.5})
    assert r.status == "at_risk"
    assert r.target_value == (3.0, 5.0)
    assert r.expected == pytest.approx(2.8)
    assert r.attainment == pytest.approx(2.5 / 3)
    assert r.progress == pytest.approx(0.5)
    assert r.path == ((2022, 1.0), (2027, 4.0))
    above = one(t, {2022: 1.0, 2027: 6.0})
    assert (above.status, above.attainment) == ("missed", pytest.approx(5 / 6))
    assert one(t, {2022: 1.0, 2027: 3.0}).status == "met"


def test_cagr_method() -> None:
    # 100 (2022) -> 161.051 (2027): g_r = 10 %. a = 120.5 in 2024: g_a = sqrt(1.205) - 1;
    # rho = g_a / 0.1 = 0.977 -> on_track (linear would say 20.5 / 24.42 = 0.84, at_risk).
    t = target("gdp", unit="亿元", milestones=((2027, 161.051),))
    r = one(t, {2022: 100.0, 2024: 120.5}, method="cagr")
    assert r.method == "cagr" and r.status == "on_track"
    expected_rho = (1.205 ** 0.5 - 1) / (1.61051 ** 0.2 - 1)
    assert r.progress_ratio == pytest.approx(expected_rho)
    linear = one(t, {2022: 100.0, 2024: 120.5})
    assert (linear.method, linear.status) == ("linear", "at_risk")
    assert linear.progress_ratio == pytest.approx(20.5 / (0.4 * 61.051))


def test_cagr_method_from_the_plan_and_overridden() -> None:
    t = target("gdp", unit="亿元", milestones=((2027, 161.051),))
    p = plan(t, assessment=Assessment(method="cagr"))
    assert one(t, {2022: 100.0, 2024: 120.5}, p=p).method == "cagr"
    assert one(t, {2022: 100.0, 2024: 120.5}, p=p, method="linear").method == "linear"


def test_cagr_method_falls_back_to_linear() -> None:
    # b = 0: no growth rate; linear E(2025) = 30, rho = 20 / 30 -> at_risk.
    t = target("new", unit="家", milestones=((2027, 50.0),))
    r = one(t, {2022: 0.0, 2025: 20.0}, method="cagr")
    assert r.method == "linear"
    assert r.progress_ratio == pytest.approx(2 / 3)
    assert r.status == "at_risk"


def test_times_baseline_resolves_to_k_times_b() -> None:
    # 翻番: 2 x 50 = 100 by 2027; E(2025) = 50 + 0.6 * 50 = 80; rho = 20 / 30.
    t = target("double", unit="亿元", milestones=((2027, TimesBaseline(2.0)),))
    r = one(t, {2022: 50.0, 2025: 70.0})
    assert r.target_value == 100.0
    assert r.expected == pytest.approx(80.0)
    assert r.status == "at_risk"
    assert r.path == ((2022, 50.0), (2027, 100.0))


def test_times_baseline_without_baseline_is_pending() -> None:
    t = target("double", unit="亿元", milestones=((2027, TimesBaseline(2.0)),))
    r = one(t, {2025: 70.0})
    assert r.status == "pending"
    assert r.reason == "no baseline: cannot resolve the times_baseline milestone"
    assert r.target_value is None and r.expected is None and r.attainment is None


def test_baseline_given_in_the_plan_wins() -> None:
    # b = 2.0 (2020): E(2025) = 2.0 + 5/7 * 1.6 = 3.142857; rho = 1.3 / 1.142857 = 1.1375.
    t = target("rd", milestones=((2027, 3.6),), baseline=Baseline(2020, 2.0))
    r = one(t, {2022: 3.0, 2025: 3.3})
    assert r.baseline == Baseline(2020, 2.0)
    assert r.expected == pytest.approx(2.0 + 5 / 7 * 1.6)
    assert r.time_progress == pytest.approx(5 / 7)
    assert r.status == "on_track"


def test_baseline_of_any_data_status() -> None:
    r = one(RD, {2022: obs(3.0, "estimate"), 2025: obs(3.3, "preliminary")})
    assert r.baseline == Baseline(2022, 3.0)
    assert r.data_status == "preliminary"


def test_superseded_estimates_are_carried_not_used() -> None:
    # The loader keeps the final 3.3 and lists the superseded estimate 3.1.
    data = actuals({("rd-intensity", None): {2022: 3.0, 2025: 3.3}})
    gone = Superseded("a.csv", 9, "p", "rd-intensity", None, 2025, "estimate", 3.1)
    data.superseded.append(gone)
    report = evaluate([plan(RD)], data)
    assert report.results[0].actual == 3.3
    assert report.superseded == (gone,)
