"""PC313 and PC315: the forms of an indicator table that can contradict themselves.

PC313 (error): ``direction`` says the opposite of the comparator (``>=`` with
``direction: down``): one of them is a slip, and the evaluation cannot know which.

PC315 (error): a relative milestone (docs/plan-format.md#relative-change) that
cannot be resolved: a fall of 100 % or more (nothing is left to fall), change
milestones counting from different base years, a base year (``since``) other
than the target's own ``baseline`` year, or a grade not among the target's
``categories``.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from policycheck.changes import change_since
from policycheck.findings import Finding, quoted
from policycheck.messages import msg, same
from policycheck.model import Target
from policycheck.plans.rulecontext import RuleContext

#: comparator -> the direction it implies
_IMPLIED = {">=": "up", ">": "up", "<=": "down", "<": "down"}


def check_direction_agrees(ctx: RuleContext, index: int, raw: Mapping[str, Any], target: Target) -> Iterator[Finding]:
    """PC313: ``direction`` must agree with a one-sided comparator."""
    implied = _IMPLIED.get(target.comparator or "")
    if target.direction is None or implied is None or implied == target.direction:
        return
    yield ctx.at("PC313", ("targets", index, "direction"),
                 msg("PC313.contradicts", direction=target.direction, comparator=target.comparator, implied=implied))


def check_relative_milestones(ctx: RuleContext, index: int, raw: Mapping[str, Any],
                              target: Target) -> Iterator[Finding]:
    """PC315: change, improve and grade milestones that cannot be resolved."""
    sinces: dict[int, Any] = {}
    for year, value in (raw.get("milestones") or {}).items():
        if not isinstance(value, dict):
            continue
        path = ("targets", index, "milestones", str(year))
        if "change" in value and value.get("in") == "percent" and value["change"] <= -100:
            yield ctx.at("PC315", path + ("change",), msg("PC315.fall", fall=-value["change"]))
        if "grade" in value and str(value["grade"]) not in target.categories:
            known = same(", ".join(target.categories)) if target.categories else msg("PC315.no-categories")
            yield ctx.at("PC315", path + ("grade",), msg("PC315.grade", grade=quoted(str(value["grade"])), known=known))
        if value.get("since") is not None:
            sinces[int(year)] = value["since"]
    yield from _base_years(ctx, index, target, sinces)


def _base_years(ctx: RuleContext, index: int, target: Target, sinces: Mapping[int, Any]) -> Iterator[Finding]:
    """Every ``since`` of a target names the same base year, and its ``baseline`` year if it has one."""
    first = change_since(target.milestones)
    for year, since in sorted(sinces.items()):
        path = ("targets", index, "milestones", str(year), "since")
        if since != first:
            yield ctx.at("PC315", path, msg("PC315.since-differs", since=since, first=first))
        elif target.baseline is not None and since != target.baseline.year:
            yield ctx.at("PC315", path, msg("PC315.since-baseline", since=since, baseline=target.baseline.year))
