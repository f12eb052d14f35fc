"""The results of a run as columns, each :class:`Result` built when a reporter asks for it.

A national check has 142,200 results of 64 fields; ``check -q`` needs only their
statuses, whether each fails, and the per-unit view.  So the engine appends what
it computed (the target's shared fields, the unit, the year, the
:class:`Outcome`, whether it fails) to a :class:`ResultTable`, and a
:class:`Result` — with its reason sentence, formatted from the reason's code and
arguments (docs/reports.md#json) — exists only while
a reporter holds it (docs/performance.md).  The table is a read-only sequence of
results, equal to the tuple of the same results, so every reporter reads it as
it read the tuple.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import chain, repeat
from typing import overload

from policycheck.evaluation.outcome import Outcome
from policycheck.evaluation.outcomecolumns import FIELDS, OutcomeColumns, _Block
from policycheck.evaluation.unitview import TargetRun
from policycheck.model import (
    STATUSES,
    Attribute,
    Commitment,
    Comparator,
    Direction,
    Kind,
    Location,
    Result,
    Status,
    Summary,
)
from policycheck.records import record


@record(frozen=True, slots=True)
class TargetFields:
    """The Result fields that are the same for every unit of a target."""

    plan: str
    target: str
    name: str
    kind: Kind
    comparator: Comparator | None
    measure: str | None
    commitment: Commitment
    lead: str | None
    responsible: tuple[str, ...]
    location: Location
    name_en: str | None
    #: what the target requires (policycheck.evaluation.requirement); a unit with its own
    #: value states its own (:func:`policycheck.evaluation.context.unit_requirement`)
    requirement: str
    direction: Direction | None = None
    attribute: Attribute | None = None


def unit_responsible(lead: str | None, unit: str) -> tuple[str, ...]:
    """``responsible`` of a scoped unit's result: the lead and the unit carrying the quota.

    Not the target's whole list: with N units both in ``scope`` and in
    ``responsible`` that list, repeated on each of the N results, made the
    JSON and CSV reports grow as N² (docs/evaluation.md#unit-view).
    The target's list is on its plan-wide result and in the plan.
    """
    return (lead, unit) if lead is not None and lead != unit else (unit,)


def build_result(base: TargetFields, unit: str | None, year: int, out: Outcome, failing: bool) -> Result:
    """The Result of one outcome: the target's shared fields, the unit's computed ones."""
    return Result(
        plan=base.plan, target=base.target, unit=unit, name=base.name, kind=base.kind,
        comparator=base.comparator, measure=base.measure, commitment=base.commitment, lead=base.lead,
        responsible=base.responsible if unit is None else unit_responsible(base.lead, unit),
        location=base.location, year=year, actual=out.actual,
        data_status=out.data_status, baseline=out.baseline, target_value=out.target_value,
        target_year=out.target_year, requirement=out.requirement if out.requirement is not None else base.requirement,
        expected=out.expected, expected_range=out.expected_range, gap=out.gap, margin=out.margin,
        attainment=out.attainment,
        progress=out.progress, time_progress=out.time_progress, progress_ratio=out.progress_ratio,
        required_annual=out.required_annual, trend_annual=out.trend_annual, projected=out.projected,
        projected_met=out.projected_met, method=out.method, status=out.status, failing=failing,
        name_en=base.name_en, history=out.history, years_met=out.years_met, years_due=out.years_due,
        level=out.level, expected_level=out.expected_level, achieved_year=out.achieved_year,
        last_year=out.last_year, last_value=out.last_value, path=out.path, observed=out.observed,
        source=out.source, note=out.note, as_of=out.as_of, actual_period=out.actual_period, basis=out.basis,
        elapsed=out.elapsed, schedule=out.schedule, schedule_years=out.schedule_years, months=out.months,
        direction=base.direction, attribute=base.attribute, stated=out.stated, approximate=out.approximate,
        change=out.change, category=out.category, target_category=out.target_category,
        expected_category=out.expected_category,
        **out.reason.result_fields())


_STATUS, _GAP = FIELDS.index("status"), FIELDS.index("gap")

#: One block of outcomes (all of one target, in order) with its results' target fields, units,
#: years and failing flags: what :meth:`ResultTable.target_blocks` gives.
TargetBlock = tuple[_Block, list[TargetFields], list[str | None], list[int], bytearray]


class ResultTable(Sequence[Result]):
    """The results of a run in evaluation order, kept as columns until a reporter reads one.

    Reading any result builds them all, once (a reporter reads most of them, often in
    several passes), and the columns are let go: from then on the table is a tuple of
    Results, as a report held before.
    """

    __slots__ = ("_bases", "_units", "_years", "_outcomes", "_failing", "_built")

    def __init__(self) -> None:
        self._bases: list[TargetFields] = []
        self._units: list[str | None] = []
        self._years: list[int] = []
        self._outcomes = OutcomeColumns()
        self._failing = bytearray()
        self._built: tuple[Result, ...] | None = None

    def append(self, base: TargetFields, unit: str | None, year: int, out: Outcome, failing: bool) -> None:
        if self._built is not None:
            raise ValueError("results are appended before any is read")
        self._outcomes.append(out, new_block=not self._bases or base is not self._bases[-1])
        self._bases.append(base)
        self._units.append(unit)
        self._years.append(year)
        self._failing.append(failing)

    def extend(self, base: TargetFields, units: Sequence[str | None], year: int, block: _Block,
               failing: bytes) -> None:
        """Add a whole target's results at once: its units' outcomes as one block, and whether
        each fails the run (the batch path: docs/performance.md#the-batch-path)."""
        if self._built is not None:
            raise ValueError("results are appended before any is read")
        if not len(units) == block.size == len(failing):
            raise ValueError("one unit, outcome and failing flag per result")
        self._outcomes.append_block(block)
        self._bases.extend(repeat(base, block.size))
        self._units.extend(units)
        self._years.extend(repeat(year, block.size))
        self._failing.extend(failing)

    def __len__(self) -> int:
        return len(self._built) if self._built is not None else len(self._outcomes)

    @overload
    def __getitem__(self, index: int) -> Result: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Result, ...]: ...

    def __getitem__(self, index: int | slice) -> Result | tuple[Result, ...]:
        return self.built()[index]  # a slice is a tuple, as slicing the tuple of results gave

    def __iter__(self) -> Iterator[Result]:
        return iter(self.built())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return self.built() == tuple(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # equal to a tuple of unhashable results

    def __repr__(self) -> str:
        return f"ResultTable({self.built()!r})"

    def built(self) -> tuple[Result, ...]:
        """Every Result, built on the first call; the columns are then let go."""
        if self._built is None:
            # each target's outcomes go as its Results come
            self._built = tuple(map(build_result, self._bases, self._units, self._years, self._outcomes.drain(),
                                    map(bool, self._failing)))
            self._bases, self._units, self._years = [], [], []
            self._failing = bytearray()
        return self._built

    def stream(self) -> Iterator[Result]:
        """Every Result in order, each built as it is reached and none kept (the JSON report writes
        each as it comes, docs/performance.md); the table unchanged."""
        if self._built is not None:
            yield from self._built
            return
        for i, out in enumerate(self._outcomes.each()):
            yield build_result(self._bases[i], self._units[i], self._years[i], out, bool(self._failing[i]))

    def target_blocks(self) -> Iterator[TargetBlock] | None:
        """Each block of outcomes with the target fields, units, years and failing flags of its results,
        in order, for a reporter that writes straight from the columns (docs/performance.md#json-from-the-columns);
        None once the Results are built.  Read-only: the table is unchanged."""
        if self._built is not None:
            return None
        return ((block, self._bases[start:start + block.size], self._units[start:start + block.size],
                 self._years[start:start + block.size], self._failing[start:start + block.size])
                for start, block in self._outcomes.blocks())

    def one(self, i: int) -> Result:
        """Result ``i`` built on its own, the table unchanged (a row's field the view seldom reads)."""
        if self._built is not None:
            return self._built[i]
        return build_result(self._bases[i], self._units[i], self._years[i], self._outcomes.outcome(i),
                            bool(self._failing[i]))

    def summary(self) -> Summary:
        """Counts by status (only those present, worst first) and the failing count."""
        counts: dict[Status, int] = {}
        if self._built is not None:
            for result in self._built:
                counts[result.status] = counts.get(result.status, 0) + 1
            failing = sum(result.failing for result in self._built)
        else:
            counts = Counter(self._outcomes.values(_STATUS))  # counted in C: 142,200 statuses national
            failing = len(self._failing) - self._failing.count(0)  # a byte 0 or 1 each
        by_status: dict[str, int] = {status: counts[status] for status in STATUSES if status in counts}
        return Summary(results=len(self), by_status=by_status, failing=failing)

    def status_reasons(self) -> Iterator[tuple[Status, str]]:
        """Each result's status and reason code, in order, no Result or row built (the summary
        line of ``check -q`` counts them: docs/performance.md#the-batch-path)."""
        if self._built is not None:
            return ((result.status, result.reason_code) for result in self._built)
        return chain.from_iterable(zip(block.values(_STATUS), block.codes(), strict=True)
                                   for _, block in self._outcomes.blocks())

    def with_reason(self, code: str) -> Iterator[Result]:
        """The results whose reason code is ``code``, each built on its own (out of range: a few
        at most, docs/evaluation.md#numbers-out-of-range)."""
        for i, (_, reason_code) in enumerate(self.status_reasons()):
            if reason_code == code:
                yield self.one(i)

    def runs(self) -> Iterator[TargetRun]:
        """Each target's results as the per-unit view reads them: units, statuses and gaps as
        columns, no Result or row object built (once built, each Result is a run of its own)."""
        if self._built is not None:
            for r in self._built:
                yield TargetRun(r.plan, r.target, r.lead, r.responsible, (r.unit,), (r.status,), (r.gap,))
            return
        for start, block in self._outcomes.blocks():
            base = self._bases[start]  # a block holds one target's results (OutcomeColumns.append)
            yield TargetRun(base.plan, base.target, base.lead, base.responsible,
                            self._units[start:start + block.size], block.sequence(_STATUS), block.sequence(_GAP))
