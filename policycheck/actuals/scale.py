"""Actuals several orders of magnitude off: PC416 (docs/actuals.md#orders-of-magnitude).

A figure in 万元 typed into a sheet in 亿元 parses, and 1728000 against a
requirement of 180 is "met" at 864000 %; 0.025 typed for 2.5 % parses, and
the target is "off track" for the wrong reason.  No single cell is wrong, so
the readers cannot see it; these checks look at whole series after reading,
as PC412 and PC413 do (policycheck/actuals/plausible.py).  They warn and never
stop the check: a real series can be odd.

Speed: a national file has 142,200 series.  A target's stored values are
bounded in one go (min and max in C over :meth:`Series.stored_values`), and
only a target whose bounds could hold a slip is judged series by series.
"""
from __future__ import annotations

from collections.abc import Sequence
from itertools import repeat
from math import inf, isnan, log
from operator import is_

from policycheck.findings import WARNING, Finding, excerpt
from policycheck.messages import Text, msg
from policycheck.model import Plan, Target, TimesBaseline
from policycheck.observations import Actuals, Series, as_series

#: Two values of a series this many times apart, or a value this many times above or below the
#: requirement, are a slip of magnitude: 万/亿 is 10,000, 元/千元 1,000.  Real series stay far inside:
#: the bundled examples' and the bench data's widest is 7 times within a series and 3.2 times from
#: the requirement, and a county growing 50 times over a plan is rare but real
#: (docs/actuals.md#orders-of-magnitude).
SLIP = 1000.0
#: Values of a % target all below this, against a requirement of at least this, look like fractions.
WHOLE = 1.0
#: How many values a finding quotes.
_SHOWN = 5

Points = list[tuple[int, float]]


def scale_findings(plans: Sequence[Plan], actuals: Actuals) -> list[Finding]:
    """PC416 for every series of a numeric target whose values look off by orders of magnitude."""
    findings: list[Finding] = []
    for plan in plans:
        for target in plan.targets:
            if target.kind in ("milestone", "category", "rank"):
                continue  # yes/no, grades and places: no magnitude to slip
            requirement = _requirement(target)
            percent = target.unit == "%" and requirement is not None and requirement >= WHOLE
            for unit, series in _series_of(plan, target, actuals):
                finding = _judge(target, unit, series, requirement, percent)
                if finding is not None:
                    findings.append(finding)
    return findings


def _series_of(plan: Plan, target: Target, actuals: Actuals) -> list[tuple[str | None, Series]]:
    """The target's series that may hold a slip: none at all when its stored values are bounded clear."""
    units: Sequence[str | None] = plan.scope_units(target) or (None,)
    run = actuals.target_series(plan.id, target.id, units)
    if any(map(is_, run, repeat(None))):  # some unit without rows: bound those with rows
        run = [one for one in run if one is not None]
    whole = actuals.series.get((plan.id, target.id, None)) if target.scope is not None else None
    if not run and whole is None:
        return []
    if whole is None and run:
        kinds: set[type[Series]] = set(map(type, run))  # the stores' Series classes
        values = kinds.pop().stored_values(run) if len(kinds) == 1 else None  # type: ignore[arg-type]
        if values is not None and _clear(values, _requirement(target), target.unit == "%"):
            return []
    found = [(unit, as_series(one)) for unit, one in zip(units, actuals.target_series(plan.id, target.id, units),
                                                       strict=True) if one is not None]
    if whole is not None:  # the whole area's row besides its units'
        found.append((None, as_series(whole)))
    return found


def _clear(values: Sequence[float], requirement: float | None, percent: bool) -> bool:
    """Whether no series of these values can be a slip (NaN and values <= 0 never are)."""
    if not values:
        return True
    low, high = min(values), max(values)  # in C: the whole target at once
    if not low > 0 or isnan(high):  # a 0, a negative or a NaN (missing) among them: leave those out
        positive = list(filter((0.0).__lt__, values))
        if not positive:
            return True
        low, high = min(positive), max(positive)
    if high >= SLIP * low:
        return False
    if requirement is not None and (high >= SLIP * requirement or low * SLIP <= requirement):
        return False
    return not (percent and requirement is not None and requirement >= WHOLE and high < WHOLE)


def _requirement(target: Target) -> float | None:
    """The level the values are held against, when they are levels of the requirement's kind and
    it is above 0 (a change, 0 or 清零, a range from 0 and a growth rate against levels have none)."""
    if target.kind in ("cagr", "growth") and target.actuals != "rate":
        return None  # the values are levels, the requirement a rate
    if target.kind in ("annual", "growth"):
        required: object = target.value
    elif target.kind in ("level", "cagr") and target.milestones:
        required = target.milestones[-1][1]
    else:
        return None  # cumulative: a year's amount is a part of the requirement, not a level of it
    if isinstance(required, tuple):
        required = (required[0] + required[1]) / 2 if required[0] > 0 else None
    elif isinstance(required, TimesBaseline):
        required = required.factor * target.baseline.value if target.baseline is not None else None
    if isinstance(required, bool) or not isinstance(required, float | int) or required <= 0:
        return None
    return float(required)


def _judge(target: Target, unit: str | None, series: Series, requirement: float | None,
           percent: bool) -> Finding | None:
    points = [(year, float(value)) for year, value in series.observed()
              if isinstance(value, float | int) and not isinstance(value, bool)]
    if not points:
        return None
    name = excerpt(f"{target.id} ({unit})" if unit else target.id)
    measure = target.unit or ""
    if percent and requirement is not None and all(0.0 < value < WHOLE for _year, value in points):
        first = points[0][1]
        text = msg("PC416.fraction", target=name, values=_shown(points), requirement=_num(requirement),
                   first=_num(first), percent=_num(first * 100))
        return _at(series, points[0][0], text)
    jump = _jump(points, _anchor(target, requirement))
    if jump is not None:
        year, value, factor, others = jump
        text = msg("PC416.jump", target=name, year=year, value=_num(value), factor=_times(factor),
                   others=_shown(others), measure=measure)
        return _at(series, year, text)
    year, value = points[-1]
    if requirement is None or value <= 0:
        return None
    if value >= SLIP * requirement:
        key, factor = "PC416.above", value / requirement
    elif value * SLIP <= requirement:
        key, factor = "PC416.below", requirement / value
    else:
        return None
    if factor == inf:
        return None  # numbers whose arithmetic leaves the range: PC402 at evaluation
    text = msg(key, target=name, year=year, value=_num(value), factor=_times(factor),
               requirement=_num(requirement), measure=measure)
    return _at(series, year, text)


def _anchor(target: Target, requirement: float | None) -> float | None:
    """What the plan says the values are near: the requirement, else the baseline."""
    if requirement is not None:
        return requirement
    if target.baseline is not None and target.baseline.value > 0 and target.actuals == "value":
        return target.baseline.value
    return None


def _jump(points: Points, anchor: float | None) -> tuple[int, float, float, Points] | None:
    """(year, value, factor, the other values) of the first value of the part of the series that
    stands SLIP times or more apart from the rest; None when no two parts stand so far apart."""
    positive = sorted((value, year) for year, value in points if value > 0)
    if len(positive) < 2 or positive[-1][0] < SLIP * positive[0][0]:
        return None
    factor, cut = max((later[0] / earlier[0], index + 1)
                      for index, (earlier, later) in enumerate(zip(positive, positive[1:], strict=False)))
    if not SLIP <= factor < inf:
        return None  # spread out by steps, not split in two; or beyond arithmetic, PC402's at evaluation
    low, high = positive[:cut], positive[cut:]
    if anchor is not None:
        def distance(part: list[tuple[float, int]]) -> float:
            return min(abs(log(value / anchor)) for value, _year in part)
        slipped = high if distance(high) >= distance(low) else low
    else:
        slipped = high if len(high) <= len(low) else low  # the fewer years are the slip
    years = {year for _value, year in slipped}
    year = min(years)
    value = next(value for y, value in points if y == year)
    return year, value, factor, [(y, v) for y, v in points if y not in years]


def _num(value: float) -> str:
    return f"{value:.12g}"


def _times(factor: float) -> str:
    """10,625; a factor of a number near the 1e300 bound as 6.7e+296, not 297 digits."""
    return f"{factor:,.0f}" if factor < 1e9 else f"{factor:.2g}"


def _shown(points: Points) -> str:
    pairs = [f"{year}: {_num(value)}" for year, value in points]
    return ", ".join(pairs[:_SHOWN]) + (", …" if len(pairs) > _SHOWN else "")


def _at(series: Series, year: int, text: Text) -> Finding | None:
    """The finding at the value's cell; None for a converted value, which PC414 judges
    (docs/actuals.md#magnitudes)."""
    observation = series[year]
    if observation.converted is not None:
        return None
    return Finding.of("PC416", WARNING, observation.file, observation.line, observation.column, text)
