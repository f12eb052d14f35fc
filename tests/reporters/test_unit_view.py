"""The unit view people send out: names, one row per unit and result with its roles
merged, units with most shortfalls first, ``units --unit``, 汇总 in every human format
and ``units -f csv`` with names, requirement, actual, gap and status label
(docs/reports.md#the-unit-view)."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from policycheck.cli.commands import main
from policycheck.evaluation.engine import evaluate
from policycheck.model import Scope
from policycheck.reporters import RenderOptions, render
from tests.helpers.evaluation_inputs import actuals, plan, target
from tests.helpers.paths import EXAMPLES_DIR, PLANS_DIR

TAICANG = [str(PLANS_DIR / "taicang-sti-2018-2020.yaml"), "-a", str(EXAMPLES_DIR / "taicang.csv")]


def _units(*args: str, code: int = 1) -> str:
    result = CliRunner().invoke(main, ["units", *TAICANG, *args])
    assert result.exit_code == code, result.output
    return result.stdout


def test_summary_orders_units_by_shortfalls_then_as_the_plan_lists_them() -> None:
    lines = _units("-f", "text").splitlines()
    summary = [line.split()[0] for line in lines[4:lines.index("", 4)]]
    # 市科技局 and 各镇、区（街道） have 8 each: the plan lists kjj first; 招商局, 国税局, 地税局
    # have one each, in the plan's order (zsj, gsj, dsj), not in code-point order.  (institutes-total,
    # 8 of 10 institutes, is on the whole-number schedule: no shortfall, docs/evaluation.md#small-counts.)
    assert summary == ["市科技局", "各镇、区（街道）", "财政局", "经信委", "发改委", "人社局", "金融办", "市人才办",
                       "招商局", "国税局", "地税局", "教育局", "商务局", "科协", "国资办", "各银行",
                       "有关各镇、区（街道）"]
    assert lines[4].split() == ["市科技局", "18", "8", "8"]


def test_one_row_per_unit_and_target_with_its_roles_merged_and_names_not_ids() -> None:
    text = _units("-f", "text")
    towns = [line for line in text.splitlines() if line.startswith("各镇、区（街道）  ") and "  配合" in line]
    assert len(towns) == 8
    assert ("各镇、区（街道）  配合、承担  各镇、区(街道)新投入使用创新载体面积（各镇、区（街道））  ≥1           0.3"
            "   -0.37  明显滞后（力争）") in towns
    assert "[towns]" not in text and "town-carrier-area" not in text
    md = _units("-f", "markdown")
    assert ("| 各镇、区（街道） | 配合、承担 | 各镇、区(街道)新投入使用创新载体面积（各镇、区（街道）） | ≥1 | 0.3 "
            "| -0.37 |") in md
    # The JSON keeps one shortfall per role, as documented (docs/reports.md#json).
    data = json.loads(_units("-f", "json"))
    towns_json = next(u for u in data["units"] if u["id"] == "towns")
    assert [s["role"] for s in towns_json["shortfalls"] if s["target"] == "town-carrier-area"] == ["support", "scope"]


def test_scoped_results_name_their_unit() -> None:
    area = target("area", name="新投入使用创新载体面积", milestones=((2027, 1.0),), scope=Scope(group="towns"),
                  responsible=("kjj",))
    report = evaluate([plan(area)], actuals({("area", "a"): {2022: 0.0, 2025: 0.1},
                                             ("area", "b"): {2022: 0.0, 2025: 0.2}}))
    text = render(report, "text", RenderOptions(view="units"))
    assert "甲镇        承担    新投入使用创新载体面积（甲镇）     ≥1           0.1    -0.5  明显滞后" in text
    # The lead gets one row for both lagging towns, not one per town (docs/evaluation.md#unit-view).
    assert "市科技局    牵头    新投入使用创新载体面积 [2 个单位]  ≥1             —       —  明显滞后" in text
    assert "市科技局         1       0       2" in text
    english = render(report, "text", RenderOptions(view="units", lang="en"))
    assert "新投入使用创新载体面积 (甲镇)" in english


def test_unit_option_selects_by_id_or_name_and_repeats() -> None:
    text = _units("-f", "text", "--unit", "财政局", "--unit", "rcb")
    lines = text.splitlines()
    assert lines[4].split() == ["财政局", "0", "15", "5"] and lines[5].split() == ["市人才办", "8", "0", "2"]
    assert lines[6] == ""
    shortfalls = [line.split()[0] for line in lines[lines.index("责任单位短板") + 4:] if line[:1] not in ("", " ")]
    assert shortfalls[:7] == ["财政局"] * 5 + ["市人才办"] * 2
    data = json.loads(_units("-f", "json", "--unit", "Finance Bureau"))
    assert [u["id"] for u in data["units"]] == ["czj"]


def test_an_unknown_unit_is_a_usage_error_naming_the_closest() -> None:
    result = CliRunner().invoke(main, ["units", *TAICANG, "--unit", "财务局", "--lang", "en"])
    assert result.exit_code == 2
    assert result.output == "--unit '财务局': no such responsible unit in the plans; did you mean '财政局'?\n"
    result = CliRunner().invoke(main, ["units", *TAICANG, "--unit", "财务局"])
    assert (result.exit_code, result.output) == (2, "--unit '财务局'：规划中没有这个责任单位；是不是 '财政局'？\n")


def test_units_csv_has_names_requirement_actual_gap_and_status_label() -> None:
    rows = list(csv.reader(io.StringIO(_units("-f", "csv", "--unit", "towns").lstrip("\ufeff"))))
    assert rows[0] == ["责任单位代码", "责任单位", "角色", "规划", "指标代码", "单位名称", "指标名称", "要求", "实际值",
                       "差距", "状态", "状态代码"]
    assert rows[5] == ["towns", "各镇、区（街道）", "配合、承担", "taicang-sti-2018-2020", "town-carrier-area",
                       "各镇、区（街道）", "各镇、区(街道)新投入使用创新载体面积", "≥1", "0.3", "-0.37", "明显滞后",
                       "off_track"]
    assert len(rows) == 9
    english = list(csv.reader(io.StringIO(_units("-f", "csv", "--lang", "en").lstrip("\ufeff"))))
    assert english[0] == ["Unit id", "Responsible units", "Role", "Plan", "Target", "Unit", "Name",
                          "Requirement", "Actual", "Gap", "Status", "Status code"]
    assert english[1][:3] == ["kjj", "Science and Technology Bureau", "lead"]


@pytest.mark.parametrize("fmt", ["text", "table", "markdown", "html"])
def test_every_human_format_of_units_has_the_summary(fmt: str) -> None:
    out = _units("-f", fmt, "--no-color")
    assert "汇总" in out and "市科技局" in out
    if fmt == "html":
        section = out[out.index('<section class="unit-summary">'):out.index('<section class="units">')]
        row = '<tr><td>市科技局</td><td class="num">18</td><td class="num">8</td><td class="num">8</td></tr>'
        assert row in section
        assert "<svg" not in out
