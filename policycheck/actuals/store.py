"""Observations stored column by column: the compact form of :class:`policycheck.observations.Actuals`.

A national data set has over a million CSV rows.  One Python object per row
(value, status, file, line, column) cost about 250 bytes a row; here every
kept cell is one slot in a few typed arrays of an :class:`ObservationTable`
(about 17 bytes a row), and each series is a :class:`SeriesView`: two small
arrays of years and row numbers, sorted by year.  A view is a read-only
``Mapping[int, Observation]`` that builds an :class:`Observation` only when one
is looked up; evaluation reads it through the cheaper methods of
:class:`policycheck.observations.Series` (:meth:`SeriesView.value` and the like).
"""
from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping, Sequence
from itertools import chain
from operator import attrgetter
from typing import Protocol, cast, overload

from policycheck.actuals.cells import CellFlags
from policycheck.model import DATA_STATUSES, DataStatus
from policycheck.observations import Observation, PlainRun, Series

#: Status codes: the index in DATA_STATUSES, plus these flag bits.
STATUS_CODES: Mapping[str, int] = {status: index for index, status in enumerate(DATA_STATUSES)}
MISSING_FLAG = 4  # the cell was a missing marker: the value is None
YES_NO_FLAG = 8  # the value is yes/no, stored as 1.0 / 0.0
APPROX_FLAG = 16  # the cell gave the number as approximate (约4.4, 4.4左右)
STATED_FLAG = 32  # the cell stated a verdict (已完成, 未完成): no number, the word is in ``stated``
_STATUS_MASK = 3
_NAN = float("nan")


class ObservationTable:
    """Every kept CSV cell of one reading, as parallel arrays indexed by row number.

    ``source`` and ``note`` are rare, so they live in a dict by row number, as
    do the words of stated verdicts and the magnitudes a value was converted
    between.  Rows are appended file after file, so a row's file is found by
    bisection in ``starts`` instead of being stored a million times.
    """

    __slots__ = ("values", "codes", "lines", "columns", "extras", "starts", "files", "stated", "converted",
                 "approximate")

    def __init__(self) -> None:
        self.values = array("d")
        self.codes = bytearray()
        self.lines = array("i")
        self.columns = array("i")
        self.extras: dict[int, tuple[str | None, str | None]] = {}
        self.starts: list[int] = []
        self.files: list[str] = []
        #: row -> the verdict word as written (已完成, 未完成)
        self.stated: dict[int, str] = {}
        #: row -> (the magnitude or measure the cell was in, the target's measure): 亿, 万亿元
        self.converted: dict[int, tuple[str, str]] = {}
        #: how many rows are approximate (约4.4): none at national scale, so nothing to look up
        self.approximate = 0

    def start_file(self, path: str) -> None:
        """Rows appended from now on come from ``path``."""
        self.starts.append(len(self.values))
        self.files.append(path)

    def add(self, value: float | bool | None, status: str, line: int, column: int,
            source: str | None = None, note: str | None = None, flags: CellFlags | None = None) -> int:
        """Append one cell (the general path; the long-form reader appends inline)."""
        row = len(self.values)
        code = STATUS_CODES[status]
        if flags is not None:
            code |= self.mark(row, flags)
            value = flags.value
        if code & STATED_FLAG:
            self.values.append(1.0 if flags is not None and flags.met else 0.0)
        elif value is None:
            self.values.append(_NAN)
            code |= MISSING_FLAG
        elif isinstance(value, bool):
            self.values.append(1.0 if value else 0.0)
            code |= YES_NO_FLAG
        else:
            self.values.append(value)
        self.codes.append(code)
        self.lines.append(line)
        self.columns.append(column)
        if source is not None or note is not None:
            self.extras[row] = (source, note)
        return row

    def mark(self, row: int, flags: CellFlags) -> int:
        """Record what ``flags`` say about table row ``row``; the code bits to add."""
        bits = 0
        if flags.stated is not None:
            self.stated[row] = flags.stated
            bits |= STATED_FLAG
        if flags.approximate:
            bits |= APPROX_FLAG
            self.approximate += 1
        if flags.converted is not None:
            self.converted[row] = flags.converted
        return bits

    def value(self, row: int) -> float | bool | None:
        code = self.codes[row]
        if code & (MISSING_FLAG | STATED_FLAG):  # a stated verdict is never a number
            return None
        if code & YES_NO_FLAG:
            return self.values[row] != 0.0
        return self.values[row]

    def status(self, row: int) -> DataStatus:
        return DATA_STATUSES[self.codes[row] & _STATUS_MASK]

    def file(self, row: int) -> str:
        return self.files[bisect_right(self.starts, row) - 1]

    def observation(self, row: int) -> Observation:
        source, note = self.extras.get(row, (None, None))
        return Observation(self.value(row), self.status(row), self.file(row),
                           self.lines[row], self.columns[row], source, note,
                           stated=self.stated.get(row), approximate=bool(self.codes[row] & APPROX_FLAG),
                           converted=self.converted.get(row))


class SeriesView(Series):
    """The observations of one series by year, in year order; read-only for everyone
    but the reader, which fills ``years`` and ``rows`` (parallel, sorted by year)."""

    __slots__ = ("table", "years", "rows")

    def __init__(self, table: ObservationTable) -> None:
        self.table = table
        self.years = array("H")  # 1900..2200 (numbers.parse_year)
        self.rows = array("i")

    # -- Mapping ------------------------------------------------------------
    def __getitem__(self, year: int) -> Observation:
        index = self._index(year)
        if index < 0:
            raise KeyError(year)
        return self.table.observation(self.rows[index])

    def __contains__(self, year: object) -> bool:
        return isinstance(year, int) and self._index(year) >= 0

    def __iter__(self) -> Iterator[int]:
        return iter(self.years)

    def __len__(self) -> int:
        return len(self.years)

    def __repr__(self) -> str:
        return f"SeriesView({dict(self.items())!r})"

    # -- what evaluation needs, without building Observation objects ------------
    def value(self, year: int) -> float | bool | None:
        """The value at ``year``; None when there is no row or a missing marker."""
        index = self._index(year)
        return None if index < 0 else self.table.value(self.rows[index])

    def status(self, year: int) -> DataStatus | None:
        """The data status at ``year``; None when there is no row."""
        index = self._index(year)
        return None if index < 0 else self.table.status(self.rows[index])

    def source_note(self, year: int) -> tuple[str | None, str | None]:
        """The source and note cells of the row at ``year`` (both None when absent)."""
        extras = self.table.extras
        if not extras:  # the usual case at scale: no source or note column at all
            return (None, None)
        index = self._index(year)
        return (None, None) if index < 0 else extras.get(self.rows[index], (None, None))

    def marked(self) -> bool:
        """Whether any row of the reading is a stated verdict, approximate or converted."""
        table = self.table
        return bool(table.stated or table.converted or table.approximate)

    def stated(self, year: int) -> str | None:
        """The verdict word stated for ``year``; None for a number or no row."""
        stated = self.table.stated
        if not stated:  # the usual case: no stated verdict anywhere
            return None
        index = self._index(year)
        return None if index < 0 else stated.get(self.rows[index])

    def observed(self) -> ObservedPairs:
        """The (year, value) pairs without a copy per result: 142,200 national results each
        holding their own tuple of pairs took 90 MB that only reporters read."""
        return ObservedPairs(self)

    def pairs(self) -> tuple[tuple[int, float | bool | None], ...]:
        """Every (year, value) in year order, missing values as None."""
        value = self.table.value
        return tuple(zip(self.years, [value(row) for row in self.rows], strict=True))

    def plain(self) -> PlainRun | None:
        """(first year, values) when every row is a plain final number in consecutive years
        (:meth:`policycheck.observations.Series.plain`); None otherwise."""
        years, rows, table = self.years, self.rows, self.table
        if not years or years[-1] - years[0] != len(years) - 1:
            return None
        # any flag or a status other than final (map over the rows in C: this runs for every
        # series of a batch target and again for each written in the JSON report)
        if any(map(table.codes.__getitem__, rows)):
            return None
        if table.extras or table.converted:
            extras, converted = table.extras, table.converted
            if any(row in extras or row in converted for row in rows):
                return None
        return years[0], list(map(table.values.__getitem__, rows))

    @classmethod
    def stored_values(cls, series: Sequence[Series]) -> Sequence[float] | None:
        """The table's values at the rows of every one of ``series``, gathered in C (no Python step
        per series: a national file has 142,200); None when they do not share one table."""
        views = cast("Sequence[SeriesView]", series)
        tables = set(map(attrgetter("table"), views))
        if len(tables) != 1:
            return None
        values = tables.pop().values
        return list(map(values.__getitem__, chain.from_iterable(map(attrgetter("rows"), views))))

    def year_bound(self) -> int | None:
        return self.years[-1] if self.years else None

    def latest_present_year(self) -> int | None:
        """The latest year whose value is not a missing marker."""
        codes = self.table.codes
        for index in range(len(self.years) - 1, -1, -1):
            if not codes[self.rows[index]] & MISSING_FLAG:
                return self.years[index]
        return None

    # -- filling (the reader only) ----------------------------------------------
    def place(self, year: int, row: int) -> int:
        """Put ``row`` at ``year`` if the year is free and return -1; else return the
        row already there (the caller settles the duplicate with :meth:`replace`)."""
        years = self.years
        index = bisect_left(years, year)
        if index < len(years) and years[index] == year:
            return self.rows[index]
        years.insert(index, year)
        self.rows.insert(index, row)
        return -1

    def replace(self, year: int, row: int) -> None:
        self.rows[self._index(year)] = row

    def _index(self, year: int) -> int:
        years = self.years
        # Series are short (one row per year), so a scan in C beats bisection in Python.
        try:
            return years.index(year)
        except (ValueError, TypeError, OverflowError):
            return -1


class Paired(Protocol):
    """A series that gives its (year, value) pairs: a :class:`SeriesView` or a dense one."""

    def pairs(self) -> tuple[tuple[int, float | bool | None], ...]: ...

    def __len__(self) -> int: ...


class ObservedPairs(Sequence[tuple[int, "float | bool | None"]]):
    """``Result.observed`` without a copy per result: the (year, value) pairs of the
    series, produced when a reporter asks.  Compares equal to the same tuple."""

    __slots__ = ("series",)

    def __init__(self, series: Paired) -> None:
        self.series = series

    def _pairs(self) -> tuple[tuple[int, float | bool | None], ...]:
        return self.series.pairs()

    @overload
    def __getitem__(self, index: int) -> tuple[int, float | bool | None]: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[tuple[int, float | bool | None], ...]: ...

    def __getitem__(self, index: int | slice) -> (tuple[int, float | bool | None]
                                                   | tuple[tuple[int, float | bool | None], ...]):
        return self._pairs()[index]

    def __len__(self) -> int:
        return len(self.series)

    def __iter__(self) -> Iterator[tuple[int, float | bool | None]]:
        return iter(self._pairs())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ObservedPairs):
            other = other._pairs()
        return isinstance(other, tuple) and self._pairs() == other

    def __hash__(self) -> int:
        return hash(self._pairs())

    def __repr__(self) -> str:
        return repr(self._pairs())
