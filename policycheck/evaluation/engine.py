"""Plans + actuals -> Report (SPEC 4 and 5.1).  Pure: no file I/O, no printing.

:func:`evaluate` resolves the options once per plan, walks the targets in plan
order (and, for scoped targets, the units in scope order), hands each case to
the module for its kind and wraps the outcome in a :class:`Result`.  The
per-unit view and the summary are built from the results at the end.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import policycheck
from policycheck.actuals.store import SeriesView
from policycheck.errors import PolicycheckError
from policycheck.evaluation.context import Case, Outcome, Series, Settings, make_case
from policycheck.evaluation.kind_cagr import evaluate_cagr
from policycheck.evaluation.kind_milestone import evaluate_milestone
from policycheck.evaluation.kind_trajectory import evaluate_level
from policycheck.evaluation.kind_yearly import evaluate_periodic
from policycheck.evaluation.reasons import because
from policycheck.evaluation.unitview import build_unit_view
from policycheck.gcpause import gc_paused
from policycheck.model import (
    FAIL_ON,
    STATUSES,
    Actuals,
    Assessment,
    Plan,
    PlanInfo,
    Report,
    RequirementValue,
    Result,
    Summary,
    Target,
)

METHODS: tuple[str, ...] = ("linear", "cagr")
_DEFAULTS = Assessment()
#: Every computed Result field and its value when the kind does not compute it.
_OUTCOME_DEFAULTS: Mapping[str, Any] = {
    "actual": None, "data_status": None, "baseline": None, "target_value": None, "target_year": None,
    "expected": None, "gap": None, "attainment": None, "progress": None, "time_progress": None,
    "progress_ratio": None, "required_annual": None, "trend_annual": None, "projected": None,
    "projected_met": None, "method": "linear", "status": "pending", "reason": "", "history": None,
    "years_met": None, "years_due": None, "level": None, "expected_level": None, "achieved_year": None,
    "last_year": None, "last_value": None, "path": (), "observed": (),
}


def evaluate(plans: Sequence[Plan], actuals: Actuals, *, year: int | None = None,
             method: str | None = None, on_track: float | None = None, at_risk: float | None = None,
             fail_on: str = "off-track", strict: bool = False) -> Report:
    """Evaluate every target of every plan at the assessment year (SPEC 4).

    Options given here override each plan's ``assessment`` defaults, which
    override the SPEC defaults.  Without ``year``, each plan is assessed at its
    latest year with a non-missing observation; a plan without any is assessed
    at its period end, where every result is no_data (or pending).
    """
    check_options(method, fail_on)
    with gc_paused():  # 142,200 national results and their parts: nothing to collect
        return _evaluate(plans, actuals, year=year, method=method, on_track=on_track, at_risk=at_risk,
                         fail_on=fail_on, strict=strict)


def _evaluate(plans: Sequence[Plan], actuals: Actuals, *, year: int | None, method: str | None,
              on_track: float | None, at_risk: float | None, fail_on: str, strict: bool) -> Report:
    results: list[Result] = []
    infos: list[PlanInfo] = []
    for plan in plans:
        settings = resolve_settings(plan, method=method, on_track=on_track, at_risk=at_risk,
                                    fail_on=fail_on, strict=strict)
        plan_year = year if year is not None else actuals.latest_year(plan.id)
        infos.append(PlanInfo(plan.id, plan.title, plan.file, (plan.period_start, plan.period_end),
                              plan.baseline_year, plan_year))
        when = assessment_year(plan, plan_year)
        for target in plan.targets:
            results.extend(evaluate_target(plan, target, actuals, when, settings))
    return Report(
        tool={"name": "policycheck", "version": policycheck.__version__},
        method=method or _shared(plans, "method", _DEFAULTS.method),  # type: ignore[arg-type]
        thresholds={"on_track": on_track if on_track is not None else _shared(plans, "on_track", _DEFAULTS.on_track),
                    "at_risk": at_risk if at_risk is not None else _shared(plans, "at_risk", _DEFAULTS.at_risk)},
        fail_on=fail_on, plans=tuple(infos), results=tuple(results),
        units=build_unit_view(plans, results), summary=summarize(results),
        findings=tuple(sorted(actuals.findings, key=lambda f: f.sort_key())),
        superseded=tuple(actuals.superseded), strict=strict)


def check_options(method: str | None, fail_on: str) -> None:
    """Reject option values the CLI would never pass (API callers may)."""
    if method is not None and method not in METHODS:
        raise ValueError(f"unknown method {method!r}; choose one of {', '.join(METHODS)}")
    if fail_on not in FAIL_ON:
        raise ValueError(f"unknown fail-on level {fail_on!r}; choose one of {', '.join(FAIL_ON)}")


def resolve_settings(plan: Plan, *, method: str | None, on_track: float | None, at_risk: float | None,
                     fail_on: str, strict: bool) -> Settings:
    """Command-line options over the plan's ``assessment`` over the SPEC defaults.

    Raises :class:`PolicycheckError` when the thresholds end up the wrong way
    round: with at_risk above on_track no ratio could be at_risk, so every
    result between them would silently read on_track.
    """
    defaults = plan.assessment
    settings = Settings(method=method or defaults.method,
                        on_track=defaults.on_track if on_track is None else on_track,
                        at_risk=defaults.at_risk if at_risk is None else at_risk,
                        approx_tolerance=defaults.approx_tolerance, fail_on=fail_on, strict=strict)
    if settings.at_risk > settings.on_track:
        raise PolicycheckError(
            f"{plan.file}: the at_risk threshold {settings.at_risk:g} is above the on_track threshold "
            f"{settings.on_track:g} (from --at-risk/--on-track or the plan's assessment); "
            "on_track must be at least at_risk, e.g. the defaults 0.95 and 0.6")
    return settings


def assessment_year(plan: Plan, year: int | None) -> int:
    """The year results are computed at; the period end when there is no data at all."""
    return year if year is not None else plan.period_end


def _shared(plans: Sequence[Plan], name: str, default: Any) -> Any:
    """A plan default that every plan agrees on (the report shows one value), else the SPEC's."""
    values = {getattr(plan.assessment, name) for plan in plans}
    return values.pop() if len(values) == 1 else default


def evaluate_target(plan: Plan, target: Target, actuals: Actuals, year: int,
                    settings: Settings) -> list[Result]:
    """The results of one target: plan-wide, then one per scope unit (SPEC 2.4)."""
    base = common_fields(plan, target)
    reference = actuals.get(plan.id, target.reference, None) if target.reference else None
    return [evaluate_unit(plan, target, actuals, unit, year, settings, base=base, reference=reference)
            for unit in result_units(plan, target, actuals)]


def evaluate_unit(plan: Plan, target: Target, actuals: Actuals, unit: str | None, year: int,
                  settings: Settings, *, base: Mapping[str, Any] | None = None,
                  reference: Series | None = None) -> Result:
    """One result: the target for one unit (None: plan-wide) at one year."""
    if base is None:
        base = common_fields(plan, target)
    if reference is None and target.reference:
        reference = actuals.get(plan.id, target.reference, None)
    series = actuals.get(plan.id, target.id, unit)
    case = make_case(plan, target, unit, series, year, settings, unit_milestones(target, unit))
    outcome = evaluate_case(case, reference)
    outcome["source"], outcome["note"] = source_note(series, year)
    return make_result(base, unit, year, outcome, settings, target)


def source_note(series: Series, year: int) -> tuple[str | None, str | None]:
    """The CSV source and note of the observation at ``year`` (SPEC 3: carried into reports)."""
    if isinstance(series, SeriesView):
        return series.source_note(year)
    obs = series.get(year)  # a plain mapping, as API callers and tests may build
    return (obs.source, obs.note) if obs is not None else (None, None)


def result_units(plan: Plan, target: Target, actuals: Actuals) -> list[str | None]:
    """None (plan-wide) unless the target is scoped without plan-wide rows, then the scope units."""
    if target.scope is None:
        return [None]
    units: list[str | None] = list(plan.scope_units(target))
    if (plan.id, target.id, None) in actuals.series:
        units.insert(0, None)
    return units


def unit_milestones(target: Target, unit: str | None) -> tuple[tuple[int, RequirementValue], ...]:
    """A unit's milestones: an allocation replaces the whole schedule by (T, allocation)."""
    scope = target.scope
    if unit is None or scope is None or scope.allocations is None or not target.milestones:
        return target.milestones
    return ((target.milestones[-1][0], float(scope.allocations[unit])),)


def evaluate_case(case: Case, reference: Series | None) -> Outcome:
    """Dispatch on the target's kind."""
    kind = case.target.kind
    if kind in ("annual", "growth"):
        return evaluate_periodic(case, reference)
    if not case.milestones:
        return {"status": "pending", **because("no_milestones")}
    if kind == "cagr":
        return evaluate_cagr(case)
    if kind == "milestone":
        return evaluate_milestone(case)
    return evaluate_level(case)


def common_fields(plan: Plan, target: Target) -> dict[str, Any]:
    """The Result fields that are the same for every unit of a target."""
    comparator = target.comparator
    if comparator is None and target.kind != "milestone":
        comparator = "<=" if target.kind == "rank" else ">="
    return {"plan": plan.id, "target": target.id, "name": target.name, "kind": target.kind,
            "comparator": comparator, "measure": target.unit, "commitment": target.commitment,
            "lead": target.lead, "responsible": target.responsible, "location": target.location,
            "name_en": target.name_en}


def make_result(base: Mapping[str, Any], unit: str | None, year: int, outcome: Outcome,
                settings: Settings, target: Target) -> Result:
    """Wrap an outcome in a Result and decide whether it fails the run."""
    fields = {**_OUTCOME_DEFAULTS, **outcome}
    failing = fields["status"] in FAIL_ON[settings.fail_on] and (
        target.commitment == "binding" or settings.strict)
    return Result(**base, unit=unit, year=year, failing=failing, **fields)


def summarize(results: Sequence[Result]) -> Summary:
    """Counts by status (only those present, worst first) and the failing count."""
    counts: dict[str, int] = {}
    failing = 0
    for result in results:
        counts[result.status] = counts.get(result.status, 0) + 1
        failing += result.failing
    by_status = {status: counts[status] for status in STATUSES if status in counts}
    return Summary(results=len(results), by_status=by_status, failing=failing)
