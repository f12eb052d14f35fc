"""What the rules of one kind compute for one result: a typed :class:`Outcome`.

Each kind family's module fills the fields that apply to it and leaves the
others at their defaults; :func:`policycheck.evaluation.engine.make_result`
then adds the fields every result has (plan, target, unit, location, ...).
The field names and order are those of :class:`policycheck.model.Result`
(docs/reports.md#json).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields

from policycheck.evaluation.reasons import Reason
from policycheck.model import Baseline, DataStatus, HistoryEntry, Method, Status

#: Marks a field that compares the actual with the requirement: a year that is
#: not due yet has none of them (:meth:`Outcome.keep_schedule`).
_ACTUAL = {"needs_actual": True}


@dataclass(slots=True)
class Outcome:
    """The computed fields of one result; a new Outcome is pending with no reason."""

    actual: float | bool | None = field(default=None, metadata=_ACTUAL)
    data_status: DataStatus | None = field(default=None, metadata=_ACTUAL)
    baseline: Baseline | None = None
    target_value: float | bool | tuple[float, float] | None = None
    target_year: int | None = None
    expected: float | None = None
    gap: float | None = field(default=None, metadata=_ACTUAL)
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

    def judge(self, status: Status, reason: Reason) -> None:
        """Settle the status and say why."""
        self.status = status
        self.reason = reason

    def keep_schedule(self) -> None:
        """Forget everything that compares an actual with the requirement (a year not due yet)."""
        for name in _ACTUAL_FIELDS:
            setattr(self, name, None)


_ACTUAL_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Outcome) if f.metadata.get("needs_actual"))
