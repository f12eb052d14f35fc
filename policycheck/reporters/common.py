"""Shared helpers of the human formats: number text, columns, result rows, unit rows.

Rounding happens here and only for people: JSON and the machine CSV keep full
precision.  Every human format (table, text, markdown, HTML, the people's CSV,
the terminal chart) builds its cells through these functions so the same
report reads the same everywhere.  Columns are data (:class:`Column`): a key,
whether the column is numeric (right-aligned), and the label key of its
header; the cell text of a key comes from one function per key.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from policycheck import numtext, textsafe
from policycheck.findings import location_text
from policycheck.numtext import number_text, percent_text, range_text
from policycheck.records import record
from policycheck.reporters.labels import label, status_label
from policycheck.reporters.statuses import STATUS_LOOKS

if TYPE_CHECKING:
    from policycheck.model import PlanInfo, Report, Result, Superseded, UnitSummary

#: What an empty cell shows (no actual, no expected value, ...).
EMPTY = "—"
_BOOL_TEXT = {"zh": ("是", "否"), "en": ("yes", "no")}
#: Data statuses as Chinese statistical tables name them (docs/actuals.md#data-status-and-duplicates: 正式, 快报, 预计).
_DATA_STATUS_TEXT = {"zh": {"final": "正式", "preliminary": "快报", "estimate": "预计"},
                     "en": {"final": "final", "preliminary": "preliminary", "estimate": "estimate"}}
#: The statuses people see, worst first: the report's statuses, with pending split
#: into "no baseline" (缺少基期: cannot be scheduled) and pending proper (未到期).
DISPLAY_STATUSES: tuple[str, ...] = tuple(STATUS_LOOKS)


@record(frozen=True, slots=True)
class Column:
    """One column of a human table, described once for every format that draws it."""

    #: the label of its header (:mod:`policycheck.reporters.labels`), and the key of its cells
    key: str
    #: it holds numbers: right-aligned, as in a spreadsheet
    numeric: bool = False
    #: it may wrap on a narrow terminal (a name), so the other columns keep their width
    wraps: bool = False
    #: ids and file:line places, set in a monospace font where the format has one
    code: bool = False
    #: a header that reads the same in every language, instead of the label of ``key``
    fixed: str | None = None

    def label(self, lang: str) -> str:
        return self.fixed if self.fixed is not None else label(self.key, lang)


def headers(columns: Sequence[Column], lang: str) -> list[str]:
    return [column.label(lang) for column in columns]


# --------------------------------------------------------------------------
# Numbers


def fmt_number(value: float | bool | None, lang: str = "zh") -> str:
    """A value for people, two decimals as a spreadsheet cell format would (3.368 -> ``3.37``,
    1228.0 -> ``1228``); a value that rounds to zero is ``0``, never ``-0``.  JSON keeps full precision."""
    if value is None:
        return EMPTY
    if isinstance(value, bool):
        yes, no = _BOOL_TEXT.get(lang, _BOOL_TEXT["en"])
        return yes if value else no
    return number_text(value)


def fmt_gap(value: float | None, status: str = "") -> str:
    """A gap with its sign: ``+0.05`` ahead or better, ``-0.06`` behind or worse; beside a ``status``
    that falls short never ``0`` when it is not (docs/reports.md#rounding-apart)."""
    text = EMPTY if value is None else numtext.gap_apart(value, status)
    return text if text.startswith(("-", EMPTY)) or text == "0" else f"+{text}"


def fmt_percent(value: float | None) -> str:
    """A ratio as a percentage with one decimal: 0.9167 -> ``91.7%``, 0.95 -> ``95%``."""
    return EMPTY if value is None else percent_text(value)


def actual_number(result: Result, lang: str = "zh") -> str:
    """The actual's number, never rounded onto what a short verdict compares it with
    (2.996 beside 未达成 ≥3: docs/reports.md#rounding-apart)."""
    a = result.actual
    return numtext.actual_apart(a, result.status, result) if type(a) is float else fmt_number(a, lang)


def expected_number(result: Result) -> str:
    """E(Y), told apart from the actual beside a short verdict (docs/reports.md#rounding-apart)."""
    return EMPTY if result.expected is None else numtext.expected_apart(result.expected, result.status, result.actual)


def result_gap(result: Result) -> str:
    """差距 of a result with its sign (:func:`fmt_gap`)."""
    return fmt_gap(result.margin, result.status)


def result_attainment(result: Result) -> str:
    """达成率, never ``100%`` beside a short verdict when it is not (docs/reports.md#rounding-apart)."""
    return EMPTY if result.attainment is None else numtext.attainment_apart(result.attainment, result.status)


def bar(ratio: float | None, width: int = 10, *, full: bool = True) -> str:
    """A block bar of ``width`` cells for a ratio in 0..1 (capped at both ends).

    ``full`` False keeps the last cell empty: a target that is not met never shows a full bar,
    whatever its attainment rounds to (96.7 %, or 100 % of a strict ``>40`` requirement)."""
    if ratio is None:
        return " " * width
    filled = round(max(0.0, min(1.0, ratio)) * width)
    if not full:
        filled = min(filled, width - 1)
    return "█" * filled + "░" * (width - filled)


def attainment_bar(result: Result, width: int = 10) -> str:
    """The 达成率 bar of a result: full only when the target is met."""
    return bar(result.attainment, width, full=result.status == "met")


# --------------------------------------------------------------------------
# Text of one result


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


def scoped_name(result: Result, lang: str, unit_names: Mapping[str, str]) -> str:
    """The target's name, and for a scoped result the unit's name: ``创新载体面积（溪口镇）``."""
    name = result_name(result, lang)
    if result.unit is None:
        return name
    unit = one_line(unit_names.get(result.unit, result.unit))
    return f"{name}（{unit}）" if lang == "zh" else f"{name} ({unit})"


def unit_names(report: Report, lang: str) -> dict[str, str]:
    """Unit id -> the name people read (``name_en`` under ``--lang en`` when there is one)."""
    return {u.id: unit_name(u, lang) for u in report.units}


def unit_name(unit: UnitSummary, lang: str) -> str:
    name = unit.name_en if lang == "en" and unit.name_en else unit.name
    return one_line(name)


def result_reason(result: Result, lang: str) -> str:
    """Why the result has its status, in ``lang`` (the JSON ``reason`` is English)."""
    from policycheck.evaluation.reasons import reason_text

    return one_line(reason_text(result.reason, result.reason_code, result.reason_args, lang))


def display_status(result: Result) -> str:
    """The status people see: ``no_baseline`` (缺少基期) for a pending result that
    cannot be scheduled for want of a baseline value, otherwise the status."""
    return shown_status(result.status, result.reason_code)


def shown_status(status: str, reason_code: str) -> str:
    """:func:`display_status` of a result with this status and reason code (only ``pending`` can change:
    :func:`display_counts` counts on it)."""
    from policycheck.evaluation.reasons import NO_BASELINE

    return "no_baseline" if status == "pending" and reason_code in NO_BASELINE else status


def status_text(result: Result, lang: str) -> str:
    """The status label, marked when the target is aspirational (力争), when the plan gives
    its 属性 (约束性, 预期性), and when the status is a verdict stated by the source (据报)."""
    marks = []
    if result.commitment == "aspirational":
        marks.append(label("aspirational", lang))
    if result.attribute is not None:
        marks.append(label("binding" if result.attribute == "binding" else "expected_attribute", lang))
    if result.stated is not None:
        marks.append(label("stated", lang))
    text = status_label(display_status(result), lang)
    if not marks:
        return text
    return f"{text}（{'，'.join(marks)}）" if lang == "zh" else f"{text} ({', '.join(marks)})"


def approximate_note(result: Result, lang: str) -> str:
    """What a one-line message (GitHub, SARIF) adds for an approximate actual; else nothing."""
    if not result.approximate:
        return ""
    return "（实际值为约数）" if lang == "zh" else " (the actual is approximate)"


def actual_text(result: Result, lang: str) -> str:
    """The actual for people: the stated verdict's word (提前完成), the grade's name, or the
    number, marked 约 (≈ in English) when the source gave it as approximate."""
    if result.stated is not None:
        return one_line(result.stated)
    if result.category is not None:
        return one_line(result.category)
    text = actual_number(result, lang)
    if result.approximate and text != EMPTY:
        return f"约{text}" if lang == "zh" else f"≈{text}"
    return text


def requirement_cell(result: Result, lang: str) -> str:
    """What the target requires (``≥3.2``, ``>40``, ``3—5``, ``清零``) in ``lang``."""
    from policycheck.evaluation.requirement import localise_requirement

    return one_line(localise_requirement(result.requirement, lang)) or EMPTY


def expected_cell(result: Result, lang: str) -> str:
    """序时目标值: E(Y), or the scheduled range ``0.67—1.33`` of a between target."""
    if result.expected_range is not None:
        return range_text(*result.expected_range)
    if result.expected_category is not None:  # a grade's name, not its position
        return one_line(result.expected_category)
    return expected_number(result)


def direction_of(result: Result) -> int:
    """+1 when more is better, -1 when less is better, 0 when it cannot be said."""
    if result.comparator in (">=", ">"):
        return 1
    if result.comparator in ("<=", "<"):
        return -1
    value = result.target_value
    if result.baseline is None or value is None or isinstance(value, bool):
        return 0
    v = (value[0] + value[1]) / 2 if isinstance(value, tuple) else float(value)
    return (v > result.baseline.value) - (v < result.baseline.value)


def required_pace(result: Result) -> tuple[str, float] | None:
    """The pace still needed per year to reach the final requirement, as
    (label key, amount > 0); None when the target is met or needs nothing more.

    ``年均需增 12`` for a value that must rise, ``年均需减 0.8`` for one that must
    fall, ``年均需提升 1`` (places) for a rank: the amount is never signed, the
    word says which way (docs/reports.md#one-sign-for-gaps).
    """
    a, value, end = result.actual, result.target_value, result.target_year
    if (result.status == "met" or result.kind in ("annual", "growth", "milestone") or a is None
            or isinstance(a, bool) or value is None or isinstance(value, bool) or end is None
            or end <= result.year):
        return None
    lo, hi = value if isinstance(value, tuple) else (float(value), float(value))
    d = direction_of(result)
    if result.comparator == "between":
        change = lo - a if a < lo else hi - a if a > hi else 0.0
    elif result.comparator in (">=", ">", "<=", "<") or d:
        change = lo - a
        if d and change * d <= 0:
            change = 0.0
    else:
        change = 0.0
    if not change or not math.isfinite(change):
        return None
    pace = abs(change) / (end - result.year)
    if result.kind == "rank":
        return ("required_rank", pace) if change < 0 else None
    return ("required_rise" if change > 0 else "required_fall"), pace


#: The text of every result cell, by column key: (result, language, unit names) -> text.
RESULT_CELLS: Mapping[str, Callable[[Result, str, Mapping[str, str]], str]] = {
    "target": lambda r, lang, names: result_label(r),
    "name": scoped_name,
    "requirement": lambda r, lang, names: requirement_cell(r, lang),
    "actual": lambda r, lang, names: actual_text(r, lang),
    "expected": lambda r, lang, names: expected_cell(r, lang),
    "gap": lambda r, lang, names: result_gap(r),
    "progress_ratio": lambda r, lang, names: fmt_percent(r.progress_ratio),
    "attainment": lambda r, lang, names: result_attainment(r),
    "status": lambda r, lang, names: status_text(r, lang),
}
#: One row per result (:func:`result_row_texts`): every figure beside the requirement.
RESULT_COLUMNS: tuple[Column, ...] = (
    Column("target", code=True), Column("name", wraps=True), Column("requirement", wraps=True),
    Column("actual", numeric=True), Column("expected", numeric=True), Column("gap", numeric=True),
    Column("progress_ratio", numeric=True), Column("attainment", numeric=True), Column("status"),
)


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


def result_row_texts(result: Result, lang: str, names: Mapping[str, str],
                     columns: Sequence[Column] = RESULT_COLUMNS) -> list[str]:
    """The cells of one result row, plain text, in ``columns`` order (``names``: unit names)."""
    return [RESULT_CELLS[column.key](result, lang, names) for column in columns]


def display_counts(report: Report) -> dict[str, int]:
    """Results per display status (no_baseline apart from pending), worst first."""
    from collections import Counter

    from policycheck.evaluation.reasons import NO_BASELINE
    from policycheck.evaluation.resulttable import ResultTable

    results = report.results  # no Result built for a summary line (check -q): statuses and codes only
    pairs = (results.status_reasons() if isinstance(results, ResultTable)
             else ((result.status, result.reason_code) for result in results))
    counts: dict[str, int] = {}
    for (status, code), count in Counter(pairs).items():  # display_status, once per distinct pair
        shown = "no_baseline" if status == "pending" and code in NO_BASELINE else status
        counts[shown] = counts.get(shown, 0) + count
    return {s: counts[s] for s in DISPLAY_STATUSES if s in counts}


# --------------------------------------------------------------------------
# Findings and superseded rows


#: One row per superseded CSV row: :func:`superseded_rows`.
SUPERSEDED_COLUMNS: tuple[Column, ...] = (
    Column("row", code=True, wraps=True), Column("target", code=True, wraps=True), Column("row_unit"),
    Column("year", numeric=True), Column("data_status"), Column("value", numeric=True), Column("replaced_by"))


def finding_rows(findings: Sequence[object], lang: str = "en") -> list[list[str]]:
    """Findings as ``[location, level, rule, message]`` cells, the message in ``lang``."""
    from policycheck.findings import Finding, sorted_findings

    items = [f for f in findings if isinstance(f, Finding)]
    return [[one_line(f.location_text()), f.level, f.rule, one_line(f.text(lang))] for f in sorted_findings(items)]


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
