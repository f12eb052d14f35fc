"""One target (and unit) at the end of a month: what the in-year rules share (docs/evaluation.md#in-year).

:class:`Job` holds the target, its series of whole years and its in-year
figures (``Actuals.periods``), the month and the outcome being filled; its
methods record the figure a result is judged on, the share of the year due
(:mod:`policycheck.evaluation.inyear_schedule`), the chart data of the months
and the no_data reasons.  The rules of each kind are in
:mod:`policycheck.evaluation.inyear` (annual, growth, cagr) and
:mod:`policycheck.evaluation.inyear_levels` (level, rank, cumulative, milestone).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import cast

from policycheck.evaluation.context import fmt, make_case, unit_milestones, weakest_status
from policycheck.evaluation.figures import Figure, Periods, last_figure, latest, missing_months
from policycheck.evaluation.inyear_schedule import Share, share
from policycheck.evaluation.options import Settings
from policycheck.evaluation.outcome import Outcome
from policycheck.evaluation.reasons import FALLBACK, Reason, because
from policycheck.evaluation.schedule import Requirement, midpoint
from policycheck.model import DataStatus, Plan, Schedule, Status, Target
from policycheck.numtext import actual_apart, expected_apart, gap_apart
from policycheck.observations import Series
from policycheck.periods import Period

#: Units of measure whose annual requirement is a rate, not an amount that builds up over the year.
RATE_UNITS = frozenset({"%", "‰", "％", "百分点", "个百分点", "pp"})
#: What a growth target lacks in-year with ``actuals: rate`` (a word of the no_data reason).
RATE = "year-to-date rate"


def schedule_of(plan: Plan, target: Target) -> Schedule:
    """The target's schedule; else none for rates, references, growth and cagr; else the plan's."""
    if target.kind in ("growth", "cagr", "milestone"):
        return "none"
    if target.schedule is not None:
        return target.schedule
    if target.kind == "annual" and (target.reference is not None or (target.unit or "").strip() in RATE_UNITS):
        return "none"
    return plan.assessment.schedule


class Job:
    """One target (and unit) at the end of a month, and the outcome its rules fill."""

    def __init__(self, plan: Plan, target: Target, unit: str | None, series: Series, periods: Periods,
                 year: int, month: int, settings: Settings, reference: Periods | None) -> None:
        self.plan, self.target, self.unit = plan, target, unit
        self.series, self.periods = series, periods
        self.year, self.month, self.settings = year, month, settings
        self.reference = reference
        self.case = make_case(plan, target, unit, series, year, settings, unit_milestones(target, unit))
        self.key = Period(year, 1, month).key
        self.schedule = schedule_of(plan, target)
        self.out = Outcome(observed=series.observed(), method="linear")

    def use(self, figure: Figure) -> float:
        """Record the figure a result is judged on; its value as a number."""
        out = self.out
        out.actual_period, out.basis, out.data_status = figure.period.key, figure.basis, figure.status
        out.source, out.note = figure.source, figure.note
        return float(figure.value)

    def no_data(self, what: str = "actual", *, need_total: bool = False) -> None:
        """no_data, naming the months missing from a total or the last figure there is."""
        holes = missing_months(self.periods, self.year, self.month) if need_total else []
        reason: Reason
        if holes and len(holes) < self.month:
            reason = because("inyear_missing_months", months=", ".join(str(m) for m in holes), year=self.year,
                             period=self.key)
        else:
            last = last_figure(self.periods, self.year, self.month, year_to_date_only=what == RATE)
            if last is None:
                reason = because("inyear_no_data", what=what, period=self.key)
            else:
                reason = because("inyear_no_data_last", what=what, period=self.key, last_period=last[0].key,
                                 last_value=fmt(last[1].value))
                self.out.last_year, self.out.last_value = last[0].year, last[1].value
        self.out.judge("no_data", reason)

    def share_due(self, flow: bool) -> Share:
        """The share of the year due at the month, recorded in the outcome."""
        found = share(self.schedule, self.month, flow=flow, periods=self.periods, series=self.series,
                      year=self.year)
        self.out.elapsed, self.out.schedule = found.value, found.schedule
        self.out.schedule_years = found.years or None
        return found

    def share_at(self, month: int, flow: bool, due: Share) -> float | None:
        """The share due at another month, for the chart; None where the schedule used differs
        (a seasonal line does not borrow linear points for months earlier years lack)."""
        if month == self.month:
            return due.value
        found = share(self.schedule, month, flow=flow, periods=self.periods, series=self.series, year=self.year)
        return found.value if found.schedule == due.schedule else None

    def chart_months(self, expected_at: Callable[[int], float | None],
                     actual_at: Callable[[int], Figure | None]) -> None:
        """The chart data of the year: (month, actual or None, expected or None) for months 1..12."""
        rows = []
        for m in range(1, 13):
            figure = actual_at(m) if m <= self.month else None
            value = None if figure is None or isinstance(figure.value, bool) else float(figure.value)
            rows.append((m, value, expected_at(m)))
        self.out.months = tuple(rows)

    def judge(self, status: str, reason: Reason) -> None:
        """Settle a status computed by a rule (classify_ratio gives a plain string)."""
        self.out.judge(cast(Status, status), reason)

    def requirement(self) -> Requirement | None:
        """v: the unit's allocation, the target's value or the reference's figure at the month."""
        scope = self.target.scope
        if scope is not None and scope.allocations is not None and self.unit is not None:
            return float(scope.allocations[self.unit])
        if self.reference is not None:
            figure = latest(self.reference, self.year, self.month)
            return None if figure is None or isinstance(figure.value, bool) else float(figure.value)
        value = self.target.value
        if value is None:
            return None
        return (float(value[0]), float(value[1])) if isinstance(value, tuple) else float(value)

    def no_requirement(self) -> None:
        """no_data: the reference has no figure for the months."""
        self.out.judge("no_data", because("no_reference_value", reference=self.target.reference,
                                          year=self.year))

    def schedule_reason(self, status: str, a: float, expected: Requirement, period: str, due: Share) -> None:
        """on_track or behind the schedule: the status and its reason (a range stated as one,
        the difference from its nearer end)."""
        # behind, no number is rounded onto the one it is compared with (docs/reports.md#rounding-apart)
        args = {"schedule": due.schedule, "fallback": FALLBACK if due.fallback else "",
                "actual": actual_apart(a, status, self.out), "period": period,
                "expected": fmt(expected) if isinstance(expected, tuple) else expected_apart(expected, status, a)}
        if status == "on_track":
            self.judge(status, because("inyear_on_schedule", **args))
            return
        lo, hi = expected if isinstance(expected, tuple) else (expected, expected)
        gap = a - hi if a > hi else a - lo if a < lo else a - midpoint(expected)
        code = "inyear_behind_above" if gap > 0 else "inyear_behind_below"
        self.judge(status, because(code, **args, difference=gap_apart(abs(gap), status)))


def weakest(*figures: Figure) -> DataStatus | None:
    """The weakest data status of figures a result combines."""
    return weakest_status([f.status or "final" for f in figures])
