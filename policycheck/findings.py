"""Findings: one problem found in an input file, with where it is.

Every rule of SPEC 2.3 (PC100..PC409) produces a :class:`Finding`.  Lines and
columns are 1-based; 0 means "the whole file" (no position known).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Literal, Mapping

Level = Literal["error", "warning"]

ERROR: Level = "error"
WARNING: Level = "warning"

#: The rule catalogue: every rule id and what it finds, in one line (the SARIF
#: shortDescription of its findings; docs/validation.md explains each one).
RULES: Mapping[str, str] = {
    "PC100": "YAML syntax error",
    "PC101": "Duplicate key",
    "PC102": "YAML alias or anchor, or a file over 10 MiB",
    "PC200": "Plan does not match the plan schema",
    "PC300": "Duplicate target id",
    "PC301": "Responsible or scope unit not defined in units",
    "PC302": "Milestone year outside the plan period",
    "PC303": "Baseline year not before the first milestone year",
    "PC304": "Milestones move against the comparator",
    "PC305": "between value is not [lo, hi] with lo <= hi",
    "PC306": "A % level outside 0..100",
    "PC307": "Unknown reference",
    "PC308": "Keys that do not fit the kind of target",
    "PC309": "Target without quote (traceability)",
    "PC310": "times_baseline with no way to get a baseline",
    "PC400": "CSV cannot be decoded",
    "PC401": "CSV lacks a required column",
    "PC402": "Value is not a number (or not yes/no for a milestone)",
    "PC403": "Unknown target id",
    "PC404": "Conflicting rows for the same plan, target, unit, year and status",
    "PC405": "Exact duplicate row",
    "PC406": "Unknown unit",
    "PC407": "Row ignored",
    "PC408": "Year not an integer between 1900 and 2200",
    "PC409": "Unit of measure differs from the target's and cannot be converted",
    # Explanations files (--notes; docs/validation.md#explanations-files)
    "PC500": "Explanations file cannot be read",
    "PC501": "Explanations file lacks a required column",
    "PC502": "Unknown plan, target or unit in an explanations file",
    "PC503": "Bad year or row in an explanations file",
    "PC504": "Two explanations for the same target and year",
    "PC505": "Column of an explanations file ignored",
    "PC506": "Failing target without an explanation",
}


@dataclass(frozen=True, slots=True)
class Finding:
    """One validation finding; field order is the JSON order of SPEC 5.1."""

    rule: str
    level: Level
    file: str
    line: int
    column: int
    message: str

    @property
    def is_error(self) -> bool:
        return self.level == ERROR

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line, self.column, self.rule, self.message)

    def location_text(self) -> str:
        """``FILE:LINE:COL`` (or ``FILE:LINE`` / ``FILE`` when not known)."""
        if self.line <= 0:
            return self.file
        if self.column <= 0:
            return f"{self.file}:{self.line}"
        return f"{self.file}:{self.line}:{self.column}"

    def to_dict(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "level": self.level,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "message": self.message,
        }


def sorted_findings(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=Finding.sort_key)


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.is_error for f in findings)


def excerpt(text: str, limit: int = 80, quote: Callable[[str], str] = repr) -> str:
    """``text`` quoted for a message, cut in the middle when it is longer than ``limit``.

    A finding quotes the cell or YAML value it is about; a 3 MB CSV cell would
    otherwise make a 3 MB line on stderr and in every report.  Text of at most
    ``limit`` characters is ``quote(text)``, exactly as before (messages about
    ordinary cells do not change); longer text keeps its start and its end
    around ``…`` and says how long it is::

        '1234567890…7890' (2,097,152 characters)

    ``quote`` is ``repr`` for cells; plan messages that write ``'value'``
    pass their own quoting so short values read the same as ever.
    """
    if len(text) <= limit:
        return quote(text)
    head, tail = max(1, limit // 2), max(1, limit // 4)
    return f"{quote(text[:head] + '…' + text[-tail:])} ({len(text):,} characters)"


def quoted(text: str, limit: int = 80) -> str:
    """``'text'`` as plan messages quote keys and values, cut like :func:`excerpt`."""
    return excerpt(text, limit, quote=_single_quoted)


def _single_quoted(text: str) -> str:
    return f"'{text}'"


def format_parsable(finding: Finding) -> str:
    """The yamllint "parsable" line: ``FILE:LINE:COL: level [RULE] message``."""
    return f"{finding.location_text()}: {finding.level} [{finding.rule}] {finding.message}"
