"""An explanations file to rows: CSV (any encoding an actuals CSV may have) or YAML.

Both end as :class:`NoteRow` objects (the canonical column of each cell and
where it is), so the checks of :mod:`policycheck.actuals.notes_resolve` are the
same for every format.  :func:`rows_from_table` takes a header and numbered
rows: a workbook reader hands its sheet to it the same way the CSV reader does.
Nothing raises for bad input; every problem is a finding at ``FILE:LINE:COL``.
"""
from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from policycheck.actuals.notes_columns import (
    MARKERS,
    NOTE_ALIASES,
    REQUIRED,
    canonical,
    is_notes_header,
)
from policycheck.findings import ERROR, WARNING, Finding, excerpt

YAML_SUFFIXES = (".yaml", ".yml")
#: Top-level keys under which a YAML explanations file may hold its list.
YAML_LIST_KEYS = ("explanations", "notes", "说明")
#: How much of a CSV file the column sniff reads: a header row is far shorter.
_SNIFF_BYTES = 64 * 1024


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell's text (stripped) and where it is (1-based line and column)."""

    text: str
    line: int
    column: int


@dataclass(frozen=True, slots=True)
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


@dataclass
class NotesRead:
    rows: list[NoteRow] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def is_notes_file(path: str) -> bool:
    """Whether ``path`` among the ``-a`` files is an explanations file, not actuals.

    YAML is always explanations (actuals are CSV).  A CSV file is when its
    header row has a cause (原因) or measures (措施) column; only the start of
    the file is read, so a large actuals file costs nothing here.  A file that
    cannot be read is left to the actuals reader, which says why.
    """
    if path.lower().endswith(YAML_SUFFIXES):
        return True
    try:
        with open(path, "rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError:
        return False
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


def read_notes_file(path: str, *, encoding: str = "auto") -> NotesRead:
    """Read one explanations file (CSV or YAML, by its suffix)."""
    if path.lower().endswith(YAML_SUFFIXES):
        return _read_yaml(path)
    return _read_csv(path, encoding)


# --------------------------------------------------------------------------
# CSV and other tables


def _read_csv(path: str, encoding: str) -> NotesRead:
    from policycheck.actuals.encoding import choose_encoding

    decoded = choose_encoding(path, encoding)
    if decoded.encoding is None:
        finding = decoded.finding
        message = finding.message if finding is not None else "cannot decode the file"
        return NotesRead(findings=[Finding("PC500", ERROR, path, 0, 0, message)])
    numbered: list[tuple[int, list[str]]] = []
    last = 0  # the physical line where the last row ended (quoted cells may span lines)
    try:
        with open(path, encoding=decoded.encoding, newline="") as handle:
            reader = csv.reader(handle, strict=True)
            for row in reader:
                numbered.append((last + 1, row))
                last = reader.line_num
    except (OSError, UnicodeError, csv.Error) as exc:
        return NotesRead(findings=[Finding("PC500", ERROR, path, last + 1, 0,
                                           f"cannot read the CSV ({decoded.encoding}): {exc}")])
    for index, (line, header) in enumerate(numbered):
        if any(cell.strip() for cell in header):
            return rows_from_table(path, header, line, numbered[index + 1:])
    return NotesRead(findings=[Finding("PC501", ERROR, path, 1, 0, "no header row: the file has only empty lines")])


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
            read.findings.append(Finding(
                "PC503", ERROR, path, line, extra + 1,
                f"row has {len(row)} fields but the header has {width}: unexpected cell {excerpt(row[extra])} "
                "(a comma inside a cell must be quoted)"))
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
                findings.append(Finding("PC505", WARNING, path, line, index + 1,
                                        f"column {excerpt(raw)} ignored: not a column of an explanations file "
                                        f"(known: {', '.join(NOTE_ALIASES)})"))
            continue
        if name in columns:
            findings.append(Finding("PC505", WARNING, path, line, index + 1,
                                    f"column {excerpt(raw)} ignored: column {columns[name] + 1} is already "
                                    f"the {name!r} column"))
            continue
        columns[name] = index
    missing = [name for name in REQUIRED if name not in columns]
    if not MARKERS & set(columns):
        missing.append("cause or measures")
    if missing:
        names = ", ".join(_with_aliases(name) for name in missing)
        findings.append(Finding("PC501", ERROR, path, line, 0,
                                f"missing required column {names}; an explanations file needs target, year "
                                "and a cause (原因) or measures (措施) column"))
        return None
    return columns


def _with_aliases(name: str) -> str:
    if name not in NOTE_ALIASES:
        return repr(name)
    return f"{name!r} [{', '.join(NOTE_ALIASES[name][1:])}]"


# --------------------------------------------------------------------------
# YAML

#: An explanations file is a short hand-written list: anything larger is not one.
MAX_YAML_BYTES = 10 * 1024 * 1024


def _read_yaml(path: str) -> NotesRead:
    """A list of mappings, at the top or under ``explanations:`` (``notes:``, ``说明:``).

    The file is composed into YAML nodes, never constructed: a tag such as
    ``!!python/object`` stays text, and every node keeps its line and column.
    """
    import yaml

    read = NotesRead()
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_YAML_BYTES + 1)
    except OSError as exc:
        read.findings.append(Finding("PC500", ERROR, path, 0, 0, f"cannot read the file: {exc.strerror or exc}"))
        return read
    if len(raw) > MAX_YAML_BYTES:
        read.findings.append(Finding("PC500", ERROR, path, 0, 0, "the file is over 10 MiB: not an explanations file"))
        return read
    try:
        text = raw.decode("utf-8-sig")
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except UnicodeDecodeError as exc:
        read.findings.append(Finding("PC500", ERROR, path, 0, 0, f"not UTF-8 text at byte {exc.start}"))
        return read
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        read.findings.append(Finding("PC500", ERROR, path, line, column, f"cannot parse the YAML: {exc.problem}"))
        return read
    except yaml.YAMLError as exc:
        read.findings.append(Finding("PC500", ERROR, path, 1, 1, f"cannot parse the YAML: {exc}"))
        return read
    items = _yaml_list(path, root, read.findings)
    for item in items:
        if not isinstance(item, yaml.MappingNode):
            line, column = _mark(item)
            read.findings.append(Finding("PC500", ERROR, path, line, column,
                                         "expected a mapping with target, year, 原因 (cause) and 措施 (measures)"))
            continue
        row = _yaml_row(path, item, read.findings)
        if row is not None:
            read.rows.append(row)
    return read


def _yaml_list(path: str, root: Any, findings: list[Finding]) -> list[Any]:
    """The items of the list of explanations; [] (with a finding) when there is none."""
    import yaml

    if root is None:
        return []
    node = root
    if isinstance(root, yaml.MappingNode):
        found = next((value for key, value in root.value
                      if isinstance(key, yaml.ScalarNode) and key.value in YAML_LIST_KEYS), None)
        if found is None:
            line, column = _mark(root)
            findings.append(Finding("PC500", ERROR, path, line, column,
                                    "expected a list of explanations, at the top of the file or under "
                                    f"one of the keys {', '.join(YAML_LIST_KEYS)}"))
            return []
        node = found
    if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null"):
        return []
    if not isinstance(node, yaml.SequenceNode):
        line, column = _mark(node)
        findings.append(Finding("PC500", ERROR, path, line, column,
                                "expected a list of explanations (one '- target: ...' item each)"))
        return []
    return list(node.value)


def _mark(node: Any) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _yaml_row(path: str, item: Any, findings: list[Finding]) -> NoteRow | None:
    import yaml

    line, column = _mark(item)
    cells: dict[str, Cell] = {}
    for key_node, value_node in item.value:
        key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else ""
        key_line, key_column = _mark(key_node)
        name = canonical(key)
        if name == "":
            continue
        if name is None or name in cells:
            why = "not a key of an explanation" if name is None else f"another key is already {name!r}"
            findings.append(Finding("PC505", WARNING, path, key_line, key_column,
                                    f"key {excerpt(key)} ignored: {why} (known: {', '.join(NOTE_ALIASES)})"))
            continue
        value_line, value_column = _mark(value_node)
        if not isinstance(value_node, yaml.ScalarNode):
            findings.append(Finding("PC503", ERROR, path, value_line, value_column,
                                    f"{key} must be text or a number, not a list or mapping"))
            return None
        text = "" if value_node.tag.endswith(":null") else str(value_node.value).strip()
        cells[name] = Cell(text, value_line, value_column)
    missing = [name for name in REQUIRED if name not in cells]
    if missing:
        findings.append(Finding("PC501", ERROR, path, line, column,
                                f"explanation without {' and '.join(missing)}: each item needs target and year"))
        return None
    return NoteRow(path, line, cells)
