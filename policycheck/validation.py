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

Every plan is checked on its own, then the CSV files are read together
against all the plans given, exactly as ``check`` reads its ``-a`` files: so
``validate`` reports everything ``check`` would refuse about the same files
(an unknown target id, a target id several plans share without a plan column,
two plan files with one plan id, rows of two files that conflict).  The one
difference is kind to folders: a row repeated with the same value in another
file is no finding here, since a folder may hold one table in two encodings.
An explanations file (recognised by its 原因/措施 columns) is checked as
explanations: docs/validation.md#explanations-files.
"""
from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from policycheck.findings import WORKBOOK_SUFFIXES, Finding, Validation, sorted_findings, split_sheet

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
    if found.csvs:
        findings.extend(_csv_findings(found.csvs, plans, encoding=encoding, allow_unknown=allow_unknown))
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
            # ./a.csv, a.csv and a link to it are one file, as check counts them
            key = os.path.realpath(file)
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


def _csv_findings(paths: list[str], plans: list[Plan], *, encoding: str, allow_unknown: bool) -> list[Finding]:
    """What the actuals reader finds in the CSV files read together, as check reads them; never a traceback."""
    from policycheck.actuals.load import read_actuals
    from policycheck.actuals.notes_read import is_notes_file
    from policycheck.actuals.notes_resolve import notes_file_findings

    notes = [path for path in paths if is_notes_file(path)]  # 原因/措施 columns: explanations, not actuals
    findings = [f for path in notes
                for f in notes_file_findings(path, plans, encoding=encoding, allow_unknown=allow_unknown)]
    data = [path for path in paths if path not in notes]
    if not data:
        return findings
    read = list(read_actuals(data, plans=plans, encoding=encoding, allow_unknown=allow_unknown,
                             allow_copies=True).findings)
    # A workbook with no sheet of actuals may be one of explanations (docs/reports.md#explanations).
    for path in sorted({f.file for f in read if f.rule == "PC401" and f.line == 0} & set(data)):
        explained = notes_file_findings(path, plans, encoding=encoding, allow_unknown=allow_unknown)
        if not any(f.rule == "PC601" for f in explained):
            read = [f for f in read if f.file != path] + explained
    return findings + read
