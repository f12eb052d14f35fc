"""Targets at the end of a month within a year: 序时进度 against annual targets (docs/evaluation.md#in-year).

``--period 2025-09`` assesses every target at the end of September 2025 from
the in-year figures of the CSV (:mod:`policycheck.evaluation.figures`):

* an annual quantity (每年新增60家): the year-to-date total against the
  requirement times the share of the year due (:mod:`policycheck.evaluation.inyear_schedule`);
* an annual rate or a reference (%, 高于全省平均): the latest figure against the
  requirement itself;
* growth and cagr (增长6%, 年均增长6%): the year-to-date growth against the
  annual (or required average) rate;
* level, rank and cumulative (multi-year): the latest value (for cumulative, the
  years since ``since`` plus this year's total) against the path at the month,
  E(Y-1) + s × (E(Y) - E(Y-1));
* milestone: achieved by the month, or as at the end of last year.

Statuses and thresholds are those of the year end; a year's final verdict
(met or missed on an annual requirement) is never given before the year is
over, except when the whole year's requirement is already reached (met) or a
year's limit already exceeded (missed).  Pure: no I/O.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import get_args

from policycheck.actuals.periods import Period
from policycheck.evaluation.context import (
    baseline_year,
    fmt,
    make_case,
    resolve_baseline,
    resolve_requirement,
    value_at,
    weakest_status,
)
from policycheck.evaluation.engine import TargetFields, make_result, target_fields, unit_milestones
from policycheck.evaluation.figures import Figure, Periods, last_figure, latest, missing_months, total
from policycheck.evaluation.inyear_schedule import Share, share
from policycheck.evaluation.options import Settings
from policycheck.evaluation.outcome import Outcome
from policycheck.evaluation.reasons import FALLBACK, Reason, because
from policycheck.evaluation.schedule import (
    Requirement,
    attainment,
    classify_ratio,
    direction,
    eps,
    linear_ratio,
    midpoint,
    path_value,
    progress,
    satisfies,
)
from policycheck.model import DataStatus, Plan, Result, Schedule, Status, Target
from policycheck.observations import Actuals, Series

#: Units of measure whose annual requirement is a rate, not an amount that builds up over the year.
RATE_UNITS = frozenset({"%", "‰", "％", "百分点", "个百分点", "pp"})
_STATUSES: frozenset[str] = frozenset(get_args(Status))
#: What a growth target lacks in-year with ``actuals: rate`` (a word of the no_data reason).
RATE = "year-to-date rate"


def evaluate_target_in_year(plan: Plan, target: Target, actuals: Actuals, year: int, month: int,
                            settings: Settings) -> list[Result]:
    """The results of one target at the end of ``month`` of ``year``: plan-wide, then per scope unit."""
    base = target_fields(plan, target)
    return [in_year_result(base, plan, target, actuals, unit, year, month, settings)
            for unit in result_units(plan, target, actuals)]


def in_year_result(base: TargetFields, plan: Plan, target: Target, actuals: Actuals, unit: str | None,
                   year: int, month: int, settings: Settings) -> Result:
    """One result at the end of ``month`` of ``year``."""
    return make_result(base, unit, year, in_year_outcome(plan, target, actuals, unit, year, month, settings),
                       settings)


def in_year_outcome(plan: Plan, target: Target, actuals: Actuals, unit: str | None, year: int, month: int,
                    settings: Settings) -> Outcome:
    """What the in-year rules compute for one unit at the end of ``month`` of ``year``."""
    key = (plan.id, target.id, unit)
    reference = None
    if target.reference is not None:
        reference = actuals.periods.get((plan.id, target.reference, None), {})
    job = _Job(plan, target, unit, actuals.get(*key), actuals.periods.get(key, {}), year, month, settings,
               reference)
    out = job.run()
    out.as_of = f"{year}-{month:02d}"
    return out


def result_units(plan: Plan, target: Target, actuals: Actuals) -> list[str | None]:
    """None (plan-wide) unless the target is scoped without plan-wide rows, then the scope units."""
    if target.scope is None:
        return [None]
    units: list[str | None] = list(plan.scope_units(target))
    key = (plan.id, target.id, None)
    if key in actuals.series or key in actuals.periods:
        units.insert(0, None)
    return units


def schedule_of(plan: Plan, target: Target) -> Schedule:
    """The target's schedule; else none for rates, references, growth and cagr; else the plan's."""
    if target.kind in ("growth", "cagr", "milestone"):
        return "none"
    if target.schedule is not None:
        return target.schedule
    if target.kind == "annual" and (target.reference is not None or (target.unit or "").strip() in RATE_UNITS):
        return "none"
    return plan.assessment.schedule


class _Job:
    """One target (and unit) at the end of a month: the rules of docs/evaluation.md#in-year."""

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

    def run(self) -> Outcome:
        kind = self.target.kind
        if kind == "annual":
            self._annual()
        elif kind in ("growth", "cagr"):
            self._growth()
        elif not self.case.milestones:
            self.out.judge("pending", because("no_milestones"))
        elif kind == "milestone":
            self._milestone()
        else:
            self._trajectory()
        return self.out

    # -- figures --------------------------------------------------------------------------
    def _use(self, figure: Figure) -> float:
        """Record the figure a result is judged on; its value as a number."""
        out = self.out
        out.actual_period, out.basis, out.data_status = figure.period.key, figure.basis, figure.status
        out.source, out.note = figure.source, figure.note
        return float(figure.value)

    def _no_data(self, what: str = "actual", *, need_total: bool = False) -> None:
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

    def _share(self, flow: bool) -> Share:
        found = share(self.schedule, self.month, flow=flow, periods=self.periods, series=self.series,
                      year=self.year)
        self.out.elapsed, self.out.schedule = found.value, found.schedule
        self.out.schedule_years = found.years or None
        return found

    def _share_at(self, month: int, flow: bool, due: Share) -> float | None:
        """The share due at another month, for the chart; None where the schedule used differs
        (a seasonal line does not borrow linear points for months earlier years lack)."""
        if month == self.month:
            return due.value
        found = share(self.schedule, month, flow=flow, periods=self.periods, series=self.series, year=self.year)
        return found.value if found.schedule == due.schedule else None

    def _months(self, expected_at: Callable[[int], float | None],
                actual_at: Callable[[int], Figure | None]) -> None:
        """The chart data of the year: (month, actual or None, expected or None) for months 1..12."""
        rows = []
        for m in range(1, 13):
            figure = actual_at(m) if m <= self.month else None
            value = None if figure is None or isinstance(figure.value, bool) else float(figure.value)
            rows.append((m, value, expected_at(m)))
        self.out.months = tuple(rows)

    def _judge(self, status: str, reason: Reason) -> None:
        assert status in _STATUSES
        self.out.judge(status, reason)  # type: ignore[arg-type]

    # -- annual ---------------------------------------------------------------------------
    def _annual(self) -> None:
        first, last = self.target.years or (self.plan.period_start, self.plan.period_end)
        out = self.out
        out.target_year = last
        v = self._requirement()
        if v is not None:
            out.target_value = v
        if not first <= self.year <= last:
            out.judge("pending", because("outside_years", year=self.year, first=first, last=last))
            return
        if self.schedule == "none":
            self._annual_rate(v)
        else:
            self._annual_amount(v)

    def _requirement(self) -> Requirement | None:
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

    def _no_requirement(self) -> None:
        self.out.judge("no_data", because("no_reference_value", reference=self.target.reference,
                                          year=self.year))

    def _annual_rate(self, v: Requirement | None) -> None:
        """A rate or a reference: the latest figure against the requirement itself."""
        out, case = self.out, self.case
        self._share(flow=False)
        out.time_progress = self.month / 12
        self._months(lambda m: None if v is None else midpoint(v), lambda m: latest(self.periods, self.year, m))
        if v is not None:
            out.expected = midpoint(v)
        figure = latest(self.periods, self.year, self.month)
        if figure is None:
            self._no_data()
            return
        a = out.actual = self._use(figure)
        if v is None:
            self._no_requirement()
            return
        out.gap = a - midpoint(v)
        out.attainment = attainment(a, case.cmp, v, tol=case.tol)
        args = {"actual": fmt(a), "period": figure.period.key, "target": fmt(v)}
        if satisfies(a, case.cmp, v, case.tol):
            out.progress_ratio = 1.0
            out.judge("on_track", because("inyear_requirement_met", **args))
            return
        rho = out.progress_ratio = out.attainment
        status = "off_track" if rho is None else classify_ratio(rho, self.settings.on_track, self.settings.at_risk)
        self._judge(status, because("inyear_requirement_short", **args))

    def _annual_amount(self, v: Requirement | None) -> None:
        """An amount over the year: the year-to-date total against v × the share due."""
        out, case = self.out, self.case
        due = self._share(flow=True)
        out.time_progress = self.month / 12

        def expected_at(m: int) -> float | None:
            s = self._share_at(m, True, due)
            return None if v is None or s is None else midpoint(v) * s

        self._months(expected_at, lambda m: total(self.periods, self.year, m))
        if v is not None:
            out.expected = midpoint(v) * due.value
        figure = total(self.periods, self.year, self.month)
        if figure is None:
            self._no_data(need_total=True)
            return
        a = out.actual = self._use(figure)
        if v is None:
            self._no_requirement()
            return
        expected_v = _scaled(v, due.value)
        expected = midpoint(expected_v)
        out.gap = a - expected
        out.attainment = attainment(a, case.cmp, v, tol=case.tol)
        out.progress = None if midpoint(v) == 0 else a / midpoint(v)
        args = {"actual": fmt(a), "period": figure.period.key, "target": fmt(v)}
        if case.cmp in (">=", ">") and satisfies(a, case.cmp, v):
            out.progress_ratio = attainment(a, case.cmp, expected_v)
            out.judge("met", because("inyear_whole_year_reached", **args))
            return
        if case.cmp in ("<=", "<") and not satisfies(a, case.cmp, v):
            out.judge("missed", because("inyear_limit_exceeded", **args))
            return
        rho = out.progress_ratio = attainment(a, case.cmp, expected_v, tol=case.tol)
        if rho is None:  # nothing due yet (a share of 0, or a requirement of 0)
            status = "on_track" if satisfies(a, case.cmp, expected_v, case.tol) else "off_track"
        else:
            status = classify_ratio(rho, self.settings.on_track, self.settings.at_risk)
        self._schedule_reason(status, a, expected, figure.period.key, due)

    def _schedule_reason(self, status: str, a: float, expected: float, period: str, due: Share) -> None:
        args = {"schedule": due.schedule, "fallback": FALLBACK if due.fallback else "", "actual": fmt(a),
                "period": period, "expected": fmt(expected)}
        if status == "on_track":
            self._judge(status, because("inyear_on_schedule", **args))
            return
        gap = a - expected
        code = "inyear_behind_above" if gap > 0 else "inyear_behind_below"
        self._judge(status, because(code, **args, difference=fmt(abs(gap))))

    # -- growth and cagr ------------------------------------------------------------------
    def _growth(self) -> None:
        """The year-to-date growth against the annual target rate (cagr: the required average rate)."""
        out, case = self.out, self.case
        required: Requirement | None
        if self.target.kind == "cagr":
            if not case.milestones:
                out.judge("pending", because("no_milestones"))
                return
            final_year, raw = case.milestones[-1]
            required = resolve_requirement(raw, None)
            out.method, out.target_year = "cagr", final_year
        else:
            first, last = self.target.years or (self.plan.period_start, self.plan.period_end)
            out.target_year = last
            if not first <= self.year <= last:
                out.judge("pending", because("outside_years", year=self.year, first=first, last=last))
                return
            required = self._requirement()
        out.time_progress = self.month / 12
        out.elapsed, out.schedule = 1.0, "none"
        if required is None:
            self._no_requirement()
            return
        r = midpoint(required)
        out.target_value, out.expected = required, r
        self._months(lambda m: r, self._rate_figure)
        a = self._rate()
        if a is None:
            return
        out.actual, out.gap = a, a - r
        out.attainment = attainment(a, case.cmp, required, tol=case.tol)
        args = {"rate": fmt(a), "required": fmt(required), "period": self.key}
        if satisfies(a, case.cmp, required, case.tol):
            out.progress_ratio = 1.0
            out.judge("on_track", because("inyear_growth", **args))
            return
        d = direction(case.cmp, 0.0, r)
        if d * r <= 0:  # no ratio can measure the distance (a maximum rate above zero): behind
            out.judge("off_track", because("inyear_growth_behind", **args))
            return
        rho = out.progress_ratio = a / r
        status = classify_ratio(rho, self.settings.on_track, self.settings.at_risk)
        self._judge(status, because("inyear_growth" if status == "on_track" else "inyear_growth_behind", **args))

    def _rate_figure(self, month: int) -> Figure | None:
        """The year-to-date growth at a month as a figure (for the chart), or None."""
        if self.target.actuals == "rate":
            return latest(self.periods, self.year, month, year_to_date_only=True)
        now = total(self.periods, self.year, month)
        before = total(self.periods, self.year - 1, month)
        if now is None or before is None or float(before.value) <= 0:
            return None
        return Figure((float(now.value) / float(before.value) - 1.0) * 100.0, now.period, now.basis,
                      _weakest(now, before), now.parts)

    def _rate(self) -> float | None:
        """The growth to date in percent; on failure makes the outcome no_data and returns None."""
        if self.target.actuals == "rate":
            figure = latest(self.periods, self.year, self.month, year_to_date_only=True)
            if figure is None:
                self._no_data(RATE)
                return None
            return self._use(figure)
        now = total(self.periods, self.year, self.month)
        if now is None:
            self._no_data("level", need_total=True)
            return None
        previous = Period(self.year - 1, 1, self.month).key
        before = total(self.periods, self.year - 1, self.month)
        if before is None:
            self.out.judge("no_data", because("inyear_no_previous", previous=previous, period=self.key))
            return None
        if float(before.value) <= 0:
            self.out.judge("no_data", because("inyear_previous_not_positive", previous=previous,
                                              level=fmt(before.value), period=self.key))
            return None
        self._use(now)
        self.out.level = float(now.value)
        self.out.data_status = _weakest(now, before)
        return (float(now.value) / float(before.value) - 1.0) * 100.0

    # -- milestone -------------------------------------------------------------------------
    def _milestone(self) -> None:
        out = self.out
        final_year = self.case.milestones[-1][0]
        out.target_value, out.target_year, out.time_progress = True, final_year, self.month / 12
        for obs_year in self.series:
            obs = self.series[obs_year]
            if obs_year < self.year and obs.value:
                out.actual, out.achieved_year, out.attainment, out.data_status = True, obs_year, 1.0, obs.status
                out.judge("met", because("achieved", year=obs_year))
                return
        now = sorted((p, obs) for p, obs in self.periods.items()
                     if p.year == self.year and p.last <= self.month and obs.value is not None)
        achieved = next(((p, obs) for p, obs in now if obs.value), None)
        if achieved is not None:
            out.actual, out.achieved_year, out.attainment = True, self.year, 1.0
            out.actual_period, out.data_status = achieved[0].key, achieved[1].status
            out.judge("met", because("inyear_achieved", period=achieved[0].key))
            return
        seen = bool(now) or any(self.series.value(y) is not None for y in self.series if y < self.year)
        if now:
            out.actual, out.actual_period, out.data_status = False, now[-1][0].key, now[-1][1].status
        out.attainment = 0.0 if seen else None
        if self.year <= final_year:
            out.judge("pending", because("not_achieved_yet", target_year=final_year))
        elif seen:
            out.judge("missed", because("not_achieved", year=self.year - 1, target_year=final_year))
        else:
            out.judge("no_data", because("no_observation", year=self.year - 1, target_year=final_year))

    # -- level, rank, cumulative ----------------------------------------------------------------
    def _trajectory(self) -> None:
        out, case = self.out, self.case
        baseline = resolve_baseline(case)
        y0 = baseline_year(case)
        final_year = case.milestones[-1][0]
        out.baseline, out.target_year = baseline, final_year
        b = baseline.value if baseline is not None else None
        resolved = [(y, resolve_requirement(v, b)) for y, v in case.milestones]
        milestones = [(y, v) for y, v in resolved if v is not None]
        if len(milestones) < len(resolved):
            out.judge("pending", because("no_baseline_times"))
            return
        v_req = milestones[-1][1]
        v_t = midpoint(v_req)
        points = tuple(([(baseline.year, baseline.value)] if baseline is not None else [])
                       + [(y, midpoint(v)) for y, v in milestones])
        out.path, out.target_value = points, v_req
        flow = self.target.kind == "cumulative" and self.target.actuals != "running_total"
        due = self._share(flow=flow)
        t = self.year - 1 + due.value

        def expected_at(m: int) -> float | None:
            s = self._share_at(m, flow, due)
            return None if s is None else _path_at(points, self.year, s)

        expected = out.expected = _path_at(points, self.year, due.value)
        if final_year > y0:
            out.time_progress = min(1.0, max(0.0, (t - y0) / (final_year - y0)))
        a = self._trajectory_actual(expected_at)
        if a is None:
            return
        out.actual = a
        prog = out.progress = progress(a, b, v_t)
        out.gap = None if expected is None else a - expected
        out.attainment = attainment(a, case.cmp, v_req, tol=case.tol, progress_value=prog,
                                    has_baseline=b is not None)
        if t < final_year:
            out.required_annual = (v_t - a) / (final_year - t)
        if baseline is not None and t > baseline.year:
            trend = out.trend_annual = (a - baseline.value) / (t - baseline.year)
            if t < final_year:
                projected = out.projected = a + trend * (final_year - t)
                out.projected_met = satisfies(projected, case.cmp, v_req, case.tol)
        d = direction(case.cmp, b, v_t)
        if baseline is not None and expected is not None:
            out.progress_ratio = linear_ratio(a, baseline.value, expected, d)
        met = satisfies(a, case.cmp, v_req, case.tol)
        if final_year < self.year or met:
            code = "final_met" if final_year < self.year else "final_met_early"
            out.judge("met" if met else "missed",
                      because(code if met else "final_missed", target=fmt(v_req), target_year=final_year,
                              actual=fmt(a)))
            return
        if baseline is None:
            out.judge("pending", because("no_baseline_progress"))
            return
        if expected is None:
            out.judge("pending", because("before_baseline", year=self.year, baseline_year=baseline.year))
            return
        rho = out.progress_ratio
        if rho is None:
            ok = d * (a - baseline.value) >= -eps(baseline.value)
            out.judge("on_track" if ok else "regressing",
                      because("none_due_yet", actual=fmt(a), baseline=fmt(baseline.value)) if ok
                      else because("moving_away_none_due", baseline=fmt(baseline.value),
                                   baseline_year=baseline.year, actual=fmt(a)))
            return
        status = classify_ratio(rho, self.settings.on_track, self.settings.at_risk)
        if status == "regressing":
            out.judge(status, because("regressing", actual=fmt(a), baseline=fmt(baseline.value)))
            return
        self._schedule_reason(status, a, expected, out.actual_period or self.key, due)

    def _trajectory_actual(self, expected_at: Callable[[int], float | None]) -> float | None:
        """a at the month: the latest value, or for cumulative the earlier years plus this year's total."""
        if self.target.kind == "cumulative" and self.year < self.case.since:
            self.out.judge("pending", because("total_not_started", since=self.case.since))
            return None
        if self.target.kind != "cumulative" or self.target.actuals == "running_total":
            self._months(expected_at, lambda m: latest(self.periods, self.year, m))
            figure = latest(self.periods, self.year, self.month)
            if figure is None:
                self._no_data()
                return None
            return self._use(figure)
        earlier = 0.0
        missing: list[int] = []
        statuses: list[DataStatus] = []
        for y in range(self.case.since, self.year):
            value = value_at(self.series, y)
            status = self.series.status(y)
            if value is None or status is None:
                missing.append(y)
            else:
                earlier += value
                statuses.append(status)

        def running(m: int) -> Figure | None:
            found = total(self.periods, self.year, m)
            if found is None or missing:
                return None
            return Figure(earlier + float(found.value), found.period, found.basis, found.status, found.parts)

        self._months(expected_at, running)
        if missing:
            years = ", ".join(str(y) for y in missing)
            self.out.judge("no_data", because("total_missing_years", years=years, since=self.case.since))
            return None
        figure = total(self.periods, self.year, self.month)
        if figure is None:
            self._no_data(need_total=True)
            return None
        this_year = self._use(figure)
        self.out.data_status = weakest_status([*statuses, figure.status or "final"])
        return earlier + this_year


def _weakest(*figures: Figure) -> DataStatus | None:
    return weakest_status([f.status or "final" for f in figures])


def _scaled(v: Requirement, s: float) -> Requirement:
    """The requirement times the share due: an interval scales at both ends."""
    if isinstance(v, tuple):
        return (v[0] * s, v[1] * s)
    return v * s


def _path_at(points: tuple[tuple[int, float], ...], year: int, s: float) -> float | None:
    """E within year ``year``: E(Y-1) + s × (E(Y) - E(Y-1)); None before the path starts."""
    before = path_value(points, year - 1)
    after = path_value(points, year)
    if before is None or after is None:
        return None
    return before + s * (after - before)
