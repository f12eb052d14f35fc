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

Assessed at the end of a month (``--period``, docs/evaluation.md#in-year),
the year of that month shows the in-year result, and ``by_month`` the
plan-wide result at the end of every month of that year; months after the
assessed one are pending like years not due yet.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from policycheck.evaluation.context import baseline_year, make_case, unit_milestones
from policycheck.evaluation.engine import (
    assessment_point,
    assessment_year,
    evaluate_plans,
    evaluate_target,
    evaluate_target_in_year,
    in_year,
    make_result,
    target_fields,
    unit_outcome,
)
from policycheck.evaluation.options import DEFAULT_OPTIONS, EvaluationOptions, Settings, resolve_settings
from policycheck.evaluation.outcome import Outcome
from policycheck.evaluation.reasons import because
from policycheck.evaluation.resulttable import TargetFields
from policycheck.evaluation.schedule import midpoint, path_value
from policycheck.findings import Finding
from policycheck.kinds import Family, kind_spec
from policycheck.model import Plan, Report, Result, Target
from policycheck.observations import Actuals
from policycheck.records import record


@record(frozen=True, slots=True)
class Explanation:
    """A target evaluated at the assessment year and at every year of its schedule."""

    plan: Plan
    target: Target
    year: int
    results: tuple[Result, ...]
    by_year: tuple[Result, ...]
    failing: bool
    #: an in-year explanation: the month it is made at the end of (``2025-09``), and the
    #: plan-wide result at the end of every month of that year
    as_of: str | None = None
    by_month: tuple[Result, ...] = ()


def explain_target(plan: Plan, target_id: str, actuals: Actuals,
                   options: EvaluationOptions = DEFAULT_OPTIONS) -> Explanation:
    """Evaluate one target at the assessment year and year by year.

    Raises ValueError for an unknown target id (the command line checks it
    first and suggests a close match).
    """
    target = _target(plan, target_id)
    settings = resolve_settings(plan, options)
    point_year, month = assessment_point(plan, actuals, options)
    if point_year is not None and month is not None:
        return _explain_in_year(plan, target, actuals, point_year, month, settings)
    when = assessment_year(plan, point_year)
    results = tuple(evaluate_target(plan, target, actuals, when, settings))
    base = target_fields(plan, target)
    due = [make_result(base, None, y, outside_years(target, y, unit_outcome(plan, target, actuals, None, y, settings)),
                       settings)
           for y in range(min(_first_year(plan, target, actuals, when, settings), when), when + 1)]
    ahead = _years_ahead(plan, target, actuals, base, when, settings, due)
    return Explanation(plan=plan, target=target, year=when, results=results, by_year=(*due, *ahead),
                       failing=any(r.failing for r in results))


def _explain_in_year(plan: Plan, target: Target, actuals: Actuals, when: int, month: int,
                     settings: Settings) -> Explanation:
    """The years before the month's year at their ends, that year at the month, every month of it."""
    results = tuple(evaluate_target_in_year(plan, target, actuals, when, month, settings))
    base = target_fields(plan, target)
    due = [make_result(base, None, y, outside_years(target, y, unit_outcome(plan, target, actuals, None, y, settings)),
                       settings)
           for y in range(min(_first_year(plan, target, actuals, when, settings), when - 1), when)]
    current = make_result(base, None, when, in_year(plan, target, actuals, None, when, month, settings),
                          settings)
    ahead = _years_ahead(plan, target, actuals, base, when, settings, [*due, current])
    months = []
    for m in range(1, 13):
        outcome = in_year(plan, target, actuals, None, when, m, settings)
        if m > month:
            month_not_due(outcome, current)
        months.append(make_result(base, None, when, outcome, settings))
    return Explanation(plan=plan, target=target, year=when, results=results, by_year=(*due, current, *ahead),
                       failing=any(r.failing for r in results), as_of=current.as_of, by_month=tuple(months))


def _first_year(plan: Plan, target: Target, actuals: Actuals, when: int, settings: Settings) -> int:
    """The target's baseline year: an explanation shows every year from it."""
    series = actuals.get(plan.id, target.id)
    return baseline_year(make_case(plan, target, None, series, when, settings, unit_milestones(target, None)))


def _years_ahead(plan: Plan, target: Target, actuals: Actuals, base: TargetFields, when: int,
                 settings: Settings, due: Sequence[Result]) -> list[Result]:
    """The years after ``when`` to the plan's end, pending, each with its expected value on the schedule."""
    family = kind_spec(target.kind).family
    ahead = []
    for y in range(when + 1, plan.period_end + 1):
        outcome = unit_outcome(plan, target, actuals, None, y, settings)
        not_yet_due(outcome, family, y, when, due)
        ahead.append(make_result(base, None, y, outcome, settings))
    return ahead


def outside_years(target: Target, year: int, outcome: Outcome) -> Outcome:
    """``outcome`` without a requirement when ``year`` is outside an annual or growth target's ``years``.

    The requirement applies to the years of ``years`` alone (docs/evaluation.md#annual-growth): a year
    before them (2020-2022 of a 2023年 requirement) has no 序时目标值 and no gap, only its actual.  A
    one-year requirement after its year keeps the result of that year, requirement and all
    (docs/evaluation.md#one-year-requirements).
    """
    if target.years is None or kind_spec(target.kind).family != "yearly":
        return outcome
    first, last = target.years
    if first <= year <= last or (first == last and year > last):
        return outcome
    outcome.expected = outcome.expected_range = outcome.gap = outcome.margin = outcome.attainment = None
    return outcome


def month_not_due(outcome: Outcome, current: Result) -> None:
    """A month after the assessed one: pending, with only the expected value on its schedule.

    A month whose share comes from another schedule than the assessed month's
    (a seasonal schedule without earlier figures for that month falls back to
    the linear one) shows no expected value rather than a point of another line.
    """
    if outcome.schedule != current.schedule:
        outcome.expected = None
    outcome.keep_schedule()
    outcome.source = outcome.note = None
    outcome.months = None  # figures after the assessed month are not read
    outcome.judge("pending", because("not_yet_due", year=outcome.as_of, assessment_year=current.as_of))


def target_report(plan: Plan, target_id: str, actuals: Actuals, options: EvaluationOptions = DEFAULT_OPTIONS,
                  *, plan_findings: Sequence[Finding] = ()) -> Report:
    """The check report of one target alone, for ``explain -f json|csv|...``, ``-o`` and ``-q``.

    The plan is evaluated with only this target, so results, the unit view and
    the summary count this target only; the assessment year is chosen as for
    the whole plan (its latest year with data), as ``check`` would.  The
    findings are kept whole (they concern the files read); superseded rows are
    those of this target.
    """
    target = _target(plan, target_id)
    report = evaluate_plans([replace(plan, targets=(target,))], actuals, options, plan_findings=plan_findings)
    superseded = tuple(s for s in report.superseded if s.plan == plan.id and s.target == target_id)
    return replace(report, superseded=superseded)


def _target(plan: Plan, target_id: str) -> Target:
    """The plan's target of that id; ValueError for an unknown id."""
    target = plan.target(target_id)
    if target is None:
        raise ValueError(f"no target {target_id!r} in plan {plan.id}")
    return target


def not_yet_due(outcome: Outcome, family: Family, year: int, assessment_year: int, due: Sequence[Result]) -> None:
    """A year after the assessment year: pending, with only the expected value on the schedule."""
    outcome.expected = schedule_value(outcome, family, year, due)
    outcome.keep_schedule()
    outcome.judge("pending", because("not_yet_due", year=year, assessment_year=assessment_year))


def schedule_value(outcome: Outcome, family: Family, year: int, due: Sequence[Result]) -> float | None:
    """The expected value of ``year`` on the schedule (None where there is none).

    ``outcome`` is the evaluation at that year: annual and growth targets carry
    that year's requirement (or reference value) in ``target_value`` whether or
    not there is an actual; cagr targets the required rate in ``expected``.  The
    path of level-type targets is resolved only with an actual, so it is taken
    from the latest due year that has one.
    """
    if family == "milestone":
        return None
    if family == "cagr":
        return outcome.expected
    if family == "yearly":
        applies = outcome.target_year is None or year <= outcome.target_year
        value = outcome.target_value
        if not applies or value is None or isinstance(value, bool):
            return None
        return midpoint(value)
    if family == "category":
        return None  # grades have no expected amount (docs/evaluation.md#categories)
    if outcome.expected is not None:
        return outcome.expected  # E(year) on the target's own schedule: whole, step or compounding
    points = next((r.path for r in reversed(due) if r.path), outcome.path)
    return path_value(points, year)
