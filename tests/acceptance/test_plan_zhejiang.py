"""Zhejiang's 2024 science work plan and the Longgang reply that carried it.

One published page, plans/sources/zhejiang-kjt-2024-work-report.txt, holds
two documents: the department's reply 浙科提〔2024〕297号 on 龙港市 (three
targets of its own, plans/longgang-sti-2024.yaml) and its attachment, the
province's 2024 work plan (plans/zhejiang-sti-2024.yaml).
Both validate with zero findings and quote that text verbatim; the example
CSVs use the figures the documents report and are evaluated here.
"""
from __future__ import annotations

import datetime
from collections import Counter

import pytest

from tests.helpers.paths import EXAMPLES_DIR, PLANS_DIR
from tests.helpers.plan_files import csv_rows, example_report, raw_plan, raw_targets_by_id

PLAN = PLANS_DIR / "zhejiang-sti-2024.yaml"
LONGGANG = PLANS_DIR / "longgang-sti-2024.yaml"
EXAMPLE = EXAMPLES_DIR / "zhejiang.csv"
LONGGANG_EXAMPLE = EXAMPLES_DIR / "longgang.csv"
SOURCE_FILE = "sources/zhejiang-kjt-2024-work-report.txt"
ILLUSTRATIVE = "示例数据 (illustrative)"
REPORTED = "浙江省科学技术厅2023年工作总结"





def test_plan_headers() -> None:
    zhejiang, longgang = raw_plan(PLAN)["plan"], raw_plan(LONGGANG)["plan"]
    assert (zhejiang["id"], zhejiang["region"], zhejiang["document"]) == ("zhejiang-sti-2024", "浙江省", "")
    assert (longgang["id"], longgang["region"], longgang["document"]) == (
        "longgang-sti-2024", "龙港市", "浙科提〔2024〕297号",
    )
    for plan in (zhejiang, longgang):
        assert plan["period"] == {"start": 2024, "end": 2024}
        assert plan["baseline_year"] == 2023
        assert plan["source"] == {"file": SOURCE_FILE, "published": datetime.date(2024, 7, 15),
                                  "title": "浙江省科学技术厅对省十四届人大二次会议温138号建议的答复"}


def test_no_target_claims_a_responsible_unit() -> None:
    targets = raw_plan(PLAN)["targets"]
    # The document lists no 责任单位 anywhere, so no target claims one.
    assert not any("responsible" in t for t in targets)
    assert "units" not in raw_plan(PLAN)


def test_strict_comparators_follow_chao_kuaiyu() -> None:
    strict = sorted(t["id"] for t in raw_plan(PLAN)["targets"] if t.get("comparator") == ">")
    assert strict == [
        "hightech-investment-growth", "hightech-investment-share", "hightech-value-added-share",
        "kcqj-annual-investment", "technology-trade", "vc-sub-funds",
    ]


def test_spot_checks() -> None:
    targets = raw_targets_by_id(PLAN)
    assert targets["rd-intensity"]["milestones"] == {2024: 3.2}
    assert targets["rd-intensity"]["commitment"] == "aspirational"
    assert targets["hightech-investment-growth"]["reference"] == "prov-fai-growth"
    assert targets["hightech-investment-growth"]["actuals"] == "rate"
    assert targets["new-tech-smes"]["unit"] == "万家"
    assert targets["new-tech-smes"]["value"] == 1.2
    assert targets["new-top-talent"]["comparator"] == "approx"
    assert targets["technology-trade"]["value"] == 4000
    assert targets["supergravity-facility-acceptance"]["milestones"] == {2024: True}
    assert "comparator" not in targets["supergravity-facility-acceptance"]
    assert targets["rd-activity-coverage-50m"].get("commitment", "binding") == "binding"


def test_longgang_targets() -> None:
    targets = raw_targets_by_id(LONGGANG)
    assert {t: (v["kind"], v["comparator"], v["value"], v["commitment"]) for t, v in targets.items()} == {
        "assistance-activities": ("annual", ">=", 300, "aspirational"),
        "technical-problems-solved": ("annual", ">=", 150, "aspirational"),
        "achievements-transferred": ("annual", ">=", 60, "aspirational"),
    }


def test_example_names_its_sources() -> None:
    rows = csv_rows(EXAMPLE)
    assert all(r["source"] == ILLUSTRATIVE for r in rows if r["year"] == "2024")
    reported = {r["target"]: r["value"] for r in rows if r["source"] == REPORTED}
    assert reported == {
        "rd-intensity": "3.15", "kcqj-annual-investment": "531.15", "new-national-key-labs": "9",
        "major-sti-achievements": "125", "technology-trade": "5257", "vc-mother-fund": "50",
        "envoy-team-pilots": "15", "new-hnte": "6800", "new-tech-smes": "1.6",
        "new-little-giants": "118", "new-leading-enterprises": "26", "new-innovation-consortia": "12",
        "new-intl-cooperation-carriers": "44",
    }
    # 研发投入强度预计达3.15%: the document's own figure is an estimate.
    assert [r["status"] for r in rows if r["target"] == "rd-intensity" and r["year"] == "2023"] == ["estimate"]
    assert [(r["target"], r["year"]) for r in rows if r["value"] == "—"] == [("integration-pilots", "2022")]



def test_example_2024_statuses() -> None:
    report = example_report(PLAN, EXAMPLE)
    statuses = {r.target: r.status for r in report.results}
    assert {r.year for r in report.results} == {2024}
    assert sorted(t for t, s in statuses.items() if s == "missed") == [
        "hightech-value-added-share", "industrial-rd-revenue-ratio", "national-tech-innovation-centre",
        "new-innovation-consortia", "provincial-labs-into-national", "rd-activity-coverage-50m",
        "talent-pilot-zone", "vc-mother-fund",
    ]
    assert Counter(statuses.values()) == {"met": 33, "missed": 8}
    assert sorted(r.target for r in report.results if r.failing) == [
        "new-innovation-consortia", "rd-activity-coverage-50m",
    ]


def test_example_2024_level_numbers_from_the_reported_baseline() -> None:
    result = next(r for r in example_report(PLAN, EXAMPLE).results if r.target == "rd-intensity")
    assert result.baseline is not None
    assert (result.baseline.year, result.baseline.value) == (2023, pytest.approx(3.15))
    assert result.actual == pytest.approx(3.22)
    assert result.status == "met"


def test_longgang_example() -> None:
    rows = csv_rows(LONGGANG_EXAMPLE)
    assert [(r["target"], r["year"]) for r in rows if r["value"] == "—"] == [
        ("assistance-activities", "2023"), ("technical-problems-solved", "2023"),
        ("achievements-transferred", "2023"),
    ]
    statuses = {r.target: r.status for r in example_report(LONGGANG, LONGGANG_EXAMPLE).results}
    assert statuses == {
        "assistance-activities": "met", "technical-problems-solved": "missed", "achievements-transferred": "met",
    }
    before = {r.target: r.status for r in example_report(LONGGANG, LONGGANG_EXAMPLE, year=2023).results}
    assert set(before.values()) == {"pending"}


def test_the_three_seed_plans_check_together() -> None:
    """Shared ids (rd-intensity, achievements-transferred) are told apart by the plan column."""
    from click.testing import CliRunner

    from policycheck.cli.commands import main

    bengbu = PLANS_DIR / "bengbu-sti-2023-2025.yaml"
    args = ["check", str(bengbu), str(PLAN), str(LONGGANG), "-q", "--no-color"]
    for example in (EXAMPLES_DIR / "bengbu.csv", EXAMPLE, LONGGANG_EXAMPLE):
        args += ["-a", str(example)]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 1
    assert "共 75 项结果" in result.output
    assert "；4 项不通过" in result.output
    for example, plan_id in ((EXAMPLE, "zhejiang-sti-2024"), (LONGGANG_EXAMPLE, "longgang-sti-2024")):
        assert {row["plan"] for row in csv_rows(example)} == {plan_id}
