"""An independent oracle for docs/evaluation.md, written from docs/evaluation.md alone.

It recomputes the status and every reported number of one unscoped target at
one assessment year, as plainly as the docs state them, so a property test can
hold :func:`policycheck.evaluation.engine.evaluate` against it.  Where the docs are
silent the oracle follows the choice written down in docs/evaluation.md, and
each such place says so in a comment ("docs choice").
"""
from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from policycheck.model import FAIL_ON, Plan, Target, TimesBaseline
from policycheck.observations import Observation

Number = float
WEAKNESS = {"final": 0, "preliminary": 1, "estimate": 2}


@dataclass(frozen=True)
class Settings:
    """The options an evaluation runs with (README.md#what-it-does defaults)."""

    method: str = "linear"
    on_track: float = 0.95
    at_risk: float = 0.6
    fail_on: str = "off-track"
    strict: bool = False


# ---------------------------------------------------------------- primitives


def eps_for(v: float) -> float:
    return 1e-9 * max(1.0, abs(v))


def satisfies(x: float, cmp: str, v: Any, tol: float, sign: int = 0) -> bool:
    """Satisfies of docs/evaluation.md#notation:(x, cmp, v); ``between`` gives each bound its own eps (docs choice).

    docs choice (evaluation.md#approx): 左右 with a direction is one-sided, ``sign``
    +1 at least v - tol|v|, -1 at most v + tol|v|; without one, two-sided.  A ``between``
    range with a direction is open at that end (evaluation.md#ranges)."""
    if cmp == "between":
        lo, hi = v
        return (sign < 0 or lo - eps_for(lo) <= x) and (sign > 0 or x <= hi + eps_for(hi))
    e = eps_for(v)
    if cmp == ">=":
        return x >= v - e
    if cmp == ">":
        return x > v + e
    if cmp == "<=":
        return x <= v + e
    if cmp == "<":
        return x < v - e
    if cmp == "==" and sign:
        return sign * (x - v) >= -e  # docs choice (plan-format.md#direction): at least / at most v
    if cmp == "==":
        return abs(x - v) <= e
    if sign > 0:
        return x >= v - tol * abs(v) - e  # approx, direction up
    if sign < 0:
        return x <= v + tol * abs(v) + e  # approx, direction down
    return abs(x - v) <= tol * abs(v) + e  # approx


def numeric(v: Any) -> float:
    """The number a requirement stands for: the midpoint of a ``between`` pair."""
    if isinstance(v, tuple):
        return (v[0] + v[1]) / 2
    return float(v)


def target_sign(target: Target) -> int:
    """docs choice (plan-format.md#direction): ``direction`` if given, else the comparator's."""
    if target.direction is not None:
        return 1 if target.direction == "up" else -1
    cmp = target.comparator or ("<=" if target.kind == "rank" else ">=")
    return {">=": 1, ">": 1, "<=": -1, "<": -1}.get(cmp, 0)


def direction(cmp: str, v_t: float, b: float | None, sign: int = 0) -> int:
    """d (docs/evaluation.md#notation): the target's direction, +1 / -1 by comparator, else
    sign(v_T - b) (0 without a baseline)."""
    if sign:
        return sign
    if cmp in (">=", ">"):
        return 1
    if cmp in ("<=", "<"):
        return -1
    if b is None:
        return 0
    return (v_t > b) - (v_t < b)


def div(x: float, y: float) -> float | None:
    return None if y == 0 else x / y


def ratio_status(rho: float, s: Settings) -> str:
    """The thresholds of docs/evaluation.md#level-rank-cumulative, rule 6."""
    if rho >= s.on_track:
        return "on_track"
    if rho >= s.at_risk:
        return "at_risk"
    return "off_track" if rho >= 0 else "regressing"


def tolerance(plan: Plan, target: Target) -> float:
    return target.tolerance if target.tolerance is not None else plan.assessment.approx_tolerance


def value_at(series: Mapping[int, Observation], year: int) -> Any:
    obs = series.get(year)
    return None if obs is None else obs.value


# ---------------------------------------------------------------- attainment


def attainment(a: float | None, cmp: str, v: Any, d: int, progress: float | None,
               has_baseline: bool, tol: float, sign: int = 0) -> float | None:
    """docs/evaluation.md#attainment, against v_T (level types) or v (annual, growth); ``sign`` the
    target's direction."""
    if a is None:
        return None
    if cmp == "between":
        lo, hi = v
        if satisfies(a, cmp, v, tol):  # inside the range itself
            return 1.0
        if a < lo:  # docs choice (evaluation.md#ranges): beyond an open end, how far beyond
            return (None if a <= 0 else lo / a) if sign < 0 else div(a, lo)
        return div(a, hi) if sign > 0 else div(hi, a)
    if cmp in ("==", "approx") and sign == 0:
        if satisfies(a, cmp, v, tol):
            return 1.0
        # docs choice: 0 when a = 0 (v/a has no value, a/v is 0); v = 0 leaves a/v
        # without a value, so the minimum cannot be computed: null.
        if v == 0:
            return None
        return 0.0 if a == 0 else min(a / v, v / a)
    if cmp in ("==", "approx"):
        d = sign  # docs choice: with a direction, approx and == are measured like >= or <=
    if d == 1:
        # docs choice (evaluation.md#attainment): at least a negative v mirrors at most a positive one
        if v < 0:
            return v / a if a <= v else 2 - a / v
        return div(a, v)
    if v == 0:  # 清零
        if a <= 0:
            return 1.0
        return progress if has_baseline else 0.0
    # docs choice (evaluation.md#attainment): lower is better is v/a at or above v and
    # 2 - a/v below it; a limit below zero (a fall of at least |v|) is a/v for a fall.
    if v < 0:
        return a / v if a < 0 else 0.0
    return v / a if a >= v else 2 - a / v


# ---------------------------------------------------------------- path E(y)


def path_value(points: list[tuple[int, float]], y: int) -> float | None:
    """Piecewise-linear E(y): null before the first point, v_T from the last on."""
    if not points or y < points[0][0]:
        return None
    if y >= points[-1][0]:
        return points[-1][1]
    for (y1, v1), (y2, v2) in itertools.pairwise(points):
        if y1 <= y <= y2:
            return v1 + (v2 - v1) * (y - y1) / (y2 - y1)
    return None  # unreachable: the points are in year order


# ---------------------------------------------------------------- baseline


def resolve_baseline(plan: Plan, target: Target,
                     series: Mapping[int, Observation]) -> tuple[int, float] | None:
    """The baseline (docs/evaluation.md#baseline): the target's own, else the actual at
    plan.baseline_year (any status)."""
    if target.baseline is not None:
        return target.baseline.year, target.baseline.value
    if target.kind == "cumulative":
        return since_of(plan, target) - 1, 0.0
    b = value_at(series, plan.baseline_year)
    return None if b is None else (plan.baseline_year, float(b))


def since_of(plan: Plan, target: Target) -> int:
    return target.since if target.since is not None else plan.period_start


def empty_result(kind: str) -> dict[str, Any]:
    """Every compared field, null until a rule computes it."""
    fields = ("actual", "data_status", "baseline", "target_value", "target_year", "expected", "gap",
              "attainment", "progress", "time_progress", "progress_ratio", "required_annual",
              "trend_annual", "projected", "projected_met", "history", "years_met", "years_due",
              "level", "expected_level", "achieved_year")
    out: dict[str, Any] = dict.fromkeys(fields)
    out["method"] = "linear"
    out["kind"] = kind
    return out


def weakest(statuses: list[str]) -> str:
    return max(statuses, key=WEAKNESS.__getitem__)


# ---------------------------------------------------------------- 4.1 level types


def level_actual(plan: Plan, target: Target, series: Mapping[int, Observation],
                 year: int) -> tuple[float | None, str | None, bool]:
    """(a, data status, before since) for level, rank and cumulative targets."""
    if target.kind == "cumulative" and target.actuals != "running_total":
        since = since_of(plan, target)
        if year < since:  # docs choice: before `since` the total is pending
            return None, None, True
        years = range(since, year + 1)
        if any(value_at(series, y) is None for y in years):
            return None, None, False  # a missing year makes the sum missing
        total = sum(float(series[y].value) for y in years)  # type: ignore[arg-type]
        return total, weakest([series[y].status for y in years]), False
    if target.kind == "cumulative" and year < since_of(plan, target):
        return None, None, True
    obs = series.get(year)
    if obs is None or obs.value is None:
        return None, None, False
    return float(obs.value), obs.status, False  # type: ignore[arg-type]


def ratio(kind: str, a: float, b: float, y0: int, e_y: float, v_t: float, t: int, y: int, d: int,
          s: Settings) -> tuple[float | None, str]:
    """rho of rule 6 (docs/evaluation.md#level-rank-cumulative) and the method used; None when
    no progress is required yet."""
    if s.method == "cagr" and kind in ("level", "rank") and b > 0 and a > 0 and v_t > 0 and y > y0:
        g_r = (v_t / b) ** (1 / (t - y0)) - 1
        if g_r != 0:
            g_a = (a / b) ** (1 / (y - y0)) - 1
            return d * g_a / abs(g_r), "cagr"
    r_req = e_y - b
    if d * r_req <= eps_for(v_t):
        return None, "linear"
    return (a - b) / r_req, "linear"


def reached(a: float, cmp: str, v_t: Any, tol: float, sign: int, d: int) -> bool:
    """Rule 3: the final target reached early; docs choice (evaluation.md#approx): 左右
    before the target year needs the nominal value, on the side the path travels."""
    if not satisfies(a, cmp, v_t, tol, sign):
        return False
    return cmp != "approx" or d == 0 or d * (a - v_t) >= -eps_for(v_t)


def level_status(a: float | None, y: int, ms: list[tuple[int, Any]], cmp: str, tol: float,
                 has_path: bool, rho: float | None, moved_away: bool, s: Settings,
                 sign: int = 0, d: int = 0) -> str:
    """The seven rules of docs/evaluation.md#level-rank-cumulative, first that applies."""
    t, v_t = ms[-1]
    if a is None:
        return "no_data"
    if y >= t:
        return "met" if satisfies(a, cmp, v_t, tol, sign) else "missed"
    if reached(a, cmp, v_t, tol, sign, d):
        return "met"
    for year, v in ms:
        if year == y:
            return "met" if satisfies(a, cmp, v, tol, sign) else "missed"
    if not has_path:
        return "pending"
    if rho is None:
        return "regressing" if moved_away else "on_track"
    return ratio_status(rho, s)


def level_result(plan: Plan, target: Target, series: Mapping[int, Observation], y: int,
                 s: Settings) -> dict[str, Any]:
    out = empty_result(target.kind)
    # The method names the setting until a ratio is computed (docs/evaluation.md: "the result's
    # method says which one was used"); cumulative totals are always linear (docs).
    out["method"] = s.method if target.kind in ("level", "rank") else "linear"
    cmp, tol = target.comparator or ">=", tolerance(plan, target)
    base = resolve_baseline(plan, target, series)
    a, data_status, before_since = level_actual(plan, target, series, y)
    out.update(actual=a, data_status=data_status)
    if base is not None:
        out["baseline"] = base
    t = target.milestones[-1][0]
    out.update(target_year=t, time_progress=time_progress(plan, target, y, t))
    if any(isinstance(v, TimesBaseline) for _, v in target.milestones) and base is None:
        # docs choice: a times_baseline milestone cannot be resolved: pending, after rule 1.
        out["status"] = "no_data" if a is None and not before_since else "pending"
        return out
    ms = [(yr, v.factor * base[1] if isinstance(v, TimesBaseline) else v)  # type: ignore[index]
          for yr, v in target.milestones]
    t, v_t_raw = ms[-1]
    v_t = numeric(v_t_raw)
    out["target_value"] = v_t_raw
    points = ([base] if base is not None else []) + [(yr, numeric(v)) for yr, v in ms]
    e_y = path_value(points, y)
    out["expected"] = e_y
    b = base[1] if base is not None else None
    sign = target_sign(target)
    d = direction(cmp, v_t, b, sign)
    rho = None
    counted = a
    if a is not None and cmp == "approx" and sign == 0 and d != 0 and \
            d * (a - v_t) > tol * abs(v_t) + eps_for(v_t):
        # docs choice (evaluation.md#approx): a two-sided 左右 past its band counts by its
        # distance from the target: as its mirror image on the near side.
        counted = v_t - (a - v_t)
    if a is not None:
        fill_level_numbers(out, a, base, e_y, v_t, t, y, cmp, v_t_raw, tol, sign)
        if base is not None and e_y is not None:
            rho, out["method"] = ratio(target.kind, counted, base[1], base[0], e_y, v_t, t, y, d, s)
            out["progress_ratio"] = rho
        out["attainment"] = attainment(a, cmp, v_t_raw, d, out["progress"], base is not None, tol, sign)
    if before_since:
        out["status"] = "pending"
        return out
    moved_away = counted is not None and b is not None and d * (counted - b) < -eps_for(v_t)
    out["status"] = level_status(a, y, ms, cmp, tol, base is not None and e_y is not None,
                                 rho, moved_away, s, sign, d)
    return out


def time_progress(plan: Plan, target: Target, y: int, t: int) -> float:
    """序时进度; docs choice: a matter of the calendar, reported even without a baseline
    value, from the target's baseline year, else since - 1 (cumulative), else the plan's."""
    y0 = target.baseline.year if target.baseline is not None else (
        since_of(plan, target) - 1 if target.kind == "cumulative" else plan.baseline_year)
    return min(1.0, max(0.0, (y - y0) / (t - y0)))


def fill_level_numbers(out: dict[str, Any], a: float, base: tuple[int, float] | None,
                       e_y: float | None, v_t: float, t: int, y: int, cmp: str, v_t_raw: Any,
                       tol: float, sign: int = 0) -> None:
    """gap, progress, required_annual, trend_annual, projected, projected_met
    (docs/evaluation.md#level-rank-cumulative)."""
    if e_y is not None:
        out["gap"] = a - e_y
    if y < t:
        out["required_annual"] = (v_t - a) / (t - y)
    if base is None:
        return
    y0, b = base
    out["progress"] = div(a - b, v_t - b)
    if y > y0:
        trend = (a - b) / (y - y0)
        out["trend_annual"] = trend
        if y < t:
            out["projected"] = a + trend * (t - y)
            out["projected_met"] = satisfies(out["projected"], cmp, v_t_raw, tol, sign)


# ---------------------------------------------------------------- 4.2 annual, growth


def periodic_actual(target: Target, series: Mapping[int, Observation],
                    y: int) -> tuple[float | None, str | None]:
    """a at year y: the value, or for growth (L(y)/L(y-1) - 1) * 100 unless reported as a rate."""
    obs = series.get(y)
    if obs is None or obs.value is None:
        return None, None
    if target.kind == "annual" or target.actuals == "rate":
        return float(obs.value), obs.status  # type: ignore[arg-type]
    prev = series.get(y - 1)
    if prev is None or prev.value is None or prev.value <= 0:
        return None, None
    rate = (float(obs.value) / float(prev.value) - 1) * 100  # type: ignore[arg-type]
    return rate, weakest([obs.status, prev.status])


def requirement(target: Target, reference: Mapping[int, Observation], y: int) -> Any:
    """v, or the reference value r(y) in the same year."""
    if target.value is not None:
        return target.value
    return value_at(reference, y)


def year_status(target: Target, series: Mapping[int, Observation],
                reference: Mapping[int, Observation], y: int, tol: float) -> str:
    a, _ = periodic_actual(target, series, y)
    v = requirement(target, reference, y)
    if a is None or v is None:
        return "no_data"
    return "met" if satisfies(a, target.comparator or ">=", v, tol, target_sign(target)) else "missed"


def periodic_result(plan: Plan, target: Target, series: Mapping[int, Observation],
                    reference: Mapping[int, Observation], y: int) -> dict[str, Any]:
    out = empty_result(target.kind)
    cmp, tol = target.comparator or ">=", tolerance(plan, target)
    first, last = target.years or (plan.period_start, plan.period_end)
    history = tuple((yr, periodic_actual(target, series, yr)[0],
                     year_status(target, series, reference, yr, tol))
                    for yr in range(first, min(y, last) + 1))
    out.update(history=history, years_due=len(history),
               years_met=sum(1 for h in history if h[2] == "met"), target_year=last)
    # docs choice (evaluation.md, one-year requirements): years [T, T] keep T's verdict after T.
    kept = target.years is not None and first == last and y > last
    judged = last if kept else y
    a, data_status = periodic_actual(target, series, judged)
    v = requirement(target, reference, judged)
    out.update(actual=a, data_status=data_status, target_value=v)
    if v is not None:
        out["expected"] = numeric(v)  # v is known even when a is not
        if a is not None:
            out["gap"] = a - numeric(v)
            d = direction(cmp, numeric(v), None, target_sign(target))
            out["attainment"] = attainment(a, cmp, v, d, None, False, tol, target_sign(target))
    if not kept and not first <= y <= last:
        out["status"] = "pending"
    else:
        out["status"] = year_status(target, series, reference, judged, tol)
    return out


# ---------------------------------------------------------------- 4.3 cagr


def cagr_result(plan: Plan, target: Target, series: Mapping[int, Observation], y: int,
                s: Settings) -> dict[str, Any]:
    out = empty_result(target.kind)
    out["method"] = "cagr"
    cmp, tol = target.comparator or ">=", tolerance(plan, target)
    t, r_raw = target.milestones[-1]
    r = numeric(r_raw)  # the midpoint of a between pair
    out.update(target_value=r_raw, target_year=t, expected=r)
    out["time_progress"] = time_progress(plan, target, y, t)  # docs choice: the calendar
    base = resolve_baseline(plan, target, series)
    out["baseline"] = base
    obs = series.get(y)
    value = None if obs is None or obs.value is None else float(obs.value)  # type: ignore[arg-type]
    if base is not None and target.actuals != "rate" and y >= base[0]:
        out["expected_level"] = base[1] * (1 + r / 100) ** (y - base[0])
    if value is None:
        out["status"] = "no_data"  # like rule 1 of 4.1: a missing level comes first
        return out
    out["data_status"] = obs.status  # type: ignore[union-attr]
    if target.actuals == "rate":
        a = value
    else:
        out["level"] = value
        if base is None or y <= base[0] or base[1] <= 0 or value < 0:
            out["status"] = "pending"  # docs choice: no usable baseline level
            return out
        a = ((value / base[1]) ** (1 / (y - base[0])) - 1) * 100
    out["actual"] = a
    # For ==, approx and between the direction is sign(r - 0): a rate's baseline is no growth
    # (engine choice where docs/evaluation.md's sign(v_T - b) mixes a rate with a level).
    sign = target_sign(target)
    d = direction(cmp, r, 0.0, sign)
    out["gap"] = a - r
    out["attainment"] = attainment(a, cmp, r_raw, d, None, False, tol, sign)
    out["status"] = cagr_status(a, r_raw, cmp, tol, d, y, t, s, out, sign)
    return out


def cagr_status(a: float, r_raw: Any, cmp: str, tol: float, d: int, y: int, t: int,
                s: Settings, out: dict[str, Any], sign: int = 0) -> str:
    """docs/evaluation.md#cagr: met/missed at T; before T on_track when satisfied, else rho = a / r."""
    if y >= t:
        return "met" if satisfies(a, cmp, r_raw, tol, sign) else "missed"
    if satisfies(a, cmp, r_raw, tol, sign):
        return "on_track"
    r = numeric(r_raw)
    if d * r <= 0:  # docs choice: r against the direction, no ratio can measure it
        return "off_track"
    out["progress_ratio"] = a / r
    return ratio_status(a / r, s)


# ---------------------------------------------------------------- 4.4 milestone


def milestone_result(plan: Plan, target: Target, series: Mapping[int, Observation],
                     y: int) -> dict[str, Any]:
    out = empty_result(target.kind)
    t, v = target.milestones[-1]
    out.update(target_value=v, target_year=t, time_progress=time_progress(plan, target, y, t))
    seen = [(yr, series[yr]) for yr in sorted(series) if yr <= y and series[yr].value is not None]
    done = [yr for yr, obs in seen if obs.value is True]
    if done:
        # docs/evaluation.md#milestone: achieved in any year <= Y is met; the actual is True with the data
        # status of the year it was achieved (docs choice, the docs silent).
        out.update(status="met", achieved_year=done[0], attainment=1.0, actual=True,
                   data_status=series[done[0]].status)
        return out
    current = series.get(y)
    if current is not None and current.value is not None:
        out.update(actual=False, data_status=current.status)  # the value reported for Y
    if y >= t:
        out["status"] = "missed" if seen else "no_data"
    else:
        out["status"] = "pending"
    # attainment is 0 when not achieved; docs choice: null when nothing has been reported.
    out["attainment"] = 0.0 if seen else None
    return out


# ---------------------------------------------------------------- entry point


def oracle(plan: Plan, target: Target, series: Mapping[int, Observation], year: int,
           settings: Settings = Settings(),
           reference: Mapping[int, Observation] | None = None) -> dict[str, Any]:
    """Status and numbers of one unscoped target at ``year``, straight from docs/evaluation.md."""
    if target.kind in ("level", "rank", "cumulative"):
        out = level_result(plan, target, series, year, settings)
    elif target.kind in ("annual", "growth"):
        out = periodic_result(plan, target, series, reference or {}, year)
    elif target.kind == "cagr":
        out = cagr_result(plan, target, series, year, settings)
    else:
        out = milestone_result(plan, target, series, year)
    fails = FAIL_ON[settings.fail_on]
    out["failing"] = out["status"] in fails and (
        target.commitment == "binding" or settings.strict)
    return out
