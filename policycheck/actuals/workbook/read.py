"""Read the sheets of a workbook into the rows the CSV reader resolves (docs/actuals.md#workbooks).

A workbook is scanned first (:mod:`policycheck.actuals.workbook.scan`: size
limits, percent cells, macros, links), then opened with python-calamine, which
reads .xlsx, .xlsm, .xls and .ods and never runs a macro.  Each sheet becomes
rows of text cells, as a CSV file would give them, so long and wide forms,
header aliases, numbers, years, statuses, duplicates and findings behave
exactly as for CSV; a finding names its cell as ``BOOK#SHEET!B7``.

What a statistician's sheet has beyond a CSV file is settled here:

* title rows above the header: the header is the first of the first
  :data:`HEADER_SEARCH_ROWS` rows whose names make a usable header;
* merged cells: the first cell's value fills the merged area, down
  everywhere and across below the header (a header merged across several
  columns names the first of them), except a figure merged over several
  figure cells (two years' columns, two rows' values): PC415 at the merged
  cell, since a 两年合计 copied into each year would count twice;
* numbers as the cell shows them: a fraction formatted as a percentage
  (0.032 shown as 3.2%) reads as ``3.2%``, a number shown in per mille (4.8
  shown as 4.8‰ by ``0.0‰``) as ``4.8‰``; numbers stored as text read as text;
* dates in the year column (and in year headers) read as their year;
* dates in the year or period column (and in year headers) read as the cell
  shows them: a date shown as its year (or 31 December) is the year, one shown
  as a month (``2025年9月``) that month, any other day its ISO text, so PC408;
* formula cells read by the value saved with the file.
"""
from __future__ import annotations

import datetime
import io
import os
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from policycheck.actuals.header import Layout, read_header
from policycheck.actuals.workbook.dateformat import date_label
from policycheck.actuals.workbook.limits import BookScan, CellRuns, SheetScan, WorkbookRefused
from policycheck.actuals.workbook.merged import Merge, figure_columns, splits_figures
from policycheck.actuals.workbook.scan import scan_workbook
from policycheck.findings import ERROR, WARNING, Finding, excerpt, split_sheet
from policycheck.messages import Text, join, msg

if TYPE_CHECKING:
    from python_calamine import CalamineSheet, CalamineWorkbook, SheetMetadata


#: How far below the top of a sheet its header row is looked for (title rows, notes).
HEADER_SEARCH_ROWS = 30
#: Reads one sheet's rows as the CSV reader reads a file's: (``BOOK#SHEET``, the rows, the
#: line of the first row).  The caller's, so this module needs nothing of the CSV reader.
SheetReader = Callable[[str, "_Rows", int], None]
#: What python-calamine gives for a cell (an empty cell is "").
CellValue = int | float | str | bool | datetime.time | datetime.date | datetime.datetime | datetime.timedelta


def read_workbook(path: str, findings: list[Finding], read_sheet: SheetReader, *, sheets: Sequence[str] = (),
                  data: bytes | None = None) -> None:
    """Hand the chosen sheets of the workbook ``path`` (``BOOK`` or ``BOOK#SHEET``) to ``read_sheet``;
    what is wrong with the workbook itself goes to ``findings``.

    ``data`` is the workbook's bytes when they were already read; otherwise they are read here
    through the one bounded reader (:func:`policycheck.inputs.read_input`), once: the scan and
    the spreadsheet library both work on those bytes, never on the file again.
    """
    book, chosen = split_sheet(path)
    if chosen is None or os.path.exists(path):
        book, wanted = path, list(sheets)
    else:
        wanted = [chosen]
    if data is None:
        from policycheck.inputs import read_input

        got = read_input(book)
        if got.data is None:
            findings.append(Finding.of("PC400", ERROR, book, 0, 0, got.problem or msg("PC400.book-empty")))
            return
        data = got.data
    try:
        scan = scan_workbook(book, data)
    except WorkbookRefused as exc:
        findings.append(Finding.of("PC400", ERROR, book, 0, 0, msg("PC400.book-refused", why=exc.text)))
        return
    findings.extend(Finding.of("PC410", WARNING, book, 0, 0, text) for text in scan.warnings)
    try:
        _read_sheets(book, data, scan, wanted, findings, read_sheet)
    except WorkbookRefused as exc:
        findings.append(Finding.of("PC400", ERROR, book, 0, 0, exc.text))


def _read_sheets(book: str, data: bytes, scan: BookScan, wanted: list[str], findings: list[Finding],
                 read_sheet: SheetReader) -> None:
    import python_calamine

    try:
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except python_calamine.PasswordError as exc:
        raise WorkbookRefused(msg("PC400.book-password-short")) from exc
    except Exception as exc:  # the library's errors (zip, XML, BIFF) and its panics: one clear finding
        raise WorkbookRefused(msg("PC400.book-library", error=_library_message(exc))) from exc
    with workbook:
        metadata = {sheet.name: sheet for sheet in workbook.sheets_metadata}
        missing = [name for name in wanted if name not in metadata]
        if missing:
            names = join([excerpt(name) for name in metadata]) if metadata else msg("PC400.no-sheets-at-all")
            raise WorkbookRefused(msg("PC400.no-sheet", names=join([excerpt(m) for m in missing]), sheets=names))
        candidates = wanted or [name for name in metadata]
        skipped: list[Text] = []
        read = 0
        for name in candidates:
            why = _not_a_worksheet(metadata[name], explicit=bool(wanted))
            info = scan.sheets.get(name)
            if why is None and info is None:
                why = msg("PC410.unchecked")
            if why is not None or info is None:
                skipped.append(msg("PC410.why", sheet=repr(name), why=why or ""))
                continue
            sheet = _Sheet(book, name, info, _load(workbook, name))
            if not sheet.found and (not wanted or sheet.header is None):
                skipped.append(msg("PC410.why", sheet=repr(name), why=sheet.why_not))
                continue
            read_sheet(f"{book}#{name}", sheet.rows(), sheet.first_line)
            findings.extend(sheet.findings)
            read += 1
        _say_skipped(book, skipped, read, findings)


def _say_skipped(book: str, skipped: list[Text], read: int, findings: list[Finding]) -> None:
    """One warning per skipped sheet; an error when no sheet at all was read."""
    if read == 0:
        detail = join(skipped, en="; ", zh="；") if skipped else msg("PC401.no-sheets")
        findings.append(Finding.of("PC401", ERROR, book, 0, 0, msg("PC401.no-sheet-read", detail=detail)))
        return
    for text in skipped:
        findings.append(Finding.of("PC410", WARNING, book, 0, 0, msg("PC410.sheet", why=text)))


def _not_a_worksheet(meta: SheetMetadata, *, explicit: bool) -> Text | None:
    """Why a sheet is not read whatever it holds: a chart or macro sheet, or hidden unless named."""
    # By the enum's name: the library's enums are compared as text, so this module
    # needs python_calamine only where it opens a workbook.
    kind = str(meta.typ)
    if not kind.endswith("WorkSheet"):
        return msg("PC410.not-worksheet", kind=kind.rsplit(".", 1)[-1].lower() or "non-data")
    if not explicit and not str(meta.visible).endswith("Visible"):
        return msg("PC410.hidden")
    return None


def _load(workbook: CalamineWorkbook, name: str) -> CalamineSheet:
    try:
        return workbook.get_sheet_by_name(name)
    except Exception as exc:
        raise WorkbookRefused(msg("PC400.sheet-library", sheet=repr(name), error=_library_message(exc))) from exc


def _library_message(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return excerpt(text, 200, quote=str)


class _Sheet:
    """One sheet as rows of text cells, from its header row on."""

    def __init__(self, book: str, name: str, scan: SheetScan, sheet: CalamineSheet) -> None:
        self.book = book
        self.name = name
        self.sheet = sheet
        self.percent: CellRuns = scan.percent
        self.per_mille: CellRuns = scan.per_mille
        self.months: CellRuns = scan.months
        self.days: CellRuns = scan.days
        self.errors = scan.errors
        merges = scan.merges if scan.merges is not None else [
            (top, left, bottom, right) for (top, left), (bottom, right) in (sheet.merged_cell_ranges or [])]
        # Single cells are no merges; the rest by top row, as the rows stream past.
        self.merges: list[Merge] = sorted(m for m in merges if m[0] != m[2] or m[1] != m[3])
        self.header: int | None = None  # the 0-based header row; None: the sheet is empty
        self.found = False  # the header row is a usable header (not just the first filled row)
        self.layout: Layout | None = None
        self.why_not = msg("PC410.no-header")
        #: what is wrong with the sheet's cells themselves (PC415), once its rows are read
        self.findings: list[Finding] = []
        self._header_cells: list[str] = []
        self._find_header()

    @property
    def first_line(self) -> int:
        return (self.header or 0) + 1

    def _find_header(self) -> None:
        """The first of the top rows whose names make a usable header (title rows skipped)."""
        path = f"{self.book}#{self.name}"
        first_filled: int | None = None
        for index, row in enumerate(self._cells(header=None)):
            if index >= HEADER_SEARCH_ROWS:
                break
            if not any(cell.strip() for cell in row):
                continue
            if first_filled is None:
                first_filled = index
            layout = read_header(row, path, index + 1)
            if layout.usable:
                self.header, self.layout, self.found = index, layout, True
                return
        if first_filled is None:
            self.why_not = msg("PC410.empty") if self.sheet.height == 0 else (
                msg("PC410.empty-top", rows=HEADER_SEARCH_ROWS))
            return
        self.why_not = msg("PC410.no-header-in", rows=HEADER_SEARCH_ROWS)
        # When the sheet was named, its first filled row is read as the header,
        # and the reader says what that row lacks.
        self.header = first_filled

    def rows(self) -> _Rows:
        times = frozenset(self.layout.col(name) for name in ("year", "period")) - {-1} if self.layout else _NONE
        return _Rows(self._cells(header=self.header, times=times), self.header or 0)

    def _cells(self, *, header: int | None, times: frozenset[int] = frozenset()) -> Iterator[list[str]]:
        """Every row as text cells, merged areas filled; rows above ``header`` are skipped
        (``header`` None: every row, merged areas filled down only, for the header search).
        ``times`` are the year and period columns, whose dates read as the cell shows them."""
        percent, merges, errors = self.percent, self.merges, self.errors
        dated = bool(self.months or self.days)
        figures = figure_columns(self.layout) if header is not None else frozenset()
        pending = 0  # merges[:pending] have started
        active: list[Merge] = []
        tops: dict[Merge, str] = {}
        rows = self.sheet.iter_rows()
        offset: int | None = None
        end = self.sheet.end
        for index, values in enumerate(rows):
            if offset is None:
                # Rows start at the sheet's first row; columns at its first used column.
                offset = (end[1] + 1 - len(values)) if end is not None else 0
            columns = percent.row(index) if percent else _NONE
            mille = self.per_mille.row(index) if self.per_mille else _NONE
            # the sign each formatted cell of the row shows (% or ‰); most rows have none
            signs = {**dict.fromkeys(mille, "\u2030"), **dict.fromkeys(columns, "%")} if columns or mille else _NO_SIGNS
            below = header is not None and index > header
            is_header = header is not None and index == header
            cells = [""] * offset + [_text(v, signs.get(offset + i, ""), offset + i in times or
                                           (is_header or header is None)) for i, v in enumerate(values)]
            if dated:
                self._shown_dates(cells, values, offset, index,
                                  None if is_header or header is None else times)
            while pending < len(merges) and merges[pending][0] <= index:
                if not (below and splits_figures(merges[pending], figures, cells, self._header_cells,
                                                 f"{self.book}#{self.name}", self.findings)):
                    active.append(merges[pending])
                pending += 1
            if index in errors:
                for column, shown in errors[index].items():
                    if column < len(cells) and not cells[column]:
                        cells[column] = shown
            if active:
                active = [m for m in active if m[2] >= index]
                for merge in active:
                    _fill(cells, merge, index, tops, across=below)
            if header is not None and index < header:
                continue
            if is_header:
                self._header_cells = cells
            yield cells

    def _shown_dates(self, cells: list[str], values: list[CellValue], offset: int, index: int,
                     times: frozenset[int] | None) -> None:
        """Dates of a time cell (``times``; None: every cell of a header) shown as a month or a day
        read as shown (docs/actuals.md#workbooks): ``2025年9月`` is that month, not the year 2025."""
        for kind, runs in (("month", self.months), ("day", self.days)):
            for column in runs.row(index):
                if times is not None and column not in times:
                    continue
                value = values[column - offset] if 0 <= column - offset < len(values) else None
                if isinstance(value, datetime.date):
                    cells[column] = date_label(value, kind)


def _fill(cells: list[str], merge: Merge, index: int, tops: dict[Merge, str], *, across: bool) -> None:
    top, left, bottom, right = merge
    if left >= len(cells):
        return
    if index == top:
        tops[merge] = cells[left]
    value = tops.get(merge, "")
    if index > top:
        cells[left] = value
    if across:
        for column in range(left + 1, min(right, len(cells) - 1) + 1):
            cells[column] = value


_NONE: frozenset[int] = frozenset()
_NO_SIGNS: dict[int, str] = {}


def _text(value: CellValue | None, sign: str, year: bool) -> str:
    """One cell as the text a CSV file would hold for it; ``sign`` the % or ‰ its format shows
    (a percentage is stored as a fraction, a number shown in ‰ as it is), else empty."""
    if type(value) is str:  # most cells: checked first
        return value
    if isinstance(value, bool):  # before int, its base class
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        if sign == "%":
            return _number(Decimal(repr(value)) * 100) + "%"
        if sign:
            return _number(Decimal(repr(value))) + sign
        if isinstance(value, int):
            return str(value)
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return str(value.year) if year else value.isoformat()
    if value is None:
        return ""
    return str(value)


def _number(value: Decimal) -> str:
    """A decimal without exponent or trailing zeros: 3.200 -> 3.2, 5E+1 -> 50."""
    text = format(value.normalize(), "f")
    return text


class _Rows:
    """Rows with the ``line_num`` of a csv reader: the sheet row last given (1-based)."""

    def __init__(self, cells: Iterator[list[str]], header: int) -> None:
        self._cells = cells
        self.line_num = header

    def __iter__(self) -> _Rows:
        return self

    def __next__(self) -> list[str]:
        row = next(self._cells)
        self.line_num += 1
        return row
