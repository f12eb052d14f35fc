"""The CSV reader's rows and columns for months of a year (docs/actuals.md#periods).

The reader's row loop handles whole years; a time cell that names months of a
year (``2025年1-9月``, ``2025-09`` with a basis) is cached as -1 and its row is
handed to :class:`PeriodCells`, which parses it in full and files it under its
series and :class:`policycheck.periods.Period` in ``Actuals.periods``
(:mod:`policycheck.actuals.inyear`).  Such rows are rare next to the yearly
ones, so clarity matters more than speed here.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Protocol

from policycheck.actuals import inyear
from policycheck.actuals.cells import CellError, parse_year
from policycheck.actuals.header import Layout
from policycheck.actuals.resolve import Sink
from policycheck.findings import ERROR, Level
from policycheck.model import DATA_STATUSES, DataStatus
from policycheck.observations import Actuals, Observation
from policycheck.periods import Basis, Label, Period, PeriodError, parse_basis, parse_label, resolve

#: Joins a year cell and a period cell into one time cell (:class:`YearAndPeriod`).
SEPARATOR = "\x1f"
_NO_BASIS_CELL = object()  # a basis cell that gave a finding: the row is skipped


class Rows(Protocol):
    """What the reader needs of ``csv.reader``: rows, and the physical line it has reached."""

    line_num: int

    def __iter__(self) -> Iterator[list[str]]: ...

    def __next__(self) -> list[str]: ...


class YearAndPeriod:
    """Rows whose year cell carries the period cell too (``2025\\x1f1-9月``), so that a
    file with both columns goes through the same row loop and time-cell cache."""

    def __init__(self, reader: Rows, year: int, period: int) -> None:
        self.reader = reader
        self.year = year
        self.period = period
        self.line_num = 0

    def __iter__(self) -> YearAndPeriod:
        return self

    def __next__(self) -> list[str]:
        row = next(self.reader)
        self.line_num = self.reader.line_num
        if len(row) > max(self.year, self.period) and row[self.period].strip():
            row[self.year] = f"{row[self.year]}{SEPARATOR}{row[self.period]}"
        return row


class Reader(Protocol):
    """What :class:`PeriodCells` uses of the file reader of :mod:`policycheck.actuals.load`."""

    path: str
    actuals: Actuals
    layout: Layout
    years: dict[str, int]
    year_column: int

    def _value(self, sink: Sink, cell: str, line: int, column: int) -> object: ...

    def _status(self, cell: str, line: int, index: int) -> int: ...

    def _extras_getter(self) -> Callable[[list[str]], tuple[str | None, str | None]] | None: ...

    def _finding(self, rule: str, level: Level, line: int, column: int, message: str) -> None: ...


class PeriodCells:
    """The in-year side of one file's reading."""

    def __init__(self, reader: Reader) -> None:
        self.reader = reader
        self.labels: dict[str, Label] = {}  # in-year time cells, parsed once
        self.period_column = -1  # 0-based: a period column beside a year column

    def long_form(self, rows: Rows) -> Rows:
        """Set the reader's time column: the year column, else the period column; with both,
        rows whose year cell carries the period cell (:class:`YearAndPeriod`)."""
        reader, layout = self.reader, self.reader.layout
        year, period = layout.col("year"), layout.col("period")
        reader.year_column = year if year >= 0 else period
        if year < 0 or period < 0:
            return rows
        self.period_column = period
        return YearAndPeriod(rows, year, period)

    def time_cell(self, cell: str, line: int, index: int) -> int:
        """A time cell that is not a plain year: its year, -1 for months of a year, 0 after a finding."""
        if SEPARATOR in cell:
            return self._year_and_period(cell, line, index)
        try:
            return self._file(cell, parse_label(cell))
        except PeriodError as exc:
            self._pc408(line, index, exc)
            return 0

    def _year_and_period(self, cell: str, line: int, index: int) -> int:
        """A year cell and a period cell read together (:class:`YearAndPeriod`)."""
        year_text, period_text = cell.split(SEPARATOR, 1)
        if not year_text.strip():  # the period cell alone says the year: 2025年1-9月
            try:
                return self._file(cell, parse_label(period_text))
            except PeriodError as exc:
                self._pc408(line, self.period_column, exc)
                return 0
        try:
            year = parse_year(year_text)
        except CellError as exc:
            self._pc408(line, index, exc)
            return 0
        try:
            label = parse_label(period_text, year_required=False)
            if label.year is not None and label.year != year:
                raise PeriodError(f"period {period_text.strip()!r} names the year {label.year} but the year "
                                  f"column says {year}")
        except PeriodError as exc:
            self._pc408(line, self.period_column, exc)
            return 0
        return self._file(cell, Label(year, label.first, label.last, label.fixed, label.basis))

    def _file(self, cell: str, label: Label) -> int:
        """Cache a time cell: a whole year as that year, months of a year as -1."""
        years = self.reader.years
        if label.year is not None and label.fixed and label.first == 1 and label.last == 12:
            years[cell] = label.year
            return label.year
        self.labels[cell] = label
        years[cell] = -1
        return -1

    def long_row(self, sink: Sink, row: list[str], line: int) -> None:
        """A long-form row for months of a year: parsed in full and filed apart from whole years."""
        reader = self.reader
        cell = row[reader.year_column]
        basis = self._basis(row, line)
        if basis is _NO_BASIS_CELL:
            return
        text = cell.split(SEPARATOR, 1)[1] if SEPARATOR in cell else cell
        column = self.period_column if SEPARATOR in cell else reader.year_column
        try:
            period = resolve(self.labels[cell], text, basis=basis)  # type: ignore[arg-type]
        except PeriodError as exc:
            self._pc408(line, column, exc)
            return
        vi, si = reader.layout.col("value"), reader.layout.col("status")
        value = reader._value(sink, row[vi], line, vi + 1)
        code = reader._status(row[si], line, si) if si >= 0 else 0
        if not _parsed(value) or code < 0:
            return
        extras = reader._extras_getter()
        source, note = extras(row) if extras is not None else (None, None)
        self._add(sink, period, value, DATA_STATUSES[code], line, vi + 1, source, note)

    def check_headers(self, line: int) -> None:
        """Wide in-year headers that need a basis and cannot get one: PC408 at the header, once."""
        layout = self.reader.layout
        if layout.col("basis") >= 0:
            return
        kept = []
        for index, label, raw in layout.periods:
            try:
                resolve(label, raw)
            except PeriodError as exc:
                self._pc408(line, index, exc)
                continue
            kept.append((index, label, raw))
        layout.periods = kept

    def wide_row(self, sink: Sink, row: list[str], line: int, status: DataStatus, source: str | None,
                 note: str | None) -> None:
        """The in-year columns of one wide-form row."""
        basis = self._basis(row, line)
        if basis is _NO_BASIS_CELL:
            return
        for index, label, raw in self.reader.layout.periods:
            try:
                period = resolve(label, raw, basis=basis)  # type: ignore[arg-type]
            except PeriodError as exc:
                self._pc408(line, index, exc)
                continue
            value = self.reader._value(sink, row[index], line, index + 1)
            if _parsed(value):
                self._add(sink, period, value, status, line, index + 1, source, note)

    def _basis(self, row: list[str], line: int) -> Basis | None | object:
        """The row's basis (口径) cell; PC402 for a word that is none."""
        bi = self.reader.layout.col("basis")
        if bi < 0:
            return None
        try:
            return parse_basis(row[bi])
        except PeriodError as exc:
            self.reader._finding("PC402", ERROR, line, bi + 1, str(exc))
            return _NO_BASIS_CELL

    def _add(self, sink: Sink, period: Period, value: object, status: DataStatus, line: int, column: int,
             source: str | None, note: str | None) -> None:
        if sink.key is None:
            return
        obs = Observation(value, status, self.reader.path, line, column, source, note)  # type: ignore[arg-type]
        inyear.add(self.reader.actuals, sink.key, period, obs)

    def _pc408(self, line: int, index: int, exc: ValueError) -> None:
        self.reader._finding("PC408", ERROR, line, index + 1, str(exc))


def _parsed(value: object) -> bool:
    """A value cell that gave no finding: a number, yes/no or a missing marker."""
    return value is None or isinstance(value, (bool, int, float))
