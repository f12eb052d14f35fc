"""The per-unit view (docs/evaluation.md#unit-view): who leads, who supports, and who owns each shortfall.

A unit is listed when it is named in ``responsible`` or ``scope`` of an
evaluated target.  Units with the same id in several plans are one entry (the
name comes from the first plan that defines it).  Worst first: by the lead
shortfalls weighted by severity, then by name.

A plan-wide shortfall is filed under the lead and each supporting unit.  The
shortfall of a scoped unit (its own quota) is filed under that unit, role
``scope``; the lead and the supporting units get one row per target for all
the scoped units lagging under them, with their number in ``count`` and the
worst of their statuses (docs/evaluation.md#unit-view).  So a target whose
N responsible units are also its N scoped units gives about 2N rows, not N²:
work and output stay linear in the size of the plan.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import field
from typing import overload

from policycheck.model import SHORTFALL_STATUSES, STATUSES, Plan, Role, Status, UnitShortfall, UnitSummary
from policycheck.records import record


@record(frozen=True, slots=True)
class TargetRun:
    """Consecutive results of one target as the view reads them: the target's shared fields and
    each result's unit, status and gap as columns (policycheck.evaluation.resulttable builds no
    Result for it)."""

    plan: str
    target: str
    lead: str | None
    #: the plan-wide result's ``responsible``: the target's list
    responsible: tuple[str, ...]
    units: Sequence[str | None]
    statuses: Sequence[Status]
    gaps: Sequence[float | None]


#: Severity weight of a lead shortfall: missed 4, regressing 3, off_track 2, at_risk 1.
SEVERITY: Mapping[str, int] = {
    status: len(SHORTFALL_STATUSES) - index
    for index, status in enumerate(s for s in STATUSES if s in SHORTFALL_STATUSES)
}


@record
class _Tally:
    """What one unit has collected so far."""

    id: str
    name: str
    name_en: str | None
    led: int = 0
    supported: int = 0
    by_status: dict[str, int] = field(default_factory=dict)
    shortfalls: list[UnitShortfall] = field(default_factory=list)
    score: int = 0


@record
class _Lagging:
    """The lagging scoped results of one target, filed once under its lead and supporters.

    The rows are placed where the first lagging result comes (``slots``: the
    tally, the index in its shortfalls and the role), so the order follows the
    results; :func:`_file_lagging` fills them in when the count is known.  The
    first lagging result's unit and gap are what a single one is filed with.
    """

    plan: str
    target: str
    lead: str | None
    unit: str | None
    gap: float | None
    count: int = 0
    worst: Status = "at_risk"
    slots: list[tuple[_Tally, int, Role]] = field(default_factory=list)


class UnitView(Sequence[UnitSummary]):
    """The per-unit view of a run, built the first time it is read: ``check -q`` reads only the
    summary, and 130,000 national shortfalls are a fifth of the evaluation's time
    (docs/performance.md#the-batch-path).  Equal to the tuple of the same summaries."""

    __slots__ = ("_plans", "_runs", "_built")

    def __init__(self, plans: Sequence[Plan], runs: Callable[[], Iterable[TargetRun]]) -> None:
        self._plans: tuple[Plan, ...] = tuple(plans)
        self._runs: Callable[[], Iterable[TargetRun]] | None = runs
        self._built: tuple[UnitSummary, ...] | None = None

    def built(self) -> tuple[UnitSummary, ...]:
        """Every summary, built on the first call."""
        if self._built is None:
            assert self._runs is not None
            self._built = build_unit_view(self._plans, self._runs())
            self._plans, self._runs = (), None
        return self._built

    def __len__(self) -> int:
        return len(self.built())

    @overload
    def __getitem__(self, index: int) -> UnitSummary: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[UnitSummary, ...]: ...

    def __getitem__(self, index: int | slice) -> UnitSummary | tuple[UnitSummary, ...]:
        return self.built()[index]

    def __iter__(self) -> Iterator[UnitSummary]:
        return iter(self.built())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return self.built() == tuple(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # equal to a tuple of unhashable summaries

    def __repr__(self) -> str:
        return f"UnitView({self.built()!r})"


def build_unit_view(plans: Sequence[Plan], runs: Iterable[TargetRun]) -> tuple[UnitSummary, ...]:
    """One summary per unit named in responsible or scope, worst first."""
    tallies = _register_units(plans)
    # A scoped unit's result names only the lead and itself: supporters come from the plan.
    responsible = {(plan.id, target.id): target.responsible for plan in plans for target in plan.targets}
    lagging: dict[tuple[str, str], _Lagging] = {}
    for run in runs:
        _add_run(tallies, run, lagging, responsible)
    for group in lagging.values():
        _file_lagging(tallies, group)
    ordered = sorted(tallies.values(), key=lambda t: (-t.score, t.name, t.id))
    positions = _plan_order(plans)
    return tuple(
        UnitSummary(id=t.id, name=t.name, led=t.led, supported=t.supported,
                    by_status={s: t.by_status[s] for s in STATUSES if s in t.by_status},
                    shortfalls=tuple(t.shortfalls), name_en=t.name_en,
                    order=positions.get(t.id, len(positions)))
        for t in ordered)


def _plan_order(plans: Sequence[Plan]) -> dict[str, int]:
    """Each unit's place in the plans' ``units`` lists, first plan first: the order
    a document lists its units in, which the human unit view keeps among equals."""
    positions: dict[str, int] = {}
    for plan in plans:
        for unit_id in plan.units:
            positions.setdefault(unit_id, len(positions))
    return positions


def _register_units(plans: Sequence[Plan]) -> dict[str, _Tally]:
    """Every unit named by a target, with its led and supported target counts."""
    tallies: dict[str, _Tally] = {}
    for plan in plans:
        for target in plan.targets:
            named = list(target.responsible) + list(plan.scope_units(target))
            for unit_id in named:
                if unit_id not in tallies:
                    unit = plan.units.get(unit_id)
                    tallies[unit_id] = _Tally(unit_id, unit.name if unit else unit_id,
                                              unit.name_en if unit else None)
            for position, unit_id in enumerate(dict.fromkeys(target.responsible)):
                if position == 0:
                    tallies[unit_id].led += 1
                else:
                    tallies[unit_id].supported += 1
    return tallies


def _add_run(tallies: dict[str, _Tally], run: TargetRun, lagging: dict[tuple[str, str], _Lagging],
             responsible: Mapping[tuple[str, str], tuple[str, ...]]) -> None:
    """Count the led results and file their shortfalls, in result order: a plan-wide one under the
    lead and supporters, a scoped unit's under that unit (and, once per target, under the lead
    and supporters: :func:`_file_lagging`)."""
    lead, statuses = run.lead, run.statuses
    lead_tally = tallies.get(lead) if lead is not None else None
    if lead_tally is not None:  # counts and severities do not depend on the order: counted at once
        by_status = lead_tally.by_status
        for status, count in Counter(statuses).items():
            by_status[status] = by_status.get(status, 0) + count
            if status in SHORTFALL_STATUSES:
                lead_tally.score += SEVERITY[status] * count
    if SHORTFALL_STATUSES.isdisjoint(statuses):
        return
    plan, target = run.plan, run.target
    key = (plan, target)
    for unit, status, gap in zip(run.units, statuses, run.gaps, strict=True):
        if status not in SHORTFALL_STATUSES:
            continue
        if unit is not None:
            group = lagging.get(key)
            if group is None:  # lead and supporters first, as for a plan-wide shortfall
                group = lagging[key] = _Lagging(plan, target, lead, unit, gap)
                _reserve(tallies, group, responsible.get(key, (lead, unit) if lead is not None and lead != unit
                                                         else (unit,)))
            group.count += 1
            if _RANK[status] < _RANK[group.worst]:
                group.worst = status
            tally = tallies.get(unit)
            if tally is not None:
                tally.shortfalls.append(UnitShortfall(plan, target, unit, "scope", status, gap))
            continue
        if lead_tally is not None:
            lead_tally.shortfalls.append(UnitShortfall(plan, target, None, "lead", status, gap))
        for unit_id in _supporters(run.responsible, lead):
            if unit_id in tallies:
                tallies[unit_id].shortfalls.append(UnitShortfall(plan, target, None, "support", status, gap))


def _supporters(responsible: Sequence[str], lead: str | None) -> list[str]:
    return [unit_id for unit_id in dict.fromkeys(responsible[1:]) if unit_id != lead]


def _reserve(tallies: dict[str, _Tally], group: _Lagging, responsible: Sequence[str]) -> None:
    """Keep a row for the target under its lead and each supporter, filled in at the end."""
    roles: list[tuple[str, Role]] = [(group.lead, "lead")] if group.lead else []
    roles += [(unit_id, "support") for unit_id in _supporters(responsible, group.lead)]
    for unit_id, role in roles:
        tally = tallies.get(unit_id)
        if tally is not None:
            group.slots.append((tally, len(tally.shortfalls), role))
            tally.shortfalls.append(_file_placeholder)


def _file_lagging(tallies: dict[str, _Tally], group: _Lagging) -> None:
    """Fill in the rows of :func:`_reserve`: with one lagging scoped unit, that unit and its
    gap; with more, their number and the worst of their statuses."""
    unit, gap = (group.unit, group.gap) if group.count == 1 else (None, None)
    for tally, index, role in group.slots:
        tally.shortfalls[index] = UnitShortfall(group.plan, group.target, unit, role, group.worst, gap, group.count)


_file_placeholder = UnitShortfall("", "", None, "lead", "at_risk", None)
#: Status severity for "the worst of several": docs/evaluation.md#statuses, worst first.
_RANK: Mapping[str, int] = {status: index for index, status in enumerate(STATUSES)}
