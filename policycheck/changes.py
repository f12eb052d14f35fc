"""Milestones written relative to the base year (docs/plan-format.md#relative-change).

比2020年下降13.5%, 提高5个百分点, 位次提升3位, 进一等: the plan states a change, and
evaluation resolves it against the base year's actual
(:func:`policycheck.evaluation.context.resolve_requirement`).  Shared by the plan
model and evaluation.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from policycheck.records import record

#: What a relative change is counted in: 比2020年下降13.5% (percent), 提高5个百分点
#: (points), 位次提升3位 (places), 进一等 (grades).
ChangeUnit = Literal["percent", "points", "places", "grades"]


@record(frozen=True, slots=True)
class Change:
    """A milestone written relative to the base year's actual (docs/plan-format.md#relative-change).

    ``percent``: b x (1 + by/100) (比2020年下降13.5% is by = -13.5); ``points``: b + by
    (提高5个百分点); ``places`` (rank) and ``grades`` (category): ``by`` steps better than
    the base year (位次提升3位 is 3, 进一等 is 1, 保持 is 0).  ``since`` is the base
    year when the document names one; otherwise the target's baseline year.
    """

    by: float
    unit: ChangeUnit
    since: int | None = None


def change_since(milestones: Sequence[tuple[int, object]]) -> int | None:
    """The base year a change milestone names (比2020年: ``since: 2020``), if any."""
    for _, value in milestones:
        if isinstance(value, Change) and value.since is not None:
            return value.since
    return None
