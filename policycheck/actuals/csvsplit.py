"""A CSV file's rows as columns, a chunk at a time, as ``csv.reader`` reads them (docs/performance.md#reading).

The bulk reader (:mod:`policycheck.actuals.bulkcsv`) wants columns, not rows,
and only files whose every row is one line as wide as the header.  A UTF-8
chunk without a quote character is split with ``str.split`` in C, which for
such text gives exactly the cells ``csv.reader`` gives (the default dialect
treats nothing but ``,``, ``"`` and line ends specially); a chunk with a quote,
and any file in another encoding, goes through ``csv.reader`` itself.
:class:`Unsplit` says the file is not of that kind; the row reader then reads it.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from itertools import islice

#: Bytes per chunk: about a thousand rows of a national file, whose cells then stay in the CPU's cache.
CHUNK_BYTES = 32_768
#: Rows per chunk when ``csv.reader`` reads them.
CHUNK_ROWS = 1024
_SPLIT = ("utf-8", "utf-8-sig")
_NOT_SHAPE = bytes(byte for byte in range(256) if byte not in b",\n")  # deleted from a chunk's bytes

Columns = list[Sequence[str]]


class Unsplit(Exception):
    """A row that is not one line as wide as the header (or a header not alone on line 1)."""


def header(data: bytes, encoding: str) -> list[str]:
    """The cells of line 1, which must be the header's only line."""
    end = data.find(b"\n")
    line = (data if end < 0 else data[:end + 1]).decode(encoding)
    if "\r" in line.rstrip("\r\n") or "\x00" in line:
        raise Unsplit
    reader = csv.reader([line], strict=True)
    cells = next(reader, None)
    if cells is None or next(reader, None) is not None:
        raise Unsplit
    return cells


def chunks(data: bytes, encoding: str, width: int) -> Iterator[Columns]:
    """The rows after the header, a chunk at a time, as columns; Unsplit at the first row that
    is not one line of ``width`` cells."""
    if encoding not in _SPLIT:
        yield from _read_chunks(data, encoding, width)
        return
    position = data.find(b"\n") + 1
    if not position:
        return
    while position < len(data):
        end = data.find(b"\n", min(position + CHUNK_BYTES, len(data) - 1))
        if end < 0:
            end = len(data)
        piece = data[position:end]
        text = piece.decode("utf-8")  # a line end never falls inside a UTF-8 character
        position = end + 1
        if '"' in text:
            yield _quoted(text, width)
            continue
        if "\r" in text:
            text = text.replace("\r\n", "\n")
            if text.endswith("\r"):  # the \r of the \r\n that ends the chunk
                text = text[:-1]
            if "\r" in text:
                raise Unsplit  # a line ended by \r alone: csv.reader's line count differs
        if "\x00" in text:
            raise Unsplit
        # The separators and line ends alone (neither byte occurs inside a UTF-8 character): each
        # row must be width - 1 commas and a line end, so no blank line and no row of another width.
        shape = piece.translate(None, _NOT_SHAPE)
        row = b"," * (width - 1)
        if shape != (row + b"\n") * shape.count(b"\n") + row:
            raise Unsplit  # the row reader says which row, and what is wrong with it
        cells = text.replace("\n", ",").split(",")
        yield [cells[column::width] for column in range(width)]


def _quoted(text: str, width: int) -> Columns:
    """A chunk with a quote character, through ``csv.reader``: each row must still be one line."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows = list(reader)
    if reader.line_num != len(rows) or len(rows) != text.count("\n") + 1:
        raise Unsplit  # a quoted cell over several lines, or a blank line
    return _columns(rows, width)


def _read_chunks(data: bytes, encoding: str, width: int) -> Iterator[Columns]:
    """Any other encoding: ``csv.reader`` over the decoded stream, a chunk of rows at a time."""
    with io.TextIOWrapper(io.BytesIO(data), encoding=encoding, newline="") as handle:
        rows = csv.reader(handle, strict=True)
        next(rows, None)  # the header
        last = rows.line_num
        while chunk := list(islice(rows, CHUNK_ROWS)):
            first, last = last, rows.line_num
            if last - first != len(chunk):
                raise Unsplit  # a blank line, or a quoted cell over several lines
            yield _columns(chunk, width)


def _columns(rows: list[list[str]], width: int) -> Columns:
    try:
        columns: Columns = list(zip(*rows, strict=True))
    except ValueError:
        raise Unsplit from None  # rows of different widths
    if len(columns) != width:
        raise Unsplit
    return columns
