"""The report around the results: scopes, ordering, options, failing, summary.

docs/evaluation.md says how; docs/reports.md#json what the report holds.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import policycheck
from policycheck.evaluation.engine import evaluate
from policycheck.findings import Finding
from policycheck.model import STATUSES, Baseline, PlanInfo, Scope
from tests.helpers.evaluation_inputs import actuals, one, plan, target

AREA = target("area", unit="万平方米", milestones=((2027, 1.0),), responsible=("kjj", "jxj"),
              scope=Scope(group="towns"))
TOWNS = {("area", "a"): {2022: 0.4, 2025: 0.7}, ("area", "b"): {2022: 0.5, 2025: 1.1}}


def test_scoped_target_gives_one_result_per_unit() -> None:
    # a: E = 0.4 + 0.6 * 0.6 = 0.76, rho = 0.3 / 0.36 -> at_risk; b: 1.1 >= 1.0 -> met.
    report = evaluate([plan(AREA)], actuals(TOWNS))
    assert [(r.unit, r.status) for r in report.results] == [("a", "at_risk"), ("b", "met")]
    assert report.results[0].progress_ratio == pytest.approx(0.3 / 0.36)


def test_scoped_target_with_plan_wide_rows_comes_first() -> None:
    data = actuals({**TOWNS, ("area", None): {2022: 0.9, 2025: 2.0}})
    report = evaluate([plan(AREA)], data)
    assert [r.unit for r in report.results] == [None, "a", "b"]


def test_allocations_replace_the_schedule_for_each_unit() -> None:
    # a: (2022, 100) -> (2027, 300): E(2025) = 220 = a -> on_track.
    # b: the plan's baseline 150 is the city total, so b starts from its own 50 (2022):
    #    E(2025) = 50 + 0.6 * 150 = 140; rho = 60 / 90 -> at_risk.
    t = target("firms", unit="家", milestones=((2025, 250.0), (2027, 500.0)),
               baseline=Baseline(2022, 150.0), scope=Scope(allocations={"a": 300.0, "b": 200.0}))
    data = actuals({("firms", "a"): {2022: 100.0, 2025: 220.0}, ("firms", "b"): {2022: 50.0, 2025: 110.0}})
    a, b = evaluate([plan(t)], data).results
    assert (a.target_value, a.path, a.status) == (300.0, ((2022, 100.0), (2027, 300.0)), "on_track")
    assert a.expected == pytest.approx(220.0)
    assert b.baseline == Baseline(2022, 50.0)
    assert b.progress_ratio == pytest.approx(60 / 90) and b.status == "at_risk"


def test_results_follow_plan_then_target_order() -> None:
    t1 = target("z-first", milestones=((2027, 1.0),))
    t2 = target("a-second", milestones=((2027, 1.0),))
    p1, p2 = plan(t1, t2, id="p2"), plan(t1, id="p1")
    report = evaluate([p1, p2], actuals({}), year=2025)
    assert [(r.plan, r.target) for r in report.results] == [("p2", "z-first"), ("p2", "a-second"),
                                                            ("p1", "z-first")]


@pytest.mark.parametrize(("fail_on", "strict", "failing"), [
    ("off-track", False, {"bind-missed", "bind-off"}),
    ("at-risk", False, {"bind-missed", "bind-off", "bind-risk"}),
    ("missed", False, {"bind-missed"}),
    ("no-data", False, {"bind-missed", "bind-off", "bind-risk", "bind-none"}),
    ("never", False, set()),
    ("off-track", True, {"bind-missed", "bind-off", "asp-off"}),
])
def test_failing_by_fail_on_and_commitment(fail_on: str, strict: bool, failing: set[str]) -> None:
    ms = ((2027, 3.6),)
    targets = [target("bind-missed", milestones=((2025, 3.5), (2027, 3.6))),
               target("bind-off", milestones=ms), target("bind-risk", milestones=ms),
               target("bind-none", milestones=ms), target("asp-off", milestones=ms, commitment="aspirational")]
    data = actuals({("bind-missed", None): {2022: 3.0, 2025: 3.3}, ("bind-off", None): {2022: 3.0, 2025: 3.1},
                    ("bind-risk", None): {2022: 3.0, 2025: 3.3}, ("asp-off", None): {2022: 3.0, 2025: 3.1}})
    report = evaluate([plan(*targets)], data, fail_on=fail_on, strict=strict)
    assert [r.status for r in report.results] == ["missed", "off_track", "at_risk", "no_data", "off_track"]
    assert {r.target for r in report.results if r.failing} == failing
    assert report.summary.failing == len(failing)
    assert report.summary.by_status == {"missed": 1, "off_track": 2, "at_risk": 1, "no_data": 1}
    assert list(report.summary.by_status) == ["missed", "off_track", "at_risk", "no_data"]
    assert (report.fail_on, report.strict) == (fail_on, strict)


def test_report_header_fields() -> None:
    f2 = Finding("PC405", "warning", "b.csv", 3, 1, "duplicate")
    f1 = Finding("PC407", "warning", "a.csv", 9, 1, "ignored")
    data = actuals({("t", None): {2022: 3.0, 2024: 3.2}})
    data.findings.extend([f2, f1])
    t = target("t", milestones=((2027, 3.6),))
    report = evaluate([plan(t)], data, on_track=0.9)
    assert report.tool == {"name": "policycheck", "version": policycheck.__version__}
    assert report.method == "linear"
    assert report.thresholds == {"on_track": 0.9, "at_risk": 0.6}
    assert report.findings == (f1, f2)
    assert report.plans == (PlanInfo("p", "测试规划", "plans/p.yaml", (2023, 2027), 2022, 2024),)


def test_default_year_is_per_plan_and_no_data_means_the_period_end() -> None:
    t = target("t", milestones=((2027, 3.6),))
    data = actuals({("t", None): {2022: 3.0, 2024: 3.2}})
    data.series[("q", "t", None)] = {2025: data.series[("p", "t", None)][2022]}
    report = evaluate([plan(t), plan(t, id="q"), plan(t, id="empty")], data)
    assert [info.year for info in report.plans] == [2024, 2025, None]
    assert [r.year for r in report.results] == [2024, 2025, 2027]
    assert report.results[2].status == "no_data"


def test_explicit_year_applies_to_every_plan() -> None:
    t = target("t", milestones=((2027, 3.6),))
    report = evaluate([plan(t), plan(t, id="q")], actuals({}), year=2026)
    assert [info.year for info in report.plans] == [2026, 2026]


@pytest.mark.parametrize("options", [{"method": "exp"}, {"fail_on": "sometimes"}])
def test_unknown_options_are_rejected(options: dict[str, str]) -> None:
    with pytest.raises(ValueError, match="unknown"):
        evaluate([plan(target("t", milestones=((2027, 1.0),)))], actuals({}), **options)  # type: ignore[arg-type]


LEVEL_CASE = st.fixed_dictionaries({
    "b": st.floats(0, 100), "v1": st.floats(0, 200), "v2": st.floats(0, 200),
    "year": st.integers(2021, 2029), "a": st.floats(-50, 250), "raise": st.floats(0, 100),
})


@settings(max_examples=300, deadline=None)
@given(LEVEL_CASE)
def test_raising_the_actual_never_worsens_a_higher_is_better_status(case: dict) -> None:
    t = target("t", milestones=((2025, case["v1"]), (2027, case["v2"])))
    low = one(t, {2022: case["b"], case["year"]: case["a"]}, case["year"])
    high = one(t, {2022: case["b"], case["year"]: case["a"] + case["raise"]}, case["year"])
    assert STATUSES.index(high.status) >= STATUSES.index(low.status)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["level", "rank", "cumulative", "annual", "growth", "cagr", "milestone"]),
       st.sampled_from([">=", ">", "<=", "<", "==", "approx"]),
       st.dictionaries(st.integers(2020, 2029), st.one_of(st.none(), st.floats(-10, 1000)), max_size=8),
       st.integers(2020, 2030))
def test_status_is_always_one_of_the_eight(kind: str, cmp: str, data: dict, year: int) -> None:
    if kind == "milestone":
        t = target("t", kind=kind, milestones=((2027, True),))
    elif kind in ("annual", "growth"):
        t = target("t", kind=kind, comparator=cmp, value=5.0)
    else:
        t = target("t", kind=kind, comparator=cmp, milestones=((2025, 50.0), (2027, 100.0)))
    r = one(t, data, year)
    assert r.status in STATUSES
    assert r.reason


def test_thresholds_the_wrong_way_round_are_refused_in_both_languages() -> None:
    """The core stays free of --lang: the error carries both texts, str() is the English
    (README.md#python-api) and the command line picks one (docs/configuration.md#language)."""
    with pytest.raises(policycheck.PolicycheckError) as raised:
        evaluate([plan(AREA)], actuals(TOWNS), on_track=0.5, at_risk=0.6)
    assert str(raised.value) == (
        "plans/p.yaml: the at_risk threshold 0.6 is above the on_track threshold 0.5 (from --at-risk, --on-track, "
        "policycheck.toml or the plan's assessment), so no result could be at_risk; on_track must be at least "
        "at_risk, e.g. the defaults 0.95 and 0.6")
    assert raised.value.in_lang("zh").startswith(
        "plans/p.yaml：at_risk（略有滞后）阈值 0.6 高于 on_track（符合序时进度）阈值 0.5")
    # Equal thresholds are fine: a's ratio 0.83, at_risk by the defaults, is on_track at 0.6.
    assert [r.status for r in evaluate([plan(AREA)], actuals(TOWNS), on_track=0.6, at_risk=0.6).results] == [
        "on_track", "met"]
