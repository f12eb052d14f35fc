"""explain_target: the assessment-year results and the plan-wide result year by year."""
from __future__ import annotations

import pytest

from evalkit import actuals, plan, target
from policycheck.evaluation import evaluate
from policycheck.explain import Explanation, explain_target
from policycheck.model import Scope

RD = target("rd-intensity", milestones=((2027, 3.6),))
DATA = {("rd-intensity", None): {2022: 3.0, 2023: 3.1, 2024: 3.25, 2025: 3.3}}


def test_results_match_evaluate_and_by_year_covers_the_schedule() -> None:
    p = plan(RD)
    explanation = explain_target(p, "rd-intensity", actuals(DATA))
    assert isinstance(explanation, Explanation)
    assert (explanation.plan, explanation.target, explanation.year) == (p, RD, 2025)
    assert explanation.results == evaluate([p], actuals(DATA)).results
    assert [r.year for r in explanation.by_year] == list(range(2022, 2028))
    # 2022: a = b, nothing required yet; 2023: E = 3.12, rho 0.1/0.12 = 0.833; 2026, 2027: no data.
    assert [r.status for r in explanation.by_year] == [
        "on_track", "at_risk", "on_track", "at_risk", "no_data", "no_data"]
    assert explanation.by_year[1].progress_ratio == pytest.approx(0.1 / 0.12)
    assert explanation.failing is False


def test_failing_and_later_assessment_year() -> None:
    explanation = explain_target(plan(RD), "rd-intensity", actuals(DATA), year=2029, fail_on="no-data")
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
