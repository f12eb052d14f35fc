"""What the rules of one kind compute for one result: a typed :class:`Outcome`.

Each kind family's module fills the fields that apply to it and leaves the
others at their defaults; :func:`policycheck.evaluation.engine.make_result`
then adds the fields every result has (plan, target, unit, location, ...).
The field names and order are those of :class:`policycheck.model.Result`
(docs/reports.md#json).
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import field, fields

from policycheck.evaluation.reasons import Reason
from policycheck.model import Baseline, DataStatus, HistoryEntry, Method, Status
from policycheck.records import record

#: Marks a field that compares the actual with the requirement: a year that is
#: not due yet has none of them (:meth:`Outcome.keep_schedule`).
_ACTUAL = {"needs_actual": True}


@record(slots=True)
class Outcome:
    """The computed fields of one result; a new Outcome is pending with no reason."""

    actual: float | bool | None = field(default=None, metadata=_ACTUAL)
    data_status: DataStatus | None = field(default=None, metadata=_ACTUAL)
    baseline: Baseline | None = None
    target_value: float | bool | tuple[float, float] | None = None
    target_year: int | None = None
    expected: float | None = None
    #: between: the scheduled range at the year (docs/evaluation.md#ranges)
    expected_range: tuple[float, float] | None = None
    gap: float | None = field(default=None, metadata=_ACTUAL)
    #: the gap signed + better, - worse (docs/evaluation.md#the-sign-of-gaps)
    margin: float | None = field(default=None, metadata=_ACTUAL)
    attainment: float | None = field(default=None, metadata=_ACTUAL)
    progress: float | None = field(default=None, metadata=_ACTUAL)
    time_progress: float | None = None
    progress_ratio: float | None = field(default=None, metadata=_ACTUAL)
    required_annual: float | None = field(default=None, metadata=_ACTUAL)
    trend_annual: float | None = field(default=None, metadata=_ACTUAL)
    projected: float | None = field(default=None, metadata=_ACTUAL)
    projected_met: bool | None = field(default=None, metadata=_ACTUAL)
    method: Method = "linear"
    status: Status = "pending"
    reason: Reason = field(default_factory=Reason)
    history: tuple[HistoryEntry, ...] | None = field(default=None, metadata=_ACTUAL)
    years_met: int | None = field(default=None, metadata=_ACTUAL)
    years_due: int | None = field(default=None, metadata=_ACTUAL)
    level: float | None = field(default=None, metadata=_ACTUAL)
    expected_level: float | None = None
    achieved_year: int | None = field(default=None, metadata=_ACTUAL)
    last_year: int | None = field(default=None, metadata=_ACTUAL)
    last_value: float | bool | None = field(default=None, metadata=_ACTUAL)
    path: tuple[tuple[int, float], ...] = ()
    observed: Sequence[tuple[int, float | bool | None]] = ()
    source: str | None = None
    note: str | None = None
    # In-year results only (docs/evaluation.md#in-year), None at a year end.
    as_of: str | None = None
    actual_period: str | None = field(default=None, metadata=_ACTUAL)
    basis: str | None = field(default=None, metadata=_ACTUAL)
    elapsed: float | None = None
    schedule: str | None = None
    schedule_years: tuple[int, ...] | None = None
    months: tuple[tuple[int, float | None, float | None], ...] | None = None
    #: the year whose row the result rests on when it is not the assessment year (a
    #: one-year requirement's year T): its source and note are the ones reported
    data_year: int | None = None
    #: the requirement text of a unit with its own value (an allocation, a multiple of its
    #: own baseline); None: the target's, the same for every unit
    requirement: str | None = None
    # marks (policycheck.evaluation.marks): a stated verdict, an approximate actual, the
    # change from the base year, the grade names of a category target
    stated: str | None = field(default=None, metadata=_ACTUAL)
    approximate: bool = field(default=False, metadata=_ACTUAL)
    change: Mapping[str, object] | None = field(default=None, metadata=_ACTUAL)
    category: str | None = field(default=None, metadata=_ACTUAL)
    target_category: str | None = None
    #: the grade the step schedule asks for at the year (a category target's 序时目标)
    expected_category: str | None = None

    def judge(self, status: Status, reason: Reason) -> None:
        """Settle the status and say why."""
        self.status = status
        self.reason = reason

    def keep_schedule(self) -> None:
        """Forget everything that compares an actual with the requirement (a year not due yet)."""
        for name in _ACTUAL_FIELDS:
            setattr(self, name, False if name == "approximate" else None)


_ACTUAL_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Outcome) if f.metadata.get("needs_actual"))
