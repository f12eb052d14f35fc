"""The series of each row of a file the Arrow reader reads (docs/performance.md#reading).

A national file names 142,200 series with 50 target cells and 2,844 unit
cells.  Each distinct plan/target/measure combination is resolved once, and
the unit cells of a target together (:meth:`Resolver.unit_ids`, as the bulk
reader of :mod:`policycheck.actuals.bulkcsv` does); the cell codes of each
combination are taken apart a column at a time.  Any combination that does not
resolve plainly (a problem, yes/no or grades, another magnitude, a series an
earlier file began) gives None, and the file goes to the exact reader whole.
"""
from __future__ import annotations

import math
from array import array
from collections.abc import Callable, Sequence
from itertools import pairwise, repeat
from typing import TYPE_CHECKING, Any

from policycheck.actuals.dense import StoredSeries
from policycheck.actuals.resolve import PARSE_NUMBER, Problem, Resolver
from policycheck.actuals.store import ObservationTable

if TYPE_CHECKING:
    from policycheck.actuals.header import Layout
    from policycheck.model import Plan
    from policycheck.observations import SeriesKey

#: The plan, target, unit and measure columns, in the order Resolver.find takes their cells.
_KEY_NAMES = ("plan", "target", "unit", "measure")
#: Files with more combinations than this refuse the fast path: every combination code, and every
#: product and sum on the way to it, then stays below 2**62 and fits an int64 with room to spare.
_MAX_COMBINATIONS = 2**62
#: With fewer combinations than this the codes are int32 (national data: 142,200), else int64.
INT32_COMBINATIONS = 2**31


def series_of_rows(columns: list[Any], layout: Layout, plans: Sequence[Plan], table: ObservationTable,
                   views: dict[SeriesKey, StoredSeries],
                   allow_unknown: bool, run: int = 0) -> tuple[list[SeriesKey], Any] | None:
    """Each series' key, in order of first appearance (its index), and the index of each row's
    series (an Arrow int32 array); None if any row does not resolve plainly.  ``run``: the length
    of the run of year cells the year column repeats (0: none, fastcells.period); when the plan,
    target, unit and measure cells are also the same within each such run of rows (national data:
    8 rows of a series), one row of each run is resolved, and its series spread over the run."""
    import pyarrow as pa

    from policycheck.actuals import arrowcompute as ac

    key_columns = [index for index in (layout.col(name) for name in _KEY_NAMES) if index >= 0]
    runs = _same_within_runs(columns, key_columns, run)
    if runs:
        firsts = _steps(0, run, len(columns[key_columns[0]]) // run)
        for index in key_columns:
            columns[index] = ac.take(columns[index], firsts)
        del firsts
    # The plan, target and measure columns there are (an absent one reads ""), and the unit column;
    # their texts are not read again (source and note are other columns), so their memory goes back.
    target_columns = [layout.col(name) for name in ("plan", "target", "measure")]
    encoded = [_encode(columns, index) for index in target_columns if index >= 0]
    target_texts = [column.dictionary.to_pylist() for column in encoded]
    sizes = [len(words) for words in target_texts]
    units = _encode(columns, layout.col("unit")) if layout.col("unit") >= 0 else None
    unit_texts = units.dictionary.to_pylist() if units is not None else [""]
    combinations = math.prod(sizes) * len(unit_texts)
    if combinations >= _MAX_COMBINATIONS:
        return None
    # One integer per row for its combination of cells (32 bits when they fit, as on national data):
    # its dictionary encoding gives the combinations in order of first appearance, as the exact
    # reader meets them.
    kind = pa.int32() if combinations < INT32_COMBINATIONS else pa.int64()
    # Arrow's add and multiply do not check for overflow: they are safe here because each partial
    # code is below the product of the sizes taken so far, so below ``combinations``, which the two
    # bounds above keep within ``kind``.  (The target column is always there: the header reader
    # refuses a long-form file without one, so ``encoded`` has at least one column.)
    combined = ac.cast(encoded[0].indices, kind)
    for column, size in zip(encoded[1:], sizes[1:], strict=True):
        combined = ac.add(ac.multiply(combined, _scalar(size, kind)), ac.cast(column.indices, kind))
    if units is not None:
        combined = ac.add(ac.multiply(combined, _scalar(len(unit_texts), kind)), ac.cast(units.indices, kind))
    del encoded, units
    combos = ac.dictionary_encode(combined)
    del combined
    codes = ac.cast(combos.dictionary, pa.int64())
    # Each combination's target code and unit cell code, a column at a time (in int64, where
    # target_of * len(unit_texts) <= code < combinations cannot overflow either).
    target_of = ac.divide(codes, _scalar(len(unit_texts), pa.int64()))
    unit_of = ac.subtract(codes, ac.multiply(target_of, _scalar(len(unit_texts), pa.int64())))
    resolver = Resolver(plans, {}, table, allow_unknown=allow_unknown)  # files nothing: find names series
    plan, target, unit, measure = (layout.col(name) + 1 for name in _KEY_NAMES)
    cols = (plan, target, unit, measure)
    found = _keys_of(resolver, cols, target_of, unit_of, _cells_of(target_texts, target_columns), unit_texts)
    if found is None or resolver.problems or (views and not views.keys().isdisjoint(found[0])):
        return None  # a problem or warning to give, or a series an earlier file began (duplicates)
    keys, distinct = found
    if distinct:  # the usual case: each combination a series of its own
        return keys, _spread(ac.cast(combos.indices, pa.int32()), run if runs else 1)
    # Two combinations name one series (a unit by its id and by its name): the first numbers it.
    known: dict[SeriesKey, int] = {}
    combo_series = array("i", [known.setdefault(key, len(known)) for key in keys])
    return list(known), _spread(ac.take(arrow_of(combo_series, pa.int32()), combos.indices), run if runs else 1)


def _same_within_runs(columns: list[Any], key_columns: list[int], run: int) -> bool:
    """Whether the rows come in runs of ``run`` (> 1, and a whole number of them) within which every
    key column keeps one cell: it changes from one row to the next only where a run ends.  Two
    comparisons of a column with itself shifted cost a fifth of encoding it
    (docs/performance.md#the-arrow-path)."""
    import pyarrow as pa

    from policycheck.actuals import arrowcompute as ac

    size = len(columns[key_columns[0]])
    if run < 2 or size % run or size < 2 * run:
        return False
    changes = None
    for index in key_columns:
        column = columns[index]
        changed = ac.not_equal(column.slice(1), column.slice(0, size - 1))
        changes = changed if changes is None else ac.either(changes, changed)
    # Where a run ends (row ``run`` - 1 of each, compared with the next): the only changes allowed.
    ends = (b"\x00" * (run - 1) + b"\x01") * (size // run)
    allowed = ac.cast(pa.Array.from_buffers(pa.uint8(), size - 1, [None, pa.py_buffer(ends)]), pa.bool_())
    return not ac.any_true(ac.and_not(changes, allowed))


def _spread(series: Any, run: int) -> Any:
    """Each run's series index, spread over the ``run`` rows of the run."""
    import pyarrow as pa

    from policycheck.actuals import arrowcompute as ac

    if run == 1:
        return series
    ends = _steps(run, run, len(series))
    # Made of its two children, not by RunEndEncodedArray.from_arrays, which imports pandas where it is
    # installed to inspect its arguments (0.16 s and 45 MiB of a national check).
    encoded = pa.Array.from_buffers(pa.run_end_encoded(ends.type, series.type), len(series) * run, [None],
                                    children=[ends, series])
    return ac.run_end_decode(encoded)


def _steps(start: int, step: int, count: int) -> Any:
    """start, start + step, ... (``count`` int32 numbers, below 2**31): a running sum, 30 times as quick
    as an array of a range for national data's 142,200 runs."""
    import pyarrow as pa

    from policycheck.actuals import arrowcompute as ac

    steps = array("i", [start]) + array("i", [step]) * (count - 1)
    return ac.cumulative_sum(arrow_of(steps, pa.int32()))


def _cells_of(texts: list[list[str]], target_columns: list[int]) -> Callable[[int], tuple[str, str, str]]:
    """A function from a target code to its plan, target and measure cells."""
    sizes = [len(words) for words in texts]
    # Where the plan, target and measure cells are in ``parts`` below: a present column's place
    # among the present ones (``texts`` holds only those), -1 for an absent column, which reads
    # the trailing "".
    slots = [sum(1 for j in target_columns[:k] if j >= 0) if i >= 0 else -1 for k, i in enumerate(target_columns)]

    def cells(code: int) -> tuple[str, str, str]:
        parts = [""] * (len(sizes) + 1)  # the last: an absent column's ""
        for position in range(len(sizes) - 1, -1, -1):
            code, cell = divmod(code, sizes[position])
            parts[position] = texts[position][cell]
        return parts[slots[0]], parts[slots[1]], parts[slots[2]]

    return cells


def _keys_of(resolver: Resolver, cols: tuple[int, int, int, int], target_of: Any, unit_of: Any,
             cells_of: Callable[[int], tuple[str, str, str]],
             unit_texts: list[str]) -> tuple[list[SeriesKey], bool] | None:
    """The series key of each combination, target by target, and whether no two are the same; None
    at the first that does not resolve plainly.  ``cells_of`` gives a target code's plan, target and
    measure cells; ``unit_texts`` the unit cell of each unit code."""
    from policycheck.actuals import arrowcompute as ac

    size = len(target_of)
    # The combinations of each target together: a stable sort, unless they already are (a file
    # sorted by target).
    order = None
    if size > 1 and not ac.all_true(ac.less_equal(target_of.slice(0, size - 1), target_of.slice(1))):
        order = ac.sort_indices(target_of)
        target_of, unit_of = ac.take(target_of, order), ac.take(unit_of, order)
    changes = ac.not_equal(target_of.slice(1), target_of.slice(0, size - 1)) if size > 1 else None
    bounds = [0] + [end + 1 for end in ac.indices_nonzero(changes).to_pylist()] if changes is not None else [0]
    unit_cells = list(map(unit_texts.__getitem__, unit_of.to_pylist()))
    keys: list[SeriesKey] = []
    targets: set[tuple[str, str]] = set()
    distinct = True  # each target's unit ids differ, and no two target codes name one target
    for start, end in pairwise(bounds + [size]):
        plan_cell, target_cell, measure_cell = cells_of(target_of[start].as_py())
        resolved = resolver.target(plan_cell, target_cell, measure_cell, 0, cols)
        if isinstance(resolved, Problem) or resolved.parse != PARSE_NUMBER or resolved.scale:
            return None  # unknown target; yes/no, grades or another magnitude: the exact reader reads it
        cells = unit_cells[start:end]
        uids: Sequence[str | None] | None = resolver.unit_ids(resolved, cells)
        if uids is None:  # a blank, unknown or out-of-scope unit cell: each looked at alone
            one_by_one: list[str | None] = []
            for cell in cells:
                found = resolver.find(plan_cell, target_cell, cell, measure_cell, 0, cols)
                if isinstance(found, Problem):
                    return None
                one_by_one.append(found[0][2])
            uids = one_by_one
        target = (resolved.plan.id, resolved.target_id)
        distinct = distinct and target not in targets and len(set(uids)) == len(uids)
        targets.add(target)
        keys += zip(repeat(target[0]), repeat(target[1]), uids)
    if order is not None:  # back to the order of first appearance
        keys = list(map(keys.__getitem__, ac.sort_indices(order).to_pylist()))
    return keys, distinct


def _encode(columns: list[Any], index: int) -> Any:
    """The dictionary encoding of column ``index``; the column itself is let go."""
    from policycheck.actuals import arrowcompute as ac

    encoded = ac.dictionary_encode(columns[index])
    columns[index] = None
    return encoded


def _scalar(value: int, kind: Any) -> Any:
    """An Arrow integer scalar of type ``kind`` (int32 or int64)."""
    import pyarrow as pa

    from policycheck.actuals import arrowcompute as ac

    return ac.cast(arrow_of(array("q", [value]), pa.int64()), kind)[0]


def arrow_of(values: array[int] | array[float], kind: Any) -> Any:
    """An Arrow array over the bytes of ``values`` (pa.array of a list would import pandas to inspect it)."""
    import pyarrow as pa

    return pa.Array.from_buffers(kind, len(values), [None, pa.py_buffer(values.tobytes())])
