"""A small fixed Report built by hand, for the exact-output tests of reporters.

It covers every status, binding and aspirational targets, a scoped result, a
CJK name, a name full of characters that formats must escape (``| < % , :``
and a newline), a name that looks like a spreadsheet formula, findings and a
superseded row.  Changing it means regenerating tests/fixtures/reports/
deliberately (see tests/reporters/test_golden.py).
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from policycheck.findings import Finding
from policycheck.model import (
    Baseline,
    HistoryEntry,
    Location,
    PlanInfo,
    Report,
    Result,
    Summary,
    Superseded,
    UnitShortfall,
    UnitSummary,
)

PLAN = "demo-2021-2025"
PLAN_FILE = "plans/demo.yaml"
OTHER = "other-2021-2025"
ESCAPE_NAME = '产值|占比<50%, 口径:新\n"口径"'

_BASE = Result(
    plan=PLAN, target="", unit=None, name="", kind="level", comparator=">=", measure="%",
    commitment="binding", lead="kjj", responsible=("kjj",), location=Location(PLAN_FILE, 1, 5),
    year=2023, actual=None, data_status="final", baseline=Baseline(2020, 2.0), target_value=None,
    target_year=2025, expected=None, gap=None, attainment=None, progress=None, time_progress=0.6,
    progress_ratio=None, required_annual=None, trend_annual=None, projected=None,
    projected_met=None, method="linear", status="met", failing=False, reason="",
)


def _result(target: str, line: int, **fields: Any) -> Result:
    return replace(_BASE, target=target, location=Location(PLAN_FILE, line, 5), **fields)


RESULTS = (
    _result("rd-intensity", 20, name="全社会研发经费投入强度", name_en="R&D spending as a share of GDP",
            actual=3.7, target_value=3.6, expected=3.36, gap=0.34, attainment=1.0277777777777777,
            progress=1.0, progress_ratio=1.6666666666666667, status="met", reason="the 2025 value 3.6 is reached",
            path=((2020, 2.0), (2025, 3.6)), observed=((2021, 2.5), (2022, 3.1), (2023, 3.7))),
    _result("hitech", 30, name="高新技术企业数", kind="annual", measure="家", actual=57.0, target_value=60.0,
            expected=60.0, gap=-3.0, attainment=0.95, status="at_risk", baseline=None, target_year=None,
            reason="57 of the 60 due this year",
            history=(HistoryEntry(2021, 61.0, "met"), HistoryEntry(2022, 60.0, "met"),
                     HistoryEntry(2023, 57.0, "at_risk")), years_met=2, years_due=3),
    _result("patents", 40, name="每万人口高价值发明专利拥有量", measure="件", actual=3.3, target_value=3.6,
            expected=3.36, gap=-0.06, attainment=0.9166666666666666, progress=0.5, progress_ratio=0.8333333333333334,
            required_annual=0.15, status="off_track", failing=True, responsible=("kjj", "jxj"),
            reason="behind the linear schedule: 0.06 below the expected 3.36"),
    _result("ipo", 50, name="上市企业", measure="家", actual=2.0, target_value=5.0, target_year=2023,
            expected=5.0, gap=-3.0, attainment=0.4, status="missed", commitment="aspirational",
            reason="the 2023 value 5 is not reached"),
    _result("output", 60, name=ESCAPE_NAME, actual=40.0, target_value=50.0, target_year=2023, expected=50.0,
            gap=-10.0, attainment=0.8, status="missed", failing=True, lead="jxj", responsible=("jxj", "kjj"),
            reason="the 2023 value 50 is not reached"),
    _result("labs", 70, name="=HYPERLINK(\"http://x\")", measure="个", target_value=10.0, status="no_data",
            data_status=None, last_year=2022, last_value=6.0, reason="no value for 2023; the last is 6 in 2022"),
    _result("zero", 80, name="+规上企业研发机构清零", comparator="<=", measure="家", target_value=0.0,
            status="pending", kind="milestone", reason="due in 2025"),
    _result("area", 90, unit="dongcheng", name="新投入使用创新载体面积", measure="万平方米", actual=0.8,
            target_value=1.0, expected=0.76, gap=0.04, attainment=0.8, status="on_track",
            responsible=("kjj",), reason="on the linear schedule"),
    replace(_result("talent", 12, name="引进高层次人才", name_en="High-level talent recruited", measure="人",
                    actual=120.0, target_value=100.0, expected=100.0, gap=20.0, attainment=1.2, status="met",
                    reason="the 2023 value 100 is reached", lead=None, responsible=()),
            plan=OTHER, location=Location("plans/other.yaml", 12, 5)),
)

_SHORTFALLS_KJJ = (
    UnitShortfall(PLAN, "patents", None, "lead", "off_track", -0.06),
    UnitShortfall(PLAN, "hitech", None, "lead", "at_risk", -3.0),
    UnitShortfall(PLAN, "ipo", None, "lead", "missed", -3.0),
    UnitShortfall(PLAN, "output", None, "support", "missed", -10.0),
)
UNITS = (
    UnitSummary("kjj", "市科技局", led=6, supported=1,
                by_status={"off_track": 1, "at_risk": 1, "missed": 1, "no_data": 1, "pending": 1, "met": 1},
                shortfalls=_SHORTFALLS_KJJ, name_en="Science and Technology Bureau"),
    UnitSummary("jxj", "市经信局", led=1, supported=1, by_status={"missed": 1},
                shortfalls=(UnitShortfall(PLAN, "output", None, "lead", "missed", -10.0),
                            UnitShortfall(PLAN, "patents", None, "support", "off_track", -0.06))),
    UnitSummary("dongcheng", "东城街道", led=0, supported=0, by_status={}, shortfalls=()),
)

FINDINGS = (
    Finding("PC405", "warning", "data/actuals.csv", 7, 1, "exact duplicate of row 6"),
    Finding("PC309", "warning", PLAN_FILE, 60, 5, "target output has no quote"),
)


def _by_status() -> dict[str, int]:
    counts: dict[str, int] = {}
    for result in RESULTS:
        counts[result.status] = counts.get(result.status, 0) + 1
    return counts


def build_report() -> Report:
    """The fixed report; a function so tests can never share a mutated copy."""
    return Report(
        tool={"name": "policycheck", "version": "0.1.0"},
        method="linear",
        thresholds={"on_track": 0.95, "at_risk": 0.6},
        fail_on="off-track",
        plans=(PlanInfo(PLAN, "示范市科技创新“十四五”规划", PLAN_FILE, (2021, 2025), 2020, 2023),
               PlanInfo(OTHER, "Talent plan | 人才", "plans/other.yaml", (2021, 2025), 2020, 2023)),
        results=RESULTS,
        units=UNITS,
        summary=Summary(results=len(RESULTS), by_status=_by_status(),
                        failing=sum(r.failing for r in RESULTS)),
        findings=FINDINGS,
        superseded=(Superseded("data/actuals.csv", 9, PLAN, "patents", None, 2023, "estimate", 3.1),),
    )
