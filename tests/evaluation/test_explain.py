"""explain_target: the assessment-year results and the plan-wide result year by year."""
from __future__ import annotations

import pytest

from policycheck.evaluation.engine import evaluate
from policycheck.evaluation.explain import Explanation, explain_target
from policycheck.evaluation.options import EvaluationOptions
from policycheck.model import Scope
from tests.helpers.evaluation_inputs import actuals, plan, target

RD = target("rd-intensity", milestones=((2027, 3.6),))
DATA = {("rd-intensity", None): {2022: 3.0, 2023: 3.1, 2024: 3.25, 2025: 3.3}}


def test_results_match_evaluate_and_by_year_covers_the_schedule() -> None:
    p = plan(RD)
    explanation = explain_target(p, "rd-intensity", actuals(DATA))
    assert isinstance(explanation, Explanation)
    assert (explanation.plan, explanation.target, explanation.year) == (p, RD, 2025)
    assert explanation.results == evaluate([p], actuals(DATA)).results
    assert [r.year for r in explanation.by_year] == list(range(2022, 2028))
    # 2022: a = b, nothing required yet; 2023: E = 3.12, rho 0.1/0.12 = 0.833; 2026, 2027: not due yet.
    assert [r.status for r in explanation.by_year] == [
        "on_track", "at_risk", "on_track", "at_risk", "pending", "pending"]
    assert explanation.by_year[1].progress_ratio == pytest.approx(0.1 / 0.12)
    assert explanation.failing is False


def test_failing_and_later_assessment_year() -> None:
    explanation = explain_target(plan(RD), "rd-intensity", actuals(DATA),
                                 EvaluationOptions(year=2029, fail_on="no-data"))
    assert [r.year for r in explanation.by_year] == list(range(2022, 2030))
    assert explanation.results[0].status == "no_data"
    assert explanation.failing is True


def test_scoped_target_gives_unit_results_and_plan_wide_history() -> None:
    area = target("area", milestones=((2027, 1.0),), scope=Scope(units=("a", "b")))
    data = actuals({("area", "a"): {2022: 0.4, 2025: 0.7}, ("area", "b"): {2022: 0.5, 2025: 1.1}})
    explanation = explain_target(plan(area), "area", data)
    assert [r.unit for r in explanation.results] == ["a", "b"]
    assert {r.unit for r in explanation.by_year} == {None}


def test_unknown_target_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="no target 'nope' in plan p"):
        explain_target(plan(RD), "nope", actuals(DATA))


def test_years_after_the_assessment_year_are_pending_with_the_schedule_only() -> None:
    explanation = explain_target(plan(RD), "rd-intensity", actuals(DATA), EvaluationOptions(year=2024))
    assert [(r.year, r.status) for r in explanation.by_year] == [
        (2022, "on_track"), (2023, "at_risk"), (2024, "on_track"),
        (2025, "pending"), (2026, "pending"), (2027, "pending")]
    ahead = explanation.by_year[3:]
    # E(y) on the line from (2022, 3.0) to (2027, 3.6): 3.36, 3.48, 3.6.
    assert [r.expected for r in ahead] == pytest.approx([3.36, 3.48, 3.6])
    # 2025 has a value in the CSV, but it is after the assessment year: not shown.
    assert {(r.actual, r.gap, r.attainment, r.progress_ratio, r.data_status, r.failing) for r in ahead} == {
        (None, None, None, None, None, False)}
    assert ahead[0].reason == "2025 is after the assessment year 2024"
    assert (ahead[0].reason_code, dict(ahead[0].reason_args)) == (
        "not_yet_due", {"year": "2025", "assessment_year": "2024"})


def test_pending_years_of_annual_cagr_and_milestone_targets() -> None:
    annual = target("hitech", kind="annual", value=60.0, years=(2023, 2026))
    cagr = target("output", kind="cagr", milestones=((2027, 15.0),))
    done = target("city", kind="milestone", milestones=((2027, True),))
    data = actuals({("hitech", None): {2023: 61.0, 2024: 58.0}, ("output", None): {2022: 100.0, 2024: 130.0},
                    ("city", None): {2024: False}})
    p = plan(annual, cagr, done)
    by_year = {t: explain_target(p, t, data).by_year for t in ("hitech", "output", "city")}
    # The requirement applies to 2023-2026 only: 2027 has no expected value.
    assert [(r.year, r.status, r.expected) for r in by_year["hitech"][-3:]] == [
        (2025, "pending", 60.0), (2026, "pending", 60.0), (2027, "pending", None)]
    assert [(r.year, r.expected) for r in by_year["output"][-3:]] == [(2025, 15.0), (2026, 15.0), (2027, 15.0)]
    assert [(r.year, r.status, r.expected, r.actual) for r in by_year["city"][-3:]] == [
        (2025, "pending", None, None), (2026, "pending", None, None), (2027, "pending", None, None)]
