"""The core of ``policycheck validate``: plans first, then CSV files against those plans.

Folders are searched recursively for ``*.yaml``, ``*.yml``, ``*.csv`` and
workbooks (``*.xlsx``, ``*.xlsm``, ``*.xls``, ``*.ods``; hidden folders such as
``.git`` and Excel's ``~$`` lock files are skipped).  A YAML file found in a folder is a plan
only when it has a top-level ``policycheck: <version>`` key: CI configurations
(GitHub Actions, GitLab CI) and other YAML kept beside plans are skipped and
listed in :attr:`Validation.skipped`.  A file named on the command line is
always checked.  A folder that holds no plan and no CSV file at all is listed
in :attr:`Expanded.empty`: the command line treats it like a missing path,
because a CI job validating an empty folder almost surely names the wrong one.

Every plan is checked on its own; each CSV file is then checked on its own
against the plans given in the same command (an explanations file, recognised
by its 原因/措施 columns, as explanations: docs/validation.md#explanations-files), so that a CI job validating
``plans/ examples/`` also catches unknown target ids.  A CSV file without a
plan column whose target ids are shared by several plans is checked against the
one plan that owns all of them, when exactly one does.
"""
from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from policycheck.errors import InputError
from policycheck.findings import ERROR, WORKBOOK_SUFFIXES, Finding, Validation, sorted_findings, split_sheet

if TYPE_CHECKING:
    from policycheck.model import Plan

PLAN_SUFFIXES = (".yaml", ".yml")
#: Actuals: CSV files and workbooks (docs/actuals.md#workbooks).
CSV_SUFFIXES = (".csv",) + WORKBOOK_SUFFIXES
#: A top-level ``policycheck`` key with a value on the same line (the format
#: version); a GitLab CI job called ``policycheck:`` has a mapping below it instead.
_PLAN_KEY = re.compile(rb"""^(?:\xef\xbb\xbf)?["']?policycheck["']?[ \t]*:[ \t]*[^\s#]""", re.MULTILINE)
#: How much of a YAML file the plan test reads: the plan size limit (PC102).
_SNIFF_BYTES = 10 * 1024 * 1024


@dataclass
class Expanded:
    """The files of a ``validate`` command: plans, CSV files, YAML files that are not plans,
    and the folders given that hold neither a plan nor a CSV file."""

    plans: list[str] = field(default_factory=list)
    csvs: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    empty: list[str] = field(default_factory=list)


def nothing_found(folder: str) -> str:
    """The line ``validate`` prints for a folder without a plan or CSV file (exit 2)."""
    return f"{folder}: no plan (*.yaml, *.yml with a top-level 'policycheck:' key) or CSV file found"


def run_validation(paths: Sequence[str], *, strict: bool = False, encoding: str = "auto",
                   allow_unknown: bool = False) -> Validation:
    """Check every plan and CSV under ``paths``; findings sorted by file, line, column."""
    return validate_found(expand(paths), strict=strict, encoding=encoding, allow_unknown=allow_unknown)


def validate_found(found: Expanded, *, strict: bool = False, encoding: str = "auto",
                   allow_unknown: bool = False) -> Validation:
    """Check the files :func:`expand` found (the command line looks at ``found.empty`` first)."""
    from policycheck.plans.build import check_plan_files

    plans, findings = check_plan_files(found.plans)
    for path in found.csvs:
        findings.extend(_csv_findings(path, plans, encoding=encoding, allow_unknown=allow_unknown))
    return Validation(files=tuple(found.plans + found.csvs), findings=tuple(sorted_findings(findings)),
                      strict=strict, skipped=tuple(found.skipped))


def expand_paths(paths: Sequence[str]) -> tuple[list[str], list[str]]:
    """(plan files, CSV files) of :func:`expand`."""
    found = expand(paths)
    return found.plans, found.csvs


def expand(paths: Sequence[str]) -> Expanded:
    """Plans, CSV files and skipped YAML files in the order given, folders in sorted order.

    A file named on the command line is taken whatever its suffix: ``.csv`` is
    read as actuals, anything else as a plan.  Each file is listed once.  A
    folder is empty when none of its files is a plan or a CSV file (a folder
    named twice is not empty the second time: its files were found the first).
    """
    found = Expanded()
    seen: dict[str, bool] = {}  # file -> whether it is checked (a plan or CSV file, not skipped YAML)
    for path in paths:
        searched = os.path.isdir(path)
        checked = 0
        for file in _walk(path) if searched else [path]:
            key = os.path.normpath(file)
            if key not in seen:
                seen[key] = _add(found, file, searched=searched)
            checked += seen[key]
        if searched and not checked:
            found.empty.append(path)
    return found


def _add(found: Expanded, file: str, *, searched: bool) -> bool:
    """Put a file in its list of ``found``; False when it is YAML skipped as not a plan."""
    if file.lower().endswith(CSV_SUFFIXES) or (split_sheet(file)[1] is not None and not os.path.exists(file)):
        found.csvs.append(file)
    elif searched and not is_plan_yaml(file):
        found.skipped.append(file)
        return False
    else:
        found.plans.append(file)
    return True


def is_plan_yaml(path: str) -> bool:
    """Whether a YAML file has a top-level ``policycheck: <version>`` line (a text test, no parsing).

    An unreadable file counts as a plan, so that reading it gives a finding.
    """
    try:
        with open(path, "rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError:
        return True
    return _PLAN_KEY.search(head) is not None


def _walk(folder: str) -> list[str]:
    found: list[str] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(os.path.join(root, name) for name in files
                     if name.lower().endswith(PLAN_SUFFIXES + CSV_SUFFIXES) and not name.startswith("~$"))
    return sorted(found)


def _csv_findings(path: str, plans: list[Plan], *, encoding: str, allow_unknown: bool) -> list[Finding]:
    """What the actuals reader finds in one CSV file; never a traceback.

    Files are read one at a time: the same rows in two files (a UTF-8 copy and
    an Excel GB18030 copy) are not a fault of either file.  When the file does
    not fit all the plans together (a target id several plans share and no plan
    column), the one plan that owns every row, if exactly one does, is its plan.
    """
    from policycheck.actuals.notes_read import is_notes_file

    if is_notes_file(path):  # an explanations file (原因/措施 columns), not actuals
        from policycheck.actuals.notes_resolve import notes_file_findings

        return notes_file_findings(path, plans, encoding=encoding, allow_unknown=allow_unknown)
    findings = _read(path, plans, encoding=encoding, allow_unknown=allow_unknown)
    if any(f.rule == "PC401" and f.file == path and f.line == 0 for f in findings):
        # A workbook with no sheet of actuals may be one of explanations (docs/reports.md#explanations).
        from policycheck.actuals.notes_resolve import notes_file_findings

        notes = notes_file_findings(path, plans, encoding=encoding, allow_unknown=allow_unknown)
        if not any(f.rule == "PC601" for f in notes):
            return notes
    if len(plans) < 2 or not _misfit(findings):
        return findings
    fits = []
    for plan in plans:
        alone = _read(path, [plan], encoding=encoding, allow_unknown=allow_unknown)
        if not _misfit(alone):
            fits.append(alone)
    return fits[0] if len(fits) == 1 else findings


def _misfit(findings: list[Finding]) -> bool:
    """The rows do not fit the plans: a column is missing (PC401) or a target id is unknown (PC403,
    at any level: ``--allow-unknown`` must not make a plan fit that lacks the file's targets)."""
    return any((f.rule == "PC401" and f.level == ERROR) or f.rule == "PC403" for f in findings)


def _read(path: str, plans: list[Plan], *, encoding: str, allow_unknown: bool) -> list[Finding]:
    from policycheck.actuals.load import read_actuals

    try:
        actuals = read_actuals([path], plans=plans, encoding=encoding, allow_unknown=allow_unknown)
    except InputError as exc:
        return list(exc.findings)
    return list(actuals.findings)
