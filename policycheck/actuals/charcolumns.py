"""Character columns of CSV findings, for editors and code-scanning views.

A CSV finding's ``column`` is the field index of its cell (docs/actuals.md):
the 3rd comma-separated cell is column 3, which is what a statistician counts
in Excel.  SARIF and GitHub annotations place a marker on a character of the
line, so there the column must be the cell's first character.  After a file
is read, :func:`add_char_columns` re-reads only the lines that have findings
and records each cell's character column on its finding.
"""
from __future__ import annotations

import io
from collections.abc import Iterator, MutableSequence
from dataclasses import replace

from policycheck.findings import Finding


def field_start(line: str, field: int) -> int:
    """The 1-based character column where field ``field`` (1-based) starts on ``line``,
    reading it as the csv module's default dialect does (``,`` between fields, ``"``
    quotes, ``""`` inside quotes); 0 when the field does not start on this line."""
    if field == 1:
        return 1
    seen, quoted = 1, False
    for index, char in enumerate(line):
        if char == '"':
            quoted = not quoted  # "" inside quotes toggles twice: no net change
        elif char == "," and not quoted:
            seen += 1
            if seen == field:
                return index + 2
        elif char in "\r\n" and not quoted:
            break
    return 0


def add_char_columns(findings: MutableSequence[Finding], path: str, encoding: str, data: bytes) -> None:
    """Set ``char_column`` on the findings of ``path`` (whose bytes are ``data``) that point at a cell.

    The bytes already read are looked at again, never the file: a FIFO or ``-``
    can be read only once (docs/security.md#3-bounded-resources).
    """
    wanted = {f.line for f in findings if f.file == path and f.line > 0 and f.column > 0}
    if not wanted:
        return
    lines = dict(_lines(data, encoding, wanted))
    for index in range(len(findings)):
        finding = findings[index]
        if finding.file == path and finding.line in lines and finding.column > 0:
            findings[index] = replace(finding, char_column=field_start(lines[finding.line], finding.column))


def _lines(data: bytes, encoding: str, wanted: set[int]) -> Iterator[tuple[int, str]]:
    """The physical lines numbered in ``wanted``, counted as the csv reader counts them:
    with ``newline=""`` a text file yields one line per ``\\r\\n``, ``\\r`` or ``\\n``."""
    last = max(wanted)
    with io.TextIOWrapper(io.BytesIO(data), encoding=encoding, newline="", errors="replace") as handle:
        for number, raw in enumerate(handle, start=1):
            if number in wanted:
                yield number, raw
            if number >= last:
                return
