"""Status of level, rank and cumulative targets (SPEC 4.1).

The seven rules are applied in the SPEC's order in :func:`_status`; the numbers
reported with every result (expected, gap, progress, 序时进度, pace, projection)
are computed in :func:`_numbers` whatever the status, when they can be.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from policycheck.evaluation.context import (
    Case,
    Outcome,
    baseline_year,
    fmt,
    no_data_reason,
    observed,
    resolve_baseline,
    resolve_requirement,
    status_at,
    value_at,
    weakest_status,
)
from policycheck.evaluation.reasons import because
from policycheck.evaluation.schedule import (
    Requirement,
    attainment,
    cagr_ratio,
    classify_ratio,
    direction,
    eps,
    linear_ratio,
    midpoint,
    path_value,
    progress,
    satisfies,
    time_progress,
)
from policycheck.model import Baseline, RequirementValue, TimesBaseline


@dataclass(slots=True)
class _Path:
    """The resolved requirement of one case: baseline, milestones and E(Y)."""

    baseline: Baseline | None
    milestones: tuple[tuple[int, Requirement], ...]
    points: tuple[tuple[int, float], ...]

    @property
    def final(self) -> tuple[int, Requirement]:
        return self.milestones[-1]


def evaluate_level(case: Case) -> Outcome:
    """A level, rank or cumulative target at the case's year."""
    baseline = resolve_baseline(case)
    out: Outcome = {"baseline": baseline, "observed": observed(case.series),
                    "method": _method_name(case)}
    final_year = case.milestones[-1][0]
    out["target_year"] = final_year
    out["time_progress"] = time_progress(case.year, baseline_year(case), final_year)
    path = _resolve_path(baseline, case.milestones)
    if path is not None:
        # The requirement and E(Y) need no actual: a no_data or pending result
        # still reports them (SPEC 4.1: expected = E(Y) with every level-type result).
        out.update(path=path.points, target_value=path.final[1],
                   expected=path_value(path.points, case.year))
    actual = _actual(case, out)
    if actual is None:
        return out
    out["actual"] = actual
    if path is None:
        out.update(status="pending", **because("no_baseline_times"))
        return out
    _numbers(case, path, actual, out)
    _status(case, path, actual, out)
    return out


def _resolve_path(baseline: Baseline | None,
                  milestones: tuple[tuple[int, RequirementValue], ...]) -> _Path | None:
    """Baseline, milestones and path points; None while a times_baseline milestone lacks b."""
    fixed = _fixed_milestones(milestones)
    if fixed is not None:
        resolved, tail = fixed
    else:
        b = baseline.value if baseline is not None else None
        values = [(y, resolve_requirement(v, b)) for y, v in milestones]
        if any(v is None for _, v in values):
            return None
        resolved = tuple(values)  # type: ignore[arg-type]
        tail = tuple((y, midpoint(v)) for y, v in resolved)
    points = ((baseline.year, baseline.value),) + tail if baseline is not None else tail
    return _Path(baseline, resolved, points)


@lru_cache(maxsize=1024)
def _fixed_milestones(milestones: tuple[tuple[int, RequirementValue], ...]
                      ) -> tuple[tuple[tuple[int, Requirement], ...], tuple[tuple[int, float], ...]] | None:
    """Resolved milestones and their path points when none depends on the baseline.

    Every unit of a scoped target has the same ones, so they are computed once
    and shared (2,844 county results per national target); None when a
    ``times_baseline`` milestone needs each unit's own baseline.
    """
    if any(isinstance(v, TimesBaseline) for _, v in milestones):
        return None
    resolved = tuple((y, resolve_requirement(v, None)) for y, v in milestones)
    return resolved, tuple((y, midpoint(v)) for y, v in resolved)  # type: ignore[arg-type]


def _method_name(case: Case) -> str:
    """Cumulative totals always use the linear path; level and rank may use cagr."""
    return "linear" if case.target.kind == "cumulative" else case.settings.method


def _actual(case: Case, out: Outcome) -> float | None:
    """``a`` at Y; on failure fills the no_data or pending outcome and returns None."""
    if case.target.kind == "cumulative":
        if case.year < case.since:
            # Nothing is counted before `since`, whether the CSV gives yearly values or totals.
            out.update(status="pending", **because("total_not_started", since=case.since))
            return None
        if case.target.actuals != "running_total":
            return _cumulative_actual(case, out)
    value = value_at(case.series, case.year)
    if value is None:
        reason, last_year, last_value = no_data_reason(case)
        out.update(status="no_data", **reason, last_year=last_year, last_value=last_value)
        return None
    out["data_status"] = status_at(case.series, case.year)
    return value


def _cumulative_actual(case: Case, out: Outcome) -> float | None:
    """The sum of the yearly actuals from ``since`` to Y; a missing year makes it missing."""
    since = case.since
    total, missing, statuses = 0.0, [], []
    for year in range(since, case.year + 1):
        value = value_at(case.series, year)
        if value is None:
            missing.append(year)
            continue
        total += value
        statuses.append(status_at(case.series, year))  # type: ignore[arg-type]
    if missing:
        _, last_year, last_value = no_data_reason(case)
        years = ", ".join(str(y) for y in missing)
        out.update(status="no_data", **because("total_missing_years", years=years, since=since),
                   last_year=last_year, last_value=last_value)
        return None
    out["data_status"] = weakest_status(statuses)
    return total


def _numbers(case: Case, path: _Path, a: float, out: Outcome) -> None:
    """expected, gap, attainment, progress, required and trend pace, projection (SPEC 4.1)."""
    year, cmp = case.year, case.cmp
    final_year, v_req = path.final
    v_t = midpoint(v_req)
    b = path.baseline.value if path.baseline is not None else None
    expected = path_value(path.points, year)
    prog = progress(a, b, v_t)
    out.update(expected=expected, progress=prog,
               gap=None if expected is None else a - expected,
               attainment=attainment(a, cmp, v_req, tol=case.tol, progress_value=prog,
                                          has_baseline=b is not None))
    if year < final_year:
        out["required_annual"] = (v_t - a) / (final_year - year)
    if path.baseline is not None and year > path.baseline.year:
        trend = (a - path.baseline.value) / (year - path.baseline.year)
        out["trend_annual"] = trend
        if year < final_year:
            projected = a + trend * (final_year - year)
            out.update(projected=projected, projected_met=satisfies(projected, cmp, v_req, case.tol))
    if path.baseline is not None and expected is not None:
        out["progress_ratio"] = _ratio(case, path, a, expected, out)


def _ratio(case: Case, path: _Path, a: float, expected: float, out: Outcome) -> float | None:
    """rho by the chosen method; cagr falls back to linear when it does not apply."""
    assert path.baseline is not None
    y0, b = path.baseline.year, path.baseline.value
    final_year, v_req = path.final
    d = direction(case.cmp, b, midpoint(v_req))
    if out["method"] == "cagr":
        rho = cagr_ratio(a, b, case.year - y0, midpoint(v_req), final_year - y0, d)
        if rho is not None:
            return rho
        out["method"] = "linear"
    return linear_ratio(a, b, expected, d)


def _status(case: Case, path: _Path, a: float, out: Outcome) -> None:
    """Rules 2 to 7 of SPEC 4.1, first that applies."""
    year, cmp, tol = case.year, case.cmp, case.tol
    final_year, v_req = path.final
    if year >= final_year or satisfies(a, cmp, v_req, tol):
        met = satisfies(a, cmp, v_req, tol)
        code = ("final_met_early" if year < final_year else "final_met") if met else "final_missed"
        out.update(status="met" if met else "missed",
                   **because(code, target=fmt(v_req), target_year=final_year, actual=fmt(a)))
        return
    for milestone_year, v in path.milestones:
        if milestone_year == year:
            met = satisfies(a, cmp, v, tol)
            out.update(status="met" if met else "missed",
                       **because("milestone_met" if met else "milestone_missed", target=fmt(v), year=year,
                                 actual=fmt(a)))
            return
    expected = out["expected"]
    if path.baseline is None or expected is None:
        reason = (because("no_baseline_progress") if path.baseline is None
                  else because("before_baseline", year=year, baseline_year=path.baseline.year))
        out.update(status="pending", **reason)
        return
    _progress_status(case, path, a, expected, out)


def _progress_status(case: Case, path: _Path, a: float, expected: float, out: Outcome) -> None:
    """Rule 6: the progress ratio against the thresholds, or the baseline if none is due yet."""
    assert path.baseline is not None
    b = path.baseline.value
    d = direction(case.cmp, b, midpoint(path.final[1]))
    rho = out.get("progress_ratio")
    settings = case.settings
    if rho is None:
        ok = d * (a - b) >= -eps(b)
        out.update(status="on_track" if ok else "regressing",
                   **(because("none_due_yet", actual=fmt(a), baseline=fmt(b)) if ok
                      else because("moving_away_none_due", baseline=fmt(b), baseline_year=path.baseline.year,
                                   actual=fmt(a))))
        return
    status = classify_ratio(rho, settings.on_track, settings.at_risk)
    out.update(status=status, **_progress_reason(status, out["method"], a, b, expected))


def _progress_reason(status: str, method: str, a: float, b: float, expected: float) -> dict[str, object]:
    """"behind the linear schedule: 0.06 below the expected 3.36" and its siblings."""
    if status == "regressing":
        return because("regressing", actual=fmt(a), baseline=fmt(b))
    if status == "on_track":
        return because("on_schedule", method=method, actual=fmt(a), expected=fmt(expected))
    gap = a - expected
    return because("behind_above" if gap > 0 else "behind_below", method=method,
                   difference=fmt(abs(gap)), expected=fmt(expected))
