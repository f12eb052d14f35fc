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

Every file is read once (:mod:`policycheck.inputs`).  A file named on the
command line that is not a regular file (``-``, ``/dev/stdin``, a FIFO,
``<(...)``) has no telling name: its bytes decide, a plan when they have the
top-level ``policycheck:`` key, else a CSV file.  A folder search reads regular
files only: a device, FIFO or socket found there (a committed symbolic link to
``/dev/zero``) is a finding, never read.
"""
from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import field
from typing import TYPE_CHECKING

from policycheck.errors import InputError
from policycheck.findings import ERROR, WORKBOOK_SUFFIXES, Finding, Validation, sorted_findings, split_sheet
from policycheck.inputs import DEFAULT_MAX_BYTES, STDIN, InputBytes, read_input
from policycheck.messages import Text, msg
from policycheck.records import record

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


@record
class Expanded:
    """The files of a ``validate`` command: plans, CSV files, YAML files that are not plans,
    and the folders given that hold neither a plan nor a CSV file."""

    plans: list[str] = field(default_factory=list)
    csvs: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    empty: list[str] = field(default_factory=list)
    #: files already read while sorting them (a stream's bytes decide what it is), by path
    read: dict[str, InputBytes] = field(default_factory=dict)
    #: devices, FIFOs and sockets a folder search found: listed as findings, never read
    special: list[str] = field(default_factory=list)


def nothing_found(folder: str) -> Text:
    """The line ``validate`` prints for a folder without a plan or CSV file (exit 2), in both languages."""
    return msg("cli.nothing-found", folder=folder)


def run_validation(paths: Sequence[str], *, strict: bool = False, encoding: str = "auto",
                   allow_unknown: bool = False, max_bytes: int = DEFAULT_MAX_BYTES) -> Validation:
    """Check every plan and CSV under ``paths``; findings sorted by file, line, column."""
    return validate_found(expand(paths, max_bytes=max_bytes), strict=strict, encoding=encoding,
                          allow_unknown=allow_unknown, max_bytes=max_bytes)


def validate_found(found: Expanded, *, strict: bool = False, encoding: str = "auto",
                   allow_unknown: bool = False, max_bytes: int = DEFAULT_MAX_BYTES) -> Validation:
    """Check the files :func:`expand` found (the command line looks at ``found.empty`` first)."""
    from policycheck.actuals.load import input_bytes
    from policycheck.plans.build import check_plan_yaml, gather_plans
    from policycheck.plans.yamlload import MAX_BYTES, yaml_from_input

    findings = [_special_finding(path) for path in found.special]
    plan_limit = min(MAX_BYTES, max_bytes)
    loads = []
    for path in found.plans:
        got = found.read.pop(path) if path in found.read else read_input(path, plan_limit)
        loads.append((path, check_plan_yaml(yaml_from_input(got, plan_limit), path)))
    plans, plan_findings = gather_plans(loads)  # two files with one plan id: PC320, as check says
    findings.extend(plan_findings)
    if found.csvs:
        inputs = (found.read.pop(path) if path in found.read else input_bytes(path, max_bytes)
                  for path in found.csvs)  # one at a time: a folder's files are never all in memory
        findings.extend(_csv_findings(inputs, plans, encoding=encoding, allow_unknown=allow_unknown))
    return Validation(files=tuple(found.plans + found.csvs + found.special),
                      findings=tuple(sorted_findings(findings)), strict=strict, skipped=tuple(found.skipped))


def _special_finding(path: str) -> Finding:
    rule = "PC400" if path.lower().endswith(CSV_SUFFIXES) else "PC100"
    return Finding.of(rule, ERROR, path, 0, 0, msg("input.special"))


def expand_paths(paths: Sequence[str]) -> tuple[list[str], list[str]]:
    """(plan files, CSV files) of :func:`expand`."""
    found = expand(paths)
    return found.plans, found.csvs


def expand(paths: Sequence[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Expanded:
    """Plans, CSV files and skipped YAML files in the order given, folders in sorted order.

    A file named on the command line is taken whatever its suffix: ``.csv`` is
    read as actuals, ``.yaml``/``.yml`` and any other regular file as a plan,
    and a stream (``-``, a FIFO, a device) by its content.  Each file is listed
    once.  A folder is empty when none of its files is a plan or a CSV file (a
    folder named twice is not empty the second time: its files were found the
    first).  Files read to decide what they are keep their bytes in ``read``.
    """
    found = Expanded()
    seen: dict[str, bool] = {}  # file -> whether it is checked (a plan or CSV file, not skipped YAML)
    for path in paths:
        searched = path != STDIN and os.path.isdir(path)
        checked = 0
        for file in _walk(path) if searched else [path]:
            # ./a.csv, a.csv and a link to it are one file, as check counts them
            key = os.path.realpath(file)
            if key not in seen:
                seen[key] = _add(found, file, searched=searched, max_bytes=max_bytes)
            checked += seen[key]
        if searched and not checked:
            found.empty.append(path)
    return found


def _add(found: Expanded, file: str, *, searched: bool, max_bytes: int) -> bool:
    """Put a file in its list of ``found``; False when it is YAML skipped as not a plan."""
    if searched and not _is_regular(file):
        found.special.append(file)
    elif file.lower().endswith(CSV_SUFFIXES) or (split_sheet(file)[1] is not None and not os.path.exists(file)):
        found.csvs.append(file)
    elif searched:
        got = read_input(file, _SNIFF_BYTES, head=_SNIFF_BYTES)
        if got.data is not None and _PLAN_KEY.search(got.data) is None:
            found.skipped.append(file)
            return False
        found.plans.append(file)
        # An unreadable file counts as a plan: reading it gave the finding.  A plan
        # over the limit keeps only its head, so the plan reader reports PC102.
        found.read[file] = got if not got.over_limit else InputBytes(file, over_limit=True, size=got.size)
    elif file != STDIN and (file.lower().endswith(PLAN_SUFFIXES) or _is_regular(file)):
        found.plans.append(file)  # a missing or unreadable file too: reading it gives the finding
    else:
        got = read_input(file, max_bytes, head=_SNIFF_BYTES)
        is_plan = got.data is not None and _PLAN_KEY.search(got.data[:_SNIFF_BYTES]) is not None
        if got.over_limit:
            got = InputBytes(file, problem=got.problem, over_limit=True, size=got.size)
        (found.plans if is_plan else found.csvs).append(file)
        found.read[file] = got
    return True


def _is_regular(path: str) -> bool:
    """A regular file (through symbolic links); a path that cannot be looked at counts as one."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return True


def is_plan_yaml(path: str) -> bool:
    """Whether a YAML file has a top-level ``policycheck: <version>`` line (a text test, no parsing).

    An unreadable file counts as a plan, so that reading it gives a finding.
    """
    got = read_input(path, _SNIFF_BYTES, head=_SNIFF_BYTES)
    return got.data is None or _PLAN_KEY.search(got.data) is not None


def _walk(folder: str) -> list[str]:
    found: list[str] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(os.path.join(root, name) for name in files
                     if name.lower().endswith(PLAN_SUFFIXES + CSV_SUFFIXES) and not name.startswith("~$"))
    return sorted(found)


def _csv_findings(inputs: Iterable[InputBytes], plans: list[Plan], *, encoding: str,
                  allow_unknown: bool) -> list[Finding]:
    """What the actuals reader finds in the CSV files read together, as check reads them; never a traceback."""
    from policycheck.actuals.load import read_actuals_from
    from policycheck.actuals.notes_read import is_notes_data
    from policycheck.actuals.notes_resolve import notes_file_findings

    findings: list[Finding] = []

    def actuals(found: Iterable[InputBytes]) -> Iterator[InputBytes]:
        """The inputs that are statistics; an explanations file (原因/措施 columns, or a workbook
        of explanation sheets) is checked as one here, from the bytes already read."""
        for got in found:
            if got.data is not None and is_notes_data(got.path, got.data):
                findings.extend(notes_file_findings(got.path, plans, encoding=encoding, allow_unknown=allow_unknown,
                                                    data=got.data))
            else:
                yield got

    try:
        read = read_actuals_from(actuals(inputs), plans=plans, encoding=encoding, allow_unknown=allow_unknown,
                                 allow_copies=True)
    except InputError as exc:
        return findings + list(exc.findings)
    return findings + list(read.findings)
