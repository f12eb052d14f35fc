"""PC308: keys and values that do not fit the target's kind (SPEC 2.1).

The schema allows every target key on every kind so that its messages stay
simple; which keys a kind takes, needs or refuses is checked here, with a
message that says what the kind expects instead.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from policycheck.findings import Finding
from policycheck.model import KINDS, Target

if TYPE_CHECKING:
    from policycheck.plans.rules import RuleContext

YEARLY = frozenset({"annual", "growth"})
WITH_MILESTONES = frozenset(KINDS) - YEARLY

#: key -> (kinds that take it, why it does not fit the others)
KEY_KINDS: Mapping[str, tuple[frozenset[str], str]] = {
    "comparator": (frozenset(KINDS) - {"milestone"},
                   "a milestone target is done or not done; remove comparator"),
    "value": (YEARLY, "this kind states its requirement in milestones, e.g. milestones: {2027: 3.6}"),
    "reference": (YEARLY, "reference applies to annual and growth targets only"),
    "years": (YEARLY, "years applies to annual and growth targets; this kind uses milestones"),
    "milestones": (WITH_MILESTONES, "this kind applies to every year: write value: N "
                                    "(and years: [first, last]) instead"),
    "since": (frozenset({"cumulative"}), "since applies to cumulative targets only"),
    "baseline": (frozenset({"level", "rank", "cumulative", "cagr"}), "this kind does not use a baseline"),
}
#: actuals mode -> kinds it applies to
ACTUALS_KINDS: Mapping[str, frozenset[str]] = {
    "value": frozenset(KINDS),
    "running_total": frozenset({"cumulative"}),
    "rate": frozenset({"growth", "cagr"}),
}


def check_kind_keys(ctx: RuleContext, index: int, raw: Mapping[str, Any], target: Target) -> Iterator[Finding]:
    """PC308: every key present fits the kind, and the keys the kind needs are there."""
    yield from _unfit_keys(ctx, index, raw, target)
    yield from _missing_keys(ctx, index, raw, target)
    yield from _milestone_values(ctx, index, raw, target)
    base = ("targets", index)
    mode = raw.get("actuals")
    if mode is not None and target.kind not in ACTUALS_KINDS[mode]:
        kinds = " and ".join(sorted(ACTUALS_KINDS[mode]))
        yield ctx.at("PC308", base + ("actuals",), f"actuals: {mode} applies to {kinds} targets, not to "
                                                  f"kind {target.kind}; remove it or change the kind")
    if "tolerance" in raw and target.comparator != "approx":
        yield ctx.at("PC308", base + ("tolerance",), f"tolerance applies to comparator approx (左右) only; "
                                                    f"this target has '{target.comparator}'", key=True)


def _unfit_keys(ctx: RuleContext, index: int, raw: Mapping[str, Any], target: Target) -> Iterator[Finding]:
    for key, (kinds, why) in KEY_KINDS.items():
        if key in raw and target.kind not in kinds:
            yield ctx.at("PC308", ("targets", index, key), f"'{key}' does not fit kind {target.kind}: {why}",
                         key=True)


def _missing_keys(ctx: RuleContext, index: int, raw: Mapping[str, Any], target: Target) -> Iterator[Finding]:
    base = ("targets", index)
    kind = target.kind
    if kind in YEARLY:
        if "value" not in raw and "reference" not in raw:
            yield ctx.at("PC308", base, f"kind {kind} needs value: N (the requirement for every year) "
                                        f"or reference: <id>")
        elif "value" in raw and "reference" in raw:
            yield ctx.at("PC308", base + ("reference",), "give value or reference, not both", key=True)
    elif "milestones" not in raw:
        example = "{2027: true}" if kind == "milestone" else "{2027: 3.6}"
        yield ctx.at("PC308", base, f"kind {kind} needs milestones, e.g. milestones: {example}")
    if kind != "milestone" and not (raw.get("unit") or "").strip():
        yield ctx.at("PC308", base, f"kind {kind} needs unit: the unit of measure, e.g. '%', '家' or '亿元'")


def _milestone_values(ctx: RuleContext, index: int, raw: Mapping[str, Any], target: Target) -> Iterator[Finding]:
    """true only on milestone targets, only true there, and times_baseline only on level targets."""
    for year, value in (raw.get("milestones") or {}).items():
        path = ("targets", index, "milestones", str(year))
        if target.kind == "milestone" and value is not True:
            yield ctx.at("PC308", path, f"a milestone target is done or not done: write {year}: true")
        elif target.kind != "milestone" and value is True:
            yield ctx.at("PC308", path, f"true is for kind milestone; kind {target.kind} needs a number")
        elif isinstance(value, dict) and target.kind != "level":
            yield ctx.at("PC308", path, f"times_baseline applies to level targets only, not to kind "
                                        f"{target.kind}; give the number")
