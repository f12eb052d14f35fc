"""tabulate's ``simple`` table, written without importing tabulate, for the text a report holds.

The ``text`` format's default table is tabulate's ``simple`` format with
wide characters measured by wcwidth; importing both costs more than the rest of
a small check (docs/performance.md#start-up).  :func:`simple_table` writes the
same bytes for tables whose every character has a width known here (printable
ASCII, Latin-1, dashes and arrows, box drawing, CJK ideographs and
punctuation, full-width forms) and returns None for anything else (a control
or combining character, an emoji, a cell with a line break or spaces at its
ends, rows of unequal length), which the caller then gives to tabulate.
tests/reporters/test_plaintable.py checks every width here against wcwidth and
the tables against tabulate.
"""
from __future__ import annotations

from collections.abc import Sequence

#: (first, last code point, width) of the characters measured here; the rest go to tabulate.
WIDTH_RANGES: tuple[tuple[int, int, int], ...] = (
    (0x20, 0x7E, 1),  # printable ASCII
    (0xA1, 0xAC, 1), (0xAE, 0xFF, 1),  # Latin-1 (not the no-break space or the soft hyphen)
    (0x2010, 0x2027, 1), (0x2030, 0x2030, 1),  # dashes, quotes, ellipsis, per mille
    (0x2190, 0x2193, 1), (0x2260, 0x2265, 1),  # arrows, ≠ ≤ ≥
    (0x2500, 0x259F, 1),  # box drawing and blocks (the bars of a progress cell)
    (0x3001, 0x3029, 2), (0x3030, 0x303E, 2),  # CJK punctuation (not its combining tone marks)
    (0x4E00, 0x9FFF, 2),  # CJK unified ideographs
    (0xFF01, 0xFF60, 2), (0xFFE0, 0xFFE6, 2),  # full-width forms
)
_WIDE = tuple((lo, hi) for lo, hi, width in WIDTH_RANGES if width == 2)
_NARROW = tuple((lo, hi) for lo, hi, width in WIDTH_RANGES if width == 1 and lo > 0x7E)
#: tabulate's MIN_PADDING: a column is at least its header's width plus two.
_MIN_PADDING = 2
_SEPARATOR = "  "


def text_width(text: str) -> int | None:
    """The width wcwidth gives ``text``, or None if a character is not in :data:`WIDTH_RANGES`."""
    if text.isascii():
        return len(text) if text.isprintable() else None
    width = 0
    for char in text:
        code = ord(char)
        if 0x20 <= code <= 0x7E:
            width += 1
        # CJK ideographs (one of _WIDE's ranges) first: they are most of a Chinese report.
        elif 0x4E00 <= code <= 0x9FFF or any(lo <= code <= hi for lo, hi in _WIDE):
            width += 2
        elif any(lo <= code <= hi for lo, hi in _NARROW):
            width += 1
        else:
            return None
    return width


def simple_table(rows: Sequence[Sequence[str]], headers: Sequence[str], right: Sequence[bool]) -> str | None:
    """tabulate(rows, headers, tablefmt="simple", colalign=..., disable_numparse=True), or None."""
    count = len(headers)
    if not count:
        return None
    if not rows:
        right = [False] * count  # tabulate aligns the headers of an empty table to the left
    header_widths: list[int] = []
    for header in headers:
        width = _cell_width(header)
        if width is None:
            return None
        header_widths.append(width)
    widths = [width + _MIN_PADDING for width in header_widths]
    measured: list[list[int]] = []
    for row in rows:
        if len(row) != count:
            return None
        row_widths = []
        for column, cell in enumerate(row):
            width = _cell_width(cell)
            if width is None:
                return None
            row_widths.append(width)
            if width > widths[column]:
                widths[column] = width
        measured.append(row_widths)
    lines = [_line([_pad(header, width - own, r)
                    for header, own, width, r in zip(headers, header_widths, widths, right, strict=True)]),
             _line(["-" * width for width in widths])]
    for row, row_widths in zip(rows, measured, strict=True):
        lines.append(_line([_pad(cell, width - own, r)
                            for cell, own, width, r in zip(row, row_widths, widths, right, strict=True)]))
    return "\n".join(lines)


def _cell_width(cell: str) -> int | None:
    """A cell's width, or None where tabulate would treat it otherwise (type, line break, edge spaces)."""
    if not isinstance(cell, str) or cell != cell.strip():
        return None
    return text_width(cell)


def _pad(cell: str, room: int, right: bool) -> str:
    return " " * room + cell if right else cell + " " * room


def _line(cells: list[str]) -> str:
    return _SEPARATOR.join(cells).rstrip()
