"""Level, rank, cumulative and milestone targets at the end of a month (docs/evaluation.md#in-year).

The path within the year is E(Y-1) + s × (E(Y) - E(Y-1)) with s the share of
the year due; the level rules then apply at t = Y - 1 + s.  A cumulative
total adds the whole years since ``since`` and this year's total to the month.
"""
from __future__ import annotations

from collections.abc import Callable

from policycheck.changes import Change
from policycheck.evaluation.context import (
    baseline_year,
    fmt,
    resolve_baseline,
    resolve_requirement,
    value_at,
    weakest_status,
)
from policycheck.evaluation.figures import Figure, latest, total
from policycheck.evaluation.inyear_job import Job
from policycheck.evaluation.judge import attained, band, meets, mirrored, reached_early, travel
from policycheck.evaluation.reasons import because
from policycheck.evaluation.requirement import requirement_text
from policycheck.evaluation.schedule import (
    Requirement,
    classify_ratio,
    eps,
    linear_ratio,
    midpoint,
    path_value,
    progress,
)
from policycheck.model import Baseline, DataStatus
from policycheck.numtext import actual_apart, apart_text


def milestone(job: Job) -> None:
    """Done in a year before, or in a figure of this year up to the month: met; else pending until due."""
    out = job.out
    final_year = job.case.milestones[-1][0]
    out.target_value, out.target_year, out.time_progress = True, final_year, job.month / 12
    for obs_year in job.series:
        obs = job.series[obs_year]
        if obs_year < job.year and obs.value:
            out.actual, out.achieved_year, out.attainment, out.data_status = True, obs_year, 1.0, obs.status
            out.judge("met", because("achieved", year=obs_year))
            return
    now = sorted((p, obs) for p, obs in job.periods.items()
                 if p.year == job.year and p.last <= job.month and obs.value is not None)
    achieved = next(((p, obs) for p, obs in now if obs.value), None)
    if achieved is not None:
        out.actual, out.achieved_year, out.attainment = True, job.year, 1.0
        out.actual_period, out.data_status = achieved[0].key, achieved[1].status
        out.judge("met", because("inyear_achieved", period=achieved[0].key))
        return
    seen = bool(now) or any(job.series.value(y) is not None for y in job.series if y < job.year)
    if now:
        out.actual, out.actual_period, out.data_status = False, now[-1][0].key, now[-1][1].status
    out.attainment = 0.0 if seen else None
    if job.year <= final_year:
        out.judge("pending", because("not_achieved_yet", target_year=final_year))
    elif seen:
        out.judge("missed", because("not_achieved", year=job.year - 1, target_year=final_year))
    else:
        out.judge("no_data", because("no_observation", year=job.year - 1, target_year=final_year))


def trajectory(job: Job) -> None:
    """A level, rank or cumulative target against its path at the month."""
    out, case = job.out, job.case
    baseline = resolve_baseline(case)
    y0 = baseline_year(case)
    final_year = case.milestones[-1][0]
    out.baseline, out.target_year = baseline, final_year
    b = baseline.value if baseline is not None else None
    resolved = [(y, resolve_requirement(v, b)) for y, v in case.milestones]
    milestones = [(y, v) for y, v in resolved if v is not None]
    if len(milestones) < len(resolved):
        _unresolved(job)
        return
    v_req = milestones[-1][1]
    v_t = midpoint(v_req)
    points = tuple(([(baseline.year, baseline.value)] if baseline is not None else [])
                   + [(y, midpoint(v)) for y, v in milestones])
    out.path, out.target_value = points, v_req
    flow = job.target.kind == "cumulative" and job.target.actuals != "running_total"
    due = job.share_due(flow=flow)
    t = job.year - 1 + due.value

    def expected_at(m: int) -> float | None:
        s = job.share_at(m, flow, due)
        return None if s is None else _path_at(points, job.year, s)

    expected = out.expected = _path_at(points, job.year, due.value)
    if any(isinstance(v, tuple) for _, v in milestones):  # a range: the schedule of each end
        out.expected_range = _range_at(baseline, milestones, job.year, due.value)
    if final_year > y0:
        out.time_progress = min(1.0, max(0.0, (t - y0) / (final_year - y0)))
    a = _trajectory_actual(job, expected_at)
    if a is None:
        return
    out.actual = a
    prog = out.progress = progress(a, b, v_t)
    out.gap = None if expected is None else a - expected
    out.attainment = attained(case, a, v_req, progress_value=prog, has_baseline=b is not None)
    if t < final_year:
        out.required_annual = (v_t - a) / (final_year - t)
    if baseline is not None and t > baseline.year:
        trend = out.trend_annual = (a - baseline.value) / (t - baseline.year)
        if t < final_year:
            projected = out.projected = a + trend * (final_year - t)
            out.projected_met = meets(case, projected, v_req)
    # The year end's reading (kind_trajectory): the target's direction, its 左右 band, a
    # range's open end, and a two-sided 左右 past its band counted by its distance.
    d = travel(case, b, v_t)
    mirror = mirrored(case, a, v_req, d)
    counted = a if mirror is None else mirror
    if baseline is not None and expected is not None:
        rho = linear_ratio(counted, baseline.value, expected, d)
        out.progress_ratio = None if rho is None else max(rho, 0.0) if mirror is not None else rho
    if final_year < job.year or reached_early(case, a, v_req, d):
        met = meets(case, a, v_req)
        code = "final_met" if final_year < job.year else "final_met_early"
        out.judge("met" if met else "missed",
                  because(code if met else "final_missed", target_year=final_year,
                          actual=actual_apart(a, "met" if met else "missed", out),
                          target=requirement_text(job.target, v_req, tolerance=case.tol)))
        return
    if baseline is None:
        out.judge("pending", because("no_baseline_progress"))
        return
    if expected is None:
        out.judge("pending", because("before_baseline", year=job.year, baseline_year=baseline.year))
        return
    rho = out.progress_ratio
    if mirror is not None:  # overshot, never 不进反退 (docs/evaluation.md#approx)
        if rho is not None:
            status = classify_ratio(rho, job.settings.on_track, job.settings.at_risk)
        else:  # nothing due yet: past the band is off the schedule, not behind the baseline
            status = "on_track" if d * (counted - baseline.value) >= -eps(baseline.value) else "off_track"
        job.judge(status, because("beyond_band", actual=fmt(a), target=fmt(v_t), band=fmt(band(case, v_t)),
                                  over=fmt(abs(a - v_t)), counted=fmt(counted)))
        return
    if rho is None:
        ok = d * (a - baseline.value) >= -eps(baseline.value)
        out.judge("on_track" if ok else "regressing",
                  because("none_due_yet", actual=fmt(a), baseline=fmt(baseline.value)) if ok
                  else because("moving_away_none_due", baseline=apart_text(baseline.value, a),
                               baseline_year=baseline.year, actual=actual_apart(a, "regressing", out)))
        return
    status = classify_ratio(rho, job.settings.on_track, job.settings.at_risk)
    if status == "regressing":
        out.judge(status, because("regressing", actual=actual_apart(a, status, out),
                                  baseline=apart_text(baseline.value, a)))
        return
    scheduled = out.expected_range if out.expected_range is not None else expected
    job.schedule_reason(status, a, scheduled, out.actual_period or job.key, due)


def _unresolved(job: Job) -> None:
    """A milestone relative to a baseline there is none of: no figure is no_data as at the year end
    (rule 1 comes first, docs/evaluation.md#level-rank-cumulative), so ``--fail-on no-data`` sees a
    binding target with nothing; a figure is pending, naming the kind of milestone it cannot resolve."""
    a = _trajectory_actual(job, lambda m: None)
    if a is None:  # judged no_data (or pending before a total starts) by the figure's own rules
        return
    job.out.actual = a
    relative = any(isinstance(v, Change) for _, v in job.case.milestones)
    job.out.judge("pending", because("no_baseline_change" if relative else "no_baseline_times"))


def _trajectory_actual(job: Job, expected_at: Callable[[int], float | None]) -> float | None:
    """a at the month: the latest value, or for cumulative the earlier years plus this year's total."""
    if job.target.kind == "cumulative" and job.year < job.case.since:
        job.out.judge("pending", because("total_not_started", since=job.case.since))
        return None
    if job.target.kind != "cumulative" or job.target.actuals == "running_total":
        job.chart_months(expected_at, lambda m: latest(job.periods, job.year, m))
        figure = latest(job.periods, job.year, job.month)
        if figure is None:
            job.no_data()
            return None
        return job.use(figure)
    earlier = 0.0
    missing: list[int] = []
    statuses: list[DataStatus] = []
    for y in range(job.case.since, job.year):
        value = value_at(job.series, y)
        status = job.series.status(y)
        if value is None or status is None:
            missing.append(y)
        else:
            earlier += value
            statuses.append(status)

    def running(m: int) -> Figure | None:
        found = total(job.periods, job.year, m)
        if found is None or missing:
            return None
        return Figure(earlier + float(found.value), found.period, found.basis, found.status, found.parts)

    job.chart_months(expected_at, running)
    if missing:
        years = ", ".join(str(y) for y in missing)
        job.out.judge("no_data", because("total_missing_years", years=years, since=job.case.since))
        return None
    figure = total(job.periods, job.year, job.month)
    if figure is None:
        job.no_data(need_total=True)
        return None
    this_year = job.use(figure)
    job.out.data_status = weakest_status([*statuses, figure.status or "final"])
    return earlier + this_year


def _range_at(baseline: Baseline | None, milestones: list[tuple[int, Requirement]], year: int,
              s: float) -> tuple[float, float] | None:
    """[E_lo, E_hi] within year ``year`` for a between target, as the year-end rules have it."""
    start = [(baseline.year, baseline.value)] if baseline is not None else []
    ends = [_path_at(tuple(start + [(y, v[i] if isinstance(v, tuple) else v) for y, v in milestones]), year, s)
            for i in (0, 1)]
    lo, hi = ends
    return None if lo is None or hi is None else (min(lo, hi), max(lo, hi))


def _path_at(points: tuple[tuple[int, float], ...], year: int, s: float) -> float | None:
    """E within year ``year``: E(Y-1) + s × (E(Y) - E(Y-1)); None before the path starts."""
    before = path_value(points, year - 1)
    after = path_value(points, year)
    if before is None or after is None:
        return None
    return before + s * (after - before)
