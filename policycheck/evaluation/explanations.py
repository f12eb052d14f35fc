"""Explanations onto a report, and what ``--require-explanations`` finds.  Pure: no I/O.

A result gets the explanation whose key is its plan, target, unit and
assessment year, when that explanation says something (a cause or measures).
An explanation for the assessment year of a target in the report that matches
none of its results is a warning (PC602): it is a scoped target explained
without its unit, or with a unit that has no result.  Explanations for other years are kept for the runs of those years.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from policycheck.bulletin_model import Explanation, NoteKey
from policycheck.findings import ERROR, WARNING, Finding
from policycheck.messages import join, msg
from policycheck.model import Report, Result


def note_key(result: Result) -> NoteKey:
    return (result.plan, result.target, result.unit, result.year)


def says_something(explanation: Explanation | None) -> bool:
    return explanation is not None and bool(explanation.cause or explanation.measures)


def is_complete(explanation: Explanation | None) -> bool:
    """A 通报 needs both: why the target is behind (原因) and what will be done (措施)."""
    return explanation is not None and bool(explanation.cause and explanation.measures)


def with_explanations(report: Report, notes: Mapping[NoteKey, Explanation]) -> Report:
    """``report`` with each result's explanation, plus warnings for explanations that match nothing."""
    results = []
    for result in report.results:
        found = notes.get(note_key(result))
        results.append(replace(result, explanation=found) if says_something(found) else result)
    findings = [*report.findings, *_unmatched(report, notes)]
    return replace(report, results=tuple(results), findings=tuple(sorted(findings, key=Finding.sort_key)))


def _unmatched(report: Report, notes: Mapping[NoteKey, Explanation]) -> list[Finding]:
    years = {info.id: info.year for info in report.plans}
    keys = {note_key(r) for r in report.results}
    targets = {(r.plan, r.target) for r in report.results}
    found = []
    for key, explanation in notes.items():
        plan, target, unit, year = key
        if years.get(plan) != year or key in keys or (plan, target) not in targets:
            continue
        others = sorted(str(r.unit) for r in report.results if r.plan == plan and r.target == target)
        hint = (msg("PC602.per-unit", units=", ".join(others)) if unit is None
                else msg("PC602.results-for", units=", ".join(others)))
        label = f"{target} [{unit}]" if unit else target
        found.append(Finding.of("PC602", WARNING, explanation.file, explanation.line, 0,
                                msg("PC602.no-result", label=label, year=year, hint=hint)))
    return found


def missing_explanations(report: Report, notes: Mapping[NoteKey, Explanation]) -> list[Finding]:
    """PC606 for every failing result without a cause and measures (``--require-explanations``).

    The finding points at the row of the explanations file when there is one
    (a template row still empty, or half filled), otherwise at the target in
    its plan file, and says what to add.
    """
    findings = []
    for result in report.results:
        if not result.failing:
            continue
        explanation = notes.get(note_key(result))
        if is_complete(explanation):
            continue
        label = f"{result.target} [{result.unit}]" if result.unit else result.target
        status = msg(f"PC606.status.{result.status}")
        if explanation is None:
            findings.append(Finding.of(
                "PC606", ERROR, result.location.file, result.location.line, result.location.column,
                msg("PC606.none", label=label, status=status, year=result.year)))
            continue
        missing = join([msg(key) for key, text in (("PC606.cause", explanation.cause),
                                                   ("PC606.measures", explanation.measures)) if not text],
                       " and ", "和")
        findings.append(Finding.of(
            "PC606", ERROR, explanation.file, explanation.line, 0,
            msg("PC606.lacks", label=label, status=status, year=result.year, missing=missing)))
    return findings
