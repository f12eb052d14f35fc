"""Plan loading: the exact model built from YAML, schema copies, errors and messages."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policycheck.errors import PlanError
from policycheck.findings import has_errors
from policycheck.kinds import KINDS
from policycheck.model import Assessment, Baseline, Location, Plan, Reference, Scope, Target, TimesBaseline, Unit
from policycheck.plans.build import check_plan_file, load_plan
from policycheck.plans.schema import json_path_text, plan_validator
from tests.helpers.paths import PLANS_DIR

MINIMAL = """\
# yaml-language-server: $schema=../schemas/plan.schema.json
policycheck: 1
plan:
  id: demo-2023-2025
  title: 示例方案
  issued: 2023-06-05
  period: {start: 2023, end: 2025}
units:
  kjj: {name: 市科技局, name_en: Science Bureau}
  east: {name: 东城街道, group: towns}
references:
  prov: {name: 全省平均, unit: "%"}
targets:
  - id: rd
    name: 研发投入强度
    unit: "%"
    kind: level
    milestones: {2025: 3.6, 2024: 3.3}
    responsible: [kjj]
    quote: 达到3.6%
  - id: rank
    name: 排名
    unit: 位
    kind: rank
    milestones: {2025: 5}
    quote: 前五
  - id: done
    name: 建成
    kind: milestone
    milestones: {2025: true}
    commitment: aspirational
    quote: 争创
  - id: new
    name: 新增
    unit: 家
    kind: annual
    comparator: between
    value: [1, 2]
    years: [2024, 2025]
    scope: {group: towns}
    quote: 1—2家
  - id: double
    name: 翻番
    unit: 家
    kind: level
    milestones: {2025: {times_baseline: 2}}
    baseline: {year: 2020, value: 50}
    quote: 翻番
"""


def _write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_minimal_plan_builds_exact_model(tmp_path: Path) -> None:
    path = _write(tmp_path, MINIMAL)
    plan = load_plan(path)
    assert (plan.id, plan.title, plan.period_start, plan.period_end) == ("demo-2023-2025", "示例方案", 2023, 2025)
    assert plan.baseline_year == 2022  # period.start - 1
    assert plan.issued == "2023-06-05" and plan.file == path and plan.issuer is None
    assert plan.assessment == Assessment()
    assert plan.units == {"kjj": Unit("kjj", "市科技局", "Science Bureau", None),
                          "east": Unit("east", "东城街道", None, "towns")}
    assert plan.references == {"prov": Reference("prov", "全省平均", "%")}
    rd, rank, done, new, double = plan.targets
    assert rd.milestones == ((2024, 3.3), (2025, 3.6))  # sorted by year
    assert isinstance(rd.milestones[0][1], float)
    assert (rd.comparator, rd.commitment, rd.lead, rd.actuals) == (">=", "binding", "kjj", "value")
    assert rd.location == Location(path, 14, 5)
    assert (rank.comparator, rank.milestones) == ("<=", ((2025, 5.0),))
    assert (done.comparator, done.unit, done.milestones, done.commitment) == (
        None, None, ((2025, True),), "aspirational")
    assert (new.value, new.years, new.comparator, new.scope) == (
        (1.0, 2.0), (2024, 2025), "between", Scope(group="towns"))
    assert plan.scope_units(new) == ("east",)
    assert double.milestones == ((2025, TimesBaseline(2.0)),)
    assert double.baseline == Baseline(2020, 50.0)


def test_plan_defaults_can_be_overridden(tmp_path: Path) -> None:
    text = MINIMAL.replace("  period: {start: 2023, end: 2025}\n",
                           "  period: {start: 2023, end: 2025}\n  baseline_year: 2020\n"
                           "assessment: {method: cagr, on_track: 0.9, at_risk: 0.5, approx_tolerance: 0.1}\n")
    plan = load_plan(_write(tmp_path, text))
    assert plan.baseline_year == 2020
    assert plan.assessment == Assessment("cagr", 0.9, 0.5, 0.1)


def test_validator_is_compiled_once() -> None:
    assert plan_validator() is plan_validator()


@pytest.mark.parametrize("path", sorted(PLANS_DIR.glob("*.yaml")), ids=lambda p: p.name)
def test_shipped_plans_are_clean(path: Path) -> None:
    loaded = check_plan_file(str(path))
    assert [f for f in loaded.findings if f.is_error] == []
    assert path.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../schemas/plan.schema.json")


def test_load_plan_raises_with_findings(tmp_path: Path) -> None:
    path = _write(tmp_path, MINIMAL.replace("kind: rank", "kind: rnak"))
    with pytest.raises(PlanError) as info:
        load_plan(path)
    assert [(f.rule, f.line, f.column) for f in info.value.findings] == [("PC200", 24, 11)]
    assert str(info.value) == (f"{path}:24:11: error [PC200] targets[1].kind is text 'rnak'; expected one of "
                               "level, annual, cumulative, growth, cagr, rank, milestone, category; "
                               "did you mean 'rank'?")


def test_load_plan_refuses_meaning_errors_but_check_keeps_the_plan(tmp_path: Path) -> None:
    path = _write(tmp_path, MINIMAL.replace("responsible: [kjj]", "responsible: [kjjj]"))
    loaded = check_plan_file(path)
    assert loaded.plan is not None
    assert [(f.rule, f.message) for f in loaded.findings] == [
        ("PC301", "unit 'kjjj' in responsible is not defined in units; did you mean 'kjj'?")]
    with pytest.raises(PlanError):
        load_plan(path)


def test_warnings_do_not_stop_load_plan(tmp_path: Path) -> None:
    plan = load_plan(_write(tmp_path, MINIMAL.replace("    quote: 前五\n", "")))
    assert plan.target("rank") is not None and plan.target("rank").quote is None  # type: ignore[union-attr]


def test_missing_file_is_a_finding_not_a_traceback(tmp_path: Path) -> None:
    path = str(tmp_path / "nope.yaml")
    loaded = check_plan_file(path)
    assert loaded.plan is None and [f.rule for f in loaded.findings] == ["PC100"]
    with pytest.raises(PlanError):
        load_plan(path)


def test_every_schema_error_is_reported(tmp_path: Path) -> None:
    text = MINIMAL.replace("kind: rank", "kind: rnak").replace("    comparator: between\n", "    comparitor: between\n")
    text = text.replace("  id: demo-2023-2025", "  id: Demo")
    loaded = check_plan_file(_write(tmp_path, text))
    assert [(f.rule, f.line, f.column) for f in loaded.findings] == [
        ("PC200", 4, 7), ("PC200", 24, 11), ("PC200", 37, 5)]
    assert loaded.findings[2].message == "unknown key 'comparitor' in targets[3]; did you mean 'comparator'?"


def test_misspelt_required_key_gives_one_finding(tmp_path: Path) -> None:
    loaded = check_plan_file(_write(tmp_path, MINIMAL.replace("    name: 排名\n", "    nmae: 排名\n")))
    assert [(f.rule, f.line, f.column, f.message) for f in loaded.findings] == [
        ("PC200", 22, 5, "unknown key 'nmae' in targets[1]; did you mean 'name'?")]


def test_missing_required_key_message(tmp_path: Path) -> None:
    loaded = check_plan_file(_write(tmp_path, MINIMAL.replace("  title: 示例方案\n", "")))
    assert [(f.line, f.column, f.message) for f in loaded.findings] == [
        (4, 3, "plan lacks the required key 'title'")]


def test_number_in_quotes_hint(tmp_path: Path) -> None:
    loaded = check_plan_file(_write(tmp_path, MINIMAL.replace("responsible: [kjj]", "responsible: kjj")))
    assert [f.message for f in loaded.findings] == ["targets[0].responsible must be a list, not text 'kjj'"]


def test_json_path_text() -> None:
    assert json_path_text(()) == "the plan"
    assert json_path_text(("targets", 3, "milestones", "2027")) == "targets[3].milestones.2027"


_SCALARS = st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=False) | st.text(max_size=8)
_VALUES = st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=3)
                       | st.dictionaries(st.text(max_size=6) | st.integers(1990, 2040), inner, max_size=3),
                       max_leaves=8)
_TARGET_KEYS = ("id", "kind", "unit", "comparator", "milestones", "value", "years", "since", "baseline",
                "scope", "responsible", "reference", "actuals", "tolerance", "quote")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(key=st.sampled_from(_TARGET_KEYS), value=_VALUES, kind=st.sampled_from(KINDS))
def test_any_value_in_any_key_gives_findings_not_tracebacks(tmp_path: Path, key: str, value: object,
                                                            kind: str) -> None:
    data = yaml.safe_load(MINIMAL)
    data["targets"][0]["kind"] = kind
    data["targets"][0][key] = value
    loaded = check_plan_file(_write(tmp_path, yaml.safe_dump(data, allow_unicode=True)))
    assert loaded.plan is not None or has_errors(loaded.findings)
    assert all(f.line >= 1 and f.column >= 1 for f in loaded.findings)


def _scanned(plan: Plan, target: Target) -> tuple[str, ...]:
    """A target's units as found by looking at every unit of the plan (Plan.scope_units keeps each group's)."""
    scope = target.scope
    if scope is None:
        return ()
    if scope.units is not None:
        return scope.units
    if scope.allocations is not None:
        return tuple(scope.allocations)
    return tuple(uid for uid, unit in plan.units.items() if unit.group == scope.group)


@pytest.mark.parametrize("path", sorted(PLANS_DIR.glob("*.yaml")), ids=lambda p: p.name)
def test_scope_units_are_the_units_a_scan_finds(path: Path) -> None:
    plan = load_plan(str(path))
    for target in plan.targets:
        assert plan.scope_units(target) == _scanned(plan, target) == plan.scope_units(target)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", None]), min_size=0, max_size=8),
       st.lists(st.sampled_from(["a", "b", "c", None]), min_size=1, max_size=5))
def test_each_group_is_found_once_with_the_units_of_a_scan(groups: list[str | None], asked: list[str | None]) -> None:
    """Groups asked in any order, repeated, missing or None; and a plan changed by replace has its own."""
    units = {f"u{i}": Unit(f"u{i}", f"单位{i}", None, group) for i, group in enumerate(groups)}
    targets = tuple(Target(id=f"t{i}", name="n", kind="level", location=Location("p.yaml", 1, 1),
                           scope=Scope(group=group)) for i, group in enumerate(asked))
    plan = Plan(id="p", title="t", period_start=2021, period_end=2025, baseline_year=2020, file="p.yaml",
                targets=targets, units=units)
    for target in (*targets, *reversed(targets)):
        assert plan.scope_units(target) == _scanned(plan, target)
    fewer = replace(plan, units=dict(list(units.items())[1:]))
    for target in targets:
        assert fewer.scope_units(target) == _scanned(fewer, target)
