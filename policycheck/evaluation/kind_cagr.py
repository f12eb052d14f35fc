"""Status of cagr targets: an average annual growth rate since the baseline (SPEC 4.3).

The actual is the average rate ``((L(Y)/b)^(1/(Y-y0)) - 1) * 100`` from the
level L(Y) and the baseline level b, or the reported rate with
``actuals: rate``; the requirement is the final milestone r.
"""
from __future__ import annotations

import math

from policycheck.evaluation.context import (Case, Outcome, baseline_year, fmt, no_data_reason, number, observed,
                              resolve_baseline, resolve_requirement)
from policycheck.evaluation.reasons import because
from policycheck.evaluation.schedule import (attainment, average_growth, classify_ratio, direction, midpoint,
                                    satisfies, time_progress)


def evaluate_cagr(case: Case) -> Outcome:
    """A cagr target at the case's year."""
    final_year, raw = case.milestones[-1]
    r_req = resolve_requirement(raw, None)
    assert r_req is not None, "times_baseline applies to level targets only"
    r = midpoint(r_req)
    baseline = resolve_baseline(case)
    y0 = baseline_year(case)
    rate_mode = case.target.actuals == "rate"
    out: Outcome = {"observed": observed(case.series), "method": "cagr", "target_year": final_year,
                    "target_value": r_req, "expected": r, "baseline": baseline,
                    "time_progress": time_progress(case.year, y0, final_year)}
    if baseline is not None and not rate_mode:
        b = baseline.value
        out["path"] = tuple((y, compound(b, r, y - y0)) for y in range(y0, final_year + 1))
        if case.year >= y0:
            out["expected_level"] = compound(b, r, case.year - y0)
    elif rate_mode:
        out["path"] = ((y0 + 1, r), (final_year, r)) if final_year > y0 else ((final_year, r),)
    a = _actual(case, out, y0, rate_mode)
    if a is None:
        return out
    out.update(actual=a, gap=a - r, attainment=attainment(a, case.cmp, r_req, tol=case.tol))
    _status(case, a, r_req, final_year, out)
    return out


def _actual(case: Case, out: Outcome, y0: int, rate_mode: bool) -> float | None:
    """The average rate at Y; on failure fills a no_data or pending outcome and returns None."""
    obs = case.series.get(case.year)
    value = number(obs)
    if value is None:
        reason, last_year, last_value = no_data_reason(case, "rate" if rate_mode else "level")
        out.update(status="no_data", **reason, last_year=last_year, last_value=last_value)
        return None
    out["data_status"] = obs.status if obs is not None else None
    if rate_mode:
        return value
    out["level"] = value
    baseline = out["baseline"]
    if baseline is None:
        out.update(status="pending", **because("no_baseline_growth"))
        return None
    if case.year <= y0:
        out.update(status="pending", **because("not_after_baseline", year=case.year, baseline_year=y0))
        return None
    a = average_growth(value, baseline.value, case.year - y0)
    if a is None:
        out.update(status="pending", **because("baseline_not_positive", baseline=fmt(baseline.value)))
    return a


def _status(case: Case, a: float, r_req: float | tuple[float, float], final_year: int,
            out: Outcome) -> None:
    """met/missed from T on; before T on_track when satisfied, else the ratio a/r."""
    r = midpoint(r_req)
    rate = {"rate": fmt(a), "required": fmt(r_req)}
    if satisfies(a, case.cmp, r_req, case.tol):
        out.update(status="met" if case.year >= final_year else "on_track", **because("growth", **rate))
        return
    if case.year >= final_year:
        out.update(status="missed", **because("growth_missed", **rate, target_year=final_year))
        return
    d = direction(case.cmp, 0.0, r)
    if d * r <= 0:
        # No ratio can measure the distance (e.g. a maximum rate above zero): behind.
        out.update(status="off_track", **because("growth_behind", **rate))
        return
    rho = a / r
    out.update(progress_ratio=rho, status=classify_ratio(rho, case.settings.on_track, case.settings.at_risk),
               **because("growth_pace", **rate, ratio=fmt(rho)))


def compound(b: float, rate: float, years: int) -> float:
    """``b`` grown by ``rate`` percent a year for ``years``; infinity past the largest float
    (a rate of 1e300 %), which the JSON report writes as null, rather than an OverflowError."""
    try:
        return b * (1 + rate / 100) ** years
    except OverflowError:
        return math.copysign(math.inf, b) if b else 0.0
