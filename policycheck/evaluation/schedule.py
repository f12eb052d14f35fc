"""The arithmetic of docs/evaluation.md: comparisons, the expected path, progress, growth, attainment.

Every function here is pure and works on plain numbers, so that the status
rules in :mod:`policycheck.evaluation.kind_trajectory` and :mod:`policycheck.evaluation.kind_yearly` read like the
docs and the formulas can be tested one by one.  A number that cannot be
computed is ``None``, never a made-up 0.
"""
from __future__ import annotations

from collections.abc import Sequence

from policycheck.model import Status

#: A requirement as the arithmetic sees it: a number, or ``(lo, hi)`` for ``between``.
Requirement = float | tuple[float, float]
#: Resolved path points ``(year, value)`` in year order.
Points = Sequence[tuple[int, float]]


def eps(v: float) -> float:
    """The comparison slack ``1e-9 * max(1, |v|)``: float noise never flips a status."""
    return 1e-9 * max(1.0, abs(v))


def satisfies(x: float, cmp: str, v: Requirement, tol: float = 0.0) -> bool:
    """Satisfies(x, cmp, v) of docs/evaluation.md#notation; ``tol`` is the relative tolerance of ``approx``."""
    if isinstance(v, tuple):
        lo, hi = v
        if cmp == "between":
            return lo - eps(lo) <= x <= hi + eps(hi)
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
        return abs(x - v) <= e
    if cmp == "approx":
        return abs(x - v) <= tol * abs(v) + e
    if cmp == "between":  # a single number given for between: the degenerate interval
        return abs(x - v) <= e
    raise ValueError(f"unknown comparator {cmp!r}")


def midpoint(v: Requirement) -> float:
    """The number a requirement stands for on a path: the midpoint of ``[lo, hi]``."""
    if isinstance(v, tuple):
        return (v[0] + v[1]) / 2.0
    return float(v)


def direction(cmp: str, b: float | None, v_t: float) -> int:
    """``d``: +1 when higher is better, -1 when lower is better (docs/evaluation.md#notation).

    For ``==``, ``between`` and ``approx`` it is the sign of ``v_T - b``, and 0
    when there is no baseline or the target equals the baseline.
    """
    if cmp in (">=", ">"):
        return 1
    if cmp in ("<=", "<"):
        return -1
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


def attainment(a: float, cmp: str, v: Requirement, *, tol: float = 0.0,
               progress_value: float | None = None, has_baseline: bool | None = None) -> float | None:
    """达成率 (docs/evaluation.md#attainment) of the actual ``a`` against the requirement ``v``.

    For 清零 (v = 0, lower is better) above zero it is ``progress_value`` when the
    target has a baseline (null when progress cannot be computed, e.g. b = 0),
    else 0.  ``has_baseline`` None means: a baseline if a progress value is given.
    """
    if has_baseline is None:
        has_baseline = progress_value is not None
    if cmp == "between" and isinstance(v, tuple):
        return _between_attainment(a, v)
    if cmp in ("==", "approx", "between"):
        v = midpoint(v)
        if satisfies(a, cmp, v, tol):
            return 1.0
        if v == 0:
            return None
        return 0.0 if a == 0 else min(a / v, v / a)
    v = midpoint(v)
    if cmp in (">=", ">"):
        return None if v == 0 else a / v
    if v == 0:  # 清零: zero is the target
        if a <= 0:
            return 1.0
        return progress_value if has_baseline else 0.0
    return v / a if a > 0 else None


def _between_attainment(a: float, v: tuple[float, float]) -> float | None:
    lo, hi = v
    if satisfies(a, "between", v):
        return 1.0
    if a < lo:
        return None if lo == 0 else a / lo
    return None if a == 0 else hi / a
