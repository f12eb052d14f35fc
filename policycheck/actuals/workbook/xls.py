"""Scan an .xls workbook (Excel 97-2003, BIFF8; also BIFF5) before the library reads it.

The cells of a sheet are records of the ``Workbook`` stream, each naming its
cell style (XF); an XF names its number format, and a format with ``%``
outside quotes shows the stored fraction as a percentage, one with ``‰`` the
stored number in per mille, and a date format may show a month or a day
rather than a year.  The library gives values but not formats, so the
percent, per mille and date cells are found here, with each
sheet's used area (65,536 x 256 cells at most, still refused above the cell
limit), a password (FILEPASS: refused) and macros or links to other
workbooks (noted; never run or opened).
"""
from __future__ import annotations

import struct
from collections.abc import Iterator

from policycheck.actuals.workbook.cfb import CompoundFile
from policycheck.actuals.workbook.limits import BookScan, SheetScan, WorkbookRefused, check_area
from policycheck.actuals.workbook.xlsx import style_kinds
from policycheck.messages import msg

_BOF, _EOF, _FILEPASS, _BOUNDSHEET, _XF, _FORMAT, _SUPBOOK, _OBPROJ = (
    0x0809, 0x000A, 0x002F, 0x0085, 0x00E0, 0x041E, 0x01AE, 0x00D3)
_NUMBER, _RK, _MULRK, _FORMULA = 0x0203, 0x027E, 0x00BD, 0x0006
_BOOLERR = 0x0205
_TEXT_CELLS = (0x00FD, 0x0204, 0x00D6, _BOOLERR)  # LABELSST, LABEL, RSTRING, BOOLERR
#: The error codes of BOOLERR and FORMULA records, as Excel shows them.
_ERRORS = {0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!", 0x1D: "#NAME?", 0x24: "#NUM!",
           0x2A: "#N/A"}


def scan_xls(compound: CompoundFile) -> BookScan:
    try:
        stream = compound.stream("Workbook")
    except KeyError:
        try:
            stream = compound.stream("Book")  # BIFF5 (Excel 95)
        except KeyError:
            raise WorkbookRefused(msg("PC400.not-spreadsheet", what=msg("PC400.no-workbook-stream"))) from None
    book = BookScan("xls")
    biff8 = len(stream) >= 6 and struct.unpack_from("<H", stream, 4)[0] == 0x0600
    formats: dict[int, str] = {}
    xf_formats: list[int] = []
    sheets: list[tuple[str, int]] = []
    macros = any(name.upper().startswith("_VBA_PROJECT") for name in compound.storages())
    links = False
    for kind, data in _records(stream, 0):
        if kind == _FILEPASS:
            raise WorkbookRefused(msg("PC400.book-password"))
        if kind == _FORMAT and len(data) >= 3:
            formats[struct.unpack_from("<H", data)[0]] = _format_text(data, biff8)
        elif kind == _XF and len(data) >= 4:
            xf_formats.append(struct.unpack_from("<H", data, 2)[0])
        elif kind == _BOUNDSHEET and len(data) >= 8:
            offset, _state, sheet_type = struct.unpack_from("<IBB", data)
            if sheet_type == 0:
                sheets.append((_sheet_name(data[6:], biff8), offset))
        elif kind == _SUPBOOK and len(data) >= 4:
            links = links or struct.unpack_from("<H", data, 2)[0] not in (0x0401, 0x3A01)
        elif kind == _OBPROJ:
            macros = True
        elif kind == _EOF:
            break
    styles = style_kinds(xf_formats, formats)
    for name, offset in sheets:
        book.sheets[name] = _scan_sheet(stream, offset, SheetScan(name), styles)
    if macros:
        book.warnings.append(msg("PC410.macros-vba"))
    if links:
        book.warnings.append(msg("PC410.links"))
    return book


def _records(stream: bytes, offset: int) -> Iterator[tuple[int, bytes]]:
    """(record type, record data) from ``offset`` to the end of the stream."""
    end = len(stream)
    while offset + 4 <= end:
        kind, length = struct.unpack_from("<HH", stream, offset)
        yield kind, stream[offset + 4:offset + 4 + length]
        offset += 4 + length


def _format_text(data: bytes, biff8: bool) -> str:
    if biff8:
        if len(data) < 5:
            return ""
        count, flags = struct.unpack_from("<HB", data, 2)
        raw = data[5:]
        return raw[:count * 2].decode("utf-16-le", "replace") if flags & 1 else raw[:count].decode("latin-1")
    count = data[2]
    return data[3:3 + count].decode("latin-1")


def _sheet_name(data: bytes, biff8: bool) -> str:
    if not data:
        return ""
    count = data[0]
    if biff8 and len(data) >= 2:
        raw = data[2:]
        return raw[:count * 2].decode("utf-16-le", "replace") if data[1] & 1 else raw[:count].decode("latin-1")
    return data[1:1 + count].decode("gbk", "replace")  # BIFF5 names are in the file's code page


def _error(kind: int, data: bytes) -> str | None:
    """The error a BOOLERR or FORMULA record shows, if it shows one."""
    if kind == _BOOLERR and len(data) >= 8 and data[7] == 1:
        return _ERRORS.get(data[6], "#ERROR")
    if kind == _FORMULA and len(data) >= 14 and data[12:14] == b"\xff\xff" and data[6] == 2:
        return _ERRORS.get(data[8], "#ERROR")
    return None


def _scan_sheet(stream: bytes, offset: int, sheet: SheetScan, styles: dict[int, str]) -> SheetScan:
    if offset >= len(stream):
        raise WorkbookRefused(msg("PC400.sheet-stream", sheet=repr(sheet.name)))
    depth = 0
    for kind, data in _records(stream, offset):
        if kind == _BOF:
            depth += 1
        elif kind == _EOF:
            depth -= 1
            if depth <= 0:
                break
        elif kind in (_NUMBER, _RK, _FORMULA) or kind in _TEXT_CELLS:
            if len(data) < 6:
                continue
            row, col, xf = struct.unpack_from("<HHH", data)
            sheet.area.add(row, col, row, col)
            if xf in styles and kind in (_NUMBER, _RK, _FORMULA):
                sheet.runs(styles[xf]).add_cell(row, col)
            error = _error(kind, data)
            if error is not None:
                sheet.add_error(row, col, error)
        elif kind == _MULRK and len(data) >= 6:
            row, first = struct.unpack_from("<HH", data)
            count = (len(data) - 6) // 6
            sheet.area.add(row, first, row, first + max(count, 1) - 1)
            for i in range(count):
                xf = struct.unpack_from("<H", data, 4 + 6 * i)[0]
                if xf in styles:
                    sheet.runs(styles[xf]).add_cell(row, first + i)
    check_area(sheet)
    sheet.finish()
    return sheet
