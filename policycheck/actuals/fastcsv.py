"""The optional Arrow reader for large CSV files (``pip install 'policycheck[fast]'``; docs/actuals.md#fast-reader).

pyarrow splits a file into columns in C; what the exact reader of
:mod:`policycheck.actuals.load` does row by row is then done once per distinct
cell text (years, statuses, the plan/target/unit cells of a series) or per
column (numbers).  The fast path takes a file only when every row is of the
plain kind, one the exact reader would store without a finding and without
its general path:

* UTF-8 (with or without a BOM), no quote character, no NUL, one row per line,
  no blank line, the header on the first line and every row as wide;
* long form with a year column (no months, no period column, no wide years);
* every year cell a year, every status cell a status;
* every value a plain decimal number (``12``, ``-3.5``, ``1e3``) within the row reader's bound
  (:data:`policycheck.numtext.MAX_MAGNITUDE`);
* every plan/target/unit cell resolved without a finding to a target read as a
  plain number in its own measure, whose series no earlier file has begun;
* within each series, years strictly increasing from row to row (no duplicate).

Anything else (one odd row is enough) hands the whole file to the exact
reader before anything is stored, so the findings, the observations and every
report are the exact reader's: ``tests/actuals/test_fast_reader.py`` compares
the reports of both readers on every example and on generated national data.
"""
from __future__ import annotations

import csv
from array import array
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from policycheck.actuals import fastcells
from policycheck.actuals.dense import DenseBlock, StoredSeries
from policycheck.actuals.fastcells import numbers, statuses, years
from policycheck.actuals.fastseries import arrow_of as _arrow
from policycheck.actuals.fastseries import series_of_rows
from policycheck.actuals.header import read_header, recognised_columns
from policycheck.actuals.store import ObservationTable, SeriesView
from policycheck.errors import PolicycheckError
from policycheck.messages import msg

if TYPE_CHECKING:
    from policycheck.model import Plan
    from policycheck.observations import SeriesKey

#: Files from this size on are read by the fast path when pyarrow is installed and ``reader`` is "auto".
#: Below it the fast reader saves little, and costs more than it saves where numpy is installed
#: (pyarrow then imports it): docs/performance.md#fast-reader.
FAST_MIN_BYTES = 5_000_000
READERS = ("auto", "exact", "fast")
_BOM = b"\xef\xbb\xbf"
#: A file up to this size is read as one block, so each column comes as one array, without the copy
#: that joining chunks makes (national data: 0.03 CPU s and 12 MiB less after reading; Arrow's
#: block size is a 32-bit int).  A larger file is read in blocks of _BLOCK bytes, joined.
_ONE_BLOCK = 1 << 30
_BLOCK = 1 << 22


def pyarrow_installed() -> bool:
    import importlib.util

    return importlib.util.find_spec("pyarrow") is not None


def wants_fast(reader: str, size: int) -> bool:
    """Whether to try the fast path on a CSV file of ``size`` bytes."""
    if reader not in READERS:
        raise ValueError(f"reader {reader!r}: choose one of {', '.join(READERS)}")
    if reader == "exact":
        return False
    if reader == "fast":
        if not pyarrow_installed():
            # The command line refuses --reader fast first (cli/options.py); the API gets the same words.
            raise PolicycheckError(msg("cli.reader-needs-pyarrow"))
        return True
    return size >= FAST_MIN_BYTES and pyarrow_installed()


def read_fast(path: str, data: bytes, encoding: str, table: ObservationTable, views: dict[SeriesKey, StoredSeries],
              *, plans: Sequence[Plan], allow_unknown: bool) -> bool:
    """Store the rows of the CSV file ``path``, whose bytes (read once, bounded, by
    :func:`policycheck.inputs.read_input`) are ``data``, as the exact reader would; False, with
    nothing stored, when any row is not of the plain kind (module docstring)."""
    if encoding not in ("utf-8", "utf-8-sig") or not plans:
        return False
    start = 0  # where the header begins: after a BOM (no copy of the bytes is made)
    if data.startswith(_BOM):
        if encoding != "utf-8-sig":
            return False
        start = len(_BOM)
    newlines = data.count(b"\n")
    # Line ends all \n, or all \r\n to the last line's: as many \r as \n, and a \r\n at the end. A lone \r
    # would then come with a lone \n, and Arrow, which ends a row at each, would read one row more than
    # there are lines (the row count is compared below). Counting \r\n instead took 0.03 s of a national file.
    if b'"' in data or b"\x00" in data or (b"\r" in data and (data.count(b"\r") != newlines
                                                             or not data.endswith(b"\r\n"))):
        return False
    end = data.find(b"\n", start)
    if end <= start:
        return False
    header = next(csv.reader([data[start:end].decode("utf-8").rstrip("\r")]))
    layout = read_header(header, path, 1)
    if (not recognised_columns(header) or layout.findings or layout.wide or layout.col("period") >= 0
            or layout.col("year") < 0 or layout.col("value") < 0 or len(header) != layout.width):
        return False
    lines = newlines - 1 + (0 if data.endswith(b"\n") else 1)  # the header's is the first \n (a BOM holds none)
    columns = _columns(memoryview(data)[end + 1:], layout.width)
    if columns is None or len(columns[0]) != lines or not lines:
        return False
    planned = _Planned(columns, layout, plans, views, table, allow_unknown, path)
    try:
        if not planned.classify():
            return False
        planned.store()
        return True
    finally:
        del planned, columns
        _release()


def _release() -> None:
    """Give the columns' memory back: Arrow's allocator keeps freed memory for itself, and the
    evaluation that follows allocates through Python's, so the peak would hold both."""
    import pyarrow as pa

    pa.default_memory_pool().release_unused()


def _columns(body: memoryview, width: int) -> list[Any] | None:
    """Every column of ``body`` as one Arrow string array, or None where Arrow refuses a row."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    names = [f"c{index}" for index in range(width)]
    try:
        read = pacsv.read_csv(
            pa.BufferReader(pa.py_buffer(body)),
            # One thread: on a national file the reading threads took no less CPU time and
            # their buffers raised the peak by about 30 MiB (docs/performance.md#reading).
            read_options=pacsv.ReadOptions(column_names=names, use_threads=False, block_size=_block(len(body))),
            parse_options=pacsv.ParseOptions(quote_char=False, newlines_in_values=False, ignore_empty_lines=False),
            convert_options=pacsv.ConvertOptions(column_types=dict.fromkeys(names, pa.string()),
                                                 strings_can_be_null=False, null_values=[]))
    except pa.ArrowException:
        return None  # a row of another width, a blank line
    return [_one_array(read.column(name)) for name in names]


def _block(size: int) -> int:
    """Arrow's block size for a body of ``size`` bytes: the whole of it when it may (_ONE_BLOCK)."""
    return size + 1 if size < _ONE_BLOCK else _BLOCK


def _one_array(column: Any) -> Any:
    """A column read in one block is its one chunk; the chunks of a larger file are joined."""
    return column.chunk(0) if column.num_chunks == 1 else column.combine_chunks()


class _Planned:
    """One file's columns, classified; stored only if every row is plain."""

    def __init__(self, columns: list[Any], layout: Any, plans: Sequence[Plan], views: dict[SeriesKey, StoredSeries],
                 table: ObservationTable, allow_unknown: bool, path: str) -> None:
        self.columns, self.layout, self.plans, self.views = columns, layout, plans, views
        self.table, self.allow_unknown, self.path = table, allow_unknown, path
        self.count = len(columns[0])
        self.values: Any = None
        self.codes: Any = None
        self.years: Any = None
        self.series: Any = None  # the series index of each row
        self.order: Any = None  # row numbers, series by series (file order within each): _order()
        self.sorted_years: Any = None  # the years in that order
        self.ranked: Any = None  # the series index of each row in that order
        self.in_order = False  # whether that order is the file's
        self.keys: list[SeriesKey] = []  # by series index: in order of first appearance

    def classify(self) -> bool:
        """Everything the exact reader would decide row by row, decided per column; False at the first doubt."""
        import pyarrow as pa

        lay, cols = self.layout, self.columns
        self.values = numbers(cols[lay.col("value")])
        if self.values is None:
            return False
        run = fastcells.period(cols[lay.col("year")])  # national data: 8, the years of each series
        self.years = years(cols[lay.col("year")], run)
        status = lay.col("status")
        self.codes = (statuses(cols[status]) if status >= 0
                      else _arrow(array("B", bytes(self.count)), pa.uint8()))
        if self.years is None or self.codes is None:
            return False
        # The value, year and status texts are read: their memory goes back to Arrow's pool for what follows.
        for index in (lay.col("value"), lay.col("year"), status):
            if index >= 0:
                cols[index] = None
        found = series_of_rows(cols, lay, self.plans, self.table, self.views, self.allow_unknown, run)
        if found is None:
            return False
        self.keys, series = found
        return self._in_year_order(series)

    def _in_year_order(self, series: Any) -> bool:
        """Whether every series' years increase strictly from row to row (else: duplicates to merge)."""
        from policycheck.actuals import arrowcompute as ac

        self.series = series
        # Rows already series by series (a file sorted so, as national data is): no sort to make;
        # then line = 2 + slot.
        self.in_order = self.count < 2 or ac.all_true(ac.less_equal(series.slice(0, self.count - 1),
                                                                    series.slice(1)))
        ranked, years = series, self.years
        if not self.in_order:
            ranked, years = ac.take(series, self._order()), ac.take(self.years, self._order())
        if self.count > 1:
            same = ac.equal(ranked.slice(1), ranked.slice(0, self.count - 1))
            back = ac.less_equal(years.slice(1), years.slice(0, self.count - 1))
            if ac.any_true(ac.both(same, back)):
                return False
        self.sorted_years = years
        self.ranked = ranked
        return True

    def _order(self) -> Any:
        """Row numbers, series by series (file order within each): a stable sort, made once."""
        from policycheck.actuals import arrowcompute as ac

        if self.order is None:
            self.order = ac.sort_indices(self.series)
        return self.order

    def store(self) -> None:
        """Append the rows to the table and each series, as the exact reader's fast path appends them."""
        import pyarrow as pa

        from policycheck.actuals import arrowcompute as ac

        if self._dense():
            return
        table, lay = self.table, self.layout
        table.start_file(self.path)
        base = len(table.values)
        table.values.frombytes(_raw(self.values, 8))
        table.codes += _raw(self.codes, 1)
        table.lines.extend(range(2, self.count + 2))  # the header is line 1; one row per line
        table.columns.extend(array("i", [lay.col("value") + 1]) * self.count)
        self._extras(base)
        rows = ac.add(ac.cast(self._order(), pa.int32()), _arrow(array("i", [base]), pa.int32())[0])
        years_raw, rows_raw = _raw(self.sorted_years, 2), _raw(rows, 4)
        # Every series has rows, and they are ranked 0, 0, 1, 2, 2, ...: a series ends where the rank changes.
        changes = ac.not_equal(self.ranked.slice(1), self.ranked.slice(0, self.count - 1))
        ends = [index + 1 for index in ac.indices_nonzero(changes).to_pylist()] + [self.count]
        start = 0
        for key, end in zip(self.keys, ends, strict=True):
            view = self.views[key] = SeriesView(table)
            view.years.frombytes(years_raw[2 * start:2 * end])
            view.rows.frombytes(rows_raw[4 * start:4 * end])
            start = end

    def _dense(self) -> bool:
        """Every series with a row for each year of the file's years, and no source or note
        column: one dense block (docs/performance.md#reading), as the bulk reader stores it;
        False for the table's rows instead."""
        import pyarrow as pa

        from policycheck.actuals import arrowcompute as ac

        lay = self.layout
        if lay.col("source") >= 0 or lay.col("note") >= 0:
            return False
        bounds = ac.min_max(self.years)
        first, span = bounds["min"], bounds["max"] - bounds["min"] + 1
        # Years rise strictly within each series (_in_year_order), so this many rows fill every slot.
        if span * len(self.keys) != self.count:
            return False
        # Rows already series by series (a file sorted so): the columns are the slots as they are.
        values = array("d")
        values.frombytes(_raw(self.values if self.in_order else ac.take(self.values, self._order()), 8))
        codes = bytearray(_raw(self.codes if self.in_order else ac.take(self.codes, self._order()), 1))
        lines = None
        if not self.in_order:
            lines = array("i")
            lines.frombytes(_raw(ac.add(ac.cast(self._order(), pa.int32()), _arrow(array("i", [2]), pa.int32())[0]), 4))
        block = DenseBlock(self.path, lay.col("value") + 1, first, span, values, codes, lines, 2, {})
        # Into the views straight away: each key hashed once (a tuple does not keep its hash).
        self.views.update(zip(self.keys, block.series_views(self.keys), strict=True))
        return True

    def _extras(self, base: int) -> None:
        """source and note cells, stripped (empty is None), for the rows that have either."""
        from policycheck.actuals import arrowcompute as ac

        sci, nci = self.layout.col("source"), self.layout.col("note")
        if sci < 0 and nci < 0:
            return
        given = [self.columns[i] for i in (sci, nci) if i >= 0]
        empty = _text("")
        mask = ac.not_equal(given[0], empty)
        if len(given) > 1:
            mask = ac.either(mask, ac.not_equal(given[1], empty))
        source = self.columns[sci].to_pylist() if sci >= 0 else None
        note = self.columns[nci].to_pylist() if nci >= 0 else None
        for row in ac.indices_nonzero(mask).to_pylist():
            found = ((source[row].strip() or None) if source is not None else None,
                     (note[row].strip() or None) if note is not None else None)
            if found != (None, None):
                self.table.extras[base + row] = found


def _text(text: str) -> Any:
    """An Arrow string scalar, built from its bytes for the same reason as :func:`_arrow`."""
    import pyarrow as pa

    data = text.encode("utf-8")
    offsets = pa.py_buffer(array("i", [0, len(data)]).tobytes())
    return pa.Array.from_buffers(pa.string(), 1, [None, offsets, pa.py_buffer(data)])[0]


def _raw(values: Any, size: int) -> memoryview:
    """The little-endian bytes of an Arrow array without nulls (as array.array holds them), not copied."""
    return memoryview(values.buffers()[1])[values.offset * size:(values.offset + len(values)) * size]
