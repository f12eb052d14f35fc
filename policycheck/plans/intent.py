"""PC316-PC319: a target whose form says something other than its kind or its own quote.

PC316 (error): the form says the opposite of what the target is, so the
verdict would be the opposite too (docs/validation.md#pc316): a rank (or a
level quoted as 前5名) with ``>=`` or ``>``, a rise written for a quote that
says 下降 (or a fall for 提高), ``in: percent`` for a quote that says 百分点,
翻番 with ``<=`` or ``<``.

PC317 (warning): a quote saying 力争 (争取, 争创) with no ``commitment``
written: docs/plan-format.md#wording makes such a target aspirational.

PC318 (warning): a relative tolerance of 0.3 or more, usually a tolerance in
points written as a fraction (``tolerance: 0.5`` for ±0.5 points is ±50 %).

PC319 (warning): ``plan.baseline_year`` not before ``period.start``.

Like PC314 the quote checks are lenient: a quote often holds several targets'
words, so a word counts against the form only when no word supports it.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from policycheck.findings import WARNING, Finding
from policycheck.messages import msg
from policycheck.model import Target
from policycheck.plans.rulecontext import RuleContext
from policycheck.plans.yamlload import JsonPath

_HIGHER = frozenset({">=", ">"})
_LOWER = frozenset({"<=", "<"})
_FALL = re.compile(r"下降|降低|减少|压减|削减|缩减|下调|回落")
_RISE = re.compile(r"增长|提高|提升|增加|上升|扩大|翻")
_POINTS = re.compile(r"百分点")
_DOUBLING = re.compile(r"翻[一两三四]?番|倍增")
_ASPIRE = re.compile(r"力争|争取|争创")
_TOP = re.compile(r"前\s*([0-9０-９]+)\s*[名位强]")
#: A relative tolerance this large is most likely points written as a fraction.
LARGE_TOLERANCE = 0.3


def check_form_against_kind(ctx: RuleContext, index: int, raw: Mapping[str, Any],
                            target: Target) -> Iterator[Finding]:
    """PC316: a rank (or a level quoted as 前N名 with N a milestone) with ``>=`` or ``>``."""
    if target.comparator not in _HIGHER:
        return
    where: JsonPath = ("targets", index, "comparator")
    if target.kind == "rank":
        yield ctx.at("PC316", where, msg("PC316.rank", comparator=target.comparator))
        return
    numbers = {v for _, v in target.milestones if isinstance(v, float)}
    for found in _TOP.finditer(target.quote or ""):
        if float(_half_width(found.group(1))) in numbers:
            yield ctx.at("PC316", where, msg("PC316.top", words=found.group(0), comparator=target.comparator,
                                             kind=target.kind))
            return


def check_form_against_quote(ctx: RuleContext, index: int, raw: Mapping[str, Any],
                             target: Target) -> Iterator[Finding]:
    """PC316: change and times_baseline milestones that say the opposite of the quote."""
    quote = target.quote or ""
    if not quote:
        return
    falls, rises = bool(_FALL.search(quote)), bool(_RISE.search(quote))
    for year, value in (raw.get("milestones") or {}).items():
        if not isinstance(value, dict):
            continue
        path: JsonPath = ("targets", index, "milestones", str(year))
        # On other kinds a change is already PC308 (docs/plan-format.md#relative-change).
        change = value.get("change") if target.kind == "level" else None
        if isinstance(change, (int, float)) and falls != rises and change != 0 and (change > 0) == falls:
            word = (_FALL if falls else _RISE).search(quote)
            yield ctx.at("PC316", path + ("change",),
                         msg("PC316.fall" if falls else "PC316.rise", word=word.group(0) if word else "",
                             change=change, fixed=-change))
        if change is not None and value.get("in") == "percent" and _POINTS.search(quote):
            yield ctx.at("PC316", path + ("in",), msg("PC316.points"))
        doubling = _DOUBLING.search(quote)
        if "times_baseline" in value and doubling and target.comparator in _LOWER:
            where = ("targets", index, "comparator")
            yield ctx.at("PC316", where, msg("PC316.doubling", words=doubling.group(0),
                                             comparator=target.comparator))


def check_aspiration(ctx: RuleContext, index: int, raw: Mapping[str, Any], target: Target) -> Iterator[Finding]:
    """PC317 (warning): 力争 in the quote and no ``commitment`` written."""
    found = _ASPIRE.search(target.quote or "")
    if found and "commitment" not in raw:
        yield ctx.at("PC317", ("targets", index, "quote"), msg("PC317.aspire", word=found.group(0)), level=WARNING)


def check_tolerance(ctx: RuleContext, index: int, raw: Mapping[str, Any], target: Target) -> Iterator[Finding]:
    """PC318 (warning): a relative tolerance of 0.3 or more."""
    written = raw.get("tolerance")
    path: JsonPath = ("targets", index, "tolerance")
    if isinstance(written, dict):
        path, written = path + ("relative",), written.get("relative")
    if target.tolerance is None or target.tolerance < LARGE_TOLERANCE or written is None:
        return
    yield ctx.at("PC318", path, msg("PC318.large", tolerance=target.tolerance, percent=target.tolerance * 100),
                 level=WARNING)


def check_plan_baseline_year(ctx: RuleContext) -> Iterator[Finding]:
    """PC319 (warning): ``baseline_year`` written and not before ``period.start``."""
    plan = ctx.plan
    head = ctx.doc.data.get("plan") or {}
    if "baseline_year" in head and plan.baseline_year >= plan.period_start:
        yield ctx.at("PC319", ("plan", "baseline_year"),
                     msg("PC319.order", year=plan.baseline_year, start=plan.period_start,
                         before=plan.period_start - 1), level=WARNING)


def _half_width(digits: str) -> str:
    return digits.translate({ord("０") + i: ord("0") + i for i in range(10)})
