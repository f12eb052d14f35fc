"""The ``markdown`` format: GitHub-flavoured Markdown for ``$GITHUB_STEP_SUMMARY``.

Headline counts first (one bullet per status present), then the shortfalls by
responsible unit, then every result per plan in a table, then findings and the
CSV rows superseded by a stronger data status.  Cell text is escaped so names
with ``|``, ``<``, ``*`` or newlines cannot break a table or inject HTML.  The
``units`` command leaves the per-plan result tables out and adds a per-unit
summary table instead.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from policycheck.findings import sorted_findings
from policycheck.reporters import RenderOptions, summary_line
from policycheck.reporters.bulletin_cells import add_trend_columns, explanation_entries
from policycheck.reporters.bulletin_labels import blabel
from policycheck.reporters.common import (
    RESULT_COLUMNS,
    SUPERSEDED_COLUMNS,
    Column,
    display_counts,
    finding_rows,
    one_line,
    plan_heading,
    result_label,
    result_name,
    result_row_texts,
    results_by_plan,
    status_text,
    superseded_rows,
    unit_names,
)
from policycheck.reporters.labels import label, status_label
from policycheck.reporters.statuses import STATUS_LOOKS
from policycheck.reporters.units import (
    SHORTFALL_COLUMNS,
    UNIT_SUMMARY_COLUMNS,
    unit_row_texts,
    unit_summary_texts,
)

if TYPE_CHECKING:
    from policycheck.model import Report

#: Characters with a meaning in GFM inline text; escaped with a backslash.
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~!&])")
#: The findings table: fixed English headers, as the parsable lines read.
_FINDING_COLUMNS = (Column("where", fixed="file:line:column", code=True), Column("level", fixed="level"),
                    Column("rule", fixed="rule", code=True), Column("message", fixed="message"))


def escape(text: str) -> str:
    """Inline Markdown text that stays one table cell: specials escaped, one line."""
    return _SPECIAL.sub(r"\\\1", one_line(text))


def table(columns: Sequence[Column], rows: Sequence[Sequence[str]], lang: str) -> str:
    """A GFM pipe table; numeric columns are right-aligned."""
    align = ["---:" if column.numeric else "---" for column in columns]
    lines = [_row([column.label(lang) for column in columns]), "| " + " | ".join(align) + " |"]
    lines += [_row(row) for row in rows]
    return "\n".join(lines)


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(escape(c) for c in cells) + " |"


def render(report: Report, options: RenderOptions) -> str:
    lang = options.lang
    blocks = [f"# policycheck\n\n{escape(summary_line(report, lang))}", _headline(report, lang)]
    if options.view == "units":
        blocks.append(_unit_summary(report, lang, options.units))
    shortfalls = unit_row_texts(report, lang, selected=options.units)
    if shortfalls:
        blocks.append(f"## {label('units_view', lang)}\n\n" + table(SHORTFALL_COLUMNS, shortfalls, lang))
    if options.view != "units":
        names = unit_names(report, lang)
        for info, results in results_by_plan(report):
            columns, rows = add_trend_columns(results, RESULT_COLUMNS,
                                              [result_row_texts(r, lang, names) for r in results], lang)
            body = table(columns, rows, lang) if rows else "—"
            blocks.append(f"## {escape(plan_heading(info, lang))}\n\n{body}")
    explained = explanation_table(report, lang)
    if explained:
        blocks.append(f"## {escape(blabel('explanations', lang))}\n\n{explained}")
    if report.findings:
        blocks.append(f"## {label('findings', lang)}\n\n"
                      + table(_FINDING_COLUMNS, finding_rows(sorted_findings(report.findings), lang), lang))
    if report.superseded:
        blocks.append(f"## {label('superseded', lang)}\n\n"
                      + table(SUPERSEDED_COLUMNS, superseded_rows(report, lang), lang))
    return "\n\n".join(blocks) + "\n"


def _headline(report: Report, lang: str) -> str:
    """One bullet per (display) status present, worst first, with the number of results."""
    lines = [f"- {STATUS_LOOKS[s].icon} {escape(status_label(s, lang))}: **{n}**"
             for s, n in display_counts(report).items()]
    return "\n".join(lines) if lines else "—"


def _unit_summary(report: Report, lang: str, selected: tuple[str, ...]) -> str:
    rows = unit_summary_texts(report, lang, selected)
    return f"## {label('summary', lang)}\n\n" + table(UNIT_SUMMARY_COLUMNS, rows, lang)


#: The explanation columns after target, name and status (docs/reports.md#explanations).
_EXPLANATION_KEYS = ("cause", "measures", "person", "source")


def explanation_table(report: Report, lang: str) -> str:
    """Causes and next steps: one row per failing or explained result; "" when none is explained."""
    entries = explanation_entries(report)
    if not entries:
        return ""
    columns = (Column("target", code=True), Column("name", wraps=True), Column("status"),
               *(Column(key, fixed=blabel(key, lang)) for key in _EXPLANATION_KEYS))
    rows = []
    for result in entries:
        note = result.explanation
        texts = ([note.cause, note.measures, note.person, note.source] if note is not None
                 else [blabel("no_explanation", lang), None, None, None])
        rows.append([result_label(result), result_name(result, lang), status_text(result, lang),
                     *(text or "—" for text in texts)])
    return table(columns, rows, lang)
