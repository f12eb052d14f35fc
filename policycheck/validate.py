"""The core of ``policycheck validate``: plans first, then CSV files against those plans.

Folders are searched recursively for ``*.yaml``, ``*.yml`` and ``*.csv`` (hidden
folders such as ``.git`` are skipped).  Every plan is checked on its own; the CSV
files are then checked against the plans given in the same command, so that a
CI job validating ``plans/ examples/`` also catches unknown target ids.
"""
from __future__ import annotations

import os
from typing import TYPE_CHECKING, Sequence

from policycheck.errors import InputError
from policycheck.findings import Finding, sorted_findings
from policycheck.reporters import Validation

if TYPE_CHECKING:
    from policycheck.model import Plan

PLAN_SUFFIXES = (".yaml", ".yml")
CSV_SUFFIXES = (".csv",)


def run_validation(paths: Sequence[str], *, strict: bool = False, encoding: str = "auto",
                   allow_unknown: bool = False) -> Validation:
    """Check every plan and CSV under ``paths``; findings sorted by file, line, column."""
    from policycheck.plan import check_plan_file

    plan_files, csv_files = expand_paths(paths)
    findings: list[Finding] = []
    plans: list[Plan] = []
    for path in plan_files:
        loaded = check_plan_file(path)
        findings.extend(loaded.findings)
        if loaded.plan is not None:
            plans.append(loaded.plan)
    if csv_files:
        findings.extend(_csv_findings(csv_files, plans, encoding=encoding, allow_unknown=allow_unknown))
    return Validation(files=tuple(plan_files + csv_files), findings=tuple(sorted_findings(findings)),
                      strict=strict)


def expand_paths(paths: Sequence[str]) -> tuple[list[str], list[str]]:
    """(plan files, CSV files) in the order given, folders expanded in sorted order.

    A file named on the command line is taken whatever its suffix: ``.csv`` is
    read as actuals, anything else as a plan.  Each file is listed once.
    """
    plans: list[str] = []
    csvs: list[str] = []
    seen: set[str] = set()
    for path in paths:
        files = _walk(path) if os.path.isdir(path) else [path]
        for file in files:
            key = os.path.normpath(file)
            if key in seen:
                continue
            seen.add(key)
            (csvs if file.lower().endswith(CSV_SUFFIXES) else plans).append(file)
    return plans, csvs


def _walk(folder: str) -> list[str]:
    found: list[str] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(os.path.join(root, name) for name in files
                     if name.lower().endswith(PLAN_SUFFIXES + CSV_SUFFIXES))
    return sorted(found)


def _csv_findings(csv_files: list[str], plans: list["Plan"], *, encoding: str,
                  allow_unknown: bool) -> list[Finding]:
    """What the actuals reader finds; an unusable CSV is findings too, never a traceback."""
    from policycheck.actuals import read_actuals

    try:
        actuals = read_actuals(csv_files, plans=plans, encoding=encoding, allow_unknown=allow_unknown)
    except InputError as exc:
        return list(exc.findings)
    return list(actuals.findings)
