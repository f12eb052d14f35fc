"""Meaning checks of a schema-valid plan (docs/validation.md#rules, PC300-PC310).

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

from policycheck.findings import WARNING, Finding, excerpt, quoted
from policycheck.kinds import kind_spec
from policycheck.model import Plan, Target
from policycheck.plans.kindkeys import check_kind_keys
from policycheck.plans.rulecontext import RuleContext
from policycheck.plans.yamlload import JsonPath, YamlDoc

PERCENT_UNITS = frozenset({"%", "％"})


TargetCheck = Callable[[RuleContext, int, Mapping[str, Any], Target], Iterator[Finding]]


def meaning_findings(doc: YamlDoc, plan: Plan) -> list[Finding]:
    """Every meaning finding of one plan, in rule order per target."""
    ctx = RuleContext(doc, plan)
    findings = list(check_period(ctx)) + list(check_duplicate_ids(ctx))
    checks: tuple[TargetCheck, ...] = (
        check_units, check_years_in_period, check_baseline_year, check_direction, check_between,
        check_percent, check_reference, check_kind_keys, check_quote, check_times_baseline,
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
                     f"plan.period.end {plan.period_end} is before start {plan.period_start}; "
                     f"end must be the same year or later")


def check_duplicate_ids(ctx: RuleContext) -> Iterator[Finding]:
    """PC300: a target id used twice, reported at the second one."""
    first_line: dict[str, int] = {}
    for index, target in enumerate(ctx.plan.targets):
        if target.id in first_line:
            yield ctx.at("PC300", ("targets", index, "id"),
                         f"duplicate target id {quoted(target.id)} (first at line {first_line[target.id]}); "
                         f"target ids must be unique in a plan")
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
        known = f"groups defined: {', '.join(groups)}" if groups else "no unit has a group yet"
        yield ctx.at("PC301", base + ("scope", "group"),
                     f"no unit in units has group {quoted(str(group))}; "
                     f"set group: {excerpt(str(group), quote=str)} on the units it covers ({known})")


def _unit_defined(ctx: RuleContext, unit: str, path: JsonPath, field: str, *, key: bool = False) -> Iterator[Finding]:
    if unit in ctx.plan.units:
        return
    close = ctx.suggest.closest(unit, ctx.plan.units)
    hint = (f"did you mean {quoted(close)}?" if close
            else f"add it under units: {excerpt(unit, quote=str)}: {{name: ...}}")
    yield ctx.at("PC301", path, f"unit {quoted(unit)} in {field} is not defined in units; {hint}", key=key)


def check_years_in_period(ctx: RuleContext, index: int, raw: Mapping[str, Any], target: Target) -> Iterator[Finding]:
    """PC302 (warning): milestone years and ``years`` outside the plan period."""
    start, end = ctx.plan.period_start, ctx.plan.period_end
    if end < start:
        return  # the backwards period itself is the finding (check_period)
    for year in raw.get("milestones") or {}:
        if not start <= int(year) <= end:
            yield ctx.at("PC302", ("targets", index, "milestones", str(year)),
                         f"milestone year {year} is outside the plan period {start}-{end}; "
                         f"check the year or the period", level=WARNING, key=True)
    for pos, year in enumerate(raw.get("years") or ()):
        if not start <= year <= end:
            yield ctx.at("PC302", ("targets", index, "years", pos),
                         f"year {year} in years is outside the plan period {start}-{end}", level=WARNING)
    years = raw.get("years")
    if years and years[0] > years[1]:
        yield ctx.at("PC200", ("targets", index, "years"),
                     f"years [{years[0]}, {years[1]}] runs backwards; write [{years[1]}, {years[0]}]")


def check_baseline_year(ctx: RuleContext, index: int, raw: Mapping[str, Any], target: Target) -> Iterator[Finding]:
    """PC303: the baseline year must come before the first milestone year."""
    if not kind_spec(target.kind).baseline or not target.milestones:
        return
    first = target.milestones[0][0]
    base: JsonPath = ("targets", index)
    if target.baseline is not None:
        year, source, path, on_key = target.baseline.year, "baseline.year", base + ("baseline", "year"), False
    elif target.kind == "cumulative":
        since = target.since if target.since is not None else ctx.plan.period_start
        year, source, path, on_key = since - 1, f"since {since}", base + ("since",), False
    else:
        year, source, on_key = ctx.plan.baseline_year, "plan.baseline_year", True
        path = base + ("milestones", str(_raw_year(raw, first)))
    if year >= first:
        yield ctx.at("PC303", path,
                     f"baseline year {year} ({source}) is not before the first milestone year {first}; "
                     f"the baseline must be an earlier year", key=on_key)


def _raw_year(raw: Mapping[str, Any], year: int) -> Any:
    """The milestone key as written (int 2027 or text '2027')."""
    for key in raw.get("milestones") or {}:
        if int(key) == year:
            return key
    return year


def check_direction(ctx: RuleContext, index: int, raw: Mapping[str, Any], target: Target) -> Iterator[Finding]:
    """PC304 (warning): milestones that move against the comparator."""
    sign = {">=": 1, ">": 1, "<=": -1, "<": -1}.get(target.comparator or "")
    # cagr milestones are rates, which need not move one way.
    if not kind_spec(target.kind).monotone or sign is None:
        return
    numbers = [(y, v) for y, v in target.milestones if isinstance(v, float)]
    for (y0, v0), (y1, v1) in itertools.pairwise(numbers):
        if sign * (v1 - v0) < 0:
            way = "rise" if sign > 0 else "fall"
            yield ctx.at("PC304", ("targets", index, "milestones", str(_raw_year(raw, y1))),
                         f"milestone {y1} ({v1:g}) is {'below' if sign > 0 else 'above'} milestone {y0} "
                         f"({v0:g}), but comparator '{target.comparator}' expects values to {way}; "
                         f"check the numbers or the comparator", level=WARNING)


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
                    yield ctx.at("PC305", path, f"[{value[0]}, {value[1]}] has lo above hi; "
                                                f"write [{value[1]}, {value[0]}]")
            elif _is_number(value):
                yield ctx.at("PC305", path, f"comparator between needs [lo, hi], not the single number {value}; "
                                            f"write e.g. [{value}, {value}] or change the comparator")
        elif isinstance(value, list):
            yield ctx.at("PC305", path, f"[lo, hi] values need comparator: between (this target has "
                                        f"'{target.comparator}')")


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
                yield ctx.at("PC306", path, f"{number}% is outside 0..100 for a share; "
                                            f"check the number or the unit", level=WARNING)


def check_reference(ctx: RuleContext, index: int, raw: Mapping[str, Any], target: Target) -> Iterator[Finding]:
    """PC307: ``reference`` must name a series under ``references``."""
    ref = target.reference
    if ref is None or ref in ctx.plan.references:
        return
    close = ctx.suggest.closest(ref, ctx.plan.references)
    hint = (f"did you mean {quoted(close)}?" if close
            else f"add it under references: {excerpt(ref, quote=str)}: {{name: ...}}")
    yield ctx.at("PC307", ("targets", index, "reference"), f"unknown reference {quoted(ref)}; {hint}")


def check_quote(ctx: RuleContext, index: int, raw: Mapping[str, Any], target: Target) -> Iterator[Finding]:
    """PC309 (warning): every target should quote the document's words."""
    if not (target.quote or "").strip():
        yield ctx.at("PC309", ("targets", index),
                     f"target {quoted(target.id)} has no quote; add quote: with the original words of the "
                     f"document so the target can be traced", level=WARNING)


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
                 f"milestone {multiples[0]} is {{times_baseline: ...}} but baseline.value is "
                 f"{target.baseline.value:g}; a multiple of it means nothing: give a positive baseline or a number")


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
