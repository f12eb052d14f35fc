"""The ``table`` format: rich tables for a terminal.

Per plan a table with one row per result, then the unit view, then the
summary line.  Colour only when ``options.color``; the status colour follows
severity.  Rendering goes to a string with a fixed width (``options.width``:
the terminal's width when the command prints to a terminal, otherwise 100)
so the output is the same on every machine.

Every line fits the width (docs/reports.md#table-and-text): a table first
gives up what matters least, in this order, until it fits with a readable
name column: the id column is shortened, then dropped; then the long headers
and an aspirational status take two lines and columns stand one space apart;
then the attainment bar has five cells instead of ten.  Names wrap inside
their cell (rich measures CJK characters as two cells), so the other columns
stay aligned; ids, numbers and statuses are never cut.  Only when even the
last layout cannot fit is the table drawn wider than asked rather than cut a
number (a ``+16.…`` gap is worse than a wide line).
"""
from __future__ import annotations

import io
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.measure import Measurement
from rich.table import Column as RichColumn
from rich.table import Table
from rich.text import Text

from policycheck.findings import format_parsable, sorted_findings
from policycheck.records import record
from policycheck.reporters import RenderOptions, summary_line
from policycheck.reporters.bulletin_cells import explanation_block_lines, trend_cells, trend_columns, trend_years
from policycheck.reporters.bulletin_labels import blabel
from policycheck.reporters.common import (
    RESULT_CELLS,
    RESULT_COLUMNS,
    SUPERSEDED_COLUMNS,
    Column,
    attainment_bar,
    display_status,
    one_line,
    plan_heading,
    requirement_cell,
    result_attainment,
    results_by_plan,
    status_text,
    superseded_rows,
    unit_names,
)
from policycheck.reporters.labels import label
from policycheck.reporters.statuses import status_style
from policycheck.reporters.units import (
    SHORTFALL_COLUMNS,
    UNIT_CELLS,
    UNIT_SUMMARY_COLUMNS,
    UnitRow,
    unit_rows,
    unit_summary_texts,
)

if TYPE_CHECKING:
    from policycheck.model import Report, Result

DEFAULT_WIDTH = 100
#: The narrowest the wrapping (name) column becomes before the table widens instead.
NAME_MIN_WIDTH = 8
#: The narrowest another wrapping column (a requirement naming a reference, a file:line) becomes.
OTHER_MIN_WIDTH = 6
#: The widest a requirement column grows; a longer one (>固定资产投资增速) wraps in its cell.
REQUIREMENT_MAX_WIDTH = 10
#: The name width a layout must leave before it counts as fitting (all but the last layout).
NAME_COMFORT_WIDTH = 16
#: The id column, shortened: enough for ``tech-progress-c…``.
ID_SHORT_WIDTH = 16
#: The columns that hold names: they give way first, down to NAME_MIN_WIDTH.
_NAME_KEYS = frozenset({"name", "responsible"})
#: Long headers in the compact layout: where a Chinese one breaks (it has no space to break
#: at), and the shorter English word for the requirement.
_COMPACT_HEADERS: Mapping[str, str] = {"序时目标值": "序时\n目标值", "完成序时进度": "完成序时\n进度",
                                       "Requirement": "Required"}


@record(frozen=True, slots=True)
class Layout:
    """What a table shows at a given width (docs/reports.md#table-and-text)."""

    ids: str  # "full", "short" or "none"
    bar: int  # cells of the attainment bar
    compact: bool  # two-line headers and statuses, one space between columns
    name_min: int = NAME_COMFORT_WIDTH  # the name width this layout must leave to be chosen


#: From the widest to the narrowest; the first that fits is used.
LAYOUTS: tuple[Layout, ...] = (
    Layout("full", 10, False),
    Layout("short", 10, False),
    Layout("none", 10, False),
    Layout("none", 10, True),
    Layout("none", 5, True, NAME_MIN_WIDTH),
)


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
    width = options.width or DEFAULT_WIDTH
    lang = options.lang
    names = unit_names(report, lang)
    blocks: list[Table | Text] = []
    if options.view == "units":
        blocks.append(_unit_summary_table(report, lang, options.units))
    else:
        for info, results in results_by_plan(report):
            blocks.append(fitted(_results_builder(plan_heading(info, lang), results, lang, names), width))
    explained = explanation_block_lines(report, lang)
    if explained:
        explanations = Text(blabel("explanations", lang) + "\n", style="bold")
        explanations.append("\n".join(explained))
        blocks.append(explanations)
    rows = unit_rows(report, options.units)
    if rows:
        blocks.append(fitted(_shortfall_builder(rows, names, lang), width, layouts=(LAYOUTS[0], LAYOUTS[-1])))
    if report.findings:
        findings = Text(label("findings", lang) + "\n", style="bold")
        findings.append("\n".join(one_line(format_parsable(f, lang)) for f in sorted_findings(report.findings)),
                        style="dim")
        blocks.append(findings)
    if report.superseded:
        blocks.append(_superseded_table(report, lang))
    width = max([width, *(fitting_width(t) for t in blocks if isinstance(t, Table))])
    buffer = io.StringIO()
    console = make_console(replace(options, width=width), buffer)
    for block in blocks:
        console.print(block)
        console.print()
    # The summary never wraps: scripts grep it.
    console.print(Text(summary_line(report, lang), style="bold"), soft_wrap=True)
    output = buffer.getvalue()
    return "\n".join(line.rstrip() for line in output.split("\n"))


def fitted(build: Callable[[Layout], Table], width: int, layouts: Sequence[Layout] = LAYOUTS) -> Table:
    """The table of the first layout that fits ``width``; the last layout otherwise."""
    for layout in layouts[:-1]:
        candidate = build(layout)
        if fitting_width(candidate, layout.name_min) <= width:
            return candidate
    return build(layouts[-1])


def _new_table(title: str, columns: Sequence[Column], lang: str, layout: Layout) -> Table:
    """A borderless table; only the wrapping columns (names) may wrap, so rows stay aligned."""
    table = Table(title=Text(title, style="bold"), title_justify="left", box=box.SIMPLE_HEAD,
                  show_edge=False, pad_edge=False, collapse_padding=True,
                  padding=(0, 0) if layout.compact else (0, 1))
    for column in columns:
        short_id = column.key == "target" and layout.ids == "short"
        minimum = (NAME_MIN_WIDTH if column.key in _NAME_KEYS else OTHER_MIN_WIDTH) if column.wraps else None
        table.add_column(_header(column, lang, layout), justify="right" if column.numeric else "left",
                         no_wrap=not column.wraps, overflow="fold" if column.wraps else "ellipsis",
                         min_width=minimum, max_width=ID_SHORT_WIDTH if short_id else None)
    return table


def _header(column: Column, lang: str, layout: Layout) -> str:
    """The header of a column; in the compact layout a long one takes two lines."""
    text = column.label(lang)
    if not layout.compact:
        return text
    if text in _COMPACT_HEADERS:
        return _COMPACT_HEADERS[text]
    return text.replace(" ", "\n", 1) if len(text) > 8 else text


def fitting_width(table: Table, name_min: int = NAME_MIN_WIDTH) -> int:
    """The narrowest width at which no column but the wrapping ones is cut, the
    names held at ``name_min`` cells and the other wrapping columns at their
    minimum, so every other column (ids, numbers, the bar, the status) gets its
    widest cell in full."""
    wrapping: list[RichColumn] = [c for c in table.columns if not c.no_wrap]
    saved = [(c.min_width, c.max_width) for c in wrapping]
    for column in wrapping:
        # A name column is the one made with NAME_MIN_WIDTH (see _new_table).
        column.min_width = column.max_width = name_min if column.min_width == NAME_MIN_WIDTH else column.min_width
    try:
        probe = Console(file=io.StringIO(), width=10_000, legacy_windows=False)
        return Measurement.get(probe, probe.options, table).maximum
    finally:
        for column, (low, high) in zip(wrapping, saved, strict=True):
            column.min_width, column.max_width = low, high


def _status_text(result: Result, lang: str, layout: Layout) -> str:
    """The status label; in the compact layout its marks (力争, 属性, 据报) go on a second line."""
    text = status_text(result, lang)
    mark = "（" if lang == "zh" else " ("
    if layout.compact and mark in text:
        cut = text.index(mark)
        return text[:cut] + "\n" + text[cut:].lstrip()
    return text


def _results_builder(title: str, results: list[Result], lang: str,
                     names: Mapping[str, str]) -> Callable[[Layout], Table]:
    def build(layout: Layout) -> Table:
        return _results_table(title, results, lang, names, layout)
    return build


def _results_table(title: str, results: list[Result], lang: str, names: Mapping[str, str],
                   layout: Layout) -> Table:
    columns = [c for c in RESULT_COLUMNS if not (c.key == "target" and layout.ids == "none")]
    trend = trend_columns(results, lang)  # with --compare/--years: a status per earlier year, the trend
    years = trend_years(results)
    table = _new_table(title, (*columns, *trend), lang, layout)
    for result in results:
        cells = []
        for column in columns:
            if column.key == "attainment":
                cells.append(Text(f"{attainment_bar(result, layout.bar)} {result_attainment(result):>6}"))
            elif column.key == "status":
                cells.append(status_cell(display_status(result), _status_text(result, lang, layout)))
            else:
                cells.append(Text(RESULT_CELLS[column.key](result, lang, names)))
        cells.extend(Text(cell) for cell in (trend_cells(result, years, lang) if trend else ()))
        table.add_row(*cells)
    _fix_requirement_width(table, columns, [[requirement_cell(r, lang)] for r in results])
    return table


def _fix_requirement_width(table: Table, columns: Sequence[Column], cells: Sequence[Sequence[str]]) -> None:
    """Give the requirement column the width of its widest text (capped): rich narrows
    every wrapping column alike, and ``≥1000`` must not wrap so that a name can stay wide."""
    index = next(i for i, column in enumerate(columns) if column.key == "requirement")
    rich_column = table.columns[index]
    texts = [str(rich_column.header), *(text for row in cells for text in row)]
    widest = max(cell_len(line) for text in texts for line in text.split("\n"))
    rich_column.width = min(widest, REQUIREMENT_MAX_WIDTH)


def _shortfall_builder(rows: list[UnitRow], names: Mapping[str, str], lang: str) -> Callable[[Layout], Table]:
    def build(layout: Layout) -> Table:
        return _shortfall_table(rows, names, lang, layout)
    return build


def _shortfall_table(rows: list[UnitRow], names: Mapping[str, str], lang: str, layout: Layout) -> Table:
    table = _new_table(label("units_view", lang), SHORTFALL_COLUMNS, lang, layout)
    for row in rows:
        cells = []
        for column in SHORTFALL_COLUMNS:
            if column.key == "status" and row.result is not None:
                cells.append(status_cell(display_status(row.result), _status_text(row.result, lang, layout)))
            else:
                cells.append(Text(UNIT_CELLS[column.key](row, lang, names)))
        table.add_row(*cells)
    _fix_requirement_width(table, SHORTFALL_COLUMNS,
                           [[requirement_cell(row.result, lang)] for row in rows if row.result is not None])
    return table


def _unit_summary_table(report: Report, lang: str, selected: tuple[str, ...]) -> Table:
    table = _new_table(label("summary", lang), UNIT_SUMMARY_COLUMNS, lang, LAYOUTS[0])
    for row in unit_summary_texts(report, lang, selected):
        table.add_row(*(Text(cell) for cell in row))
    return table


def _superseded_table(report: Report, lang: str) -> Table:
    """CSV rows replaced by a stronger data status: nothing is dropped silently
    (docs/actuals.md#data-status-and-duplicates)."""
    table = _new_table(label("superseded", lang), SUPERSEDED_COLUMNS, lang, LAYOUTS[0])
    for row in superseded_rows(report, lang):
        table.add_row(*(Text(cell) for cell in row))
    return table
