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
from typing import TYPE_CHECKING, Sequence

from policycheck.findings import sorted_findings
from policycheck.reporters.labels import label, status_label
from policycheck.model import STATUSES
from policycheck.reporters import RenderOptions, summary_line
from policycheck.reporters.bulletin_cells import add_trend_columns, explanation_entries
from policycheck.reporters.bulletin_labels import blabel
from policycheck.reporters.common import (
    finding_rows,
    one_line,
    plan_heading,
    result_headers,
    result_row_texts,
    results_by_plan,
    superseded_headers,
    superseded_rows,
    unit_headers,
    unit_row_texts,
    unit_summary_headers,
    unit_summary_texts,
)

if TYPE_CHECKING:
    from policycheck.model import Report

#: Characters with a meaning in GFM inline text; escaped with a backslash.
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~!&])")
_STATUS_ICONS = {
    "missed": "🔴", "regressing": "🔴", "off_track": "🟠", "at_risk": "🟡",
    "no_data": "⚪", "pending": "⚪", "on_track": "🟢", "met": "🟢",
}


def escape(text: str) -> str:
    """Inline Markdown text that stays one table cell: specials escaped, one line."""
    return _SPECIAL.sub(r"\\\1", one_line(text))


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], *, numeric: Sequence[int] = ()) -> str:
    """A GFM pipe table; numeric columns are right-aligned."""
    align = ["---:" if i in numeric else "---" for i in range(len(headers))]
    lines = [_row(headers), "| " + " | ".join(align) + " |"]
    lines += [_row(row) for row in rows]
    return "\n".join(lines)


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(escape(c) for c in cells) + " |"


def render(report: "Report", options: RenderOptions) -> str:
    lang = options.lang
    blocks = [f"# policycheck\n\n{escape(summary_line(report, lang))}", _headline(report, lang)]
    if options.view == "units":
        blocks.append(_unit_summary(report, lang))
    shortfalls = unit_row_texts(report, lang)
    if shortfalls:
        blocks.append(f"## {label('units_view', lang)}\n\n" + table(unit_headers(lang), shortfalls, numeric=[5]))
    if options.view != "units":
        for info, results in results_by_plan(report):
            headers, rows = add_trend_columns(results, result_headers(lang),
                                              [result_row_texts(r, lang) for r in results], lang)
            body = table(headers, rows, numeric=[2, 3, 4, 5]) if rows else "—"
            blocks.append(f"## {escape(plan_heading(info, lang))}\n\n{body}")
    explained = explanation_table(report, lang)
    if explained:
        blocks.append(f"## {escape(blabel('explanations', lang))}\n\n{explained}")
    if report.findings:
        headers = ["file:line:column", "level", "rule", "message"]
        blocks.append(f"## {label('findings', lang)}\n\n"
                      + table(headers, finding_rows(sorted_findings(report.findings))))
    if report.superseded:
        blocks.append(f"## {label('superseded', lang)}\n\n"
                      + table(superseded_headers(lang), superseded_rows(report, lang), numeric=[3, 5]))
    return "\n\n".join(blocks) + "\n"


def _headline(report: "Report", lang: str) -> str:
    """One bullet per status present, worst first, with the number of results."""
    counts = report.summary.by_status
    lines = [f"- {_STATUS_ICONS[s]} {escape(status_label(s, lang))}: **{counts[s]}**"
             for s in STATUSES if counts.get(s)]
    return "\n".join(lines) if lines else "—"


def _unit_summary(report: "Report", lang: str) -> str:
    rows = unit_summary_texts(report, lang)
    return f"## {label('summary', lang)}\n\n" + table(unit_summary_headers(lang), rows, numeric=[1, 2, 3])


def explanation_table(report: "Report", lang: str) -> str:
    """Causes and next steps: one row per failing or explained result; "" when none is explained."""
    from policycheck.reporters.common import result_label, result_name, status_text

    entries = explanation_entries(report)
    if not entries:
        return ""
    headers = [label("target", lang), label("name", lang), label("status", lang),
               *(blabel(key, lang) for key in ("cause", "measures", "person", "source"))]
    rows = []
    for result in entries:
        note = result.explanation
        texts = ([note.cause, note.measures, note.person, note.source] if note is not None
                 else [blabel("no_explanation", lang), None, None, None])
        rows.append([result_label(result), result_name(result, lang), status_text(result, lang),
                     *(text or "—" for text in texts)])
    return table(headers, rows)
