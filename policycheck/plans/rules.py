"""Meaning checks of a schema-valid plan (docs/validation.md#rules, PC300-PC310, PC313-PC319).

The schema says what a plan may look like; these checks say whether it makes
sense: ids unique, units defined, years in order, values fitting the kind and
comparator.  Each check is a small generator of findings located at the
offending node.  They read the raw YAML data (to know which keys were written)
and the built :class:`Plan` (for defaults such as the comparator).
"""
from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from policycheck.changes import change_since
from policycheck.findings import WARNING, Finding, excerpt, quoted
from policycheck.kinds import kind_spec
from policycheck.messages import join, msg
from policycheck.model import Plan, Target
from policycheck.plans.forms import check_direction_agrees, check_relative_milestones
from policycheck.plans.intent import (
    check_aspiration,
    check_form_against_kind,
    check_form_against_quote,
    check_plan_baseline_year,
    check_tolerance,
)
from policycheck.plans.kindkeys import check_kind_keys
from policycheck.plans.rulecontext import RuleContext
from policycheck.plans.wording import check_wording
from policycheck.plans.yamlload import JsonPath, YamlDoc

PERCENT_UNITS = frozenset({"%", "％"})


TargetCheck = Callable[[RuleContext, int, Mapping[str, Any], Target], Iterator[Finding]]


def meaning_findings(doc: YamlDoc, plan: Plan) -> list[Finding]:
    """Every meaning finding of one plan, in rule order per target."""
    ctx = RuleContext(doc, plan)
    findings = (list(check_period(ctx)) + list(check_plan_baseline_year(ctx)) + list(check_thresholds(ctx))
                + list(check_duplicate_ids(ctx)))
    checks: tuple[TargetCheck, ...] = (
        check_units, check_years_in_period, check_baseline_year, check_direction, check_between,
        check_percent, check_reference, check_kind_keys, check_quote, check_times_baseline,
        check_direction_agrees, check_wording, check_relative_milestones, check_form_against_kind,
        check_form_against_quote, check_aspiration, check_tolerance,
    )
    for index, target in enumerate(plan.targets):
        raw = ctx.raw_target(index)
        for check in checks:
            findings.extend(check(ctx, index, raw, target))
    return findings


def check_period(ctx: RuleContext) -> Iterator[Finding]:
    """PC200: the period must run forwards (the schema cannot compare two values)."""
    plan = ctx.plan
    if plan.period_end < plan.period_start:
        yield ctx.at("PC200", ("plan", "period", "end"),
                     msg("PC200.period", end=plan.period_end, start=plan.period_start))


def check_thresholds(ctx: RuleContext) -> Iterator[Finding]:
    """PC200: ``assessment.at_risk`` above ``on_track`` (either may be the default) leaves no
    ratio at_risk; the schema cannot compare two values, and the block is the plan's own."""
    assessment = ctx.plan.assessment
    if assessment.at_risk > assessment.on_track:
        written = ctx.doc.data.get("assessment") or {}
        key = "at_risk" if "at_risk" in written else "on_track"
        yield ctx.at("PC200", ("assessment", key),
                     msg("PC200.thresholds", at_risk=assessment.at_risk, on_track=assessment.on_track))


def check_duplicate_ids(ctx: RuleContext) -> Iterator[Finding]:
    """PC300: a target id used twice, reported at the second one."""
    first_line: dict[str, int] = {}
    for index, target in enumerate(ctx.plan.targets):
        if target.id in first_line:
            yield ctx.at("PC300", ("targets", index, "id"),
                         msg("PC300.duplicate", id=quoted(target.id), line=first_line[target.id]))
        else:
            first_line[target.id] = ctx.doc.mark(("targets", index, "id"))[0]


def check_units(ctx: RuleContext, index: int, raw: Mapping[str, Any], target: Target) -> Iterator[Finding]:
    """PC301: responsible and scope units must be defined in ``units``."""
    base: JsonPath = ("targets", index)
    for pos, unit in enumerate(raw.get("responsible", ())):
        yield from _unit_defined(ctx, unit, base + ("responsible", pos), "responsible")
    scope = raw.get("scope") or {}
    for pos, unit in enumerate(scope.get("units", ())):
        yield from _unit_defined(ctx, unit, base + ("scope", "units", pos), "scope.units")
    for unit in scope.get("allocations", {}):
        yield from _unit_defined(ctx, str(unit), base + ("scope", "allocations", str(unit)),
                                 "scope.allocations", key=True)
    group = scope.get("group")
    if group is not None and not any(u.group == group for u in ctx.plan.units.values()):
        groups = sorted({u.group for u in ctx.plan.units.values() if u.group})
        known = msg("PC301.groups", groups=join(groups)) if groups else msg("PC301.no-groups")
        yield ctx.at("PC301", base + ("scope", "group"),
                     msg("PC301.no-group", group=quoted(str(group)), bare=excerpt(str(group), quote=str),
                         known=known))


def _unit_defined(ctx: RuleContext, unit: str, path: JsonPath, field: str, *, key: bool = False) -> Iterator[Finding]:
    if unit in ctx.plan.units:
        return
    close = ctx.suggest.closest(unit, ctx.plan.units)
    hint = (msg("did-you-mean", suggestion=quoted(close)) if close
            else msg("PC301.add-unit", bare=excerpt(unit, quote=str)))
    yield ctx.at("PC301", path, msg("PC301.undefined", unit=quoted(unit), field=field, hint=hint), key=key)


def check_years_in_period(ctx: RuleContext, index: int, raw: Mapping[str, Any], target: Target) -> Iterator[Finding]:
    """PC302 (warning): milestone years and ``years`` outside the plan period."""
    start, end = ctx.plan.period_start, ctx.plan.period_end
    if end < start:
        return  # the backwards period itself is the finding (check_period)
    for year in raw.get("milestones") or {}:
        if not start <= int(year) <= end:
            yield ctx.at("PC302", ("targets", index, "milestones", str(year)),
                         msg("PC302.milestone", year=year, start=start, end=end), level=WARNING, key=True)
    for pos, year in enumerate(raw.get("years") or ()):
        if not start <= year <= end:
            yield ctx.at("PC302", ("targets", index, "years", pos),
                         msg("PC302.years", year=year, start=start, end=end), level=WARNING)
    years = raw.get("years")
    if years and years[0] > years[1]:
        yield ctx.at("PC200", ("targets", index, "years"),
                     msg("PC200.years-backwards", first=years[0], last=years[1]))


def check_baseline_year(ctx: RuleContext, index: int, raw: Mapping[str, Any], target: Target) -> Iterator[Finding]:
    """PC303: the baseline year must come before the first milestone year."""
    if not kind_spec(target.kind).baseline or not target.milestones:
        return
    first = target.milestones[0][0]
    base: JsonPath = ("targets", index)
    named = change_since(target.milestones)
    if target.baseline is not None:
        year, source, path, on_key = target.baseline.year, "baseline.year", base + ("baseline", "year"), False
    elif target.kind == "cumulative":
        since = target.since if target.since is not None else ctx.plan.period_start
        year, source, path, on_key = since - 1, f"since {since}", base + ("since",), False
    elif named is not None:
        since_key = _raw_year(raw, _since_year(target))
        year, source, on_key = named, f"milestones.{since_key}.since", False
        path = base + ("milestones", str(since_key), "since")
    else:
        year, source, on_key = ctx.plan.baseline_year, "plan.baseline_year", True
        path = base + ("milestones", str(_raw_year(raw, first)))
    if year >= first:
        yield ctx.at("PC303", path, msg("PC303.order", year=year, source=source, first=first), key=on_key)


def _since_year(target: Target) -> int:
    """The milestone year whose change names ``since`` (the first that does)."""
    return next(year for year, value in target.milestones if getattr(value, "since", None) is not None)


def _raw_year(raw: Mapping[str, Any], year: int) -> Any:
    """The milestone key as written (int 2027 or text '2027')."""
    for key in raw.get("milestones") or {}:
        if int(key) == year:
            return key
    return year


def check_direction(ctx: RuleContext, index: int, raw: Mapping[str, Any], target: Target) -> Iterator[Finding]:
    """PC304 (warning): milestones that move against the comparator (or the direction)."""
    sign = target.sign
    # cagr milestones are rates, which need not move one way.
    if not kind_spec(target.kind).monotone or not sign:
        return
    said = (msg("PC304.said-direction", direction=target.direction) if target.direction
            else msg("PC304.said-comparator", comparator=target.comparator))
    numbers = [(y, v) for y, v in target.milestones if isinstance(v, float)]
    for (y0, v0), (y1, v1) in itertools.pairwise(numbers):
        if sign * (v1 - v0) < 0:
            key = "PC304.below" if sign > 0 else "PC304.above"
            yield ctx.at("PC304", ("targets", index, "milestones", str(_raw_year(raw, y1))),
                         msg(key, later=y1, later_value=v1, earlier=y0, earlier_value=v0, said=said),
                         level=WARNING)


def requirement_paths(raw: Mapping[str, Any], index: int) -> Iterator[tuple[JsonPath, Any]]:
    """Every requirement value of a target (milestone values, then ``value``) with its path."""
    for year, value in (raw.get("milestones") or {}).items():
        yield ("targets", index, "milestones", str(year)), value
    if "value" in raw:
        yield ("targets", index, "value"), raw["value"]


def check_between(ctx: RuleContext, index: int, raw: Mapping[str, Any], target: Target) -> Iterator[Finding]:
    """PC305: ``between`` needs [lo, hi] with lo <= hi, and [lo, hi] needs ``between``."""
    if kind_spec(target.kind).yes_no:
        return  # done-or-not values are true; PC308 reports anything else
    for path, value in requirement_paths(raw, index):
        if target.comparator == "between":
            if isinstance(value, list):
                if value[0] > value[1]:
                    yield ctx.at("PC305", path, msg("PC305.order", lo=value[0], hi=value[1]))
            elif _is_number(value):
                yield ctx.at("PC305", path, msg("PC305.single", value=value))
        elif isinstance(value, list):
            yield ctx.at("PC305", path, msg("PC305.needs-between", comparator=target.comparator))


def check_percent(ctx: RuleContext, index: int, raw: Mapping[str, Any], target: Target) -> Iterator[Finding]:
    """PC306 (warning): a share in % outside 0..100 (growth rates may exceed 100)."""
    if (target.unit or "").strip() not in PERCENT_UNITS or not kind_spec(target.kind).share:
        return
    checked = list(requirement_paths(raw, index))
    if raw.get("baseline"):
        checked.append((("targets", index, "baseline", "value"), raw["baseline"]["value"]))
    for path, value in checked:
        numbers = value if isinstance(value, list) else [value]
        for number in numbers:
            if _is_number(number) and not 0 <= number <= 100:
                yield ctx.at("PC306", path, msg("PC306.share", number=number), level=WARNING)


def check_reference(ctx: RuleContext, index: int, raw: Mapping[str, Any], target: Target) -> Iterator[Finding]:
    """PC307: ``reference`` must name a series under ``references``."""
    ref = target.reference
    if ref is None or ref in ctx.plan.references:
        return
    close = ctx.suggest.closest(ref, ctx.plan.references)
    hint = (msg("did-you-mean", suggestion=quoted(close)) if close
            else msg("PC307.add", bare=excerpt(ref, quote=str)))
    yield ctx.at("PC307", ("targets", index, "reference"), msg("PC307.unknown", ref=quoted(ref), hint=hint))


def check_quote(ctx: RuleContext, index: int, raw: Mapping[str, Any], target: Target) -> Iterator[Finding]:
    """PC309 (warning): every target should quote the document's words."""
    if not (target.quote or "").strip():
        yield ctx.at("PC309", ("targets", index), msg("PC309.no-quote", id=quoted(target.id)), level=WARNING)


def check_times_baseline(ctx: RuleContext, index: int, raw: Mapping[str, Any], target: Target) -> Iterator[Finding]:
    """PC310: ``{times_baseline: k}`` needs a positive baseline to multiply.

    Without ``baseline`` the value comes from the actuals at the baseline
    year, which evaluation reports as pending when missing; a baseline written
    in the plan that is zero or negative can never give k x baseline a meaning.
    """
    multiples = [y for y, v in (raw.get("milestones") or {}).items() if isinstance(v, dict)]
    if not multiples or target.baseline is None or target.baseline.value > 0:
        return
    yield ctx.at("PC310", ("targets", index, "baseline", "value"),
                 msg("PC310.baseline", year=multiples[0], value=target.baseline.value))


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
