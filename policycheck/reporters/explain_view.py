"""How ``policycheck explain`` shows one target: header, year table, chart.

The header names the plan, the target and, per result at the assessment year
(one per unit for a scoped target), the status and the reason (in Chinese
under ``--lang zh``).  The table lists every year of ``by_year``, years after
the assessment year as 未到期 (pending) with only the expected value; the
chart draws, per year, the actual value (``█``) above the expected value on
the schedule (``▒``), scaled to the terminal width, so a lag is visible at a
glance even without colour.

An in-year explanation (``--period``, docs/evaluation.md#in-year) adds the
months of the assessed year below: a month table and the same two bars per
month (the figure to that month's end over the schedule then), for the months
with a figure, the assessed month and the months ahead that have a schedule.
"""
from __future__ import annotations

import io
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text

from policycheck.reporters import RenderOptions
from policycheck.reporters.common import (
    Column,
    actual_text,
    as_of_label,
    display_status,
    expected_cell,
    one_line,
    requirement_cell,
    result_gap,
    result_reason,
    status_text,
)
from policycheck.reporters.labels import label, status_label
from policycheck.reporters.statuses import status_style
from policycheck.reporters.table import make_console, status_cell
from policycheck.textsafe import defuse_commands

if TYPE_CHECKING:
    from policycheck.evaluation.explain import Explanation
    from policycheck.model import Result

_ACTUAL, _EXPECTED = "█", "▒"


def render_explanation(explanation: Explanation, options: RenderOptions) -> str:
    """Render an ``Explanation`` (plan, target, year, results, by_year, failing)."""
    buffer = io.StringIO()
    console = make_console(options, buffer)
    lang = options.lang
    for line in _header(explanation, lang):
        console.print(line, soft_wrap=True)
    console.print()
    console.print(_year_table(explanation.by_year, lang))
    chart = chart_lines(explanation.by_year, lang, width=console.width)
    if chart:
        console.print()
        for line in chart:
            console.print(line, soft_wrap=True)
    months = shown_months(explanation.by_month)
    if months:
        console.print()
        console.print(Text(f"{label('months_chart', lang)} {explanation.year}", style="bold"))
        console.print(_year_table(months, lang, month=True))
        month_chart = chart_lines(months, lang, width=console.width, month=True)
        if month_chart:
            console.print()
            for line in month_chart:
                console.print(line, soft_wrap=True)
    output = buffer.getvalue()
    # A wrapped name can start a line: no line may pass for a CI workflow command.
    return defuse_commands("\n".join(line.rstrip() for line in output.split("\n")))


def _year_note(year: int, lang: str, as_of: str | None = None) -> str:
    """``（年份 2025）`` after a Chinese name, `` (Year 2025)`` after an English one;
    ``（期别 2025年1-9月）`` for an in-year explanation."""
    text = f"{label('year', lang)} {year}"
    if as_of is not None:
        text = f"{label('as_of', lang)} {as_of_label(as_of, lang)}"
    return f"（{text}）" if lang == "zh" else f" ({text})"


def shown_months(rows: Sequence[Result]) -> list[Result]:
    """The months worth a row: those with a figure, the assessed one, and those ahead with a schedule."""
    due = [r for r in rows if r.reason_code != "not_yet_due"]
    last = due[-1] if due else None
    return [r for r in rows
            if r.actual is not None or r is last or (r.reason_code == "not_yet_due" and r.expected is not None)]


def month_text(result: Result, lang: str) -> str:
    """``9月`` / ``Sep`` for the result at the end of a month (its ``as_of`` is ``2025-09``)."""
    from policycheck.periods import MONTHS_EN

    month = int((result.as_of or "0-1").rsplit("-", 1)[1])
    return f"{month}月" if lang == "zh" else MONTHS_EN[month - 1]


def _header(explanation: Explanation, lang: str) -> list[Text]:
    plan, target = explanation.plan, explanation.target
    name = target.name_en if lang == "en" and target.name_en else target.name
    lines = [
        Text(f"{one_line(plan.title)} [{plan.id}]", style="bold"),
        Text(f"{target.id}: {one_line(name)}{_year_note(explanation.year, lang, explanation.as_of)}",
             style="bold"),
    ]
    colon = "：" if lang == "zh" else ": "
    if explanation.results:
        lines.append(Text(label("requirement", lang) + colon
                          + _requirement(explanation.results[0], explanation.target.years, lang)))
    for result in explanation.results:
        who = f"[{result.unit}] " if result.unit else ""
        line = Text(who)
        line.append(status_text(result, lang), style=status_style(display_status(result)))
        line.append(colon + result_reason(result, lang))
        lines.append(line)
    return lines


def _requirement(result: Result, years: tuple[int, int] | None, lang: str) -> str:
    """``≥175（2027年）``: what the target requires, and by when (each year up to it for
    annual and growth targets; the one year of a one-year requirement, docs/evaluation.md#one-year-requirements)."""
    text = requirement_cell(result, lang)
    year = result.target_year
    if year is None:
        return text
    annual = result.kind in ("annual", "growth")
    if annual and years is not None and years[0] == years[1]:
        when = f"{year}年" if lang == "zh" else f"in {year}"
    elif annual and years is not None:
        when = f"{years[0]}—{years[1]}年每年" if lang == "zh" else f"each year {years[0]}–{years[1]}"
    elif annual:
        when = f"每年，至{year}年" if lang == "zh" else f"each year to {year}"
    else:
        when = f"{year}年" if lang == "zh" else f"by {year}"
    return f"{text}（{when}）" if lang == "zh" else f"{text} ({when})"


def _year_table(rows: Sequence[Result], lang: str, *, month: bool = False) -> Table:
    scoped = any(r.unit for r in rows)
    columns = [Column("month" if month else "year"), *([Column("unit")] if scoped else []),
               Column("actual", numeric=True),
               Column("expected", numeric=True), Column("gap", numeric=True), Column("status")]
    table = Table(box=None, show_edge=False, pad_edge=False, header_style="bold")
    for column in columns:
        table.add_column(column.label(lang), justify="right" if column.numeric else "left", no_wrap=True)
    for r in rows:
        cells = [Text(month_text(r, lang) if month else str(r.year))] + ([Text(r.unit or "")] if scoped else [])
        cells += [Text(actual_text(r, lang)), Text(expected_cell(r, lang)), Text(result_gap(r)),
                  status_cell(display_status(r), status_label(display_status(r), lang))]
        table.add_row(*cells)
    return table


def _number(value: object) -> float | None:
    """A finite number to draw, or None (a bar of infinite length has no scale)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return None
    return float(value)


def chart_lines(rows: Sequence[Result], lang: str, *, width: int, month: bool = False) -> list[Text]:
    """Two bars per year (or month), actual over expected, on one scale; empty without numbers."""
    from rich.cells import cell_len

    points = [(r, _number(r.actual), _number(r.expected)) for r in rows]
    values = [v for _, a, e in points for v in (a, e) if v is not None]
    top = max((abs(v) for v in values), default=0.0)
    if not top:
        return []
    names = (label("actual", lang), label("expected", lang))

    def when(result: Result) -> str:
        return month_text(result, lang) if month else str(result.year)

    head = max(cell_len(when(r)) + (len(r.unit) + 3 if r.unit else 0) for r, _, _ in points)
    span = max(10, width - head - 24)
    lines = []
    for result, actual, expected in points:
        who = when(result) + (f" [{result.unit}]" if result.unit else "")
        who += " " * max(0, head - cell_len(who))
        style = status_style(result.status)
        lines.append(_bar_line(who, names[0], actual, actual_text(result, lang),
                               (top, span, _ACTUAL, style)))
        lines.append(_bar_line(" " * head, names[1], expected, expected_cell(result, lang),
                               (top, span, _EXPECTED, "dim")))
    return lines


def _bar_line(lead: str, name: str, value: float | None, text: str,
              scale: tuple[float, int, str, str]) -> Text:
    """``lead name ████ text``; ``scale`` is (largest value, cells for it, bar character, style)."""
    top, span, char, style = scale
    cells = 0 if value is None else round(max(value, 0.0) / top * span)
    line = Text(f"{lead} {_pad(name, 10)} ")
    line.append(char * cells, style=style)
    line.append(f" {text}")
    return line


def _pad(text: str, cells: int) -> str:
    """Left-justify by display cells, so Chinese labels line up with English ones."""
    from rich.cells import cell_len

    return text + " " * max(0, cells - cell_len(text))
