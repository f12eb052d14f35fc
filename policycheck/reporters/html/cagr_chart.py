"""The chart of a cagr card: levels against the compound path the required average rate implies.

Apart from :mod:`policycheck.reporters.html.page` (which draws every other kind)
for its arithmetic: a rate that compounds past the float range gives bars
(:func:`policycheck.reporters.html.chart.compound` says so), never an OverflowError.
"""
from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

from policycheck.reporters.common import fmt_number
from policycheck.reporters.html import chart
from policycheck.reporters.labels import label

if TYPE_CHECKING:
    from policycheck.model import Result

Chart = chart.LineChart | chart.BarChart | chart.Timeline


def plain_number(value: object) -> float | None:
    """A finite plain number, or None (booleans, ranges and gaps are not plotted)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return None
    return float(value)


def requirement_values(value: object) -> tuple[float, ...]:
    """The requirement lines of a bar chart: one value, both ends of a range, or none."""
    if isinstance(value, tuple):
        return tuple(v for v in (plain_number(x) for x in value) if v is not None)
    number = plain_number(value)
    return () if number is None else (number,)


def cagr_chart(result: Result, lang: str, fmt: Callable[[float], str],
                y_label: str) -> tuple[Chart | None, str, tuple[str, ...]]:
    """Levels against the compound path the required average rate implies.

    When the report has no level (the CSV gives rates), the observed rates are
    drawn as bars against the required rate instead.
    """
    rate, level = plain_number(result.target_value), plain_number(result.level)
    base, end = result.baseline, result.target_year
    if (level is None or rate is None or base is None or end is None or base.value <= 0
            or (compound := chart.compound(base.value, rate, base.year, end)) is None):  # beyond floats: rates
        history = [(y, plain_number(v), "") for y, v in result.observed]
        return chart.bar_chart(history, requirement_values(rate), fmt=fmt), y_label, ()
    actual_rate = plain_number(result.actual)
    projection = None
    if actual_rate is not None and end > result.year:
        ahead = chart.compound(level, actual_rate, result.year, end)
        projection = ((result.year, level), ahead[-1]) if ahead else None
    data = chart.Trajectory(schedule=compound, baseline=(base.year, base.value), milestones=(compound[-1],),
                            observed=tuple((y, plain_number(v)) for y, v in result.observed),
                            projection=projection, year=result.year)
    plain: Callable[[float], str] = lambda v: fmt_number(v, lang)  # noqa: E731
    return chart.line_chart(data, fmt=plain), label("level", lang), (label("cagr_note", lang),)


__all__ = ["cagr_chart", "plain_number", "requirement_values"]
