"""Scan an .ods workbook (OpenDocument, LibreOffice and WPS) before the library reads it.

OpenDocument says in each cell what it shows: ``office:value-type="percentage"``
is a percentage stored as a fraction (0.032 shown as 3.2%), and a ``date`` cell's
text says whether the date is shown as a year, a month or a day.  Merged cells are
``number-columns-spanned``/``number-rows-spanned`` on the first cell (the
library does not report them for .ods), and ``number-*-repeated`` repeats a
cell or row; the used area counts repeats of cells with a value, so one cell
repeated a million times is refused here rather than expanded in memory.
"""
from __future__ import annotations

from policycheck.actuals.workbook.dateformat import text_shows
from policycheck.actuals.workbook.limits import BookScan, SheetScan, WorkbookRefused, check_area
from policycheck.actuals.workbook.zipparts import Parts, parse_xml
from policycheck.messages import msg

_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_CALCEXT = "{urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0}"
_T = _TABLE
_TEXT_P = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}p"
_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
#: Repeats beyond the largest sheet (1,048,576 rows, 16,384 columns) are the
#: writer's way of saying "to the end"; they only matter for cells with a value.
_MAX_REPEAT = 1 << 20
#: The runs of cells a date's shown text puts it in (a date shown as its year needs none).
_RUNS = {"month": "months", "day": "days"}


def scan_ods(parts: Parts) -> BookScan:
    if "mimetype" in parts.infos and parts.read("mimetype").strip() != _MIMETYPE:
        raise WorkbookRefused(msg("PC400.not-spreadsheet", what=msg("PC400.other-opendocument")))
    if "content.xml" not in parts.infos:
        raise WorkbookRefused(msg("PC400.book-damaged", what=msg("PC400.ods-no-content")))
    book = BookScan("ods")
    _Content(book).parse(parts)
    if any(name.startswith(("Basic/", "Scripts/")) for name in parts.names()):
        book.warnings.append(msg("PC410.macros"))
    parts.drain_all({"content.xml", "mimetype"})
    return book


class _Content:
    """The expat handlers that walk the tables of content.xml."""

    def __init__(self, book: BookScan) -> None:
        self.book = book
        self.sheet: SheetScan | None = None
        self.row = 0
        self.row_repeat = 1
        self.col = 0
        self.cell: tuple[int, bool, str] | None = None  # (repeat, has a value, its office:value-type)
        self.error: list[str] | None = None  # the text of a cell holding a formula error
        self.shown: list[str] | None = None  # the text of a date cell: what it shows of the date
        self.row_kinds: dict[str, set[int]] = {}

    def parse(self, parts: Parts) -> None:
        parse_xml(parts.chunks("content.xml"), "content.xml", self.start, self.end, self.text)

    def text(self, data: str) -> None:
        if self.error is not None and len(self.error) < 40:
            self.error.append(data)
        if self.shown is not None and len(self.shown) < 40:
            self.shown.append(data)

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        if not tag.startswith(_T):
            if tag == _TEXT_P and self.cell is not None:
                self.cell = (self.cell[0], True, self.cell[2])
            return
        name = tag[len(_T):]
        if name == "table":
            self.sheet = SheetScan(attrs.get(_TABLE + "name", ""), merges=[])
            self.book.sheets[self.sheet.name] = self.sheet
            self.row = 0
        elif name == "table-row" and self.sheet is not None:
            self.row_repeat = _repeat(attrs, "number-rows-repeated")
            self.col = 0
            self.row_kinds = {}
        elif name in ("table-cell", "covered-table-cell") and self.sheet is not None:
            kind = attrs.get(_OFFICE + "value-type")
            self.cell = (_repeat(attrs, "number-columns-repeated"), kind is not None, kind or "")
            self.error = [] if attrs.get(_CALCEXT + "value-type") == "error" else None
            self.shown = [] if kind == "date" else None
            rows, cols = _repeat(attrs, "number-rows-spanned"), _repeat(attrs, "number-columns-spanned")
            if (rows > 1 or cols > 1) and name == "table-cell" and self.sheet.merges is not None:
                self.sheet.merges.append((self.row, self.col, self.row + rows - 1, self.col + cols - 1))

    def end(self, tag: str) -> None:
        if not tag.startswith(_T) or self.sheet is None:
            return
        name = tag[len(_T):]
        if name in ("table-cell", "covered-table-cell") and self.cell is not None:
            repeat, has_value, kind = self.cell
            if has_value:
                last_row = self.row + self.row_repeat - 1
                self.sheet.area.add(self.row, self.col, last_row, self.col + repeat - 1)
                check_area(self.sheet)  # before a repeated percentage fills a set
                runs = _RUNS.get(text_shows("".join(self.shown))) if self.shown is not None else (
                    "percent" if kind == "percentage" else None)
                if runs is not None:
                    self.row_kinds.setdefault(runs, set()).update(range(self.col, self.col + repeat))
            self.shown = None
            if self.error is not None:
                self.sheet.add_error(self.row, self.col, "".join(self.error).strip())
                self.error = None
            self.col += repeat
            self.cell = None
        elif name == "table-row":
            for runs, columns in self.row_kinds.items():
                self.sheet.runs(runs).add(self.row, self.row + self.row_repeat - 1, frozenset(columns))
            self.row += self.row_repeat
        elif name == "table":
            self.sheet.finish()
            self.sheet = None


def _repeat(attrs: dict[str, str], name: str) -> int:
    text = attrs.get(_TABLE + name, "1")
    if not text.isdigit():
        return 1
    # A long digit string is a writer's "to the end" (or a hostile number): cap it before int().
    return max(1, min(int(text[-8:]) if len(text) <= 8 else _MAX_REPEAT, _MAX_REPEAT))
