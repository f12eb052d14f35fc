"""Edge values in every human format: huge finite numbers, a 左右 overshot, grades (docs/reports.md#large-numbers)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import python_calamine

from tests.helpers.acceptance import plan_file, run, write

HUGE = """\
  - id: sum
    name: 累计
    unit: 亿元
    kind: cumulative
    baseline: {year: 2022, value: 0}
    milestones: {2027: 5.0e+200}
    responsible: [kjj]
    quote: 累计5e200亿元
"""
HUGE_CSV = "target,year,value\nsum,2023,1e300\nsum,2024,1e300\n"


@pytest.fixture
def huge(tmp_path: Path) -> tuple[str, str]:
    return str(plan_file(tmp_path, HUGE)), str(write(tmp_path / "a.csv", HUGE_CSV))


def test_huge_percentages_are_short_in_text(huge: tuple[str, str]) -> None:
    code, out, _ = run("check", huge[0], "-a", huge[1], "--year", "2024", "-f", "text")
    row = next(line for line in out.splitlines() if line.startswith("sum "))
    assert row.split() == ["sum", "累计", "≥5e+200", "2e+300", "2e+200", "+2e+300", "1e+102%", "4e+101%", "已达成"]
    assert code == 0


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_huge_percentages_are_short_in_markdown_and_html(huge: tuple[str, str], fmt: str) -> None:
    _, out, _ = run("check", huge[0], "-a", huge[1], "--year", "2024", "-f", fmt)
    assert "1e+102%" in out and "4e+101%" in out
    assert "0000000000" not in out


def test_json_keeps_the_exact_ratio(huge: tuple[str, str]) -> None:
    _, out, _ = run("check", huge[0], "-a", huge[1], "--year", "2024", "-f", "json")
    result = json.loads(out)["results"][0]  # progress (a - b) / (E - b), computed in floats
    assert (result["attainment"], result["progress_ratio"]) == (4e+99, 9.999999999999998e+99)


def test_huge_percentages_are_short_in_xlsx(huge: tuple[str, str], tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    code, _, _ = run("check", huge[0], "-a", huge[1], "--year", "2024", "-o", f"xlsx={out}", "-f", "json")
    assert code == 0
    with python_calamine.CalamineWorkbook.from_path(str(out)) as book:
        header, row = book.get_sheet_by_name("结果").to_python()[:2]
    cells = dict(zip(header, row, strict=True))
    assert (cells["完成序时进度"], cells["达成率"], cells["实际值"]) == ("1e+102%", "4e+101%", 2e300)


APPROX = """\
  - id: share
    name: 占比
    unit: "%"
    kind: level
    comparator: approx
    baseline: {year: 2022, value: 20}
    milestones: {2027: 30}
    responsible: [kjj]
    quote: 占比30%左右
"""


@pytest.fixture
def overshot(tmp_path: Path) -> tuple[str, str]:
    return str(plan_file(tmp_path, APPROX)), str(write(tmp_path / "a.csv", "target,year,value\nshare,2024,50\n"))


def test_an_overshot_approx_is_off_track_with_its_reason_in_both_languages(overshot: tuple[str, str]) -> None:
    code, out, _ = run("check", overshot[0], "-a", overshot[1], "--year", "2024", "-f", "text")
    row = next(line for line in out.splitlines() if line.startswith("share "))
    # E(2024) = 24; 50 counts as 10, rho floored at 0; attainment 30 / 50.
    assert row.split() == ["share", "占比", "≈30", "(±5%)", "50", "24", "-20", "0%", "60%", "明显滞后"]
    assert code == 1
    _, zh, _ = run("check", overshot[0], "-a", overshot[1], "--year", "2024", "-f", "csv", "--lang", "zh")
    assert "实际值50已越过30左右的范围（±1.5），超出目标值20：与目标的距离相当于10" in zh
    _, en, _ = run("check", overshot[0], "-a", overshot[1], "--year", "2024", "-f", "markdown", "--lang", "en")
    assert "| share | 占比 | ≈30 (±5%) | 50 | 24 | -20 | 0% | 60% | off track |" in en
    _, data, _ = run("check", overshot[0], "-a", overshot[1], "--year", "2024", "-f", "json")
    result = json.loads(data)["results"][0]
    assert (result["status"], result["progress_ratio"], result["progress"], result["reason"]) == (
        "off_track", 0.0, 3.0, "actual 50 overshot 30左右 (±1.5): 20 past the nominal value, as far from it as 10")


GRADE = """\
  - id: air
    name: 空气质量等级
    kind: category
    categories: [三级, 二级, 一级]
    milestones: {2024: {improve: 1}, 2027: {grade: 一级}}
    responsible: [kjj]
    quote: 空气质量达到一级
"""


@pytest.fixture
def grade(tmp_path: Path) -> tuple[str, str]:
    actuals = write(tmp_path / "a.csv", "target,year,value\nair,2022,三级\nair,2024,二级\n")
    return str(plan_file(tmp_path, GRADE)), str(actuals)


def test_a_grade_milestone_shows_the_grade_due_and_the_grades_gained(grade: tuple[str, str]) -> None:
    code, out, _ = run("check", grade[0], "-a", grade[1], "--year", "2024", "-f", "text")
    row = next(line for line in out.splitlines() if line.startswith("air "))
    # 要求 the final grade and the 2024 milestone's the verdict used (docs/reports.md#the-requirement),
    # 序时目标值 the grade due in 2024, 达成率 one grade of two.
    assert row.split() == ["air", "空气质量等级", "≥一级", "(2024年≥二级)", "二级", "二级", "0", "—", "50%", "已达成"]
    assert code == 0
    _, zh, _ = run("check", grade[0], "-a", grade[1], "--year", "2024", "-f", "csv", "--lang", "zh")
    assert "达到2024年阶段目标≥二级：实际值二级" in zh
    _, en, _ = run("check", grade[0], "-a", grade[1], "--year", "2024", "-f", "markdown", "--lang", "en")
    assert "| air | 空气质量等级 | ≥一级 (2024: ≥二级) | 二级 | 二级 | 0 | — | 50% | met |" in en
    _, data, _ = run("check", grade[0], "-a", grade[1], "--year", "2024", "-f", "json")
    result = json.loads(data)["results"][0]
    assert (result["reason"], result["attainment"], result["expected_category"], result["expected"]) == (
        "milestone ≥二级 for 2024 reached: actual 二级", 0.5, "二级", None)


def test_explain_names_the_grades_year_by_year(grade: tuple[str, str]) -> None:
    code, out, _ = run("explain", grade[0], "air", "-a", grade[1], "--year", "2024")
    rows = [line.split() for line in out.splitlines() if line[:4] in ("2022", "2024", "2027")][:3]
    assert rows == [["2022", "三级", "三级", "0", "符合序时进度"], ["2024", "二级", "二级", "0", "已达成"],
                    ["2027", "—", "一级", "—", "未到期"]]
    assert code == 0
