"""Status of annual and growth targets: a requirement for every year (docs/evaluation.md#annual-growth).

Each due year up to Y is judged on its own (``history``); the status at Y is
the judgement of year Y.  The requirement is the target's ``value`` or, with a
``reference``, that series' value in the same year.
"""
from __future__ import annotations

from policycheck.evaluation.context import Case, fmt, fmt_judged, mark_no_data, no_data_reason, value_at, weakest_status
from policycheck.evaluation.judge import attained, meets, signed_margin, travel
from policycheck.evaluation.outcome import Outcome
from policycheck.evaluation.reasons import Reason, because
from policycheck.evaluation.requirement import requirement_text
from policycheck.evaluation.schedule import Requirement, growth_rate, midpoint
from policycheck.model import DataStatus, HistoryEntry, Status
from policycheck.verdicts import stated_verdict


def evaluate_yearly(case: Case) -> Outcome:
    """An annual or growth target at the case's year; ``case.reference`` is r(y) if the target has one.

    A one-year requirement (``years: [T, T]``, 2021年…安排6.6亿元) keeps the
    verdict of year T in every later year (docs/evaluation.md#one-year-requirements):
    it was done or not done then, and a later check does not make it "not due".
    """
    first, last = _years(case)
    kept = case.target.years is not None and first == last and case.year > last
    judged = last if kept else case.year
    out = Outcome(observed=case.series.observed(), target_year=last, method="linear",
                  path=_path(case, first, last))
    history = tuple(_judge(case, y)[0] for y in range(first, min(case.year, last) + 1))
    out.history = history
    out.years_due = len(history)
    out.years_met = sum(1 for entry in history if entry.status == "met")
    entry, v, why = _judge(case, judged)
    out.actual, out.target_value = entry.actual, v
    if kept:
        out.data_year = judged  # the row the verdict rests on, for its source and note
    if entry.actual is not None:
        out.data_status = _data_status(case, judged)
    if v is not None:
        out.expected = midpoint(v)  # the requirement needs no actual
        out.expected_range = v if isinstance(v, tuple) else None
    if v is not None and entry.actual is not None:
        a = entry.actual
        out.gap = a - midpoint(v)
        out.margin = signed_margin(case, a, v, v, travel(case, None, midpoint(v)))
        out.attainment = attained(case, a, v)
    if not kept and not first <= case.year <= last:
        out.judge("pending", because("outside_years", year=case.year, first=first, last=last))
    elif entry.status == "no_data":
        if kept:
            out.judge("no_data", because("one_year_no_data", year=judged, target=_stated(case, v)))
        else:
            mark_no_data(out, case, why)
    elif kept:
        code = "one_year_met" if entry.status == "met" else "one_year_missed"
        out.judge(entry.status, because(code, year=judged, target=_stated(case, v),
                                        actual=fmt_judged(entry.actual, entry.status, out)))
    else:
        out.judge(entry.status, _year_reason(case, entry, v, history, out))
    return out


def _stated(case: Case, v: Requirement | None) -> str:
    """The year's requirement as the reason states it (``≥60``, ``3—5``, ``>10.5``)."""
    return requirement_text(case.target, v, tolerance=case.tol) if v is not None else "none"


def _year_reason(case: Case, entry: HistoryEntry, v: Requirement | None, history: tuple[HistoryEntry, ...],
                 out: Outcome) -> Reason:
    """"2025 requirement ≥15 met: actual 15.6 (3 of 3 due years met)"; years without data are
    not counted as unmet but named ("3 of 3 years with data met; no data for 2021–2022")."""
    met = entry.status == "met"
    missing = [e.year for e in history if e.status == "no_data"]
    common = {"year": case.year, "target": _stated(case, v), "actual": fmt_judged(entry.actual, entry.status, out),
              "years_met": out.years_met}
    if not missing:
        return because("year_met" if met else "year_missed", **common, years_due=len(history))
    return because("year_met_gaps" if met else "year_missed_gaps", **common,
                   years_data=len(history) - len(missing), missing=year_ranges(missing))


def year_ranges(years: list[int]) -> str:
    """2021, 2022, 2024 -> "2021–2022, 2024": runs of years as ranges."""
    runs: list[list[int]] = []
    for year in sorted(years):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(str(run[0]) if len(run) == 1 else f"{run[0]}–{run[-1]}" for run in runs)


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
        stated = case.series.stated(year)
        if stated is not None:  # the year's verdict as the source states it (docs/evaluation.md#stated-verdicts)
            return HistoryEntry(year, None, "met" if stated_verdict(stated) else "missed"), v, None
        return HistoryEntry(year, None, "no_data"), v, why
    if v is None:
        why = because("no_reference_value", reference=case.target.reference, year=year)
        return HistoryEntry(year, a, "no_data"), v, why
    status: Status = "met" if meets(case, a, v) else "missed"
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


def _data_status(case: Case, year: int) -> DataStatus | None:
    """The data status of ``year``; a growth rate from levels is as weak as its weaker year."""
    statuses = [status for y in (year, year - 1)
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
