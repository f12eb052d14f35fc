"""The ``csv`` format: one row per result for Excel, UTF-8 with a BOM.

Two sheets (docs/reports.md#csv):

- **the machine CSV** (the default; ``RenderOptions.sheet`` False): the header
  row holds the JSON field names of docs/reports.md#json, nested fields flattened with
  dots (``location.file``, ``baseline.year``).  Lists are joined with ``;``
  (``responsible``, a ``between`` target value ``lo;hi``); the history of
  annual and growth targets is compact text ``2021:61:met;...``; ``path``,
  ``observed`` (chart data) and ``reason_args`` are left out; the optional
  marks (``direction``, ``attribute``, ``stated``, ``approximate``,
  ``change.*``, ``category``, ``target_category``, ``expected_category``) are
  columns only when a result of the report has them; an explanation and a trend
  (--notes, --compare, --years) are flattened into ``explanation.cause`` ...
  ``trend.years`` columns at the end, present only when the run has them.  Numbers keep
  full precision; ``true``/``false`` as in JSON; an empty cell is null.
- **the sheet for people** (``--lang`` given): headers, status labels, data
  statuses and reasons in the report's language, the status code kept in a
  column of its own for scripts, numbers rounded as the tables show them,
  差距 in the tables' sign convention and ratios as percentages.

Text cells that start with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return get a leading ``'`` so a spreadsheet does not run them as formulas
(CSV injection); numbers are never touched, so a gap of -0.06 stays a number.
The ``units`` command writes one row per unit and shortfall instead, always
for people, in the report's language.
"""
from __future__ import annotations

import csv
import dataclasses
import io
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from policycheck.model import Result
from policycheck.numtext import actual_decimals, attainment_decimals, expected_decimals, gap_decimals, range_text
from policycheck.reporters import RenderOptions
from policycheck.reporters.bulletin_cells import (
    csv_extra_columns,
    csv_extra_values,
    sheet_extra_header,
    sheet_extra_values,
)
from policycheck.reporters.common import (
    Column,
    as_of_label,
    data_status_text,
    display_status,
    headers,
    required_pace,
    requirement_cell,
    result_name,
    result_reason,
    unit_name,
    unit_names,
)
from policycheck.reporters.json_text import OPTIONAL_RESULT_FIELDS
from policycheck.reporters.labels import label, status_label
from policycheck.reporters.units import (
    UnitRow,
    unit_rows,
)
from policycheck.textsafe import spreadsheet_text

if TYPE_CHECKING:
    from policycheck.model import Report

BOM = "\ufeff"
#: Chart data and the reason's arguments: in the JSON report, not in the sheet.
_LEFT_OUT = frozenset({"path", "observed", "reason_args", "months", "explanation", "trend"})
#: Columns of in-year results (docs/evaluation.md#in-year): only in a sheet that has one,
#: so a year-end sheet keeps its columns.
_IN_YEAR = frozenset({"as_of", "actual_period", "basis", "elapsed", "schedule", "schedule_years"})
_NESTED = {"location": ("file", "line", "column"), "baseline": ("year", "value"),
           "change": ("by", "in", "since", "actual")}
#: Decimals of a rounded number in the people's sheet: those of the tables; a percentage has one.
DECIMALS, PERCENT_DECIMALS = 2, 1


def _fields(in_year: bool, used: frozenset[str] = frozenset()) -> list[dataclasses.Field[Any]]:
    """The columns: the optional marks of a result (OPTIONAL_RESULT_FIELDS) only when ``used``,
    as the JSON report writes them, so a sheet without them keeps its columns."""
    return [f for f in dataclasses.fields(Result)
            if f.name not in _LEFT_OUT and (in_year or f.name not in _IN_YEAR)
            and (f.name not in OPTIONAL_RESULT_FIELDS or f.name in used)]


def used_marks(results: Sequence[Result]) -> frozenset[str]:
    """The optional fields (属性, a stated verdict, 约...) that some result of the report has."""
    return frozenset(name for name in OPTIONAL_RESULT_FIELDS if any(getattr(r, name) for r in results))


def result_columns(in_year: bool = False, used: frozenset[str] = frozenset()) -> list[str]:
    """The header row of the machine CSV: Result fields in JSON order, nested ones flattened."""
    columns: list[str] = []
    for f in _fields(in_year, used):
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


def result_values(result: Result, in_year: bool = False, used: frozenset[str] = frozenset()) -> list[Any]:
    values: list[Any] = []
    for f in _fields(in_year, used):
        value = getattr(result, f.name)
        sub = _NESTED.get(f.name)
        if sub and isinstance(value, Mapping):
            values.extend(value.get(s) for s in sub)
        elif sub:
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
    writer.writerow([cell(h) for h in header])
    writer.writerows([cell(v) for v in row] for row in rows)
    return BOM + buffer.getvalue()


def render(report: Report, options: RenderOptions) -> str:
    if options.view == "units":
        return write_rows(headers(UNIT_SHEET, options.lang), unit_sheet_rows(report, options.lang, options.units))
    in_year = any(r.as_of is not None for r in report.results)
    if options.sheet:
        sheet = result_sheet(in_year)
        # 原因, 措施, 责任人, 来源 and the trend at the end, as in the machine CSV (--notes, --compare, --years).
        extra = csv_extra_columns(report)
        rows = result_sheet_rows(report, options.lang, in_year)
        return write_rows(headers(sheet, options.lang) + [sheet_extra_header(c, options.lang) for c in extra],
                          (row + sheet_extra_values(r, extra, options.lang)
                           for r, row in zip(report.results, rows, strict=True)))
    used = used_marks(report.results)
    # Explanations and trends (--notes, --compare, --years) add flat columns at the end.
    extra = csv_extra_columns(report)
    return write_rows(result_columns(in_year, used) + extra,
                      (result_values(r, in_year, used) + csv_extra_values(r, extra) for r in report.results))


# --------------------------------------------------------------------------
# The sheet for people


def rounded(value: float | bool | None, decimals: int = DECIMALS) -> float | int | bool | None:
    """A number as the tables round it, still a number for the spreadsheet (1228.0 -> 1228)."""
    if value is None or isinstance(value, bool) or not math.isfinite(value):
        return value
    number = round(value, decimals) + 0.0  # + 0.0: -0.0 becomes 0.0
    return int(number) if number.is_integer() else number


def percent(value: float | None) -> float | int | None:
    """A ratio as a number of percent with one decimal (0.9167 -> 91.7), as the tables show it."""
    return None if value is None else rounded(value * 100, PERCENT_DECIMALS)


def _value(value: float | bool | tuple[float, float] | None, lang: str) -> Any:
    """An actual or a requirement: a number, 是/否, or a range as ``3—5``."""
    if isinstance(value, tuple):
        return range_text(*value)
    if isinstance(value, bool):
        return label("done", lang) if value else label("not_done", lang)
    return rounded(value)


def _yes_no(value: bool | None, lang: str) -> str | None:
    if value is None:
        return None
    return ("是" if value else "否") if lang == "zh" else ("yes" if value else "no")


def _names(ids: Sequence[str], names: Mapping[str, str], lang: str) -> str:
    # ；: unit names themselves hold 、 (各镇、区（街道）)
    return ("；" if lang == "zh" else "; ").join(names.get(i, i) for i in ids)


def _history(result: Result, lang: str, names: Mapping[str, str] | None = None) -> str | None:
    if result.history is None:
        return None
    sep = "；" if lang == "zh" else "; "
    return sep.join(f"{h.year}: {'—' if h.actual is None else _value(h.actual, lang)} "
                    f"{status_label(h.status, lang)}" for h in result.history)


def _expected(result: Result, lang: str) -> Any:
    if result.expected_range is not None:
        return _value(result.expected_range, lang)
    if result.expected is None:
        return None
    return rounded(result.expected, expected_decimals(result.expected, result.status, result.actual))


def _actual(result: Result, lang: str) -> Any:
    """The actual as the tables show it: never rounded onto what a short verdict compares it with
    (docs/reports.md#rounding-apart)."""
    if type(result.actual) is float:
        return rounded(result.actual, actual_decimals(result.actual, result.status, result))
    return _value(result.actual, lang)


def _pace(result: Result) -> float | int | None:
    pace = required_pace(result)
    return None if pace is None else rounded(pace[1])


#: The cell value of every sheet column, by key: (result, language, unit names) -> value.
SHEET_CELLS: Mapping[str, Callable[[Result, str, Mapping[str, str]], Any]] = {
    "plan": lambda r, lang, names: r.plan,
    "target": lambda r, lang, names: r.target,
    "scope_unit_id": lambda r, lang, names: r.unit,
    "scope_unit": lambda r, lang, names: names.get(r.unit, r.unit) if r.unit else None,
    "name": lambda r, lang, names: result_name(r, lang),
    "measure": lambda r, lang, names: r.measure,
    "requirement": lambda r, lang, names: requirement_cell(r, lang) if r.requirement else None,
    "year": lambda r, lang, names: r.year,
    "as_of": lambda r, lang, names: as_of_label(r.as_of, lang) if r.as_of else None,
    "elapsed_pct": lambda r, lang, names: percent(r.elapsed),
    "actual": lambda r, lang, names: _actual(r, lang),
    "data_status": lambda r, lang, names: data_status_text(r.data_status, lang) if r.data_status else None,
    "expected": lambda r, lang, names: _expected(r, lang),
    "gap": lambda r, lang, names: None if r.margin is None else rounded(r.margin, gap_decimals(r.margin, r.status)),
    "progress_ratio_pct": lambda r, lang, names: percent(r.progress_ratio),
    "attainment_pct": lambda r, lang, names: None if r.attainment is None
    else rounded(r.attainment * 100, attainment_decimals(r.attainment, r.status)),
    "status": lambda r, lang, names: status_label(display_status(r), lang),
    "status_code": lambda r, lang, names: r.status,
    "commitment": lambda r, lang, names: label(r.commitment, lang),
    "fails_run": lambda r, lang, names: _yes_no(r.failing, lang),
    "reason": lambda r, lang, names: result_reason(r, lang),
    "target_value": lambda r, lang, names: _value(r.target_value, lang),
    "target_year": lambda r, lang, names: r.target_year,
    "baseline_year": lambda r, lang, names: r.baseline.year if r.baseline else None,
    "baseline": lambda r, lang, names: rounded(r.baseline.value) if r.baseline else None,
    "progress_pct": lambda r, lang, names: percent(r.progress),
    "time_progress_pct": lambda r, lang, names: percent(r.time_progress),
    "required_pace": lambda r, lang, names: _pace(r),
    "projected": lambda r, lang, names: rounded(r.projected),
    "projected_met": lambda r, lang, names: _yes_no(r.projected_met, lang),
    "method": lambda r, lang, names: label(f"method_{r.method}", lang),
    "history": _history,
    "years_met": lambda r, lang, names: r.years_met,
    "years_due": lambda r, lang, names: r.years_due,
    "level": lambda r, lang, names: rounded(r.level),
    "achieved_year": lambda r, lang, names: r.achieved_year,
    "last_year": lambda r, lang, names: r.last_year,
    "last_value": lambda r, lang, names: _value(r.last_value, lang),
    "lead": lambda r, lang, names: names.get(r.lead, r.lead) if r.lead else None,
    "responsible": lambda r, lang, names: _names(r.responsible, names, lang),
    "source": lambda r, lang, names: r.source,
    "note": lambda r, lang, names: r.note,
    "location": lambda r, lang, names: f"{r.location.file}:{r.location.line}:{r.location.column}",
    "name_en": lambda r, lang, names: r.name_en,
    "reason_code": lambda r, lang, names: r.reason_code,
}
#: The people's sheet of ``check -f csv --lang zh|en``: what the tables show first, then the rest.
RESULT_SHEET: tuple[Column, ...] = (
    Column("plan"), Column("target"), Column("scope_unit_id"), Column("scope_unit"), Column("name"),
    Column("measure"), Column("requirement"), Column("year", True), Column("actual", True),
    Column("data_status"), Column("expected", True), Column("gap", True), Column("progress_ratio_pct", True),
    Column("attainment_pct", True), Column("status"), Column("status_code"), Column("commitment"),
    Column("fails_run"), Column("reason"), Column("target_value", True), Column("target_year", True),
    Column("baseline_year", True), Column("baseline", True), Column("progress_pct", True),
    Column("time_progress_pct", True), Column("required_pace", True), Column("projected", True),
    Column("projected_met"), Column("method"), Column("history"), Column("years_met", True),
    Column("years_due", True), Column("level", True), Column("achieved_year", True), Column("last_year", True),
    Column("last_value", True), Column("lead"), Column("responsible"), Column("source"), Column("note"),
    Column("location"), Column("name_en"), Column("reason_code"),
)


#: What an in-year sheet adds after the year (docs/evaluation.md#in-year): the months assessed
#: and the share of the year due.
IN_YEAR_SHEET: tuple[Column, ...] = (Column("as_of"), Column("elapsed_pct", True))


def result_sheet(in_year: bool) -> tuple[Column, ...]:
    """The people's sheet; an in-year one names the months and the share of the year due."""
    if not in_year:
        return RESULT_SHEET
    at = [c.key for c in RESULT_SHEET].index("year") + 1
    return (*RESULT_SHEET[:at], *IN_YEAR_SHEET, *RESULT_SHEET[at:])


def result_sheet_rows(report: Report, lang: str, in_year: bool = False) -> Iterable[list[Any]]:
    names = unit_names(report, lang)
    columns = result_sheet(in_year)
    for result in report.results:
        yield [SHEET_CELLS[column.key](result, lang, names) for column in columns]


#: The cell value of every unit-sheet column, by key.
UNIT_SHEET_CELLS: Mapping[str, Callable[[UnitRow, str, Mapping[str, str]], Any]] = {
    "unit_id": lambda row, lang, names: row.unit.id,
    "responsible": lambda row, lang, names: unit_name(row.unit, lang),
    "role": lambda row, lang, names: row.role_text(lang),
    "plan": lambda row, lang, names: row.plan,
    "target": lambda row, lang, names: row.target,
    "scope_unit": lambda row, lang, names: (names.get(row.scope_unit, row.scope_unit) if row.scope_unit
                                            else label("units_count", lang).format(count=row.count) if row.count > 1
                                            else None),
    "name": lambda row, lang, names: _row_name(row.result or row.example, lang),
    "requirement": lambda row, lang, names: requirement_cell(row.result, lang) if row.result else None,
    "actual": lambda row, lang, names: _value(row.result.actual, lang) if row.result else None,
    "gap": lambda row, lang, names: None if row.gap is None else rounded(row.gap, gap_decimals(row.gap, row.status)),
    "status": lambda row, lang, names: status_label(display_status(row.result) if row.result else row.status,
                                                    lang),
    "status_code": lambda row, lang, names: row.status,
}
#: ``units -f csv``: one row per unit and shortfall, names first, codes kept for scripts.
UNIT_SHEET: tuple[Column, ...] = (
    Column("unit_id"), Column("responsible"), Column("role"), Column("plan"), Column("target"),
    Column("scope_unit"), Column("name"), Column("requirement"), Column("actual", True),
    Column("gap", True), Column("status"), Column("status_code"),
)


def _row_name(result: Result | None, lang: str) -> str | None:
    return result_name(result, lang) if result is not None else None


def unit_sheet_rows(report: Report, lang: str, selected: Sequence[str] = ()) -> Iterable[list[Any]]:
    names = unit_names(report, lang)
    for row in unit_rows(report, selected):
        yield [UNIT_SHEET_CELLS[column.key](row, lang, names) for column in UNIT_SHEET]
