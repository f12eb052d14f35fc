"""The facts every unit of a target in the batch class shares at the assessment year
(docs/performance.md#the-batch-path).

The class (:func:`batch_job` says None for any other target): a ``level`` or
``rank`` target compared by ``>=``, ``>``, ``<=`` or ``<`` in the direction its
comparator says, with fixed milestones (numbers, not ranges, multiples of the
baseline or changes), its baseline its own or each unit's value in the base year,
no reference series, grade names or allocations, on the linear path or, for a
count, the whole-number path (docs/evaluation.md#small-counts), assessed at a year
end at or after its base year.  They are resolved once per target, so that
:mod:`policycheck.evaluation.batch` computes per unit only the numbers that vary.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from operator import ge, gt, le, lt

from policycheck.changes import change_since
from policycheck.evaluation.kind_trajectory import fixed_milestones
from policycheck.evaluation.options import Settings
from policycheck.evaluation.paths import path_mode
from policycheck.evaluation.requirement import at_milestone, requirement_text, target_requirement
from policycheck.evaluation.schedule import eps, path_value, time_progress
from policycheck.kinds import kind_spec
from policycheck.model import FAIL_ON, Baseline, Plan, Target

#: Satisfies(x, cmp, v) of docs/evaluation.md#notation for the comparators of the class, as
#: x OP v ± eps(v), and the side eps goes: the very comparisons of schedule.satisfies.
_COMPARE: dict[str, tuple[Callable[[float, float], bool], int]] = {
    ">=": (ge, -1), ">": (gt, 1), "<=": (le, 1), "<": (lt, -1)}


@dataclass(frozen=True, slots=True)
class Job:
    """The facts every unit of one target shares at the assessment year."""

    plan_id: str
    target_id: str
    year: int
    y0: int
    final_year: int
    #: +1 higher is better (>=, >), -1 lower is better (<=, <): the path's direction d
    d: int
    compare: Callable[[float, float], bool]
    #: the final requirement, the very object the exact rules report as target_value
    v: float
    #: v ± eps(v): meeting the final requirement is ``compare(x, final_bar)``
    final_bar: float
    final_text: str
    #: a milestone before the final one in the assessment year: its bar and requirement text
    milestone_bar: float | None
    milestone_text: str | None
    #: where the year lies on the path: 0 the base year, 1 the first stretch, 2 later
    segment: int
    share: float
    first_value: float
    fixed_expected: float
    tail: tuple[tuple[int, float], ...]
    time_progress: float | None
    method: str
    on_track: float
    at_risk: float
    #: the target's own baseline (every unit's); None: each unit's value in the base year
    baseline: Baseline | None
    #: a count (docs/evaluation.md#small-counts): a unit whose baseline is a whole number
    #: runs on the whole-number path, E(Y) rounded toward the baseline off the path's points
    whole: bool
    #: the assessment year is the base year or a milestone year: E(Y) is never rounded there
    on_point: bool
    #: the statuses that fail the run; empty when the target cannot fail it
    failing: frozenset[str]
    #: the requirement a result judged at the milestone states (requirement.at_milestone), else None
    milestone_requirement: str | None


def batch_job(plan: Plan, target: Target, year: int, settings: Settings) -> Job | None:
    """The shared facts of a target in the batch class at ``year``; None for any other target."""
    cmp = target.comparator or kind_spec(target.kind).comparator or ">="
    if (target.kind not in ("level", "rank") or not target.milestones or target.reference is not None
            or target.categories or cmp not in _COMPARE
            or (target.scope is not None and target.scope.allocations is not None)
            or target.path not in (None, "linear") or change_since(target.milestones) is not None):
        return None
    d = 1 if cmp in (">=", ">") else -1
    fixed = fixed_milestones(target.milestones)
    if target.sign != d or fixed is None or not all(type(v) is float for _, v in fixed[0]):
        return None
    resolved, tail = fixed
    y0 = target.baseline.year if target.baseline is not None else plan.baseline_year
    if year < y0 or resolved[0][0] <= y0:
        return None
    whole = target.path is None and path_mode(target, tail) == "whole"
    final_year, v = resolved[-1]
    assert type(v) is float  # every milestone a number, as checked above
    compare, side = _COMPARE[cmp]
    tol = settings.approx_tolerance if target.tolerance is None else target.tolerance
    milestone = next((m for y, m in resolved[:-1] if y == year), None)
    assert milestone is None or type(milestone) is float
    first_year, first_value = tail[0]
    segment = 0 if year == y0 else 1 if year <= first_year else 2
    later = path_value(((y0, 0.0),) + tail, year) if segment == 2 else None  # not None: year > y0
    fixed_expected = 0.0 if later is None else later  # 0.0: not read before the first milestone
    milestone_text = None if milestone is None else requirement_text(target, milestone, tolerance=tol)
    binding = target.commitment == "binding" and target.attribute != "expected"
    return Job(plan.id, target.id, year, y0, final_year, d, compare, v, v + side * eps(v),
               requirement_text(target, v, tolerance=tol),
               None if milestone is None else milestone + side * eps(milestone),
               milestone_text,
               segment, (year - y0) / (first_year - y0), first_value, fixed_expected, tail,
               time_progress(year, y0, final_year), settings.method, settings.on_track, settings.at_risk,
               target.baseline, whole, year == y0 or any(y == year for y, _ in resolved),
               frozenset(FAIL_ON[settings.fail_on]) if binding or settings.strict else frozenset(),
               None if milestone_text is None else at_milestone(target_requirement(plan, target), year,
                                                                milestone_text))
