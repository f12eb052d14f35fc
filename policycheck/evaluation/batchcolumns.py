"""The formulas of the batch path a column at a time (docs/performance.md#the-batch-path).

The per-unit rules of :mod:`policycheck.evaluation.batch` (those of
:mod:`policycheck.evaluation.kind_trajectory`, one unit at a time) cost about 2 µs a
unit, most of it the interpreter stepping through each operation and branch.  Here
each formula is applied to whole columns at once: ``map`` over the operator
functions (``operator.sub``, ``truediv``, ...) and ``zip`` over the column of ``a``
(each unit's value in the assessment year) and of ``b`` (its baseline), which loop
in C.  Each operation is the very one the per-unit rules make, on the same operands
in the same order, so every float is the same bit for bit; where the rules branch
per unit, a short comprehension picks.

A unit whose numbers take a branch a column does not (``v == b``: no 完成进度; a
baseline that is not finite on the whole-number path; a number that is not finite)
is named in :attr:`Formulas.rare`: the caller judges it by the per-unit rules, in its
place, and its values here are not read.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import repeat
from math import hypot, isfinite
from operator import add, itemgetter, sub, truediv
from typing import Any

from policycheck.evaluation.batchjob import Job
from policycheck.evaluation.schedule import cagr_ratio, toward_baseline

# (status, reason code) as kind_trajectory._status gives them
_FINAL = {True: ("met", "final_met"), False: ("missed", "final_missed")}
_EARLY = ("met", "final_met_early")
_MILESTONE = {True: ("met", "milestone_met"), False: ("missed", "milestone_missed")}
_ON_SCHEDULE = ("on_track", "on_schedule")
_AT_RISK_ABOVE, _AT_RISK_BELOW = ("at_risk", "behind_above"), ("at_risk", "behind_below")
_OFF_TRACK_ABOVE, _OFF_TRACK_BELOW = ("off_track", "behind_above"), ("off_track", "behind_below")
_REGRESSING = ("regressing", "regressing")
_NONE_DUE = ("on_track", "none_due_yet")
_MOVING_AWAY = ("regressing", "moving_away_none_due")
_STATUS, _CODE = itemgetter(0), itemgetter(1)


@dataclass(frozen=True, slots=True)
class Formulas:
    """The computed fields of every unit, a column each, in the order of batch._VARYING."""

    columns: list[list[Any]]
    #: for each column, whether every value in it is a float (a column of an array, unscanned)
    floats: tuple[bool, ...]
    codes: list[str]
    #: each unit on the whole-number path (kind_trajectory._Path)
    rounded: list[bool]
    #: the units to judge one at a time (their values in the columns are not theirs), in order
    rare: list[int]


def formulas(job: Job, a_col: list[float], b_col: list[float]) -> Formulas:
    """The fields of each unit of values ``a_col`` and baselines ``b_col`` (floats, every one)."""
    m = len(a_col)
    year, y0, final_year, d, v = job.year, job.y0, job.final_year, job.d, job.v
    due, since_base = final_year - year, year - y0
    before_final, after_base = year < final_year, year > y0
    rare: set[int] = set()
    ab = list(map(sub, a_col, b_col))  # a - b
    # E(Y): paths.Path.at on the straight line, then rounded toward the baseline on the whole-number path
    expected: list[float]
    if job.segment == 0:
        expected = b_col
    elif job.segment == 1:
        share, first_value = job.share, job.first_value
        expected = [b + share * (first_value - b) for b in b_col]
    else:
        expected = [job.fixed_expected] * m
    rounded = [False] * m
    if job.whole:
        if not isfinite(sum(b_col)):  # int(b) fails on a b out of range: the per-unit rules say what follows
            rare.update(j for j, b in enumerate(b_col) if not isfinite(b))
        rounded = list(map(float.is_integer, b_col))  # b == int(b), for a finite float
        if not job.on_point and any(rounded):
            expected = [toward_baseline(e, d) if r else e for e, r in zip(expected, rounded, strict=True)]
    # 完成进度 (a - b) / (v - b); None where v == b (the per-unit rules' branch), the one place v - b is 0
    if v in b_col:
        rare.update(j for j, b in enumerate(b_col) if b == v)
        progress = [x / (v - b) if b != v else 0.0 for x, b in zip(ab, b_col, strict=True)]  # 0.0: not read
    else:
        progress = [x / (v - b) for x, b in zip(ab, b_col, strict=True)]
    gap = list(map(sub, a_col, expected))
    margin = gap if d > 0 else list(map(sub, expected, a_col))
    attainment: list[Any]  # judge.attainment, direction-aware
    if d > 0 and v < 0:
        attainment = [v / a if a <= v else 2.0 - a / v for a in a_col]
    elif d > 0:
        attainment = [None] * m if v == 0 else [a / v for a in a_col]
    elif v == 0:
        attainment = [1.0 if a <= 0 else p for a, p in zip(a_col, progress, strict=True)]
    elif v < 0:
        attainment = [a / v if a < 0 else 0.0 for a in a_col]
    else:
        attainment = [v / a if a >= v else 2.0 - a / v for a in a_col]
    none: list[Any] = [None] * m
    required: list[Any] = [(v - a) / due for a in a_col] if before_final else none
    trend: list[Any] = none
    projected: list[Any] = none
    projected_met: list[Any] = none
    if after_base:
        trend = [x / since_base for x in ab]
        if before_final:
            projected = [a + t * due for a, t in zip(a_col, trend, strict=True)]
            projected_met = list(map(job.compare, projected, repeat(job.final_bar)))
    ratio, chosen, whole_ratio = _ratios(job, a_col, b_col, ab, expected)
    # the numbers the per-unit rules add up, in their order, to test for one out of range
    terms = [gap, expected] + [column for column in (required, trend, projected) if column is not none] + [progress]
    if d < 0 or v != 0:
        terms.append(attainment)
    terms.append(ratio if whole_ratio else [0.0 if r is None else r for r in ratio])  # None: not added
    rare.update(_out_of_range(terms))
    outcomes = _outcomes(job, a_col, ab, b_col, gap, ratio)
    floats = (True, True, True, True, d < 0 or v != 0, True, whole_ratio, before_final, after_base,
              after_base and before_final, False, False, False)
    return Formulas([a_col, expected, gap, margin, attainment, progress, ratio, required, trend, projected,
                     projected_met, chosen, list(map(_STATUS, outcomes))], floats, list(map(_CODE, outcomes)),
                    rounded, sorted(rare))


#: A number no larger than this in size, added to seven others as small, gives a finite sum.
_TAME = 1e307


def _out_of_range(terms: list[list[float]]) -> list[int]:
    """The units whose sum of ``terms``, added in this order, is not finite.  Where every term of
    every unit is finite and smaller than _TAME (math.hypot of a column is at least its largest
    value in size, and not finite when any value is not), none is, and none is added up."""
    if all(hypot(*column) < _TAME for column in terms):
        return []
    total = terms[0]
    for column in terms[1:]:
        total = list(map(add, total, column))
    return [j for j, value in enumerate(total) if not isfinite(value)]


def _ratios(job: Job, a_col: list[float], b_col: list[float], ab: list[float], expected: list[float]
            ) -> tuple[list[Any], list[str], bool]:
    """The progress ratio of each unit (None where none applies), the method that gave it, and
    whether every ratio is a number."""
    m, d, method = len(a_col), job.d, job.method
    chosen = [method] * m
    ratio: list[Any] | None = None
    if method == "cagr":  # schedule.cagr_ratio; None where it does not apply: the linear ratio instead
        ratio = list(map(cagr_ratio, a_col, b_col, repeat(job.year - job.y0), repeat(job.v),
                         repeat(job.final_year - job.y0), repeat(d)))
        if None not in ratio:
            return ratio, chosen, True
        chosen = ["linear" if r is None else method for r in ratio]
    # the linear ratio (a - b) / (E(Y) - b), where the schedule asks for a gain of more than the slack:
    # d * gain > 1e-9 * max(1.0, abs(gain)), which for a finite gain is gain beyond 1e-9 the way d goes
    gain = list(map(sub, expected, b_col))
    if ratio is None and isfinite(sum(gain)) and (min(gain) > 1e-9 if d > 0 else max(gain) < -1e-9):
        return list(map(truediv, ab, gain)), chosen, True
    ratio = [None] * m if ratio is None else ratio
    ratio = [r if r is not None else x / g if d * g > 1e-9 * max(1.0, abs(g)) else None
             for r, x, g in zip(ratio, ab, gain, strict=True)]
    return ratio, chosen, None not in ratio


def _outcomes(job: Job, a_col: list[float], ab: list[float], b_col: list[float], gap: list[float],
              ratio: list[Any]) -> list[tuple[str, str]]:
    """(status, reason code) of each unit: kind_trajectory._status, the rules in their order."""
    compare, final_bar, milestone_bar, d = job.compare, job.final_bar, job.milestone_bar, job.d
    met = map(compare, a_col, repeat(final_bar))
    if job.year >= job.final_year:
        return list(map(_FINAL.__getitem__, met))
    if milestone_bar is not None:
        reached = map(compare, a_col, repeat(milestone_bar))
        return [_EARLY if early else _MILESTONE[on] for early, on in zip(met, reached, strict=True)]
    on_track, at_risk = job.on_track, job.at_risk
    # schedule.classify_ratio, then _progress_reason: behind above or below E(Y) as a - E(Y) > 0
    if None not in ratio:
        return [_EARLY if early else _ON_SCHEDULE if r >= on_track
                else (_AT_RISK_ABOVE if g > 0 else _AT_RISK_BELOW) if r >= at_risk
                else (_OFF_TRACK_ABOVE if g > 0 else _OFF_TRACK_BELOW) if r >= 0 else _REGRESSING
                for early, r, g in zip(met, ratio, gap, strict=True)]
    return [_EARLY if early
            else (_ON_SCHEDULE if r >= on_track
                  else (_AT_RISK_ABOVE if g > 0 else _AT_RISK_BELOW) if r >= at_risk
                  else (_OFF_TRACK_ABOVE if g > 0 else _OFF_TRACK_BELOW) if r >= 0 else _REGRESSING)
            if r is not None
            else _NONE_DUE if d * x >= -(1e-9 * max(1.0, abs(b))) else _MOVING_AWAY
            for early, r, g, x, b in zip(met, ratio, gap, ab, b_col, strict=True)]
