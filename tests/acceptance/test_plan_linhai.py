"""The Linhai "315" plan (2023-2027): its YAML encoding and its example actuals.

The plan file is checked three ways: it validates with zero findings, every
quote is found verbatim in the source document (plans/sources/), and the encoding choices a
reviewer would dispute (comparators, milestones, lead units) are pinned here.
"""
from __future__ import annotations

from collections import Counter

import pytest

from tests.helpers.paths import EXAMPLES_DIR, PLANS_DIR
from tests.helpers.plan_files import csv_rows, example_report, raw_plan, raw_targets_by_id

PLAN = PLANS_DIR / "linhai-315-2023-2027.yaml"
EXAMPLE = EXAMPLES_DIR / "linhai.csv"
SOURCE_FILE = "sources/linhai-315-2023-2027.txt"




def test_rd_intensity_is_a_level_target_without_a_lead() -> None:
    from policycheck.plans.build import check_plan_file

    checked = check_plan_file(str(PLAN))
    assert checked.plan is not None
    rd = next(t for t in checked.plan.targets if t.id == "rd-intensity")
    assert (rd.kind, rd.comparator, rd.milestones, rd.lead) == ("level", ">=", ((2027, 3.6),), None)


def test_plan_header() -> None:
    plan = raw_plan(PLAN)["plan"]
    assert plan["id"] == "linhai-315-2023-2027"
    assert plan["period"] == {"start": 2023, "end": 2027}
    assert plan["baseline_year"] == 2022
    assert plan["source"] == {
        "file": SOURCE_FILE,
        "title": "临海市人民政府关于印发临海市落实“315”科技创新体系建设工程实施方案（2023—2027年）的通知",
    }


def test_strict_comparators_follow_chao() -> None:
    """超 is strict: 超400家, 超1500家, 超17.28亿元, 高技能人才超5万人."""
    strict = sorted(t["id"] for t in raw_plan(PLAN)["targets"] if t.get("comparator") == ">")
    assert strict == [
        "high-skilled-talents", "hightech-enterprises", "hightech-investment-growth",
        "tech-smes", "tech-trade-volume",
    ]


def test_spot_checks() -> None:
    targets = raw_targets_by_id(PLAN)
    assert targets["rd-intensity"]["milestones"] == {2027: 3.6}
    assert "responsible" not in targets["rd-intensity"]
    assert targets["hightech-share"]["milestones"] == {2023: 73.7, 2027: 76}
    assert targets["hightech-share"]["responsible"][0] == "jxj"
    # Stated in 一（二） and again in 二（三）3: encoded once, from the headline sentence.
    assert targets["hightech-share"]["section"] == "一（二）"
    assert targets["innovative-county"]["section"] == "一（二）"
    assert targets["tech-trade-volume"]["milestones"] == {2023: 17.28, 2027: 19}
    assert targets["ip-pledge"]["responsible"][0] == "jrzx"
    assert len(targets["ip-pledge"]["responsible"]) == 9
    assert targets["skilled-talents"]["responsible"][0] == "rsj"
    assert targets["overseas-engineers"]["responsible"][0] == "zzb"
    assert targets["digital-transformation-coverage"]["milestones"] == {2027: 100}
    assert targets["hightech-investment-growth"]["reference"] == "fai-growth"
    assert targets["fiscal-st-growth"]["value"] == 15
    assert targets["new-hightech-2023"]["years"] == [2023, 2023]
    assert targets["innovation-tripod"]["commitment"] == "aspirational"
    assert targets["innovative-county"].get("commitment", "binding") == "binding"


def test_every_responsible_unit_is_defined_and_used() -> None:
    data = raw_plan(PLAN)
    used = {u for t in data["targets"] for u in t.get("responsible", [])}
    assert used == set(data["units"])



def test_example_marks_illustrative_numbers_and_keeps_one_gap() -> None:
    rows = csv_rows(EXAMPLE)
    assert {row["source"] for row in rows} == {"示例数据 (illustrative)"}
    assert [(r["target"], r["year"]) for r in rows if r["value"] == "—"] == [
        ("chuying-projects", "2025")
    ]
    assert Counter(r["status"] for r in rows) == {"final": 227, "estimate": 1, "preliminary": 1}


#: What the illustrative 2025 data are meant to show (examples/README.md); the eight
#: one-year 2023 requirements keep their 2023 verdict (seven met, one missed).
# Small counts follow the whole-number schedule (docs/evaluation.md#small-counts): 1 of 2
# laboratories, 3 of 5 consortia, 0 of 1 centre are on track where a straight line asked
# for 1.2, 3.4 and 0.6 of them.
EXPECTED_2025 = {
    "met": 18, "on_track": 24, "at_risk": 5, "off_track": 2,
    "regressing": 1, "missed": 3, "no_data": 1, "pending": 2,
}



def test_example_2025_gives_every_status() -> None:
    report = example_report(PLAN, EXAMPLE)
    by_target = {r.target: r for r in report.results}
    assert Counter(r.status for r in report.results) == EXPECTED_2025
    assert {r.year for r in report.results} == {2025}
    failing = sorted(r.target for r in report.results if r.failing)
    # agri-sci-parks (1 park in 2025, 2 due by 2027) is on the whole-number schedule: no
    # second park is due before 2027 (docs/evaluation.md#small-counts).
    assert failing == ["ip-pledge", "iur-events", "new-prov-enterprise-tech-centers-2023", "rd-personnel-per-10k"]
    # Aspirational shortfalls are reported but do not fail the run.
    assert by_target["tech-smes"].status == "off_track"
    assert by_target["tech-smes"].failing is False
    assert by_target["ip-pledge"].status == "regressing"
    assert by_target["chuying-projects"].status == "no_data"


def test_example_2025_numbers_for_rd_intensity_use_the_final_row() -> None:
    result = next(r for r in example_report(PLAN, EXAMPLE).results if r.target == "rd-intensity")
    assert result.actual == pytest.approx(3.38)
    assert result.expected == pytest.approx(3.368)
    assert result.progress_ratio == pytest.approx(0.36 / 0.348)
    assert result.status == "on_track"


def test_example_2023_judges_the_one_year_requirements() -> None:
    """In 2023 the 2023-only targets are due: one of them was missed."""
    statuses = {r.target: r.status for r in example_report(PLAN, EXAMPLE, year=2023).results}
    one_year = {t for t in statuses if t.endswith("-2023")}
    assert {t: statuses[t] for t in one_year if statuses[t] != "met"} == {
        "new-prov-enterprise-tech-centers-2023": "missed"
    }
    assert len(one_year) == 8


def test_example_2025_keeps_the_2023_verdict_of_the_one_year_requirements() -> None:
    """docs/evaluation.md, one-year requirements: a 2025 check shows what 2023 gave."""
    by_target = {r.target: r for r in example_report(PLAN, EXAMPLE).results}
    missed = by_target["new-prov-enterprise-tech-centers-2023"]
    assert (missed.year, missed.status, missed.actual, missed.requirement) == (2025, "missed", 0.0, "≥1")
    assert missed.reason == "the 2023 requirement ≥1 was not met: actual 0 in 2023"
    met = by_target["new-prov-enterprise-institutes-2023"]
    assert (met.status, met.actual, met.history) == ("met", 3.0, met.history)
    assert met.reason_code == "one_year_met" and met.reason_args["year"] == "2023"
