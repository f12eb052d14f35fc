"""序时进度 within a year: the share of a year's requirement due by the end of a month.

docs/evaluation.md#in-year:

* ``linear``: m/12, the rule the bulletins state (25 % after March, 50 % after
  June, 91.7 % after November);
* ``seasonal``: the same months' share of the whole year in the previous one
  to three years' actuals, averaged (a 1-9月 total of 690 in a year of 1000
  is 69 %), so that a farming region is not held to a straight line; when no
  earlier year has both figures, linear, and the result says so;
* a monthly ``profile`` in the plan: the share of the first m of twelve weights;
* ``none``: the whole requirement applies at every month (rates, references).

For a level, the "amount" of a year is its change over the year, so the
seasonal share is (L(p, m) - L(p-1)) / (L(p) - L(p-1)).
"""
from __future__ import annotations

from policycheck.evaluation.context import value_at
from policycheck.evaluation.figures import Periods, latest, total
from policycheck.evaluation.schedule import eps
from policycheck.model import Schedule
from policycheck.observations import Series
from policycheck.records import record

#: How many earlier years a seasonal schedule reads.
SEASONAL_YEARS = 3


@record(frozen=True, slots=True)
class Share:
    """The share due by a month's end and how it was found."""

    value: float
    schedule: str  # linear, seasonal, profile, none
    years: tuple[int, ...] = ()  # the earlier years a seasonal share was read from
    fallback: bool = False  # seasonal was asked for but no earlier year had the months: linear


def share(schedule: Schedule, month: int, *, flow: bool, periods: Periods, series: Series,
          year: int) -> Share:
    """The share of the year due by the end of ``month`` of ``year``."""
    if schedule == "none":
        return Share(1.0, "none")
    if isinstance(schedule, tuple):
        weights = sum(schedule)
        return Share(sum(schedule[:month]) / weights, "profile")
    if month >= 12:  # the whole year is due, whatever the schedule
        return Share(1.0, schedule)
    if schedule == "seasonal":
        found = seasonal(month, flow=flow, periods=periods, series=series, year=year)
        if found is not None:
            return found
        return Share(month / 12, "linear", fallback=True)
    return Share(month / 12, "linear")


def seasonal(month: int, *, flow: bool, periods: Periods, series: Series, year: int) -> Share | None:
    """The mean share of months 1..``month`` in the earlier years that have them; None if none does."""
    shares: list[float] = []
    years: list[int] = []
    for earlier in range(year - 1, year - 1 - SEASONAL_YEARS, -1):
        found = _year_share(month, flow=flow, periods=periods, series=series, year=earlier)
        if found is not None:
            shares.append(found)
            years.append(earlier)
    if not shares:
        return None
    mean = sum(shares) / len(shares)
    return Share(min(1.0, max(0.0, mean)), "seasonal", tuple(years))


def _year_share(month: int, *, flow: bool, periods: Periods, series: Series, year: int) -> float | None:
    whole = value_at(series, year)
    if whole is None:
        return None
    if flow:
        part = total(periods, year, month)
        if part is None or whole <= eps(whole):
            return None
        return float(part.value) / whole
    before = value_at(series, year - 1)
    point = latest(periods, year, month)
    if before is None or point is None or isinstance(point.value, bool):
        return None
    change = whole - before
    if abs(change) <= eps(whole):
        return None
    return (float(point.value) - before) / change
