"""The national 14th Five-Year main indicators against published outcomes and the official verdicts.

The mid-term evaluation (《纲要》实施中期评估报告, 2023-12-26, on the figures to 2022) sorted
the 20 indicators into 提前实现, 快于预期, 基本符合预期 and 滞后预期; examples/README.md gives
the comparison. Here every encoded target's status, attainment and the exit code at 2022 and
at the end of the period (2025) are fixed, so a change in the evaluation that moves a real
verdict shows up.
"""
from __future__ import annotations

import json
from typing import Any

import pytest

from tests.helpers.acceptance import run
from tests.helpers.paths import EXAMPLES_DIR, PLANS_DIR
from tests.helpers.plan_files import loaded_plan, target_of

PLAN = str(PLANS_DIR / "china-14th-fyp-2021-2025.yaml")
ACTUALS = str(EXAMPLES_DIR / "china-14th-fyp.csv")

#: target -> (status at 2022, attainment at 2022 rounded to 3 places, the mid-term verdict)
MID_TERM = {
    "labour-productivity-growth": ("met", 1.4, "基本符合预期"),
    "urbanisation-rate": ("met", 1.003, "提前实现"),
    "hv-patents-per-10k": ("on_track", 0.783, "快于预期"),
    "income-growth": ("met", 0.967, "基本符合预期"),
    "urban-unemployment": ("missed", 0.982, "基本符合预期"),
    "life-expectancy": ("no_data", None, "基本符合预期"),
    "energy-intensity": ("off_track", 0.89, "滞后预期"),
    "co2-intensity": ("off_track", 0.859, "滞后预期"),
    "forest-cover": ("on_track", 0.997, "快于预期"),
}
#: how a verdict of the evaluation reads in policycheck's statuses
AGREES = {"提前实现": {"met"}, "快于预期": {"on_track", "met"}, "基本符合预期": {"on_track", "met"},
          "滞后预期": {"at_risk", "off_track", "regressing"}}


def _results(*args: str) -> tuple[int, dict[str, dict[str, Any]]]:
    code, out, _ = run("check", PLAN, "-a", ACTUALS, "-f", "json", *args)
    return code, {r["target"]: r for r in json.loads(out)["results"]}


def test_the_table_forms() -> None:
    plan = loaded_plan(PLANS_DIR / "china-14th-fyp-2021-2025.yaml")
    energy = target_of(plan, "energy-intensity")
    assert (energy.attribute, energy.comparator) == ("binding", "<=")
    assert [t.id for t in plan.targets if t.attribute == "binding"] == [
        "energy-intensity", "co2-intensity", "forest-cover"]
    assert [t.id for t in plan.targets if t.attribute == "expected"] == [
        "labour-productivity-growth", "urbanisation-rate", "hv-patents-per-10k"]
    income = target_of(plan, "income-growth")
    assert (income.comparator, income.direction, income.reference) == ("approx", "up", "gdp-growth-real")


def test_mid_term_statuses_and_attainment() -> None:
    code, results = _results("--year", "2022")
    got = {t: (r["status"], None if r.get("attainment") is None else round(r["attainment"], 3))
           for t, r in results.items()}
    assert got == {t: (status, attainment) for t, (status, attainment, _) in MID_TERM.items()}
    # the failing ones are the binding shortfalls and the unemployment rate (no 属性 in the
    # retrieved text, so binding by default); the 预期性 rows never fail without --strict
    assert sorted(t for t, r in results.items() if r["failing"]) == [
        "co2-intensity", "energy-intensity", "urban-unemployment"]
    assert code == 1


def test_relative_change_so_far() -> None:
    _, results = _results("--year", "2022")
    energy = results["energy-intensity"]["change"]
    assert (energy["by"], energy["in"], energy["since"], round(energy["actual"], 2)) == (
        -13.5, "percent", 2020, -2.8)
    assert results["co2-intensity"]["change"]["actual"] == pytest.approx(-4.5696)


@pytest.mark.parametrize("target", sorted(MID_TERM))
def test_agreement_with_the_official_verdict(target: str) -> None:
    status, _, verdict = MID_TERM[target]
    # the two disagreements are documented in examples/README.md: the unemployment rate
    # (5.6 % in 2022 against 控制在5.5%以内, which the evaluation judged on the period) and
    # life expectancy (no published figure confirmed for the example)
    assert (status in AGREES[verdict]) == (target not in ("urban-unemployment", "life-expectancy"))


def test_end_of_period() -> None:
    code, results = _results()
    assert {t: r["status"] for t, r in results.items() if r["status"] != "no_data"} == {
        "hv-patents-per-10k": "met", "income-growth": "met", "urban-unemployment": "met"}
    assert round(results["hv-patents-per-10k"]["attainment"], 3) == 1.333
    assert code == 0
