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
from policycheck.messages import join, msg
from policycheck.model import Target
from policycheck.plans.rulecontext import RuleContext

#: The keys a kind may refuse; why one does not fit is the message PC308.why-<key>.
WHY_NOT: tuple[str, ...] = ("comparator", "value", "reference", "years", "milestones", "since", "baseline",
                            "schedule", "direction", "categories", "path")
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
        kinds = join(sorted(ACTUALS_KINDS[mode]), en=" and ", zh="和")
        yield ctx.at("PC308", base + ("actuals",), msg("PC308.actuals", mode=mode, kinds=kinds, kind=target.kind))
    schedule = raw.get("schedule")
    if isinstance(schedule, dict) and not sum(schedule.get("profile") or ()) > 0:
        yield ctx.at("PC308", base + ("schedule", "profile"), msg("PC308.profile-weight"))
    if "tolerance" in raw and target.comparator != "approx":
        yield ctx.at("PC308", base + ("tolerance",), msg("PC308.tolerance", comparator=target.comparator), key=True)


def _unfit_keys(ctx: RuleContext, index: int, raw: Mapping[str, Any], target: Target) -> Iterator[Finding]:
    for key in WHY_NOT:
        if key in raw and target.kind not in KEY_KINDS[key]:
            yield ctx.at("PC308", ("targets", index, key),
                         msg("PC308.unfit", key=key, kind=target.kind, why=msg(f"PC308.why-{key}")), key=True)


def _missing_keys(ctx: RuleContext, index: int, raw: Mapping[str, Any], target: Target) -> Iterator[Finding]:
    base = ("targets", index)
    kind, spec = target.kind, kind_spec(target.kind)
    if spec.yearly:
        if "value" not in raw and "reference" not in raw:
            yield ctx.at("PC308", base, msg("PC308.needs-value", kind=kind))
        elif "value" in raw and "reference" in raw:
            yield ctx.at("PC308", base + ("reference",), msg("PC308.value-and-reference"), key=True)
    elif "milestones" not in raw:
        example = "{2027: true}" if spec.yes_no else "{2027: 3.6}"
        yield ctx.at("PC308", base, msg("PC308.needs-milestones", kind=kind, example=example))
    if spec.needs_unit and not (raw.get("unit") or "").strip():
        yield ctx.at("PC308", base, msg("PC308.needs-unit", kind=kind))
    if "categories" in spec.keys and not raw.get("categories"):
        yield ctx.at("PC308", base, msg("PC308.needs-categories", kind=kind))


def _milestone_values(ctx: RuleContext, index: int, raw: Mapping[str, Any], target: Target) -> Iterator[Finding]:
    """true only on done-or-not targets, only true there; the relative forms only where the kind takes them."""
    spec = kind_spec(target.kind)
    for year, value in (raw.get("milestones") or {}).items():
        path = ("targets", index, "milestones", str(year))
        if spec.yes_no and value is not True:
            yield ctx.at("PC308", path, msg("PC308.milestone-true", year=year))
        elif not spec.yes_no and value is True:
            yield ctx.at("PC308", path, msg("PC308.true-not-milestone", kind=target.kind))
        elif isinstance(value, dict):
            form = next(iter(value), "")
            allowed = spec.times_baseline if form == "times_baseline" else form in spec.relative
            if not allowed:
                yield ctx.at("PC308", path, msg(f"PC308.form-{form}", kind=target.kind))
        elif "grade" in spec.relative:
            yield ctx.at("PC308", path, msg("PC308.grade-needed", year=year))
