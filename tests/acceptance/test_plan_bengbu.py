"""The Bengbu science-city action plan (2023-2025): its YAML encoding and example actuals.

The plan validates with zero findings, every quote is found verbatim in the
source document (plans/sources/), and the choices a reviewer holding the document would check
(comparators, milestones, lead units, commitments) are pinned here; the
example CSV is evaluated to the statuses examples/README.md promises.
"""
from __future__ import annotations

from collections import Counter

import pytest

from tests.helpers.paths import EXAMPLES_DIR, PLANS_DIR
from tests.helpers.plan_files import csv_rows, example_report, raw_plan, raw_targets_by_id

PLAN = PLANS_DIR / "bengbu-sti-2023-2025.yaml"
EXAMPLE = EXAMPLES_DIR / "bengbu.csv"
SOURCE_FILE = "sources/bengbu-sti-2023-2025.txt"
ILLUSTRATIVE = "示例数据 (illustrative)"




def test_the_rank_target_is_lower_is_better() -> None:
    from policycheck.plans.build import check_plan_file

    checked = check_plan_file(str(PLAN))
    assert checked.plan is not None
    rank = checked.plan.target("basic-research-rank")
    assert rank is not None
    assert (rank.kind, rank.comparator, rank.milestones, rank.lead) == ("rank", "<=", ((2025, 5.0),), "kjj")


def test_plan_header() -> None:
    plan = raw_plan(PLAN)["plan"]
    assert plan["id"] == "bengbu-sti-2023-2025"
    assert plan["title"] == "蚌埠市加快建设科技强市三年行动方案（征求意见稿）"
    assert plan["period"] == {"start": 2023, "end": 2025}
    assert plan["baseline_year"] == 2022
    assert plan["source"] == {"file": SOURCE_FILE, "title": "蚌埠市加快建设科技强市三年行动方案（征求意见稿）"}


def test_strict_comparators_follow_chao_tupo_gaoyu() -> None:
    """超过1万项, 突破140家, 突破150家 and 高于全市贷款平均水平 are strict."""
    strict = sorted(t["id"] for t in raw_plan(PLAN)["targets"] if t.get("comparator") == ">")
    assert strict == [
        "achievements-transferred", "envoy-service-carriers", "tech-loan-growth", "tech-service-agencies",
    ]


def test_spot_checks() -> None:
    targets = raw_targets_by_id(PLAN)
    assert targets["rd-intensity"]["milestones"] == {2025: 3}
    assert "responsible" not in targets["rd-intensity"]
    assert targets["innovative-city"]["milestones"] == {2025: True}
    assert targets["industrial-tech-projects"]["responsible"][0] == "fgw"
    # 二 发展目标 (under 力争) and 三（一）2 (100项以上, binding) state it: the headline wins.
    assert targets["industrial-tech-projects"]["commitment"] == "aspirational"
    assert targets["industrial-tech-projects"]["section"] == "二"
    assert {targets[t]["section"] for t in (
        "rd-platforms", "tech-smes", "hnte", "achievements-transferred")} == {"二"}
    assert targets["no-rd-activity-1bn"]["comparator"] == "<="
    assert targets["no-rd-activity-1bn"]["milestones"] == {2025: 0}
    assert targets["no-rd-activity-1bn"]["responsible"][0] == "jxj"
    assert targets["sei-output-cagr"]["kind"] == "cagr"
    assert targets["finance-matchmaking-events"]["value"] == [3, 5]
    assert targets["finance-matchmaking-events"]["responsible"][0] == "jrj"
    assert targets["innovation-teams"]["comparator"] == "approx"
    assert targets["tech-loan-growth"]["reference"] == "city-loan-growth"
    assert targets["innovation-teams"]["responsible"] == ["zzb", "rsj", "kjj", "counties"]
    assert "responsible" not in targets["tech-service-agencies"]


def test_every_task_target_ends_with_the_county_governments() -> None:
    """责任单位均包括各县区政府、市高新区、市经开区管委会,不单独列出,下同."""
    for target in raw_plan(PLAN)["targets"]:
        if "responsible" in target:
            assert target["responsible"][-1] == "counties", target["id"]


def test_every_responsible_unit_is_defined_and_used() -> None:
    data = raw_plan(PLAN)
    used = {u for t in data["targets"] for u in t.get("responsible", [])}
    assert used == set(data["units"])



def test_example_is_illustrative_with_two_gaps_and_one_estimate() -> None:
    rows = csv_rows(EXAMPLE)
    assert {row["source"] for row in rows} == {ILLUSTRATIVE}
    assert {row["plan"] for row in rows} == {"bengbu-sti-2023-2025"}
    assert [(r["target"], r["year"]) for r in rows if r["value"] == "—"] == [
        ("rd-institution-share", "2024"), ("tech-service-agencies", "2022"),
    ]
    assert Counter(r["status"] for r in rows) == {"final": 96, "estimate": 1}


#: What the illustrative 2024 data are meant to show (examples/README.md).
# Counts in 位 and 家 follow the whole-number schedule (docs/evaluation.md#small-counts):
# basic-research-rank (7th against an expected 6.33, i.e. 7) and hnte-5bn-sales (2 firms
# against 2.33, i.e. 2) are on track, not at risk.
EXPECTED_2024 = {
    "met": 5, "on_track": 13, "at_risk": 2, "off_track": 4,
    "regressing": 1, "missed": 3, "no_data": 1, "pending": 2,
}



def test_example_2024_gives_every_status() -> None:
    report = example_report(PLAN, EXAMPLE)
    statuses = {r.target: r.status for r in report.results}
    assert Counter(statuses.values()) == EXPECTED_2024
    assert {r.year for r in report.results} == {2024}
    assert sorted(r.target for r in report.results if r.failing) == [
        "innovation-teams", "innovative-county-coverage",
    ]
    assert statuses["specialised-smes"] == "regressing"
    assert statuses["rd-institution-share"] == "no_data"
    assert statuses["tech-service-agencies"] == "pending"  # no 2022 baseline
    assert statuses["innovative-city"] == "pending"  # due 2025
    assert statuses["tech-loan-growth"] == "missed"  # 9.8 % against the city's 10.5 %


def test_example_2024_rd_intensity_uses_the_final_row() -> None:
    report = example_report(PLAN, EXAMPLE)
    result = next(r for r in report.results if r.target == "rd-intensity")
    assert result.actual == pytest.approx(2.79)
    assert result.expected == pytest.approx(2.8)
    assert result.progress_ratio == pytest.approx(0.39 / 0.4)
    assert result.status == "on_track"
    assert [(s.target, s.year, s.status, s.value) for s in report.superseded] == [
        ("rd-intensity", 2024, "estimate", 2.75)
    ]


def test_example_2024_cagr_and_cumulative_numbers() -> None:
    by_target = {r.target: r for r in example_report(PLAN, EXAMPLE).results}
    cagr = by_target["sei-output-cagr"]
    assert cagr.actual == pytest.approx((1.28 ** 0.5 - 1) * 100)
    assert cagr.status == "at_risk"
    transferred = by_target["achievements-transferred"]
    assert transferred.actual == pytest.approx(6900)
    assert transferred.expected == 6666  # 20000 / 3 in whole 项 (docs/evaluation.md#small-counts)
    assert transferred.status == "on_track"


def test_check_command_exits_1_on_the_two_binding_shortfalls() -> None:
    from click.testing import CliRunner

    from policycheck.cli.commands import main

    result = CliRunner().invoke(
        main, ["check", str(PLAN), "-a", str(EXAMPLE), "-q", "--no-color"], catch_exceptions=False
    )
    assert result.exit_code == 1
    assert "；2 项不通过" in result.output
