"""The ``table`` format: rich tables for a terminal.

Per plan a table with one row per result (the name wraps inside its column so
the other columns keep their alignment; rich measures CJK characters as two
cells), then the unit view, then the summary line.  Colour only when
``options.color``; the status colour follows severity.  Rendering goes to a
string with a fixed width (``options.width``: the terminal's width when the
command prints to a terminal, otherwise 100) so the output is the same on
every machine.  Only the name column gives way to a narrow width: when the
ids, numbers, bar and status would not fit beside a name column of
:data:`NAME_MIN_WIDTH` cells, the table is drawn wider than asked rather than
cutting a number or a status (a ``+16.…`` gap is worse than a wide line).
"""
from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console
from rich.measure import Measurement
from rich.table import Column as RichColumn
from rich.table import Table
from rich.text import Text

from policycheck.findings import format_parsable, sorted_findings
from policycheck.reporters import RenderOptions, summary_line
from policycheck.reporters.common import (
    RESULT_COLUMNS,
    SHORTFALL_COLUMNS,
    SUPERSEDED_COLUMNS,
    UNIT_SUMMARY_COLUMNS,
    Column,
    bar,
    fmt_gap,
    fmt_number,
    fmt_percent,
    one_line,
    plan_heading,
    result_label,
    result_name,
    results_by_plan,
    shortfall_rows,
    shortfall_target,
    status_text,
    superseded_rows,
    unit_name,
    unit_summary_texts,
)
from policycheck.reporters.labels import label, status_label
from policycheck.reporters.statuses import status_style

if TYPE_CHECKING:
    from policycheck.model import Report, Result

DEFAULT_WIDTH = 100
#: The narrowest the wrapping (name) column becomes before the table widens instead.
NAME_MIN_WIDTH = 8


def make_console(options: RenderOptions, file: io.StringIO) -> Console:
    """A console that writes to ``file``: fixed width, colour only on request."""
    return Console(
        file=file, width=options.width or DEFAULT_WIDTH, force_terminal=options.color,
        color_system="256" if options.color else None, no_color=not options.color,
        highlight=False, emoji=False, markup=False, legacy_windows=False, soft_wrap=False,
    )


def status_cell(status: str, text: str) -> Text:
    return Text(text, style=status_style(status))


def render(report: Report, options: RenderOptions) -> str:
    """Results per plan (or the unit summary for ``units``), shortfalls by unit,
    findings, superseded rows and the summary line, separated by blank lines."""
    blocks: list[Table | Text] = []
    if options.view == "units":
        blocks.append(_unit_summary_table(report, options.lang))
    else:
        for info, results in results_by_plan(report):
            blocks.append(_results_table(plan_heading(info, options.lang), results, options.lang))
    if any(unit.shortfalls for unit in report.units):
        blocks.append(_shortfall_table(report, options.lang))
    if report.findings:
        findings = Text(label("findings", options.lang) + "\n", style="bold")
        findings.append("\n".join(one_line(format_parsable(f)) for f in sorted_findings(report.findings)),
                        style="dim")
        blocks.append(findings)
    if report.superseded:
        blocks.append(_superseded_table(report, options.lang))
    width = max([options.width or DEFAULT_WIDTH, *(_fitting_width(t) for t in blocks if isinstance(t, Table))])
    buffer = io.StringIO()
    console = make_console(replace(options, width=width), buffer)
    for block in blocks:
        console.print(block)
        console.print()
    # The summary never wraps: scripts grep it.
    console.print(Text(summary_line(report, options.lang), style="bold"), soft_wrap=True)
    output = buffer.getvalue()
    return "\n".join(line.rstrip() for line in output.split("\n"))


def _new_table(title: str, columns: Sequence[Column], lang: str) -> Table:
    """A borderless table; only the wrapping column (a name) may wrap, so rows stay aligned."""
    table = Table(title=Text(title, style="bold"), title_justify="left", box=box.SIMPLE_HEAD,
                  show_edge=False, pad_edge=False)
    for column in columns:
        table.add_column(column.label(lang), justify="right" if column.numeric else "left",
                         no_wrap=not column.wraps, overflow="fold" if column.wraps else "ellipsis",
                         min_width=NAME_MIN_WIDTH if column.wraps else None)
    return table


def _fitting_width(table: Table) -> int:
    """The narrowest width at which no column but the wrapping one is cut.

    Measured with the wrapping column held at its minimum, so that every other
    column (ids, numbers, the bar, the status) gets its widest cell in full.
    """
    wrapping: list[RichColumn] = [c for c in table.columns if not c.no_wrap]
    saved = [c.max_width for c in wrapping]
    for column in wrapping:
        column.max_width = column.min_width
    try:
        probe = Console(file=io.StringIO(), width=10_000, legacy_windows=False)
        return Measurement.get(probe, probe.options, table).maximum
    finally:
        for column, width in zip(wrapping, saved, strict=True):
            column.max_width = width


def _results_table(title: str, results: list[Result], lang: str) -> Table:
    table = _new_table(title, RESULT_COLUMNS, lang)
    for result in results:
        table.add_row(
            Text(result_label(result)),
            Text(result_name(result, lang)),
            Text(fmt_number(result.actual, lang)),
            Text(fmt_number(result.expected, lang)),
            Text(fmt_gap(result.gap)),
            Text(f"{bar(result.attainment)} {fmt_percent(result.attainment):>6}"),
            status_cell(result.status, status_text(result, lang)),
        )
    return table


def _shortfall_table(report: Report, lang: str) -> Table:
    table = _new_table(label("units_view", lang), SHORTFALL_COLUMNS, lang)
    for unit, shortfall, result in shortfall_rows(report):
        table.add_row(
            Text(unit_name(unit, lang)),
            Text(label(f"role_{shortfall.role}", lang)),
            Text(shortfall_target(shortfall, lang)),
            Text(result_name(result, lang) if result else "—"),
            status_cell(shortfall.status, status_label(shortfall.status, lang)),
            Text(fmt_gap(shortfall.gap)),
        )
    return table


def _unit_summary_table(report: Report, lang: str) -> Table:
    table = _new_table(label("summary", lang), UNIT_SUMMARY_COLUMNS, lang)
    for row in unit_summary_texts(report, lang):
        table.add_row(*(Text(cell) for cell in row))
    return table


def _superseded_table(report: Report, lang: str) -> Table:
    """CSV rows replaced by a stronger data status: nothing is dropped silently
    (docs/actuals.md#data-status-and-duplicates)."""
    table = _new_table(label("superseded", lang), SUPERSEDED_COLUMNS, lang)
    for row in superseded_rows(report, lang):
        table.add_row(*(Text(cell) for cell in row))
    return table
