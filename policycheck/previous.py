"""A previous JSON report read back: for ``check --compare`` and ``policycheck diff``.

Only what a comparison needs is read: per result its key (plan, target,
unit), name, year, status, actual and failing flag; the plans' assessment
years; the superseded rows and the findings.  Each of these is checked, so a
file that is not a policycheck JSON report gives one clear message
``FILE:LINE:COL: what is wrong`` (exit 2), never a traceback.  The line of a
result is found in the layout policycheck writes (one result per line); in a
file reformatted by another tool the message names the result instead.
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, NoReturn

from policycheck.errors import PolicycheckError
from policycheck.findings import Finding
from policycheck.inputs import DEFAULT_MAX_BYTES
from policycheck.messages import Text, msg, same
from policycheck.model import STATUSES, Status, Superseded
from policycheck.records import record

_NUMBER = (int, float)


@record(frozen=True, slots=True)
class PastResult:
    plan: str
    target: str
    unit: str | None
    name: str
    year: int
    status: Status
    actual: float | bool | None
    failing: bool


@record(frozen=True, slots=True)
class PastReport:
    file: str
    #: plan id -> assessment year (None: the report had no data for the plan)
    years: Mapping[str, int | None]
    results: tuple[PastResult, ...]
    superseded: tuple[Superseded, ...]
    findings: tuple[Finding, ...]


class ReportReadError(PolicycheckError):
    """A previous report that cannot be used; the message has the location."""


def read_report(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> PastReport:
    """Read and check a JSON report written by ``check -f json`` (or ``-o json=``): once, at most
    ``max_bytes``, through the one bounded reader (docs/security.md; ``-`` is standard input)."""
    from policycheck.inputs import read_input

    got = read_input(path, max_bytes)
    if got.data is None:
        problem = got.problem if got.problem is not None else same("?")
        raise ReportReadError(msg("input.report-unreadable", path=path, problem=problem))
    try:
        text = got.data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReportReadError(msg("input.report-not-utf8", path=path, byte=exc.start)) from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        # json's own reason (exc.msg) is English in either language: it names the JSON syntax.
        raise ReportReadError(msg("input.report-not-json", location=f"{path}:{exc.lineno}:{exc.colno}",
                                  error=exc.msg)) from exc
    return _Reader(path, text).report(data)


class _Reader:
    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.lines = text.split("\n")

    def fail(self, where: str, problem: Text, index: int | None = None, list_name: str = "results") -> NoReturn:
        line = self._line_of(list_name, index) if index is not None else 0
        location = f"{self.path}:{line}:5" if line else self.path
        raise ReportReadError(msg("input.report-not-report", location=location, where=where, problem=problem))

    def _line_of(self, list_name: str, index: int) -> int:
        """The line of item ``index`` of a top-level list in policycheck's own layout, else 0."""
        opening = f'  "{list_name}": ['
        for number, line in enumerate(self.lines, start=1):
            if line == opening:
                target = number + 1 + index
                if target <= len(self.lines) and self.lines[target - 1].startswith("    {"):
                    return target
                return 0
        return 0

    def report(self, data: Any) -> PastReport:
        if not isinstance(data, dict):
            self.fail("the top level", msg("input.report-top-level", kind=type(data).__name__))
        plans = self._list(data, "plans")
        results = self._list(data, "results")
        years: dict[str, int | None] = {}
        for index, item in enumerate(plans):
            pid = self._field(item, "id", (str,), index, "plans")
            year = self._field(item, "year", (int, type(None)), index, "plans")
            years[pid] = year
        past = tuple(self._result(item, index) for index, item in enumerate(results))
        superseded = tuple(self._superseded(item, index) for index, item in enumerate(data.get("superseded") or []))
        findings = tuple(self._finding(item, index) for index, item in enumerate(data.get("findings") or []))
        return PastReport(self.path, years, past, superseded, findings)

    def _list(self, data: dict[str, Any], name: str) -> list[Any]:
        value = data.get(name)
        if not isinstance(value, list):
            self.fail(name, msg("input.report-not-list"))
        return value

    def _field(self, item: Any, name: str, types: tuple[type, ...], index: int,
               list_name: str = "results") -> Any:
        """Field ``name`` of item ``index`` of the top-level list ``list_name``, of one of ``types``."""
        where = f"{list_name}[{index}]"
        if not isinstance(item, dict):
            self.fail(where, msg("input.report-not-object"), index, list_name)
        if name not in item:
            self.fail(f"{where}.{name}", msg("input.report-missing"), index, list_name)
        value = item[name]
        # JSON true is a Python bool, which is an int: a year or line must not be one.
        if (isinstance(value, bool) and bool not in types) or not isinstance(value, types):
            wanted = " or ".join("null" if t is type(None) else t.__name__ for t in types)
            self.fail(f"{where}.{name}", msg("input.report-type", value=repr(value), wanted=wanted), index, list_name)
        return value

    def _result(self, item: Any, index: int) -> PastResult:
        where = f"results[{index}]"
        status = self._field(item, "status", (str,), index)
        if status not in STATUSES:
            self.fail(f"{where}.status", msg("input.report-status", value=repr(status), statuses=", ".join(STATUSES)),
                      index)
        return PastResult(
            plan=self._field(item, "plan", (str,), index),
            target=self._field(item, "target", (str,), index),
            unit=self._field(item, "unit", (str, type(None)), index),
            name=self._field(item, "name", (str,), index),
            year=self._field(item, "year", (int,), index),
            status=status,
            actual=self._field(item, "actual", (*_NUMBER, bool, type(None)), index),
            failing=self._field(item, "failing", (bool,), index))

    def _superseded(self, item: Any, index: int) -> Superseded:
        def get(name: str, types: tuple[type, ...]) -> Any:
            return self._field(item, name, types, index, "superseded")

        return Superseded(file=get("file", (str,)), line=get("line", (int,)), plan=get("plan", (str,)),
                          target=get("target", (str,)), unit=get("unit", (str, type(None))),
                          year=get("year", (int,)), status=get("status", (str,)),
                          value=get("value", (*_NUMBER, bool, type(None))),
                          replaced_by=item.get("replaced_by"))

    def _finding(self, item: Any, index: int) -> Finding:
        def get(name: str, types: tuple[type, ...]) -> Any:
            return self._field(item, name, types, index, "findings")

        level = get("level", (str,))
        if level not in ("error", "warning"):
            self.fail(f"findings[{index}].level", msg("input.report-level", value=repr(level)), index, "findings")
        # The message as the report wrote it (English): read back, not composed here.
        return Finding.of(get("rule", (str,)), level, get("file", (str,)), get("line", (int,)),
                          get("column", (int,)), same(get("message", (str,))))
