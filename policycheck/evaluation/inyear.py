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
year's limit already exceeded (missed).  What meets a requirement is read as at
the year end (:mod:`policycheck.evaluation.judge`): the target's direction, its
左右 band and a range's open end (docs/evaluation.md#in-year-approx).  Pure: no I/O.
"""
from __future__ import annotations

from dataclasses import replace

from policycheck.evaluation.context import Case, fmt, own_requirement, resolve_requirement, unit_requirement
from policycheck.evaluation.figures import Figure, latest, total
from policycheck.evaluation.inyear_job import RATE, Job, schedule_of, weakest
from policycheck.evaluation.inyear_levels import milestone, trajectory
from policycheck.evaluation.judge import attained, meets, reached_early, signed_margin, travel
from policycheck.evaluation.options import Settings
from policycheck.evaluation.outcome import Outcome
from policycheck.evaluation.reasons import because
from policycheck.evaluation.requirement import requirement_text
from policycheck.evaluation.schedule import Requirement, attainment, classify_ratio, midpoint
from policycheck.model import Plan, Superseded, Target
from policycheck.numtext import actual_apart
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
        amount = _is_amount(job)
        # An amount builds up from 0 over the year, so its way to the requirement is from 0.
        b = 0.0 if kind in ("growth", "cagr") or amount else None if kind == "annual" else \
            (out.baseline.value if out.baseline is not None else None)
        if amount and case.sign and case.cmp != "between" and out.elapsed is not None:
            # "At least (most) about v a year" is at least (most) about v × s by the month,
            # its band scaled as the requirement is: the reading the status uses.
            due = _scaled(final, out.elapsed)
            out.margin = signed_margin(_at_share(case, out.elapsed), a, due, due, case.sign)
            return
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
    out.attainment = attained(case, a, v)
    args = {"actual": fmt(a), "period": figure.period.key,
            "target": requirement_text(job.target, v, tolerance=case.tol)}
    if meets(case, a, v):
        out.progress_ratio = 1.0
        out.judge("on_track", because("inyear_requirement_met", **args))
        return
    rho = out.progress_ratio = out.attainment
    status = "off_track" if rho is None else classify_ratio(rho, job.settings.on_track, job.settings.at_risk)
    job.judge(status, because("inyear_requirement_short", **{**args, "actual": actual_apart(a, status, out)}))


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
    out.gap = a - midpoint(expected_v)
    out.attainment = attained(case, a, v)
    out.progress = None if midpoint(v) == 0 else a / midpoint(v)
    args = {"actual": fmt(a), "period": figure.period.key,
            "target": requirement_text(job.target, v, tolerance=case.tol)}
    way = _better_way(case)
    if way > 0 and reached_early(case, a, v, 1):
        out.progress_ratio = _ahead_ratio(a, expected_v)
        out.judge("met", because("inyear_whole_year_reached", **args))
        return
    if way <= 0 and _past_limit(case, a, v):
        out.judge("missed", because("inyear_limit_exceeded", **args))
        return
    at_share = _at_share(case, due.value)
    # Less is better for a ceiling; otherwise a total ahead of the share due is ahead, up to
    # the year's limit (a two-sided 左右 or range is approached from 0, docs/evaluation.md#in-year-approx).
    rho = attained(at_share, a, expected_v) if way < 0 else _ahead_ratio(a, expected_v)
    if meets(at_share, a, expected_v):  # within the band of the share due: on it
        rho = 1.0 if rho is None else max(rho, 1.0)
    out.progress_ratio = rho
    # rho None: nothing due yet (a share of 0, or a requirement of 0), and the total not on it
    status = "off_track" if rho is None else classify_ratio(rho, job.settings.on_track, job.settings.at_risk)
    job.schedule_reason(status, a, expected_v, figure.period.key, due)


def _is_amount(job: Job) -> bool:
    """An annual amount that builds up over the year (each month adds to the total)."""
    return job.target.kind == "annual" and job.schedule != "none"


def _better_way(case: Case) -> int:
    """+1 when more is better over the year (a floor), -1 when less is (a ceiling), 0 two-sided."""
    if case.cmp in (">=", ">"):
        return 1
    if case.cmp in ("<=", "<"):
        return -1
    return case.open_end if case.cmp == "between" else case.sign


def _past_limit(case: Case, a: float, v: Requirement) -> bool:
    """The total already beyond the year's upper limit (a ceiling, a band's top, a range's hi):
    months only add to it, so the year is missed."""
    if meets(case, a, v):
        return False
    return case.cmp in ("<=", "<") or a > midpoint(v)


def _ahead_ratio(a: float, expected: Requirement) -> float | None:
    """ρ of a total read as "at least the share due": a / (v·s), 1 inside a scheduled range,
    a / lo below it and a / hi above it."""
    if isinstance(expected, tuple):
        return attainment(a, "between", expected, open_end=1)
    return attainment(a, ">=", expected)


def _at_share(case: Case, s: float) -> Case:
    """The case for the share s of the year: an absolute 左右 band scales with the requirement
    (a relative one does by itself)."""
    return case if case.band is None else replace(case, band=case.band * s)


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
    out.attainment = attained(case, a, required)
    args = {"rate": fmt(a), "required": fmt(required), "period": job.key}
    if meets(case, a, required):
        out.progress_ratio = 1.0
        out.judge("on_track", because("inyear_growth", **args))
        return
    d = travel(case, 0.0, r)
    if d * r <= 0:  # no ratio can measure the distance (a maximum rate above zero): behind
        out.judge("off_track", because("inyear_growth_behind", **args))
        return
    if d * (a - r) > 0:
        # Past the required rate the way it goes and still not meeting it: a two-sided 左右 or a
        # closed range overshot, measured by its distance (attainment), never as ahead.
        rho = out.progress_ratio = out.attainment
        status = "off_track" if rho is None else classify_ratio(rho, job.settings.on_track, job.settings.at_risk)
        job.judge(status, because("inyear_requirement_short", actual=fmt(a), period=job.key,
                                  target=requirement_text(job.target, required, tolerance=case.tol)))
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


