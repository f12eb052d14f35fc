"""Status of cagr targets: an average annual growth rate since the baseline (docs/evaluation.md#cagr).

The actual is the average rate ``((L(Y)/b)^(1/(Y-y0)) - 1) * 100`` from the
level L(Y) and the baseline level b, or the reported rate with
``actuals: rate``; the requirement is the final milestone r.
"""
from __future__ import annotations

import math

from policycheck.evaluation.context import (
    Case,
    baseline_year,
    fmt,
    fmt_judged,
    mark_no_data,
    resolve_baseline,
    resolve_requirement,
    value_at,
)
from policycheck.evaluation.judge import attained, meets, signed_margin, travel
from policycheck.evaluation.outcome import Outcome
from policycheck.evaluation.reasons import because
from policycheck.evaluation.schedule import average_growth, classify_ratio, midpoint, time_progress
from policycheck.numtext import expected_apart


def evaluate_cagr(case: Case) -> Outcome:
    """A cagr target at the case's year."""
    final_year, raw = case.milestones[-1]
    r_req = resolve_requirement(raw, None)
    assert r_req is not None, "times_baseline applies to level targets only"
    r = midpoint(r_req)
    baseline = resolve_baseline(case)
    y0 = baseline_year(case)
    rate_mode = case.target.actuals == "rate"
    out = Outcome(observed=case.series.observed(), method="cagr", target_year=final_year, target_value=r_req,
                  expected=r, expected_range=r_req if isinstance(r_req, tuple) else None, baseline=baseline,
                  time_progress=time_progress(case.year, y0, final_year))
    if baseline is not None and not rate_mode:
        b = baseline.value
        # Chart data only: a rate that compounds beyond the float range leaves no path,
        # and the status (from the rate itself) stands.
        out.path = _compound_path(b, r, y0, final_year)
        if case.year >= y0 and out.path:
            out.expected_level = b * (1 + r / 100) ** (case.year - y0)
    elif rate_mode:
        out.path = ((y0 + 1, r), (final_year, r)) if final_year > y0 else ((final_year, r),)
    a = _actual(case, out, y0, rate_mode)
    if a is None:
        return out
    out.actual = a
    out.gap = a - r
    out.margin = signed_margin(case, a, r_req, r_req, travel(case, 0.0, r))
    out.attainment = attained(case, a, r_req)
    _status(case, a, r_req, final_year, out)
    return out


def _compound_path(b: float, r: float, y0: int, final_year: int) -> tuple[tuple[int, float], ...]:
    """(year, b grown by r % a year since y0) up to the final year; () beyond the float range."""
    try:
        path = tuple((y, b * (1 + r / 100) ** (y - y0)) for y in range(y0, final_year + 1))
    except OverflowError:
        return ()
    return path if all(math.isfinite(v) for _, v in path) else ()


def _actual(case: Case, out: Outcome, y0: int, rate_mode: bool) -> float | None:
    """The average rate at Y; on failure fills a no_data or pending outcome and returns None."""
    value = value_at(case.series, case.year)
    if value is None:
        mark_no_data(out, case, what="rate" if rate_mode else "level")
        return None
    out.data_status = case.series.status(case.year)
    if rate_mode:
        return value
    out.level = value
    baseline = out.baseline
    if baseline is None:
        out.judge("pending", because("no_baseline_growth"))
        return None
    if case.year <= y0:
        out.judge("pending", because("not_after_baseline", year=case.year, baseline_year=y0))
        return None
    a = average_growth(value, baseline.value, case.year - y0)
    if a is None:
        if baseline.value > 0:  # the baseline is fine: the level is what has no growth rate
            out.judge("pending", because("level_negative", year=case.year, level=fmt(value)))
        else:
            out.judge("pending", because("baseline_not_positive", baseline=fmt(baseline.value)))
    return a


def _status(case: Case, a: float, r_req: float | tuple[float, float], final_year: int, out: Outcome) -> None:
    """met/missed from T on; before T on_track when satisfied, else the ratio a/r."""
    r = midpoint(r_req)

    def rate(status: str) -> dict[str, str]:
        # short of the required rate, neither rate is rounded onto the other (docs/reports.md#rounding-apart)
        required = fmt(r_req) if isinstance(r_req, tuple) else expected_apart(r_req, status, a)
        return {"rate": fmt_judged(a, status, out), "required": required}

    if meets(case, a, r_req):
        out.judge("met" if case.year >= final_year else "on_track", because("growth", **rate("met")))
        return
    if case.year >= final_year:
        out.judge("missed", because("growth_missed", **rate("missed"), target_year=final_year))
        return
    d = travel(case, 0.0, r)
    if d * r <= 0:
        # No ratio can measure the distance (e.g. a maximum rate above zero): behind.
        out.judge("off_track", because("growth_behind", **rate("off_track")))
        return
    rho = a / r
    out.progress_ratio = rho
    status = classify_ratio(rho, case.settings.on_track, case.settings.at_risk)
    out.judge(status, because("growth_pace", **rate(status), ratio=fmt(rho)))
