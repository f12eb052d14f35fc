"""The year-end 通报 on a checked report: trends and explanations, for the command line and the API alike.

``check --compare LAST.json`` / ``--years A-B`` add each target's earlier
statuses and its trend (docs/reports.md#history-and-trends); ``--notes FILE``
adds explanations (docs/reports.md#explanations) and
``--require-explanations`` a PC606 finding for each failing target without
one.  :func:`policycheck.service.check` and ``policycheck check`` both call
:func:`with_bulletin`, so the API's report is the command line's.  Nothing here
prints: the warnings of explanations files go to ``on_warnings``.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from policycheck.errors import InputError, PolicycheckError
from policycheck.findings import Finding, WarningSink, has_errors
from policycheck.inputs import DEFAULT_MAX_BYTES
from policycheck.messages import msg

if TYPE_CHECKING:
    from policycheck.bulletin_model import Explanation, NoteKey, YearStatus
    from policycheck.evaluation.history import ResultKey
    from policycheck.evaluation.options import EvaluationOptions
    from policycheck.model import Plan, Report
    from policycheck.observations import Actuals
    from policycheck.previous import PastReport

#: Told the warnings of the explanations files (the command line prints them).


def with_bulletin(report: Report, plans: Sequence[Plan], actuals: Actuals, options: EvaluationOptions, *,
                  notes: Sequence[str] = (), compare: str | PastReport | None = None,
                  years: tuple[int, int] | None = None, require_explanations: bool = False,
                  encoding: str = "auto", allow_unknown: bool = False, max_bytes: int = DEFAULT_MAX_BYTES,
                  on_warnings: WarningSink | None = None) -> Report:
    """``report`` with trends (``compare``: a previous JSON report or its path; ``years``: the
    earlier years evaluated again) and explanations (``notes``: explanations files) added.

    With ``require_explanations`` the report's findings gain a PC606 error for each failing
    target without a cause and measures.  An explanations file with an error raises
    :class:`policycheck.errors.InputError` listing every finding.
    """
    if years is not None and compare is not None:
        raise PolicycheckError(msg("cli.compare-and-years"))
    if years is not None:
        report = _with_years(report, plans, actuals, options, years)
    elif compare is not None:
        report = with_previous(report, compare, max_bytes)
    if not (notes or require_explanations):
        return report
    from policycheck.evaluation.explanations import missing_explanations, with_explanations

    loaded = load_notes(notes, plans, encoding=encoding, allow_unknown=allow_unknown, max_bytes=max_bytes,
                        on_warnings=on_warnings)
    report = with_explanations(report, loaded)
    if require_explanations:
        missing = missing_explanations(report, loaded)
        report = replace(report, findings=tuple(sorted([*report.findings, *missing], key=Finding.sort_key)))
    return report


def load_notes(paths: Sequence[str], plans: Sequence[Plan], *, encoding: str = "auto", allow_unknown: bool = False,
               max_bytes: int = DEFAULT_MAX_BYTES,
               on_warnings: WarningSink | None = None) -> dict[NoteKey, Explanation]:
    """Every explanations file (CSV, a workbook or one of its sheets, YAML) checked against the plans;
    each is read once, at most ``max_bytes`` (docs/security.md)."""
    from policycheck.actuals.notes_read import read_notes_file
    from policycheck.actuals.notes_resolve import resolve_rows

    rows = []
    findings: list[Finding] = []
    for path in paths:
        read = read_notes_file(path, encoding=encoding, max_bytes=max_bytes)
        rows.extend(read.rows)
        findings.extend(read.findings)
    resolved = resolve_rows(rows, plans, allow_unknown=allow_unknown)
    findings.extend(resolved.findings)
    if has_errors(findings):
        raise InputError(findings)
    if on_warnings is not None and findings:
        on_warnings(findings)
    return resolved.notes


def with_previous(report: Report, previous: str | PastReport, max_bytes: int = DEFAULT_MAX_BYTES) -> Report:
    """Each result's status in the previous report (read from its path if need be) and its trend."""
    from policycheck.bulletin_model import YearStatus
    from policycheck.evaluation.history import with_trends
    from policycheck.previous import read_report

    past = read_report(previous, max_bytes) if isinstance(previous, str) else previous
    earlier: dict[ResultKey, YearStatus] = {
        (item.plan, item.target, item.unit): YearStatus(item.year, item.status, item.actual) for item in past.results}
    return with_trends(report, [earlier])


def _with_years(report: Report, plans: Sequence[Plan], actuals: Actuals, options: EvaluationOptions,
                years: tuple[int, int]) -> Report:
    from policycheck.evaluation.engine import evaluate_plans
    from policycheck.evaluation.history import with_trends, year_statuses

    first, last = years
    earlier: list[dict[ResultKey, YearStatus]] = [
        year_statuses(evaluate_plans(plans, actuals, replace(options, year=year))) for year in range(first, last)]
    return with_trends(report, earlier)


__all__ = ["load_notes", "with_bulletin", "with_previous"]
