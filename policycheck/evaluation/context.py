"""One target (and unit) at one assessment year: what every status rule needs to know.

:class:`Settings` holds the resolved options (command line over plan defaults over
SPEC defaults); :class:`Case` bundles the plan, the target, the unit, its series
of observations and the year.  The helpers read the series once and in year
order, so every result costs O(years), whatever the size of the actuals.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from policycheck.actuals.store import ObservedPairs, SeriesView
from policycheck.evaluation.reasons import because
from policycheck.evaluation.schedule import Requirement
from policycheck.model import Baseline, Observation, Plan, RequirementValue, Target, TimesBaseline

#: The computed fields of one result, keyed by :class:`policycheck.model.Result` field name.
Outcome = dict[str, Any]
Series = Mapping[int, Observation]
#: Data statuses, weakest last, for reporting the weakest status inside a sum.
_STATUS_RANK: Mapping[str, int] = {"final": 0, "preliminary": 1, "estimate": 2}


@dataclass(frozen=True, slots=True)
class Settings:
    """The options of one evaluation after overriding plan defaults."""

    method: str
    on_track: float
    at_risk: float
    approx_tolerance: float
    fail_on: str
    strict: bool


@dataclass(slots=True)
class Case:
    """One target (and unit) at the assessment year.

    Built once per result, so it is a plain (not frozen) slotted class and the
    per-target facts (comparator, tolerance, since) are passed in, not recomputed.
    """

    plan: Plan
    target: Target
    unit: str | None
    series: Series
    year: int
    settings: Settings
    #: the milestones that apply to this unit (an allocation replaces the final value)
    milestones: tuple[tuple[int, RequirementValue], ...]
    #: the comparator; rank defaults to ``<=``, everything else to ``>=``
    cmp: str = ">="
    #: the relative tolerance of ``approx``: the target's, else the plan's
    tol: float = 0.05
    #: the first year of a cumulative total
    since: int = 0
    #: the unit has its own allocation (SPEC 2.4)
    allocated: bool = False


def make_case(plan: Plan, target: Target, unit: str | None, series: Series, year: int,
              settings: Settings, milestones: tuple[tuple[int, RequirementValue], ...]) -> Case:
    """A Case with the per-target facts filled in."""
    cmp = target.comparator or ("<=" if target.kind == "rank" else ">=")
    tol = settings.approx_tolerance if target.tolerance is None else target.tolerance
    since = target.since if target.since is not None else plan.period_start
    allocated = unit is not None and target.scope is not None and target.scope.allocations is not None
    return Case(plan, target, unit, series, year, settings, milestones, cmp, tol, since, allocated)


def number(obs: Observation | None) -> float | None:
    """The numeric value of an observation; None for a missing marker or no row."""
    if obs is None or obs.value is None:
        return None
    return float(obs.value)


def value_at(series: Series, year: int) -> float | None:
    """``number(series.get(year))``, without building an Observation from a SeriesView."""
    if type(series) is SeriesView:
        value = series.value(year)
        return None if value is None else float(value)
    return number(series.get(year))


def status_at(series: Series, year: int) -> str | None:
    """The data status of the row at ``year``; None when there is none."""
    if type(series) is SeriesView:
        return series.status(year)
    obs = series.get(year)
    return obs.status if obs is not None else None


def observed(series: Series) -> Sequence[tuple[int, float | bool | None]]:
    """Every observation of the series in year order, missing values as None.

    A series read from CSV is shared, not copied: 142,200 national results each
    holding their own tuple of pairs took 90 MB that only reporters read.
    """
    if isinstance(series, SeriesView):
        return ObservedPairs(series)
    return tuple((year, series[year].value) for year in sorted(series))


def last_before(series: Series, year: int) -> tuple[int | None, float | bool | None]:
    """The last non-missing observation before ``year`` (for no_data results)."""
    best: int | None = None
    for obs_year, obs in series.items():
        if obs_year < year and obs.value is not None and (best is None or obs_year > best):
            best = obs_year
    return (best, series[best].value) if best is not None else (None, None)


def baseline_year(case: Case) -> int:
    """y0 even when the baseline value is unknown: it dates 序时进度 (time progress)."""
    target = case.target
    if target.baseline is not None and not case.allocated:
        return target.baseline.year
    if target.kind == "cumulative":
        return case.since - 1
    return target.baseline.year if target.baseline is not None else case.plan.baseline_year


def resolve_baseline(case: Case) -> Baseline | None:
    """The baseline (y0, b) of SPEC 4.

    A unit with an allocation takes its own actual at the baseline year (the
    target's baseline is the plan-wide total, not the unit's share).
    """
    target = case.target
    if target.baseline is not None and not case.allocated:
        return target.baseline
    y0 = baseline_year(case)
    if target.kind == "cumulative":
        return Baseline(y0, 0.0)
    value = value_at(case.series, y0)
    return Baseline(y0, value) if value is not None else None


def resolve_requirement(value: RequirementValue, b: float | None) -> Requirement | None:
    """A milestone value as a number or ``(lo, hi)``; ``times_baseline`` needs b."""
    if isinstance(value, TimesBaseline):
        return None if b is None else value.factor * b
    if isinstance(value, tuple):
        return (float(value[0]), float(value[1]))
    return float(value)


def weakest_status(statuses: list[str]) -> str | None:
    """The weakest data status of several rows (a sum is only as final as its parts)."""
    if not statuses:
        return None
    return max(statuses, key=lambda s: _STATUS_RANK.get(s, 0))


def fmt(x: float | bool | tuple[float, float] | None) -> str:
    """A number for a reason sentence: six significant digits, no float noise."""
    if x is None:
        return "none"
    if isinstance(x, bool):
        return "yes" if x else "no"
    if isinstance(x, tuple):
        return f"[{fmt(x[0])}, {fmt(x[1])}]"
    text = f"{x:.6g}"
    return "0" if text == "-0" else text


def no_data_reason(case: Case, what: str = "actual") -> tuple[dict[str, object], int | None, float | bool | None]:
    """The no_data reason fields (:func:`policycheck.evaluation.reasons.because`), naming the last
    earlier observation if there is one, and that observation's year and value."""
    last_year, last_value = last_before(case.series, case.year)
    if last_year is None:
        return because("no_data", what=what, year=case.year), None, None
    return (because("no_data_last", what=what, year=case.year, last_value=fmt(last_value), last_year=last_year),
            last_year, last_value)
