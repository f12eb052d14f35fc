"""The batch path: the units of one target judged in one loop, straight into columns
(docs/performance.md#the-batch-path).

The rules of docs/evaluation.md#level-rank-cumulative judge one unit at a time
(:func:`policycheck.evaluation.engine.unit_outcome`): a case, an outcome of 47
fields, the path, the status and its reason sentence, the marks; about 25 µs a
result.  For the targets of one class, everything but a handful of numbers is
the same for every unit, so :func:`batch_job` resolves the shared facts once and
:func:`run_batch` computes the numbers that vary with the very formulas of
:mod:`policycheck.evaluation.kind_trajectory`, in the same order of operations,
so every float is the same bit for bit.

The class (:func:`batch_job` says None for any other target): a ``level`` or
``rank`` target compared by ``>=``, ``>``, ``<=`` or ``<`` in the direction its
comparator says, with fixed milestones (numbers, not ranges, multiples of the
baseline or changes), its baseline its own or each unit's value in the base year,
no reference series, grade names or allocations, on the linear path or, for a
count, the whole-number path (docs/evaluation.md#small-counts), assessed at a year
end at or after its base year.  Within it a unit takes the batch path only when
its series is plain (:meth:`policycheck.observations.Series.plain`: final numbers
of consecutive years, no marks, no source or note cell) with a value in the base
year and the assessment year, and when every number it computes is finite; every
other unit is judged by the exact rules, in its place.
The reason (its code and arguments) is formatted only when read, from the
columns.  ``tests/evaluation/test_batch.py`` compares both paths field by field.
"""
from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import repeat
from math import isfinite
from operator import ge, gt, le, lt
from typing import Any

from policycheck.changes import change_since
from policycheck.evaluation.context import fmt
from policycheck.evaluation.kind_trajectory import fixed_milestones
from policycheck.evaluation.options import Settings
from policycheck.evaluation.outcome import Outcome
from policycheck.evaluation.outcomecolumns import FIELDS, Column, Derived, Reasons, _Block, _column, _Same
from policycheck.evaluation.paths import Path, path_mode
from policycheck.evaluation.reasons import Reason, because
from policycheck.evaluation.requirement import requirement_text
from policycheck.evaluation.schedule import cagr_ratio, eps, path_value, time_progress, toward_baseline
from policycheck.kinds import kind_spec
from policycheck.model import FAIL_ON, Baseline, Plan, Status, Target
from policycheck.numtext import number_text
from policycheck.observations import Actuals, PlainRun, Series

#: Satisfies(x, cmp, v) of docs/evaluation.md#notation for the comparators of the class, as
#: x OP v ± eps(v), and the side eps goes: the very comparisons of schedule.satisfies.
_COMPARE: dict[str, tuple[Callable[[float, float], bool], int]] = {
    ">=": (ge, -1), ">": (gt, 1), "<=": (le, 1), "<": (lt, -1)}
#: The fields the loop fills for every unit, in this order.
_VARYING = ("actual", "expected", "gap", "margin", "attainment", "progress", "progress_ratio",
            "required_annual", "trend_annual", "projected", "projected_met", "method", "status")
#: What an outcome holds in a field nobody set.
_DEFAULTS: dict[str, Any] = {name: getattr(Outcome(), name) for name in FIELDS}


@dataclass(frozen=True, slots=True)
class Job:
    """The facts every unit of one target shares at the assessment year."""

    plan_id: str
    target_id: str
    year: int
    y0: int
    final_year: int
    #: +1 higher is better (>=, >), -1 lower is better (<=, <): the path's direction d
    d: int
    compare: Callable[[float, float], bool]
    #: the final requirement, the very object the exact rules report as target_value
    v: float
    #: v ± eps(v): meeting the final requirement is ``compare(x, final_bar)``
    final_bar: float
    final_text: str
    #: a milestone before the final one in the assessment year: its bar and requirement text
    milestone_bar: float | None
    milestone_text: str | None
    #: where the year lies on the path: 0 the base year, 1 the first stretch, 2 later
    segment: int
    share: float
    first_value: float
    fixed_expected: float
    tail: tuple[tuple[int, float], ...]
    time_progress: float | None
    method: str
    on_track: float
    at_risk: float
    #: the target's own baseline (every unit's); None: each unit's value in the base year
    baseline: Baseline | None
    #: a count (docs/evaluation.md#small-counts): a unit whose baseline is a whole number
    #: runs on the whole-number path, E(Y) rounded toward the baseline off the path's points
    whole: bool
    #: the assessment year is the base year or a milestone year: E(Y) is never rounded there
    on_point: bool
    #: the statuses that fail the run; empty when the target cannot fail it
    failing: frozenset[str]


def batch_job(plan: Plan, target: Target, year: int, settings: Settings) -> Job | None:
    """The shared facts of a target in the batch class at ``year``; None for any other target."""
    cmp = target.comparator or kind_spec(target.kind).comparator or ">="
    if (target.kind not in ("level", "rank") or not target.milestones or target.reference is not None
            or target.categories or cmp not in _COMPARE
            or (target.scope is not None and target.scope.allocations is not None)
            or target.path not in (None, "linear") or change_since(target.milestones) is not None):
        return None
    d = 1 if cmp in (">=", ">") else -1
    fixed = fixed_milestones(target.milestones)
    if target.sign != d or fixed is None or not all(type(v) is float for _, v in fixed[0]):
        return None
    resolved, tail = fixed
    y0 = target.baseline.year if target.baseline is not None else plan.baseline_year
    if year < y0 or resolved[0][0] <= y0:
        return None
    whole = target.path is None and path_mode(target, tail) == "whole"
    final_year, v = resolved[-1]
    assert type(v) is float  # every milestone a number, as checked above
    compare, side = _COMPARE[cmp]
    tol = settings.approx_tolerance if target.tolerance is None else target.tolerance
    milestone = next((m for y, m in resolved[:-1] if y == year), None)
    assert milestone is None or type(milestone) is float
    first_year, first_value = tail[0]
    segment = 0 if year == y0 else 1 if year <= first_year else 2
    later = path_value(((y0, 0.0),) + tail, year) if segment == 2 else None  # not None: year > y0
    fixed_expected = 0.0 if later is None else later  # 0.0: not read before the first milestone
    binding = target.commitment == "binding" and target.attribute != "expected"
    return Job(plan.id, target.id, year, y0, final_year, d, compare, v, v + side * eps(v),
               requirement_text(target, v, tolerance=tol),
               None if milestone is None else milestone + side * eps(milestone),
               None if milestone is None else requirement_text(target, milestone, tolerance=tol),
               segment, (year - y0) / (first_year - y0), first_value, fixed_expected, tail,
               time_progress(year, y0, final_year), settings.method, settings.on_track, settings.at_risk,
               target.baseline, whole, year == y0 or any(y == year for y, _ in resolved),
               frozenset(FAIL_ON[settings.fail_on]) if binding or settings.strict else frozenset())


def _pairs(all_series: list[Any], year: int, y0: int, own: Baseline | None
           ) -> Iterable[tuple[float, float] | None]:
    """(a, b) of each unit: its value in ``year``, its baseline (``own``'s or its value in ``y0``); None: the
    exact rules judge it.  A store answers a whole target at once (Series.plain_columns, plain_each);
    a hand-made mapping, or no series, is not plain."""
    kinds = set(map(type, all_series))
    kind = kinds.pop() if len(kinds) == 1 else None
    if kind is not None and issubclass(kind, Series):
        columns = kind.plain_columns(all_series, (year,) if own is not None else (year, y0))
        if columns is not None:
            return zip(columns[0], [own.value] * len(columns[0]) if own is not None else columns[1], strict=True)
        runs = kind.plain_each(all_series)
    else:
        runs = [series.plain() if isinstance(series, Series) else None for series in all_series]
    return map(_pair, runs, repeat(year), repeat(y0), repeat(own))


def _pair(run: PlainRun | None, year: int, y0: int, own: Baseline | None) -> tuple[float, float] | None:
    if run is not None:
        first, values = run
        i, k = year - first, y0 - first
        if 0 <= i < len(values) and (own is not None or k >= 0):  # k <= i: y0 <= year
            return values[i], own.value if own is not None else values[k]
    return None


def run_batch(job: Job, actuals: Actuals, units: Sequence[str | None],
              exact: Callable[[str | None], Outcome]) -> tuple[_Block, bytes]:
    """The outcomes of ``units`` as one block, and whether each fails the run.

    ``exact`` judges one unit by the exact rules: every unit the batch path does
    not cover, in its place (so findings come in unit order, as before).
    """
    year, y0, final_year, d, v = job.year, job.y0, job.final_year, job.d, job.v
    compare, final_bar, milestone_bar = job.compare, job.final_bar, job.milestone_bar
    segment, share, first_value, fixed_expected = job.segment, job.share, job.first_value, job.fixed_expected
    on_track, at_risk, method, cagr = job.on_track, job.at_risk, job.method, job.method == "cagr"
    own = job.baseline
    whole, on_point = job.whole, job.on_point
    due, since_base = final_year - year, year - y0
    before_final, after_base = year < final_year, year > y0
    n = len(units)
    rows: list[tuple[Any, ...]] = []  # per unit: the _VARYING fields, the reason code, b, the series
    row = rows.append
    fallback: dict[int, Outcome] = {}
    found = actuals.series.get
    plan_id, target_id = job.plan_id, job.target_id
    all_series = list(map(found, zip(repeat(plan_id), repeat(target_id), units)))  # the keys made in C
    for j, (series, pair) in enumerate(zip(all_series, _pairs(all_series, year, y0, own), strict=True)):
        try:
            if pair is None:
                raise _Exact
            a, b = pair
            # kind_trajectory._numbers, one operation at a time (E(Y): paths.Path.at)
            expected = b if segment == 0 else b + share * (first_value - b) if segment == 1 else fixed_expected
            rounded = whole and b == int(b)  # paths.path_mode: every point a whole number
            if rounded and not on_point:
                expected = toward_baseline(expected, d)
            progress = None if v == b else (a - b) / (v - b)
            gap = a - expected
            margin = gap if d > 0 else expected - a
            if d > 0:
                attainment = None if v == 0 else a / v
            elif v == 0:
                attainment = 1.0 if a <= 0 else progress
            elif v < 0:
                attainment = a / v if a < 0 else 0.0
            else:
                attainment = v / a if a >= v else 2.0 - a / v
            required = (v - a) / due if before_final else None
            check = gap + expected + (0.0 if required is None else required)
            trend = projected = projected_met = None
            if after_base:
                trend = (a - b) / since_base
                check += trend
                if before_final:
                    projected = a + trend * due
                    projected_met = compare(projected, final_bar)
                    check += projected
            chosen, ratio = method, None
            if cagr:
                ratio = cagr_ratio(a, b, since_base, v, final_year - y0, d)
                if ratio is None:
                    chosen = "linear"
            if ratio is None:
                required_gain = expected - b
                if d * required_gain > 1e-9 * max(1.0, abs(required_gain)):
                    ratio = (a - b) / required_gain
            if progress is not None:
                check += progress
            if attainment is not None:
                check += attainment
            if ratio is not None:
                check += ratio
            if not isfinite(check):  # a number out of range: the exact rules say what becomes of it
                raise _Exact
            # kind_trajectory._status, the rules in their order
            status: Status
            if not before_final:
                status, code = ("met", "final_met") if compare(a, final_bar) else ("missed", "final_missed")
            elif compare(a, final_bar):
                status, code = "met", "final_met_early"
            elif milestone_bar is not None:
                status, code = (("met", "milestone_met") if compare(a, milestone_bar)
                                else ("missed", "milestone_missed"))
            elif ratio is None:
                if d * (a - b) >= -(1e-9 * max(1.0, abs(b))):
                    status, code = "on_track", "none_due_yet"
                else:
                    status, code = "regressing", "moving_away_none_due"
            elif ratio >= on_track:  # schedule.classify_ratio, then _progress_reason
                status, code = "on_track", "on_schedule"
            elif ratio >= at_risk or ratio >= 0:
                status = "at_risk" if ratio >= at_risk else "off_track"
                code = "behind_above" if a - expected > 0 else "behind_below"
            else:
                status, code = "regressing", "regressing"
        except (_Exact, OverflowError, ZeroDivisionError):
            out = exact(units[j])
            fallback[j] = out
            row((*(getattr(out, name) for name in _VARYING), out.reason.code, 0.0, None, False))
            continue
        row((a, expected, gap, margin, attainment, progress, ratio, required, trend, projected, projected_met, chosen,
             status, code, b, series, rounded))
    columns = list(zip(*rows, strict=True))
    *varying, codes, bases, series_of, whole_path = columns
    block = _Block.of_columns(_columns(job, n, varying, codes, array("d", bases), series_of, whole_path, fallback),
                              n)
    failing = job.failing
    return block, bytes(status in failing for status in varying[-1])


class _Exact(Exception):
    """This unit is outside the batch class: the exact rules judge it."""


def _columns(job: Job, n: int, varying: list[tuple[Any, ...]], codes: tuple[str, ...],
             bases: array[float], series_of: tuple[Any, ...], whole_path: tuple[bool, ...],
             fallback: dict[int, Outcome]) -> list[Column]:
    """Every field's column, in the order of FIELDS: the computed fields as _column makes them
    of their values (the exact path's representation), the shared ones once, and the baseline,
    path, observed pairs and reason made when read; a unit judged by the exact rules keeps
    its own value in each."""
    built: dict[str, Column] = {name: _column(values) for name, values in zip(_VARYING, varying, strict=True)}
    y0, tail, own = job.y0, job.tail, job.baseline
    shared: dict[str, Any] = {"data_status": "final", "target_value": job.v, "target_year": job.final_year,
                              "time_progress": job.time_progress}
    d = job.d

    def path(j: int, b: float) -> tuple[tuple[int, float], ...]:
        # kind_trajectory._Path.points: the straight line's points, or each year's on the whole-number path
        points = ((y0, b),) + tail
        return Path(points, "whole", d).chart_points() if whole_path[j] else points

    if own is not None:
        shared["baseline"] = own
        if not fallback or len(fallback) < n:  # a unit on the batch path: all share the target's baseline
            shared["path"] = path(next(j for j in range(n) if j not in fallback), own.value)
    else:
        built["baseline"] = _derived(n, fallback, "baseline", lambda j: Baseline(y0, bases[j]))
        built["path"] = _derived(n, fallback, "path", lambda j: path(j, bases[j]))
    built["observed"] = _derived(n, fallback, "observed", lambda j: series_of[j].observed())
    built["reason"] = _reasons(job, n, built, bases, codes, fallback)
    columns: list[Column] = []
    for name in FIELDS:
        column = built.get(name)
        if column is None:
            value = shared[name] if name in shared else _DEFAULTS[name]
            if all(getattr(out, name) is value for out in fallback.values()):
                column = _Same(value)
            else:
                column = _column(tuple(getattr(fallback[j], name) if j in fallback else value for j in range(n)))
        columns.append(column)
    return columns


def _derived(n: int, fallback: dict[int, Outcome], name: str, make: Callable[[int], Any]) -> Derived:
    if not fallback:
        return Derived(n, make)
    return Derived(n, lambda j: getattr(fallback[j], name) if j in fallback else make(j))


#: How a reason argument is made of the value a column holds: a number as the tables round it, or as it is.
_Text = Callable[[Any], str]


def _reason_arguments(job: Job, built: dict[str, Column], bases: array[float]
                      ) -> dict[str, tuple[tuple[str, Callable[[int], Any], _Text], ...]]:
    """For each reason code of the batch path, its arguments in the order kind_trajectory._status and
    _progress_status give them: the name, the value of unit ``j`` it is made of, and how it is written."""
    actual, expected, method = (_reader(built[name]) for name in ("actual", "expected", "method"))
    own = job.baseline

    def baseline(j: int) -> float:
        return bases[j] if own is None else own.value

    def difference(j: int) -> float:
        return float(abs(actual(j) - expected(j)))  # floats: abs of their difference, unchanged

    def constant(value: Any) -> Callable[[int], Any]:
        return lambda j: value

    final = (("target", constant(job.final_text), str), ("target_year", constant(job.final_year), str),
             ("actual", actual, fmt))
    milestone = (("target", constant(job.milestone_text), str), ("year", constant(job.year), str),
                 ("actual", actual, fmt))
    unmoved = (("actual", actual, fmt), ("baseline", baseline, fmt))
    behind = (("method", method, str), ("difference", difference, fmt), ("expected", expected, fmt))
    return {"final_met": final, "final_met_early": final, "final_missed": final,
            "milestone_met": milestone, "milestone_missed": milestone,
            "none_due_yet": unmoved, "regressing": unmoved,
            "moving_away_none_due": (("baseline", baseline, fmt), ("baseline_year", constant(job.y0), str),
                                     ("actual", actual, fmt)),
            "on_schedule": (("method", method, str), ("actual", actual, fmt), ("expected", expected, fmt)),
            "behind_above": behind, "behind_below": behind}


def _reasons(job: Job, n: int, built: dict[str, Column], bases: array[float], codes: tuple[str, ...],
             fallback: dict[int, Outcome]) -> Reasons:
    """The reason of each unit, made when read from its code and the columns, and the arguments of
    many at once (a reporter's columns: docs/performance.md#json-from-the-columns), each made by the
    very functions that make one reason; a unit judged by the exact rules keeps its own."""
    specs = _reason_arguments(job, built, bases)

    def make(j: int) -> Reason:
        if j in fallback:
            return fallback[j].reason
        code = codes[j]
        return because(code, **{name: text(value(j)) for name, value, text in specs[code]})

    def arguments(code: str, rows: Sequence[int]) -> dict[str, list[str]] | None:
        if any(j in fallback for j in rows):
            return None
        # str(): as because() makes every argument text
        return {name: list(map(str, _texts(list(map(value, rows)), text))) for name, value, text in specs[code]}

    return Reasons(n, codes, make, arguments)


def _texts(values: list[Any], text: _Text) -> list[str]:
    """``text`` of each value, made once for each distinct float (many units share an actual or
    an E(Y) to two decimals); equal floats, 0.0 and -0.0 included, round to the same text."""
    if text is fmt and set(map(type, values)) == {float}:
        distinct = set(values)  # the very objects: a NaN finds itself
        made = dict(zip(distinct, map(number_text, distinct), strict=True))  # fmt of a float: its number_text
        return list(map(made.__getitem__, values))
    return list(map(text, values))


def _reader(column: Column) -> Callable[[int], Any]:
    """Value ``j`` of a column."""
    if isinstance(column, _Same):
        value = column.value
        return lambda j: value
    return column.__getitem__
