"""Actual statistics from CSV files (docs/actuals.md): rows -> observations by series and year.

``read_actuals`` never raises for bad input: every problem becomes a finding
in ``Actuals.findings`` (PC400..PC409) at ``FILE:LINE:COL``, where LINE is the
physical line of the file and COL the 1-based *field* index of the cell.
``load_actuals`` raises :class:`ActualsError` when any finding is an error.

National data sets have over a million rows, so the row loop is written for
speed: rows stream from ``csv.reader``, column indexes are resolved once,
series are cached by the raw cell texts (:mod:`policycheck.actuals.resolve`) and
plain ASCII numbers go through ``float()`` before the full parser of
:mod:`policycheck.actuals.cells`.
"""
from __future__ import annotations

import csv
import enum
import os
from collections.abc import Callable, Iterator, Sequence
from operator import itemgetter
from typing import Final

from policycheck.actuals.cells import CellError, CellFlags, parse_status, parse_year
from policycheck.actuals.charcolumns import add_char_columns
from policycheck.actuals.duplicates import merge
from policycheck.actuals.encoding import choose_encoding, reading_error
from policycheck.actuals.fastcsv import read_fast, wants_fast
from policycheck.actuals.filetype import is_workbook
from policycheck.actuals.header import Layout, read_header
from policycheck.actuals.period_rows import PeriodCells, Rows
from policycheck.actuals.plausible import plausibility_findings
from policycheck.actuals.resolve import PARSE_NUMBER, Resolver, Sink
from policycheck.actuals.slips import extra_cell, header_below_title, shifted_tail, title_note
from policycheck.actuals.store import MISSING_FLAG, STATED_FLAG, STATUS_CODES, YES_NO_FLAG, ObservationTable, SeriesView
from policycheck.errors import ActualsError
from policycheck.findings import ERROR, WARNING, Finding, Level, has_errors
from policycheck.gcpause import gc_paused
from policycheck.messages import Text, msg
from policycheck.model import DATA_STATUSES, Plan
from policycheck.observations import Actuals, SeriesKey

# A 2 MB cell must reach the value parser (and become PC402), not stop the reader.
csv.field_size_limit(2**31 - 1)

_INF = float("inf")
_NAN = float("nan")


class _Bad(enum.Enum):
    """A cell that gave a finding: the row is skipped."""

    BAD = 0


_BAD: Final = _Bad.BAD
#: A parsed cell: a number, yes/no, None for a missing marker, a number or verdict with
#: marks (:class:`CellFlags`: 约4.4, 已完成, a converted magnitude), or _BAD.
Cell = float | bool | None | CellFlags | _Bad
_BLANK = Sink(None, None)  # an empty row: skipped without a finding


#: One path (a CSV file or a workbook), or several.
Paths = Sequence[str | os.PathLike[str]] | str | os.PathLike[str]


def read_actuals(paths: Paths, *, plans: Sequence[Plan] = (), encoding: str = "auto", allow_unknown: bool = False,
                 sheets: Sequence[str] = (), allow_copies: bool = False, reader: str = "auto") -> Actuals:
    """Read every CSV file and workbook into one :class:`Actuals`; problems become findings.

    With no plans only the structure is checked (decoding, header, numbers,
    years, duplicates) and series are keyed by the plan, target and unit cells.
    A workbook (``data.xlsx``, or one sheet as ``data.xlsx#表1``) is read sheet
    by sheet into the same rows (docs/actuals.md#workbooks); ``sheets`` names
    the sheets to read from workbooks given without one.  ``allow_copies``: a row repeated
    in another file is no PC405 (``validate``: a folder may hold a table in two encodings).
    ``reader``: "auto" (the Arrow reader for large CSV files when pyarrow is installed), "exact"
    or "fast" (docs/actuals.md#fast-reader); the findings and observations are the same.
    """
    actuals = Actuals()
    files = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)  # one path given bare
    table = ObservationTable()
    views: dict[SeriesKey, SeriesView] = {}  # shared by the files: a series may span several

    def read_sheet(sheet: str, rows: Rows, first_line: int) -> None:
        _read_rows(sheet, rows, first_line, actuals, table, views, plans=plans, allow_unknown=allow_unknown,
                   allow_copies=allow_copies)

    with gc_paused():
        for path in files:
            name = str(path)
            actuals.files.append(name)
            if is_workbook(name):
                from policycheck.actuals.workbook.read import read_workbook  # a CSV run never loads it

                read_workbook(name, actuals.findings, read_sheet, sheets=sheets)
            else:
                _read_file(name, actuals, table, views, plans=plans, encoding=encoding,
                           allow_unknown=allow_unknown, allow_copies=allow_copies, how=reader)
    actuals.series.update(views)
    actuals.findings.extend(plausibility_findings(plans, actuals))  # series that parse but look misread
    return actuals


def _read_rows(path: str, rows: Rows, first_line: int, actuals: Actuals, table: ObservationTable,
               views: dict[SeriesKey, SeriesView], *, plans: Sequence[Plan], allow_unknown: bool,
               allow_copies: bool) -> None:
    """Rows of text cells from another source than a CSV file (a sheet of a workbook),
    read exactly as the rows of a CSV file: ``rows`` has a ``line_num`` attribute
    (the number of the row last given) and starts at line ``first_line``."""
    table.start_file(path)
    resolver = Resolver(plans, views, table, allow_unknown=allow_unknown)
    reader = _FileReader(path, actuals, resolver, table, allow_copies=allow_copies)
    reader.last_line = first_line - 1
    reader.read(rows)
    actuals.findings.extend(problem.finding(path) for problem in resolver.problems.values())


def load_actuals(paths: Paths, *, plans: Sequence[Plan] = (), encoding: str = "auto",
                 allow_unknown: bool = False, sheets: Sequence[str] = (), reader: str = "auto") -> Actuals:
    """:func:`read_actuals`, raising :class:`ActualsError` when any finding is an error."""
    actuals = read_actuals(paths, plans=plans, encoding=encoding, allow_unknown=allow_unknown, sheets=sheets,
                           reader=reader)
    if has_errors(actuals.findings):
        raise ActualsError(actuals.findings)
    return actuals


def _read_file(path: str, actuals: Actuals, table: ObservationTable, views: dict[SeriesKey, SeriesView], *,
               plans: Sequence[Plan], encoding: str, allow_unknown: bool, allow_copies: bool, how: str) -> None:
    decoded = choose_encoding(path, encoding)
    if decoded.encoding is None:
        actuals.findings.extend([decoded.finding] if decoded.finding is not None else ())
        return
    if (not allow_copies and wants_fast(how, path)
            and read_fast(path, decoded.encoding, table, views, plans=plans, allow_unknown=allow_unknown)):
        return  # every row plain: stored as this reader would store it
    table.start_file(path)
    resolver = Resolver(plans, views, table, allow_unknown=allow_unknown)
    reader = _FileReader(path, actuals, resolver, table, allow_copies=allow_copies)
    rows = None
    try:
        with open(path, encoding=decoded.encoding, newline="") as handle:
            # strict: an unclosed quote must not swallow the rest of the file into one cell.
            rows = csv.reader(handle, strict=True)
            reader.read(rows)
    except (OSError, UnicodeError, csv.Error) as exc:
        # The file changed since it was trial-decoded, or the csv module gave up.
        line = rows.line_num if rows is not None else 0
        actuals.findings.append(Finding.of("PC400", ERROR, path, line, 0, reading_error(exc, decoded.encoding)))
    actuals.findings.extend(problem.finding(path) for problem in resolver.problems.values())
    add_char_columns(actuals.findings, path, decoded.encoding)


class _FileReader:
    """Turns the rows of one file into observations in ``actuals``."""

    def __init__(self, path: str, actuals: Actuals, resolver: Resolver, table: ObservationTable, *,
                 allow_copies: bool = False) -> None:
        self.path = path
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

    def _read_long(self, reader: Rows) -> None:
        """One observation per row.  The hot loop: a million rows pass here, so the
        common case (known series, plain number, years in order) stays inline and
        local, and a row becomes a few array slots rather than an object
        (:mod:`policycheck.actuals.store`)."""
        lay = self.layout
        yi, vi, si = self.year_column, lay.col("value"), lay.col("status")
        vcol, width = vi + 1, lay.width
        key_of, sinks, extras = self.key_of, self.sinks, self._extras_getter()
        years, statuses, store = self.years, self.statuses, self._store
        table = self.table
        add_value, add_code = table.values.append, table.codes.append
        add_line, add_column, row_extras = table.lines.append, table.columns.append, table.extras
        inf, nan, number = _INF, _NAN, PARSE_NUMBER
        row_no = len(table.values)
        last = self.last_line
        for row in reader:
            line = last + 1
            last = reader.line_num
            if len(row) != width:
                fitted = self._fit(row, line)
                if fitted is None:
                    continue
                row = fitted
            sink = sinks.get(key_of(row)) or self._new_sink(row, line)
            series_years = sink.years
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
            value: Cell
            if sink.parse == number and sink.factor == 1.0:
                try:
                    fast = float(cell)
                except ValueError:
                    fast = nan
                # float() also takes "inf", "nan" and "1_500": those go to the full parser.
                value = fast if -inf < fast < inf and "_" not in cell else self._value(sink, cell, line, vcol)
            else:
                value = self._value(sink, cell, line, vcol)
            if si < 0:
                code = 0
            else:
                known = statuses.get(row[si])
                code = known if known is not None else self._status(row[si], line, si)
            if value is _BAD or code < 0:
                continue
            if isinstance(value, CellFlags):  # rare: 约4.4, 已完成, a converted magnitude
                code |= table.mark(row_no, value)
                value = value.met if code & STATED_FLAG else value.value
            if code & STATED_FLAG:
                add_value(1.0 if value else 0.0)
            elif value is None:
                add_value(nan)
                code |= MISSING_FLAG
            elif value is True or value is False:
                add_value(1.0 if value else 0.0)
                code |= YES_NO_FLAG
            else:
                add_value(value)
            add_code(code)
            add_line(line)
            add_column(vcol)
            if extras is not None and (found := extras(row)) != (None, None):
                row_extras[row_no] = found
            # Rows of a series usually come in year order: append.  An earlier or
            # repeated year (a duplicate, docs/actuals.md#data-status-and-duplicates) takes the general path.
            if series_years and series_years[-1] >= year:
                store(sink, year, row_no)
            else:
                series_years.append(year)
                sink.rows.append(row_no)
            row_no += 1

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
        self.sinks[self.key_of(row)] = sink
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
        """The full value parser (:meth:`Sink.read`); a cell it refuses is PC402 and _BAD."""
        try:
            return sink.read(cell)
        except CellError as exc:
            self._finding("PC402", ERROR, line, column, exc.text)
            return _BAD

    def _store(self, sink: Sink, year: int, row: int) -> None:
        """File table row ``row`` under ``year``; a second row for the same year is a duplicate
        (docs/actuals.md#data-status-and-duplicates), settled by :func:`policycheck.actuals.duplicates.merge`."""
        if sink.series is None or sink.key is None:
            return
        old = sink.series.place(year, row)
        if old >= 0:
            merge(self.actuals, sink.key, sink.series, year, old, row, allow_copies=self.allow_copies)

    def _finding(self, rule: str, level: Level, line: int, column: int, message: Text) -> None:
        self.findings.append(Finding.of(rule, level, self.path, line, column, message))

