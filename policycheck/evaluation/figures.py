"""In-year figures of one series: the year-to-date total or the latest value at a month's end.

The CSV gives figures for spans of months (docs/actuals.md#periods).  A
*total* to month M is the 累计 figure for months 1..M when there is one;
otherwise the figures that together cover months 1..M exactly once, added up
(a 1-6月 figure plus 7月, 8月 and 9月 alone, or twelve 当月 figures): fewest
parts first, and the result says how it was formed.  A *latest* value at M
(for levels, rates and yes/no) is the 累计 figure for 1..M, else the figure of
a span ending at M.  Totals and single-period figures are never mixed any
other way: a 当月 figure is never read as a year-to-date one.
"""
from __future__ import annotations

from collections.abc import Mapping

from policycheck.evaluation.context import weakest_status
from policycheck.model import DataStatus
from policycheck.observations import Observation
from policycheck.periods import Period
from policycheck.records import record

#: How a figure was formed (Result.basis): one 累计 figure, single periods added, one single period.
YTD, SUM, SINGLE = "ytd", "sum", "single"


@record(frozen=True, slots=True)
class Figure:
    """A value at a month's end and where it came from."""

    value: float | bool
    period: Period  # the months it covers
    basis: str
    status: DataStatus | None
    parts: tuple[Period, ...]
    source: str | None = None
    note: str | None = None


Periods = Mapping[Period, Observation]


def total(periods: Periods, year: int, month: int) -> Figure | None:
    """The year-to-date total of numbers at the end of ``month``; None when months are missing."""
    spans = {(p.first, p.last): (p, obs) for p, obs in periods.items()
             if p.year == year and p.last <= month and _number(obs)}
    whole = spans.get((1, month))
    if whole is not None:
        return _figure(whole[0], YTD, [whole])
    chain = _chain(spans, month)
    if chain is None:
        return None
    return _figure(Period(year, 1, month), SUM, [spans[key] for key in chain])


def latest(periods: Periods, year: int, month: int, *, year_to_date_only: bool = False) -> Figure | None:
    """The value at the end of ``month``: the 累计 figure, else the shortest span ending then."""
    ending = sorted(((p, obs) for p, obs in periods.items()
                     if p.year == year and p.last == month and obs.value is not None),
                    key=lambda item: (item[0].first != 1, -item[0].first))
    if not ending or (year_to_date_only and ending[0][0].first != 1):
        return None
    period, obs = ending[0]
    return _figure(period, YTD if period.first == 1 else SINGLE, [(period, obs)])


def missing_months(periods: Periods, year: int, month: int) -> list[int]:
    """Months 1..``month`` of ``year`` that no figure covers (for the no_data reason)."""
    covered: set[int] = set()
    for p, obs in periods.items():
        if p.year == year and obs.value is not None:
            covered.update(range(p.first, p.last + 1))
    return [m for m in range(1, month + 1) if m not in covered]


def last_figure(periods: Periods, year: int, month: int, *,
                year_to_date_only: bool = False) -> tuple[Period, Observation] | None:
    """The latest figure with a value before the end of ``month`` of ``year`` (any year before too)."""
    before = [(p, obs) for p, obs in periods.items()
              if obs.value is not None and (p.year, p.last) <= (year, month)
              and (p.first == 1 or not year_to_date_only)]
    return max(before, key=lambda item: (item[0].year, item[0].last, -item[0].first), default=None)


def _number(obs: Observation) -> bool:
    return obs.value is not None and not isinstance(obs.value, bool)


def _chain(spans: Mapping[tuple[int, int], object], month: int) -> list[tuple[int, int]] | None:
    """Spans that cover months 1..``month`` end to end, fewest first (breadth-first over month ends)."""
    starts: dict[int, list[tuple[int, int]]] = {}
    for first, last in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        starts.setdefault(first, []).append((first, last))
    paths: dict[int, list[tuple[int, int]]] = {0: []}
    frontier = [0]
    while frontier:
        after: list[int] = []
        for end in frontier:
            for span in starts.get(end + 1, []):
                if span[1] not in paths:
                    paths[span[1]] = paths[end] + [span]
                    after.append(span[1])
        if month in paths:
            return paths[month]
        frontier = after
    return None


def _figure(period: Period, basis: str, parts: list[tuple[Period, Observation]]) -> Figure:
    # A sum holds numbers only: total() picks them.
    value: float | bool = (parts[0][1].value if len(parts) == 1  # type: ignore[assignment]
                           else sum(float(obs.value or 0.0) for _, obs in parts))
    last = parts[-1][1]
    return Figure(value, period, basis, weakest_status([obs.status for _, obs in parts]),
                  tuple(p for p, _ in parts), last.source, last.note)
