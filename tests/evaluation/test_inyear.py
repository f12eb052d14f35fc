"""Targets at the end of a month (docs/evaluation.md#in-year): every kind, linear and seasonal schedules."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import jsonschema
import pytest

from policycheck.evaluation.engine import evaluate
from policycheck.evaluation.reasons import reason_text
from policycheck.model import Assessment, Result, Superseded, Target
from policycheck.observations import Actuals, Observation
from policycheck.periods import Period
from policycheck.reporters import summary_line
from policycheck.reporters.json_text import report_to_dict
from policycheck.schemas import load_schema
from tests.helpers.evaluation_inputs import actuals, obs, plan, target

#: {(target, unit): {"2025年1-6月" or Period: value}}
InYear = Mapping[tuple[str, str | None], Mapping[Any, Any]]


def _data(years: Mapping[tuple[str, str | None], Mapping[int, Any]] | None = None,
          months: InYear | None = None) -> Actuals:
    data = actuals(years or {})
    for (tid, unit), by_period in (months or {}).items():
        data.periods[("p", tid, unit)] = {
            _period(key): value if isinstance(value, Observation) else obs(value, line=10 + i)
            for i, (key, value) in enumerate(by_period.items())}
    return data


def _period(key: Any) -> Period:
    if isinstance(key, Period):
        return key
    year, first, last = key
    return Period(year, first, last)


def _one(t: Target, months: Mapping[Any, Any], period: str = "2025-06", *,
         years: Mapping[int, Any] | None = None, **kw: Any) -> Result:
    p = kw.pop("p", None) or plan(t, start=2025, end=2025, baseline_year=2024)
    data = _data({(t.id, None): years or {}}, {(t.id, None): months})
    report = evaluate([p], data, period=period, **kw)
    assert len(report.results) == 1
    return report.results[0]


def _jobs(**kw: Any) -> Target:
    return target("jobs", kind="annual", unit="万人", value=120.0, **kw)


# -- annual amounts: the year-to-date total against v × the share due -------------------------

@pytest.mark.parametrize(("ytd", "status", "ratio", "code"), [
    (125.0, "met", 125 / 60, "inyear_whole_year_reached"),
    (60.0, "on_track", 1.0, "inyear_on_schedule"),
    (57.0, "on_track", 0.95, "inyear_on_schedule"),
    (50.0, "at_risk", 50 / 60, "inyear_behind_below"),
    (30.0, "off_track", 0.5, "inyear_behind_below"),
    (-6.0, "regressing", -0.1, "inyear_behind_below"),
])
def test_annual_amount_on_the_linear_schedule_at_every_status(ytd: float, status: str, ratio: float,
                                                             code: str) -> None:
    r = _one(_jobs(), {(2025, 1, 6): ytd})
    assert (r.status, r.reason_code, r.schedule, r.elapsed, r.expected) == (status, code, "linear", 0.5, 60.0)
    assert r.progress_ratio == pytest.approx(ratio)
    assert (r.actual, r.gap, r.as_of, r.actual_period, r.basis) == (ytd, ytd - 60, "2025-06", "2025-01/2025-06",
                                                                    "ytd")
    assert r.attainment == pytest.approx(ytd / 120)
    assert r.year == 2025 and r.target_value == 120.0 and r.time_progress == 0.5


def test_annual_amount_reason_in_both_languages() -> None:
    r = _one(_jobs(), {(2025, 1, 9): 80.0}, "2025-09")
    assert r.reason == "behind the linear schedule: 80 by 2025 Jan-Sep, 10 below the expected 90"
    assert reason_text(r.reason, r.reason_code, r.reason_args, "zh") == (
        "落后于序时进度：2025年1-9月实际值80，比序时目标值90低10")
    assert r.status == "at_risk"


@pytest.mark.parametrize(("ytd", "status", "code"), [
    (110.0, "missed", "inyear_limit_exceeded"),
    (40.0, "on_track", "inyear_on_schedule"),
    (60.0, "at_risk", "inyear_behind_above"),
    (100.0, "off_track", "inyear_behind_above"),
])
def test_annual_limit_lower_is_better(ytd: float, status: str, code: str) -> None:
    t = target("energy", kind="annual", unit="万吨", comparator="<=", value=100.0)
    r = _one(t, {(2025, 1, 6): ytd})
    assert (r.status, r.reason_code, r.expected) == (status, code, 50.0)


def test_annual_amount_outside_its_years_is_pending() -> None:
    r = _one(_jobs(years=(2026, 2027)), {(2025, 1, 6): 60.0}, p=plan(_jobs(years=(2026, 2027))))
    assert (r.status, r.reason_code) == ("pending", "outside_years")


def test_a_profile_in_the_plan_sets_the_share() -> None:
    profile = (2.0, 2.0, 2.0, 10.0, 10.0, 10.0, 10.0, 10.0, 10.0, 10.0, 10.0, 4.0)
    r = _one(_jobs(schedule=profile), {(2025, 1, 6): 30.0})
    assert (r.schedule, r.elapsed) == ("profile", pytest.approx(36 / 90))
    assert r.expected == pytest.approx(48.0) and r.status == "at_risk"


# -- seasonal: the same months' share in the previous one to three years ------------------------

def _seasonal(ytd: float, **kw: Any) -> Result:
    t = _jobs(schedule="seasonal")
    years = {2022: 100.0, 2023: 100.0, 2024: 200.0}
    months = {(2022, 1, 6): 30.0, (2023, 1, 6): 40.0, (2024, 1, 6): 70.0, (2025, 1, 6): ytd}
    return _one(t, months, years=years, **kw)


@pytest.mark.parametrize(("ytd", "status"), [
    (150.0, "met"), (42.0, "on_track"), (30.0, "at_risk"), (20.0, "off_track"), (-1.0, "regressing"),
])
def test_seasonal_schedule_at_every_status(ytd: float, status: str) -> None:
    r = _seasonal(ytd)
    # the mean of 70/200, 40/100 and 30/100
    assert (r.schedule, r.schedule_years) == ("seasonal", (2024, 2023, 2022))
    assert r.elapsed == pytest.approx((0.35 + 0.4 + 0.3) / 3)
    assert r.expected == pytest.approx(120 * 0.35)
    assert r.status == status


def test_seasonal_reads_only_the_years_that_have_the_months() -> None:
    t = _jobs(schedule="seasonal")
    r = _one(t, {(2024, 1, 6): 70.0, (2023, 4, 6): 1.0, (2025, 1, 6): 40.0},
             years={2023: 100.0, 2024: 200.0})
    assert (r.schedule_years, r.elapsed, r.expected) == ((2024,), 0.35, pytest.approx(42.0))
    assert r.status == "on_track"


def test_seasonal_without_earlier_months_falls_back_to_linear_and_says_so() -> None:
    r = _one(_jobs(schedule="seasonal"), {(2025, 1, 6): 50.0}, years={2024: 200.0})
    assert (r.schedule, r.schedule_years, r.elapsed, r.status) == ("linear", None, 0.5, "at_risk")
    assert r.reason == ("behind the linear schedule (seasonal asked for, but no earlier year has these months): "
                        "50 by 2025 Jan-Jun, 10 below the expected 60")
    assert reason_text(r.reason, r.reason_code, r.reason_args, "zh").startswith(
        "落后于序时进度；往年无同期数据，季节性序时进度改按线性计算：")


def test_the_plan_default_schedule_applies_to_targets_without_one() -> None:
    t = _jobs()
    p = plan(t, start=2025, end=2025, baseline_year=2024, assessment=Assessment(schedule="seasonal"))
    r = _one(t, {(2024, 1, 6): 90.0, (2025, 1, 6): 52.0}, years={2024: 200.0}, p=p)
    assert (r.schedule, r.elapsed, r.expected, r.status) == ("seasonal", 0.45, pytest.approx(54.0), "on_track")


def test_thresholds_are_the_year_end_ones() -> None:
    r = _one(_jobs(), {(2025, 1, 6): 57.0}, on_track=1.0)
    assert r.status == "at_risk"


# -- year to date and single months are never mixed silently --------------------------------

def test_single_months_add_up_to_the_year_to_date() -> None:
    months = {(2025, m, m): 10.0 for m in range(1, 7)}
    months[(2025, 6, 6)] = obs(10.0, "preliminary")
    r = _one(_jobs(), months)
    assert (r.actual, r.basis, r.actual_period, r.data_status, r.status) == (
        60.0, "sum", "2025-01/2025-06", "preliminary", "on_track")


def test_a_year_to_date_figure_plus_later_months() -> None:
    r = _one(_jobs(), {(2025, 1, 4): 40.0, (2025, 5, 5): 8.0, (2025, 6, 6): 9.0, (2025, 4, 6): 99.0})
    # 1-4月 + 5月 + 6月; 4-6月 overlaps 1-4月 in April, so it is not added to it
    assert (r.actual, r.basis, r.actual_period) == (57.0, "sum", "2025-01/2025-06")


def test_a_year_to_date_figure_wins_over_single_months() -> None:
    r = _one(_jobs(), {(2025, 1, 6): 61.0, (2025, 6, 6): 10.0, (2025, 5, 5): 10.0})
    assert (r.actual, r.basis) == (61.0, "ytd")


def test_missing_months_make_no_total() -> None:
    r = _one(_jobs(), {(2025, 1, 3): 30.0, (2025, 5, 5): 10.0, (2025, 6, 6): 10.0})
    assert (r.status, r.actual, r.expected) == ("no_data", None, 60.0)
    assert r.reason == "no figure for month 4 of 2025: the total for 2025 Jan-Jun cannot be added up"


def test_no_figure_for_the_month_names_the_last_one() -> None:
    r = _one(_jobs(), {(2025, 1, 3): 30.0}, "2025-06")
    assert r.reason == "no figure for month 4, 5, 6 of 2025: the total for 2025 Jan-Jun cannot be added up"
    r = _one(_jobs(), {(2024, 1, 3): 30.0}, "2025-06")
    assert (r.reason, r.last_year, r.last_value) == ("no actual for 2025 Jan-Jun (last: 30 for 2024 Jan-Mar)",
                                                     2024, 30.0)


def test_a_rate_reads_the_year_to_date_figure_not_the_single_month() -> None:
    t = target("unemployment", kind="annual", comparator="<=", value=5.5)
    r = _one(t, {(2025, 1, 6): 5.2, (2025, 6, 6): 5.0}, "2025-06")
    assert (r.schedule, r.actual, r.basis, r.expected, r.status) == ("none", 5.2, "ytd", 5.5, "on_track")
    r = _one(t, {(2025, 6, 6): 5.0}, "2025-06")
    assert (r.actual, r.basis, r.actual_period) == (5.0, "single", "2025-06")


@pytest.mark.parametrize(("rate", "status", "code"), [
    (5.4, "on_track", "inyear_requirement_met"),
    (5.8, "on_track", "inyear_requirement_short"),  # 5.5/5.8 = 0.948 of it: within --on-track 0.9
    (6.5, "at_risk", "inyear_requirement_short"),
    (10.0, "off_track", "inyear_requirement_short"),
])
def test_an_annual_rate_at_every_status(rate: float, status: str, code: str) -> None:
    t = target("unemployment", kind="annual", comparator="<=", value=5.5)
    r = _one(t, {(2025, 1, 6): rate}, "2025-06", on_track=0.9)
    assert (r.status, r.reason_code) == (status, code)
    assert r.attainment == pytest.approx(5.5 / rate)


def test_a_reference_target_compares_with_the_reference_figure_of_the_same_months() -> None:
    t = target("rd", kind="annual", comparator=">", reference="prov")
    p = plan(t, start=2025, end=2025, baseline_year=2024)
    data = _data({}, {("rd", None): {(2025, 1, 9): 2.9}, ("prov", None): {(2025, 1, 9): 2.7}})
    r = evaluate([p], data, period="2025Q3").results[0]
    assert (r.status, r.target_value, r.expected, r.schedule) == ("on_track", 2.7, 2.7, "none")


# -- growth and cagr: the year-to-date growth against the annual rate -------------------------

@pytest.mark.parametrize(("rate", "status", "code"), [
    (6.2, "on_track", "inyear_growth"),
    (5.8, "on_track", "inyear_growth"),
    (4.5, "at_risk", "inyear_growth_behind"),
    (3.0, "off_track", "inyear_growth_behind"),
    (-0.6, "regressing", "inyear_growth_behind"),
])
def test_growth_rate_at_every_status(rate: float, status: str, code: str) -> None:
    t = target("gdp", kind="growth", value=6.0, actuals="rate")
    r = _one(t, {(2025, 1, 9): rate, (2025, 7, 9): 9.9}, "2025Q3")
    assert (r.status, r.reason_code, r.actual, r.expected, r.basis) == (status, code, rate, 6.0, "ytd")
    assert r.progress_ratio == pytest.approx(1.0 if rate >= 6 else rate / 6)


def test_growth_rate_from_a_single_quarter_alone_is_no_data() -> None:
    t = target("gdp", kind="growth", value=6.0, actuals="rate")
    r = _one(t, {(2025, 7, 9): 4.8, (2025, 1, 6): 5.3}, "2025Q3")
    assert (r.status, r.reason) == ("no_data", "no year-to-date rate for 2025 Jan-Sep (last: 5.3 for 2025 Jan-Jun)")


def test_growth_from_levels_compares_the_same_months_of_last_year() -> None:
    t = target("output", kind="growth", unit="亿元", value=6.0)
    r = _one(t, {(2024, 1, 6): 100.0, (2025, 1, 3): 50.0, (2025, 4, 6): 54.0})
    assert (r.actual, r.level, r.status) == (pytest.approx(4.0), 104.0, "at_risk")
    r = _one(t, {(2025, 1, 6): 104.0})
    assert (r.status, r.reason) == ("no_data", "no figure for 2024 Jan-Jun: the growth for 2025 Jan-Jun cannot be "
                                               "computed")


def test_cagr_in_year_compares_the_year_to_date_growth_with_the_required_rate() -> None:
    t = target("output", kind="cagr", unit="亿元", milestones=((2027, 8.0),))
    p = plan(t, start=2023, end=2027, baseline_year=2022)
    r = _one(t, {(2024, 1, 6): 100.0, (2025, 1, 6): 108.5}, p=p)
    assert (r.method, r.actual, r.expected, r.status) == ("cagr", pytest.approx(8.5), 8.0, "on_track")


# -- level, rank, cumulative: the path within the year --------------------------------------

def _level(months: Mapping[Any, Any], period: str = "2025-06", **kw: Any) -> Result:
    t = target("rd", milestones=((2027, 3.6),))
    p = plan(t, start=2023, end=2027, baseline_year=2022)
    return _one(t, months, period, years={2022: 3.0, 2024: 3.2}, p=p, **kw)


@pytest.mark.parametrize(("value", "status"), [
    (3.31, "on_track"), (3.25, "at_risk"), (3.1, "off_track"), (2.9, "regressing"), (3.7, "met"),
])
def test_level_against_the_path_at_the_month(value: float, status: str) -> None:
    r = _level({(2025, 1, 6): value})
    # E(2024) = 3.24, E(2025) = 3.36: half way is 3.30; 2.5 years of 5 have passed
    assert r.expected == pytest.approx(3.30)
    assert r.time_progress == pytest.approx(0.5)
    assert r.status == status
    if status not in ("met", "regressing"):
        assert r.progress_ratio == pytest.approx((value - 3.0) / 0.3)


def test_level_after_its_target_year_is_met_or_missed() -> None:
    t = target("rd", milestones=((2024, 3.6),))
    p = plan(t, start=2023, end=2027, baseline_year=2022)
    r = _one(t, {(2025, 1, 6): 3.5}, years={2022: 3.0}, p=p)
    assert (r.status, r.reason_code) == ("missed", "final_missed")


def test_cumulative_counts_earlier_years_and_the_months() -> None:
    t = target("firms", kind="cumulative", unit="家", milestones=((2027, 500.0),))
    p = plan(t, start=2023, end=2027, baseline_year=2022)
    r = _one(t, {(2025, 1, 9): 80.0}, "2025-09", years={2023: 100.0, 2024: 100.0}, p=p)
    # path from (2022, 0) to (2027, 500): E(2024) = 200, E(2025) = 300; 9 months: 275
    assert (r.actual, r.expected) == (280.0, pytest.approx(275.0))
    assert r.time_progress == pytest.approx(2.75 / 5)
    assert r.status == "on_track"
    r = _one(t, {(2025, 1, 9): 80.0}, "2025-09", years={2023: 100.0}, p=p)
    assert (r.status, r.reason_code) == ("no_data", "total_missing_years")


def test_milestone_achieved_within_the_year() -> None:
    t = target("lab", kind="milestone", milestones=((2026, True),))
    p = plan(t, start=2023, end=2027, baseline_year=2022)
    r = _one(t, {(2025, 1, 3): False, (2025, 1, 6): True}, p=p)
    assert (r.status, r.achieved_year, r.actual_period, r.reason) == ("met", 2025, "2025-01/2025-06",
                                                                      "achieved by 2025 Jan-Jun")
    r = _one(t, {(2025, 1, 6): False}, p=p)
    assert (r.status, r.actual) == ("pending", False)


# -- the assessment point, and the year end superseding the months ---------------------------

def test_the_latest_months_are_the_default_when_later_than_the_whole_years() -> None:
    t = _jobs()
    p = plan(t, start=2024, end=2025, baseline_year=2023)
    data = _data({("jobs", None): {2024: 130.0}}, {("jobs", None): {(2025, 1, 3): 35.0, (2025, 1, 6): 66.0}})
    report = evaluate([p], data)
    assert (report.plans[0].year, report.plans[0].as_of) == (2025, "2025-06")
    assert (report.results[0].actual, report.results[0].status) == (66.0, "on_track")


def test_a_whole_year_supersedes_its_months_at_the_year_end() -> None:
    t = _jobs()
    p = plan(t, start=2024, end=2025, baseline_year=2023)
    data = _data({("jobs", None): {2025: 118.0}}, {("jobs", None): {(2025, 1, 6): 66.0, (2025, 1, 9): 95.0}})
    report = evaluate([p], data)
    assert (report.plans[0].year, report.plans[0].as_of, report.results[0].as_of) == (2025, None, None)
    assert (report.results[0].actual, report.results[0].status) == (118.0, "missed")
    assert [(s.period, s.value, s.replaced_by) for s in report.superseded] == [
        ("2025-01/2025-06", 66.0, "final"), ("2025-01/2025-09", 95.0, "final")]
    in_year = evaluate([p], data, period="2025-09")
    assert (in_year.results[0].actual, in_year.results[0].status, in_year.superseded) == (95.0, "on_track", ())


def test_december_and_year_are_the_year_end() -> None:
    t = _jobs()
    p = plan(t, start=2024, end=2025, baseline_year=2023)
    data = _data({("jobs", None): {2025: 118.0}}, {("jobs", None): {(2025, 1, 6): 66.0}})
    for report in (evaluate([p], data, period="2025-12"), evaluate([p], data, period=(2025, 12)),
                   evaluate([p], data, year=2025)):
        assert (report.plans[0].as_of, report.results[0].actual) == (None, 118.0)


def test_year_and_period_together_are_refused() -> None:
    with pytest.raises(ValueError, match="not both"):
        evaluate([plan(_jobs())], _data(), year=2025, period="2025-06")
    with pytest.raises(ValueError, match="not between 1 and 12"):
        evaluate([plan(_jobs())], _data(), period=(2025, 13))


def test_year_end_reports_are_unchanged_by_the_in_year_machinery() -> None:
    t = target("rd", milestones=((2027, 3.6),))
    p = plan(t)
    data = _data({("rd", None): {2022: 3.0, 2025: 3.3}})
    result = evaluate([p], data).results[0]
    assert (result.as_of, result.months, result.schedule, result.elapsed) == (None, None, None, None)
    assert "as_of" not in report_to_dict(evaluate([p], data))["results"][0]


# -- mid-year: 时间过半、任务过半 --------------------------------------------------------------

def _midyear(jobs: float) -> str:
    t1, t2 = _jobs(), target("gdp", kind="growth", value=5.0, actuals="rate")
    p = plan(t1, t2, start=2025, end=2025, baseline_year=2024)
    data = _data({}, {("jobs", None): {(2025, 1, 6): jobs}, ("gdp", None): {(2025, 1, 6): 5.3}})
    return summary_line(evaluate([p], data, period="2025H1"), "zh")


def test_mid_year_summary_says_half_the_time_half_the_task_when_it_holds() -> None:
    assert _midyear(61.0) == "policycheck: 共 2 项结果（符合序时进度 2）；0 项不通过；时间过半、任务过半"
    assert _midyear(30.0) == ("policycheck: 共 2 项结果（明显滞后 1，符合序时进度 1）；1 项不通过；"
                              "时间过半，1 项任务未过半")


def test_other_months_have_no_mid_year_clause() -> None:
    t = _jobs()
    p = plan(t, start=2025, end=2025, baseline_year=2024)
    report = evaluate([p], _data({}, {("jobs", None): {(2025, 1, 9): 100.0}}), period="2025-09")
    assert summary_line(report, "en") == "policycheck: 1 results (on track 1); 0 failing"


def test_in_year_report_validates_against_the_schema() -> None:
    t1, t2 = _jobs(schedule="seasonal"), target("rd", milestones=((2027, 3.6),))
    p = plan(t1, t2, start=2023, end=2027, baseline_year=2022)
    data = _data({("jobs", None): {2024: 200.0}, ("rd", None): {2022: 3.0}},
                 {("jobs", None): {(2024, 1, 6): 70.0, (2025, 1, 6): 50.0}, ("rd", None): {(2025, 6, 6): 3.2}})
    data.superseded.append(Superseded("a.csv", 9, "p", "jobs", None, 2025, "estimate", 49.0, "final",
                                      period="2025-01/2025-06"))
    report = report_to_dict(evaluate([p], data, period="2025-06"))
    jsonschema.Draft202012Validator(load_schema("report")).validate(report)
    assert report["plans"][0]["as_of"] == "2025-06"
    assert report["results"][0]["months"][5] == [6, 50.0, 42.0]
