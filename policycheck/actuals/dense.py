"""The dense store of a file read in bulk (docs/performance.md#reading): series x years slots.

A national file has 142,200 series of eight years each.  The bulk reader of
:mod:`policycheck.actuals.bulkcsv` keeps such a file as one
:class:`DenseBlock`: one values array and one code byte per slot (series by
series, each ``span`` years from ``first_year``), the line of each slot only
when the rows were not in slot order.  Each series is a :class:`DenseSeries`,
two attributes into the block; it answers what evaluation asks
(:class:`policycheck.observations.Series`) from the slots, and builds an
:class:`Observation` only when one is looked up.  The bulk reader stores
plain numbers only, so a slot is a number with a data status, or absent.
"""
from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence
from itertools import repeat
from operator import attrgetter

from policycheck.actuals.store import ObservationTable, ObservedPairs, SeriesView
from policycheck.model import DATA_STATUSES, DataStatus
from policycheck.observations import Observation, PlainRun, Series, SeriesKey

#: The code byte of a slot no row filled (a status code is 0..2: STATUS_CODES).
ABSENT = 0x80


class DenseBlock:
    """The slots of one file: ``values`` and ``codes`` hold ``span`` slots per series.

    ``lines`` is None when slot ``i`` came from the row on line ``first_line + i``
    (every slot filled, rows in slot order, one row per line): a line per slot
    is then not stored.  ``extras`` holds the source and note cells by slot.

    ``keys`` and ``views`` are the key and the :class:`DenseSeries` of each series, series ``i``
    at slot ``i * span`` (None when the reader did not give them: :meth:`series_views`);
    ``moved`` the first slot of each series a later file turned into rows (:meth:`DenseSeries.to_rows`).
    """

    __slots__ = ("file", "column", "first_year", "span", "values", "codes", "lines", "first_line", "extras",
                 "full", "keys", "views", "moved")

    def __init__(self, file: str, column: int, first_year: int, span: int, values: array[float],
                 codes: bytearray, lines: array[int] | None, first_line: int,
                 extras: dict[int, tuple[str | None, str | None]]) -> None:
        self.file = file
        self.column = column  # 1-based: the value column of the file
        self.first_year = first_year
        self.span = span
        self.values = values
        self.codes = codes
        self.lines = lines
        self.first_line = first_line
        self.extras = extras
        self.full = bytes(span)  # a series' codes when all its years are final numbers
        self.keys: list[SeriesKey] | None = None
        self.views: list[DenseSeries] | None = None
        self.moved: set[int] = set()

    def series_views(self, keys: list[SeriesKey]) -> list[DenseSeries]:
        """A :class:`DenseSeries` for each of ``keys`` (series ``i`` at slot ``i * span``), remembered
        with the keys, so the series of one target's units are found at once
        (:meth:`DenseSeries.target_run`) instead of by a look-up each."""
        self.keys = keys
        self.views = views = list(map(DenseSeries, repeat(self), range(0, len(keys) * self.span, self.span)))
        return views

    def line(self, slot: int) -> int:
        return self.first_line + slot if self.lines is None else self.lines[slot]

    def observation(self, slot: int) -> Observation:
        source, note = self.extras.get(slot, (None, None)) if self.extras else (None, None)
        return Observation(self.values[slot], DATA_STATUSES[self.codes[slot]], self.file, self.line(slot),
                           self.column, source, note)


class DenseSeries(Series):
    """One series of a :class:`DenseBlock`: its slots start at ``start``."""

    __slots__ = ("block", "start")

    def __init__(self, block: DenseBlock, start: int) -> None:
        self.block = block
        self.start = start

    def _slot(self, year: object) -> int:
        """The slot of ``year``; -1 when no row gave it."""
        block = self.block
        if isinstance(year, int):
            offset = year - block.first_year
            if 0 <= offset < block.span:
                slot = self.start + offset
                if block.codes[slot] != ABSENT:
                    return slot
        return -1

    def _codes(self) -> bytearray:
        return self.block.codes[self.start:self.start + self.block.span]

    # -- Mapping ------------------------------------------------------------
    def __getitem__(self, year: int) -> Observation:
        slot = self._slot(year)
        if slot < 0:
            raise KeyError(year)
        return self.block.observation(slot)

    def __contains__(self, year: object) -> bool:
        return self._slot(year) >= 0

    def __iter__(self) -> Iterator[int]:
        return iter(self.years())

    def __len__(self) -> int:
        return self.block.span - self._codes().count(ABSENT)

    def __repr__(self) -> str:
        return f"DenseSeries({dict(self.items())!r})"

    def years(self) -> list[int]:
        """The years with a row, in order."""
        first = self.block.first_year
        return [first + offset for offset, code in enumerate(self._codes()) if code != ABSENT]

    # -- what evaluation needs, without building Observation objects ------------
    def value(self, year: int) -> float | None:
        slot = self._slot(year)
        return None if slot < 0 else self.block.values[slot]

    def status(self, year: int) -> DataStatus | None:
        slot = self._slot(year)
        return None if slot < 0 else DATA_STATUSES[self.block.codes[slot]]

    def source_note(self, year: int) -> tuple[str | None, str | None]:
        extras = self.block.extras
        if not extras:  # the usual case at scale: no source or note cell
            return (None, None)
        return extras.get(self._slot(year), (None, None))

    def marked(self) -> bool:
        return False  # the bulk reader takes plain numbers only: no verdict, 约, or conversion

    def stated(self, year: int) -> str | None:
        return None

    def observed(self) -> ObservedPairs:
        return ObservedPairs(self)

    def pairs(self) -> tuple[tuple[int, float | bool | None], ...]:
        """Every (year, value) in year order."""
        block, start, first = self.block, self.start, self.block.first_year
        values = block.values
        return tuple((first + offset, values[start + offset]) for offset, code in enumerate(self._codes())
                     if code != ABSENT)

    def plain(self) -> PlainRun | None:
        """(first year, values) when the years with a row are consecutive and all final, without
        a source or note cell (:meth:`policycheck.observations.Series.plain`); None otherwise."""
        block, start = self.block, self.start
        end = start + block.span
        codes = block.codes[start:end]
        if codes == block.full:  # every year of the block, all final: the usual case
            if not block.extras:
                return block.first_year, block.values[start:end].tolist()
            low, high = 0, block.span
        else:
            low = next(offset for offset, code in enumerate(codes) if code != ABSENT)
            high = len(codes.rstrip(b"\x80"))
            if codes.count(0, low, high) != high - low:  # a year left out, or not final
                return None
        if block.extras and any(slot in block.extras for slot in range(start + low, start + high)):
            return None
        return block.first_year + low, block.values[start + low:start + high].tolist()

    @classmethod
    def plain_each(cls, series: Sequence[Series]) -> list[PlainRun | None]:
        """:meth:`plain` of each series; the units of a target read in bulk are neighbours in one
        block, so when all of them are final numbers in every year, one look at their codes and one
        copy of their values answer for all (142,200 calls to :meth:`plain` took 0.17 s)."""
        neighbours = _neighbours(series)
        if neighbours is not None:
            block, start, end = neighbours
            span, values, first = block.span, block.values[start:end].tolist(), block.first_year
            return [(first, values[offset:offset + span]) for offset in range(0, end - start, span)]
        return [one.plain() for one in series]

    @classmethod
    def plain_columns(cls, series: Sequence[Series], years: Sequence[int]) -> list[list[float]] | None:
        """The value of each series in each of ``years``, as one strided slice of the block's values
        a year, when :meth:`plain_each` would answer for all at once and every year is in the block
        (the batch path reads two years of a series' eight: building the eight took 0.05 s)."""
        neighbours = _neighbours(series)
        if neighbours is None:
            return None
        block, start, end = neighbours
        offsets = [year - block.first_year for year in years]
        if not all(0 <= offset < block.span for offset in offsets):
            return None
        values = block.values
        return [values[start + offset:end:block.span].tolist() for offset in offsets]

    @classmethod
    def stored_values(cls, series: Sequence[Series]) -> Sequence[float] | None:
        """The block's values of ``series`` as one slice when they are neighbours in it
        (:meth:`plain_each` would answer for all at once); None otherwise."""
        neighbours = _neighbours(series)
        if neighbours is None:
            return None
        block, start, end = neighbours
        return block.values[start:end]

    def year_bound(self) -> int | None:
        """The block's last year: no series of the block has a later one."""
        return self.block.first_year + self.block.span - 1

    @classmethod
    def latest_of(cls, series: Sequence[Series]) -> int | None:
        """The latest year of any of ``series``: no series of a block ends after the block's last
        year, so one series of a block that reaches it answers for all of that block (looking
        at each of 142,200 series took 0.05 s); a block whose series looked at ends earlier has
        each of its series looked at."""
        views: Sequence[DenseSeries] = series  # type: ignore[assignment]  # every one of this class
        best: int | None = None
        for block, one in dict(zip(map(attrgetter("block"), views), views, strict=True)).items():
            year = one.latest_present_year()
            if year != one.year_bound():
                year = Series.latest_of([view for view in views if view.block is block])
            if year is not None and (best is None or year > best):
                best = year
        return best

    def latest_present_year(self) -> int | None:
        """The year of the last row (the bulk reader stores no missing marker)."""
        block = self.block
        codes, start = block.codes, self.start
        for offset in range(block.span - 1, -1, -1):  # usually the block's last year: one look
            if codes[start + offset] != ABSENT:
                return block.first_year + offset
        return None

    def target_run(self, plan_id: str, target_id: str, units: Sequence[str | None]) -> list[Series] | None:
        """The series of ``units`` of the target, this one (that of ``units[0]``) first, when the
        block holds them side by side in that order and none was turned into rows since
        (:meth:`policycheck.observations.Series.target_run`); None otherwise."""
        block = self.block
        keys, views, span = block.keys, block.views, block.span
        first = self.start // span
        end = first + len(units)
        if keys is None or views is None or end > len(keys) or views[first] is not self:
            return None
        if block.moved and not block.moved.isdisjoint(range(self.start, end * span, span)):
            return None  # a later file's rows joined one of them: the series map holds its rows now
        if keys[first:end] != list(zip(repeat(plan_id), repeat(target_id), units)):
            return None
        return DenseRun(views[first:end], block, self.start, end * span)

    # -- a later file adds rows (the exact reader) --------------------------------
    def to_rows(self, table: ObservationTable) -> SeriesView:
        """The same observations as rows of ``table``, for a later file whose rows join this
        series (a duplicate year must be settled row against row, docs/actuals.md#data-status-and-duplicates).
        The rows are filed under this block's file, and the file being read resumes after them;
        the block forgets this series for :meth:`target_run`."""
        self.block.moved.add(self.start)
        reading = table.files[-1]
        table.start_file(self.block.file)
        view = SeriesView(table)
        for year in self.years():
            obs = self[year]
            row = table.add(obs.value, obs.status, obs.line, obs.column, obs.source, obs.note)
            view.years.append(year)
            view.rows.append(row)
        table.start_file(reading)
        return view


class DenseRun(list[Series]):
    """The series of one target's units as :meth:`DenseSeries.target_run` found them: neighbours in
    ``block`` from slot ``start`` to ``end``, in order, so :func:`_neighbours` need not look at each."""

    __slots__ = ("block", "start", "end")

    def __init__(self, views: list[DenseSeries], block: DenseBlock, start: int, end: int) -> None:
        super().__init__(views)
        self.block, self.start, self.end = block, start, end


def _neighbours(series: Sequence[Series]) -> tuple[DenseBlock, int, int] | None:
    """(block, first slot, end slot) when ``series`` are neighbours in one block, in slot order,
    each a final number in every year of the block and no source or note cell; None otherwise."""
    if type(series) is DenseRun:  # neighbours in order, as found (0.02 s for the 142,200 national series)
        block, start, end = series.block, series.start, series.end
    else:
        views = [one for one in series if isinstance(one, DenseSeries)]
        if not views or len(views) != len(series):
            return None
        block, start = views[0].block, views[0].start
        end = start + len(views) * block.span
        if not (all(view.block is block for view in views)
                and [view.start for view in views] == list(range(start, end, block.span))):
            return None
    if not block.extras and block.codes.count(0, start, end) == end - start:
        return block, start, end
    return None


#: A series as the readers store it: rows of the table, or slots of a block.
StoredSeries = SeriesView | DenseSeries
