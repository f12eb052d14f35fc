"""The ``html`` format: one self-contained year-end report with a chart per target.

Everything is inline (CSS in a ``<style>``, charts as SVG), so the file can be
mailed, archived or opened offline and never makes a request.  This module turns the
report into plain view objects (texts formatted, chart pixels computed by
:mod:`policycheck.reporters.html.chart`); the Jinja2 template only loops over them.
Autoescaping is always on: plan and CSV text can come from anyone (a pull request).
"""
from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from policycheck.findings import sorted_findings
from policycheck.kinds import kind_spec
from policycheck.records import record
from policycheck.reporters import RenderOptions, midyear_clause
from policycheck.reporters.bulletin_cells import explanation_pairs, has_explanations, trend_sentence
from policycheck.reporters.bulletin_labels import blabel
from policycheck.reporters.common import (
    EMPTY,
    SUPERSEDED_COLUMNS,
    actual_number,
    actual_text,
    as_of_label,
    display_counts,
    display_status,
    expected_number,
    fmt_number,
    fmt_percent,
    headers,
    one_line,
    required_pace,
    requirement_cell,
    result_attainment,
    result_gap,
    result_label,
    result_name,
    result_reason,
    results_by_plan,
    status_text,
    superseded_rows,
    unit_names,
)
from policycheck.reporters.html import chart
from policycheck.reporters.html.cagr_chart import cagr_chart, requirement_values
from policycheck.reporters.html.cagr_chart import plain_number as _number
from policycheck.reporters.html.month_chart import month_chart
from policycheck.reporters.labels import label, status_label
from policycheck.reporters.sentences import report_sentences
from policycheck.reporters.units import (
    SHORTFALL_COLUMNS,
    UNIT_CELLS,
    UNIT_SUMMARY_COLUMNS,
    unit_rows,
    unit_summary_texts,
)

if TYPE_CHECKING:
    import jinja2

    from policycheck.model import PlanInfo, Report, Result

TEMPLATE = "report.html.j2"

Chart = chart.LineChart | chart.BarChart | chart.Timeline
MonthChart = chart.LineChart


@record(frozen=True, slots=True)
class Card:
    """One result as the template shows it."""

    anchor: str
    title: str
    code: str
    unit: str | None
    status: str
    status_text: str
    facts: tuple[tuple[str, str], ...]
    reason: str
    chart: Chart | None
    chart_label: str
    y_label: str
    notes: tuple[str, ...]
    #: an in-year result (docs/evaluation.md#in-year): the months of its year, beside the years
    month_chart: MonthChart | None = None
    month_label: str = ""
    #: --compare/--years: the statuses compared and the trend; --notes: (label, text) pairs.
    trend: str = ""
    explanation: tuple[tuple[str, str], ...] = ()


@record(frozen=True, slots=True)
class PlanSection:
    title: str
    id: str
    period: str
    year: str
    cards: tuple[Card, ...]
    #: an in-year assessment: the months it covers (2025年1-9月)
    as_of: str | None = None


def render(report: Report, options: RenderOptions) -> str:
    """The report as one HTML document (docs/html-report.md)."""
    template = _environment().get_template(TEMPLATE)
    return template.render(**page_context(report, options))


@functools.lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    """The Jinja2 environment; templates ship inside the package (wheel or editable)."""
    import jinja2  # lazy: most runs never render HTML

    return jinja2.Environment(
        loader=jinja2.PackageLoader("policycheck.reporters.html", "templates"),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "j2"),
                                            default_for_string=True, default=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def page_context(report: Report, options: RenderOptions) -> dict[str, Any]:
    """Everything the template needs, as plain values."""
    lang = options.lang
    names = unit_names(report, lang)
    sections = []
    counter = iter(range(1, len(report.results) + 1))
    explained = has_explanations(report.results)
    for info, results in results_by_plan(report):
        cards = tuple(build_card(r, info, names, lang, f"r{next(counter)}", explained) for r in results)
        as_of = as_of_label(info.as_of, lang) if info.as_of is not None else None
        sections.append(PlanSection(one_line(info.title), info.id, f"{info.period[0]}–{info.period[1]}",
                                    EMPTY if info.year is None else str(info.year), cards, as_of))
    counts = display_counts(report)
    return {
        "lang": "zh-CN" if lang == "zh" else "en",
        "t": functools.partial(label, lang=lang),
        "title": " / ".join(s.title for s in sections) or label("report_title", lang),
        "sections": sections,
        "show_cards": options.view != "units",
        "counts": [(s, status_label(s, lang), n) for s, n in counts.items()],
        # The opening sentences of the 通报, the same text as the Word document's.
        "summaries": [sentences for _info, sentences in report_sentences(report, lang)],
        "total": report.summary.results,
        "failing": report.summary.failing,
        "method": report.method,
        "thresholds": f"{report.thresholds.get('on_track', 0.95):g} / {report.thresholds.get('at_risk', 0.6):g}",
        "fail_on": report.fail_on,
        "half": midyear_clause(report, lang),  # 时间过半、任务过半 at mid-year (docs/evaluation.md#in-year)
        "unit_headers": [(c.label(lang), c.numeric) for c in SHORTFALL_COLUMNS],
        "shortfalls": _shortfall_rows(report, lang, names, options.units),
        # The per-unit summary (汇总) of ``policycheck units``, as in text and Markdown.
        "show_summary": options.view == "units",
        "summary_headers": list(zip(headers(UNIT_SUMMARY_COLUMNS, lang),
                                    (c.numeric for c in UNIT_SUMMARY_COLUMNS), strict=True)),
        "unit_summary": unit_summary_texts(report, lang, options.units),
        "findings": [(one_line(f.location_text()), f.level, f.rule, one_line(f.text(lang)))
                     for f in sorted_findings(report.findings)],
        # A row replaced by a stronger data status is listed, never dropped silently (docs/actuals.md).
        "superseded_columns": [(column.label(lang), column) for column in SUPERSEDED_COLUMNS],
        "superseded": superseded_rows(report, lang),
        "tool": f"{report.tool.get('name', 'policycheck')} {report.tool.get('version', '')}".strip(),
        "b": functools.partial(blabel, lang=lang),
    }


def _shortfall_rows(report: Report, lang: str, names: dict[str, str],
                    selected: tuple[str, ...]) -> list[tuple[str, list[tuple[str, bool]]]]:
    """Per merged unit shortfall: its display status and its cells (text, numeric) in SHORTFALL_COLUMNS order."""
    rows: list[tuple[str, list[tuple[str, bool]]]] = []
    for row in unit_rows(report, selected):
        status = display_status(row.result) if row.result is not None else row.status
        rows.append((status, [(UNIT_CELLS[c.key](row, lang, names), c.numeric) for c in SHORTFALL_COLUMNS]))
    return rows


# --------------------------------------------------------------------------
# One card per result


def with_measure(value: float | bool | tuple[float, float] | None, measure: str | None, lang: str) -> str:
    """``3.6%``, ``412 家``: the unit of measure follows the number."""
    if isinstance(value, tuple):
        text = f"{fmt_number(value[0], lang)}—{fmt_number(value[1], lang)}"
    else:
        text = fmt_number(value, lang)
    return text if isinstance(value, bool) else measured(text, measure)


def measured(text: str, measure: str | None) -> str:
    """A number's text with its unit of measure after it (none after the empty mark)."""
    if text == EMPTY or not measure:
        return text
    return f"{text}{measure}" if measure in ("%", "‰", "%") else f"{text} {measure}"


def build_card(result: Result, info: PlanInfo, unit_names: dict[str, str], lang: str, anchor: str,
               explained: bool = False) -> Card:
    """The texts and the chart of one result; ``explained``: the run has explanations, so a
    failing result without one says so."""
    chart_obj, y_label, notes = build_chart(result, info, lang)
    unit = unit_names.get(result.unit, result.unit) if result.unit else None
    months = build_month_chart(result, lang)
    if months is not None and chart_obj is None:
        y_label = f"{label('measure', lang)}: {result.measure}" if result.measure else ""
    return Card(
        anchor=anchor, title=result_name(result, lang), code=result_label(result), unit=unit,
        status=display_status(result), status_text=status_text(result, lang), facts=_facts(result, lang),
        reason=result_reason(result, lang), chart=chart_obj,
        chart_label=f"{result_name(result, lang)}: {status_label(result.status, lang)}",
        y_label=y_label, notes=notes, month_chart=months,
        month_label=f"{result_name(result, lang)}: {label('months_chart', lang)} {result.year}" if months else "",
        trend=trend_sentence(result, lang),
        explanation=tuple(explanation_pairs(result, lang)) if result.explanation is not None or (
            result.failing and explained) else (),
    )


def build_month_chart(result: Result, lang: str) -> chart.LineChart | None:
    """The months of the assessed year of an in-year result (None at a year end or without figures)."""
    if result.months is None or result.as_of is None:
        return None
    from policycheck.periods import MONTHS_EN

    labels = [f"{m}月" for m in range(1, 13)] if lang == "zh" else list(MONTHS_EN)
    fmt: Callable[[float], str] = lambda v: with_measure(v, result.measure, lang)  # noqa: E731
    values = [v for _, a, e in result.months for v in (a, e) if v is not None]
    integer = bool(values) and all(float(v).is_integer() for v in values)
    return month_chart(result.months, int(result.as_of[5:7]), labels, integer=integer, fmt=fmt)


def _facts(result: Result, lang: str) -> tuple[tuple[str, str], ...]:
    """The numbers of a card: actual vs expected vs target, attainment, required pace."""
    m = result.measure
    target = with_measure(result.target_value, m, lang)
    if result.target_year is not None and target != EMPTY:
        target = f"{target} ({result.target_year})"
    when = str(result.year)
    if result.actual_period is not None:
        from policycheck.periods import label_of_key

        when = label_of_key(result.actual_period, lang)
    expected = (with_measure(result.expected_range, m, lang) if result.expected_range is not None
                else result.expected_category or measured(expected_number(result), m))
    facts = [
        (label("requirement", lang), requirement_cell(result, lang)),
        (label("actual", lang) + f" ({when})", _actual(result, m, lang)),
        (label("expected", lang), expected),
        (label("target_value", lang), target),
        (label("gap", lang), result_gap(result)),
        (label("progress_ratio", lang), fmt_percent(result.progress_ratio)),
        (label("attainment", lang), result_attainment(result)),
    ]
    # The pace still needed, only while there is something to catch up (never for a met
    # target), as an amount with the way it must go: 年均需增 12, 年均需减 0.8, 年均需提升 1.
    pace = required_pace(result)
    if pace is not None:
        facts.append((label(pace[0], lang), with_measure(pace[1], m, lang)))
    if result.years_due is not None:
        facts.append((label("years_met", lang), f"{result.years_met or 0} / {result.years_due}"))
    if result.elapsed is not None and result.schedule not in (None, "none"):
        from policycheck.evaluation.reasons import TERMS

        schedule = TERMS.get(lang, {}).get(result.schedule or "", result.schedule or "")
        facts.append((label("elapsed", lang), f"{fmt_percent(result.elapsed)} ({schedule})"))
    if result.kind == "milestone":
        facts.append((label("achieved_year", lang), EMPTY if result.achieved_year is None
                      else str(result.achieved_year)))
    if result.kind == "cagr" and result.level is not None:
        facts.append((label("level", lang), fmt_number(result.level, lang)))
    # The CSV's own words about the figure (docs/actuals.md#columns: source and note are carried into reports).
    facts += [(label(k, lang), one_line(t)) for k, t in (("source", result.source), ("note", result.note)) if t]
    return tuple(facts)


def _actual(result: Result, measure: str | None, lang: str) -> str:
    """The actual with its unit of measure (约3.6%); a stated verdict or a grade as its word."""
    text, number = actual_text(result, lang), actual_number(result, lang)
    plain = result.stated is None and result.category is None and text != EMPTY and not isinstance(result.actual, bool)
    return text.replace(number, measured(number, measure), 1) if plain else text


def build_chart(result: Result, info: PlanInfo, lang: str) -> tuple[Chart | None, str, tuple[str, ...]]:
    """The chart of one result, its y-axis label and notes shown under it."""
    fmt: Callable[[float], str] = lambda v: with_measure(v, result.measure, lang)  # noqa: E731
    fmt_range: Callable[[tuple[float, float]], str] = lambda v: with_measure(v, result.measure, lang)  # noqa: E731
    y_label = f"{label('measure', lang)}: {result.measure}" if result.measure else ""
    shape = kind_spec(result.kind).chart
    if result.as_of is not None and shape in ("bars", "compound"):
        # In-year: the earlier years as bars; this year's months are in the month chart beside.
        history = [(y, _number(v), "") for y, v in result.observed if y < result.year]
        required = requirement_values(result.target_value)
        whole = all(float(v).is_integer() for v in [*required, *(v for _, v, _ in history if v is not None)])
        return (chart.bar_chart(history, required, integer=whole, fmt=fmt) if history else None), y_label, ()
    if shape in ("line", "inverted_line"):
        inverted = shape == "inverted_line"  # a rank: lower is better, so up is better
        notes = (label("lower_is_better", lang),) if inverted else ()
        data = trajectory(result)
        if isinstance(result.target_value, tuple) and result.target_year is not None:
            # A range is drawn at its midpoint but labelled as the range it is (1—2 个).
            data = replace(data, milestone_texts=((result.target_year, fmt_range(result.target_value)),))
        integer = inverted or whole_numbers(data)
        return chart.line_chart(data, inverted=inverted, integer=integer, fmt=fmt), y_label, notes
    if shape == "compound":
        return cagr_chart(result, lang, fmt, y_label)
    if shape == "bars":
        history = [(h.year, _number(h.actual), h.status) for h in result.history or ()]
        required = requirement_values(result.target_value)
        whole = all(float(v).is_integer() for v in [*required, *(v for _, v, _ in history if v is not None)])
        return chart.bar_chart(history, required, integer=whole, fmt=fmt), y_label, ()
    observed = [(y, v if isinstance(v, bool) else None) for y, v in result.observed]
    first, last = info.period
    return chart.timeline(first, max(last, result.target_year or last), observed, due=result.target_year,
                          achieved=result.achieved_year, year=result.year), "", ()


def whole_numbers(data: chart.Trajectory) -> bool:
    """True when the plan and the actuals only count whole things (2 labs, not 1.25)."""
    values = [v for _, v in data.schedule + data.milestones] + [v for _, v in data.observed if v is not None]
    return bool(values) and all(float(v).is_integer() for v in values)


def trajectory(result: Result) -> chart.Trajectory:
    """Baseline, milestones, schedule, actuals and projection of a level/rank/cumulative result."""
    baseline = (result.baseline.year, result.baseline.value) if result.baseline else None
    schedule = tuple((y, float(v)) for y, v in result.path)
    milestones = tuple(p for p in schedule if baseline is None or p[0] != baseline[0])
    final = _number(result.target_value)
    if not milestones and final is not None and result.target_year is not None:
        milestones = ((result.target_year, final),)  # no path: still show where the target is
    observed = tuple((y, _number(v)) for y, v in result.observed)
    if result.as_of is not None:
        # In-year: the years before the assessed one; its months are in the month chart beside.
        observed = tuple((y, v) for y, v in observed if y < result.year)
        if result.kind == "cumulative":
            observed = running_totals(observed, replace(result, year=result.year - 1, actual=None))
        return chart.Trajectory(schedule=schedule, baseline=baseline, milestones=milestones, observed=observed,
                                year=result.year - 1)
    if result.kind == "cumulative":
        observed = running_totals(observed, result)
    return chart.Trajectory(schedule=schedule, baseline=baseline, milestones=milestones, observed=observed,
                            projection=_projection(result), year=result.year)


def _projection(result: Result) -> tuple[chart.YearValue, chart.YearValue] | None:
    actual, projected = _number(result.actual), _number(result.projected)
    if actual is None or projected is None or result.target_year is None or result.target_year <= result.year:
        return None
    return (result.year, actual), (result.target_year, projected)


def running_totals(observed: tuple[tuple[int, float | None], ...],
                   result: Result) -> tuple[tuple[int, float | None], ...]:
    """Yearly values summed from the first plan year, unless they already are totals.

    The series holds running totals when its value at Y equals the cumulative
    actual (``actuals: running_total``); otherwise the yearly values are summed
    from the year after the baseline, and a missing year leaves every later
    total missing, as in docs/evaluation.md#level-rank-cumulative.
    """
    at_year = dict(observed).get(result.year)
    actual = _number(result.actual)
    if at_year is not None and actual is not None and abs(at_year - actual) <= 1e-9 * max(1.0, abs(actual)):
        return observed
    since = result.baseline.year + 1 if result.baseline else min((y for y, _ in observed), default=0)
    totals: list[tuple[int, float | None]] = []
    total: float | None = 0.0
    for year, value in observed:
        if year < since:
            continue
        # a sum beyond the float range is not drawn (and neither is any later one)
        total = None if total is None or value is None or not math.isfinite(total + value) else total + value
        totals.append((year, total))
    return tuple(totals)


__all__ = ["render", "page_context", "build_card", "build_chart", "trajectory", "running_totals",
           "requirement_values", "with_measure", "Card", "PlanSection"]
