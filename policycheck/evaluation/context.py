"""One target (and unit) at one assessment year: what every status rule needs to know.

:class:`Case` bundles the plan, the target, the unit, its series of
observations (and the reference series, if the target has one), the year and
the resolved :class:`policycheck.evaluation.options.Settings`.  The helpers
read a series through :class:`policycheck.observations.Series` once and in
year order, so every result costs O(years), whatever the size of the actuals.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from policycheck.changes import Change, change_since
from policycheck.evaluation.options import Settings
from policycheck.evaluation.outcome import Outcome
from policycheck.evaluation.reasons import Reason, because
from policycheck.evaluation.requirement import requirement_text
from policycheck.evaluation.schedule import Requirement
from policycheck.kinds import kind_spec
from policycheck.model import Baseline, DataStatus, Plan, RequirementValue, Target, TimesBaseline
from policycheck.numtext import Judged, actual_apart, number_text, range_text
from policycheck.observations import Series
from policycheck.records import record

#: A target's ``direction`` as the open end of its between range.
_OPEN_ENDS: Mapping[str | None, int] = {"up": 1, "down": -1}
#: Data statuses, weakest last, for reporting the weakest status inside a sum.
_STATUS_RANK: Mapping[str, int] = {"final": 0, "preliminary": 1, "estimate": 2}


@record(slots=True)
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
    #: the series the target's ``reference`` names, r(y); None without a reference
    reference: Series | None = None
    #: the comparator: the target's, else its kind's default
    cmp: str = ">="
    #: the relative tolerance of ``approx``: the target's, else the plan's
    tol: float = 0.05
    #: the first year of a cumulative total
    since: int = 0
    #: the unit has its own allocation (docs/evaluation.md#scoped-targets)
    allocated: bool = False
    #: the open end of a between range: +1 more is fine, -1 less is fine, 0 closed
    open_end: int = 0
    #: the target's direction: +1 up, -1 down, 0 none given (:attr:`policycheck.model.Target.sign`)
    sign: int = 1
    #: the absolute tolerance of ``approx`` when the plan gives one; None: ``tol`` × |v|
    band: float | None = None


def make_case(plan: Plan, target: Target, unit: str | None, series: Series, year: int, settings: Settings,
              milestones: tuple[tuple[int, RequirementValue], ...], reference: Series | None = None) -> Case:
    """A Case with the per-target facts filled in."""
    cmp = target.comparator or kind_spec(target.kind).comparator or ">="
    tol = settings.approx_tolerance if target.tolerance is None else target.tolerance
    since = target.since if target.since is not None else plan.period_start
    allocated = unit is not None and target.scope is not None and target.scope.allocations is not None
    open_end = _OPEN_ENDS.get(target.direction, 0) if cmp == "between" else 0
    return Case(plan, target, unit, series, year, settings, milestones, reference, cmp, tol, since, allocated,
                open_end, target.sign, target.tolerance_absolute)


def unit_milestones(target: Target, unit: str | None) -> tuple[tuple[int, RequirementValue], ...]:
    """A unit's milestones: an allocation replaces the whole schedule by (T, allocation)."""
    scope = target.scope
    if unit is None or scope is None or scope.allocations is None or not target.milestones:
        return target.milestones
    return ((target.milestones[-1][0], float(scope.allocations[unit])),)


def value_at(series: Series, year: int) -> float | None:
    """The numeric value at ``year`` (yes/no as 1.0/0.0); None for a missing marker or no row."""
    value = series.value(year)
    return None if value is None else float(value)


def last_before(series: Series, year: int) -> tuple[int | None, float | bool | None]:
    """The last non-missing observation before ``year`` (for no_data results)."""
    best: int | None = None
    for obs_year in series:
        if obs_year < year and series.value(obs_year) is not None and (best is None or obs_year > best):
            best = obs_year
    return (best, series.value(best)) if best is not None else (None, None)


def baseline_year(case: Case) -> int:
    """y0 even when the baseline value is unknown: it dates 序时进度 (time progress).

    A change milestone that names its base year (比2020年) sets y0 when the
    target has no ``baseline`` (validate keeps the two in agreement, PC313).
    """
    target = case.target
    if target.baseline is not None and not case.allocated:
        return target.baseline.year
    if target.kind == "cumulative":
        return case.since - 1
    if target.baseline is not None:
        return target.baseline.year
    since = change_since(target.milestones)
    return since if since is not None else case.plan.baseline_year


def resolve_baseline(case: Case) -> Baseline | None:
    """The baseline (y0, b) of docs/evaluation.md#notation.

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
    """A milestone value as a number or ``(lo, hi)``; ``times_baseline`` and a change need b.

    A change (docs/evaluation.md#relative-change): percent b × (1 + c/100), points
    b + c, places b - k (a rank rises as its number falls), grades b + k.
    """
    if isinstance(value, TimesBaseline):
        return None if b is None else value.factor * b
    if isinstance(value, Change):
        if b is None:
            return None
        if value.unit == "percent":
            return b * (1.0 + value.by / 100.0)
        return b - value.by if value.unit == "places" else b + value.by
    if isinstance(value, tuple):
        return (float(value[0]), float(value[1]))
    return float(value)


def weakest_status(statuses: Sequence[DataStatus]) -> DataStatus | None:
    """The weakest data status of several rows (a sum is only as final as its parts)."""
    if not statuses:
        return None
    return max(statuses, key=lambda s: _STATUS_RANK.get(s, 0))


def fmt(x: float | bool | tuple[float, float] | None) -> str:
    """A number for a reason sentence, rounded as the tables round it (two decimals:
    docs/reports.md#rules-shared-by-all-formats); a range as ``3—5``."""
    if type(x) is float:  # nearly always: one test
        return number_text(x)
    if x is None:
        return "none"
    if isinstance(x, bool):
        return "yes" if x else "no"
    if isinstance(x, tuple):
        return range_text(x[0], x[1])
    return number_text(x)


def fmt_judged(x: float | bool | None, status: str, judged: Judged) -> str:
    """:func:`fmt` of an actual beside its verdict: a short one never rounds it onto the number it is
    compared with, as the tables write it (:func:`policycheck.numtext.actual_apart`)."""
    return actual_apart(x, status, judged) if type(x) is float else fmt(x)


def no_data_reason(case: Case, what: str = "actual") -> Reason:
    """Why there is no actual at the case's year, naming the last earlier observation if there is one."""
    last_year, last_value = last_before(case.series, case.year)
    if last_year is None:
        return because("no_data", what=what, year=case.year)
    return because("no_data_last", what=what, year=case.year, last_value=fmt(last_value), last_year=last_year)


def mark_no_data(out: Outcome, case: Case, reason: Reason | None = None, what: str = "actual") -> None:
    """Make ``out`` a no_data result: ``reason`` (else :func:`no_data_reason`) and the last
    earlier observation, so a report can say what the latest figure was."""
    out.last_year, out.last_value = last_before(case.series, case.year)
    out.judge("no_data", reason if reason is not None else no_data_reason(case, what))


def own_requirement(case: Case) -> bool:
    """True when the unit has a requirement of its own: an allocation, or a multiple of its baseline."""
    return case.allocated or bool(case.milestones and isinstance(case.milestones[-1][1], TimesBaseline))


def unit_requirement(case: Case, outcome: Outcome) -> str:
    """The requirement text of a unit with its own value: its allocation, or the
    multiple of its own baseline once that baseline is known."""
    target = case.target
    value: RequirementValue | None = case.milestones[-1][1] if case.milestones else None
    allocations = target.scope.allocations if target.scope is not None else None
    if allocations is not None and case.unit is not None and kind_spec(target.kind).yearly:
        value = float(allocations[case.unit])
    if isinstance(value, TimesBaseline) and isinstance(outcome.target_value, float):
        value = outcome.target_value
    return requirement_text(target, value, tolerance=case.tol)
