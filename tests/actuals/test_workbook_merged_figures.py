"""A figure merged over several figure cells is an error at the merged cell (docs/actuals.md#workbooks):
copied into each year, a 两年合计 would count twice."""
from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import xlsxwriter
from click.testing import CliRunner

from policycheck.cli import main
from tests.helpers.plan_files import CITY_PLAN_HEAD

PLAN = CITY_PLAN_HEAD + """\
  - id: newfirms
    name: 新增科技型企业
    unit: 家
    kind: cumulative
    comparator: ">="
    milestones: {2025: 400}
    quote: 累计新增科技型企业400家
"""


def check(tmp_path: Path, fill: Callable[[Any], None], lang: str = "en") -> tuple[int, dict[str, Any], list[str]]:
    """Exit code, JSON report (empty when the input is refused) and the finding lines, paths cut to file names."""
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    path = tmp_path / "m.xlsx"
    book = xlsxwriter.Workbook(str(path))
    fill(book.add_worksheet("表1"))
    book.close()
    result = CliRunner().invoke(main, ["check", "--lang", lang, str(plan), "-a", str(path), "-f", "json"])
    lines = [line.replace(f"{tmp_path}/", "") for line in result.stderr.splitlines() if " [PC" in line]
    return result.exit_code, json.loads(result.stdout) if result.stdout else {}, lines


def test_a_figure_merged_across_two_year_columns_is_an_error_at_the_merged_cell(tmp_path: Path) -> None:
    """x8 of the findings: 170 merged over 2022年 and 2023年 was read as 170 in each (80+170+170=420, met)."""
    def fill(sheet: Any) -> None:
        sheet.write_row(0, 0, ["指标", "2021年", "2022年", "2023年"])
        sheet.write(1, 0, "newfirms")
        sheet.write(1, 1, 80)
        sheet.merge_range(1, 2, 1, 3, 170)

    code, data, lines = check(tmp_path, fill)
    assert (code, data) == (2, {})
    assert lines == [
        "m.xlsx#表1!C2: error [PC415] cells C2:D2 are merged, so the one figure '170' would be read for each "
        "of 2022年 and 2023年: a figure belongs to one year and one row; unmerge the cells and write each figure in "
        "its own cell (a total of several years cannot be split by the check)"]
    code, data, lines = check(tmp_path, fill, "zh")
    assert lines == [
        "m.xlsx#表1!C2: error [PC415] 单元格 C2:D2 已合并，同一个数值 '170' 会分别计入 2022年、2023年："
        "每个数值只属于一个年份和一行；请取消合并，在各自的单元格中分别填写数值（多年合计无法由检查拆分）"]


def test_a_figure_merged_down_over_two_years_of_the_long_form_is_an_error(tmp_path: Path) -> None:
    def fill(sheet: Any) -> None:
        sheet.write_row(0, 0, ["指标", "年份", "数值"])
        sheet.write_row(1, 0, ["newfirms", 2021, 80])
        sheet.write_row(2, 0, ["newfirms", 2022])
        sheet.write_row(3, 0, ["newfirms", 2023])
        sheet.merge_range(2, 2, 3, 2, 170)

    code, data, lines = check(tmp_path, fill)
    assert (code, data) == (2, {})
    assert lines == [
        "m.xlsx#表1!C3: error [PC415] cells C3:C4 are merged, so the one figure '170' would be read for each "
        "of rows 3 and 4: a figure belongs to one year and one row; unmerge the cells and write each figure in "
        "its own cell (a total of several years cannot be split by the check)"]


def test_a_target_merged_down_and_a_title_merged_across_still_fill(tmp_path: Path) -> None:
    def fill(sheet: Any) -> None:
        sheet.merge_range(0, 0, 0, 3, "新增科技型企业（家）")
        sheet.write_row(1, 0, ["指标", "2021年", "2022年", "2023年"])
        sheet.merge_range(2, 0, 3, 0, "newfirms")
        sheet.write_row(2, 1, [80, 120, 90])
        sheet.write_row(3, 1, ["-", "-", "-"])

    code, data, lines = check(tmp_path, fill)
    assert (lines, data["findings"]) == ([], [])
    newfirms = next(r for r in data["results"] if r["target"] == "newfirms")
    assert (code, newfirms["actual"], newfirms["year"]) == (0, 290, 2023)


def test_a_block_merged_over_years_and_rows_names_its_cell_count(tmp_path: Path) -> None:
    def fill(sheet: Any) -> None:
        sheet.write_row(0, 0, ["指标", "单位名称", "2021年", "2022年", "2023年"])
        sheet.write_row(1, 0, ["newfirms", "", 80])
        sheet.write_row(2, 0, ["newfirms", "", 75])
        sheet.merge_range(1, 3, 2, 4, "170")

    code, data, lines = check(tmp_path, fill)
    assert code == 2
    assert [line for line in lines if "PC415" in line] == [
        "m.xlsx#表1!D2: error [PC415] cells D2:E3 are merged, so the one figure '170' would be read for each of "
        "its 4 cells: a figure belongs to one year and one row; unmerge the cells and write each figure in its own "
        "cell (a total of several years cannot be split by the check)"]


def test_three_years_and_many_rows_are_named_in_full(tmp_path: Path) -> None:
    def across(sheet: Any) -> None:
        sheet.write_row(0, 0, ["指标", "2021年", "2022年", "2023年"])
        sheet.write(1, 0, "newfirms")
        sheet.merge_range(1, 1, 1, 3, 250)

    def down(sheet: Any) -> None:
        sheet.write_row(0, 0, ["指标", "年份", "数值"])
        for row, year in enumerate((2021, 2022, 2023), start=1):
            sheet.write_row(row, 0, ["newfirms", year])
        sheet.merge_range(1, 2, 3, 2, 250)

    assert check(tmp_path, across, "zh")[2] == [
        "m.xlsx#表1!B2: error [PC415] 单元格 B2:D2 已合并，同一个数值 '250' 会分别计入 2021年、2022年、2023年："
        "每个数值只属于一个年份和一行；请取消合并，在各自的单元格中分别填写数值（多年合计无法由检查拆分）"]
    assert "for each of 2021年, 2022年 and 2023年:" in check(tmp_path, across)[2][0]
    assert "for each of rows 2 to 4:" in check(tmp_path, down)[2][0]
    assert "会分别计入 第 2 至 4 行：" in check(tmp_path, down, "zh")[2][0]


def test_no_data_merged_over_several_years_says_so_for_each(tmp_path: Path) -> None:
    def fill(sheet: Any) -> None:
        sheet.write_row(0, 0, ["指标", "2021年", "2022年", "2023年"])
        sheet.write(1, 0, "newfirms")
        sheet.write(1, 1, 80)
        sheet.merge_range(1, 2, 1, 3, "-")

    code, data, lines = check(tmp_path, fill)
    assert (code, lines, data["findings"]) == (0, [], [])
    csv = tmp_path / "same.csv"
    csv.write_text("指标,2021年,2022年,2023年\nnewfirms,80,-,-\n", encoding="utf-8")
    same = CliRunner().invoke(main, ["check", "--lang", "en", str(tmp_path / "plan.yaml"), "-a", str(csv),
                                     "-f", "json"])
    assert data["results"] == json.loads(same.stdout)["results"]
