"""Actuals that read fine but mean something else: the two fills a template invites.

A cagr target (年均增速) reads levels and computes the rate; a statistician
who sees "增长8%" fills in the rates.  A cumulative target (累计) adds up each
year's new amount; a statistics office that reports running totals sends
those.  Either way every cell parses and the result is wrong without a word.
These checks look at whole series after reading and warn (PC412, PC413,
docs/actuals.md#plausibility), naming the plan key that would read the
numbers as they were meant (``actuals: rate``, ``actuals: running_total``).
They are warnings: a county whose output really is 9 亿元 with a 9 % target
could trip the first, and it should still be checked.
"""
from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence

from policycheck.findings import WARNING, Finding, excerpt
from policycheck.messages import Text, msg
from policycheck.model import Plan, Target
from policycheck.observations import Actuals, Series, as_series

#: Rates "look like the plan's rate" within this factor of it: 8 % against 6 %, 12 % against 15 %.
RATE_FACTOR = 2.0
#: At least this many values before a series is judged (one number says nothing about a pattern).
MIN_RATES = 2
#: Running totals are judged over at least three years: each rises by at least half the first.
MIN_TOTALS = 3
#: How many values a finding quotes.
_SHOWN = 5


def plausibility_findings(plans: Sequence[Plan], actuals: Actuals) -> list[Finding]:
    """PC412 and PC413 for every series of a cagr or cumulative target that looks misread."""
    watched = {(plan.id, target.id): (plan, target) for plan in plans for target in plan.targets
               if target.actuals == "value" and target.kind in ("cagr", "cumulative")}
    if not watched:
        return []
    findings: list[Finding] = []
    # a cell the reader already warned about (its % says rate): one warning there, not two
    warned = {(f.file, f.line, f.column) for f in actuals.findings if f.rule == "PC412"}
    for (plan_id, target_id, unit), series in actuals.series.items():
        found = watched.get((plan_id, target_id))
        if found is None:
            continue
        plan, target = found
        check = _rates if target.kind == "cagr" else _totals
        finding = check(plan, target, unit, as_series(series))
        if finding is not None and (finding.file, finding.line, finding.column) not in warned:
            findings.append(finding)
    return findings


def _present(series: Series, since: int | None = None) -> list[tuple[int, float]]:
    return [(year, float(value)) for year, value in series.observed()
            if isinstance(value, float) and (since is None or year >= since)]


def _rates(plan: Plan, target: Target, unit: str | None, series: Series) -> Finding | None:
    """PC412: every value of a cagr series close to the plan's rate, which levels rarely are."""
    rate = _required_rate(target)
    values = _present(series)
    if rate is None or rate <= 0 or len(values) < MIN_RATES:
        return None
    low, high = rate / RATE_FACTOR, rate * RATE_FACTOR
    if not all(low <= value <= high for _year, value in values):
        return None
    if target.baseline is not None and low <= target.baseline.value <= high:
        return None  # the plan's own baseline level is of that size: levels, then
    text = msg("PC412.values", target=excerpt(_series_name(target, unit)), values=_shown(values), rate=rate)
    return _at(series, values[0][0], "PC412", text)


def _required_rate(target: Target) -> float | None:
    if not target.milestones:
        return None
    requirement = target.milestones[-1][1]
    if isinstance(requirement, tuple):
        return (requirement[0] + requirement[1]) / 2
    return requirement if isinstance(requirement, float) else None


def _totals(plan: Plan, target: Target, unit: str | None, series: Series) -> Finding | None:
    """PC413: yearly values that each rise by at least half the first, over three years or more.

    Yearly new amounts hover around a level (90, 100, 95, 105); running totals of
    them climb by about the first value every year (90, 190, 285, 390).
    """
    since = target.since if target.since is not None else plan.period_start
    values = _present(series, since)
    if len(values) < MIN_TOTALS or values[0][1] <= 0:
        return None
    step = values[0][1] / 2
    rising = all(later - earlier >= step for (_y0, earlier), (_y1, later) in itertools.pairwise(values))
    if not rising:
        return None
    text = msg("PC413.totals", target=excerpt(_series_name(target, unit)), values=_shown(values))
    return _at(series, values[0][0], "PC413", text)


def _series_name(target: Target, unit: str | None) -> str:
    return f"{target.id} ({unit})" if unit else target.id


def _shown(values: Iterable[tuple[int, float]]) -> str:
    pairs = [f"{year}: {value:g}" for year, value in values]
    return ", ".join(pairs[:_SHOWN]) + (", …" if len(pairs) > _SHOWN else "")


def _at(series: Series, year: int, rule: str, text: Text) -> Finding:
    """The finding at the series' first value cell in the file (where the fill starts)."""
    observation = series[year]
    return Finding.of(rule, WARNING, observation.file, observation.line, observation.column, text)
