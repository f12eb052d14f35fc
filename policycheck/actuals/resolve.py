"""Which series a CSV row belongs to: plan, target (or reference) and unit.

The reader sees the same few cell texts over and over (50 targets, a few
thousand units), so every answer is cached by the raw cell text: a row costs
one dict look-up, and the work here runs once per distinct combination.
A problem with a combination (unknown target, unknown unit...) is one
:class:`Problem` however many rows share it; the reader turns it into one
finding at its first row, with the number of rows it covers.
"""
from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence

from policycheck.actuals.cells import (
    SIGNS,
    CellFlags,
    SignError,
    measure_scale,
    normalize,
    numeric_cell,
    parse_any,
    parse_bool,
    parse_grade,
    thousands_hint,
)
from policycheck.actuals.dense import DenseSeries, StoredSeries
from policycheck.actuals.signs import PERCENT, series_signs, sign_hint, unit_error
from policycheck.actuals.store import ObservationTable, SeriesView
from policycheck.findings import ERROR, WARNING, Finding, Level, excerpt
from policycheck.kinds import kind_spec
from policycheck.messages import Text, join, msg
from policycheck.model import Plan, Target
from policycheck.observations import SeriesKey
from policycheck.records import record
from policycheck.suggest import Suggester

#: How a series' value cells are parsed: numbers, yes/no (a done-or-not kind), either (no plan
#: loaded), or the grade names of a category target.
PARSE_NUMBER, PARSE_YES_NO, PARSE_EITHER, PARSE_GRADE = 0, 1, 2, 3


@record(slots=True)
class Problem:
    """Why rows of one combination are not used; counted over the file."""

    rule: str
    level: Level
    message: Text
    line: int
    column: int
    rows: int = 0

    def finding(self, path: str) -> Finding:
        text = self.message + msg("rows", rows=self.rows) if self.rows > 1 else self.message
        return Finding.of(self.rule, self.level, path, self.line, self.column, text)


#: The rows of a sink without a series: never appended to (``years`` None skips the row first).
_NO_ROWS = array("i")


class Sink:
    """Where the rows of one (plan, target, unit) go, and how to read their values."""

    __slots__ = ("key", "series", "years", "rows", "parse", "factor", "scale", "measure", "given",
                 "categories", "problem", "plain", "signs", "hint", "rate_cells", "warned")

    def __init__(self, key: SeriesKey | None, series: SeriesView | None,
                 parse: int = PARSE_NUMBER, scale: int = 0, measure: str | None = None,
                 problem: Problem | None = None, given: str | None = None,
                 categories: tuple[str, ...] = (), signs: frozenset[str] = SIGNS,
                 hint: Text | str = "", rate_cells: bool = False) -> None:
        self.key = key
        self.series = series  # None: the rows are skipped
        # The series' arrays, one attribute look-up away for the reader's hot loop.
        self.years = series.years if series is not None else None
        self.rows = series.rows if series is not None else _NO_ROWS
        self.parse = parse
        # The power of ten from the measure column's unit to the target's (万元 -> 亿元 is -4).
        # The reader's fast path takes only cells with factor 1.0; a conversion is done
        # exactly, in decimal, by the full parser (docs/actuals.md#magnitudes).
        self.scale = scale
        self.factor = 10.0 ** scale if scale else 1.0
        #: a plain number in the target's own measure: the reader's fast path may try float()
        self.plain = parse == PARSE_NUMBER and not scale
        self.measure = measure  # the target's unit of measure, for magnitude words (万, 亿, 万亿)
        self.given = given  # the measure column's text, when it names another magnitude
        self.categories = categories  # the ordered grades of a category target
        self.problem = problem
        #: the signs (% or ‰) a value cell may end with: the target's own unit (docs/actuals.md#values)
        self.signs = signs
        self.hint = hint  # said after PC409 for a sign of another unit: how the target reads its values
        #: a cagr target reading levels: a % cell is read and warned (PC412), once (``warned``)
        self.rate_cells = rate_cells
        self.warned = False

    def read(self, cell: str) -> float | bool | None | CellFlags:
        """The full value parser: missing markers, 1,500, ３．６, 3.6%, 1728万, 1.6万亿, 约4.4,
        已完成, yes/no, a grade name (docs/actuals.md#values); CellError for anything else."""
        if self.parse == PARSE_YES_NO:
            return parse_bool(cell)
        if self.parse == PARSE_GRADE:
            return parse_grade(cell, self.categories)
        if self.parse != PARSE_NUMBER:
            return parse_any(cell)
        try:
            return numeric_cell(cell, self.measure, self.scale, self.given, self.signs)
        except SignError as exc:
            if self.rate_cells:
                raise  # the reader warns (PC412) and keeps the number
            raise unit_error(exc, self.key[1] if self.key else "", self.measure or "", self.hint) from None


@record(slots=True)
class _Series:
    """A resolved plan and target/reference, before the unit is known."""

    plan: Plan
    target_id: str
    target: Target | None  # None for a reference
    measure: str | None
    scale: int  # power of ten from the measure column's unit to ``measure``
    given: str | None  # the measure column's text when it names another magnitude
    scope: frozenset[str] | None  # unit ids a unit row may name; None: no scope
    parse: int = PARSE_NUMBER  # how the series' value cells are read (PARSE_*)
    categories: tuple[str, ...] = ()  # the ordered grades of a category target
    signs: frozenset[str] = SIGNS  # the signs a value cell may end with (Sink.signs)
    hint: Text | str = ""  # after PC409 for a sign of another unit
    rate_cells: bool = False  # a cagr target reading levels: % cells are PC412


def _cell(text: str) -> str:
    return text.strip() if text.isascii() else normalize(text)


def fold_name(text: str) -> str:
    """A target name as the target column may hold it: NFKC, no whitespace, no case.

    Names are copied from the document, from Excel or from a PDF, with stray
    spaces and line breaks inside and full-width letters; none of that makes
    another target.
    """
    return "".join(normalize(text).split()).casefold()


class Resolver:
    """Resolves (plan, target, unit, measure) cell texts of one file to sinks."""

    def __init__(self, plans: Sequence[Plan], series: dict[SeriesKey, StoredSeries],
                 table: ObservationTable, *, allow_unknown: bool) -> None:
        self.plans = {plan.id: plan for plan in plans}
        self.series = series
        self.table = table
        self.allow_unknown = allow_unknown
        self.owners: dict[str, list[Plan]] = {}
        #: folded name -> (plan, target or reference id) of every series of that name
        self.named: dict[str, list[tuple[Plan, str]]] = {}
        #: folded name -> the name as the plan writes it (for "did you mean")
        self.shown: dict[str, str] = {}
        seen: set[tuple[str, str, str]] = set()
        for plan in plans:
            for tid in [t.id for t in plan.targets] + list(plan.references):
                self.owners.setdefault(tid, []).append(plan)
            names = [(t.id, name) for t in plan.targets for name in (t.name, t.name_en) if name]
            names += [(ref.id, ref.name) for ref in plan.references.values() if ref.name]
            for tid, name in names:
                folded = fold_name(name)
                # a set beside each list: thousands of targets may share one name,
                # and a scan of the list per target would make loading quadratic
                if (plan.id, tid, folded) not in seen:
                    seen.add((plan.id, tid, folded))
                    self.named.setdefault(folded, []).append((plan, tid))
                self.shown.setdefault(folded, name)
        self.problems: dict[tuple[str, str], Problem] = {}
        self._targets: dict[tuple[str, str, str], _Series | Problem] = {}
        self._units: dict[tuple[str, str], str | Problem] = {}
        self._names: dict[str, dict[str, str]] = {}  # plan id -> unit name -> unit id
        self._unit_cells: dict[str, dict[str, str]] = {}  # plan id -> unit cell -> unit id (unit_keys)
        self.suggest = Suggester()

    def resolve(self, plan_cell: str, target_cell: str, unit_cell: str, measure_cell: str,
                line: int, cols: tuple[int, int, int, int]) -> Sink:
        """The sink for one combination; ``cols`` are the 1-based plan/target/unit/measure columns."""
        if self.plans:
            found = self.find(plan_cell, target_cell, unit_cell, measure_cell, line, cols)
            if isinstance(found, Problem):
                return Sink(None, None, problem=found)
            key, resolved = found
            return Sink(key, self._series_view(key), resolved.parse, resolved.scale, resolved.measure,
                        given=resolved.given, categories=resolved.categories, signs=resolved.signs,
                        hint=resolved.hint, rate_cells=resolved.rate_cells)
        tid = _cell(target_cell)
        if not tid:
            return self._sink_problem("PC403", ERROR, msg("PC403.no-target"), line, cols[1])
        key = (_cell(plan_cell), tid, _cell(unit_cell) or None)
        return Sink(key, self._series_view(key), parse=PARSE_EITHER)

    def find(self, plan_cell: str, target_cell: str, unit_cell: str, measure_cell: str,
             line: int, cols: tuple[int, int, int, int]) -> tuple[SeriesKey, _Series] | Problem:
        """The series key of one combination against the plans, and how its values are read."""
        resolved = self.target(plan_cell, target_cell, measure_cell, line, cols)
        if isinstance(resolved, Problem):
            return resolved
        uid = self._resolve_unit(resolved, unit_cell, line, cols[2])
        if isinstance(uid, Problem):
            return uid
        return (resolved.plan.id, resolved.target_id, uid), resolved

    def target(self, plan_cell: str, target_cell: str, measure_cell: str, line: int,
               cols: tuple[int, int, int, int]) -> _Series | Problem:
        """The plan and target (or reference) of the plan, target and measure cells."""
        # Each distinct (plan, target, measure) text is resolved once: 142,200 national series share 50.
        tkey = (plan_cell, target_cell, measure_cell)
        resolved = self._targets.get(tkey)
        if resolved is None:
            resolved = self._targets[tkey] = self._resolve_target(plan_cell, target_cell, measure_cell, line, cols)
        return resolved

    def unit_ids(self, series: _Series, unit_cells: Iterable[str]) -> list[str] | None:
        """The unit ids of many unit cells of one target at once (the bulk reader); None when
        any cell is blank, names no unit of the plan or one outside the target's scope: :meth:`find`
        then gives each its answer, and the problem."""
        if series.scope is None:
            return None
        plan = series.plan
        known = self._unit_cells.setdefault(plan.id, {})
        try:
            uids = list(map(known.__getitem__, unit_cells))
        except KeyError:
            for cell in unit_cells:
                if cell not in known:
                    text = _cell(cell)
                    uid = self._known_unit(plan, text) if text else None
                    if uid is None:
                        return None
                    known[cell] = uid
            uids = list(map(known.__getitem__, unit_cells))
        return uids if series.scope.issuperset(uids) else None

    def _series_view(self, key: SeriesKey) -> SeriesView:
        """The series of ``key``, shared by every file of the reading; a series an earlier
        file filled in bulk becomes rows of the table first, so this file's rows can join it."""
        view = self.series.get(key)
        if view is None:
            view = self.series[key] = SeriesView(self.table)
        elif isinstance(view, DenseSeries):
            view = self.series[key] = view.to_rows(self.table)
        return view

    def _resolve_target(self, plan_cell: str, target_cell: str, measure_cell: str, line: int,
                        cols: tuple[int, int, int, int]) -> _Series | Problem:
        tid = _cell(target_cell)
        if not tid:
            return self._problem("PC403", ERROR, msg("PC403.no-target"), line, cols[1])
        plan_id = _cell(plan_cell)
        if plan_id:
            plan = self.plans.get(plan_id)
            if plan is None:
                return self._unknown(msg("PC403.what-plan"), plan_id, list(self.plans), line, cols[0])
            if plan.target(tid) is None and tid not in plan.references:
                named = [(p, t) for p, t in self.named.get(fold_name(tid), []) if p is plan]
                if not named:
                    ids = [t.id for t in plan.targets] + list(plan.references)
                    return self._unknown(msg("PC403.what-plan-target", plan=excerpt(plan.id)), tid, ids, line,
                                         cols[1], names=self._names_of(plan))
                if len(named) > 1:
                    return self._shared_name(tid, named, line, cols[1])
                tid = named[0][1]
        else:
            owners = self.owners.get(tid, [])
            if not owners:
                named = self.named.get(fold_name(tid), [])
                if len(named) == 1:
                    owners, tid = [named[0][0]], named[0][1]
                elif len({id(p) for p, _t in named}) == 1:
                    return self._shared_name(tid, named, line, cols[1])
                elif named:
                    owners = [p for p, _t in named]
                else:
                    plans = join([excerpt(p, quote=str) for p in self.plans])
                    where = msg("PC403.not-in-plan" if len(self.plans) == 1 else "PC403.in-no-plan", plans=plans)
                    return self._unknown(msg("PC403.what-target"), tid, list(self.owners), line, cols[1],
                                         where=where, names=list(self.shown))
            if len(owners) > 1:
                names = join([excerpt(p.id, quote=str) for p in owners])
                return self._problem("PC401", ERROR, msg("PC401.several-plans", target=excerpt(tid), plans=names),
                                     line, cols[1])
            plan = owners[0]
        target = plan.target(tid)
        return self._series(plan, tid, target, measure_cell, line, cols[3])

    def _names_of(self, plan: Plan) -> list[str]:
        """The folded names of ``plan``'s targets and references."""
        return [name for name, series in self.named.items() if any(p is plan for p, _t in series)]

    def _shared_name(self, name: str, named: list[tuple[Plan, str]], line: int, column: int) -> Problem:
        ids = join([excerpt(tid, quote=str) for _plan, tid in named])
        return self._problem("PC403", ERROR, msg("PC403.shared-name", name=excerpt(name), ids=ids), line, column)

    def _series(self, plan: Plan, tid: str, target: Target | None, measure_cell: str,
                line: int, column: int) -> _Series | Problem:
        measure = target.unit if target is not None else plan.references[tid].unit
        scale = 0
        given = _cell(measure_cell)
        signs, rate_cells = series_signs(target, measure, given)
        if target is not None and target.kind == "cagr" and target.actuals != "rate":
            # A cagr target's unit is the rate's (%); its actuals are levels in their own unit.
            if given in PERCENT:
                self._problem("PC412", WARNING, msg("PC412.measure", target=excerpt(tid)), line, column)
            if given in PERCENT or normalize(measure or "") in PERCENT:
                given = ""
        elif target is not None and target.actuals == "rate" and given in PERCENT:
            given = ""  # rates read as rates are in %, whatever unit the plan gives the levels
        if given and measure:
            found = measure_scale(given, measure)
            if found is None:
                return self._problem("PC409", ERROR, msg("PC409.measure", measure=excerpt(given), target=excerpt(tid),
                                                         unit=excerpt(measure)) + thousands_hint(given),
                                     line, column)
            scale = found
        scope = None
        if target is not None and target.scope is not None:
            scope = frozenset(plan.scope_units(target))
        parse = PARSE_NUMBER
        categories: tuple[str, ...] = ()
        if target is not None and kind_spec(target.kind).yes_no:
            parse = PARSE_YES_NO
        elif target is not None and target.categories:
            parse, categories = PARSE_GRADE, target.categories
        return _Series(plan, tid, target, measure, scale, given if scale else None, scope, parse, categories,
                       signs, sign_hint(target), rate_cells)

    def _resolve_unit(self, series: _Series, unit_cell: str, line: int, column: int) -> str | None | Problem:
        """The unit id of a unit cell (None for a blank one), or why it is not used."""
        ukey = (series.plan.id, unit_cell)
        uid = self._units.get(ukey)
        if uid is None:
            text = _cell(unit_cell)
            uid = self._units[ukey] = self._unit_id(series.plan, text, line, column) if text else ""
        if isinstance(uid, Problem):
            return uid
        if not uid:  # a blank unit cell: the target's own series
            return None
        if series.scope is None:
            return self._problem("PC407", WARNING, msg("PC407.no-scope", target=excerpt(series.target_id)),
                                 line, column)
        if uid not in series.scope:
            return self._problem("PC407", WARNING, msg("PC407.not-in-scope", unit=excerpt(uid),
                                                       target=excerpt(series.target_id)), line, column)
        return uid

    def _known_unit(self, plan: Plan, text: str) -> str | None:
        """The id of the plan's unit that a (stripped) unit cell names by id or name; None if none."""
        unit = plan.units.get(text)
        if unit is not None:
            return unit.id  # the plan's own string: 142,200 series keys share 2,844 unit ids
        names = self._names.get(plan.id)
        if names is None:
            names = self._names[plan.id] = {normalize(u.name): uid for uid, u in plan.units.items()}
        return names.get(text)

    def _unit_id(self, plan: Plan, text: str, line: int, column: int) -> str | Problem:
        uid = self._known_unit(plan, text)
        if uid is not None:
            return uid
        close = self.suggest.closest(text, plan.units)
        hint = msg("PC403.hint", suggestion=excerpt(close)) if close else ""
        return self._problem("PC406", ERROR, msg("PC406.unknown", unit=excerpt(text), plan=excerpt(plan.id),
                                                 hint=hint), line, column)

    def _unknown(self, what: Text, name: str, known: Iterable[str], line: int, column: int, *,
                 where: Text | str = "", names: list[str] | None = None) -> Problem:
        """PC403 for an unknown plan or target; "did you mean" compares ids and target names."""
        close = self.suggest.closest(name, known)
        suggestion = excerpt(close) if close else None
        if names and not close:
            by_name = self.suggest.closest(fold_name(name), names)
            if by_name:
                plan_target = self.named[by_name][0][1]
                suggestion = f"{excerpt(self.shown[by_name])} ({plan_target})"
        hint = msg("PC403.hint", suggestion=suggestion) if suggestion else where
        level = WARNING if self.allow_unknown else ERROR
        # Without a close match, say what would be right: an id from the plan,
        # or --allow-unknown when the file deliberately carries other series.
        fix = "" if suggestion else msg("PC403.fix")
        suffix = msg("PC403.ignored") if self.allow_unknown else fix
        return self._problem("PC403", level, msg("PC403.unknown", what=what, name=excerpt(name), hint=hint,
                                                  fix=suffix), line, column)

    def _problem(self, rule: str, level: Level, message: Text, line: int, column: int) -> Problem:
        """One shared problem per message, so many rows give one finding."""
        key = (rule, message.en)
        problem = self.problems.get(key)
        if problem is None:
            problem = self.problems[key] = Problem(rule, level, message, line, column)
        return problem

    def _sink_problem(self, rule: str, level: Level, message: Text, line: int, column: int) -> Sink:
        return Sink(None, None, problem=self._problem(rule, level, message, line, column))
