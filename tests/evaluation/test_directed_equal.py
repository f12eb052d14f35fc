"""`==` with a direction reads as "at least" / "at most" the value at a year end, as 左右 with a
direction does (docs/plan-format.md#direction, docs/evaluation.md#notation): the status agrees
with the attainment and the 差距 beside it, at a milestone year, at the final year and in December."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from policycheck.cli import main
from policycheck.model import Result
from tests.helpers.evaluation_inputs import one, plan, target
from tests.helpers.inyear import december

GOOD, BAD = frozenset({"met", "on_track"}), frozenset({"missed", "off_track", "at_risk", "regressing"})


def _agrees(r: Result) -> None:
    """Never met beside a − margin, never missed beside a + one."""
    assert r.margin is not None
    assert not (r.margin > 1e-9 and r.status in BAD) and not (r.margin < -1e-9 and r.status == "met")


#: (direction, actual, status, attainment, margin) against == 30: at least 30 (up), at most 30 (down)
AT_30 = [
    ("up", 33.0, "met", 1.1, 3.0),
    ("up", 30.0, "met", 1.0, 0.0),
    ("up", 27.0, "missed", 0.9, -3.0),
    ("down", 27.0, "met", 2 - 27 / 30, 3.0),
    ("down", 30.0, "met", 1.0, 0.0),
    ("down", 33.0, "missed", 30 / 33, -3.0),
]


@pytest.mark.parametrize(("direction", "a", "status", "att", "margin"), AT_30)
def test_annual_rate_in_its_final_year(direction: str, a: float, status: str, att: float, margin: float) -> None:
    t = target("x", kind="annual", unit="%", comparator="==", value=30.0, direction=direction)
    r = one(t, {2025: a}, 2025, p=plan(t, start=2025, end=2025, baseline_year=2024))
    assert (r.status, r.attainment, r.margin) == (status, pytest.approx(att), pytest.approx(margin))
    _agrees(r)


@pytest.mark.parametrize(("direction", "a", "status", "att", "margin"), AT_30)
def test_annual_rate_in_a_year_before_the_last(direction: str, a: float, status: str, att: float,
                                               margin: float) -> None:
    t = target("x", kind="annual", unit="%", comparator="==", value=30.0, direction=direction)
    r = one(t, {2024: a}, 2024, p=plan(t, start=2024, end=2026, baseline_year=2023))
    assert (r.status, r.attainment, r.margin) == (status, pytest.approx(att), pytest.approx(margin))
    _agrees(r)


@pytest.mark.parametrize(("direction", "a", "status", "att", "margin"), [
    ("up", 7.0, "met", 7 / 6, 1.0),
    ("up", 6.0, "met", 1.0, 0.0),
    ("up", 5.0, "missed", 5 / 6, -1.0),
    ("down", 5.0, "met", 2 - 5 / 6, 1.0),
    ("down", 7.0, "missed", 6 / 7, -1.0),
])
def test_growth_rate(direction: str, a: float, status: str, att: float, margin: float) -> None:
    t = target("x", kind="growth", unit="%", comparator="==", value=6.0, direction=direction, actuals="rate")
    r = one(t, {2025: a}, 2025, p=plan(t, start=2025, end=2025, baseline_year=2024))
    assert (r.status, r.attainment, r.margin) == (status, pytest.approx(att), pytest.approx(margin))
    _agrees(r)


def _level(direction: str) -> Any:
    """20 in 2022 to 25 in 2025 and 30 in 2027 (up), or 40 to 35 and 30 (down)."""
    start, mid = (20.0, 25.0) if direction == "up" else (40.0, 35.0)
    t = target("x", unit="%", comparator="==", direction=direction, milestones=((2025, mid), (2027, 30.0)))
    return t, start


@pytest.mark.parametrize(("direction", "a", "status", "code", "att", "margin"), [
    ("up", 33.0, "met", "final_met", 1.1, 3.0),
    ("up", 30.0, "met", "final_met", 1.0, 0.0),
    ("up", 27.0, "missed", "final_missed", 0.9, -3.0),
    ("down", 27.0, "met", "final_met", 2 - 27 / 30, 3.0),
    ("down", 33.0, "missed", "final_missed", 30 / 33, -3.0),
])
def test_level_at_its_final_year(direction: str, a: float, status: str, code: str, att: float,
                                 margin: float) -> None:
    t, b = _level(direction)
    r = one(t, {2022: b, 2027: a}, 2027)
    assert (r.status, r.reason_code, r.attainment, r.margin) == (status, code, pytest.approx(att),
                                                                 pytest.approx(margin))
    _agrees(r)


@pytest.mark.parametrize(("direction", "a", "status", "code", "margin"), [
    # the milestone of 25 passed at 27 (at least 25), short of the final 30
    ("up", 27.0, "met", "milestone_met", 2.0),
    ("up", 25.0, "met", "milestone_met", 0.0),
    ("up", 23.0, "missed", "milestone_missed", -2.0),
    # the final 30 already reached in 2025: met ahead of time
    ("up", 31.0, "met", "final_met_early", 6.0),
    ("down", 33.0, "met", "milestone_met", 2.0),
    ("down", 37.0, "missed", "milestone_missed", -2.0),
    ("down", 29.0, "met", "final_met_early", 6.0),
])
def test_level_at_a_milestone_year(direction: str, a: float, status: str, code: str, margin: float) -> None:
    t, b = _level(direction)
    r = one(t, {2022: b, 2025: a}, 2025)
    assert (r.status, r.reason_code, r.margin) == (status, code, pytest.approx(margin))
    _agrees(r)


@pytest.mark.parametrize(("direction", "a", "status"), [
    ("up", 6.5, "met"), ("up", 6.0, "met"), ("up", 5.5, "missed"),
    ("down", 5.5, "met"), ("down", 6.5, "missed"),
])
def test_cagr_at_its_final_year(direction: str, a: float, status: str) -> None:
    t = target("x", kind="cagr", unit="%", comparator="==", direction=direction, milestones=((2025, 6.0),),
               actuals="rate")
    r = one(t, {2025: a}, 2025, p=plan(t, start=2023, end=2025, baseline_year=2022))
    assert r.status == status
    _agrees(r)


@pytest.mark.parametrize(("direction", "a", "status", "att", "margin"), AT_30)
def test_december_agrees_with_the_year_end(direction: str, a: float, status: str, att: float,
                                           margin: float) -> None:
    t = target("x", kind="annual", unit="%", comparator="==", value=30.0, direction=direction)
    month, year_end = december(t, plan(t, start=2025, end=2025, baseline_year=2024), a)
    assert year_end.status == status
    assert month.status == ("on_track" if status == "met" else "at_risk")
    assert month.reason.code == ("inyear_requirement_met" if status == "met" else "inyear_requirement_short")
    assert (month.attainment, month.margin) == (pytest.approx(att), pytest.approx(margin))
    assert (year_end.attainment, year_end.margin) == (pytest.approx(att), pytest.approx(margin))


def test_without_a_direction_equal_stays_exact() -> None:
    t = target("x", kind="annual", unit="%", comparator="==", value=30.0)
    r = one(t, {2025: 33.0}, 2025, p=plan(t, start=2025, end=2025, baseline_year=2024))
    assert (r.status, r.attainment, r.margin) == ("missed", pytest.approx(30 / 33), pytest.approx(-3.0))
    assert one(t, {2025: 30.0}, 2025, p=plan(t, start=2025, end=2025, baseline_year=2024)).status == "met"


PLAN = """\
policycheck: 1
plan:
  id: eq
  title: 测试规划
  period: {start: 2025, end: 2025}
  baseline_year: 2024
targets:
  - id: floor
    name: 至少30
    unit: "%"
    kind: annual
    comparator: "=="
    value: 30
    direction: up
  - id: ceiling
    name: 至多30
    unit: "%"
    kind: annual
    comparator: "=="
    value: 30
    direction: down
"""


def test_check_json_reads_equal_with_a_direction_one_way(tmp_path: Path) -> None:
    (tmp_path / "eq.yaml").write_text(PLAN, encoding="utf-8")
    (tmp_path / "eq.csv").write_text("plan,target,year,value\neq,floor,2025,33\neq,ceiling,2025,33\n",
                                     encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "eq.yaml"), "-a", str(tmp_path / "eq.csv"),
                                       "-f", "json"])
    assert result.exit_code == 1, result.output  # the ceiling is missed
    rows = {r["target"]: r for r in json.loads(result.stdout)["results"]}
    assert (rows["floor"]["status"], rows["floor"]["attainment"], rows["floor"]["margin"]) == (
        "met", pytest.approx(1.1), pytest.approx(3.0))
    assert (rows["ceiling"]["status"], rows["ceiling"]["attainment"], rows["ceiling"]["margin"]) == (
        "missed", pytest.approx(30 / 33), pytest.approx(-3.0))
