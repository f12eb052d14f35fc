"""Which series a CSV row belongs to: plan, target (or reference) and unit.

The reader sees the same few cell texts over and over (50 targets, a few
thousand units), so every answer is cached by the raw cell text: a row costs
one dict look-up, and the work here runs once per distinct combination.
A problem with a combination (unknown target, unknown unit...) is one
:class:`Problem` however many rows share it; the reader turns it into one
finding at its first row, with the number of rows it covers.
"""
from __future__ import annotations

import itertools
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from policycheck.actuals.cells import measure_factor, normalize
from policycheck.actuals.store import ObservationTable, SeriesView
from policycheck.findings import ERROR, WARNING, Finding, Level, excerpt
from policycheck.kinds import kind_spec
from policycheck.model import Plan, Target
from policycheck.observations import SeriesKey
from policycheck.suggest import Suggester

#: How a series' value cells are parsed: numbers, yes/no (a done-or-not kind), or either (no plan loaded).
PARSE_NUMBER, PARSE_YES_NO, PARSE_EITHER = 0, 1, 2


@dataclass(slots=True)
class Problem:
    """Why rows of one combination are not used; counted over the file."""

    rule: str
    level: Level
    message: str
    line: int
    column: int
    rows: int = 0

    def finding(self, path: str) -> Finding:
        extra = f" ({self.rows} rows)" if self.rows > 1 else ""
        return Finding(self.rule, self.level, path, self.line, self.column, self.message + extra)


#: The rows of a sink without a series: never appended to (``years`` None skips the row first).
_NO_ROWS = array("i")


class Sink:
    """Where the rows of one (plan, target, unit) go, and how to read their values."""

    __slots__ = ("key", "series", "years", "rows", "parse", "factor", "measure", "problem")

    def __init__(self, key: SeriesKey | None, series: SeriesView | None,
                 parse: int = PARSE_NUMBER, factor: float = 1.0, measure: str | None = None,
                 problem: Problem | None = None) -> None:
        self.key = key
        self.series = series  # None: the rows are skipped
        # The series' arrays, one attribute look-up away for the reader's hot loop.
        self.years = series.years if series is not None else None
        self.rows = series.rows if series is not None else _NO_ROWS
        self.parse = parse
        self.factor = factor
        self.measure = measure  # the target's unit of measure, for 万/亿 suffixes
        self.problem = problem


@dataclass(slots=True)
class _Series:
    """A resolved plan and target/reference, before the unit is known."""

    plan: Plan
    target_id: str
    target: Target | None  # None for a reference
    measure: str | None
    factor: float
    scope: frozenset[str] | None  # unit ids a unit row may name; None: no scope


def _cell(text: str) -> str:
    return text.strip() if text.isascii() else normalize(text)


class Resolver:
    """Resolves (plan, target, unit, measure) cell texts of one file to sinks."""

    def __init__(self, plans: Sequence[Plan], series: dict[SeriesKey, SeriesView],
                 table: ObservationTable, *, allow_unknown: bool) -> None:
        self.plans = {plan.id: plan for plan in plans}
        self.series = series
        self.table = table
        self.allow_unknown = allow_unknown
        self.owners: dict[str, list[Plan]] = {}
        for plan in plans:
            for tid in [t.id for t in plan.targets] + list(plan.references):
                self.owners.setdefault(tid, []).append(plan)
        self.problems: dict[tuple[str, str], Problem] = {}
        self._targets: dict[tuple[str, str, str], _Series | Problem] = {}
        self._units: dict[tuple[str, str], str | Problem] = {}
        self._names: dict[str, dict[str, str]] = {}  # plan id -> unit name -> unit id
        self.suggest = Suggester()

    def resolve(self, plan_cell: str, target_cell: str, unit_cell: str, measure_cell: str,
                line: int, cols: tuple[int, int, int, int]) -> Sink:
        """The sink for one combination; ``cols`` are the 1-based plan/target/unit/measure columns."""
        tid = _cell(target_cell)
        if not tid:
            return self._sink_problem("PC403", ERROR, "row without a target id", line, cols[1])
        if not self.plans:
            key = (_cell(plan_cell), tid, _cell(unit_cell) or None)
            return Sink(key, self._series_view(key), parse=PARSE_EITHER)
        tkey = (plan_cell, target_cell, measure_cell)
        resolved = self._targets.get(tkey)
        if resolved is None:
            resolved = self._targets[tkey] = self._resolve_target(plan_cell, tid, measure_cell, line, cols)
        if isinstance(resolved, Problem):
            return Sink(None, None, problem=resolved)
        uid = None
        if _cell(unit_cell):
            found = self._resolve_unit(resolved, unit_cell, line, cols[2])
            if isinstance(found, Problem):
                return Sink(None, None, problem=found)
            uid = found
        key = (resolved.plan.id, resolved.target_id, uid)
        yes_no = resolved.target is not None and kind_spec(resolved.target.kind).yes_no
        parse = PARSE_YES_NO if yes_no else PARSE_NUMBER
        return Sink(key, self._series_view(key), parse, resolved.factor, resolved.measure)

    def _series_view(self, key: SeriesKey) -> SeriesView:
        """The series of ``key``, shared by every file of the reading."""
        view = self.series.get(key)
        if view is None:
            view = self.series[key] = SeriesView(self.table)
        return view

    def _resolve_target(self, plan_cell: str, tid: str, measure_cell: str, line: int,
                        cols: tuple[int, int, int, int]) -> _Series | Problem:
        plan_id = _cell(plan_cell)
        if plan_id:
            plan = self.plans.get(plan_id)
            if plan is None:
                return self._unknown("plan", plan_id, self.plans, line, cols[0])
        else:
            owners = self.owners.get(tid, [])
            if not owners:
                plans = ", ".join(excerpt(p, quote=str) for p in self.plans)
                where = f"not in plan {plans}" if len(self.plans) == 1 else f"in none of the plans {plans}"
                return self._unknown("target", tid, self.owners, line, cols[1], where=where)
            if len(owners) > 1:
                names = ", ".join(excerpt(p.id, quote=str) for p in owners)
                return self._problem("PC401", ERROR, f"target {excerpt(tid)} is in several plans ({names}): "
                                     "add a plan column to say which", line, cols[1])
            plan = owners[0]
        target = plan.target(tid)
        if target is None and tid not in plan.references:
            ids = itertools.chain((t.id for t in plan.targets), plan.references)
            return self._unknown(f"target of plan {excerpt(plan.id)}", tid, ids, line, cols[1])
        return self._series(plan, tid, target, measure_cell, line, cols[3])

    def _series(self, plan: Plan, tid: str, target: Target | None, measure_cell: str,
                line: int, column: int) -> _Series | Problem:
        measure = target.unit if target is not None else plan.references[tid].unit
        factor = 1.0
        given = _cell(measure_cell)
        if given and measure:
            found = measure_factor(given, measure)
            if found is None:
                return self._problem("PC409", ERROR, f"unit of measure {excerpt(given)} of {excerpt(tid)} "
                                     f"differs from the target's {excerpt(measure)} and cannot be converted "
                                     "(only 万/亿 are)",
                                     line, column)
            factor = found
        scope = None
        if target is not None and target.scope is not None:
            scope = frozenset(plan.scope_units(target))
        return _Series(plan, tid, target, measure, factor, scope)

    def _resolve_unit(self, series: _Series, unit_cell: str, line: int, column: int) -> str | Problem:
        ukey = (series.plan.id, unit_cell)
        uid = self._units.get(ukey)
        if uid is None:
            uid = self._units[ukey] = self._unit_id(series.plan, _cell(unit_cell), line, column)
        if isinstance(uid, Problem):
            return uid
        if series.scope is None:
            return self._problem("PC407", WARNING, f"row ignored: {excerpt(series.target_id)} has no scope, "
                                 "so it has no per-unit values; "
                                 "leave the unit column empty for its plan-wide value",
                                 line, column)
        if uid not in series.scope:
            return self._problem("PC407", WARNING, f"row ignored: unit {excerpt(uid)} is not in the scope of "
                                 f"{excerpt(series.target_id)}", line, column)
        return uid

    def _unit_id(self, plan: Plan, text: str, line: int, column: int) -> str | Problem:
        unit = plan.units.get(text)
        if unit is not None:
            return unit.id  # the plan's own string: 142,200 series keys share 2,844 unit ids
        names = self._names.get(plan.id)
        if names is None:
            names = self._names[plan.id] = {normalize(u.name): uid for uid, u in plan.units.items()}
        if text in names:
            return names[text]
        close = self.suggest.closest(text, plan.units)
        hint = f" (did you mean {excerpt(close)}?)" if close else ""
        return self._problem("PC406", ERROR, f"unknown unit {excerpt(text)}: neither an id nor a name in "
                             f"the units of plan {excerpt(plan.id)}{hint}", line, column)

    def _unknown(self, what: str, name: str, known: Iterable[str], line: int, column: int, *,
                 where: str = "") -> Problem:
        close = self.suggest.closest(name, known)
        hint = f" (did you mean {excerpt(close)}?)" if close else (f" ({where})" if where else "")
        level = WARNING if self.allow_unknown else ERROR
        # Without a close match, say what would be right: an id from the plan,
        # or --allow-unknown when the file deliberately carries other series.
        fix = "" if close else "; use an id the plan defines, or --allow-unknown to ignore such rows"
        suffix = "; its rows are ignored" if self.allow_unknown else fix
        return self._problem("PC403", level, f"unknown {what} {excerpt(name)}{hint}{suffix}", line, column)

    def _problem(self, rule: str, level: Level, message: str, line: int, column: int) -> Problem:
        """One shared problem per message, so many rows give one finding."""
        key = (rule, message)
        problem = self.problems.get(key)
        if problem is None:
            problem = self.problems[key] = Problem(rule, level, message, line, column)
        return problem

    def _sink_problem(self, rule: str, level: Level, message: str, line: int, column: int) -> Sink:
        return Sink(None, None, problem=self._problem(rule, level, message, line, column))
