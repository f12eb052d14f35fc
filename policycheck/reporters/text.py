"""The ``text`` format: plain tables through tabulate, and parsable findings.

``render`` prints the same content as the rich ``table`` format (results,
shortfalls by unit, findings, rows superseded by a stronger data status, the
summary line) without any colour or box drawing, so it is safe for logs,
e-mails and ``diff``.  tabulate measures cells with ``wcwidth`` (its
``WIDE_CHARS_MODE``), so Chinese names align.  ``render_findings`` serves ``validate``: one yamllint-style
``FILE:LINE:COL: level [RULE] message`` line per finding, nothing else, so
editors and problem matchers can parse every line; when there is nothing to
report it prints one friendly line instead of staying silent.  YAML files that a
folder search skipped as not plans are named on a last line.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from policycheck.findings import Validation, format_parsable, sorted_findings
from policycheck.messages import msg
from policycheck.reporters import RenderOptions, summary_line
from policycheck.reporters.common import (
    RESULT_COLUMNS,
    SUPERSEDED_COLUMNS,
    Column,
    one_line,
    plan_heading,
    result_row_texts,
    results_by_plan,
    superseded_rows,
    unit_names,
)
from policycheck.reporters.labels import label
from policycheck.reporters.plaintable import simple_table
from policycheck.reporters.units import (
    SHORTFALL_COLUMNS,
    UNIT_SUMMARY_COLUMNS,
    unit_row_texts,
    unit_summary_texts,
)

if TYPE_CHECKING:
    from policycheck.model import Report

def render(report: Report, options: RenderOptions) -> str:
    """The report as plain-text tables: results per plan, units, summary."""
    blocks: list[str] = []
    if options.view == "units":
        table = _table(unit_summary_texts(report, options.lang, options.units), UNIT_SUMMARY_COLUMNS, options)
        blocks.append(f"{label('summary', options.lang)}\n\n{table}")
    else:
        names = unit_names(report, options.lang)
        for info, results in results_by_plan(report):
            rows = [result_row_texts(r, options.lang, names) for r in results]
            table = _table(rows, RESULT_COLUMNS, options)
            blocks.append(f"{plan_heading(info, options.lang)}\n\n{table}")
    unit_rows = unit_row_texts(report, options.lang, selected=options.units)
    if unit_rows:
        table = _table(unit_rows, SHORTFALL_COLUMNS, options)
        blocks.append(f"{label('units_view', options.lang)}\n\n{table}")
    if report.findings:
        lines = "\n".join(one_line(format_parsable(f, options.lang)) for f in sorted_findings(report.findings))
        blocks.append(f"{label('findings', options.lang)}\n\n{lines}")
    if report.superseded:
        table = _table(superseded_rows(report, options.lang), SUPERSEDED_COLUMNS, options)
        blocks.append(f"{label('superseded', options.lang)}\n\n{table}")
    blocks.append(summary_line(report, options.lang))
    return "\n\n".join(blocks) + "\n"


def _table(rows: list[list[str]], columns: Sequence[Column], options: RenderOptions) -> str:
    """A tabulate table; numeric columns are right-aligned like numbers in a sheet.

    The cells are text formatted by :mod:`policycheck.reporters.common`, so tabulate must not re-parse them.
    The default ``simple`` table of ordinary text is written without importing tabulate.
    """
    headers = [column.label(options.lang) for column in columns]
    if (options.tablefmt or "simple") == "simple":
        table = simple_table(rows, headers, [column.numeric for column in columns])
        if table is not None:
            return table
    from tabulate import tabulate  # lazy: other formats, and characters only wcwidth can measure

    return tabulate(rows, headers=headers,
                    tablefmt=options.tablefmt or "simple",
                    colalign=["right" if column.numeric else "left" for column in columns], disable_numparse=True)


def render_findings(validation: Validation, options: RenderOptions) -> str:
    """``validate`` output: parsable finding lines, or one line saying all is well."""
    findings = sorted_findings(validation.findings)
    lang = options.lang
    if findings:
        text = "".join(one_line(format_parsable(f, lang)) + "\n" for f in findings)
    else:
        count = len(validation.files)
        text = msg("validate.clean-one" if count == 1 else "validate.clean", count=count).get(lang) + "\n"
    return text + skipped_line(validation.skipped, lang)


def skipped_line(skipped: tuple[str, ...], lang: str = "en") -> str:
    """The last line of ``validate``: YAML files found in folders that are not plans, if any."""
    if not skipped:
        return ""
    key = "validate.skipped-one" if len(skipped) == 1 else "validate.skipped"
    return msg(key, count=len(skipped), files=", ".join(skipped)).get(lang) + "\n"
