"""要求: what a target requires, as one text, in JSON, CSV, every human format and explain.

docs/reports.md#the-requirement-要求: one function (policycheck.evaluation.requirement)
writes it; the JSON and the machine CSV carry it as ``requirement``.
"""
from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from click.testing import CliRunner

from policycheck.cli.commands import main
from policycheck.evaluation.engine import evaluate
from policycheck.evaluation.requirement import localise_requirement, requirement_text
from policycheck.model import Scope, TimesBaseline
from tests.helpers.evaluation_inputs import actuals, plan, target
from tests.helpers.paths import EXAMPLES_DIR, PLANS_DIR

TAICANG = [str(PLANS_DIR / "taicang-sti-2018-2020.yaml"), "-a", str(EXAMPLES_DIR / "taicang.csv")]
BENGBU = [str(PLANS_DIR / "bengbu-sti-2023-2025.yaml"), "-a", str(EXAMPLES_DIR / "bengbu.csv")]


@pytest.mark.parametrize(("kw", "options", "text"), [
    ({"milestones": ((2020, 3.2),)}, {}, "≥3.2"),
    ({"kind": "annual", "comparator": ">", "value": 40.0}, {}, ">40"),
    ({"kind": "annual", "comparator": "between", "value": (3.0, 5.0)}, {}, "3—5"),
    ({"comparator": "approx", "milestones": ((2027, 65.0),)}, {"tolerance": 0.05}, "≈65 (±5%)"),
    ({"comparator": "approx", "milestones": ((2027, 1500.0),), "tolerance": 0.1}, {"tolerance": 0.05},
     "≈1500 (±10%)"),
    ({"comparator": "<=", "milestones": ((2027, 5.0),)}, {}, "≤5"),
    ({"comparator": "<=", "milestones": ((2027, 0.0),)}, {}, "清零"),
    ({"kind": "milestone", "milestones": ((2027, True),), "name": "建成国家创新型县（市）"}, {}, "建成"),
    ({"kind": "milestone", "milestones": ((2020, True),), "name": "国家高新区获批"}, {}, "获批"),
    ({"kind": "milestone", "milestones": ((2027, True),), "name": "浙江省“科技创新鼎”"}, {}, "完成"),
    ({"kind": "rank", "milestones": ((2025, 5.0),)}, {}, "前5名"),
    ({"kind": "rank", "comparator": "<", "milestones": ((2025, 5.0),)}, {}, "前4名"),
    ({"milestones": ((2027, TimesBaseline(2.0)),)}, {}, "≥2×基期"),
    ({"kind": "annual", "comparator": ">", "reference": "prov"}, {"reference": "全省平均"}, ">全省平均"),
    # 与经济增长同步: a reference under 左右 states its band and its direction, as a number would
    ({"kind": "growth", "comparator": "approx", "direction": "up", "reference": "gdp"},
     {"reference": "地区生产总值增长", "tolerance": 0.05}, "≳地区生产总值增长 (±5%)"),
    ({"kind": "growth", "comparator": "approx", "reference": "gdp", "tolerance": 0.1},
     {"reference": "地区生产总值增长", "tolerance": 0.05}, "≈地区生产总值增长 (±10%)"),
    ({"kind": "growth", "comparator": "approx", "direction": "down", "reference": "gdp",
      "tolerance_absolute": 0.5}, {"reference": "地区生产总值增长"}, "≲地区生产总值增长 (±0.5)"),
    ({"milestones": ((2027, 3.456),)}, {}, "≥3.46"),
    ({"comparator": "between", "milestones": ((2027, (3.0, 5.0)),), "direction": "up"}, {}, "≥3 (3—5)"),
    ({"comparator": "==", "milestones": ((2027, 4.0),)}, {}, "=4"),
    # = with a direction is at least / at most its value (docs/evaluation.md#notation), and says so
    ({"comparator": "==", "milestones": ((2027, 30.0),), "direction": "up"}, {}, "≥30"),
    ({"comparator": "==", "milestones": ((2027, 30.0),), "direction": "down"}, {}, "≤30"),
    ({"comparator": "==", "milestones": ((2027, 0.0),), "direction": "down"}, {}, "清零"),
])
def test_requirement_text(kw: dict[str, Any], options: dict[str, Any], text: str) -> None:
    assert requirement_text(target("t", **kw), **options) == text


@pytest.mark.parametrize(("text", "english"), [
    ("前5名", "top 5"), ("清零", "zero"), ("建成", "built"), ("获批", "approved"), ("完成", "done"),
    ("≥2×基期", "≥2× baseline"), ("≥3.2", "≥3.2"), ("3—5", "3—5"), ("≈65 (±5%)", "≈65 (±5%)"),
    ("≥3.6 (2023年≥3)", "≥3.6 (2023: ≥3)"),
    ("位次比2020年提升3位 (2023年前8名)", "3 places up from 2020 (2023: top 8)"),
])
def test_requirement_in_english(text: str, english: str) -> None:
    assert localise_requirement(text, "en") == english
    assert localise_requirement(text, "zh") == text


def test_a_unit_states_its_own_allocation_and_doubled_baseline() -> None:
    area = target("area", milestones=((2027, 10.0),), scope=Scope(allocations={"a": 4.0, "b": 6.0}))
    double = target("double", milestones=((2027, TimesBaseline(2.0)),))
    data = actuals({("area", "a"): {2022: 1.0, 2025: 2.0}, ("area", "b"): {2025: 3.0},
                    ("double", None): {2022: 1.25, 2025: 2.0}})
    report = evaluate([plan(area, double)], data)
    assert [(r.target, r.unit, r.requirement) for r in report.results] == [
        ("area", "a", "≥4"), ("area", "b", "≥6"), ("double", None, "≥2.5")]


RD = target("rd", milestones=((2023, 3.0), (2025, 3.6)))
RD_SERIES = {2022: 2.6, 2023: 3.0, 2024: 3.2, 2025: 3.59}


@pytest.mark.parametrize(("year", "status", "text"), [
    (2023, "met", "≥3.6 (2023年≥3)"),  # judged against the 2023 milestone: the row says so
    (2024, "at_risk", "≥3.6"),  # on the way: the schedule is 序时目标值, the requirement the final one
    (2025, "missed", "≥3.6"),
])
def test_a_result_judged_at_a_milestone_states_that_milestone_beside_the_final(
        year: int, status: str, text: str) -> None:
    (result,) = evaluate([plan(RD, start=2023, end=2025)], actuals({("rd", None): RD_SERIES}), year=year).results
    assert (result.status, result.requirement) == (status, text)


def test_a_milestone_met_early_by_the_final_value_states_the_final_alone() -> None:
    (result,) = evaluate([plan(RD, start=2023, end=2025)], actuals({("rd", None): {2022: 2.6, 2023: 3.7}}),
                         year=2023).results
    assert (result.status, result.reason_code, result.requirement) == ("met", "final_met_early", "≥3.6")


def test_the_table_row_at_a_milestone_year_states_the_requirement_it_was_judged_by(tmp_path: Any) -> None:
    plan_file = tmp_path / "base.yaml"
    plan_file.write_text(
        "policycheck: 1\n"
        "plan: {id: demo, title: 示范市科技创新规划, period: {start: 2021, end: 2025}, baseline_year: 2020}\n"
        "units: {kjj: {name: 市科技局}}\n"
        "targets:\n"
        "  - {id: rd, name: 研发投入强度, unit: \"%\", kind: level, comparator: \">=\",\n"
        "     milestones: {2023: 3.0, 2025: 3.6}, responsible: [kjj], quote: 到2025年研发投入强度达3.6%}\n",
        encoding="utf-8")
    data = tmp_path / "a.csv"
    data.write_text("target,year,value\nrd,2020,2.6\nrd,2021,2.7\nrd,2022,2.8\nrd,2023,3.0\n", encoding="utf-8")
    zh = _run("check", str(plan_file), "-a", str(data), "--year", "2023", "-f", "text")
    assert zh.exit_code == 0, zh.output
    assert [line.split() for line in zh.output.splitlines() if line.startswith("rd ")] == [
        ["rd", "研发投入强度", "≥3.6", "(2023年≥3)", "3", "3", "0", "100%", "83.3%", "已达成"]]
    en = _run("check", str(plan_file), "-a", str(data), "--year", "2023", "-f", "text", "--lang", "en")
    assert [line.split()[2:6] for line in en.output.splitlines() if line.startswith("rd ")] == [
        ["≥3.6", "(2023:", "≥3)", "3"]]
    report = json.loads(_run("check", str(plan_file), "-a", str(data), "--year", "2023", "-f", "json").output)
    (row,) = report["results"]
    assert (row["requirement"], row["reason"]) == ("≥3.6 (2023年≥3)", "milestone ≥3 for 2023 reached: actual 3")


def _run(*args: str) -> Any:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code in (0, 1), result.output
    return result


def test_json_and_machine_csv_carry_the_requirement() -> None:
    data = json.loads(_run("check", *TAICANG, "-f", "json").stdout)
    by_target = {r["target"]: r for r in data["results"]}
    assert (by_target["leading-talent"]["requirement"], by_target["rd-intensity"]["requirement"],
            by_target["town-focus-industries"]["requirement"], by_target["national-hitech-zone"]["requirement"]
            ) == (">40", "≥3.2", "1—2", "获批")
    rows = list(csv.DictReader(io.StringIO(_run("check", *TAICANG, "-f", "csv").stdout.lstrip("\ufeff"))))
    assert {row["target"]: row["requirement"] for row in rows}["leading-talent"] == ">40"


@pytest.mark.parametrize(("fmt", "line"), [
    ("text", "leading-talent                 每年新增各级科技领军人才                                        >40  "
             "         40            40       0               —      100%  未达成（力争）"),
    ("markdown", "| leading-talent | 每年新增各级科技领军人才 | \\>40 | 40 | 40 | 0 | — | 100% | 未达成（力争） |"),
])
def test_the_taicang_leading_talent_row_states_more_than_40(fmt: str, line: str) -> None:
    output = _run("check", *TAICANG, "-f", fmt).stdout
    assert line in output.splitlines()


def test_the_rich_table_states_it_too_and_never_fills_the_bar_of_a_missed_target(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "160")
    lines = _run("check", *TAICANG, "-f", "table", "--no-color").stdout.splitlines()
    assert ("leading-talent                 每年新增各级科技领军人才                 >40        40          40"
            "       0             —  █████████░   100%  未达成（力争）") in lines
    assert ("hnte-new-annual                每年新增高新技术企业                     ≥60        58          60"
            "      -2             —  █████████░  96.7%  未达成") in lines


def test_html_cards_and_explain_state_the_requirement() -> None:
    html = _run("check", *TAICANG, "-f", "html").stdout
    card = html[html.index("<h3>每年新增各级科技领军人才</h3>"):]
    card = card[:card.index("</article>")]
    assert "<div><dt>要求</dt><dd>&gt;40</dd></div>" in card
    explain = _run("explain", TAICANG[0], "leading-talent", *TAICANG[1:]).stdout.splitlines()
    assert explain[2] == "要求：>40（每年，至2020年）"
    english = _run("explain", TAICANG[0], "rd-intensity", *TAICANG[1:], "--lang", "en").stdout.splitlines()
    assert english[2] == "Requirement: ≥3.2 (by 2020)"


def test_rank_zero_range_and_approx_read_as_the_document_writes_them() -> None:
    lines = _run("check", *BENGBU, "-f", "text").stdout.splitlines()
    requirement = {line.split()[0]: line.split()[2] for line in lines if line.startswith(
        ("basic-research-rank ", "no-rd-institution-500m ", "finance-matchmaking-events ", "innovation-teams "))}
    assert requirement == {"basic-research-rank": "前5名", "no-rd-institution-500m": "清零",
                           "finance-matchmaking-events": "3—5", "innovation-teams": "≈20"}
    assert any("≈20 (±5%)" in line for line in lines if line.startswith("innovation-teams "))
    english = _run("check", *BENGBU, "-f", "text", "--lang", "en").stdout
    assert " top 5 " in english and " zero " in english
