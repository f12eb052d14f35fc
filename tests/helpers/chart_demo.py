"""A hand-made Report with every kind of chart, for the HTML report tests.

It holds a level target with baseline, milestones, path, actuals and a
projection; a rank, a cumulative and a cagr target; annual and growth targets
with history; two milestone targets (done, not yet); a no_data and a pending
card; a scoped result; and hostile text in every field a plan or CSV controls.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from policycheck.evaluation.reasons import because
from policycheck.findings import Finding
from policycheck.model import (
    Baseline,
    HistoryEntry,
    Location,
    PlanInfo,
    Report,
    Result,
    Summary,
    UnitShortfall,
    UnitSummary,
)

PLAN = "demo-2023-2027"
PLAN_FILE = "plans/demo.yaml"
SCRIPT = "<script>alert(1)</script>"
ONERROR = '" onerror="x'
IMG = "'><img src=x onerror=alert(2)>"
HOSTILE = (SCRIPT, ONERROR, IMG)

_BASE = Result(
    plan=PLAN, target="", unit=None, name="", kind="level", comparator=">=", measure="%",
    commitment="binding", lead="kjj", responsible=("kjj",), location=Location(PLAN_FILE, 1, 5),
    year=2024, actual=None, data_status="final", baseline=None, target_value=None,
    target_year=2027, expected=None, gap=None, attainment=None, progress=None, time_progress=0.4,
    progress_ratio=None, required_annual=None, trend_annual=None, projected=None,
    projected_met=None, method="linear", status="met", failing=False, reason="",
)


def _result(target: str, line: int, **fields: Any) -> Result:
    return replace(_BASE, target=target, location=Location(PLAN_FILE, line, 5), **fields)


LEVEL = _result(
    "rd-intensity", 10, name="全社会研发经费投入强度", name_en="R&D spending as a share of GDP",
    actual=3.2, baseline=Baseline(2022, 3.0), target_value=3.6, expected=3.24, gap=-0.04,
    attainment=0.8888888888888888, progress=0.3333333333333333, progress_ratio=0.8333333333333334,
    required_annual=0.13333333333333333, trend_annual=0.1, projected=3.5, projected_met=False,
    status="at_risk", **because("behind_below", method="linear", difference="0.04", expected="3.24").result_fields(),
    path=((2022, 3.0), (2025, 3.3), (2027, 3.6)),
    observed=((2021, 2.9), (2022, 3.0), (2023, 3.1), (2024, 3.2)),
)
RANK = _result(
    "basic-research-rank", 20, name="基础研究经费占比全省排名", kind="rank", comparator="<=", measure="位",
    actual=7.0, baseline=Baseline(2022, 9.0), target_value=5.0, expected=7.4, gap=-0.4, attainment=0.7142857142857143,
    required_annual=-0.6666666666666666, trend_annual=-1.0, projected=4.0, projected_met=True,
    status="on_track", reason="on the linear schedule", path=((2022, 9.0), (2027, 5.0)),
    observed=((2022, 9.0), (2023, 8.0), (2024, 7.0)),
)
CUMULATIVE = _result(
    "tech-transfer", 30, name="累计转化科技成果", kind="cumulative", measure="项", actual=3900.0,
    baseline=Baseline(2022, 0.0), target_value=10000.0, expected=4000.0, gap=-100.0, attainment=0.39,
    required_annual=2033.3333333333333, trend_annual=1950.0, projected=9750.0, projected_met=False,
    status="on_track", reason="on the linear schedule", path=((2022, 0.0), (2027, 10000.0)),
    observed=((2023, 1800.0), (2024, 2100.0)),
)
CAGR = _result(
    "emerging-output", 40, name="战略性新兴产业产值年均增速", kind="cagr", measure="%", actual=11.80339887498949,
    baseline=Baseline(2022, 1000.0), target_value=15.0, expected=15.0, gap=-3.19660112501051,
    attainment=0.7868932583326327, status="at_risk", reason="average growth 11.8% of the 15% required",
    level=1250.0, expected_level=1322.5, observed=((2022, 1000.0), (2023, 1120.0), (2024, 1250.0)),
)
ANNUAL = _result(
    "new-hitech", 50, name="每年新增高新技术企业", kind="annual", measure="家", actual=55.0, target_value=60.0,
    target_year=None, expected=60.0, gap=-5.0, attainment=0.9166666666666666, status="missed", failing=True,
    reason="55 of the 60 due in 2024",
    history=(HistoryEntry(2023, 62.0, "met"), HistoryEntry(2024, 55.0, "missed")), years_met=1, years_due=2,
)
GROWTH = _result(
    "science-budget", 60, name="财政科技投入增长", kind="growth", measure="%", actual=None, target_value=15.0,
    target_year=None, status="no_data", data_status=None, reason="no value for 2024",
    history=(HistoryEntry(2023, 16.2, "met"), HistoryEntry(2024, None, "no_data")), years_met=1, years_due=2,
)
MILESTONE_DONE = _result(
    "innovative-city", 70, name="建成国家创新型城市", kind="milestone", comparator=None, measure=None,
    actual=True, target_value=True, target_year=2026, attainment=1.0, status="met", achieved_year=2024,
    reason="achieved in 2024", observed=((2023, False), (2024, True)),
)
MILESTONE_PENDING = _result(
    "lab-platform", 80, name="建成省级实验室", kind="milestone", comparator=None, measure=None, actual=False,
    target_value=True, target_year=2027, attainment=0.0, status="pending", reason="due in 2027",
    observed=((2023, False), (2024, None)),
)
NO_DATA = _result(
    "patents", 90, name="每万人口高价值发明专利拥有量", measure="件", actual=None, baseline=Baseline(2022, 50.0),
    target_value=70.0, data_status=None, status="no_data", reason="no value for 2024; the last is 55 in 2023",
    last_year=2023, last_value=55.0, path=((2022, 50.0), (2027, 70.0)),
    observed=((2022, 50.0), (2023, 55.0), (2024, None)),
)
PENDING = _result(
    "final-year-compare", 100, name="研发强度超过全省平均", kind="annual", measure="%", target_value=None,
    target_year=None, status="pending", data_status=None, reason="due in 2027 only", history=(),
)
SCOPED = _result(
    "carrier-area", 110, unit="dongcheng", name="新投入使用创新载体面积", measure="万平方米", actual=0.5,
    baseline=Baseline(2022, 0.0), target_value=1.0, expected=0.4, gap=0.1, attainment=0.5,
    required_annual=0.16666666666666666, trend_annual=0.25, projected=1.25, projected_met=True,
    status="on_track", reason="on the linear schedule", path=((2022, 0.0), (2027, 1.0)),
    observed=((2023, 0.2), (2024, 0.5)), responsible=("kjj",),
)
HOSTILE_RESULT = _result(
    "hostile", 120, name=SCRIPT, name_en=ONERROR, measure=IMG, actual=2.0, baseline=Baseline(2022, 1.0),
    target_value=5.0, expected=2.2, gap=-0.2, attainment=0.4, status="off_track", failing=True,
    reason=f"{ONERROR} {IMG}", path=((2022, 1.0), (2027, 5.0)), observed=((2023, 1.5), (2024, 2.0)),
    projected=3.5, lead="evil", responsible=("evil",),
)

RESULTS = (LEVEL, RANK, CUMULATIVE, CAGR, ANNUAL, GROWTH, MILESTONE_DONE, MILESTONE_PENDING, NO_DATA,
           PENDING, SCOPED, HOSTILE_RESULT)

UNITS = (
    UnitSummary("evil", f"{SCRIPT}局", led=1, supported=0, by_status={"off_track": 1},
                shortfalls=(UnitShortfall(PLAN, "hostile", None, "lead", "off_track", -0.2),), name_en=ONERROR),
    UnitSummary("kjj", "市科技局", led=10, supported=0, by_status={"missed": 1, "at_risk": 2},
                shortfalls=(UnitShortfall(PLAN, "new-hitech", None, "lead", "missed", -5.0),
                            UnitShortfall(PLAN, "rd-intensity", None, "lead", "at_risk", -0.04),
                            UnitShortfall(PLAN, "emerging-output", None, "lead", "at_risk", -3.19660112501051)),
                name_en="Science and Technology Bureau"),
    UnitSummary("dongcheng", "东城街道", led=0, supported=0, by_status={}, shortfalls=()),
)


def _by_status(results: tuple[Result, ...]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for result in results:
        counts[result.status] = counts.get(result.status, 0) + 1
    return counts


def build_report(results: tuple[Result, ...] = RESULTS) -> Report:
    """The fixed report (a function, so no test can share a mutated copy)."""
    return Report(
        tool={"name": "policycheck", "version": "0.1.0"},
        method="linear",
        thresholds={"on_track": 0.95, "at_risk": 0.6},
        fail_on="off-track",
        plans=(PlanInfo(PLAN, f"示范市科技创新实施方案（2023—2027年）{SCRIPT}", PLAN_FILE, (2023, 2027), 2022, 2024),),
        results=results,
        units=UNITS,
        summary=Summary(results=len(results), by_status=_by_status(results), failing=sum(r.failing for r in results)),
        findings=(Finding("PC309", "warning", PLAN_FILE, 120, 5, f"target hostile has no quote {SCRIPT}"),),
    )
