"""Scan an .xlsx/.xlsm workbook before the spreadsheet library reads it.

The library gives each cell's value but not its number format, and a
statistician's 3.2% is stored as 0.032 with a ``0.0%`` format: the styles
part says which cell styles are percentages and each cell names its style
(``<c r="C5" s="3">``), so the cells shown as percentages are found here, and
those shown in per mille (``0.0‰``: Excel shows the stored number beside the
sign, unscaled), whose number is then read with its ‰ (docs/actuals.md#values),
and the dates shown to the month or the day (a year cell showing ``2025年9月``
is that month, not the year).
The same pass finds each sheet's used area (refused when too large: the
library would hold it as one dense grid) and notes macros and links to other
workbooks, neither of which is ever run or opened.
"""
from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator

from policycheck.actuals.workbook.dateformat import BUILTIN, date_shows, format_characters
from policycheck.actuals.workbook.limits import Area, BookScan, CellRuns, SheetScan, WorkbookRefused, check_area
from policycheck.actuals.workbook.zipparts import Parts, parse_xml
from policycheck.messages import msg

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_OFFICE_DOCUMENT = "/officeDocument"
#: Built-in number formats that show a percentage: 0% and 0.00%.
_PERCENT_IDS = frozenset({9, 10})
#: The per mille sign: a format showing it (quoted or not) shows the stored number as it is, in ‰.
PER_MILLE = "\u2030"
#: Rows that hold cells, and the columns of cells, as Excel, LibreOffice, WPS
#: and xlsxwriter write them (reference first): a quick upper bound of the used area.
_ROWS = re.compile(rb'<row r="([0-9]{1,7})"[^>/]*>')
_COLUMNS = re.compile(rb'<c r="([A-Z]{1,3})')
#: A style written after another attribute than the reference (<c r="B2" t="n" s="3">).
_LATE_STYLE = re.compile(rb'<c r="[A-Z0-9]+" [^s>/][^>]* s="')
#: A cell holding a formula error, and the error it shows (<c r="B7" t="e"><f>1/0</f><v>#DIV/0!</v></c>).
_ERROR = re.compile(rb'<c r="([A-Z]{1,3})([0-9]{1,7})"[^>]* t="e"[^>]*>(?:<f[^>]*/>|<f[^>]*>[^<]*</f>)?'
                    rb'(?:<v>([^<]{0,40})</v>)?')
#: Any row or cell start tag, for sheets written another way.
_TAG = re.compile(rb'<(row|c)(\s[^>]*?)?(/?)>')
_ATTR = re.compile(rb'\s(r|s)="([^"]*)"')
_REF = re.compile(r"([A-Z]{1,3})([0-9]{1,7})")


def scan_xlsx(parts: Parts) -> BookScan:
    book = BookScan("xlsx")
    done: set[str] = set()
    workbook = _office_document(parts, done)
    sheets, styles_part = _sheets_and_styles(parts, workbook, done)
    styles = _cell_styles(parts, styles_part, done) if styles_part else {}
    for name, part in sheets:
        sheet = SheetScan(name)
        if part in parts.infos:
            _scan_sheet(parts, part, sheet, styles)
            done.add(part)
            check_area(sheet)
        book.sheets[name] = sheet
    names = parts.names()
    if any(n.lower().endswith("vbaproject.bin") for n in names):
        book.warnings.append(msg("PC410.macros-vba"))
    if any(n.startswith("xl/externalLinks/") for n in names):
        book.warnings.append(msg("PC410.links"))
    parts.drain_all(done)
    return book


def _office_document(parts: Parts, done: set[str]) -> str:
    """The workbook part named by the package relationships (``xl/workbook.xml``)."""
    rels = _relationships(parts, "_rels/.rels", "", done)
    for kind, target in rels.values():
        if kind.endswith(_OFFICE_DOCUMENT) and target in parts.infos:
            return target
    if "xl/workbook.xml" in parts.infos:
        return "xl/workbook.xml"
    raise WorkbookRefused(msg("PC400.not-spreadsheet", what=msg("PC400.no-workbook-part")))


def _relationships(parts: Parts, rels_part: str, base: str, done: set[str]) -> dict[str, tuple[str, str]]:
    """Relationship id -> (type, target part) of one ``.rels`` part."""
    found: dict[str, tuple[str, str]] = {}
    if rels_part not in parts.infos:
        return found

    def start(tag: str, attrs: dict[str, str]) -> None:
        if tag == _PKG_REL + "Relationship" and attrs.get("TargetMode") != "External":
            target = attrs.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(base, target))
            found[attrs.get("Id", "")] = (attrs.get("Type", ""), path)

    parse_xml(parts.chunks(rels_part), rels_part, start)
    done.add(rels_part)
    return found


def _sheets_and_styles(parts: Parts, workbook: str, done: set[str]) -> tuple[list[tuple[str, str]], str | None]:
    """(sheet name, worksheet part) in workbook order, and the styles part."""
    base = posixpath.dirname(workbook)
    rels = _relationships(parts, posixpath.join(base, "_rels", posixpath.basename(workbook) + ".rels"), base, done)
    named: list[tuple[str, str]] = []

    def start(tag: str, attrs: dict[str, str]) -> None:
        if tag == _MAIN + "sheet":
            named.append((attrs.get("name", ""), attrs.get(_REL + "id", "")))

    parse_xml(parts.chunks(workbook), workbook, start)
    done.add(workbook)
    sheets = [(name, rels[rid][1]) for name, rid in named if rid in rels and rels[rid][0].endswith("/worksheet")]
    styles = next((target for kind, target in rels.values() if kind.endswith("/styles")), None)
    return sheets, styles if styles in parts.infos else None


def _cell_styles(parts: Parts, part: str, done: set[str]) -> dict[int, str]:
    """The cell styles (``cellXfs`` indexes) whose number format matters, and what it shows:
    ``"percent"``, ``"per_mille"``, or a date shown to the ``"months"`` or the ``"days"``
    (docs/actuals.md#workbooks)."""
    formats: dict[int, str] = {}
    xf_formats: list[int] = []
    depth = {"cellXfs": False}

    def start(tag: str, attrs: dict[str, str]) -> None:
        if tag == _MAIN + "numFmt":
            formats[_int(attrs.get("numFmtId"))] = attrs.get("formatCode", "")
        elif tag == _MAIN + "cellXfs":
            depth["cellXfs"] = True
        elif tag == _MAIN + "xf" and depth["cellXfs"]:
            xf_formats.append(_int(attrs.get("numFmtId")))

    def end(tag: str) -> None:
        if tag == _MAIN + "cellXfs":
            depth["cellXfs"] = False

    parse_xml(parts.chunks(part), part, start, end)
    done.add(part)
    return style_kinds(xf_formats, formats)


def style_kinds(xf_formats: list[int], formats: dict[int, str]) -> dict[int, str]:
    """Cell style index -> what its number format (``xf_formats[index]``) shows, for the styles
    whose format matters (:func:`format_kind`); shared by the .xlsx and .xls scans."""
    styles: dict[int, str] = {}
    for index, fmt in enumerate(xf_formats):
        kind = format_kind(fmt, formats)
        if kind is not None:
            styles[index] = kind
    return styles


def format_kind(fmt: int, formats: dict[int, str]) -> str | None:
    """What number format ``fmt`` (built-in or one of ``formats``) shows that the reader needs:
    ``"percent"``, ``"per_mille"`` (a ‰ without a percentage), ``"months"``, ``"days"``, or None
    (also for a date shown as its year alone)."""
    code = formats.get(fmt)
    if fmt in _PERCENT_IDS or (code is not None and shows_percent(code)):
        return "percent"
    if code is not None and PER_MILLE in code:
        return "per_mille"
    shown = date_shows(code) if code is not None else BUILTIN.get(fmt)
    return {"month": "months", "day": "days"}.get(shown or "")


def shows_percent(code: str) -> bool:
    """Whether an Excel number format code multiplies by 100 and shows ``%``:
    a ``%`` outside quoted text, ``[...]`` and ``\\`` escapes, in any section."""
    return "%" in format_characters(code, escapes="\\")


def _int(text: str | None) -> int:
    try:
        return int(text or "")
    except ValueError:
        return -1


def _scan_sheet(parts: Parts, part: str, sheet: SheetScan, styles: dict[int, str]) -> None:
    """The used area and the percent, per mille and date cells of one worksheet part.

    The quick pass bounds the area by rows and columns that have any cell; a
    sheet with many formatted empty cells may look too large to it, and is
    then measured cell by cell, as is a sheet written in an unusual way or
    one of a workbook with per mille formats (rare: no quick pass for them).
    """
    try:
        quick = "per_mille" not in styles.values() and _scan_quick(parts.chunks(part), sheet, styles)
    except WorkbookRefused:
        quick = False
    if not quick:
        sheet.area = Area()
        sheet.percent, sheet.per_mille, sheet.months, sheet.days = CellRuns(), CellRuns(), CellRuns(), CellRuns()
        _scan_general(parts.chunks(part), sheet, styles)
    sheet.finish()


def _tags(chunks: Iterator[bytes]) -> Iterator[bytes]:
    """The XML cut before the last ``<`` of each chunk, so no tag is split."""
    tail = b""
    for chunk in chunks:
        data = tail + chunk
        cut = data.rfind(b"<")
        if cut < 0:
            tail = data
            continue
        yield data[:cut]
        tail = data[cut:]
    yield tail


def _scan_quick(chunks: Iterator[bytes], sheet: SheetScan, styles: dict[int, str]) -> bool:
    """Rows and cells written as ``<row r="7">``, ``<c r="B7" s="3">``; False when some are not."""
    percent = None
    if styles:
        ids = b"|".join(str(s).encode() for s in sorted(styles))
        percent = re.compile(rb'<c r="([A-Z]{1,3})([0-9]{1,7})" s="(' + ids + rb')"[^>/]*>')
    columns: dict[bytes, int] = {}
    for body in _tags(chunks):
        cells = body.count(b"<c ") + body.count(b"<c>")
        rows = body.count(b"<row ") + body.count(b"<row>")
        if cells != body.count(b'<c r="') or rows != body.count(b'<row r="'):
            return False
        if percent is not None and _LATE_STYLE.search(body):
            return False
        numbers = {int(r) for r in set(_ROWS.findall(body))}
        if numbers:
            for text in set(_COLUMNS.findall(body)) - columns.keys():
                columns[text] = _column(text)
            sheet.area.add(min(numbers) - 1, min(columns.values()), max(numbers) - 1, max(columns.values()))
            check_area(sheet)
        if percent is not None:
            for text, row, style in percent.findall(body):
                sheet.runs(styles[int(style)]).add_cell(int(row) - 1, columns.get(text, _column(text)))
        _errors(body, sheet)
    return True


def _errors(body: bytes, sheet: SheetScan) -> None:
    if b't="e"' not in body:
        return
    for text, row, shown in _ERROR.findall(body):
        sheet.add_error(int(row) - 1, _column(text), shown.decode("utf-8", "replace"))


def _scan_general(chunks: Iterator[bytes], sheet: SheetScan, styles: dict[int, str]) -> None:
    """Rows and cells in any attribute order, positions counted where a writer leaves them out."""
    row, col = -1, -1
    for body in _tags(chunks):
        for match in _TAG.finditer(body):
            attrs = dict(_ATTR.findall(match.group(2) or b""))
            if match.group(1) == b"row":
                row = int(attrs[b"r"]) - 1 if attrs.get(b"r", b"").isdigit() else row + 1
                col = -1
                continue
            ref = _REF.fullmatch(attrs.get(b"r", b"").decode("ascii", "replace"))
            if ref is not None:
                row, col = int(ref.group(2)) - 1, _column(ref.group(1).encode())
            else:
                col += 1
            if match.group(3):  # <c .../>: no value
                continue
            sheet.area.add(row, col, row, col)
            kind = styles.get(_int(attrs.get(b"s", b"").decode("ascii", "replace")))
            if kind is not None:
                sheet.runs(kind).add_cell(row, col)
        check_area(sheet)
        _errors(body, sheet)


def _column(letters: bytes) -> int:
    """b"A" -> 0, b"AA" -> 26."""
    index = 0
    for byte in letters:
        index = index * 26 + byte - 64
    return index - 1
