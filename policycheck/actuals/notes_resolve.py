"""Rows of explanations files to explanations keyed by (plan, target, unit, year).

Each row is checked against the plans of the run, as an actuals row is: the
plan column may be left out when the target id belongs to one plan only; the
unit may be given by id or by name; the year must lie in the plan's years
(baseline to period end).  A second row for the same key is an error that
names the first, so no explanation is ever dropped silently.  A row with
neither a cause nor measures (a template row not filled in yet) is kept: it
says where the explanation belongs, and ``--require-explanations`` points at it.
"""
from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import field

from policycheck.actuals.cells import CellError, normalize, parse_year
from policycheck.actuals.notes_rows import NoteRow
from policycheck.bulletin_model import Explanation, NoteKey
from policycheck.findings import ERROR, WARNING, Finding, Level, excerpt
from policycheck.messages import Text, msg, same
from policycheck.model import Plan, Target
from policycheck.records import record


@record
class Resolved:
    notes: dict[NoteKey, Explanation] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)


def resolve_rows(rows: Sequence[NoteRow], plans: Sequence[Plan], *, allow_unknown: bool = False) -> Resolved:
    """Every usable row as an :class:`Explanation`; problems as findings."""
    resolver = _Resolver(plans, allow_unknown)
    for row in rows:
        resolver.add(row)
    return resolver.resolved


class _Resolver:
    def __init__(self, plans: Sequence[Plan], allow_unknown: bool) -> None:
        self.plans = {plan.id: plan for plan in plans}
        self.owners: dict[str, list[Plan]] = {}
        for plan in plans:
            for target in plan.targets:
                self.owners.setdefault(target.id, []).append(plan)
        self.allow_unknown = allow_unknown
        self.resolved = Resolved()

    def add(self, row: NoteRow) -> None:
        found = self._target(row)
        if found is None:
            return
        plan, target = found
        unit = self._unit(row, plan, target)
        year = self._year(row, plan)
        if isinstance(unit, bool) or year is None:
            return
        key: NoteKey = (plan.id, target.id, unit, year)
        first = self.resolved.notes.get(key)
        if first is not None:
            line, column = row.where("target")
            where = msg("PC604.line", line=first.line) if first.file == row.file else same(f"{first.file}:{first.line}")
            self._finding(row, "PC604", ERROR, line, column,
                          msg("PC604.second", label=_label(target.id, unit), year=year, where=where))
            return
        self.resolved.notes[key] = Explanation(
            cause=row.text("cause") or None, measures=row.text("measures") or None,
            person=row.text("person") or None, source=row.text("source") or None,
            file=row.file, line=row.line)

    def _target(self, row: NoteRow) -> tuple[Plan, Target] | None:
        tid = normalize(row.text("target"))
        line, column = row.where("target")
        if not tid:
            self._finding(row, "PC602", ERROR, line, column, msg("PC602.no-target"))
            return None
        plan_id = normalize(row.text("plan"))
        if plan_id:
            plan = self.plans.get(plan_id)
            if plan is None:
                pline, pcolumn = row.where("plan")
                self._unknown(row, msg("PC602.what-plan"), plan_id, list(self.plans), pline, pcolumn)
                return None
        else:
            owners = self.owners.get(tid, [])
            if len(owners) > 1:
                names = ", ".join(p.id for p in owners)
                self._finding(row, "PC602", ERROR, line, column,
                              msg("PC602.several-plans", target=excerpt(tid), plans=names))
                return None
            if not owners:
                self._unknown(row, msg("PC602.what-target"), tid, list(self.owners), line, column)
                return None
            plan = owners[0]
        target = plan.target(tid)
        if target is None:
            self._unknown(row, msg("PC602.what-target-of", plan=excerpt(plan.id)), tid,
                          [t.id for t in plan.targets], line, column)
            return None
        return plan, target

    def _unit(self, row: NoteRow, plan: Plan, target: Target) -> str | None | bool:
        """The unit id, None for a plan-wide explanation, False after a finding."""
        text = normalize(row.text("unit"))
        if not text:
            return None
        line, column = row.where("unit")
        uid = text if text in plan.units else next(
            (u.id for u in plan.units.values() if normalize(u.name) == text), None)
        scope = plan.scope_units(target)
        if uid is None or uid not in scope:
            hint = (msg("PC602.scope-one-of", units=", ".join(scope)) if scope
                    else msg("PC602.no-scope", target=target.id))
            key = "PC602.unknown-unit" if uid is None else "PC602.unit-out-of-scope"
            self._finding(row, "PC602", ERROR, line, column,
                          msg(key, unit=excerpt(text), target=excerpt(target.id), hint=hint))
            return False
        return uid

    def _year(self, row: NoteRow, plan: Plan) -> int | None:
        line, column = row.where("year")
        try:
            year = parse_year(row.text("year"))
        except CellError as exc:
            self._finding(row, "PC603", ERROR, line, column, exc.text)
            return None
        if not plan.baseline_year <= year <= plan.period_end:
            self._finding(row, "PC603", ERROR, line, column, msg(
                "PC603.year-outside", year=year, plan=plan.id, first=plan.baseline_year, last=plan.period_end))
            return None
        return year

    def _unknown(self, row: NoteRow, what: Text, name: str, known: list[str], line: int, column: int) -> None:
        close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
        hint = msg("PC602.did-you-mean", suggestion=excerpt(close[0])) if close else msg("PC602.use-defined")
        if self.allow_unknown:
            self._finding(row, "PC602", WARNING, line, column,
                          msg("PC602.unknown-ignored", what=what, name=excerpt(name)))
            return
        self._finding(row, "PC602", ERROR, line, column, msg("PC602.unknown", what=what, name=excerpt(name), hint=hint))

    def _finding(self, row: NoteRow, rule: str, level: Level, line: int, column: int, message: Text) -> None:
        self.resolved.findings.append(Finding.of(rule, level, row.file, line, column, message))


def _label(target: str, unit: str | None) -> str:
    return f"{target} [{unit}]" if unit else target


def notes_file_findings(path: str, plans: Sequence[Plan], *, encoding: str = "auto", allow_unknown: bool = False,
                        data: bytes | None = None) -> list[Finding]:
    """``validate`` on one explanations file (its bytes ``data`` when already read): every finding;
    without plans only its structure is checked."""
    from policycheck.actuals.notes_read import read_notes_file

    read = read_notes_file(path, encoding=encoding, data=data)
    findings = list(read.findings)
    if plans:
        findings.extend(resolve_rows(read.rows, plans, allow_unknown=allow_unknown).findings)
    return findings
