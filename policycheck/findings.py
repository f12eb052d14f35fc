"""Findings: one problem found in an input file, with where it is.

Every rule of docs/validation.md#rules (PC100..PC500) produces a :class:`Finding`.  Lines and
columns are 1-based; 0 means "the whole file" (no position known).  A finding
in a sheet of a workbook has ``file`` ``data.xlsx#表1``, the row as its line and
the column as its column, and is shown as ``data.xlsx#表1!B7``
(docs/actuals.md#workbooks).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import field
from typing import Literal

from policycheck.messages import RULE_TITLES, Text, msg
from policycheck.records import record

Level = Literal["error", "warning"]

ERROR: Level = "error"
WARNING: Level = "warning"

#: The rule catalogue: every rule id and what it finds, in one line (the SARIF
#: shortDescription of its findings; docs/validation.md explains each one).
#: Both languages live in :data:`policycheck.messages.RULE_TITLES`.
RULES: Mapping[str, str] = {rule: titles["en"] for rule, titles in RULE_TITLES.items()}


@record(frozen=True, slots=True)
class Finding:
    """One validation finding; field order is the JSON order of docs/reports.md#json."""

    rule: str
    level: Level
    file: str
    line: int
    column: int
    message: str
    #: The character column (1-based, code points) of a CSV finding's cell, whose
    #: ``column`` is the field index (docs/actuals.md); 0 when the cell does not
    #: start on the finding's line; None when ``column`` is a character column
    #: already (plans).  SARIF and GitHub annotations point editors at characters.
    char_column: int | None = field(default=None, compare=False)
    #: The message in Chinese (:mod:`policycheck.messages`); empty for a finding made
    #: without the catalogue, which then reads the same in both languages.
    message_zh: str = field(default="", compare=False)

    @property
    def editor_column(self) -> int:
        """The column an editor or code-scanning view needs: a character position."""
        return self.column if self.char_column is None else self.char_column

    @classmethod
    def of(cls, rule: str, level: Level, file: str, line: int, column: int, text: Text) -> Finding:
        """A finding whose message comes from the catalogue, in both languages."""
        return cls(rule=rule, level=level, file=file, line=line, column=column, message=text.en,
                   message_zh=text.zh)

    def text(self, lang: str = "en") -> str:
        """The message in ``lang``: Chinese under zh when there is one, else English."""
        return self.message_zh if lang == "zh" and self.message_zh else self.message

    @property
    def is_error(self) -> bool:
        return self.level == ERROR

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line, self.column, self.rule, self.message)

    def location_text(self) -> str:
        """``FILE:LINE:COL`` (or ``FILE:LINE`` / ``FILE`` when not known);
        ``BOOK#SHEET!B7`` for a cell of a workbook."""
        return location_text(self.file, self.line, self.column)

    def to_dict(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "level": self.level,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "message": self.message,
        }


#: Where a run hands its warnings (the CLI prints them; the API collects them).
WarningSink = Callable[[Sequence[Finding]], None]


@record(frozen=True)
class Validation:
    """What ``validate`` found: the files it read and every finding."""

    files: tuple[str, ...]
    findings: tuple[Finding, ...] = field(default_factory=tuple)
    strict: bool = False
    #: YAML files found in folders that are not plans (no top-level ``policycheck`` key)
    skipped: tuple[str, ...] = ()


#: File names of workbooks; ``BOOK#SHEET`` names one sheet of one.
WORKBOOK_SUFFIXES: tuple[str, ...] = (".xlsx", ".xlsm", ".xls", ".ods")


def split_sheet(file: str) -> tuple[str, str | None]:
    """``data.xlsx#表1`` -> (``data.xlsx``, ``表1``); any other name -> (name, None)."""
    at = file.find("#")
    while at > 0:
        if file[:at].lower().endswith(WORKBOOK_SUFFIXES):
            return file[:at], file[at + 1:]
        at = file.find("#", at + 1)
    return file, None


def column_letters(column: int) -> str:
    """The letters of a 1-based column, as a spreadsheet names it: 1 -> A, 27 -> AA."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def location_text(file: str, line: int, column: int) -> str:
    """Where something is: ``FILE:LINE:COL`` in a text file, ``BOOK#SHEET!B7`` in a
    workbook (``BOOK#SHEET!7:7`` for a whole row); what is unknown (0) is left out."""
    if line <= 0:
        return file
    if split_sheet(file)[1] is not None:
        return f"{file}!{column_letters(column)}{line}" if column > 0 else f"{file}!{line}:{line}"
    if column <= 0:
        return f"{file}:{line}"
    return f"{file}:{line}:{column}"


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


def format_parsable(finding: Finding, lang: str = "en") -> str:
    """The yamllint "parsable" line: ``FILE:LINE:COL: level [RULE] message``.

    The level and rule stay as they are in every language (problem matchers
    parse them); the message is in ``lang``.
    """
    return f"{finding.location_text()}: {finding.level} [{finding.rule}] {finding.text(lang)}"
#: At most this many findings of one rule are listed per file; the rest are
#: counted in one more finding (docs/validation.md#how-many-findings).  A CSV
#: file with a million broken rows gave 200,000 lines on stderr and a 152 MB
#: SARIF file; the first hundred say as much, and the count says how many more.
MAX_PER_RULE = 100


class RuleLimit:
    """Admits the first ``limit`` findings of each (file, rule) and counts the others.

    Callers ask :meth:`take` before building a finding, so the findings of a
    huge file are never all held in memory; :meth:`summaries` gives one finding
    per (file, rule) over the limit, at the first one left out, as severe as
    the most severe one left out.
    """

    def __init__(self, limit: int = MAX_PER_RULE) -> None:
        self.limit = limit
        self._counts: dict[tuple[str, str], int] = {}
        self._first_left_out: dict[tuple[str, str], tuple[int, int]] = {}
        self._errors_left_out: set[tuple[str, str]] = set()

    def take(self, file: str, rule: str, level: str, line: int, column: int) -> bool:
        """Whether a finding of ``rule`` in ``file`` is to be listed (False: counted only)."""
        key = (file, rule)
        count = self._counts.get(key, 0) + 1
        self._counts[key] = count
        if count <= self.limit:
            return True
        self._first_left_out.setdefault(key, (line, column))
        if level == ERROR:
            self._errors_left_out.add(key)
        return False

    def summaries(self) -> list[Finding]:
        """One finding per (file, rule) over the limit, saying how many were left out."""
        found = []
        for key, (line, column) in self._first_left_out.items():
            file, rule = key
            more = self._counts[key] - self.limit
            level: Level = ERROR if key in self._errors_left_out else WARNING
            found.append(Finding.of(rule, level, file, line, column,
                                    msg("limit.more", more=f"{more:,}", rule=rule, limit=self.limit)))
        return found


def cap_findings(findings: Iterable[Finding], limit: int = MAX_PER_RULE) -> list[Finding]:
    """``findings`` with at most ``limit`` per file and rule, and a count of the rest."""
    rule_limit = RuleLimit(limit)
    kept = [f for f in findings if rule_limit.take(f.file, f.rule, f.level, f.line, f.column)]
    return kept + rule_limit.summaries()
