"""Plans + actuals -> Report (docs/evaluation.md).  Pure: no file I/O, no printing.

:func:`evaluate_plans` resolves the options once per plan, walks the targets in
plan order (and, for scoped targets, the units in scope order), hands each
case to the rules of its kind's family (:func:`evaluator`, read from
:data:`policycheck.kinds.KIND_TABLE`) and wraps the :class:`Outcome` in a
:class:`policycheck.model.Result`.  The per-unit view and the summary are
built from the results at the end.  :func:`evaluate` is the same with the
options as keywords, as the library API has them.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import assert_never

from policycheck.evaluation.context import Case, make_case, own_requirement, unit_milestones, unit_requirement
from policycheck.evaluation.finite import finite_outcome
from policycheck.evaluation.kind_cagr import evaluate_cagr
from policycheck.evaluation.kind_category import evaluate_category
from policycheck.evaluation.kind_milestone import evaluate_milestone
from policycheck.evaluation.kind_trajectory import evaluate_trajectory
from policycheck.evaluation.kind_yearly import evaluate_yearly
from policycheck.evaluation.marks import apply_marks
from policycheck.evaluation.options import EvaluationOptions, Settings, resolve_settings
from policycheck.evaluation.outcome import Outcome
from policycheck.evaluation.reasons import because
from policycheck.evaluation.requirement import MILESTONE_CODES, at_milestone, target_requirement
from policycheck.evaluation.resulttable import ResultTable, TargetFields, build_result
from policycheck.evaluation.unitview import UnitView
from policycheck.findings import Finding, sorted_findings
from policycheck.gcpause import gc_paused
from policycheck.kinds import Family, kind_spec
from policycheck.messages import msg
from policycheck.model import (
    FAIL_ON,
    STATUSES,
    Assessment,
    FailOn,
    Method,
    Plan,
    PlanInfo,
    Report,
    Result,
    Summary,
    Target,
)
from policycheck.observations import Actuals
from policycheck.version import __version__

_DEFAULTS = Assessment()
#: Whether a target in the batch class is judged by the batch path (docs/performance.md#the-batch-path);
#: the tests turn it off to compare both paths' reports.
_BATCH = True
#: The batch path pays for itself from this many units of a target; a small plan never imports it
#: (start-up time counts: docs/performance.md#start-up).  The tests take it from one unit on.
_BATCH_FROM = 32
#: The rules of one kind family: a case in, its outcome out.
Evaluator = Callable[[Case], Outcome]


def evaluator(family: Family) -> Evaluator:
    """The rules that judge a kind family (one module per family; mypy checks none is missing)."""
    if family == "trajectory":
        return evaluate_trajectory
    if family == "yearly":
        return evaluate_yearly
    if family == "cagr":
        return evaluate_cagr
    if family == "milestone":
        return evaluate_milestone
    if family == "category":
        return evaluate_category
    assert_never(family)


def evaluate(plans: Sequence[Plan], actuals: Actuals, *, year: int | None = None,
             method: Method | None = None, on_track: float | None = None, at_risk: float | None = None,
             fail_on: FailOn = "off-track", strict: bool = False,
             plan_findings: Sequence[Finding] = (), period: str | tuple[int, int] | None = None) -> Report:
    """Evaluate every target of every plan at the assessment year (docs/evaluation.md).

    Options given here override each plan's ``assessment`` defaults, which
    override the built-in defaults.  Without ``year``, each plan is assessed at
    its latest year with a non-missing observation; a plan without any is
    assessed at its period end, where every result is no_data (or pending).
    ``plan_findings`` (the plans' warnings) join the CSV findings in the report.

    ``period`` (``"2025-09"``, ``"2025Q3"``, ``(2025, 9)``) assesses every plan at
    the end of that month instead (docs/evaluation.md#in-year); December is
    the year end.  ValueError for a period that is none, or with ``year``.
    """
    options = EvaluationOptions(year=year, method=method, on_track=on_track, at_risk=at_risk,
                                fail_on=fail_on, strict=strict, period=as_of_point(period))
    return evaluate_plans(plans, actuals, options, plan_findings=plan_findings)


def as_of_point(period: str | tuple[int, int] | None) -> tuple[int, int] | None:
    """(year, month) of a ``period`` given as text (``2025-09``, ``2025Q3``) or as a pair."""
    if period is None or isinstance(period, tuple):
        return period
    from policycheck.periods import parse_as_of

    return parse_as_of(period)


_UNKNOWN = -1


def assessment_point(plan: Plan, actuals: Actuals, options: EvaluationOptions,
                     latest: int | None = _UNKNOWN) -> tuple[int | None, int | None]:
    """The year a plan is assessed at and, within it, the month (None: the year end).

    ``--year`` is a year end; ``--period`` the end of a month (December: the year
    end); without either, the plan's latest in-year month when it is in a year
    after its latest whole year (docs/evaluation.md#in-year), else its latest
    year with data (None when it has none).  ``latest``: the plan's latest year
    with data when the caller has it already (:meth:`Actuals.latest_year`).
    """
    if options.year is not None:
        return options.year, None
    point = options.period
    if point is None and actuals.periods:
        point = latest_in_year(actuals, plan.id, latest)
    if point is not None:
        return point[0], point[1] if point[1] < 12 else None
    return actuals.latest_year(plan.id) if latest == _UNKNOWN else latest, None


def latest_in_year(actuals: Actuals, plan_id: str, whole: int | None = _UNKNOWN) -> tuple[int, int] | None:
    """The end of the plan's latest month with an in-year figure, if it is in a year after its
    latest whole year (a whole year's figure supersedes the months of that year)."""
    latest: tuple[int, int] | None = None
    for (pid, _tid, _unit), by_period in actuals.periods.items():
        if pid != plan_id:
            continue
        for period, obs in by_period.items():
            if obs.value is not None and (latest is None or (period.year, period.last) > latest):
                latest = (period.year, period.last)
    if whole == _UNKNOWN:
        whole = actuals.latest_year(plan_id)
    if latest is None or (whole is not None and whole >= latest[0]):
        return None
    return latest


def evaluate_plans(plans: Sequence[Plan], actuals: Actuals, options: EvaluationOptions, *,
                   plan_findings: Sequence[Finding] = ()) -> Report:
    """:func:`evaluate` with the options as one :class:`EvaluationOptions`."""
    check_inputs(plans, actuals)
    with gc_paused():  # 142,200 national results and their parts: nothing to collect
        return _evaluate(plans, actuals, options, plan_findings)


def _evaluate(plans: Sequence[Plan], actuals: Actuals, options: EvaluationOptions,
              plan_findings: Sequence[Finding]) -> Report:
    results = ResultTable()
    infos: list[PlanInfo] = []
    superseded = list(actuals.superseded)
    findings = [*actuals.findings, *plan_findings]  # and the evaluation's own: PC411, PC414
    for plan in plans:
        settings = resolve_settings(plan, options)
        latest = actuals.latest_year(plan.id)  # once: it reads every series of the plan (142,200 national)
        if plan.targets and without_data(plan, actuals, latest):
            findings.append(no_data_finding(plan, actuals.files))
        plan_year, month = assessment_point(plan, actuals, options, latest)
        if plan_year is not None and month is not None:
            infos.append(PlanInfo(plan.id, plan.title, plan.file, (plan.period_start, plan.period_end),
                                  plan.baseline_year, plan_year, as_of=f"{plan_year}-{month:02d}"))
            for target in plan.targets:
                _table_in_year(results, plan, target, actuals, plan_year, month, settings)
            continue
        infos.append(PlanInfo(plan.id, plan.title, plan.file, (plan.period_start, plan.period_end),
                              plan.baseline_year, plan_year))
        when = assessment_year(plan, plan_year)
        if actuals.periods:  # the months of a judged year give way to its whole-year figures
            from policycheck.evaluation.inyear import superseded_at_year_end

            superseded.extend(superseded_at_year_end(actuals, plan.id, when))
        for target in plan.targets:
            _table_target(results, plan, target, actuals, when, settings, findings)
    return Report(
        tool={"name": "policycheck", "version": __version__},
        method=options.method or _shared_method(plans),
        thresholds={"on_track": _shared_threshold(plans, options.on_track, "on_track"),
                    "at_risk": _shared_threshold(plans, options.at_risk, "at_risk")},
        fail_on=options.fail_on, plans=tuple(infos), results=results,
        units=UnitView(plans, results.runs), summary=results.summary(),
        findings=tuple(sorted_findings(findings)),
        superseded=tuple(superseded), strict=options.strict)


def check_inputs(plans: Sequence[Plan], actuals: Actuals) -> None:
    """TypeError naming what ``evaluate`` expects, rather than a bare one from deep inside."""
    if isinstance(plans, Plan):
        raise TypeError("plans must be a list of Plan objects; wrap one plan as [plan]")
    if not isinstance(plans, Sequence) or not all(isinstance(plan, Plan) for plan in plans):
        raise TypeError(f"plans must be a list of Plan objects (from load_plan), not {type(plans).__name__}")
    if not isinstance(actuals, Actuals):
        raise TypeError(f"actuals must be an Actuals object (from load_actuals), not {type(actuals).__name__}")


def without_data(plan: Plan, actuals: Actuals, latest: int | None = _UNKNOWN) -> bool:
    """True when the actuals hold no figure of the plan, for a whole year or a month
    (``latest``: :meth:`Actuals.latest_year` of the plan, when the caller has it)."""
    if latest == _UNKNOWN:
        latest = actuals.latest_year(plan.id)
    return latest is None and (not actuals.periods or latest_in_year(actuals, plan.id, latest) is None)


def no_data_finding(plan: Plan, files: Sequence[str]) -> Finding:
    """PC411: the actuals hold no value for any target of the plan.

    Every result is then no_data (or pending), which no --fail-on level but
    no-data fails on: an unfilled template or a wrong plan column would pass CI
    silently, so the report says so in every format (docs/ci.md#a-plan-without-data).
    """
    read = msg("PC411.read", files=", ".join(files)) if files else ""
    return Finding.of("PC411", "warning", plan.file, 0, 0,
                      msg("PC411.no-data", count=len(plan.targets), plan=plan.id, read=read))


def assessment_year(plan: Plan, year: int | None) -> int:
    """The year results are computed at; the period end when there is no data at all."""
    return year if year is not None else plan.period_end


def _shared_method(plans: Sequence[Plan]) -> Method:
    """The method every plan's assessment agrees on (the report shows one), else the default."""
    methods = {plan.assessment.method for plan in plans}
    return methods.pop() if len(methods) == 1 else _DEFAULTS.method


def _shared_threshold(plans: Sequence[Plan], given: float | None, name: str) -> float:
    """A threshold from the options, else the one every plan agrees on, else the default."""
    if given is not None:
        return given
    values = {getattr(plan.assessment, name) for plan in plans}
    chosen: float = values.pop() if len(values) == 1 else getattr(_DEFAULTS, name)
    return chosen


def target_fields(plan: Plan, target: Target) -> TargetFields:
    """The fields every result of ``target`` shares; the comparator defaults as its kind says."""
    requirement = target_requirement(plan, target)
    return TargetFields(plan.id, target.id, target.name, target.kind,
                        target.comparator or kind_spec(target.kind).comparator, target.unit,
                        target.commitment, target.lead, target.responsible, target.location, target.name_en,
                        requirement, target.direction, target.attribute)


def evaluate_target(plan: Plan, target: Target, actuals: Actuals, year: int, settings: Settings,
                    findings: list[Finding] | None = None) -> list[Result]:
    """The results of one target: plan-wide, then one per scope unit (docs/evaluation.md#scoped-targets).

    Findings of the evaluation itself (PC414) are appended to ``findings`` when given.
    """
    base = target_fields(plan, target)
    return [make_result(base, unit, year, unit_outcome(plan, target, actuals, unit, year, settings, findings),
                        settings)
            for unit in result_units(plan, target, actuals)]


def _table_target(table: ResultTable, plan: Plan, target: Target, actuals: Actuals, year: int,
                  settings: Settings, findings: list[Finding]) -> None:
    """:func:`evaluate_target` into the run's table: no Result is built until a report reads it."""
    base = target_fields(plan, target)
    units = result_units(plan, target, actuals)
    if _BATCH and len(units) >= _BATCH_FROM:
        from policycheck.evaluation.batch import batch_job, run_batch

        job = batch_job(plan, target, year, settings)
        if job is not None:
            block, failing = run_batch(job, actuals, units, lambda unit: unit_outcome(
                plan, target, actuals, unit, year, settings, findings))
            table.extend(base, units, year, block, failing)
            return
    for unit in units:
        out = unit_outcome(plan, target, actuals, unit, year, settings, findings)
        table.append(base, unit, year, out, is_failing(base, out, settings))


def evaluate_unit(plan: Plan, target: Target, actuals: Actuals, unit: str | None, year: int,
                  settings: Settings) -> Result:
    """One result: the target for one unit (None: plan-wide) at one year."""
    outcome = unit_outcome(plan, target, actuals, unit, year, settings)
    return make_result(target_fields(plan, target), unit, year, outcome, settings)


def unit_outcome(plan: Plan, target: Target, actuals: Actuals, unit: str | None, year: int,
                 settings: Settings, findings: list[Finding] | None = None) -> Outcome:
    """What the rules of the target's kind compute for one unit at one year."""
    series = actuals.get(plan.id, target.id, unit)
    reference = actuals.get(plan.id, target.reference, None) if target.reference else None
    case = make_case(plan, target, unit, series, year, settings, unit_milestones(target, unit), reference)
    spec = kind_spec(target.kind)
    if not spec.yearly and not case.milestones:
        outcome = Outcome()
        outcome.judge("pending", because("no_milestones"))
    else:
        rules = evaluator(spec.family)
        outcome = finite_outcome(lambda: rules(case))
    found = apply_marks(case, outcome)
    if found and findings is not None:
        findings.extend(found)
    outcome.source, outcome.note = series.source_note(outcome.data_year or year)
    if own_requirement(case):
        outcome.requirement = unit_requirement(case, outcome)
    if outcome.reason.code in MILESTONE_CODES:  # the verdict's own requirement beside the final one
        final = outcome.requirement if outcome.requirement is not None else target_requirement(plan, target)
        outcome.requirement = at_milestone(final, year, outcome.reason.args["target"])
    return outcome


def evaluate_target_in_year(plan: Plan, target: Target, actuals: Actuals, year: int, month: int,
                            settings: Settings) -> list[Result]:
    """The results of one target at the end of ``month`` of ``year`` (docs/evaluation.md#in-year)."""
    base = target_fields(plan, target)
    return [make_result(base, unit, year, in_year(plan, target, actuals, unit, year, month, settings), settings)
            for unit in result_units(plan, target, actuals, in_year=True)]


def _table_in_year(table: ResultTable, plan: Plan, target: Target, actuals: Actuals, year: int, month: int,
                   settings: Settings) -> None:
    """:func:`evaluate_target_in_year` into the run's table."""
    base = target_fields(plan, target)
    for unit in result_units(plan, target, actuals, in_year=True):
        out = in_year(plan, target, actuals, unit, year, month, settings)
        table.append(base, unit, year, out, is_failing(base, out, settings))


def in_year(plan: Plan, target: Target, actuals: Actuals, unit: str | None, year: int, month: int,
            settings: Settings) -> Outcome:
    """The in-year outcome of one unit, every number finite (docs/evaluation.md#numbers-out-of-range)."""
    from policycheck.evaluation.inyear import in_year_outcome

    return finite_outcome(lambda: in_year_outcome(plan, target, actuals, unit, year, month, settings))


def result_units(plan: Plan, target: Target, actuals: Actuals, in_year: bool = False) -> list[str | None]:
    """None (plan-wide) unless the target is scoped without plan-wide rows, then the scope units.

    ``in_year``: plan-wide in-year rows (``Actuals.periods``) count as plan-wide rows too.
    """
    if target.scope is None:
        return [None]
    units: list[str | None] = list(plan.scope_units(target))
    key = (plan.id, target.id, None)
    if key in actuals.series or (in_year and key in actuals.periods):
        units.insert(0, None)
    return units


def make_result(base: TargetFields, unit: str | None, year: int, out: Outcome, settings: Settings) -> Result:
    """Wrap an outcome in a Result and decide whether it fails the run.

    Aspirational (力争) and expected (预期性) targets are reported the same way but
    fail only with ``--strict`` (docs/evaluation.md#statuses).
    """
    return build_result(base, unit, year, out, is_failing(base, out, settings))


def is_failing(base: TargetFields, out: Outcome, settings: Settings) -> bool:
    """Whether the result fails the run: its status is one ``--fail-on`` names, and the target is
    binding or the run ``--strict`` (docs/evaluation.md#statuses)."""
    binding = base.commitment == "binding" and base.attribute != "expected"
    return out.status in FAIL_ON[settings.fail_on] and (binding or settings.strict)


def summarize(results: Sequence[Result]) -> Summary:
    """Counts by status (only those present, worst first) and the failing count."""
    counts: dict[str, int] = {}
    failing = 0
    for result in results:
        counts[result.status] = counts.get(result.status, 0) + 1
        failing += result.failing
    by_status: dict[str, int] = {status: counts[status] for status in STATUSES if status in counts}
    return Summary(results=len(results), by_status=by_status, failing=failing)

