"""PC308: keys and values that do not fit the target's kind (docs/validation.md#pc308).

The schema allows every target key on every kind so that its messages stay
simple; which keys a kind takes, needs or refuses is read here from the table
of kinds (:data:`policycheck.kinds.KIND_TABLE`), with a message that says what
the kind expects instead.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from policycheck.findings import Finding
from policycheck.kinds import KIND_TABLE, kind_spec
from policycheck.model import Target
from policycheck.plans.rulecontext import RuleContext

#: key -> why it does not fit a kind that does not take it
WHY_NOT: Mapping[str, str] = {
    "comparator": "a milestone target is done or not done; remove comparator",
    "value": "this kind states its requirement in milestones, e.g. milestones: {2027: 3.6}",
    "reference": "reference applies to annual and growth targets only",
    "years": "years applies to annual and growth targets; this kind uses milestones",
    "milestones": "this kind applies to every year: write value: N (and years: [first, last]) instead",
    "since": "since applies to cumulative targets only",
    "baseline": "this kind does not use a baseline",
    "schedule": "in-year, this kind compares the year-to-date figure with its requirement itself "
                "(docs/evaluation.md#in-year); remove schedule",
}
#: key -> the kinds that take it, from the table
KEY_KINDS: Mapping[str, frozenset[str]] = {
    key: frozenset(spec.name for spec in KIND_TABLE.values() if key in spec.keys) for key in WHY_NOT}
#: actuals mode -> the kinds it applies to, from the table
ACTUALS_KINDS: Mapping[str, frozenset[str]] = {
    mode: frozenset(spec.name for spec in KIND_TABLE.values() if mode in spec.actuals)
    for mode in ("value", "running_total", "rate")
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
    schedule = raw.get("schedule")
    if isinstance(schedule, dict) and not sum(schedule.get("profile") or ()) > 0:
        yield ctx.at("PC308", base + ("schedule", "profile"), "a monthly profile needs some weight: give the "
                                                              "twelve months' shares, e.g. last year's amounts")
    if "tolerance" in raw and target.comparator != "approx":
        yield ctx.at("PC308", base + ("tolerance",), f"tolerance applies to comparator approx (左右) only; "
                                                    f"this target has '{target.comparator}'", key=True)


def _unfit_keys(ctx: RuleContext, index: int, raw: Mapping[str, Any], target: Target) -> Iterator[Finding]:
    for key, why in WHY_NOT.items():
        if key in raw and target.kind not in KEY_KINDS[key]:
            yield ctx.at("PC308", ("targets", index, key), f"'{key}' does not fit kind {target.kind}: {why}",
                         key=True)


def _missing_keys(ctx: RuleContext, index: int, raw: Mapping[str, Any], target: Target) -> Iterator[Finding]:
    base = ("targets", index)
    kind, spec = target.kind, kind_spec(target.kind)
    if spec.yearly:
        if "value" not in raw and "reference" not in raw:
            yield ctx.at("PC308", base, f"kind {kind} needs value: N (the requirement for every year) "
                                        f"or reference: <id>")
        elif "value" in raw and "reference" in raw:
            yield ctx.at("PC308", base + ("reference",), "give value or reference, not both", key=True)
    elif "milestones" not in raw:
        example = "{2027: true}" if spec.yes_no else "{2027: 3.6}"
        yield ctx.at("PC308", base, f"kind {kind} needs milestones, e.g. milestones: {example}")
    if not spec.yes_no and not (raw.get("unit") or "").strip():
        yield ctx.at("PC308", base, f"kind {kind} needs unit: the unit of measure, e.g. '%', '家' or '亿元'")


def _milestone_values(ctx: RuleContext, index: int, raw: Mapping[str, Any], target: Target) -> Iterator[Finding]:
    """true only on done-or-not targets, only true there, and times_baseline only where the kind allows it."""
    spec = kind_spec(target.kind)
    for year, value in (raw.get("milestones") or {}).items():
        path = ("targets", index, "milestones", str(year))
        if spec.yes_no and value is not True:
            yield ctx.at("PC308", path, f"a milestone target is done or not done: write {year}: true")
        elif not spec.yes_no and value is True:
            yield ctx.at("PC308", path, f"true is for kind milestone; kind {target.kind} needs a number")
        elif isinstance(value, dict) and not spec.times_baseline:
            yield ctx.at("PC308", path, f"times_baseline applies to level targets only, not to kind "
                                        f"{target.kind}; give the number")
