"""The ``xlsx`` format: the workbook a bureau sends back (docs/reports.md#xlsx).

Four sheets, labelled per ``--lang``: results (结果: requirement, actual,
schedule, gap, attainment, status and reason), the unit view (责任单位), the
rows superseded by a stronger data status (被替代的数据) and the findings
(问题).  An in-year report (``--period``, docs/evaluation.md#in-year) adds the
months to the results (期别, 序时进度 and the schedule's rule) and a fifth sheet,
本年各月 / Months: per result, the figure at the end of every month of the year
that has one or a schedule value, over the expected value then.  Each sheet
has a frozen header row and an autofilter; status cells are filled with the
status colour of the HTML report; numbers stay numbers, formatted by the
target's unit of measure (``2.95`` in % shows ``2.95%``, counts without
decimals), and the attainment as a percentage.

Text is always written as text (never as a formula, whatever it starts with),
so a name such as ``=HYPERLINK(...)`` cannot run in the reader's Excel.
xlsxwriter is imported only when this format is written.
"""
from __future__ import annotations

import io
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from policycheck.findings import location_text, sorted_findings
from policycheck.numtext import (
    LARGE_NUMBER,
    LARGE_PERCENT,
    actual_decimals,
    attainment_decimals,
    expected_decimals,
    gap_decimals,
    percent_text,
)
from policycheck.periods import label_of_key
from policycheck.reporters import RenderOptions
from policycheck.reporters.bulletin_cells import people_columns
from policycheck.reporters.common import (
    EMPTY,
    Column,
    actual_text,
    as_of_label,
    data_status_text,
    display_status,
    expected_cell,
    headers,
    one_line,
    requirement_cell,
    result_name,
    result_reason,
    status_text,
    unit_name,
    unit_names,
)
from policycheck.reporters.labels import label, status_label
from policycheck.reporters.units import (
    UNIT_CELLS,
    UnitRow,
    ordered_units,
    shortfall_count,
    shortfall_target,
    unit_rows,
)
from policycheck.textwidth import display_width

if TYPE_CHECKING:
    from xlsxwriter.format import Format
    from xlsxwriter.workbook import Workbook
    from xlsxwriter.worksheet import Worksheet

    from policycheck.model import Report, Result

#: Status colours: those of the HTML report (reporters/html/templates/report.css.j2).
STATUS_COLOURS = {
    "met": "#1A7F37", "on_track": "#2B8A7E", "at_risk": "#B7791F", "off_track": "#D9480F",
    "regressing": "#A61E4D", "missed": "#C92A2A", "no_data": "#6C757D", "pending": "#4263EB",
    "no_baseline": "#6C757D",
}
#: Sheet names per language (Excel allows 31 characters, no []:*?/\).
SHEETS = {
    "zh": ("结果", "责任单位", "被替代的数据", "问题"),
    "en": ("Results", "Units", "Superseded", "Findings"),
}
#: The fifth sheet of an in-year report.
MONTH_SHEET_NAME = {"zh": "本年各月", "en": "Months"}
#: The four sheets' columns, in the order their cells are written (headers: :mod:`policycheck.reporters.labels`).
RESULT_SHEET: tuple[Column, ...] = (
    Column("plan", code=True), Column("target", code=True), Column("row_unit", code=True), Column("name"),
    Column("measure"), Column("commitment"), Column("lead", code=True), Column("year", numeric=True),
    Column("requirement"), Column("target_year", numeric=True), Column("actual", numeric=True),
    Column("data_status"), Column("expected", numeric=True), Column("gap", numeric=True),
    Column("progress_ratio", numeric=True), Column("attainment", numeric=True), Column("status"), Column("reason"),
    Column("source"), Column("note"))
UNIT_SHEET: tuple[Column, ...] = (
    Column("unit_id", code=True), Column("unit_name"), Column("led", numeric=True), Column("supported", numeric=True),
    Column("shortfalls", numeric=True), Column("role"), Column("target", code=True), Column("name"),
    Column("requirement"), Column("status"), Column("gap", numeric=True))
SUPERSEDED_SHEET: tuple[Column, ...] = (
    Column("location", code=True), Column("plan", code=True), Column("target", code=True),
    Column("row_unit", code=True), Column("year", numeric=True), Column("data_status"),
    Column("value", numeric=True), Column("replaced_by"))
#: Columns an in-year report adds to the results, after ``year``.
IN_YEAR_COLUMNS: tuple[Column, ...] = (Column("as_of"), Column("elapsed", numeric=True), Column("schedule_rule"))
MONTH_SHEET: tuple[Column, ...] = (
    Column("plan", code=True), Column("target", code=True), Column("row_unit", code=True), Column("name"),
    Column("month", numeric=True), Column("actual", numeric=True), Column("expected", numeric=True))
FINDING_SHEET: tuple[Column, ...] = (
    Column("location", code=True), Column("finding_level"), Column("rule", code=True), Column("message"))
_LEVELS = {"zh": {"error": "错误", "warning": "警告"}, "en": {"error": "error", "warning": "warning"}}
#: The widest a column grows (characters of Latin width; a Chinese character is two).
MAX_WIDTH = 60


def render(report: Report, options: RenderOptions) -> bytes:
    """The workbook as bytes (written with ``-o xlsx=FILE``)."""
    import xlsxwriter

    lang = options.lang if options.lang in SHEETS else "zh"
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False,
                                        "strings_to_urls": False, "strings_to_numbers": False})
    styles = _Styles(book)
    names = SHEETS[lang]
    in_year = any(r.as_of is not None for r in report.results)
    result_sheet = _in_year_columns(RESULT_SHEET) if in_year else RESULT_SHEET
    # --compare/--years and --notes: a status per earlier year, 趋势, 原因, 措施... at the end (docs/reports.md#xlsx).
    extra, extra_cells = people_columns(report.results, lang)
    sheets = [_Sheet(book, name, headers(columns, lang) + (extra if index == 0 else []), styles)
              for index, (name, columns) in enumerate(zip(
                  names, (result_sheet, UNIT_SHEET, SUPERSEDED_SHEET, FINDING_SHEET), strict=True))]
    months = _Sheet(book, MONTH_SHEET_NAME[lang], headers(MONTH_SHEET, lang), styles) if in_year else None
    for result in report.results:
        cells = _result_cells(result, lang)
        if in_year:
            cells[_YEAR + 1:_YEAR + 1] = _in_year_cells(result, lang)
            for row in _month_rows(result, lang):
                months.add(row)  # type: ignore[union-attr]
        if extra:
            cells += extra_cells(result)
        sheets[0].add(cells)
    for row in _unit_cells(report, lang, options.units):
        sheets[1].add(row)
    for old in report.superseded:
        when: Cell = old.year if old.period is None else label_of_key(old.period, lang)
        sheets[2].add([location_text(old.file, old.line, 0), old.plan, old.target, old.unit or EMPTY, when,
                       data_status_text(old.status, lang), _value(old.value, lang),
                       data_status_text(old.replaced_by, lang)])
    for finding in sorted_findings(report.findings):
        sheets[3].add([finding.location_text(), _LEVELS[lang][finding.level], finding.rule,
                       one_line(finding.message)])
    for sheet in [*sheets, *([months] if months is not None else [])]:
        sheet.finish()
    if options.view == "units":
        sheets[1].sheet.activate()
    book.close()
    return buffer.getvalue()


class _Styles:
    """The formats of one workbook, made once and shared by every cell that needs them."""

    def __init__(self, book: Workbook) -> None:
        self.book = book
        self.header = book.add_format({"bold": True, "bg_color": "#F6F8FA", "border": 1, "text_wrap": True,
                                       "valign": "vcenter"})
        self.text = book.add_format({"valign": "top"})
        self.percent = book.add_format({"num_format": "0.0%"})
        self.status = {s: book.add_format({"bg_color": c, "font_color": "#FFFFFF", "bold": True})
                       for s, c in STATUS_COLOURS.items()}
        self._numbers: dict[str, Format] = {}

    def number(self, code: str) -> Format:
        if code not in self._numbers:
            self._numbers[code] = self.book.add_format({"num_format": code})
        return self._numbers[code]


class _Cell:
    """A cell that is more than its value: a number with its format, or a status with its colour."""

    __slots__ = ("value", "number_format", "status", "text")

    def __init__(self, value: str | float, *, number_format: str | None = None, status: str | None = None,
                 text: str | None = None) -> None:
        self.value = value
        self.number_format = number_format
        self.status = status
        self.text = text  # how wide the cell shows


#: What a sheet row holds: plain values (text, numbers, yes/no, empty) or a formatted cell.
Cell = str | int | float | bool | None | _Cell


class _Sheet:
    """One sheet: header row, cells, widths that fit the text, frozen header and autofilter."""

    def __init__(self, book: Workbook, name: str, headers: Sequence[str], styles: _Styles) -> None:
        self.sheet: Worksheet = book.add_worksheet(name)
        self.styles = styles
        self.widths = [display_width(h) + 2 for h in headers]
        self.rows = 0
        for col, header in enumerate(headers):
            self.sheet.write_string(0, col, header, styles.header)

    def add(self, cells: Sequence[Cell]) -> None:
        self.rows += 1
        for col, cell in enumerate(cells):
            self._write(self.rows, col, cell)

    def _write(self, row: int, col: int, cell: Cell) -> None:
        sheet, styles = self.sheet, self.styles
        shown: str
        if isinstance(cell, _Cell):
            if cell.status is not None:
                sheet.write_string(row, col, str(cell.value), styles.status[cell.status])
                shown = str(cell.value)
            elif cell.number_format is not None and isinstance(cell.value, (int, float)):
                sheet.write_number(row, col, cell.value, styles.number(cell.number_format))
                shown = cell.text or f"{cell.value:,.2f}"
            else:
                sheet.write_string(row, col, str(cell.value))
                shown = str(cell.value)
        elif isinstance(cell, bool) or cell is None:
            shown = EMPTY if cell is None else str(cell)
            sheet.write_string(row, col, shown)
        elif isinstance(cell, (int, float)):
            sheet.write_number(row, col, cell)
            shown = str(cell)
        else:
            shown = str(cell)
            sheet.write_string(row, col, shown)
        self.widths[col] = max(self.widths[col], min(MAX_WIDTH, display_width(shown) + 2))

    def finish(self) -> None:
        columns = len(self.widths)
        for col, width in enumerate(self.widths):
            self.sheet.set_column(col, col, width)
        self.sheet.freeze_panes(1, 0)
        self.sheet.autofilter(0, 0, max(self.rows, 1), columns - 1)


def number_format(measure: str | None, values: Sequence[float | None]) -> str:
    """The number format of a result's numbers: by its unit of measure, with decimals only when needed.

    ``%`` shows ``2.95%`` (the value is already in percent: no x100);
    whole numbers have thousands separators and no decimals.
    """
    if any(v is not None and math.isfinite(v) and abs(v) >= LARGE_NUMBER for v in values):
        # 3e+300 with "#,##0" would be 400 characters of digits and commas; General writes
        # it the way the other human formats do (docs/reports.md#large-numbers).
        return "General"
    whole = all(v is None or (math.isfinite(v) and float(v).is_integer()) for v in values)
    code = "#,##0" if whole else "#,##0.00"
    if measure is not None and measure.strip() in ("%", "％"):
        code = ("0" if whole else "0.00") + '"%"'
    return code


def _number(value: float | None, code: str) -> Cell:
    if value is None or not math.isfinite(value):
        return EMPTY if value is None else str(value)
    return _Cell(float(value), number_format=code)


def _result_cells(result: Result, lang: str) -> list[Cell]:
    numbers = [v for v in (result.actual, result.expected, result.margin) if not isinstance(v, bool)]
    code = number_format(result.measure, numbers)
    actual: Cell
    if isinstance(result.actual, bool):
        actual = label("done", lang) if result.actual else label("not_done", lang)
    elif result.stated is not None or result.category is not None or result.approximate:
        actual = actual_text(result, lang)  # 提前完成, 一级, 约4.4: words, not a plain number
    else:
        actual = _number(result.actual, code if result.actual is None
                         else _places(code, actual_decimals(result.actual, result.status, result)))
    # The requirement as every human format states it, 差距 in their one sign (docs/reports.md).
    expected: Cell = expected_cell(result, lang) \
        if result.expected_range is not None or result.expected_category is not None \
        else _number(result.expected, code if result.expected is None
                     else _places(code, expected_decimals(result.expected, result.status, result.actual)))
    gap = _number(result.margin, code if result.margin is None
                  else _places(code, gap_decimals(result.margin, result.status)))
    attainment = _ratio(result.attainment, 1 if result.attainment is None
                        else attainment_decimals(result.attainment, result.status))
    return [
        result.plan, result.target, result.unit or EMPTY, result_name(result, lang), result.measure or EMPTY,
        label(result.commitment, lang), result.lead or EMPTY, result.year, requirement_cell(result, lang),
        result.target_year if result.target_year is not None else EMPTY, actual,
        data_status_text(result.data_status, lang), expected, gap,
        _ratio(result.progress_ratio), attainment,
        _Cell(status_text(result, lang), status=display_status(result)), result_reason(result, lang),
        one_line(result.source) if result.source else EMPTY, one_line(result.note) if result.note else EMPTY,
    ]


def _places(code: str, decimals: int) -> str:
    """``code`` with ``decimals`` places instead of two: a number a short verdict compares is never
    rounded onto what it is compared with (docs/reports.md#rounding-apart)."""
    return code.replace("0.00", "0." + "0" * decimals, 1) if decimals > 2 else code


def _ratio(value: float | None, decimals: int = 1) -> Cell:
    """A ratio as a percentage cell (0.0%, more places beside a short verdict), or the empty mark."""
    if value is None or not math.isfinite(value):
        return EMPTY
    if abs(value * 100) >= LARGE_PERCENT:
        return percent_text(value)  # the other formats' 1e+102%, not 104 digits (docs/reports.md#large-numbers)
    return _Cell(value, number_format="0." + "0" * decimals + "%")


_YEAR = [c.key for c in RESULT_SHEET].index("year")


def _in_year_columns(columns: tuple[Column, ...]) -> tuple[Column, ...]:
    return columns[:_YEAR + 1] + IN_YEAR_COLUMNS + columns[_YEAR + 1:]


def _in_year_cells(result: Result, lang: str) -> list[Cell]:
    """期别 (the months assessed), the share of the year due, and the schedule that gave it."""
    from policycheck.evaluation.reasons import TERMS

    as_of = as_of_label(result.as_of, lang) if result.as_of is not None else EMPTY
    share: Cell = _Cell(result.elapsed, number_format="0.0%") if result.elapsed is not None else EMPTY
    rule = result.schedule or ""
    return [as_of, share, TERMS.get(lang, {}).get(rule, rule) if rule and rule != "none" else EMPTY]


def _month_rows(result: Result, lang: str) -> list[list[Cell]]:
    """The months of the year with a figure or an expected value, for the 本年各月 sheet."""
    code = number_format(result.measure, [v for _, a, e in result.months or () for v in (a, e)])
    return [[result.plan, result.target, result.unit or EMPTY, result_name(result, lang), month,
             _number(actual, code), _number(expected, code)]
            for month, actual, expected in result.months or () if actual is not None or expected is not None]


def _unit_cells(report: Report, lang: str, selected: Sequence[str] = ()) -> list[list[Cell]]:
    """One row per unit and result it falls short on, roles merged, units as the unit view
    orders them (docs/reports.md#the-unit-view), only the ``selected`` ids (``units --unit``)
    if any; a unit without shortfalls gets one row saying so."""
    names = unit_names(report, lang)
    by_unit: dict[str, list[UnitRow]] = {}
    for row in unit_rows(report, selected):
        by_unit.setdefault(row.unit.id, []).append(row)
    rows: list[list[Cell]] = []
    for unit in ordered_units(report, selected):
        head: list[Cell] = [unit.id, unit_name(unit, lang), unit.led, unit.supported, shortfall_count(unit)]
        if unit.id not in by_unit:
            rows.append([*head, EMPTY, EMPTY, EMPTY, EMPTY, label("no_shortfalls", lang), EMPTY])
        for row in by_unit.get(unit.id, ()):
            result = row.result
            code = number_format(result.measure if result else None, [row.gap])
            status = display_status(result) if result is not None else row.status
            rows.append([*head, row.role_text(lang), shortfall_target(row, lang), UNIT_CELLS["name"](row, lang, names),
                         requirement_cell(result, lang) if result else EMPTY,
                         _Cell(status_text(result, lang) if result else status_label(row.status, lang),
                               status=status),
                         _number(row.gap, code if row.gap is None
                                 else _places(code, gap_decimals(row.gap, row.status)))])
    return rows


def _value(value: float | bool | None, lang: str) -> Cell:
    if isinstance(value, bool):
        return label("done", lang) if value else label("not_done", lang)
    if value is None:
        return label("missing", lang)
    return _number(value, number_format(None, [value]))

