"""The row reader of CSV files and workbook sheets (docs/actuals.md): rows -> observations.

:mod:`policycheck.actuals.load` reads the files and hands their rows here.
National data sets have over a million rows, so the row loop is written for
speed: column indexes are resolved once, series are cached by the raw cell
texts (:mod:`policycheck.actuals.resolve`) and plain ASCII numbers go through
``float()`` before the full parser of :mod:`policycheck.actuals.cells`.  At
most :data:`policycheck.findings.MAX_PER_RULE` findings of a rule are listed
per file (:class:`policycheck.findings.RuleLimit`), the rest counted.
"""
from __future__ import annotations

import enum
from collections.abc import Callable, Iterator
from operator import itemgetter
from typing import Final

from policycheck.actuals.cells import CellError, CellFlags, SignError, parse_status, parse_year
from policycheck.actuals.duplicates import merge
from policycheck.actuals.header import Layout, read_header
from policycheck.actuals.period_rows import PeriodCells, Rows
from policycheck.actuals.resolve import Resolver, Sink
from policycheck.actuals.slips import extra_cell, header_below_title, shifted_tail, title_note
from policycheck.actuals.store import MISSING_FLAG, STATED_FLAG, STATUS_CODES, YES_NO_FLAG, ObservationTable
from policycheck.findings import ERROR, WARNING, Finding, Level, RuleLimit, excerpt
from policycheck.messages import Text, msg
from policycheck.model import DATA_STATUSES
from policycheck.numtext import MAX_MAGNITUDE
from policycheck.observations import Actuals

#: The hot loop's bound: beyond it a value takes the full parser, which refuses it (PC402).
_LIMIT = MAX_MAGNITUDE
_NAN = float("nan")


class _Bad(enum.Enum):
    """A cell that gave a finding: the row is skipped."""

    BAD = 0


_BAD: Final = _Bad.BAD
#: A parsed cell: a number, yes/no, None for a missing marker, a number or verdict with
#: marks (:class:`CellFlags`: 约4.4, 已完成, a converted magnitude), or _BAD.
Cell = float | bool | None | CellFlags | _Bad
_BLANK = Sink(None, None)  # an empty row: skipped without a finding


class FileReader:
    """Turns the rows of one file into observations in ``actuals``."""

    def __init__(self, path: str, actuals: Actuals, resolver: Resolver, table: ObservationTable,
                 limit: RuleLimit, *, allow_copies: bool = False) -> None:
        self.path = path
        self.limit = limit  # at most MAX_PER_RULE findings of a rule are kept, the rest counted
        self.table = table
        self.actuals = actuals
        self.findings = actuals.findings
        self.resolver = resolver
        self.last_line = 0  # physical line where the header (or the last row) ended
        self.layout = Layout()
        #: time cell -> its year; -1 for a cell of months within a year (read by :attr:`in_year`)
        self.years: dict[str, int] = {}
        self.year_column = -1  # 0-based: the year column, else the period column
        self.in_year = PeriodCells(self)
        self.statuses: dict[str, int] = {"": 0}  # cell -> status code (0: final)
        self.sinks: dict[object, Sink] = {}  # by the cell texts of plan/target/unit/measure
        self.texts: dict[str, str] = {}  # each distinct key cell text, once
        self.key_columns = (-1, -1, -1, -1)  # 0-based plan/target/unit/measure columns; -1: absent
        self.key_of: Callable[[list[str]], object] = itemgetter(0)
        self.allow_copies = allow_copies  # a repeat of a row in another file is no PC405

    def read(self, reader: Rows) -> None:
        """Header, then the rows in long or wide form."""
        rows = ((line, row) for line, row in self._numbered(reader) if any(cell.strip() for cell in row))
        first = next(rows, None)
        if first is None:
            self._finding("PC401", ERROR, 1, 0, msg("PC401.no-header"))
            return
        (line, header), title = header_below_title(first, rows)
        if title:  # a sheet title above the header: skipped, and said so
            self._finding("PC407", WARNING, title[0][0], 0, title_note(title, line))
        self.layout = lay = read_header(header, self.path, line)
        self.findings.extend(self.layout.findings)
        if self.layout.usable:  # so the target column exists
            self.key_columns = (lay.col("plan"), lay.col("target"), lay.col("unit"), lay.col("measure"))
            self.key_of = self._key_getter()
            if self.layout.wide:
                self.in_year.check_headers(line)
                self._read_wide(reader)
            else:
                self._read_long(self.in_year.long_form(reader))

    def _numbered(self, reader: Rows) -> Iterator[tuple[int, list[str]]]:
        """Rows with the physical line they start on (quoted cells may span lines)."""
        for row in reader:
            line = self.last_line + 1
            self.last_line = reader.line_num
            yield line, row

    def release(self) -> None:
        """Drop the per-series caches once the file is read.  The reader and its
        :class:`PeriodCells` refer to each other, and the collector is paused while
        reading and evaluating, so without this a national file's 142,200 sinks and
        their keys (about 40 MiB) would stay alive through the evaluation."""
        self.sinks.clear()
        self.texts.clear()

    def _read_long(self, reader: Rows) -> None:
        """One observation per row.  The hot loop: a million rows pass here, so the
        common case (the series of the row before, a plain number, years in order)
        stays inline and local, and a row becomes a few array slots rather than an
        object (:mod:`policycheck.actuals.store`).  Anything else goes to
        :meth:`_general` before the row is stored."""
        lay = self.layout
        yi, vi, si = self.year_column, lay.col("value"), lay.col("status")
        vcol, width = vi + 1, lay.width
        key_of, sinks, extras = self.key_of, self.sinks, self._extras_getter()
        years, statuses, store, general = self.years, self.statuses, self._store, self._general
        table = self.table
        add_value, add_code = table.values.append, table.codes.append
        add_line, add_column, row_extras = table.lines.append, table.columns.append, table.extras
        limit, nan = _LIMIT, _NAN
        row_no = len(table.values)
        last = self.last_line
        # The rows of a series usually come together: its sink is looked up only when the key cells change.
        last_key: object = None
        sink, series_years, plain = _BLANK, None, False
        add_year = add_row = add_line  # the current series' appends (set with its sink)
        top = 0  # the current series' last year (0: none yet); months are filed apart (inyear)
        for row in reader:
            line = last + 1
            last = reader.line_num
            if len(row) != width:
                fitted = self._fit(row, line)
                if fitted is None:
                    continue
                row = fitted
            key = key_of(row)
            if key != last_key:
                cached = sinks.get(key)
                if cached is None:
                    cached = self._new_sink(row, line)
                    # a series an earlier file filled in bulk may have become table rows just now
                    row_no = len(table.values)
                sink = cached
                # a blank row's sink is not cached: the next row with these key cells is looked at afresh
                last_key = key if sink is not _BLANK else None
                series_years, plain = sink.years, sink.plain
                if series_years is not None:
                    add_year, add_row = series_years.append, sink.rows.append
                    top = series_years[-1] if series_years else 0
            if series_years is None:
                if sink.problem is not None:
                    sink.problem.rows += 1
                continue
            year = years.get(row[yi]) or self._year(row[yi], line, yi)
            if year <= 0:
                if year < 0:  # months of a year: rare, off the fast path
                    self.in_year.long_row(sink, row, line)
                continue
            cell = row[vi]
            value = nan
            if plain:
                try:
                    value = float(cell)
                except ValueError:
                    pass
            # One chained comparison is the bound and the NaN test; float() also takes "inf",
            # "nan", "1e308" and "1_500": those, and every other cell, go to the full parser.
            if -limit <= value <= limit and "_" not in cell:
                if si < 0:
                    code = 0
                else:
                    known = statuses.get(row[si])
                    code = known if known is not None else self._status(row[si], line, si)
                    if code < 0:
                        continue
            else:
                got = general(sink, cell, row, line, row_no)
                if got is None:
                    continue
                value, code = got
            add_value(value)
            add_code(code)
            add_line(line)
            add_column(vcol)
            if extras is not None and (found := extras(row)) != (None, None):
                row_extras[row_no] = found
            # Rows of a series usually come in year order: append.  An earlier or
            # repeated year (a duplicate, docs/actuals.md#data-status-and-duplicates) takes the general path.
            if year <= top:
                store(sink, year, row_no)
                top = series_years[-1]
            else:
                add_year(year)
                add_row(row_no)
                top = year
            row_no += 1

    def _general(self, sink: Sink, cell: str, row: list[str], line: int, row_no: int) -> tuple[float, int] | None:
        """The value and status code to store for a cell off the fast path (a converted
        magnitude, 约4.4, 已完成, yes/no, a missing marker...); None after a finding.
        The value is parsed before the status, so their findings come in column order."""
        value = self._value(sink, cell, line, self.layout.col("value") + 1)
        si = self.layout.col("status")
        if si < 0:
            code = 0
        else:
            known = self.statuses.get(row[si])
            code = known if known is not None else self._status(row[si], line, si)
        if value is _BAD or code < 0:
            return None
        if isinstance(value, CellFlags):  # rare: 约4.4, 已完成, a converted magnitude
            code |= self.table.mark(row_no, value)
            value = value.met if code & STATED_FLAG else value.value
        if code & STATED_FLAG:
            return (1.0 if value else 0.0), code
        if value is None:
            return _NAN, code | MISSING_FLAG
        if value is True or value is False:
            return (1.0 if value else 0.0), code | YES_NO_FLAG
        return value, code

    def _read_wide(self, reader: Rows) -> None:
        """One observation per year column of each row."""
        lay = self.layout
        si, width = lay.col("status"), lay.width
        key_of, extras = self.key_of, self._extras_getter()
        for line, row in self._numbered(reader):
            if len(row) != width:
                fitted = self._fit(row, line)
                if fitted is None:
                    continue
                row = fitted
            sink = self.sinks.get(key_of(row)) or self._new_sink(row, line)
            if sink.series is None:
                if sink.problem is not None:
                    sink.problem.rows += 1
                continue
            code = self.statuses.get(row[si], -1) if si >= 0 else 0
            if code < 0 and (code := self._status(row[si], line, si)) < 0:
                continue
            source, note = extras(row) if extras is not None else (None, None)
            status = DATA_STATUSES[code]
            for index, year in lay.years:
                shifted = shifted_tail(row, index)
                if shifted is not None:  # 1,050 split into two cells, the rest shifted right
                    self._finding("PC402", ERROR, line, index + 1, shifted)
                    continue
                value = self._value(sink, row[index], line, index + 1)
                if value is _BAD:
                    continue
                flags = value if isinstance(value, CellFlags) else None
                number = None if flags is not None else value
                self._store(sink, year, self.table.add(number, status, line, index + 1,  # type: ignore[arg-type]
                                                       source, note, flags))
            if lay.periods:
                self.in_year.wide_row(sink, row, line, status, source, note)

    def _key_getter(self) -> Callable[[list[str]], object]:
        """row -> the plan/target/unit/measure cell texts that pick its sink."""
        return itemgetter(*[i for i in self.key_columns if i >= 0])

    def _new_sink(self, row: list[str], line: int) -> Sink:
        """Resolve a combination seen for the first time and cache it by its cell
        texts; blank rows give an empty sink that is not cached (skipped quietly)."""
        plan_i, target_i, unit_i, measure_i = self.key_columns
        if not row[target_i].strip() and not any(cell.strip() for cell in row):
            return _BLANK
        cols = (plan_i + 1, target_i + 1, unit_i + 1, measure_i + 1)  # 0: no such column
        sink = self.resolver.resolve(row[plan_i] if plan_i >= 0 else "", row[target_i],
                                     row[unit_i] if unit_i >= 0 else "",
                                     row[measure_i] if measure_i >= 0 else "", line, cols)
        # The cache key holds each distinct cell text once: a national file's 142,200 keys
        # would otherwise keep two fresh strings each (14 MiB) for 50 targets and 2,844 units.
        key = self.key_of(row)
        texts = self.texts
        if isinstance(key, tuple):
            key = tuple([texts.setdefault(cell, cell) for cell in key])
        self.sinks[key] = sink
        return sink

    def _extras_getter(self) -> Callable[[list[str]], tuple[str | None, str | None]] | None:
        """source and note cells (stripped; empty is None); None when the file has neither."""
        sci, nci = self.layout.col("source"), self.layout.col("note")
        if sci < 0 and nci < 0:
            return None
        return lambda row: ((row[sci].strip() or None) if sci >= 0 else None,
                            (row[nci].strip() or None) if nci >= 0 else None)

    def _fit(self, row: list[str], line: int) -> list[str] | None:
        """A row with another field count than the header: trailing empty cells are
        harmless (Excel); anything else is a finding and the row is skipped."""
        width = self.layout.width
        if not any(cell.strip() for cell in row):
            return None
        if len(row) > width:
            extra = next((i for i in range(width, len(row)) if row[i].strip()), None)
            if extra is None:
                return row[:width]
            self._finding("PC402", ERROR, line, *extra_cell(row, width, extra))
            return None
        self._finding("PC401", ERROR, line, len(row) + 1, msg("PC401.too-short", count=len(row), width=width))
        return None

    def _year(self, cell: str, line: int, index: int) -> int:
        """The year of a time cell; -1 for months of a year (docs/actuals.md#periods); 0 after a finding."""
        try:
            year = self.years[cell] = parse_year(cell)
        except CellError:
            return self.in_year.time_cell(cell, line, index)
        return year

    def _status(self, cell: str, line: int, index: int) -> int:
        """The status code of a cell (:data:`policycheck.actuals.store.STATUS_CODES`); -1 after a finding."""
        try:
            code = self.statuses[cell] = STATUS_CODES[parse_status(cell)]
        except CellError as exc:
            self._finding("PC402", ERROR, line, index + 1, exc.text)
            return -1
        return code

    def _value(self, sink: Sink, cell: str, line: int, column: int) -> Cell:
        """The full value parser (:meth:`Sink.read`); a cell it refuses is PC402 (PC409 for a
        sign of another unit) and _BAD.  A % cell of a cagr target that reads levels is read
        and warned about once, as a measure column's % is (docs/actuals.md#plausibility)."""
        try:
            return sink.read(cell)
        except SignError as exc:
            if not sink.warned:
                sink.warned = True
                self._finding("PC412", WARNING, line, column,
                              msg("PC412.cell", target=excerpt(_series_name(sink)), sign=exc.sign, cell=excerpt(cell)))
            return exc.value
        except CellError as exc:
            self._finding(exc.rule, ERROR, line, column, exc.text)
            return _BAD

    def _store(self, sink: Sink, year: int, row: int) -> None:
        """File table row ``row`` under ``year``; a second row for the same year is a duplicate
        (docs/actuals.md#data-status-and-duplicates), settled by :func:`policycheck.actuals.duplicates.merge`."""
        if sink.series is None or sink.key is None:
            return
        old = sink.series.place(year, row)
        if old >= 0:
            merge(self.actuals, sink.key, sink.series, year, old, row, self.report, allow_copies=self.allow_copies)

    def _finding(self, rule: str, level: Level, line: int, column: int, message: Text) -> None:
        if self.limit.take(self.path, rule, level, line, column):
            self.findings.append(Finding.of(rule, level, self.path, line, column, message))

    def report(self, finding: Finding) -> None:
        """Keep ``finding`` unless its rule has reached the limit of listed findings."""
        if self.limit.take(finding.file, finding.rule, finding.level, finding.line, finding.column):
            self.findings.append(finding)


def _series_name(sink: Sink) -> str:
    """The target (and unit) a finding about a series names: ``area (dc)``."""
    if sink.key is None:
        return ""
    return f"{sink.key[1]} ({sink.key[2]})" if sink.key[2] else sink.key[1]
