"""Two slips of a sheet saved from Excel, recognised so they are named, not misread.

A sheet exported from a statistical system opens with a title (太仓市2019年
科技创新指标完成情况) and perhaps a unit line above the header; and a number
typed as ``1,050`` in a cell that was not quoted becomes two cells, ``1`` and
``050``, so every cell after it shifts one column.  The reader
(:mod:`policycheck.actuals.load`) asks these functions and turns the answers
into a PC407 note or a PC402 finding that says what happened
(docs/actuals.md#structure).
"""
from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from policycheck.actuals.header import recognised_columns
from policycheck.findings import excerpt
from policycheck.messages import Text, join, msg

#: How many rows below a first row that is no header (a sheet title) are searched for the header.
TITLE_ROWS = 5
#: A row is taken for the header below a title when it has at least this many known column names.
HEADER_NAMES = 2
#: A number cell of one to three digits: the head of a number split at an unquoted thousands separator.
_SPLIT_HEAD = re.compile(r"[+-]?\d{1,3}")
#: Three digits (and decimals): a group that follows a thousands separator.
_SPLIT_GROUP = re.compile(r"\d{3}(?:\.\d*)?")
#: A value with a leading zero (050): never how a number is written, but how the rest of 1,050 reads.
_LEADING_ZERO = re.compile(r"0\d{2}(?:\.\d*)?")

Row = tuple[int, list[str]]  # (physical line, cells)


def header_below_title(first: Row, rows: Iterator[Row]) -> tuple[Row, list[Row]]:
    """The header row and the title rows above it (none when ``first`` is the header).

    When the first non-empty row names no known column at all, up to
    :data:`TITLE_ROWS` rows below it are searched for one that names at least
    :data:`HEADER_NAMES`.  Data rows are never read: the search stops at the
    header, and a first row that is a header (even a faulty one) is kept.
    """
    if recognised_columns(first[1]):
        return first, []
    skipped = [first]
    for candidate in itertools.islice(rows, TITLE_ROWS):
        if recognised_columns(candidate[1]) >= HEADER_NAMES:
            return candidate, skipped
        skipped.append(candidate)
    return first, []


def title_note(skipped: list[Row], header_line: int) -> Text:
    """The PC407 note that says which rows above the header were skipped, and what they said."""
    first_line, last_line = skipped[0][0], skipped[-1][0]
    lines = (msg("PC407.line", first=first_line) if first_line == last_line
             else msg("PC407.lines", first=first_line, last=last_line))
    cells = join([excerpt(" ".join(c.strip() for c in row if c.strip()), 40) for _line, row in skipped],
                 en="; ", zh="；")
    return msg("PC407.title", lines=lines, cells=cells, line=header_line)


def extra_cell(row: list[str], width: int, extra: int) -> tuple[int, Text]:
    """(1-based column, message) of a row with more cells than the header, ``extra`` its first surplus
    cell that is not empty: a number split at an unquoted separator is named as such, at its start."""
    split = split_thousands(row, len(row) - width)
    if split is None:
        return extra + 1, msg("PC402.extra-cell", count=len(row), width=width, cell=excerpt(row[extra]))
    index, number = split
    return index + 1, msg("PC402.split-number", count=len(row), width=width, first=excerpt(row[index]),
                          second=excerpt(row[index + 1]), number=number, plain=number.replace(",", ""))


def shifted_tail(row: list[str], index: int) -> Text | None:
    """The PC402 message when the year cell at ``index`` is ``050`` after a cell ``1``: 1,050 split
    at an unquoted thousands separator, the cells after it shifted one year to the right."""
    number = thousands_tail(row, index)
    if number is None:
        return None
    return msg("PC402.leading-zero", cell=excerpt(row[index]), before=excerpt(row[index - 1]),
               number=number, plain=number.replace(",", ""))


def split_thousands(row: list[str], extra: int) -> tuple[int, str] | None:
    """(index, number) where the ``extra`` surplus cells of a row are groups of one number
    split at unquoted thousands separators: ``1,050`` read as the cells ``1`` and ``050``."""
    for index in range(len(row) - extra):
        if _SPLIT_HEAD.fullmatch(row[index].strip()) and all(
                _SPLIT_GROUP.fullmatch(row[index + k].strip()) for k in range(1, extra + 1)):
            return index, ",".join(cell.strip() for cell in row[index:index + extra + 1])
    return None


def thousands_tail(row: list[str], index: int) -> str | None:
    """The number (``1,050``) when the cell at ``index`` is ``050`` after a cell ``1``: a number
    split at an unquoted thousands separator, its cells shifted one column to the right."""
    if index <= 0 or not _LEADING_ZERO.fullmatch(row[index].strip()):
        return None
    before = row[index - 1].strip()
    return f"{before},{row[index].strip()}" if _SPLIT_HEAD.fullmatch(before) else None
