"""The value, year and status columns of a file the Arrow reader reads, a column at a time
(docs/performance.md#the-arrow-path): each a typed Arrow array, or None where a cell is not of the
plain kind (policycheck/actuals/fastcsv.py), which hands the file to the exact reader."""
from __future__ import annotations

from array import array
from typing import Any

from policycheck.actuals.cells import CellError, parse_status, parse_year
from policycheck.actuals.fastseries import arrow_of as _arrow
from policycheck.actuals.store import STATUS_CODES
from policycheck.numtext import MAX_MAGNITUDE

#: A plain decimal number: Python's float() and Arrow's cast read it to the same double.
_PLAIN_NUMBER = r"^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$"
#: The value column is read through its distinct texts when at most 1/_FEW_TEXTS of a sample of
#: _SAMPLE cells spread over it are distinct (at most 8,192 of 65,536; numbers).
_SAMPLE = 1 << 16
_FEW_TEXTS = 8
#: The longest run of year or status cells looked for as repeated over the whole column (:func:`period`).
_MAX_PERIOD = 1024


def years(column: Any, run: int) -> Any:
    """Each year cell's year (uint16); None if a cell is not a year.  ``run``: :func:`period` of the column."""
    import pyarrow as pa

    return _per_cell(column, _year, pa.uint16(), run)


def statuses(column: Any) -> Any:
    """Each status cell's code (uint8, :data:`STATUS_CODES`); None if a cell is not a status."""
    import pyarrow as pa

    return _per_cell(column, _status, pa.uint8(), period(column))


def numbers(value: Any) -> Any:
    """The value column as doubles; None if a cell is not a plain number within the row reader's
    bound.  A column of few distinct texts (told from a sample spread over it) is read through
    them: national data has 7,243 in 1.1 M cells, and checking and casting each text once takes
    half the time of doing so for every cell; a column of mostly distinct texts is read cell by
    cell, since encoding it costs more than it saves."""
    import pyarrow as pa

    from policycheck.actuals import arrowcompute as ac

    texts, rows = value, None
    if _few_texts(value):
        encoded = ac.dictionary_encode(value)
        texts, rows = encoded.dictionary, encoded.indices
    if not ac.all_true(ac.matches(texts, _PLAIN_NUMBER)):
        return None
    try:
        numbers = ac.cast(texts, pa.float64())
    except pa.ArrowException:
        return None  # Arrow could not read one: the exact reader says what it is
    # The row reader's bound (beyond it a value is refused, PC402); it also keeps out inf.
    bound = _arrow(array("d", [MAX_MAGNITUDE]), pa.float64())[0]
    if not ac.all_true(ac.less_equal(ac.absolute(numbers), bound)):
        return None
    return numbers if rows is None else ac.take(numbers, rows)


def _few_texts(column: Any) -> bool:
    """Whether at most 1/_FEW_TEXTS of a sample of _SAMPLE cells spread over ``column`` are distinct
    (at most 8,192 of 65,536)."""
    import pyarrow as pa

    from policycheck.actuals import arrowcompute as ac

    if len(column) <= _SAMPLE:
        return False  # a small column: cell by cell is quick enough
    step = len(column) // _SAMPLE
    sample = ac.take(column, _arrow(array("i", range(0, step * _SAMPLE, step)), pa.int32()))
    return bool(len(ac.unique(sample)) * _FEW_TEXTS <= _SAMPLE)


def _year(cell: str) -> int:
    return parse_year(cell)


def _status(cell: str) -> int:
    return STATUS_CODES[parse_status(cell)]


def _per_cell(column: Any, parse: Any, kind: Any, period: int) -> Any:
    """``parse`` of each distinct cell, spread over the rows; None if a cell does not parse.
    ``period``: the length of the run of cells the column repeats, 0 for none (:func:`period`)."""
    import pyarrow as pa

    from policycheck.actuals import arrowcompute as ac

    codes = {pa.uint16(): "H", pa.uint8(): "B"}[kind]
    if period:  # the first ``period`` cells over and over: parsed once, repeated
        try:
            first = array(codes, [parse(cell) for cell in column.slice(0, period).to_pylist()])
        except CellError:
            return None
        repeated = first * -(-len(column) // period)
        del repeated[len(column):]
        # Over the array's own memory (arrow_of would copy it): a copy raised the peak by 3 MiB.
        return pa.Array.from_buffers(kind, len(repeated), [None, pa.py_buffer(repeated)])
    encoded = ac.dictionary_encode(column)
    try:
        parsed = [parse(cell) for cell in encoded.dictionary.to_pylist()]
    except CellError:
        return None
    return ac.take(_arrow(array(codes, parsed), kind), encoded.indices)


def period(column: Any) -> int:
    """The length of the run of cells that ``column`` repeats from its first cell to its last (a
    status column of one value: 1; national years, 2018 to 2025 in every series: 8), if the first
    _MAX_PERIOD + 1 cells repeat a run that short; else 0.  Comparing the column with itself shifted
    takes a fifth of the time of encoding it (docs/performance.md#the-arrow-path)."""
    from policycheck.actuals import arrowcompute as ac

    size = len(column)
    head = column.slice(0, min(size, _MAX_PERIOD + 1)).to_pylist()
    # The shortest run the first cells repeat (the only one the whole column can repeat, if any).
    for length in range(1, len(head)):
        if head[length] == head[0] and head[length:] == head[:-length]:
            break
    else:
        return 0
    same = ac.all_true(ac.equal(column.slice(length), column.slice(0, size - length)))
    return length if same else 0
