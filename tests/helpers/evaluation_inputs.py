"""Builders for evaluation tests: Plan, Target and Actuals straight from the model."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from policycheck.model import Location, Plan, Target, Unit
from policycheck.observations import Actuals, Observation

PLAN_ID = "p"
LOC = Location("plans/p.yaml", 10, 5)


def target(id: str = "t", kind: str = "level", **kw: Any) -> Target:
    """A target with sensible defaults: ``>=`` level, responsible kjj."""
    kw.setdefault("comparator", None if kind == "milestone" else ("<=" if kind == "rank" else ">="))
    kw.setdefault("responsible", ("kjj",))
    return Target(id=id, name=kw.pop("name", f"指标{id}"), kind=kind, location=LOC,  # type: ignore[arg-type]
                  unit=kw.pop("unit", None if kind == "milestone" else "%"), **kw)


def plan(*targets: Target, start: int = 2023, end: int = 2027, baseline_year: int = 2022,
         units: Mapping[str, Unit] | None = None, **kw: Any) -> Plan:
    if units is None:
        units = {"kjj": Unit("kjj", "市科技局"), "jxj": Unit("jxj", "市经信局"),
                 "a": Unit("a", "甲镇", group="towns"), "b": Unit("b", "乙镇", group="towns")}
    return Plan(id=kw.pop("id", PLAN_ID), title="测试规划", period_start=start, period_end=end,
                baseline_year=baseline_year, file="plans/p.yaml", targets=targets, units=units, **kw)


def obs(value: float | bool | None, status: str = "final", line: int = 2) -> Observation:
    return Observation(value, status, "a.csv", line, 3)  # type: ignore[arg-type]


def actuals(data: Mapping[tuple[str, str | None], Mapping[int, Any]], plan_id: str = PLAN_ID) -> Actuals:
    """``{(target, unit): {year: value or Observation}}`` -> Actuals."""
    series = {}
    for (target_id, unit), by_year in data.items():
        series[(plan_id, target_id, unit)] = {
            y: v if isinstance(v, Observation) else obs(v) for y, v in by_year.items()}
    return Actuals(series=series)


def one(t: Target, data: Mapping[int, Any], year: int | None = None, *, p: Plan | None = None,
        extra: Mapping[tuple[str, str | None], Mapping[int, Any]] | None = None, **options: Any):
    """Evaluate a single unscoped target with series ``data`` and return its only result."""
    from policycheck.evaluation.engine import evaluate

    the_plan = p or plan(t)
    series = {(t.id, None): data, **(extra or {})}
    report = evaluate([the_plan], actuals(series), year=year, **options)
    assert len(report.results) == 1
    return report.results[0]
