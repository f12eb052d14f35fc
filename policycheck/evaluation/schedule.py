"""The arithmetic of docs/evaluation.md: comparisons, the expected path, progress, growth, attainment.

Every function here is pure and works on plain numbers, so that the status
rules in :mod:`policycheck.evaluation.kind_trajectory` and :mod:`policycheck.evaluation.kind_yearly` read like the
docs and the formulas can be tested one by one.  A number that cannot be
computed is ``None``, never a made-up 0.
"""
from __future__ import annotations

import math
from collections.abc import Sequence

from policycheck.model import Status

#: A requirement as the arithmetic sees it: a number, or ``(lo, hi)`` for ``between``.
Requirement = float | tuple[float, float]
#: Resolved path points ``(year, value)`` in year order.
Points = Sequence[tuple[int, float]]


def eps(v: float) -> float:
    """The comparison slack ``1e-9 * max(1, |v|)``: float noise never flips a status."""
    return 1e-9 * max(1.0, abs(v))


def satisfies(x: float, cmp: str, v: Requirement, tol: float = 0.0, open_end: int = 0, *, sign: int = 0,
              band: float | None = None) -> bool:
    """Satisfies(x, cmp, v) of docs/evaluation.md#notation; ``tol`` is the relative tolerance of ``approx``.

    ``open_end`` is the open end of a ``between`` range (docs/evaluation.md#ranges):
    +1 when more than hi meets it (不少于3—5场), -1 when less than lo does, 0 closed.
    ``approx`` (左右) allows ``band`` (in the target's unit) or else ``tol`` × |v|,
    on one side only when the target has a direction: ``sign`` +1 reads 30左右 as
    "at least about 30", -1 as "at most about 30"; 0 reads it both ways
    (docs/evaluation.md#approx).  ``==`` with a ``sign`` is "at least" / "at most"
    the value itself; without one it is exact.
    """
    if isinstance(v, tuple):
        lo, hi = v
        if cmp == "between":
            return (open_end < 0 or lo - eps(lo) <= x) and (open_end > 0 or x <= hi + eps(hi))
        v = midpoint(v)
    e = eps(v)
    if cmp == ">=":
        return x >= v - e
    if cmp == ">":
        return x > v + e
    if cmp == "<=":
        return x <= v + e
    if cmp == "<":
        return x < v - e
    if cmp == "==":
        # with a direction, "at least" / "at most" v, as 左右 with a direction and no
        # tolerance: the status then agrees with the attainment and 差距 beside it
        # (docs/plan-format.md#direction)
        return sign * (x - v) >= -e if sign else abs(x - v) <= e
    if cmp == "approx":
        slack = (tol * abs(v) if band is None else band) + e
        if sign > 0:
            return x >= v - slack
        if sign < 0:
            return x <= v + slack
        return abs(x - v) <= slack
    if cmp == "between":  # a single number given for between: the degenerate interval
        return abs(x - v) <= e
    raise ValueError(f"unknown comparator {cmp!r}")


def midpoint(v: Requirement) -> float:
    """The number a requirement stands for on a path: the midpoint of ``[lo, hi]``."""
    if isinstance(v, tuple):
        return (v[0] + v[1]) / 2.0
    return float(v)


def direction(cmp: str, b: float | None, v_t: float, open_end: int = 0) -> int:
    """``d``: +1 when higher is better, -1 when lower is better (docs/evaluation.md#notation).

    For ``==``, ``between`` and ``approx`` it is the sign of ``v_T - b``, and 0
    when there is no baseline or the target equals the baseline; a range open
    at one end (``open_end``) goes that way.
    """
    if cmp in (">=", ">"):
        return 1
    if cmp in ("<=", "<"):
        return -1
    if open_end:
        return open_end
    if b is None or v_t == b:
        return 0
    return 1 if v_t > b else -1


def path_value(points: Points, year: int) -> float | None:
    """E(y): piecewise-linear through ``points``; None before the first, v_T after the last."""
    if not points or year < points[0][0]:
        return None
    prev_year, prev_value = points[0]
    for point_year, value in points:
        if year <= point_year:
            if point_year == prev_year:
                return value
            share = (year - prev_year) / (point_year - prev_year)
            return prev_value + share * (value - prev_value)
        prev_year, prev_value = point_year, value
    return points[-1][1]


def geometric_value(start: float, end: float, share: float) -> float | None:
    """The value ``share`` of the way from ``start`` to ``end`` at a constant rate of change;
    None when either end is not positive (no constant rate joins them)."""
    if start <= 0 or end <= 0:
        return None
    try:
        value: float = start * (end / start) ** share
    except OverflowError:  # statistics near the float limit: no compound rate to speak of
        return None
    return value if math.isfinite(value) else None


def toward_baseline(value: float, travel: int) -> float:
    """A scheduled count as a whole number, rounded toward the baseline: down on a rising
    path, up on a falling one, so the schedule never asks for part of a thing."""
    if not math.isfinite(value) or abs(value) >= 2.0 ** 52:  # beyond 2^52 every float is whole
        return value
    if travel > 0:
        return float(math.floor(value + eps(value)))
    if travel < 0:
        return float(math.ceil(value - eps(value)))
    return value


def time_progress(year: int, y0: int, t: int) -> float | None:
    """序时进度 ``clamp((Y - y0)/(T - y0), 0, 1)``; None when T is not after y0."""
    if t <= y0:
        return None
    return min(1.0, max(0.0, (year - y0) / (t - y0)))


def progress(a: float, b: float | None, v_t: float) -> float | None:
    """完成进度 ``(a - b)/(v_T - b)``; None without a baseline or when v_T equals b."""
    if b is None or v_t == b:
        return None
    return (a - b) / (v_t - b)


def classify_ratio(rho: float, on_track: float, at_risk: float) -> Status:
    """The status for a progress ratio (the thresholds of rule 6, docs/evaluation.md#level-rank-cumulative)."""
    if rho >= on_track:
        return "on_track"
    if rho >= at_risk:
        return "at_risk"
    if rho >= 0:
        return "off_track"
    return "regressing"


def linear_ratio(a: float, b: float, expected: float, d: int) -> float | None:
    """rho of the linear method, or None when no progress is required yet (d·R_req <= eps)."""
    required = expected - b
    if d * required <= eps(required):
        return None
    return (a - b) / required


def cagr_ratio(a: float, b: float, years_done: int, v_t: float, years_all: int,
               d: int) -> float | None:
    """rho of the cagr method ``d * g_a / |g_r|``; None when the method does not apply."""
    if not (b > 0 and a > 0 and v_t > 0 and years_done > 0 and years_all > 0):
        return None
    # float ** float is typed Any (a negative base would give a complex); both bases are positive here.
    g_r: float = (v_t / b) ** (1.0 / years_all) - 1.0
    if abs(g_r) <= eps(0.0):
        return None
    g_a: float = (a / b) ** (1.0 / years_done) - 1.0
    return d * g_a / abs(g_r)


def growth_rate(level: float | None, previous: float | None) -> float | None:
    """Year-on-year growth in percent; None if a level is missing or the previous is <= 0."""
    if level is None or previous is None or previous <= 0:
        return None
    return (level / previous - 1.0) * 100.0


def average_growth(level: float, b: float, years: int) -> float | None:
    """年均增速 ``((L/b)^(1/years) - 1) * 100``; None when it has no real value."""
    if years <= 0 or b <= 0 or level < 0:
        return None
    rate: float = ((level / b) ** (1.0 / years) - 1.0) * 100.0  # level >= 0 and b > 0: a real number
    return rate


def margin(a: float, cmp: str, scheduled: Requirement, final: Requirement, d: int, *,
           tol: float = 0.0, open_end: int = 0, sign: int = 0, band: float | None = None) -> float:
    """The gap in the one sign convention of the reports (docs/evaluation.md#the-sign-of-gaps).

    ``+`` ahead of or better than what is ``scheduled`` at Y (E(Y), or the
    requirement itself), ``-`` behind or worse, 0 inside a required range.
    ``final`` is the final requirement and ``d`` the direction of travel: a
    range or an ``approx`` value is approached from one side, and going past
    its far end is worse, not better (unless the range is open that way, or
    the target's direction ``sign`` says that way is better).
    """
    if cmp in (">=", ">"):
        return a - midpoint(scheduled)
    if cmp in ("<=", "<"):
        return midpoint(scheduled) - a
    if cmp == "between" and isinstance(scheduled, tuple) and isinstance(final, tuple):
        return _range_margin(a, scheduled, final, d, open_end)
    v, s = midpoint(final), midpoint(scheduled)
    if sign:  # approx or == with a direction (docs/evaluation.md#approx): better is that way
        if sign * (a - s) < 0 and satisfies(a, cmp, final, tol, sign=sign, band=band):
            return 0.0  # short of the nominal value but within the tolerance
        return sign * (a - s)
    # approx, ==: satisfied is 0; on the way there, ahead or behind the schedule; past it, worse.
    if satisfies(a, cmp, final, tol, band=band):
        return 0.0
    if d and d * (v - a) > 0:
        return d * (a - s)
    return -abs(a - v)


def _range_margin(a: float, scheduled: tuple[float, float], final: tuple[float, float], d: int,
                  open_end: int) -> float:
    lo, hi = scheduled
    if a < lo - eps(lo):
        ahead = open_end < 0 or (d < 0 and a >= final[0] - eps(final[0]))
        if ahead:
            return lo - a
        return a - (final[0] if d < 0 else lo)  # past the far end of the range, or behind
    if a > hi + eps(hi):
        ahead = open_end > 0 or (d > 0 and a <= final[1] + eps(final[1]))
        if ahead:
            return a - hi
        return (final[1] if d > 0 else hi) - a
    return 0.0


def attainment(a: float, cmp: str, v: Requirement, *, tol: float = 0.0,
               progress_value: float | None = None, has_baseline: bool | None = None,
               open_end: int = 0, sign: int | None = None, band: float | None = None) -> float | None:
    """达成率 (docs/evaluation.md#attainment) of the actual ``a`` against the requirement ``v``.

    ``sign`` is the target's direction (+1 up, -1 down, 0 none); None takes it from
    the comparator.  Higher is better: a / v; below zero (v < 0) v / a at or below v, 2 - a / v
    above it, so that 100 % or more means the requirement is met.  Lower is better: v / a when a is at
    or above v, 2 - a / v below it (0.6 against at most 5 is 188 %, not 833 %:
    100 % plus the share of the limit left unused).  For 清零 (v = 0, lower is better)
    above zero it is ``progress_value`` when the target has a baseline (null when
    progress cannot be computed, e.g. b = 0), else 0.  ``has_baseline`` None means:
    a baseline if a progress value is given.  approx and == without a direction:
    1 when satisfied, else min(a/v, v/a); ``between``: see :func:`_between_attainment`
    (``open_end`` its open end).  Extreme statistics (1e300 against
    1e-300) overflow a ratio: there is no finite attainment, so it is None.
    """
    value = _attainment(a, cmp, v, tol, progress_value, has_baseline, open_end, sign, band)
    return value if value is None or math.isfinite(value) else None


def _attainment(a: float, cmp: str, v: Requirement, tol: float, progress_value: float | None,
                has_baseline: bool | None, open_end: int, sign: int | None, band: float | None) -> float | None:
    if has_baseline is None:
        has_baseline = progress_value is not None
    if cmp == "between" and isinstance(v, tuple):
        return _between_attainment(a, v, open_end)
    if sign is None:
        sign = {">=": 1, ">": 1, "<=": -1, "<": -1}.get(cmp, 0)
    if cmp in ("==", "approx", "between") and sign == 0:
        v = midpoint(v)
        if satisfies(a, cmp, v, tol, band=band):
            return 1.0
        if v == 0:
            return None
        return 0.0 if a == 0 else min(a / v, v / a)
    v = midpoint(v)
    if sign > 0:
        if v < 0:  # a fall of at most |v| (不低于-3%): the mirror of lower is better with v > 0
            return v / a if a <= v else 2.0 - a / v
        return None if v == 0 else a / v
    if v == 0:  # 清零: zero is the target
        if a <= 0:
            return 1.0
        return progress_value if has_baseline else 0.0
    if v < 0:  # a fall of at least |v| (增速不高于-2%): the larger the fall, the better
        return a / v if a < 0 else 0.0
    return v / a if a >= v else 2.0 - a / v


def _between_attainment(a: float, v: tuple[float, float], open_end: int = 0) -> float | None:
    """1 inside, a/lo below, hi/a above; beyond an open end, how far beyond (a/hi, lo/a)."""
    lo, hi = v
    if satisfies(a, "between", v):
        return 1.0
    if a < lo:
        if open_end < 0:
            return None if a <= 0 else lo / a
        return None if lo == 0 else a / lo
    if open_end > 0:
        return None if hi == 0 else a / hi
    return None if a == 0 else hi / a
