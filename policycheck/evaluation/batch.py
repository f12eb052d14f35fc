"""The batch path: the units of one target judged a column at a time, straight into columns
(docs/performance.md#the-batch-path).

The rules of docs/evaluation.md#level-rank-cumulative judge one unit at a time
(:func:`policycheck.evaluation.engine.unit_outcome`): a case, an outcome of 47
fields, the path, the status and its reason sentence, the marks; about 25 µs a
result.  For the targets of one class (:mod:`policycheck.evaluation.batchjob`),
everything but a handful of numbers is the same for every unit, so :func:`batch_job`
resolves the shared facts once and :func:`run_batch` computes the numbers that vary
with the very formulas of :mod:`policycheck.evaluation.kind_trajectory`, in the same
order of operations, so every float is the same bit for bit: a column at a time
(:mod:`policycheck.evaluation.batchcolumns`), and one unit at a time (:func:`_unit`)
for the few units whose numbers take a branch a column does not.

Within the class a unit takes the batch path only when
its series is plain (:meth:`policycheck.observations.Series.plain`: final numbers
of consecutive years, no marks, no source or note cell) with a value in the base
year and the assessment year, and when every number it computes is finite; every
other unit is judged by the exact rules, in its place.
The reason (its code and arguments) is formatted only when read, from the
columns.  ``tests/evaluation/test_batch.py`` compares both paths field by field.
"""
from __future__ import annotations

from array import array
from collections.abc import Callable, Sequence
from itertools import repeat
from math import isfinite
from typing import Any

from policycheck.evaluation.batchcolumns import Formulas, formulas
from policycheck.evaluation.batchjob import Job, batch_job
from policycheck.evaluation.context import fmt
from policycheck.evaluation.outcome import Outcome
from policycheck.evaluation.outcomecolumns import FIELDS, Column, Derived, Reasons, _Block, _column, _Same, float_array
from policycheck.evaluation.paths import Path
from policycheck.evaluation.reasons import Reason, because
from policycheck.evaluation.requirement import MILESTONE_CODES
from policycheck.evaluation.schedule import cagr_ratio, toward_baseline
from policycheck.model import Baseline, Status
from policycheck.numtext import SHORT_STATUSES, apart_text, number_text
from policycheck.observations import Actuals, PlainRun, Series
from policycheck.records import record

__all__ = ["Job", "batch_job", "run_batch"]

#: The fields the loop fills for every unit, in this order.
_VARYING = ("actual", "expected", "gap", "margin", "attainment", "progress", "progress_ratio",
            "required_annual", "trend_annual", "projected", "projected_met", "method", "status")
#: What an outcome holds in a field nobody set.
_DEFAULTS: dict[str, Any] = {name: getattr(Outcome(), name) for name in FIELDS}


def _inputs(all_series: list[Any], year: int, y0: int, own: Baseline | None, final: int
            ) -> tuple[list[Any], list[Any], list[int]]:
    """The column of a (each unit's value in ``year``) and of b (its baseline: ``own``'s or its value in
    ``y0``), and the units that have none, whom the exact rules judge (0.0 stands in for their a and b).
    After the final year a unit must have a figure for it too, else the exact rules judge it and warn
    (PC417, docs/evaluation.md#after-the-final-year); a plain series from y0 on always has one.
    A store answers a whole target at once (Series.plain_columns, plain_each); a hand-made mapping,
    or no series, is not plain."""
    kinds = set(map(type, all_series))
    kind = kinds.pop() if len(kinds) == 1 else None
    needed = earliest_needed(year, y0, own, final)
    if kind is not None and issubclass(kind, Series):
        years = (year,) if own is not None else (year, y0)
        columns = kind.plain_columns(all_series, years if needed in years else (*years, needed))
        if columns is not None:
            return columns[0], [own.value] * len(columns[0]) if own is not None else columns[1], []
        runs = kind.plain_each(all_series)
    else:
        runs = [series.plain() if isinstance(series, Series) else None for series in all_series]
    a_col: list[Any] = []
    b_col: list[Any] = []
    missing: list[int] = []
    for j, pair in enumerate(map(_pair, runs, repeat(year), repeat(y0), repeat(own), repeat(needed))):
        if pair is None:
            missing.append(j)
            pair = (0.0, 0.0)
        a_col.append(pair[0])
        b_col.append(pair[1])
    return a_col, b_col, missing


def earliest_needed(year: int, y0: int, own: Baseline | None, final: int) -> int:
    """The earliest year a plain run must cover: y0 (no own baseline), T (docs/evaluation.md#after-the-final-year)."""
    return min(final, year) if own is not None else min(final, year, y0)


def _pair(run: PlainRun | None, year: int, y0: int, own: Baseline | None, needed: int
          ) -> tuple[float, float] | None:
    if run is not None:
        first, values = run
        i, k = year - first, y0 - first
        if 0 <= i < len(values) and (own is not None or k >= 0) and needed >= first:
            return values[i], own.value if own is not None else values[k]
    return None


def run_batch(job: Job, actuals: Actuals, units: Sequence[str | None],
              exact: Callable[[str | None], Outcome]) -> tuple[_Block, bytes]:
    """The outcomes of ``units`` as one block, and whether each fails the run.

    The formulas run a column at a time (:mod:`policycheck.evaluation.batchcolumns`); a unit they
    name as rare is judged by the per-unit rules (:func:`_unit`), and ``exact`` judges by the exact
    rules every unit the batch path does not cover, in its place (so findings come in unit order,
    as before).
    """
    n = len(units)
    all_series = actuals.target_series(job.plan_id, job.target_id, units)
    a_col, b_col, missing = _inputs(all_series, job.year, job.y0, job.baseline, job.final_year)
    computed: Formulas | None = None
    if set(map(type, a_col)) == {float} == set(map(type, b_col)):  # else: each unit as its numbers are
        computed = formulas(job, a_col, b_col)  # no formula divides by zero or raises there
    rows: dict[int, tuple[Any, ...]] = {}  # per unit judged one at a time: the _VARYING fields, code, rounded
    fallback: dict[int, Outcome] = {}
    exact_only = set(missing)
    for j in range(n) if computed is None else sorted(exact_only.union(computed.rare)):
        if j not in exact_only:
            try:
                rows[j] = _unit(job, a_col[j], b_col[j])
                continue
            except (_Exact, OverflowError, ZeroDivisionError):
                pass
        out = exact(units[j])
        fallback[j] = out
        rows[j] = (*(getattr(out, name) for name in _VARYING), out.reason.code, False)
    floats: Sequence[bool | None]
    if computed is None:
        *varying, codes, rounded = (list(column) for column in zip(*(rows[j] for j in range(n)), strict=True))
        floats = (None,) * len(_VARYING)
    else:
        varying, codes, rounded, floats = computed.columns, computed.codes, computed.rounded, computed.floats
        if rows:  # each unit judged one at a time in its place, in columns of their own (a few share one list)
            varying = [list(column) for column in varying]
            for j, row in rows.items():
                for column, value in zip(varying, row, strict=False):
                    column[j] = value
                codes[j], rounded[j] = row[-2], row[-1]
            floats = (None,) * len(_VARYING)  # of whatever type the rules gave: as _column finds them
    bases = float_array(b_col)
    for j in fallback:
        bases[j] = 0.0
    block = _Block.of_columns(_columns(job, n, varying, floats, tuple(codes), bases, all_series, rounded, fallback),
                              n)
    return block, bytes(map(job.failing.__contains__, varying[-1]))


def _unit(job: Job, a: float, b: float) -> tuple[Any, ...]:
    """The _VARYING fields of one unit, its reason code and whether it is on the whole-number path:
    kind_trajectory._numbers and _status, one operation at a time (E(Y): paths.Path.at); raises
    _Exact (or the arithmetic's own error) where the exact rules must judge it."""
    year, y0, final_year, d, v = job.year, job.y0, job.final_year, job.d, job.v
    compare, final_bar, milestone_bar = job.compare, job.final_bar, job.milestone_bar
    segment, method = job.segment, job.method
    due, since_base = final_year - year, year - y0
    before_final = year < final_year
    expected = b if segment == 0 else b + job.share * (job.first_value - b) if segment == 1 else job.fixed_expected
    rounded = job.whole and b == int(b)  # paths.path_mode: every point a whole number
    if rounded and not job.on_point:
        expected = toward_baseline(expected, d)
    progress = None if v == b else (a - b) / (v - b)
    gap = a - expected
    margin = gap if d > 0 else expected - a
    if d > 0:
        attainment = None if v == 0 else a / v if v > 0 else v / a if a <= v else 2.0 - a / v
    elif v == 0:
        attainment = 1.0 if a <= 0 else progress
    elif v < 0:
        attainment = a / v if a < 0 else 0.0
    else:
        attainment = v / a if a >= v else 2.0 - a / v
    required = (v - a) / due if before_final else None
    check = gap + expected + (0.0 if required is None else required)
    trend = projected = projected_met = None
    if year > y0:
        trend = (a - b) / since_base
        check += trend
        if before_final:
            projected = a + trend * due
            projected_met = compare(projected, final_bar)
            check += projected
    chosen, ratio = method, None
    if method == "cagr":
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
        status, code = ("met", "milestone_met") if compare(a, milestone_bar) else ("missed", "milestone_missed")
    elif ratio is None:
        if d * (a - b) >= -(1e-9 * max(1.0, abs(b))):
            status, code = "on_track", "none_due_yet"
        else:
            status, code = "regressing", "moving_away_none_due"
    elif ratio >= job.on_track:  # schedule.classify_ratio, then _progress_reason
        status, code = "on_track", "on_schedule"
    elif ratio >= job.at_risk or ratio >= 0:
        status = "at_risk" if ratio >= job.at_risk else "off_track"
        code = "behind_above" if a - expected > 0 else "behind_below"
    else:
        status, code = "regressing", "regressing"
    return (a, expected, gap, margin, attainment, progress, ratio, required, trend, projected, projected_met, chosen,
            status, code, rounded)


class _Exact(Exception):
    """This unit is outside the batch class: the exact rules judge it."""


@record(frozen=True, slots=True)
class _Apart:
    """How a number beside a verdict that falls short is written: apart from the numbers unit ``j``'s
    verdict compares it with, ``others(j)`` (numtext.apart_text, docs/reports.md#rounding-apart)."""

    others: Callable[[int], tuple[float | None, ...]]


#: Two numbers further apart than this never read the same at two decimals (each is within 0.005
#: of its text), so only the few nearer pairs need numtext.decimals_apart's comparison of texts.
_FAR = 0.011


def _columns(job: Job, n: int, varying: Sequence[Sequence[Any]], floats: Sequence[bool | None],
             codes: tuple[str, ...], bases: array[float], series_of: Sequence[Any], whole_path: Sequence[bool],
             fallback: dict[int, Outcome]) -> list[Column]:
    """Every field's column, in the order of FIELDS: the computed fields as _column makes them
    of their values (the exact path's representation), the shared ones once, and the baseline,
    path, observed pairs and reason made when read; a unit judged by the exact rules keeps
    its own value in each."""
    built: dict[str, Column] = {name: _column(values, known)
                                for name, values, known in zip(_VARYING, varying, floats, strict=True)}
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
    if job.milestone_requirement is not None:  # engine.unit_outcome: a milestone's verdict states it
        stated = job.milestone_requirement
        built["requirement"] = _column(tuple(
            fallback[j].requirement if j in fallback else stated if codes[j] in MILESTONE_CODES else None
            for j in range(n)))
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


#: How a reason argument is made of the value a column holds: a number as the tables round it, or as it is,
#: or apart from the numbers a short verdict compares it with.
_Text = Callable[[Any], str] | _Apart
_Spec = tuple[tuple[str, Callable[[int], Any], _Text], ...]


def _reason_arguments(job: Job, built: dict[str, Column], bases: array[float]) -> dict[str, _Spec]:
    """For each reason code of the batch path, its arguments in the order kind_trajectory._status and
    _progress_status give them: the name, the value of unit ``j`` it is made of, and how it is written
    (a number beside a short verdict as kind_trajectory writes it: numtext's actual_apart, expected_apart,
    gap_apart and apart_text of the same numbers)."""
    actual, expected, method, status = (_reader(built[name]) for name in ("actual", "expected", "method", "status"))
    own = job.baseline
    target = job.v if isinstance(job.v, float) else None  # numtext.compared_with: a float target only

    def baseline(j: int) -> float:
        return bases[j] if own is None else own.value

    def difference(j: int) -> float:
        return float(abs(actual(j) - expected(j)))  # floats: abs of their difference, unchanged

    def constant(value: Any) -> Callable[[int], Any]:
        return lambda j: value

    def short(j: int) -> bool:
        return bool(status(j) in SHORT_STATUSES)

    missed = _Apart(lambda j: (expected(j), target, None))  # numtext.compared_with("missed", ...)
    regressed = _Apart(lambda j: (expected(j), None, baseline(j)))  # ... ("regressing", ...)
    from_actual = _Apart(lambda j: (actual(j),))
    behind_expected = _Apart(lambda j: (actual(j),) if short(j) and type(actual(j)) is float else ())
    behind_gap = _Apart(lambda j: (0.0,) if short(j) else ())

    def final(how: _Text) -> _Spec:
        return (("target", constant(job.final_text), str), ("target_year", constant(job.final_year), str),
                ("actual", actual, how))

    def milestone(how: _Text) -> _Spec:
        return (("target", constant(job.milestone_text), str), ("year", constant(job.year), str),
                ("actual", actual, how))

    regressing = (("actual", actual, regressed), ("baseline", baseline, from_actual))
    behind = (("method", method, str), ("difference", difference, behind_gap), ("expected", expected, behind_expected))
    return {"final_met": final(fmt), "final_met_early": final(fmt), "final_missed": final(missed),
            "milestone_met": milestone(fmt), "milestone_missed": milestone(missed),
            "none_due_yet": (("actual", actual, fmt), ("baseline", baseline, fmt)), "regressing": regressing,
            "moving_away_none_due": (regressing[1], ("baseline_year", constant(job.y0), str), regressing[0]),
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
        return because(code, **{name: _one(value(j), text, j) for name, value, text in specs[code]})

    def arguments(code: str, rows: Sequence[int]) -> dict[str, list[str]] | None:
        if any(j in fallback for j in rows):
            return None
        # str(): as because() makes every argument text
        return {name: list(map(str, _texts(list(map(value, rows)), text, rows))) for name, value, text in specs[code]}

    return Reasons(n, codes, make, arguments)


def _one(value: Any, text: _Text, j: int) -> str:
    """Argument ``value`` of unit ``j`` as its reason writes it."""
    return apart_text(value, *text.others(j)) if isinstance(text, _Apart) else text(value)


def _texts(values: list[Any], text: _Text, rows: Sequence[int]) -> list[str]:
    """``text`` of each value (of units ``rows``), made once for each distinct float (many units
    share an actual or an E(Y) to two decimals); equal floats, 0.0 and -0.0 included, round to the
    same text.  A number written apart keeps two decimals unless one of the numbers it is compared
    with is near enough to read the same (:data:`_FAR`): only those few are compared as texts."""
    if isinstance(text, _Apart):
        if set(map(type, values)) != {float}:
            return [_one(value, text, j) for value, j in zip(values, rows, strict=True)]
        texts = _texts(values, fmt, rows)  # apart_text at two decimals, as fmt writes a float
        others = text.others
        for k, (value, j) in enumerate(zip(values, rows, strict=True)):
            near = others(j)
            if any(other is not None and not abs(value - other) > _FAR for other in near):
                texts[k] = apart_text(value, *near)
        return texts
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
