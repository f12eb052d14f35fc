"""One target year by year (``policycheck explain``): the data behind the terminal chart.

The assessment-year results are exactly those :func:`policycheck.evaluation.engine.evaluate`
gives; ``by_year`` re-evaluates the plan-wide result at every year from the
baseline year to the later of the period end and the assessment year.

A year after the assessment year is not due yet: a statistician reads the
schedule ahead, not "no data".  Such a year is ``pending`` with the reason
``not_yet_due``; it carries only the expected value on the schedule (E(y) of
level, rank and cumulative targets; the requirement of that year for annual
and growth targets; the required rate for cagr targets) and no actual, gap or
pace, even when the CSV already holds a later value.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from policycheck.evaluation.context import baseline_year, make_case
from policycheck.evaluation.engine import (
    assessment_year,
    check_options,
    common_fields,
    evaluate,
    evaluate_target,
    evaluate_unit,
    resolve_settings,
    unit_milestones,
)
from policycheck.evaluation.reasons import because
from policycheck.evaluation.schedule import midpoint, path_value
from policycheck.model import Actuals, Plan, Report, Result, Target


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
    target = _target(plan, target_id)
    settings = resolve_settings(plan, method=method, on_track=on_track, at_risk=at_risk,
                                fail_on=fail_on, strict=strict)
    when = assessment_year(plan, year if year is not None else actuals.latest_year(plan.id))
    results = tuple(evaluate_target(plan, target, actuals, when, settings))
    first = baseline_year(make_case(plan, target, None, {}, when, settings, unit_milestones(target, None)))
    base = common_fields(plan, target)
    due = [evaluate_unit(plan, target, actuals, None, y, settings, base=base)
           for y in range(min(first, when), when + 1)]
    ahead = [not_yet_due(evaluate_unit(plan, target, actuals, None, y, settings, base=base), when, due)
             for y in range(when + 1, plan.period_end + 1)]
    by_year = tuple(due + ahead)
    return Explanation(plan=plan, target=target, year=when, results=results, by_year=by_year,
                       failing=any(r.failing for r in results))


def target_report(plan: Plan, target_id: str, actuals: Actuals, *, year: int | None = None,
                  method: str | None = None, on_track: float | None = None, at_risk: float | None = None,
                  fail_on: str = "off-track", strict: bool = False) -> Report:
    """The check report of one target alone, for ``explain -f json|csv|...``, ``-o`` and ``-q``.

    The plan is evaluated with only this target, so results, the unit view and
    the summary count this target only; the assessment year is chosen as for
    the whole plan (its latest year with data), as ``check`` would.  The CSV
    findings are kept whole (they concern the files read); superseded rows are
    those of this target.
    """
    target = _target(plan, target_id)
    report = evaluate([replace(plan, targets=(target,))], actuals, year=year, method=method,
                      on_track=on_track, at_risk=at_risk, fail_on=fail_on, strict=strict)
    superseded = tuple(s for s in report.superseded if s.plan == plan.id and s.target == target_id)
    return replace(report, superseded=superseded)


def _target(plan: Plan, target_id: str) -> Target:
    """The plan's target of that id; ValueError for an unknown id."""
    target = plan.target(target_id)
    if target is None:
        raise ValueError(f"no target {target_id!r} in plan {plan.id}")
    return target


#: What a year that is not due yet does not have: no actual, no comparison with it.
_NOT_YET = {"actual": None, "data_status": None, "gap": None, "attainment": None, "progress": None,
            "progress_ratio": None, "required_annual": None, "trend_annual": None, "projected": None,
            "projected_met": None, "history": None, "years_met": None, "years_due": None, "level": None,
            "achieved_year": None, "last_year": None, "last_value": None}


def not_yet_due(result: Result, assessment_year: int, due: list[Result]) -> Result:
    """A year after the assessment year: pending, with only the expected value on the schedule."""
    return replace(result, **_NOT_YET, status="pending", failing=False,
                   expected=schedule_value(result, due),
                   **because("not_yet_due", year=result.year, assessment_year=assessment_year))


def schedule_value(result: Result, due: list[Result]) -> float | None:
    """The expected value of ``result.year`` on the schedule (None where there is none).

    ``result`` is the evaluation at that year: annual and growth targets carry
    that year's requirement (or reference value) in ``target_value`` whether or
    not there is an actual; cagr targets the required rate in ``expected``.  The
    path of level-type targets is resolved only with an actual, so it is taken
    from the latest due year that has one.
    """
    if result.kind == "milestone":
        return None
    if result.kind == "cagr":
        return result.expected
    if result.kind in ("annual", "growth"):
        applies = result.target_year is None or result.year <= result.target_year
        value = result.target_value
        if not applies or value is None or isinstance(value, bool):
            return None
        return midpoint(value)
    points = next((r.path for r in reversed(due) if r.path), result.path)
    return path_value(points, result.year)
