"""Small plans built directly from the model, shared by the actuals and template tests.

No test lives here: the module only builds :class:`Plan` objects, so the
reader's tests do not depend on loading plan YAML.
"""
from __future__ import annotations

from pathlib import Path

from policycheck.model import Location, Plan, Reference, Scope, Target, Unit


def target(tid: str, *, unit: str | None = "%", kind: str = "level", scope: Scope | None = None,
           name: str | None = None) -> Target:
    """A level target (or another kind) with one milestone in 2027."""
    milestone: float | bool = True if kind == "milestone" else 10.0
    return Target(id=tid, name=name or f"指标{tid}", kind=kind, location=Location("plan.yaml", 1, 1),  # type: ignore[arg-type]
                  unit=None if kind == "milestone" else unit,
                  comparator=None if kind == "milestone" else ">=",
                  milestones=((2027, milestone),), scope=scope)


def make_plan(pid: str = "p1", targets: tuple[Target, ...] | None = None, **kwargs: object) -> Plan:
    """A plan 2023-2027 (baseline 2022) with towns a and b and the usual targets."""
    if targets is None:
        targets = (
            target("rd-intensity"),
            target("gdp", unit="亿元"),
            target("fund", unit="万元"),
            target("firms", unit="家", scope=Scope(group="towns")),
            target("city", kind="milestone"),
        )
    units = {"kjj": Unit("kjj", "市科技局"), "a": Unit("a", "东城街道", group="towns"),
             "b": Unit("b", "西城街道", group="towns")}
    defaults: dict[str, object] = dict(
        id=pid, title=f"规划{pid}", period_start=2023, period_end=2027, baseline_year=2022,
        file=f"{pid}.yaml", targets=targets, units=units,
        references={"prov-rd": Reference("prov-rd", "全省研发投入强度", "%")})
    defaults.update(kwargs)
    return Plan(**defaults)  # type: ignore[arg-type]


def write(tmp_path: Path, text: str, name: str = "a.csv", encoding: str = "utf-8") -> str:
    """Write ``text`` exactly (no newline translation) and return the path."""
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return str(path)
