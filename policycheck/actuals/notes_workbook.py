"""Explanations in a workbook sheet (docs/reports.md#explanations): the sheet's rows, read as a CSV file's.

The workbook goes through the same reader as a workbook of actuals
(:mod:`policycheck.actuals.workbook.read`: size limits, macros and links
refused or reported, merged cells filled, numbers as shown), which hands each
sheet's rows to :func:`policycheck.actuals.notes_read.rows_from_table`.  A
sheet's header is the first of its top rows with a cause (原因) or measures
(措施) column, so title rows above it are skipped.  ``BOOK#SHEET`` reads one
sheet; ``BOOK`` every sheet that has such a header (the others are named in
a warning, and a workbook with none is an error).
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from policycheck.actuals.notes_columns import is_notes_header
from policycheck.actuals.notes_rows import NotesRead, rows_from_table
from policycheck.findings import ERROR, WARNING, Finding, split_sheet
from policycheck.messages import Text, msg

#: How far below the top of a sheet its header row is looked for, as for actuals.
HEADER_SEARCH_ROWS = 30


def read_notes_workbook(path: str, data: bytes) -> NotesRead:
    """Every explanations sheet of the workbook ``path`` (``BOOK`` or ``BOOK#SHEET``) whose bytes,
    read once and bounded (:mod:`policycheck.inputs`), are ``data``."""
    from policycheck.actuals.workbook.limits import WorkbookRefused
    from policycheck.actuals.workbook.read import read_workbook
    from policycheck.actuals.workbook.scan import scan_workbook

    book, chosen = split_sheet(path)
    read = NotesRead()
    if chosen is not None and not os.path.exists(path):
        names = [chosen]
    else:
        try:
            names = list(scan_workbook(path, data).sheets)
        except WorkbookRefused as exc:
            return NotesRead(findings=[Finding.of("PC600", ERROR, path, 0, 0, msg("PC600.refused", reason=exc.text))])
        book = path
    skipped: list[str] = []
    for name in names:
        def take(label: str, rows: Iterable[list[str]], first_line: int, name: str = name) -> None:
            if not _read_sheet(label, rows, first_line, read):
                skipped.append(name)

        read_workbook(f"{book}#{name}", read.findings, take, data=data)
    if chosen is None or os.path.exists(path):
        _say_skipped(book, names, skipped, read.findings)
    elif skipped:
        read.findings.append(Finding.of("PC601", ERROR, path, 0, 0, _no_header()))
    return read


def _no_header() -> Text:
    return msg("PC601.no-header", rows=HEADER_SEARCH_ROWS)


def _read_sheet(label: str, rows: Iterable[list[str]], first_line: int, read: NotesRead) -> bool:
    """Read one sheet into ``read``; False when none of its top rows is an explanations header."""
    numbered = _numbered(rows, first_line)
    for index, (line, row) in enumerate(numbered):
        if index >= HEADER_SEARCH_ROWS:
            return False
        if is_notes_header(row):
            found = rows_from_table(label, row, line, numbered)
            read.rows.extend(found.rows)
            read.findings.extend(found.findings)
            return True
    return False


def _numbered(rows: Iterable[list[str]], first_line: int) -> Iterator[tuple[int, list[str]]]:
    """Each row with its sheet row number (the rows start at ``first_line``)."""
    for offset, row in enumerate(rows):
        yield first_line + offset, row


def _say_skipped(book: str, names: list[str], skipped: list[str], findings: list[Finding]) -> None:
    if len(skipped) == len(names):
        findings.append(Finding.of("PC601", ERROR, book, 0, 0, msg("PC601.no-sheet", why=_no_header())))
        return
    for name in skipped:
        findings.append(Finding.of("PC605", WARNING, book, 0, 0, msg("PC605.sheet", name=repr(name), why=_no_header())))


def is_notes_book(path: str, data: bytes | None = None) -> bool:
    """Whether a whole workbook among the ``-a`` files (or in a folder ``validate`` reads) is one of
    explanations: some sheet has an explanations header and no sheet has a header of actuals only.

    A sheet of explanations names its target, year and figures too (实际值), so it
    would pass for actuals; its 原因 or 措施 column says what it is.  A workbook that
    holds both kinds of sheet stays actuals: give its explanations with ``--notes BOOK#SHEET``.
    """
    from policycheck.actuals.header import recognised_columns
    from policycheck.actuals.workbook.limits import WorkbookRefused
    from policycheck.actuals.workbook.read import read_workbook
    from policycheck.actuals.workbook.scan import scan_workbook

    _book, chosen = split_sheet(path)
    if chosen is not None and not os.path.exists(path):
        return False
    if data is None:
        from policycheck.inputs import read_input

        data = read_input(path).data
        if data is None:
            return False  # the actuals reader says why
    try:
        names = list(scan_workbook(path, data).sheets)
    except WorkbookRefused:
        return False  # the actuals reader says why
    kinds: list[str] = []

    def peek(label: str, rows: Iterable[list[str]], first_line: int) -> None:
        for index, row in enumerate(rows):
            if index >= HEADER_SEARCH_ROWS:
                return
            if is_notes_header(row):
                kinds.append("notes")
                return
            if recognised_columns(row) >= 2:
                kinds.append("actuals")
                return
    # every sheet by name (a whole book would hand over only sheets of actuals), in one pass
    read_workbook(path, [], peek, sheets=names, data=data)
    return "notes" in kinds and "actuals" not in kinds


def is_notes_sheet(path: str, data: bytes | None = None) -> bool:
    """Whether ``BOOK#SHEET`` among the ``-a`` files names a sheet of explanations."""
    from policycheck.actuals.workbook.read import read_workbook

    _book, chosen = split_sheet(path)
    if chosen is None or os.path.exists(path):
        return False
    found: list[bool] = []

    def peek(label: str, rows: Iterable[list[str]], first_line: int) -> None:
        for index, row in enumerate(rows):
            if index >= HEADER_SEARCH_ROWS:
                break
            if any(cell.strip() for cell in row):
                found.append(is_notes_header(row))
                if found[-1]:
                    return
    read_workbook(path, [], peek, data=data)
    return any(found)
