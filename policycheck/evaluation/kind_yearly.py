"""Status of annual and growth targets: a requirement for every year (docs/evaluation.md#annual-growth).

Each due year up to Y is judged on its own (``history``); the status at Y is
the judgement of year Y.  The requirement is the target's ``value`` or, with a
``reference``, that series' value in the same year.
"""
from __future__ import annotations

from policycheck.evaluation.context import Case, fmt, mark_no_data, no_data_reason, value_at, weakest_status
from policycheck.evaluation.outcome import Outcome
from policycheck.evaluation.reasons import Reason, because
from policycheck.evaluation.schedule import Requirement, attainment, growth_rate, midpoint, satisfies
from policycheck.model import DataStatus, HistoryEntry, Status


def evaluate_yearly(case: Case) -> Outcome:
    """An annual or growth target at the case's year; ``case.reference`` is r(y) if the target has one."""
    first, last = _years(case)
    out = Outcome(observed=case.series.observed(), target_year=last, method="linear",
                  path=_path(case, first, last))
    history = tuple(_judge(case, y)[0] for y in range(first, min(case.year, last) + 1))
    out.history = history
    out.years_due = len(history)
    out.years_met = sum(1 for entry in history if entry.status == "met")
    entry, v, why = _judge(case, case.year)
    out.actual, out.target_value = entry.actual, v
    if entry.actual is not None:
        out.data_status = _data_status(case)
    if v is not None:
        out.expected = midpoint(v)  # the requirement needs no actual
    if v is not None and entry.actual is not None:
        a = entry.actual
        out.gap = a - midpoint(v)
        out.attainment = attainment(a, case.cmp, v, tol=case.tol)
    if not first <= case.year <= last:
        out.judge("pending", because("outside_years", year=case.year, first=first, last=last))
    elif entry.status == "no_data":
        mark_no_data(out, case, why)
    else:
        code = "year_met" if entry.status == "met" else "year_missed"
        out.judge(entry.status, because(code, year=case.year, target=fmt(v), actual=fmt(entry.actual),
                                        years_met=out.years_met, years_due=out.years_due))
    return out


def _years(case: Case) -> tuple[int, int]:
    if case.target.years is not None:
        return case.target.years
    return case.plan.period_start, case.plan.period_end


def _requirement(case: Case, year: int) -> Requirement | None:
    """v for one year: the reference value r(y), the unit's allocation, or the target's value."""
    allocations = case.target.scope.allocations if case.target.scope is not None else None
    if allocations is not None and case.unit is not None:
        return float(allocations[case.unit])
    if case.target.reference is not None:
        return value_at(case.reference, year) if case.reference is not None else None
    value = case.target.value
    if value is None:
        return None
    return (float(value[0]), float(value[1])) if isinstance(value, tuple) else float(value)


def _judge(case: Case, year: int) -> tuple[HistoryEntry, Requirement | None, Reason | None]:
    """One year: the actual, the requirement, met/missed/no_data, and why it is no_data."""
    a, why = _actual(case, year)
    v = _requirement(case, year)
    if a is None:
        return HistoryEntry(year, None, "no_data"), v, why
    if v is None:
        why = because("no_reference_value", reference=case.target.reference, year=year)
        return HistoryEntry(year, a, "no_data"), v, why
    status: Status = "met" if satisfies(a, case.cmp, v, case.tol) else "missed"
    return HistoryEntry(year, a, status), v, None


def _actual(case: Case, year: int) -> tuple[float | None, Reason | None]:
    """The actual of one year: the value, or the growth rate from two levels; else why there is none."""
    level = value_at(case.series, year)
    if case.target.kind == "annual" or case.target.actuals == "rate":
        return level, None if level is not None else _missing(case, year, "actual")
    if level is None:
        return None, _missing(case, year, "level")
    previous = value_at(case.series, year - 1)
    if previous is None:
        return None, because("no_previous_level", previous=year - 1, year=year)
    rate = growth_rate(level, previous)
    if rate is None:
        return None, because("previous_not_positive", previous=year - 1, level=fmt(previous), year=year)
    return rate, None


def _missing(case: Case, year: int, what: str) -> Reason:
    if year == case.year:
        return no_data_reason(case, what)
    return because("no_data_year", what=what, year=year)


def _data_status(case: Case) -> DataStatus | None:
    """The data status at Y; a growth rate from levels is as weak as its weaker year."""
    statuses = [status for y in (case.year, case.year - 1)
                if (status := case.series.status(y)) is not None and case.series.value(y) is not None]
    if case.target.kind == "annual" or case.target.actuals == "rate":
        statuses = statuses[:1]
    return weakest_status(statuses)


def _path(case: Case, first: int, last: int) -> tuple[tuple[int, float], ...]:
    """The requirement line for charts: the value over the due years, or r(y) year by year."""
    if case.target.reference is None or case.allocated:
        v = _requirement(case, first)
        return () if v is None else ((first, midpoint(v)), (last, midpoint(v)))
    points = []
    for year in range(first, last + 1):
        v = _requirement(case, year)
        if v is not None:
            points.append((year, midpoint(v)))
    return tuple(points)
