"""What changed between two JSON reports (``policycheck diff OLD.json NEW.json``).  Pure: no I/O.

Results are matched by plan, target and unit.  The diff lists, in the order
of the new report (targets only in the old one last):

- status changes, each with its trend label and whether the target got worse
  (:func:`policycheck.evaluation.history.is_worse`: it is behind now and was
  not, or is further behind); a target in one report only is a change too;
- changed actuals: same target, another value (year over year when the two
  reports are of different years; a revised figure when of the same year);
- superseded rows and findings the new report has and the old one has not
  (matched on what they are, not on line numbers, which move when a file is edited).
"""
from __future__ import annotations

from collections.abc import Mapping

from policycheck.bulletin_model import TrendLabel
from policycheck.evaluation.history import is_better, is_worse, trend_label
from policycheck.findings import Finding
from policycheck.model import Superseded
from policycheck.previous import PastReport, PastResult
from policycheck.records import record

Key = tuple[str, str, "str | None"]


@record(frozen=True, slots=True)
class StatusChange:
    plan: str
    target: str
    unit: str | None
    name: str
    old: PastResult | None
    new: PastResult | None
    trend: TrendLabel | None
    worse: bool
    better: bool


@record(frozen=True, slots=True)
class ActualChange:
    plan: str
    target: str
    unit: str | None
    name: str
    old: PastResult
    new: PastResult

    @property
    def difference(self) -> float | None:
        """new minus old when both are numbers (not yes/no, not missing)."""
        old, new = self.old.actual, self.new.actual
        if isinstance(old, bool) or isinstance(new, bool) or old is None or new is None:
            return None
        return new - old


@record(frozen=True, slots=True)
class ReportDiff:
    old_file: str
    new_file: str
    old_years: Mapping[str, int | None]
    new_years: Mapping[str, int | None]
    status_changes: tuple[StatusChange, ...]
    actual_changes: tuple[ActualChange, ...]
    superseded: tuple[Superseded, ...]
    findings: tuple[Finding, ...]

    @property
    def worse(self) -> int:
        return sum(c.worse for c in self.status_changes)

    @property
    def better(self) -> int:
        return sum(c.better for c in self.status_changes)


def diff_reports(old: PastReport, new: PastReport) -> ReportDiff:
    old_by_key = {_key(r): r for r in old.results}
    new_keys = {_key(r) for r in new.results}
    changes: list[StatusChange] = []
    actuals: list[ActualChange] = []
    for result in new.results:
        before = old_by_key.get(_key(result))
        if before is None:
            changes.append(_change(result, None, result))
            continue
        if before.status != result.status:
            changes.append(_change(result, before, result))
        if not _same(before.actual, result.actual):
            actuals.append(ActualChange(result.plan, result.target, result.unit, result.name, before, result))
    changes += [_change(r, r, None) for r in old.results if _key(r) not in new_keys]
    old_superseded = {_superseded_key(s) for s in old.superseded}
    old_findings = {_finding_key(f) for f in old.findings}
    return ReportDiff(
        old_file=old.file, new_file=new.file, old_years=old.years, new_years=new.years,
        status_changes=tuple(changes), actual_changes=tuple(actuals),
        superseded=tuple(s for s in new.superseded if _superseded_key(s) not in old_superseded),
        findings=tuple(f for f in new.findings if _finding_key(f) not in old_findings))


def _same(old: float | bool | None, new: float | bool | None) -> bool:
    """Equal values; yes/no only equals yes/no (in Python True == 1.0)."""
    if isinstance(old, bool) or isinstance(new, bool):
        return old is new
    return old == new


def _key(result: PastResult) -> Key:
    return (result.plan, result.target, result.unit)


def _change(named: PastResult, old: PastResult | None, new: PastResult | None) -> StatusChange:
    trend = trend_label(old.status, new.status) if old is not None and new is not None else None
    worse = old is not None and new is not None and is_worse(old.status, new.status)
    better = old is not None and new is not None and is_better(old.status, new.status)
    return StatusChange(named.plan, named.target, named.unit, named.name, old, new, trend, worse, better)


def _superseded_key(row: Superseded) -> tuple[object, ...]:
    return (row.plan, row.target, row.unit, row.year, row.status, row.value, row.replaced_by)


def _finding_key(finding: Finding) -> tuple[object, ...]:
    return (finding.rule, finding.level, finding.file, finding.message)
