"""Shared helpers of the human formats: number text, result rows, unit rows.

Rounding happens here and only for people: JSON, CSV and SARIF keep full
precision.  Every human format (table, text, markdown, the terminal chart)
builds its cells through these functions so the same report reads the same
everywhere.
"""
from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from policycheck import textsafe
from policycheck.findings import location_text
from policycheck.reporters.labels import label, status_label

if TYPE_CHECKING:
    from policycheck.model import PlanInfo, Report, Result, Superseded, UnitShortfall, UnitSummary

#: What an empty cell shows (no actual, no expected value, ...).
EMPTY = "—"
_BOOL_TEXT = {"zh": ("是", "否"), "en": ("yes", "no")}
#: Data statuses as Chinese statistical tables name them (docs/actuals.md#data-status-and-duplicates: 正式, 快报, 预计).
_DATA_STATUS_TEXT = {"zh": {"final": "正式", "preliminary": "快报", "estimate": "预计"},
                     "en": {"final": "final", "preliminary": "preliminary", "estimate": "estimate"}}


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a human table, described once for every format that draws it."""

    #: the label of its header (:mod:`policycheck.reporters.labels`)
    key: str
    #: it holds numbers: right-aligned, as in a spreadsheet
    numeric: bool = False
    #: the one column that may wrap on a narrow terminal (a name)
    wraps: bool = False
    #: ids and file:line places, set in a monospace font where the format has one
    code: bool = False
    #: a header that reads the same in every language, instead of the label of ``key``
    fixed: str | None = None

    def label(self, lang: str) -> str:
        return self.fixed if self.fixed is not None else label(self.key, lang)


#: One row per result: :func:`result_row_texts`.
RESULT_COLUMNS: tuple[Column, ...] = (
    Column("target", code=True), Column("name", wraps=True), Column("actual", numeric=True),
    Column("expected", numeric=True), Column("gap", numeric=True), Column("attainment", numeric=True),
    Column("status"))
#: One row per unit shortfall: :func:`unit_row_texts`.
SHORTFALL_COLUMNS: tuple[Column, ...] = (
    Column("responsible"), Column("role"), Column("target", code=True), Column("name", wraps=True),
    Column("status"), Column("gap", numeric=True))
#: One row per unit: :func:`unit_summary_texts`.
UNIT_SUMMARY_COLUMNS: tuple[Column, ...] = (
    Column("responsible", wraps=True), Column("led", numeric=True), Column("supported", numeric=True),
    Column("shortfalls", numeric=True))
#: One row per superseded CSV row: :func:`superseded_rows`.
SUPERSEDED_COLUMNS: tuple[Column, ...] = (
    Column("row", code=True), Column("target", code=True), Column("row_unit"), Column("year", numeric=True),
    Column("data_status"), Column("value", numeric=True), Column("replaced_by"))


def headers(columns: Sequence[Column], lang: str) -> list[str]:
    return [column.label(lang) for column in columns]


def fmt_number(value: float | bool | None, lang: str = "zh") -> str:
    """A value for people: rounded to two decimals, trailing zeros dropped.

    Every number of a column gets the same rule, as a spreadsheet cell format
    would (3.368 -> ``3.37``, 0.5844 -> ``0.58``, 1228.0 -> ``1228``); a value
    that rounds to zero is ``0``, never ``-0``.  JSON and CSV keep full precision.
    """
    if value is None:
        return EMPTY
    if isinstance(value, bool):
        yes, no = _BOOL_TEXT.get(lang, _BOOL_TEXT["en"])
        return yes if value else no
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if abs(value) >= 1e15:  # 1e+308 with two decimals would be 312 digits wide
        return f"{value:.6g}"
    return _trim(f"{value:.2f}")


def _trim(text: str) -> str:
    """``3.50`` -> ``3.5``, ``4.00`` -> ``4``, ``-0.00`` -> ``0``."""
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def fmt_gap(value: float | None) -> str:
    """A gap with its sign: ``+0.05`` ahead, ``-0.06`` behind."""
    if value is None:
        return EMPTY
    text = fmt_number(value)
    return text if text.startswith("-") or text == "0" else f"+{text}"


def fmt_percent(value: float | None) -> str:
    """A ratio as a percentage with one decimal: 0.9167 -> ``91.7%``, 0.95 -> ``95%``."""
    if value is None:
        return EMPTY
    if not math.isfinite(value):
        return str(value)
    return f"{_trim(f'{value * 100:.1f}')}%"


def bar(ratio: float | None, width: int = 10) -> str:
    """A block bar of ``width`` cells for a ratio in 0..1 (capped at both ends)."""
    if ratio is None:
        return " " * width
    filled = round(max(0.0, min(1.0, ratio)) * width)
    return "█" * filled + "░" * (width - filled)


def one_line(text: str) -> str:
    """Cells are one line of printable text (:func:`policycheck.textsafe.one_line`):
    newlines and tabs in names become spaces, other control characters (ESC,
    BEL, ...) and bidi controls are dropped."""
    return textsafe.one_line(text)


def result_label(result: Result) -> str:
    """``target`` or ``target [unit]`` for a scoped result."""
    return f"{result.target} [{result.unit}]" if result.unit else result.target


def result_name(result: Result, lang: str) -> str:
    name = result.name_en if lang == "en" and result.name_en else result.name
    return one_line(name)


def result_reason(result: Result, lang: str) -> str:
    """Why the result has its status, in ``lang`` (the JSON ``reason`` is English)."""
    from policycheck.evaluation.reasons import reason_text

    return one_line(reason_text(result.reason, result.reason_code, result.reason_args, lang))


def status_text(result: Result, lang: str) -> str:
    """The status label, marked when the target is aspirational (力争)."""
    text = status_label(result.status, lang)
    if result.commitment == "aspirational":
        mark = label("aspirational", lang)
        text = f"{text}（{mark}）" if lang == "zh" else f"{text} ({mark})"
    return text


def results_by_plan(report: Report) -> Iterator[tuple[PlanInfo, list[Result]]]:
    """Each plan with its results, in report order; plans without results too."""
    for info in report.plans:
        yield info, [r for r in report.results if r.plan == info.id]


def plan_heading(info: PlanInfo, lang: str) -> str:
    if info.as_of is not None:
        return f"{one_line(info.title)} [{info.id}] {label('as_of', lang)} {as_of_label(info.as_of, lang)}"
    year = EMPTY if info.year is None else str(info.year)
    return f"{one_line(info.title)} [{info.id}] {label('year', lang)} {year}"


def as_of_label(as_of: str, lang: str) -> str:
    """``2025-09`` as the months it closes: ``2025年1-9月``, ``2025 Jan-Sep``."""
    from policycheck.periods import Period, period_of_key

    try:
        point = period_of_key(as_of)
    except (ValueError, IndexError):
        return as_of
    return Period(point.year, 1, point.last).label(lang)


def result_row_texts(result: Result, lang: str) -> list[str]:
    """The cells of one result row, plain text, in :data:`RESULT_COLUMNS` order."""
    return [
        result_label(result),
        result_name(result, lang),
        fmt_number(result.actual, lang),
        fmt_number(result.expected, lang),
        fmt_gap(result.gap),
        fmt_percent(result.attainment),
        status_text(result, lang),
    ]


def unit_name(unit: UnitSummary, lang: str) -> str:
    name = unit.name_en if lang == "en" and unit.name_en else unit.name
    return one_line(name)


def shortfall_rows(report: Report) -> Iterator[tuple[UnitSummary, UnitShortfall, Result | None]]:
    """Every unit shortfall with its unit and the result it refers to (for a row that
    stands for several scoped units: the first result of the target, for its name)."""
    by_key = {(r.plan, r.target, r.unit): r for r in report.results}
    by_target: dict[tuple[str, str], Result] = {}
    for result in report.results:
        by_target.setdefault((result.plan, result.target), result)
    for unit in report.units:
        for shortfall in unit.shortfalls:
            found = by_key.get((shortfall.plan, shortfall.target, shortfall.unit))
            if found is None and shortfall.count > 1:
                found = by_target.get((shortfall.plan, shortfall.target))
            yield unit, shortfall, found


def shortfall_target(shortfall: UnitShortfall, lang: str = "en") -> str:
    """``target``, ``target [unit]``, or ``target [3 units]`` for the one row a lead or
    supporting unit gets for several lagging scoped units."""
    if shortfall.unit:
        return f"{shortfall.target} [{shortfall.unit}]"
    if shortfall.count > 1:
        return f"{shortfall.target} [{label('units_count', lang).format(count=shortfall.count)}]"
    return shortfall.target


def unit_row_texts(report: Report, lang: str) -> list[list[str]]:
    """One row per unit shortfall, in :data:`SHORTFALL_COLUMNS` order."""
    rows = []
    for unit, shortfall, result in shortfall_rows(report):
        rows.append([
            unit_name(unit, lang),
            label(f"role_{shortfall.role}", lang),
            shortfall_target(shortfall, lang),
            result_name(result, lang) if result else EMPTY,
            status_label(shortfall.status, lang),
            fmt_gap(shortfall.gap),
        ])
    return rows


def finding_rows(findings: Sequence[object]) -> list[list[str]]:
    """Findings as ``[location, level, rule, message]`` cells."""
    from policycheck.findings import Finding, sorted_findings

    items = [f for f in findings if isinstance(f, Finding)]
    return [[one_line(f.location_text()), f.level, f.rule, one_line(f.message)] for f in sorted_findings(items)]


def unit_summary_texts(report: Report, lang: str) -> list[list[str]]:
    """One row per unit (those without shortfalls too): led, supported, shortfalls."""
    return [[unit_name(u, lang), str(u.led), str(u.supported), str(sum(s.count for s in u.shortfalls))]
            for u in report.units]


def data_status_text(status: str | None, lang: str) -> str:
    if status is None:
        return EMPTY
    return _DATA_STATUS_TEXT.get(lang, _DATA_STATUS_TEXT["en"]).get(status, status)


def superseded_rows(report: Report, lang: str) -> list[list[str]]:
    """One row per CSV row replaced by a stronger data status, in report order.

    Nothing is dropped silently (docs/actuals.md#data-status-and-duplicates), so
    people see these rows too, not only the JSON report.  The plan id prefixes
    the target when several plans are loaded.
    """
    several = len(report.plans) > 1
    return [_superseded_row(row, lang, several) for row in report.superseded]


def _superseded_row(row: Superseded, lang: str, several: bool) -> list[str]:
    target = f"{row.plan}/{row.target}" if several else row.target
    # An in-year row names its months (2025年1-9月) where a whole year's row names the year.
    when = str(row.year)
    if row.period is not None:
        from policycheck.periods import label_of_key

        when = label_of_key(row.period, lang)
    return [one_line(location_text(row.file, row.line, 0)), target, row.unit or EMPTY, when,
            data_status_text(row.status, lang), fmt_number(row.value, lang),
            data_status_text(row.replaced_by, lang)]
