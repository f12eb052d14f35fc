"""Level, rank and cumulative targets: a value on a path of milestones.

docs/evaluation.md#level-rank-cumulative says what each status means.

The seven rules are applied in the documented order in :func:`_status`; the
numbers reported with every result (expected, gap, progress, 序时进度, pace,
projection) are computed in :func:`_numbers` whatever the status, when they can be.
The expected path is :class:`policycheck.evaluation.paths.Path` (linear, whole or
step; compounding for a percent change); whether a value meets a requirement is
:mod:`policycheck.evaluation.judge` (one meaning of 左右 in every year).
"""
from __future__ import annotations

from functools import lru_cache

from policycheck.changes import Change
from policycheck.evaluation.context import (
    Case,
    baseline_year,
    fmt,
    mark_no_data,
    resolve_baseline,
    resolve_requirement,
    value_at,
    weakest_status,
)
from policycheck.evaluation.judge import attained, band, meets, mirrored, reached_early, signed_margin, travel
from policycheck.evaluation.outcome import Outcome
from policycheck.evaluation.paths import Path, path_mode
from policycheck.evaluation.reasons import Reason, because
from policycheck.evaluation.requirement import requirement_text
from policycheck.evaluation.schedule import (
    Requirement,
    cagr_ratio,
    classify_ratio,
    eps,
    linear_ratio,
    midpoint,
    path_value,
    progress,
    time_progress,
)
from policycheck.model import Baseline, DataStatus, Method, RequirementValue, Status
from policycheck.numtext import actual_apart, apart_text, expected_apart, gap_apart
from policycheck.records import record


@record(slots=True)
class _Path:
    """The resolved requirement of one case: baseline, milestones and the schedule E(y)."""

    baseline: Baseline | None
    milestones: tuple[tuple[int, Requirement], ...]
    schedule: Path

    @property
    def points(self) -> tuple[tuple[int, float], ...]:
        return self.schedule.chart_points()

    @property
    def final(self) -> tuple[int, Requirement]:
        return self.milestones[-1]


def evaluate_trajectory(case: Case) -> Outcome:
    """A level, rank or cumulative target at the case's year."""
    baseline = resolve_baseline(case)
    out = Outcome(baseline=baseline, observed=case.series.observed(), method=_method_name(case))
    final_year = case.milestones[-1][0]
    out.target_year = final_year
    out.time_progress = time_progress(case.year, baseline_year(case), final_year)
    path = _resolve_path(case, baseline, case.milestones)
    if path is not None:
        # The requirement and E(Y) need no actual: a no_data or pending result
        # still reports them (docs/evaluation.md: expected = E(Y) with every level-type result).
        out.path = path.points
        out.target_value = path.final[1]
        out.expected = path.schedule.at(case.year)
        if case.cmp == "between":
            out.expected_range = expected_range(path.baseline, path.milestones, case.year)
    actual = _actual(case, out)
    if actual is None:
        return out
    out.actual = actual
    if path is None:
        relative = any(isinstance(v, Change) for _, v in case.milestones)
        out.judge("pending", because("no_baseline_change" if relative else "no_baseline_times"))
        return out
    _numbers(case, path, actual, out)
    _status(case, path, actual, out)
    return out


def _resolve_path(case: Case, baseline: Baseline | None,
                  milestones: tuple[tuple[int, RequirementValue], ...]) -> _Path | None:
    """Baseline, milestones and the schedule; None while a relative milestone lacks b."""
    fixed = fixed_milestones(milestones)
    if fixed is not None:
        resolved, tail = fixed
    else:
        found = _resolved(milestones, baseline.value if baseline is not None else None)
        if found is None:
            return None
        resolved = found
        tail = tuple((y, midpoint(v)) for y, v in resolved)
    points = ((baseline.year, baseline.value),) + tail if baseline is not None else tail
    geometric = frozenset(y for y, v in milestones if isinstance(v, Change) and v.unit == "percent")
    d = travel(case, baseline.value if baseline is not None else None, tail[-1][1])
    return _Path(baseline, resolved, Path(points, path_mode(case.target, points), d, geometric))


def _resolved(milestones: tuple[tuple[int, RequirementValue], ...],
              b: float | None) -> tuple[tuple[int, Requirement], ...] | None:
    """Every milestone as a number or range; None when one is relative to a baseline not known."""
    resolved: list[tuple[int, Requirement]] = []
    for year, value in milestones:
        requirement = resolve_requirement(value, b)
        if requirement is None:
            return None
        resolved.append((year, requirement))
    return tuple(resolved)


@lru_cache(maxsize=1024)
def fixed_milestones(milestones: tuple[tuple[int, RequirementValue], ...]
                      ) -> tuple[tuple[tuple[int, Requirement], ...], tuple[tuple[int, float], ...]] | None:
    """Resolved milestones and their path points when none depends on the baseline.

    Every unit of a scoped target has the same ones, so they are computed once
    and shared (2,844 county results per national target); None when a
    ``times_baseline`` or change milestone needs each unit's own baseline.
    """
    resolved = _resolved(milestones, None)
    if resolved is None:
        return None
    return resolved, tuple((y, midpoint(v)) for y, v in resolved)


def expected_range(baseline: Baseline | None, milestones: tuple[tuple[int, Requirement], ...],
                   year: int) -> tuple[float, float] | None:
    """[E_lo(Y), E_hi(Y)] for a between target: the schedule of each end of the range.

    The path itself runs through the midpoints; a table shows the range, so
    3 events of a 3—5 requirement read as inside it, not 1 below the midpoint 4.
    """
    if not any(isinstance(v, tuple) for _, v in milestones):
        return None
    start = ((baseline.year, baseline.value),) if baseline is not None else ()
    lo = path_value(start + tuple((y, v[0] if isinstance(v, tuple) else v) for y, v in milestones), year)
    hi = path_value(start + tuple((y, v[1] if isinstance(v, tuple) else v) for y, v in milestones), year)
    if lo is None or hi is None:
        return None
    return (min(lo, hi), max(lo, hi))


def _method_name(case: Case) -> Method:
    """Cumulative totals and grades always use the linear path; level and rank may use cagr."""
    return "linear" if case.target.kind in ("cumulative", "category") else case.settings.method


def _actual(case: Case, out: Outcome) -> float | None:
    """``a`` at Y; on failure fills the no_data or pending outcome and returns None."""
    if case.target.kind == "cumulative":
        if case.year < case.since:
            # Nothing is counted before `since`, whether the CSV gives yearly values or totals.
            out.judge("pending", because("total_not_started", since=case.since))
            return None
        if case.target.actuals != "running_total":
            return _cumulative_actual(case, out)
    value = value_at(case.series, case.year)
    if value is None:
        mark_no_data(out, case)
        return None
    out.data_status = case.series.status(case.year)
    return value


def _cumulative_actual(case: Case, out: Outcome) -> float | None:
    """The sum of the yearly actuals from ``since`` to Y; a missing year makes it missing."""
    since = case.since
    total = 0.0
    missing: list[int] = []
    statuses: list[DataStatus] = []
    for year in range(since, case.year + 1):
        value = value_at(case.series, year)
        status = case.series.status(year)
        if value is None or status is None:
            missing.append(year)
            continue
        total += value
        statuses.append(status)
    if missing:
        years = ", ".join(str(y) for y in missing)
        mark_no_data(out, case, because("total_missing_years", years=years, since=since))
        return None
    out.data_status = weakest_status(statuses)
    return total


def _numbers(case: Case, path: _Path, a: float, out: Outcome) -> None:
    """expected, gap, attainment, progress, required and trend pace, projection (docs/evaluation.md)."""
    year, cmp = case.year, case.cmp
    final_year, v_req = path.final
    v_t = midpoint(v_req)
    b = path.baseline.value if path.baseline is not None else None
    expected = path.schedule.at(year)
    prog = progress(a, b, v_t)
    out.expected = expected
    out.progress = prog
    out.gap = None if expected is None else a - expected
    if expected is not None:
        if cmp in (">=", ">"):  # the common cases, inline: this runs for every result
            out.margin = a - expected
        elif cmp in ("<=", "<"):
            out.margin = expected - a
        else:
            scheduled = out.expected_range if out.expected_range is not None else expected
            out.margin = signed_margin(case, a, scheduled, v_req, path.schedule.travel)
    out.attainment = attained(case, a, v_req, progress_value=prog, has_baseline=b is not None)
    if year < final_year:
        out.required_annual = (v_t - a) / (final_year - year)
    if path.baseline is not None and year > path.baseline.year:
        trend = (a - path.baseline.value) / (year - path.baseline.year)
        out.trend_annual = trend
        if year < final_year:
            projected = a + trend * (final_year - year)
            out.projected = projected
            out.projected_met = meets(case, projected, v_req)
    if path.baseline is not None and expected is not None:
        out.progress_ratio = _ratio(case, path, a, expected, out)


def _ratio(case: Case, path: _Path, a: float, expected: float, out: Outcome) -> float | None:
    """rho by the chosen method; cagr falls back to linear when it does not apply."""
    assert path.baseline is not None
    y0, b = path.baseline.year, path.baseline.value
    final_year, v_req = path.final
    d = path.schedule.travel
    # A two-sided 左右 overshot past its band counts by its distance (judge.mirrored), but
    # never below no progress at all: it moved toward the target and past it, not back
    # (docs/evaluation.md#approx).
    counted = _effective(case, path, a)
    rho = None
    if out.method == "cagr":
        rho = cagr_ratio(counted, b, case.year - y0, midpoint(v_req), final_year - y0, d)
        if rho is None:
            out.method = "linear"
    if rho is None:
        rho = linear_ratio(counted, b, expected, d)
    return max(rho, 0.0) if rho is not None and counted != a else rho


def _effective(case: Case, path: _Path, a: float) -> float:
    """The actual the schedule measures: for a two-sided 左右 past its band, its mirror image."""
    mirror = mirrored(case, a, path.final[1], path.schedule.travel)
    return a if mirror is None else mirror


def _status(case: Case, path: _Path, a: float, out: Outcome) -> None:
    """Rules 2 to 7 of docs/evaluation.md#level-rank-cumulative, first that applies."""
    year, tol = case.year, case.tol
    final_year, v_req = path.final
    if year >= final_year or reached_early(case, a, v_req, path.schedule.travel):
        met = meets(case, a, v_req)
        code = ("final_met_early" if year < final_year else "final_met") if met else "final_missed"
        out.judge("met" if met else "missed",
                  because(code, target=requirement_text(case.target, v_req, tolerance=tol), target_year=final_year,
                          actual=actual_apart(a, "met" if met else "missed", out)))
        return
    for milestone_year, v in path.milestones:
        if milestone_year == year:
            met = meets(case, a, v)
            out.judge("met" if met else "missed",
                      because("milestone_met" if met else "milestone_missed",
                              target=requirement_text(case.target, v, tolerance=tol), year=year,
                              actual=actual_apart(a, "met" if met else "missed", out)))
            return
    expected = out.expected
    if path.baseline is None or expected is None:
        reason = (because("no_baseline_progress") if path.baseline is None
                  else because("before_baseline", year=year, baseline_year=path.baseline.year))
        out.judge("pending", reason)
        return
    _progress_status(case, path, a, expected, out)


def _progress_status(case: Case, path: _Path, a: float, expected: float, out: Outcome) -> None:
    """Rule 6: the progress ratio against the thresholds, or the baseline if none is due yet."""
    assert path.baseline is not None
    b = path.baseline.value
    d = path.schedule.travel
    rho = out.progress_ratio
    settings = case.settings
    counted = _effective(case, path, a)
    if counted != a:
        # Overshot, never 不进反退: the ratio is floored at 0 above, and with nothing due yet
        # a value past the band is off the schedule, not behind the baseline.
        if rho is not None:
            status = classify_ratio(rho, settings.on_track, settings.at_risk)
        else:
            status = "on_track" if d * (counted - b) >= -eps(b) else "off_track"
        nominal = midpoint(path.final[1])
        out.judge(status, because("beyond_band", actual=fmt(a), target=fmt(nominal), band=fmt(band(case, nominal)),
                                  over=fmt(abs(a - nominal)), counted=fmt(counted)))
        return
    if rho is None:
        if d * (a - b) >= -eps(b):
            out.judge("on_track", because("none_due_yet", actual=fmt(a), baseline=fmt(b)))
        else:
            out.judge("regressing", because("moving_away_none_due", baseline=apart_text(b, a),
                                            baseline_year=path.baseline.year,
                                            actual=actual_apart(a, "regressing", out)))
        return
    status = classify_ratio(rho, settings.on_track, settings.at_risk)
    scheduled = out.expected_range if out.expected_range is not None else expected
    out.judge(status, _progress_reason(status, out.method, a, b, scheduled, out))


def _progress_reason(status: Status, method: str, a: float, b: float,
                     scheduled: float | tuple[float, float], out: Outcome) -> Reason:
    """"behind the linear schedule: 0.06 below the expected 3.36" and its siblings.

    A between target is scheduled to a range (1—1.5), and the difference is
    measured to its nearer end, as the tables show it.  Behind or regressing, no number is
    rounded onto the one it is compared with (docs/reports.md#rounding-apart).
    """
    if status == "regressing":
        return because("regressing", actual=actual_apart(a, status, out), baseline=apart_text(b, a))
    if status == "on_track":
        return because("on_schedule", method=method, actual=fmt(a), expected=fmt(scheduled))
    if isinstance(scheduled, tuple):
        lo, hi = scheduled
        if a < lo or a > hi:
            end = lo if a < lo else hi
            return because("behind_above" if a > hi else "behind_below", method=method,
                           difference=gap_apart(abs(a - end), status), expected=fmt(scheduled))
        scheduled = midpoint(scheduled)
    gap = a - scheduled
    return because("behind_above" if gap > 0 else "behind_below", method=method,
                   difference=gap_apart(abs(gap), status), expected=expected_apart(scheduled, status, a))
