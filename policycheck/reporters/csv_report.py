"""The ``csv`` format: one row per result for Excel, UTF-8 with a BOM.

The header row holds the JSON field names of docs/reports.md#json, nested fields
flattened with dots (``location.file``, ``baseline.year``).  Lists are joined
with ``;`` (``responsible``, a ``between`` target value ``lo;hi``); the
history of annual and growth targets is compact text ``2021:61:met;...``;
``path`` and ``observed`` (chart data) and ``reason_args`` are left out: they
are in the JSON report and would only widen the sheet.  Numbers keep full precision; ``true``
and ``false`` are written as in JSON; an empty cell is null.

Text cells that start with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return get a leading ``'`` so a spreadsheet does not run them as formulas
(CSV injection); numbers are never touched, so a gap of -0.06 stays a number.
The ``units`` command writes one row per unit shortfall instead.
"""
from __future__ import annotations

import csv
import dataclasses
import io
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from policycheck.model import Result
from policycheck.reporters import RenderOptions
from policycheck.textsafe import spreadsheet_text

if TYPE_CHECKING:
    from policycheck.model import Report

BOM = "\ufeff"
#: Chart data and the reason's arguments: in the JSON report, not in the sheet.
_LEFT_OUT = frozenset({"path", "observed", "reason_args", "months"})
#: Columns of in-year results (docs/evaluation.md#in-year): only in a sheet that has one,
#: so a year-end sheet keeps its columns.
_IN_YEAR = frozenset({"as_of", "actual_period", "basis", "elapsed", "schedule", "schedule_years"})
_NESTED = {"location": ("file", "line", "column"), "baseline": ("year", "value")}
UNIT_COLUMNS = ("responsible_unit", "responsible_name", "role", "plan", "target", "unit", "status", "gap", "count")


def _fields(in_year: bool) -> list[dataclasses.Field[Any]]:
    return [f for f in dataclasses.fields(Result)
            if f.name not in _LEFT_OUT and (in_year or f.name not in _IN_YEAR)]


def result_columns(in_year: bool = False) -> list[str]:
    """The header row: Result fields in JSON order, nested ones flattened."""
    columns: list[str] = []
    for f in _fields(in_year):
        sub = _NESTED.get(f.name)
        columns.extend(f"{f.name}.{s}" for s in sub) if sub else columns.append(f.name)
    return columns


def neutralise(text: str) -> str:
    """Prefix ``'`` to text a spreadsheet would read as a formula; drop control and
    bidi characters (:func:`policycheck.textsafe.spreadsheet_text`)."""
    return spreadsheet_text(text)


def cell(value: Any) -> str | float | int:
    """One CSV cell: numbers as they are, null empty, booleans as JSON, text neutralised."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, (tuple, list)):
        return neutralise(";".join(str(cell(v)) for v in value))
    return neutralise(str(value))


def result_values(result: Result, in_year: bool = False) -> list[Any]:
    values: list[Any] = []
    for f in _fields(in_year):
        value = getattr(result, f.name)
        sub = _NESTED.get(f.name)
        if sub:
            values.extend(None if value is None else getattr(value, s) for s in sub)
        elif f.name == "history":
            values.append(None if value is None else ";".join(
                f"{h.year}:{'' if h.actual is None else h.actual}:{h.status}" for h in value))
        else:
            values.append(value)
    return values


def write_rows(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """CSV text with a BOM and CRLF line ends, as Excel writes and expects."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([cell(v) for v in row] for row in rows)
    return BOM + buffer.getvalue()


def render(report: Report, options: RenderOptions) -> str:
    if options.view == "units":
        return write_rows(UNIT_COLUMNS, _unit_rows(report, options.lang))
    in_year = any(r.as_of is not None for r in report.results)
    return write_rows(result_columns(in_year), (result_values(r, in_year) for r in report.results))


def _unit_rows(report: Report, lang: str) -> Iterable[list[Any]]:
    for unit in report.units:
        name = unit.name_en if lang == "en" and unit.name_en else unit.name
        for s in unit.shortfalls:
            yield [unit.id, name, s.role, s.plan, s.target, s.unit, s.status, s.gap, s.count]
