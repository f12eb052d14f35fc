"""What a workbook may cost before any of it is read: the bounds of docs/actuals.md#workbooks.

Workbooks come from outside (mail, shared folders), so a file that would take
gigabytes of memory or minutes of time is refused with a finding before the
spreadsheet library sees it.  The numbers leave room for real statistics:
Excel itself stops at 1,048,576 rows, and a long-form table of a million rows
has five or six columns.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import field

from policycheck.findings import column_letters
from policycheck.messages import Text, msg
from policycheck.records import record

#: Cells of one sheet's used area (rows x columns from the first to the last
#: cell with a value).  The spreadsheet library holds the area as one dense
#: grid of about 32 bytes a cell plus the text of each cell: 6 million cells
#: are about 200 MB to 600 MB.
MAX_CELLS = 6_000_000
#: The last row and column of a spreadsheet (Excel 2007 and later, LibreOffice).
MAX_ROWS, MAX_COLUMNS = 1_048_576, 16_384
#: Bytes of all parts of a zipped workbook (.xlsx, .xlsm, .ods) once unpacked.
MAX_UNPACKED = 512 * 1024 * 1024
#: Parts in one zipped workbook; a real one has tens.
MAX_PARTS = 10_000
#: Error cells remembered per sheet (each becomes a finding; a sheet of errors needs no more).
MAX_ERRORS = 10_000
#: Bytes of an .xls file (Excel 97-2003 stores cells unpacked: 65,536 rows at most).
MAX_XLS_BYTES = 256 * 1024 * 1024


class WorkbookRefused(Exception):
    """The workbook cannot be read safely or at all; the message (both languages) says why and what would be right."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.en)
        self.text = text


@record
class CellRuns:
    """Which cells of a sheet have a property (shown as a percentage), as runs
    of rows with the same columns: a percent column a million rows long is one
    run, not a million entries."""

    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    columns: list[frozenset[int]] = field(default_factory=list)
    _sorted: bool = True
    _row: int = -1  # the row whose cells add_cell is collecting
    _cols: set[int] = field(default_factory=set)

    def add_cell(self, row: int, column: int) -> None:
        """One cell, in sheet order (a row's cells may come in several calls)."""
        if row != self._row:
            self._flush()
            self._row = row
        self._cols.add(column)

    def _flush(self) -> None:
        if self._cols:
            self.add(self._row, self._row, frozenset(self._cols))
            self._cols = set()

    def add(self, first: int, last: int, columns: frozenset[int]) -> None:
        """Rows ``first..last`` (0-based, inclusive) have ``columns``."""
        if not columns:
            return
        if self.starts and self.ends[-1] + 1 == first and self.columns[-1] == columns:
            self.ends[-1] = last
            return
        if self.starts and first <= self.ends[-1]:
            self._sorted = False
        self.starts.append(first)
        self.ends.append(last)
        self.columns.append(columns)

    def finish(self) -> None:
        """Flush the last row; sort runs that were added out of row order (a writer may do so)."""
        self._flush()
        if self._sorted:
            return
        order = sorted(range(len(self.starts)), key=self.starts.__getitem__)
        self.starts = [self.starts[i] for i in order]
        self.ends = [self.ends[i] for i in order]
        self.columns = [self.columns[i] for i in order]
        self._sorted = True

    def row(self, row: int) -> frozenset[int]:
        """The columns of 0-based ``row`` that have the property."""
        index = bisect_right(self.starts, row) - 1
        if index >= 0 and row <= self.ends[index]:
            return self.columns[index]
        return _NONE

    def __bool__(self) -> bool:
        return bool(self.starts)


_NONE: frozenset[int] = frozenset()


@record
class Area:
    """The rows and columns (0-based) between the first and last cell with a value."""

    top: int = -1
    left: int = -1
    bottom: int = -1
    right: int = -1

    def add(self, top: int, left: int, bottom: int, right: int) -> None:
        if self.top < 0:
            self.top, self.left, self.bottom, self.right = top, left, bottom, right
            return
        self.top, self.left = min(self.top, top), min(self.left, left)
        self.bottom, self.right = max(self.bottom, bottom), max(self.right, right)

    @property
    def cells(self) -> int:
        if self.top < 0:
            return 0
        return (self.bottom - self.top + 1) * (self.right - self.left + 1)


@record
class SheetScan:
    """What the scan learnt of one sheet before the library reads it."""

    name: str
    area: Area = field(default_factory=Area)
    percent: CellRuns = field(default_factory=CellRuns)
    #: cells whose format shows ‰ beside the stored number (``0.0‰``; .xlsx and .xls): read with their sign
    per_mille: CellRuns = field(default_factory=CellRuns)
    #: cells whose date format shows the month but no day (2025年9月), and those that show a day
    #: (2025-09-30): a date there in the year column is that month or day, not the whole year
    months: CellRuns = field(default_factory=CellRuns)
    days: CellRuns = field(default_factory=CellRuns)
    #: merged ranges (top, left, bottom, right), 0-based inclusive; None: ask the library
    merges: list[tuple[int, int, int, int]] | None = None
    #: cells holding a formula error, row -> column -> the error shown (#DIV/0!):
    #: the library reads them as empty, which would pass for a missing value
    errors: dict[int, dict[int, str]] = field(default_factory=dict)
    error_count: int = 0

    def runs(self, kind: str) -> CellRuns:
        """The cells of one kind: ``"percent"``, ``"per_mille"``, ``"months"`` or ``"days"``."""
        runs: CellRuns = getattr(self, kind)
        return runs

    def finish(self) -> None:
        for runs in (self.percent, self.per_mille, self.months, self.days):
            runs.finish()

    def add_error(self, row: int, column: int, text: str) -> None:
        if self.error_count < MAX_ERRORS:
            self.errors.setdefault(row, {})[column] = text or "#ERROR"
            self.error_count += 1


@record
class BookScan:
    """The scan of a whole workbook: its format, its sheets, and warnings."""

    kind: str  # "xlsx" (also .xlsm), "xls" or "ods"
    sheets: dict[str, SheetScan] = field(default_factory=dict)
    warnings: list[Text] = field(default_factory=list)


def check_area(sheet: SheetScan) -> None:
    """Refuse a sheet whose used area is beyond :data:`MAX_CELLS` or the last row or column."""
    area = sheet.area
    if area.bottom >= MAX_ROWS or area.right >= MAX_COLUMNS:
        raise WorkbookRefused(msg("PC400.sheet-beyond", sheet=repr(sheet.name), rows=MAX_ROWS,
                                  column=column_letters(MAX_COLUMNS)))
    if area.cells <= MAX_CELLS:
        return
    raise WorkbookRefused(msg("PC400.sheet-cells", sheet=repr(sheet.name),
                              area=f"{cell_name(area.top, area.left)}:{cell_name(area.bottom, area.right)}",
                              cells=area.cells, limit=MAX_CELLS))


def cell_name(row: int, column: int) -> str:
    """The A1 name of a 0-based cell."""
    return f"{column_letters(column + 1)}{row + 1}"
