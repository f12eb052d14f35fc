"""One target year by year (``policycheck explain``): the data behind the terminal chart.

The assessment-year results are exactly those :func:`policycheck.evaluation.evaluate`
gives; ``by_year`` re-evaluates the plan-wide result at every year from the
baseline year to the later of the period end and the assessment year.
"""
from __future__ import annotations

from dataclasses import dataclass

from policycheck.case import baseline_year, make_case
from policycheck.evaluation import (assessment_year, check_options, common_fields, evaluate_target,
                                  evaluate_unit, resolve_settings, unit_milestones)
from policycheck.model import Actuals, Plan, Result, Target


@dataclass(frozen=True, slots=True)
class Explanation:
    """A target evaluated at the assessment year and at every year of its schedule."""

    plan: Plan
    target: Target
    year: int
    results: tuple[Result, ...]
    by_year: tuple[Result, ...]
    failing: bool


def explain_target(plan: Plan, target_id: str, actuals: Actuals, *, year: int | None = None,
                   method: str | None = None, on_track: float | None = None,
                   at_risk: float | None = None, fail_on: str = "off-track",
                   strict: bool = False) -> Explanation:
    """Evaluate one target at the assessment year and year by year.

    Raises ValueError for an unknown target id (the CLI checks it first and
    suggests a close match).
    """
    check_options(method, fail_on)
    target = plan.target(target_id)
    if target is None:
        raise ValueError(f"no target {target_id!r} in plan {plan.id}")
    settings = resolve_settings(plan, method=method, on_track=on_track, at_risk=at_risk,
                                fail_on=fail_on, strict=strict)
    when = assessment_year(plan, year if year is not None else actuals.latest_year(plan.id))
    results = tuple(evaluate_target(plan, target, actuals, when, settings))
    first = baseline_year(make_case(plan, target, None, {}, when, settings, unit_milestones(target, None)))
    base = common_fields(plan, target)
    by_year = tuple(
        evaluate_unit(plan, target, actuals, None, y, settings, base=base)
        for y in range(min(first, when), max(plan.period_end, when) + 1))
    return Explanation(plan=plan, target=target, year=when, results=results, by_year=by_year,
                       failing=any(r.failing for r in results))

