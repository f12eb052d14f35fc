"""Actual statistics from CSV files (docs/actuals.md): rows -> observations by series and year.

``read_actuals`` never raises for bad input: every problem becomes a finding
in ``Actuals.findings`` (PC400..PC410, PC412, PC413; PC411 is evaluation's) at
``FILE:LINE:COL``, where LINE is the physical line of the file and COL the
1-based *field* index of the cell.  ``load_actuals`` raises
:class:`ActualsError` when any finding is an error.

Each file is read once through the bounded reader of :mod:`policycheck.inputs`.
A CSV file whose every row is plain is taken by the Arrow reader of
:mod:`policycheck.actuals.fastcsv` when ``--reader`` wants it, else by the bulk
reader of :mod:`policycheck.actuals.bulkcsv`; any other file's rows stream from
``csv.reader`` (or a workbook's sheets) into the row reader of
:mod:`policycheck.actuals.rowreader`, which gives the findings
(docs/performance.md#reading).
"""
from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Sequence

from policycheck.actuals.bulkcsv import read_bulk
from policycheck.actuals.charcolumns import add_char_columns
from policycheck.actuals.dense import StoredSeries
from policycheck.actuals.encoding import choose_encoding, reading_error
from policycheck.actuals.fastcsv import read_fast, wants_fast
from policycheck.actuals.filetype import is_workbook
from policycheck.actuals.period_rows import Rows
from policycheck.actuals.plausible import plausibility_findings
from policycheck.actuals.resolve import Resolver
from policycheck.actuals.rowreader import FileReader
from policycheck.actuals.scale import scale_findings
from policycheck.actuals.store import ObservationTable
from policycheck.errors import ActualsError
from policycheck.findings import ERROR, Finding, RuleLimit, has_errors, split_sheet
from policycheck.gcpause import gc_paused
from policycheck.inputs import DEFAULT_MAX_BYTES, InputBytes, input_path, read_input
from policycheck.messages import msg
from policycheck.model import Plan
from policycheck.observations import Actuals, SeriesKey

# A 2 MB cell must reach the value parser (and become PC402), not stop the reader.
csv.field_size_limit(2**31 - 1)
#: Try the bulk reader of :mod:`policycheck.actuals.bulkcsv` before the row reader (tests switch it
#: off to compare the two; the findings and observations are the same either way).
BULK = True


#: One path (a CSV file or a workbook), or several.
Paths = Sequence[str | os.PathLike[str]] | str | os.PathLike[str]


def read_actuals(paths: Paths, *, plans: Sequence[Plan] = (), encoding: str = "auto",
                 allow_unknown: bool = False, sheets: Sequence[str] = (), allow_copies: bool = False,
                 max_bytes: int = DEFAULT_MAX_BYTES, reader: str = "auto") -> Actuals:
    """Read every CSV file and workbook into one :class:`Actuals`; problems become findings.

    With no plans only the structure is checked (decoding, header, numbers,
    years, duplicates) and series are keyed by the plan, target and unit cells.
    A workbook (``data.xlsx``, or one sheet as ``data.xlsx#表1``) is read sheet
    by sheet into the same rows (docs/actuals.md#workbooks); ``sheets`` names
    the sheets to read from workbooks given without one.  ``allow_copies``: a row repeated
    in another file is no PC405 (``validate``: a folder may hold a table in two encodings).
    Each file is read once, at most ``max_bytes`` (:func:`policycheck.inputs.read_input`; ``-``
    is standard input).  ``reader``: "auto" (the Arrow reader for large CSV files when pyarrow is
    installed), "exact" or "fast" (docs/actuals.md#fast-reader); the findings and observations are the same.
    """
    # One path given bare, not a list of its characters.
    files = [paths] if isinstance(paths, (str, os.PathLike)) else paths
    if not hasattr(files, "__iter__"):  # None, a number: say what is expected
        raise TypeError(f"paths must be a list of CSV file paths, not {type(files).__name__}")
    names = [input_path(path, "each path") for path in files]
    return read_actuals_from((input_bytes(name, max_bytes) for name in names), plans=plans, encoding=encoding,
                             allow_unknown=allow_unknown, sheets=sheets, allow_copies=allow_copies, reader=reader)


def input_bytes(name: str, max_bytes: int) -> InputBytes:
    """The bytes of a CSV file; a workbook (or its sheet ``BOOK#SHEET``) is read whole through
    the same bounded reader, so a named device or an oversized book stops at ``max_bytes``."""
    if not is_workbook(name):
        return read_input(name, max_bytes)
    book, sheet = split_sheet(name)
    got = read_input(name if sheet is None or os.path.exists(name) else book, max_bytes)
    return InputBytes(name, got.data, got.problem, got.over_limit, got.size)


def read_actuals_from(inputs: Iterable[InputBytes], *, plans: Sequence[Plan] = (), encoding: str = "auto",
                      allow_unknown: bool = False, sheets: Sequence[str] = (), allow_copies: bool = False,
                      reader: str = "auto") -> Actuals:
    """:func:`read_actuals` of inputs already read (``validate`` reads each file once and
    may check it against several plans)."""
    actuals = Actuals()
    table = ObservationTable()
    views: dict[SeriesKey, StoredSeries] = {}  # shared by the files: a series may span several

    def read_sheet(sheet: str, rows: Rows, first_line: int) -> None:
        _read_rows(sheet, rows, first_line, actuals, table, views, plans=plans, allow_unknown=allow_unknown,
                   allow_copies=allow_copies)

    with gc_paused():
        for got in inputs:
            name = got.path
            actuals.files.append(name)
            if got.data is None:
                problem = got.problem or msg("PC400.read", error="?")
                actuals.findings.append(Finding.of("PC400", ERROR, name, 0, 0, problem))
            elif is_workbook(name, got.data):
                # Imported here: a CSV run never loads the spreadsheet library.
                from policycheck.actuals.workbook.read import read_workbook

                read_workbook(name, actuals.findings, read_sheet, sheets=sheets, data=got.data)
            else:
                _read_file(name, got.data, actuals, table, views, plans=plans, encoding=encoding,
                           allow_unknown=allow_unknown, allow_copies=allow_copies, how=reader)
    actuals.series.update(views)
    actuals.findings.extend(plausibility_findings(plans, actuals))  # series that parse but look misread
    actuals.findings.extend(scale_findings(plans, actuals))  # values orders of magnitude off
    return actuals


def _read_rows(path: str, rows: Rows, first_line: int, actuals: Actuals, table: ObservationTable,
               views: dict[SeriesKey, StoredSeries], *, plans: Sequence[Plan], allow_unknown: bool,
               allow_copies: bool = False) -> None:
    """Rows of text cells from another source than a CSV file (a sheet of a workbook),
    read exactly as the rows of a CSV file: ``rows`` has a ``line_num`` attribute
    (the number of the row last given) and starts at line ``first_line``."""
    reader = _start_file(path, actuals, table, views, plans=plans, allow_unknown=allow_unknown,
                         allow_copies=allow_copies)
    reader.last_line = first_line - 1
    reader.read(rows)
    _finish_file(path, actuals, reader)


def _start_file(path: str, actuals: Actuals, table: ObservationTable, views: dict[SeriesKey, StoredSeries], *,
                plans: Sequence[Plan], allow_unknown: bool, allow_copies: bool) -> FileReader:
    """The row reader of one file or sheet, whose rows join ``table`` and ``views``."""
    table.start_file(path)
    resolver = Resolver(plans, views, table, allow_unknown=allow_unknown)
    return FileReader(path, actuals, resolver, table, RuleLimit(), allow_copies=allow_copies)


def _finish_file(path: str, actuals: Actuals, reader: FileReader) -> None:
    """After the last row: the file's unresolved keys and capped rules become findings."""
    reader.release()
    for problem in reader.resolver.problems.values():
        reader.report(problem.finding(path))
    actuals.findings.extend(reader.limit.summaries())


def load_actuals(paths: Paths, *, plans: Sequence[Plan] = (), encoding: str = "auto",
                 allow_unknown: bool = False, sheets: Sequence[str] = (),
                 max_bytes: int = DEFAULT_MAX_BYTES, reader: str = "auto") -> Actuals:
    """:func:`read_actuals`, raising :class:`ActualsError` when any finding is an error."""
    actuals = read_actuals(paths, plans=plans, encoding=encoding, allow_unknown=allow_unknown, sheets=sheets,
                           max_bytes=max_bytes, reader=reader)
    if has_errors(actuals.findings):
        raise ActualsError(actuals.findings)
    return actuals


def _read_file(path: str, data: bytes, actuals: Actuals, table: ObservationTable,
               views: dict[SeriesKey, StoredSeries], *, plans: Sequence[Plan], encoding: str,
               allow_unknown: bool, allow_copies: bool, how: str) -> None:
    decoded = choose_encoding(path, encoding, data)
    if decoded.encoding is None:
        if decoded.finding is not None:
            actuals.findings.append(decoded.finding)
        return
    if (not allow_copies and wants_fast(how, len(data))
            and read_fast(path, data, decoded.encoding, table, views, plans=plans, allow_unknown=allow_unknown)):
        return  # every row plain: stored as the row reader would store it, from the same bytes
    if not allow_copies and BULK and read_bulk(path, data, decoded.encoding, views, plans=plans,
                                               allow_unknown=allow_unknown):
        return  # every row plain: a dense block (docs/performance.md#reading), as the row reader would read it
    reader = _start_file(path, actuals, table, views, plans=plans, allow_unknown=allow_unknown,
                         allow_copies=allow_copies)
    rows = None
    try:
        # The bytes already read, decoded as a stream: BytesIO shares them, no copy.
        with io.TextIOWrapper(io.BytesIO(data), encoding=decoded.encoding, newline="") as handle:
            # strict: an unclosed quote must not swallow the rest of the file into one cell.
            rows = csv.reader(handle, strict=True)
            reader.read(rows)
    except (OSError, UnicodeError, csv.Error) as exc:
        # The csv module gave up (a stream decoder may also fail where the trial did not).
        line = rows.line_num if rows is not None else 0
        actuals.findings.append(Finding.of("PC400", ERROR, path, line, 0, reading_error(exc, decoded.encoding)))
    _finish_file(path, actuals, reader)
    add_char_columns(actuals.findings, path, decoded.encoding, data)
