"""An explanations file as rows: each cell's canonical column and where it is, from a header and numbered rows.

Every reader ends here (CSV, a workbook sheet) or builds the same :class:`NoteRow`
objects (YAML), so :mod:`policycheck.actuals.notes_resolve` checks them the
same way whatever the file was.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import field

from policycheck.actuals.notes_columns import MARKERS, NOTE_ALIASES, REQUIRED, canonical
from policycheck.findings import ERROR, WARNING, Finding, excerpt
from policycheck.messages import Text, join, msg
from policycheck.records import record


@record(frozen=True, slots=True)
class Cell:
    """One cell's text (stripped) and where it is (1-based line and column)."""

    text: str
    line: int
    column: int


@record(frozen=True, slots=True)
class NoteRow:
    """One row of an explanations file: its canonical columns' cells."""

    file: str
    line: int
    cells: Mapping[str, Cell]

    def text(self, column: str) -> str:
        cell = self.cells.get(column)
        return cell.text if cell is not None else ""

    def where(self, column: str) -> tuple[int, int]:
        """The line and column of a cell; the row's line when the column is absent."""
        cell = self.cells.get(column)
        return (cell.line, cell.column) if cell is not None else (self.line, 0)


@record
class NotesRead:
    rows: list[NoteRow] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def rows_from_table(path: str, header: Sequence[str], header_line: int,
                    rows: Iterable[tuple[int, Sequence[str]]]) -> NotesRead:
    """Rows of a table (CSV, or a workbook sheet) under ``header`` at ``header_line``.

    Column numbers are 1-based positions in the row.  An empty row is skipped;
    a row with a non-empty cell beyond the header is a finding; a shorter row
    is padded with empty cells, as spreadsheets write them.
    """
    read = NotesRead()
    columns = _header_columns(path, header, header_line, read.findings)
    if columns is None:
        return read
    width = len(header)
    for line, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        extra = next((i for i in range(width, len(row)) if row[i].strip()), None)
        if extra is not None:
            read.findings.append(Finding.of("PC603", ERROR, path, line, extra + 1, msg(
                "PC603.extra-cell", fields=len(row), width=width, cell=excerpt(row[extra]))))
            continue
        cells = {name: Cell(row[i].strip() if i < len(row) else "", line, i + 1) for name, i in columns.items()}
        read.rows.append(NoteRow(path, line, cells))
    return read


def _header_columns(path: str, header: Sequence[str], line: int, findings: list[Finding]) -> dict[str, int] | None:
    """canonical column -> 0-based index; None (with a finding) when a required column is missing."""
    columns: dict[str, int] = {}
    for index, raw in enumerate(header):
        name = canonical(raw)
        if name == "":
            continue
        if name is None:
            if raw.strip():
                findings.append(Finding.of("PC605", WARNING, path, line, index + 1, msg(
                    "PC605.unknown-column", column=excerpt(raw), known=", ".join(NOTE_ALIASES))))
            continue
        if name in columns:
            findings.append(Finding.of("PC605", WARNING, path, line, index + 1, msg(
                "PC605.repeated-column", column=excerpt(raw), first=columns[name] + 1, name=repr(name))))
            continue
        columns[name] = index
    missing: list[Text | str] = [_with_aliases(name) for name in REQUIRED if name not in columns]
    if not MARKERS & set(columns):
        missing.append(msg("PC601.cause-or-measures"))
    if missing:
        findings.append(Finding.of("PC601", ERROR, path, line, 0, msg("PC601.missing", names=join(missing))))
        return None
    return columns


def _with_aliases(name: str) -> str:
    if name not in NOTE_ALIASES:
        return repr(name)
    return f"{name!r} [{', '.join(NOTE_ALIASES[name][1:])}]"

