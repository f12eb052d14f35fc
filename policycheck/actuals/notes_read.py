"""An explanations file to rows: CSV (any encoding an actuals CSV may have), YAML or a workbook sheet.

All end as :class:`NoteRow` objects (the canonical column of each cell and
where it is), so the checks of :mod:`policycheck.actuals.notes_resolve` are the
same for every format.  :func:`rows_from_table` takes a header and numbered
rows: a workbook reader hands its sheet to it the same way the CSV reader does.
Nothing raises for bad input; every problem is a finding at ``FILE:LINE:COL``.
"""
from __future__ import annotations

import csv
import io
import os
from typing import TYPE_CHECKING

from policycheck.actuals.notes_columns import is_notes_header
from policycheck.findings import ERROR, Finding, split_sheet
from policycheck.inputs import DEFAULT_MAX_BYTES
from policycheck.messages import Text, msg

if TYPE_CHECKING:  # the readers import it when they run: a check only asks is_notes_file of its -a files
    from policycheck.actuals.notes_rows import NotesRead

YAML_SUFFIXES = (".yaml", ".yml")
#: How much of a CSV file the column sniff reads: a header row is far shorter.
_SNIFF_BYTES = 64 * 1024


def is_notes_file(path: str) -> bool:
    """Whether ``path`` among the ``-a`` files is an explanations file, not actuals.

    YAML is always explanations (actuals are CSV or workbooks).  A CSV file is
    when its header row has a cause (原因) or measures (措施) column; only the
    start of the file is read, through the one bounded reader, so a large
    actuals file costs nothing here.  A sheet named as ``BOOK#SHEET`` is when
    its header row has one; a whole workbook is when some sheet's header has one
    and no sheet is of actuals alone (a workbook with both is actuals: give its
    explanations sheet with ``--notes BOOK#SHEET``).  Anything but a regular
    file (``-``, a FIFO, ``<(...)``) is left to the actuals reader: it can be
    read only once (docs/security.md).  A file that cannot be read is left to
    the actuals reader too, which says why.
    """
    if path.lower().endswith(YAML_SUFFIXES):
        return True
    from policycheck.actuals.filetype import is_workbook

    book, _sheet = split_sheet(path)
    workbook = is_workbook(path)  # may open the file for its first bytes: once
    if not (os.path.isfile(path) or (workbook and os.path.isfile(book))):
        return False
    if workbook:  # a sheet named as BOOK#SHEET, or a workbook whose sheets are all explanations
        from policycheck.actuals.notes_workbook import is_notes_book, is_notes_sheet

        return is_notes_sheet(path) or is_notes_book(path)
    from policycheck.inputs import read_input

    got = read_input(path, _SNIFF_BYTES, head=_SNIFF_BYTES)
    return got.data is not None and _csv_head_is_notes(got.data)


def is_notes_data(path: str, data: bytes) -> bool:
    """:func:`is_notes_file` for an input already read (``validate`` reads each file once)."""
    if path.lower().endswith(YAML_SUFFIXES):
        return True
    from policycheck.actuals.filetype import is_workbook

    if is_workbook(path, data):
        from policycheck.actuals.notes_workbook import is_notes_book, is_notes_sheet

        return is_notes_sheet(path, data) or is_notes_book(path, data)
    return _csv_head_is_notes(data[:_SNIFF_BYTES])


def _csv_head_is_notes(head: bytes) -> bool:
    text = _decode_head(head)
    for line in text.splitlines():
        if line.strip():
            try:
                header = next(csv.reader([line]))
            except csv.Error:
                return False
            return is_notes_header(header)
    return False


def _decode_head(head: bytes) -> str:
    for encoding in ("utf-8-sig", "utf-16", "gb18030"):
        if encoding == "utf-16" and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        try:
            return head.decode(encoding)
        except UnicodeDecodeError:
            # The sniff may cut a character in two: decode what is whole.
            try:
                return head[:-4].decode(encoding)
            except UnicodeDecodeError:
                continue
    return ""


def read_notes_file(path: str, *, encoding: str = "auto", max_bytes: int = DEFAULT_MAX_BYTES,
                    data: bytes | None = None) -> NotesRead:
    """Read one explanations file: YAML by its suffix, a workbook (``BOOK`` or ``BOOK#SHEET``), else CSV.

    The file is read once, at most ``max_bytes`` (:mod:`policycheck.inputs`; ``-`` is standard
    input), unless ``data`` holds its bytes already.
    """
    from policycheck.actuals.notes_rows import NotesRead

    if data is None:
        from policycheck.actuals.load import input_bytes

        got = input_bytes(path, max_bytes)
        if got.data is None:
            return NotesRead(findings=[Finding.of("PC600", ERROR, path, 0, 0, msg(
                "PC600.decode", reason=got.problem or msg("PC400.read", error="?")))])
        data = got.data
    if path.lower().endswith(YAML_SUFFIXES):
        from policycheck.actuals.notes_yaml import read_yaml_notes

        return read_yaml_notes(path, data)
    from policycheck.actuals.filetype import is_workbook

    if is_workbook(path, data):
        from policycheck.actuals.notes_workbook import read_notes_workbook

        return read_notes_workbook(path, data)
    return _read_csv(path, encoding, data)


# --------------------------------------------------------------------------
# CSV and other tables


def _read_csv(path: str, encoding: str, data: bytes) -> NotesRead:
    from policycheck.actuals.encoding import choose_encoding
    from policycheck.actuals.notes_rows import NotesRead, rows_from_table

    decoded = choose_encoding(path, encoding, data)
    if decoded.encoding is None:
        finding = decoded.finding
        reason = (Text(finding.message, finding.message_zh or finding.message) if finding is not None
                  else msg("PC400.read", error="?"))
        return NotesRead(findings=[Finding.of("PC600", ERROR, path, 0, 0, msg("PC600.decode", reason=reason))])
    numbered: list[tuple[int, list[str]]] = []
    last = 0  # the physical line where the last row ended (quoted cells may span lines)
    try:
        with io.TextIOWrapper(io.BytesIO(data), encoding=decoded.encoding, newline="") as handle:
            reader = csv.reader(handle, strict=True)
            for row in reader:
                numbered.append((last + 1, row))
                last = reader.line_num
    except (OSError, UnicodeError, csv.Error) as exc:
        return NotesRead(findings=[Finding.of("PC600", ERROR, path, last + 1, 0,
                                              msg("PC600.csv", encoding=decoded.encoding, error=exc))])
    for index, (line, header) in enumerate(numbered):
        if any(cell.strip() for cell in header):
            return rows_from_table(path, header, line, numbered[index + 1:])
    return NotesRead(findings=[Finding.of("PC601", ERROR, path, 1, 0, msg("PC601.empty"))])


