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

from policycheck.evaluation.context import fmt, own_requirement, resolve_requirement, unit_requirement
from policycheck.evaluation.figures import Figure, latest, total
from policycheck.evaluation.inyear_job import RATE, Job, schedule_of, weakest
from policycheck.evaluation.inyear_levels import milestone, trajectory
from policycheck.evaluation.judge import signed_margin, travel
from policycheck.evaluation.options import Settings
from policycheck.evaluation.outcome import Outcome
from policycheck.evaluation.reasons import because
from policycheck.evaluation.requirement import requirement_text
from policycheck.evaluation.schedule import (
    Requirement,
    attainment,
    classify_ratio,
    direction,
    midpoint,
    satisfies,
)
from policycheck.model import Plan, Superseded, Target
from policycheck.observations import Actuals
from policycheck.periods import Period

__all__ = ["in_year_outcome", "schedule_of", "superseded_at_year_end"]


def in_year_outcome(plan: Plan, target: Target, actuals: Actuals, unit: str | None, year: int, month: int,
                    settings: Settings) -> Outcome:
    """What the in-year rules compute for one unit at the end of ``month`` of ``year``."""
    key = (plan.id, target.id, unit)
    reference = None
    if target.reference is not None:
        reference = actuals.periods.get((plan.id, target.reference, None), {})
    job = Job(plan, target, unit, actuals.get(*key), actuals.periods.get(key, {}), year, month, settings, reference)
    kind = target.kind
    if kind == "annual":
        annual(job)
    elif kind in ("growth", "cagr"):
        growth(job)
    elif not job.case.milestones:
        job.out.judge("pending", because("no_milestones"))
    elif kind == "milestone":
        milestone(job)
    else:
        trajectory(job)
    job.out.as_of = f"{year}-{month:02d}"
    signed_gap(job)
    if own_requirement(job.case):
        job.out.requirement = unit_requirement(job.case, job.out)
    return job.out


def signed_gap(job: Job) -> None:
    """差距 in the one sign of the reports, + better (docs/evaluation.md#the-sign-of-gaps), by the
    year end's rules: the target's direction and 左右 band, and for a between target the range
    scheduled at the month."""
    out, case = job.out, job.case
    a, gap, final = out.actual, out.gap, out.target_value
    if gap is None or isinstance(a, bool) or not isinstance(a, (int, float)):
        return
    if case.cmp in (">=", ">"):
        out.margin = gap
    elif case.cmp in ("<=", "<"):
        out.margin = -gap
    elif isinstance(final, (int, float, tuple)) and not isinstance(final, bool) and out.expected is not None:
        kind = job.target.kind
        b = 0.0 if kind in ("growth", "cagr") else None if kind == "annual" else \
            (out.baseline.value if out.baseline is not None else None)
        scheduled = out.expected_range if out.expected_range is not None else out.expected
        # The same call as the year end's (judge.signed_margin, judge.travel): a margin that
        # read 左右 differently in September than in December would contradict the verdict.
        out.margin = signed_margin(case, a, scheduled, final, travel(case, b, midpoint(final)))


def superseded_at_year_end(actuals: Actuals, plan_id: str, year: int) -> list[Superseded]:
    """The in-year rows of ``year`` whose series has that whole year's figure, for a year-end report.

    At the year end the year's own figure is judged, so the in-year rows of the
    year are listed as superseded by it.  They stay in ``Actuals.periods``:
    ``--period`` for a month of that year reads them as the figures known at the
    time, and a seasonal schedule reads earlier years' months.
    """
    rows: list[Superseded] = []
    for key, by_period in actuals.periods.items():
        plan, target, unit = key
        series = actuals.series.get(key) if plan == plan_id else None
        whole = series.get(year) if series else None
        if whole is None or whole.value is None:
            continue
        for period in sorted(p for p in by_period if p.year == year):
            obs = by_period[period]
            rows.append(Superseded(obs.file, obs.line, plan, target, unit, year, obs.status, obs.value,
                                   whole.status, period=period.key))
    return rows


# -- annual: an amount over the year, or a rate -------------------------------------------

def annual(job: Job) -> None:
    """An annual target: an amount against its share due, or a rate against the whole requirement."""
    first, last = job.target.years or (job.plan.period_start, job.plan.period_end)
    out = job.out
    out.target_year = last
    v = job.requirement()
    if v is not None:
        out.target_value = v
    if not first <= job.year <= last:
        out.judge("pending", because("outside_years", year=job.year, first=first, last=last))
        return
    if job.schedule == "none":
        _annual_rate(job, v)
    else:
        _annual_amount(job, v)


def _annual_rate(job: Job, v: Requirement | None) -> None:
    """A rate or a reference: the latest figure against the requirement itself."""
    out, case = job.out, job.case
    job.share_due(flow=False)
    out.time_progress = job.month / 12
    job.chart_months(lambda m: None if v is None else midpoint(v), lambda m: latest(job.periods, job.year, m))
    if v is not None:
        out.expected = midpoint(v)
        out.expected_range = v if isinstance(v, tuple) else None
    figure = latest(job.periods, job.year, job.month)
    if figure is None:
        job.no_data()
        return
    a = out.actual = job.use(figure)
    if v is None:
        job.no_requirement()
        return
    out.gap = a - midpoint(v)
    out.attainment = attainment(a, case.cmp, v, tol=case.tol)
    args = {"actual": fmt(a), "period": figure.period.key,
            "target": requirement_text(job.target, v, tolerance=case.tol)}
    if satisfies(a, case.cmp, v, case.tol):
        out.progress_ratio = 1.0
        out.judge("on_track", because("inyear_requirement_met", **args))
        return
    rho = out.progress_ratio = out.attainment
    status = "off_track" if rho is None else classify_ratio(rho, job.settings.on_track, job.settings.at_risk)
    job.judge(status, because("inyear_requirement_short", **args))


def _annual_amount(job: Job, v: Requirement | None) -> None:
    """An amount over the year: the year-to-date total against v × the share due."""
    out, case = job.out, job.case
    due = job.share_due(flow=True)
    out.time_progress = job.month / 12

    def expected_at(m: int) -> float | None:
        s = job.share_at(m, True, due)
        return None if v is None or s is None else midpoint(v) * s

    job.chart_months(expected_at, lambda m: total(job.periods, job.year, m))
    if v is not None:
        out.expected = midpoint(v) * due.value
        scaled = _scaled(v, due.value)
        out.expected_range = scaled if isinstance(scaled, tuple) else None
    figure = total(job.periods, job.year, job.month)
    if figure is None:
        job.no_data(need_total=True)
        return
    a = out.actual = job.use(figure)
    if v is None:
        job.no_requirement()
        return
    expected_v = _scaled(v, due.value)
    expected = midpoint(expected_v)
    out.gap = a - expected
    out.attainment = attainment(a, case.cmp, v, tol=case.tol)
    out.progress = None if midpoint(v) == 0 else a / midpoint(v)
    args = {"actual": fmt(a), "period": figure.period.key,
            "target": requirement_text(job.target, v, tolerance=case.tol)}
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
        status = classify_ratio(rho, job.settings.on_track, job.settings.at_risk)
    job.schedule_reason(status, a, expected_v, figure.period.key, due)


# -- growth and cagr: the year-to-date growth -------------------------------------------

def growth(job: Job) -> None:
    """The year-to-date growth against the annual target rate (cagr: the required average rate)."""
    out, case = job.out, job.case
    required: Requirement | None
    if job.target.kind == "cagr":
        if not case.milestones:
            out.judge("pending", because("no_milestones"))
            return
        final_year, raw = case.milestones[-1]
        required = resolve_requirement(raw, None)
        out.method, out.target_year = "cagr", final_year
    else:
        first, last = job.target.years or (job.plan.period_start, job.plan.period_end)
        out.target_year = last
        if not first <= job.year <= last:
            out.judge("pending", because("outside_years", year=job.year, first=first, last=last))
            return
        required = job.requirement()
    out.time_progress = job.month / 12
    out.elapsed, out.schedule = 1.0, "none"
    if required is None:
        job.no_requirement()
        return
    r = midpoint(required)
    out.target_value, out.expected = required, r
    out.expected_range = required if isinstance(required, tuple) else None
    job.chart_months(lambda m: r, lambda m: _rate_figure(job, m))
    a = _rate(job)
    if a is None:
        return
    out.actual, out.gap = a, a - r
    out.attainment = attainment(a, case.cmp, required, tol=case.tol)
    args = {"rate": fmt(a), "required": fmt(required), "period": job.key}
    if satisfies(a, case.cmp, required, case.tol):
        out.progress_ratio = 1.0
        out.judge("on_track", because("inyear_growth", **args))
        return
    d = direction(case.cmp, 0.0, r)
    if d * r <= 0:  # no ratio can measure the distance (a maximum rate above zero): behind
        out.judge("off_track", because("inyear_growth_behind", **args))
        return
    rho = out.progress_ratio = a / r
    status = classify_ratio(rho, job.settings.on_track, job.settings.at_risk)
    job.judge(status, because("inyear_growth" if status == "on_track" else "inyear_growth_behind", **args))


def _rate_figure(job: Job, month: int) -> Figure | None:
    """The year-to-date growth at a month as a figure (for the chart), or None."""
    if job.target.actuals == "rate":
        return latest(job.periods, job.year, month, year_to_date_only=True)
    now = total(job.periods, job.year, month)
    before = total(job.periods, job.year - 1, month)
    if now is None or before is None or float(before.value) <= 0:
        return None
    return Figure((float(now.value) / float(before.value) - 1.0) * 100.0, now.period, now.basis,
                  weakest(now, before), now.parts)


def _rate(job: Job) -> float | None:
    """The growth to date in percent; on failure makes the outcome no_data and returns None."""
    if job.target.actuals == "rate":
        figure = latest(job.periods, job.year, job.month, year_to_date_only=True)
        if figure is None:
            job.no_data(RATE)
            return None
        return job.use(figure)
    now = total(job.periods, job.year, job.month)
    if now is None:
        job.no_data("level", need_total=True)
        return None
    previous = Period(job.year - 1, 1, job.month).key
    before = total(job.periods, job.year - 1, job.month)
    if before is None:
        job.out.judge("no_data", because("inyear_no_previous", previous=previous, period=job.key))
        return None
    if float(before.value) <= 0:
        job.out.judge("no_data", because("inyear_previous_not_positive", previous=previous,
                                          level=fmt(before.value), period=job.key))
        return None
    job.use(now)
    job.out.level = float(now.value)
    job.out.data_status = weakest(now, before)
    return (float(now.value) / float(before.value) - 1.0) * 100.0


def _scaled(v: Requirement, s: float) -> Requirement:
    """The requirement times the share due: an interval scales at both ends."""
    if isinstance(v, tuple):
        return (v[0] * s, v[1] * s)
    return v * s


