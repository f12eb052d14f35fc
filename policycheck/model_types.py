"""The model's vocabulary: the words a plan and a report use (``Literal`` types, their orders) and
what a requirement value may be.

:mod:`policycheck.model` imports every name here, so ``from policycheck.model import Status`` works as it
always has; they live apart to keep that module within its size.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from policycheck.changes import Change
from policycheck.records import record

Kind = Literal["level", "annual", "cumulative", "growth", "cagr", "rank", "milestone", "category"]
Comparator = Literal[">=", ">", "<=", "<", "==", "between", "approx"]
Commitment = Literal["binding", "aspirational"]
#: 属性 in a 主要指标 table: 约束性 (binding) or 预期性 (expected) (docs/plan-format.md#attribute).
Attribute = Literal["binding", "expected"]
#: Which way is better (docs/plan-format.md#direction); for ``between``, the open end (docs/evaluation.md#ranges).
Direction = Literal["up", "down"]
#: How the expected path runs between milestones (docs/evaluation.md#small-counts).
PathMode = Literal["linear", "whole", "step"]
ActualsMode = Literal["value", "running_total", "rate"]
Method = Literal["linear", "cagr"]
FailOn = Literal["missed", "off-track", "at-risk", "no-data", "never"]
#: How an annual requirement is spread over the months of a year (docs/evaluation.md#in-year):
#: a straight line, last years' months, or none (the whole requirement applies at every month).
ScheduleName = Literal["linear", "seasonal", "none"]
#: A target's schedule: a name, or a monthly profile of twelve weights.
Schedule = ScheduleName | tuple[float, ...]
DataStatus = Literal["final", "preliminary", "estimate"]
Status = Literal["missed", "regressing", "off_track", "at_risk", "no_data", "pending", "on_track", "met"]
#: How a unit is involved in a shortfall: it leads the target, supports it, or the target is scoped to it.
Role = Literal["lead", "support", "scope"]

#: Worst first (docs/evaluation.md#statuses).
STATUSES: tuple[Status, ...] = ("missed", "regressing", "off_track", "at_risk", "no_data", "pending", "on_track", "met")
SHORTFALL_STATUSES: frozenset[Status] = frozenset({"missed", "regressing", "off_track", "at_risk"})
#: Which statuses each ``--fail-on`` level fails on (docs/evaluation.md#statuses).
FAIL_ON: Mapping[FailOn, frozenset[Status]] = {
    "missed": frozenset({"missed"}),
    "off-track": frozenset({"missed", "regressing", "off_track"}),
    "at-risk": frozenset({"missed", "regressing", "off_track", "at_risk"}),
    "no-data": frozenset({"missed", "regressing", "off_track", "at_risk", "no_data"}),
    "never": frozenset(),
}
#: Data statuses, strongest first: a final row supersedes a preliminary one, etc.
DATA_STATUSES: tuple[DataStatus, ...] = ("final", "preliminary", "estimate")


@record(frozen=True, slots=True)
class TimesBaseline:
    """A milestone written as ``{times_baseline: k}``: k times the baseline (翻番 is 2)."""

    factor: float


#: A requirement value: a number, ``[lo, hi]`` for ``between``, ``True`` for a
#: milestone target, a multiple of the baseline, or a change from the base year.
RequirementValue = float | bool | tuple[float, float] | TimesBaseline | Change
