"""Workbooks written in the tests: the Taicang example CSV as statisticians' sheets.

xlsxwriter writes every form the reader must take (title rows, merged cells,
numbers stored as text, percentages, dates, formulas, several sheets); the
compound-file writer at the end builds the password-protected containers no
library here writes.
"""
from __future__ import annotations

import csv
import datetime
import struct
from collections.abc import Callable
from pathlib import Path
from typing import Any

import xlsxwriter

from tests.helpers.paths import EXAMPLES_DIR

TAICANG_CSV = EXAMPLES_DIR / "taicang.csv"


def taicang_rows() -> list[list[str]]:
    with open(TAICANG_CSV, encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


#: A cell writer: (workbook, sheet, row, column, header name, cell text, the CSV row) -> None.
CellWriter = Callable[[Any, Any, int, int, str, str, list[str]], None]


def plain(book: Any, sheet: Any, row: int, col: int, name: str, text: str, record: list[str]) -> None:
    """Numbers in year and value columns as numbers, everything else as text."""
    value = number(text) if name in ("year", "value") else None
    if value is None:
        sheet.write_string(row, col, text)
    else:
        sheet.write_number(row, col, value)


def write_taicang(path: Path, *, cell: CellWriter = plain, top: int = 0, sheets: int = 1,
                  extra: Callable[[Any, Any], None] | None = None) -> Path:
    """The Taicang CSV as a workbook: the header at row ``top`` (0-based), the rows split over
    ``sheets`` sheets (表1, 表2...), each cell written by ``cell``."""
    rows = taicang_rows()
    header, body = rows[0], rows[1:]
    book = xlsxwriter.Workbook(str(path))
    size = -(-len(body) // sheets)
    for index in range(sheets):
        sheet = book.add_worksheet(f"表{index + 1}")
        for col, name in enumerate(header):
            sheet.write_string(top, col, name)
        for offset, record in enumerate(body[index * size:(index + 1) * size]):
            for col, text in enumerate(record):
                cell(book, sheet, top + 1 + offset, col, header[col], text, record)
        if extra is not None:
            extra(book, sheet)
    book.close()
    return path


def as_text(book: Any, sheet: Any, row: int, col: int, name: str, text: str, record: list[str]) -> None:
    """Every cell stored as text, numbers too (Excel's green triangle)."""
    sheet.write_string(row, col, text)


def percent_fractions(book: Any, sheet: Any, row: int, col: int, name: str, text: str, record: list[str]) -> None:
    """Values in % stored as fractions with a percent format: 2.95 is 0.0295 shown as 2.95%."""
    value = number(text)
    if name == "value" and value is not None and record[7] == "%":
        sheet.write_number(row, col, value / 100, book.add_format({"num_format": "0.00%"}))
    else:
        plain(book, sheet, row, col, name, text, record)


def year_dates(book: Any, sheet: Any, row: int, col: int, name: str, text: str, record: list[str]) -> None:
    """Years as dates (31 December of the year) shown as yyyy年."""
    if name == "year":
        day = datetime.datetime(int(text), 12, 31)
        sheet.write_datetime(row, col, day, book.add_format({"num_format": 'yyyy"年"'}))
    else:
        plain(book, sheet, row, col, name, text, record)


def formulas(book: Any, sheet: Any, row: int, col: int, name: str, text: str, record: list[str]) -> None:
    """Values as formulas with the value Excel saved with them (=2+0.95 for 2.95)."""
    value = number(text)
    if name == "value" and value is not None:
        sheet.write_formula(row, col, f"={value!r}*1", None, value)
    else:
        plain(book, sheet, row, col, name, text, record)


#: The forms of one sheet of statistics, each with the same values as the CSV.
FORMS: dict[str, dict[str, Any]] = {
    "plain": {},
    "numbers stored as text": {"cell": as_text},
    "percentages shown as %": {"cell": percent_fractions},
    "years as dates": {"cell": year_dates},
    "formulas with saved values": {"cell": formulas},
}


# -- compound files (the container of .xls and of password-protected packages) --------

def compound_file(streams: dict[str, bytes]) -> bytes:
    """A version 3 compound file holding ``streams`` (names at most 31 characters).

    Streams under 4096 bytes go to the mini stream, as the format requires;
    larger ones to their own sector chains.
    """
    sector, mini = 512, 64
    names = list(streams)
    big = [n for n in names if len(streams[n]) >= 4096]
    small = [n for n in names if len(streams[n]) < 4096]
    # The mini stream: small streams in 64-byte mini sectors, with a mini FAT.
    ministream, minifat, mini_start = b"", [], {}
    for name in small:
        data = streams[name]
        count = max(1, -(-len(data) // mini))
        first = len(minifat)
        mini_start[name] = first
        minifat += [first + i + 1 for i in range(count - 1)] + [0xFFFFFFFE]
        ministream += data.ljust(count * mini, b"\0")
    sectors: list[bytes] = []
    fat: list[int] = []

    def chain(data: bytes) -> int:
        count = max(1, -(-len(data) // sector))
        first = len(sectors)
        for i in range(count):
            sectors.append(data[i * sector:(i + 1) * sector].ljust(sector, b"\0"))
            fat.append(first + i + 1 if i < count - 1 else 0xFFFFFFFE)
        return first

    starts = {name: chain(streams[name]) for name in big}
    root_start = chain(ministream) if ministream else 0xFFFFFFFE
    minifat_bytes = struct.pack(f"<{len(minifat)}I", *minifat) if minifat else b""
    minifat_start = chain(minifat_bytes) if minifat else 0xFFFFFFFE
    entries = [_entry("Root Entry", 5, root_start, len(ministream), child=1 if names else 0xFFFFFFFF)]
    for index, name in enumerate(names):
        start = starts[name] if name in starts else mini_start[name]
        right = index + 2 if index + 1 < len(names) else 0xFFFFFFFF
        entries.append(_entry(name, 2, start, len(streams[name]), right=right))
    directory = b"".join(entries)
    dir_start = chain(directory)
    # The FAT itself, in as many sectors as it needs (marked 0xFFFFFFFD).
    fat_sectors = 1
    while (len(fat) + fat_sectors) > fat_sectors * (sector // 4):
        fat_sectors += 1
    fat_first = len(fat)
    fat += [0xFFFFFFFD] * fat_sectors
    fat += [0xFFFFFFFF] * (fat_sectors * (sector // 4) - len(fat))
    fat_bytes = struct.pack(f"<{len(fat)}I", *fat)
    for i in range(fat_sectors):
        sectors.append(fat_bytes[i * sector:(i + 1) * sector])
    difat = [fat_first + i for i in range(fat_sectors)] + [0xFFFFFFFF] * (109 - fat_sectors)
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
              + b"\0" * 6 + struct.pack("<IIIIIIIII", 0, fat_sectors, dir_start, 0, 4096, minifat_start,
                                        1 if minifat else 0, 0xFFFFFFFE, 0)
              + struct.pack("<109I", *difat))
    return header.ljust(sector, b"\0") + b"".join(sectors)


def _entry(name: str, kind: int, start: int, size: int, *, right: int = 0xFFFFFFFF,
           child: int = 0xFFFFFFFF) -> bytes:
    encoded = (name + "\0").encode("utf-16-le")
    return (encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
            + struct.pack("<III", 0xFFFFFFFF, right, child) + b"\0" * 16 + b"\0" * 4 + b"\0" * 16
            + struct.pack("<IQ", start, size))


def biff_record(kind: int, data: bytes = b"") -> bytes:
    return struct.pack("<HH", kind, len(data)) + data
