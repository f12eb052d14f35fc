"""In-year observations (docs/actuals.md#periods): figures for months of a year, kept apart from whole years.

A row for ``2025年1-9月`` is not a 2025 value: it is filed under its series and
its :class:`Period` in ``Actuals.periods``, so year-end evaluation reads exactly
what it read before in-year rows existed.  Two rows for the same series and
period follow the rules of :mod:`policycheck.actuals.duplicates` (a value beats
a missing one, final beats preliminary beats estimate; the same status with the
same value is PC405, with another value PC404).

At the year end a whole year's figure supersedes the in-year figures of that
year: :func:`policycheck.evaluation.inyear.superseded_at_year_end` lists them
in the report.
"""
from __future__ import annotations

from policycheck.findings import ERROR, WARNING, Finding
from policycheck.model import DATA_STATUSES, Superseded
from policycheck.observations import Actuals, Observation, SeriesKey
from policycheck.periods import Period

_RANK = {status: rank for rank, status in enumerate(DATA_STATUSES)}


def add(actuals: Actuals, key: SeriesKey, period: Period, obs: Observation) -> None:
    """File one in-year observation; a second one for the same series and period is settled here."""
    by_period = actuals.periods.setdefault(key, {})
    old = by_period.get(period)
    if old is None:
        by_period[period] = obs
        return
    new_rank = (obs.value is None, _RANK[obs.status])
    old_rank = (old.value is None, _RANK[old.status])
    plan, target, unit = key
    if new_rank != old_rank:
        keep, drop = (obs, old) if new_rank < old_rank else (old, obs)
        by_period[period] = keep
        actuals.superseded.append(Superseded(drop.file, drop.line, plan, target, unit, period.year,
                                             drop.status, drop.value, keep.status, period=period.key))
    elif old.value == obs.value and type(old.value) is type(obs.value):
        actuals.findings.append(Finding(
            "PC405", WARNING, obs.file, obs.line, obs.column,
            f"duplicate of {_where(old, obs)} (same period {period.label()}, status and value)"))
    else:
        actuals.findings.append(Finding(
            "PC404", ERROR, obs.file, obs.line, obs.column,
            f"value {obs.value!r} conflicts with {old.value!r} on {_where(old, obs)} "
            f"(same target, unit, period {period.label()} and status {obs.status!r})"))


def _where(old: Observation, new: Observation) -> str:
    return f"line {old.line}" if old.file == new.file else f"line {old.line} of {old.file}"
