"""Last year beside this year: the status of each target in every year compared and its trend.

``check --compare LAST.json`` compares with a previous JSON report and
``check --years 2023-2025`` evaluates every year of a range; both end here, as
one mapping per earlier year from a result's key (plan, target, unit) to its
:class:`~policycheck.model.YearStatus`.  Pure: no I/O.

The trend label compares the assessment year with the year before it
(docs/reports.md#history-and-trends):

======================  =====================================================
``new_shortfall``       behind now (missed, regressing, off_track, at_risk), not the year before
``persistent_shortfall``  behind now and the year before
``newly_met``           met now, not the year before
``improved``            on track now, behind the year before
``unchanged``           met or on track now and the year before
======================  =====================================================

A target with no data or not yet due has no trend (None), nor has one on
track now whose earlier status is unknown.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from policycheck.bulletin_model import Trend, TrendLabel, YearStatus
from policycheck.model import SHORTFALL_STATUSES, STATUSES, Report, Result

#: (plan id, target id, unit id or None): how results of two runs are matched.
ResultKey = tuple[str, str, "str | None"]
_GOOD = frozenset({"on_track", "met"})
_RANK = {status: index for index, status in enumerate(STATUSES)}  # 0 is the worst


def result_key(result: Result) -> ResultKey:
    return (result.plan, result.target, result.unit)


def year_statuses(report: Report) -> dict[ResultKey, YearStatus]:
    """Each result of ``report`` as the status of its target in its assessment year."""
    return {result_key(r): YearStatus(r.year, r.status, r.actual) for r in report.results}


def trend_label(previous: str | None, current: str) -> TrendLabel | None:
    """How a target moved from ``previous`` (None: not known) to ``current``."""
    if current in SHORTFALL_STATUSES:
        return "persistent_shortfall" if previous in SHORTFALL_STATUSES else "new_shortfall"
    if current == "met":
        return "unchanged" if previous == "met" else "newly_met"
    if current == "on_track":
        if previous in SHORTFALL_STATUSES:
            return "improved"
        return "unchanged" if previous in _GOOD else None
    return None


def is_worse(previous: str, current: str) -> bool:
    """Whether a target got worse: it is behind now and was not, or is further behind.

    A target that loses its data (no_data) or drops from met to on_track is not
    "worse" here: neither is a shortfall, and CI should not fail on them.  One
    that was pending or had no data and is behind now is: that is news.
    """
    if current not in SHORTFALL_STATUSES:
        return False
    if previous not in SHORTFALL_STATUSES:
        return True
    return _RANK[current] < _RANK[previous]


def is_better(previous: str, current: str) -> bool:
    """Whether a target moved up: out of a shortfall, or to a milder one."""
    if previous not in SHORTFALL_STATUSES:
        return False
    if current not in SHORTFALL_STATUSES:
        return current in _GOOD
    return _RANK[current] > _RANK[previous]


def with_trends(report: Report, earlier: Sequence[Mapping[ResultKey, YearStatus]]) -> Report:
    """``report`` with a :class:`Trend` on every result.

    ``earlier`` holds one mapping per earlier run, oldest first.  A result that
    an earlier run does not have simply lacks that year; the label compares the
    assessment year with the latest earlier status there is.
    """
    results = tuple(_with_trend(result, earlier) for result in report.results)
    return replace(report, results=results)


def _with_trend(result: Result, earlier: Sequence[Mapping[ResultKey, YearStatus]]) -> Result:
    key = result_key(result)
    years = [found for run in earlier if (found := run.get(key)) is not None]
    previous = years[-1].status if years else None
    current = YearStatus(result.year, result.status, result.actual)
    return replace(result, trend=Trend(trend_label(previous, result.status), (*years, current)))
