"""Plan files: YAML -> schema -> the frozen :class:`policycheck.model.Plan` -> meaning checks.

:func:`check_plan_file` never raises for bad input: every problem is a
:class:`policycheck.findings.Finding` at its line and column.
:func:`load_plan` is the library entry point (README.md#python-api) and raises
:class:`policycheck.errors.PlanError` when there is any error-level finding.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from policycheck.changes import Change
from policycheck.errors import PlanError
from policycheck.findings import ERROR, Finding, cap_findings, has_errors, quoted, sorted_findings
from policycheck.gcpause import gc_paused
from policycheck.inputs import input_path
from policycheck.kinds import default_comparator
from policycheck.messages import msg
from policycheck.model import (
    Assessment,
    Baseline,
    Location,
    Plan,
    Reference,
    RequirementValue,
    Schedule,
    Scope,
    Source,
    Target,
    TimesBaseline,
    Unit,
)
from policycheck.plans.yamlload import MAX_BYTES, YamlDoc, YamlLoad, load_yaml
from policycheck.records import record

#: 属性 as an indicator table writes it -> the plan value (docs/plan-format.md#attribute).
ATTRIBUTES = {"binding": "binding", "expected": "expected", "约束性": "binding", "预期性": "expected"}


@record(frozen=True)
class PlanLoad:
    """One plan file checked: the plan (None when it could not be built) and every finding.

    ``plan`` is set whenever the file is valid YAML matching the schema, even if
    meaning checks found errors, so that ``validate`` can still check CSV files
    against it; :func:`load_plan` refuses such a plan.
    """

    plan: Plan | None
    findings: list[Finding]
    #: where the plan id is written, for findings about the plan as a whole (PC320)
    id_mark: tuple[int, int] = (1, 1)


def check_plan_file(path: str, max_bytes: int = MAX_BYTES) -> PlanLoad:
    """Read, validate and build one plan file; never raises for bad input.

    The file is read once, at most 10 MiB (or ``max_bytes`` when smaller);
    ``-`` is standard input.  The collector is paused meanwhile: a plan of
    100,000 targets builds millions of objects that live for the whole run and
    form no cycles, and walking them again and again made reading it slower
    than linear (docs/performance.md#plans-with-many-targets).
    """
    with gc_paused():
        return check_plan_yaml(load_yaml(input_path(path), max_bytes), input_path(path))


def check_plan_yaml(loaded: YamlLoad, path: str) -> PlanLoad:
    """Validate and build a plan from its parsed YAML (:func:`check_plan_file` after reading)."""
    from policycheck.plans.rules import meaning_findings
    from policycheck.plans.schema import schema_findings
    from policycheck.plans.sources import source_findings

    findings = list(loaded.findings)
    # Duplicate keys keep the first value, so checking goes on; an alias leaves a hole.
    if loaded.doc is None or any(f.rule in ("PC100", "PC102") for f in findings):
        return PlanLoad(None, sorted_findings(cap_findings(findings)))
    doc = loaded.doc
    findings.extend(schema_findings(doc, path))
    if has_errors(findings) and any(f.rule == "PC200" for f in findings):
        return PlanLoad(None, sorted_findings(cap_findings(findings)))
    plan = build_plan(doc, path)
    findings.extend(meaning_findings(doc, plan))
    findings.extend(source_findings(doc, plan))
    return PlanLoad(plan, sorted_findings(cap_findings(findings)), doc.mark(("plan", "id")))


def check_plan_files(paths: Sequence[str], max_bytes: int = MAX_BYTES) -> tuple[list[Plan], list[Finding]]:
    """:func:`check_plan_file` for each path: the plans that could be built and every finding
    (:func:`gather_plans`)."""
    return gather_plans((path, check_plan_file(path, max_bytes)) for path in paths)


def gather_plans(loads: Iterable[tuple[str, PlanLoad]]) -> tuple[list[Plan], list[Finding]]:
    """The plans that could be built and every finding of the plan files ``loads``.

    Two files with one plan id are PC320 at the second file's id, and only the
    first of them is kept: a CSV plan column names plans by id, so no row could
    say which of the two it belongs to.  ``check`` and ``validate`` both load
    plans here, so they agree about it.
    """
    plans: list[Plan] = []
    findings: list[Finding] = []
    first_file: dict[str, str] = {}
    for path, loaded in loads:
        findings.extend(loaded.findings)
        plan = loaded.plan
        if plan is None:
            continue
        if plan.id in first_file:
            findings.append(Finding.of("PC320", ERROR, path, *loaded.id_mark,
                                       msg("PC320.shared-id", id=quoted(plan.id), other=first_file[plan.id])))
            continue
        first_file[plan.id] = path
        plans.append(plan)
    return plans, findings


def load_plan(path: str) -> Plan:
    """Load one plan; raise :class:`PlanError` (with all findings) if it has any error.

    ``path`` is a file path (str or os.PathLike); anything else is a TypeError
    (an int would otherwise be read as an open file descriptor).
    """
    loaded = check_plan_file(input_path(path, "load_plan: path"))
    if loaded.plan is None or has_errors(loaded.findings):
        raise PlanError(loaded.findings)
    return loaded.plan


def build_plan(doc: YamlDoc, file: str) -> Plan:
    """The model of schema-valid plan data; ``file`` is kept exactly as given."""
    data: Mapping[str, Any] = doc.data
    head = data["plan"]
    start, end = head["period"]["start"], head["period"]["end"]
    targets = tuple(
        _build_target(raw, Location(file, *doc.mark(("targets", index))))
        for index, raw in enumerate(data["targets"])
    )
    return Plan(
        id=head["id"], title=head["title"], period_start=start, period_end=end,
        baseline_year=head.get("baseline_year", start - 1), file=file, targets=targets,
        issuer=head.get("issuer"), issued=_text(head.get("issued")), document=head.get("document"),
        region=head.get("region"), source=_source(head.get("source")),
        assessment=_build_assessment(data.get("assessment") or {}),
        units={str(uid): Unit(str(uid), raw["name"], raw.get("name_en"), raw.get("group"))
               for uid, raw in (data.get("units") or {}).items()},
        references={str(rid): Reference(str(rid), raw["name"], raw.get("unit"))
                    for rid, raw in (data.get("references") or {}).items()},
    )


def _source(raw: Any) -> Source | None:
    """``plan.source``: a mapping, or (the older form) plain text read as the title alone."""
    if isinstance(raw, str):
        return Source(title=raw) if raw.strip() else None
    if raw is None:
        return None
    return Source(title=raw["title"], file=raw.get("file"), url=raw.get("url"),
                  published=_text(raw.get("published")))


def _build_assessment(raw: Mapping[str, Any]) -> Assessment:
    defaults = Assessment()
    return Assessment(
        method=raw.get("method", defaults.method),
        on_track=float(raw.get("on_track", defaults.on_track)),
        at_risk=float(raw.get("at_risk", defaults.at_risk)),
        approx_tolerance=float(raw.get("approx_tolerance", defaults.approx_tolerance)),
        schedule=raw.get("schedule", defaults.schedule),
    )


def _build_target(raw: Mapping[str, Any], location: Location) -> Target:
    kind = raw["kind"]
    # A target that names no comparator gets its kind's (a rank is better the lower it is).
    default = default_comparator(kind)
    comparator = None if default is None else raw.get("comparator", default)
    categories = tuple(str(c) for c in raw.get("categories") or ())
    milestones = tuple(sorted(((int(year), _requirement(value, categories))
                               for year, value in (raw.get("milestones") or {}).items()), key=lambda m: m[0]))
    baseline = raw.get("baseline")
    relative, absolute = _tolerance(raw.get("tolerance"))
    return Target(
        id=raw["id"], name=raw["name"], kind=kind, location=location,
        unit=raw.get("unit"), name_en=raw.get("name_en"), comparator=comparator,
        milestones=milestones,
        value=_value(raw["value"]) if "value" in raw else None,
        reference=raw.get("reference"),
        years=(raw["years"][0], raw["years"][1]) if "years" in raw else None,
        since=raw.get("since"),
        commitment=raw.get("commitment", "binding"),
        responsible=tuple(raw.get("responsible", ())),
        section=raw.get("section"), quote=raw.get("quote"),
        baseline=Baseline(int(baseline["year"]), float(baseline["value"])) if baseline else None,
        tolerance=relative, tolerance_absolute=absolute,
        actuals=raw.get("actuals", "value"),
        scope=_scope(raw.get("scope")),
        note=raw.get("note"),
        schedule=_schedule(raw.get("schedule")),
        direction=raw.get("direction"),
        attribute=ATTRIBUTES[raw["attribute"]] if "attribute" in raw else None,  # type: ignore[arg-type]
        path=raw.get("path"),
        categories=categories,
    )


def _schedule(raw: Any) -> Schedule | None:
    """A schedule name, or a monthly profile as twelve floats (docs/plan-format.md)."""
    if isinstance(raw, dict):
        return tuple(float(w) for w in raw["profile"])
    return raw  # type: ignore[no-any-return]


def _tolerance(raw: Any) -> tuple[float | None, float | None]:
    """(relative, absolute) from ``tolerance: 0.05``, ``{relative: 0.05}`` or ``{absolute: 0.5}``."""
    if raw is None:
        return None, None
    if isinstance(raw, dict):
        relative, absolute = raw.get("relative"), raw.get("absolute")
        return (None if relative is None else float(relative)), (None if absolute is None else float(absolute))
    return float(raw), None


def _requirement(value: Any, categories: tuple[str, ...] = ()) -> RequirementValue:
    """A milestone value: True, k x baseline, a change, [lo, hi], a grade or a number (as float).

    A grade is its position in ``categories`` (worst first); an unknown grade is
    PC315 in the meaning checks and stands for -1 here so that the plan can be built.
    """
    if value is True:
        return True
    if isinstance(value, dict):
        if "times_baseline" in value:
            return TimesBaseline(float(value["times_baseline"]))
        if "change" in value:
            return Change(float(value["change"]), value["in"], value.get("since"))
        if "improve" in value:
            unit = "grades" if categories else "places"
            return Change(float(value["improve"]), unit, value.get("since"))  # type: ignore[arg-type]
        grade = str(value["grade"])
        return float(categories.index(grade)) if grade in categories else -1.0
    return _value(value)


def _value(value: Any) -> float | tuple[float, float]:
    if isinstance(value, list):
        return (float(value[0]), float(value[1]))
    return float(value)


def _scope(raw: Mapping[str, Any] | None) -> Scope | None:
    if not raw:
        return None
    if "units" in raw:
        return Scope(units=tuple(str(u) for u in raw["units"]))
    if "group" in raw:
        return Scope(group=str(raw["group"]))
    return Scope(allocations={str(uid): float(v) for uid, v in raw["allocations"].items()})


def _text(value: Any) -> str | None:
    return None if value is None else str(value)
