"""The Linyi 14th Five-Year plan file and its example statistics."""
from __future__ import annotations

import csv
from collections import Counter

import pytest

from policycheck.actuals.load import load_actuals
from policycheck.evaluation.engine import evaluate
from policycheck.model import Plan, Source, TimesBaseline
from policycheck.plans.build import load_plan
from tests.helpers.paths import EXAMPLES_DIR, PLANS_DIR
from tests.helpers.plan_files import example_report, loaded_plan, target_of

PLAN_FILE = PLANS_DIR / "linyi-sti-2021-2025.yaml"
EXAMPLE = EXAMPLES_DIR / "linyi.csv"
SOURCE_FILE = "sources/linyi-sti-2021-2025.txt"


@pytest.fixture(scope="module")
def plan() -> Plan:
    return loaded_plan(PLAN_FILE)


_target = target_of


def test_plan_header(plan: Plan) -> None:
    assert (plan.id, plan.period_start, plan.period_end, plan.baseline_year) == (
        "linyi-sti-2021-2025", 2021, 2025, 2020)
    assert (plan.document, plan.issued) == ("临政发〔2021〕3号", "2021-06-05")
    assert plan.source == Source(title="新闻发布:临沂市召开“展望‘十四五’”主题系列第二场新闻发布会",
                                 file=SOURCE_FILE, url=None, published="2021-06-05")


def test_fanfan_is_times_baseline(plan: Plan) -> None:
    doubling = _target(plan, "hnte-doubling")
    assert (doubling.kind, doubling.comparator) == ("level", ">=")
    assert doubling.milestones == ((2025, TimesBaseline(2.0)),)
    assert doubling.baseline is None  # taken from the 2020 actual


def test_zuoyou_is_approx(plan: Plan) -> None:
    hnte = _target(plan, "hnte-total")
    assert (hnte.comparator, hnte.milestones, hnte.commitment) == (
        "approx", ((2025, 1500),), "binding")
    national = _target(plan, "national-talent")
    assert (national.kind, national.comparator, national.tolerance) == ("cumulative", "approx", 0.1)


def test_provincial_average_targets_use_references(plan: Plan) -> None:
    rd = _target(plan, "rd-intensity")
    assert (rd.kind, rd.comparator, rd.reference, rd.years) == (
        "annual", ">", "prov-rd-intensity", (2025, 2025))
    active = _target(plan, "rd-active-share")
    assert (active.comparator, active.reference, active.commitment) == (
        ">=", "prov-rd-active-share", "aspirational")
    assert set(plan.references) == {"prov-rd-intensity", "prov-rd-active-share"}


def test_only_the_fiscal_pledge_has_a_responsible_unit(plan: Plan) -> None:
    owned = {t.id: t.responsible for t in plan.targets if t.responsible}
    assert owned == {"city-sti-budget-2021": ("czj",)}
    budget = _target(plan, "city-sti-budget-2021")
    assert (budget.value, budget.years, budget.unit) == (6.6, (2021, 2021), "亿元")


def test_example_is_illustrative_with_one_preliminary_and_one_estimate() -> None:
    with EXAMPLE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["source"] for r in rows} == {"示例数据 (illustrative)"}
    assert Counter(r["status"] for r in rows) == {"final": 67, "preliminary": 1, "estimate": 1}


EXPECTED_2023 = {
    "rd-intensity": "pending", "hnte-total": "on_track", "hnte-doubling": "on_track",
    "hitech-output-share": "at_risk", "longhu-national-incubator": "met",
    "tech-smes-registered": "met", "tech-problems-solved": "missed",
    "tech-achievements-transferred": "met", "national-talent": "at_risk",
    "provincial-leading-talent": "on_track", "high-level-talent": "off_track",
    "young-talent": "on_track", "rd-active-share": "pending", "hnte-net-increase": "missed",
    "city-sti-budget-2021": "met",  # 2021's verdict, kept (docs/evaluation.md, one-year requirements)
}



def test_example_at_2023_fails_nothing_binding() -> None:
    report = example_report(PLAN_FILE, EXAMPLE)
    assert report.plans[0].year == 2023
    assert {r.target: r.status for r in report.results} == EXPECTED_2023
    assert [r.target for r in report.results if r.failing] == []
    assert report.findings == ()
    assert [(s.target, s.year, s.value) for s in report.superseded] == [
        ("tech-achievements-transferred", 2023, 205.0)]


def test_doubling_resolves_against_the_2020_actual() -> None:
    result = next(r for r in example_report(PLAN_FILE, EXAMPLE).results if r.target == "hnte-doubling")
    assert (result.target_value, result.expected, result.actual) == (1500.0, 1200.0, 1190.0)


def test_one_year_budget_pledge_is_met_in_2021() -> None:
    report = example_report(PLAN_FILE, EXAMPLE, year=2021)
    result = next(r for r in report.results if r.target == "city-sti-budget-2021")
    assert (result.status, result.actual, result.expected) == ("met", 6.8, 6.6)


def test_taicang_and_linyi_examples_check_together() -> None:
    # Both plans use rd-intensity, hnte-total and hitech-output-share; the plan
    # column of the example files says which plan each row belongs to.
    files = [PLAN_FILE, PLANS_DIR / "taicang-sti-2018-2020.yaml"]
    plans = [load_plan(str(f)) for f in files]
    csvs = [str(EXAMPLE), str(EXAMPLES_DIR / "taicang.csv")]
    report = evaluate(plans, load_actuals(csvs, plans=plans))
    assert report.findings == ()
    assert Counter(r.plan for r in report.results) == {
        "linyi-sti-2021-2025": 15, "taicang-sti-2018-2020": 30}
    assert {r.target: r.status for r in report.results
            if r.plan == "linyi-sti-2021-2025"} == EXPECTED_2023
