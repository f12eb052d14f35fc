"""A value cell written in % or ‰ says its unit, like a measure column (docs/actuals.md#values).

A statistician who types ``10%`` for a target measured in 亿元 (a growth target
whose growth the check computes from the levels), ``-8.2%`` for an energy
intensity whose plan asks for a 13.5 % fall, or 3%, 4%, 5%, 6% for the levels
of an average-rate (cagr) target must never get a result computed from those
numbers without a word.  The sign counts as the row's unit of measure: PC409
at the cell when it is not the target's unit, PC412 for a cagr target that
reads levels, and the number in the target's own unit when it is.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import xlsxwriter
from click.testing import CliRunner

from policycheck.cli.commands import main
from tests.helpers.paths import FIXTURES
from tests.helpers.plan_files import CITY_PLAN_HEAD

#: The targets of a city's plan that a % cell can be typed into (as in docs/actuals.md#values).
PLAN = CITY_PLAN_HEAD + """\
  - id: rdi
    name: 全社会研发投入强度
    unit: "%"
    kind: level
    comparator: ">="
    milestones: {2025: 3.0}
    quote: 研发投入强度达3.0%
  - id: energy
    name: 单位地区生产总值能耗
    unit: 吨标准煤/万元
    kind: level
    comparator: "<="
    milestones: {2025: {change: -13.5, in: percent, since: 2020}}
    attribute: 约束性
    quote: 单位地区生产总值能耗比2020年下降13.5%
  - id: fiscal
    name: 财政科技投入
    unit: 亿元
    kind: growth
    comparator: ">="
    value: 15
    quote: 财政科技投入每年增长15%以上
  - id: loans
    name: 科技贷款余额
    unit: 亿元
    kind: growth
    comparator: ">="
    value: 10
    actuals: rate
    quote: 科技贷款余额每年增长10%以上
  - id: outcagr
    name: 战略性新兴产业产值年均增速
    unit: "%"
    kind: cagr
    comparator: ">="
    milestones: {2025: 8}
    quote: 年均增长8%以上
  - id: birth
    name: 人口自然增长率
    unit: "‰"
    kind: level
    comparator: "<="
    milestones: {2025: 5}
    quote: 人口自然增长率控制在5‰以内
  - id: firms
    name: 高新技术企业数
    unit: 家
    kind: level
    comparator: ">="
    milestones: {2025: 500}
    quote: 高新技术企业达500家
"""

FISCAL_EN = ("{cell} is written in %, but 'fiscal' is measured in '亿元': enter the value in 亿元, without % "
             "(a growth target reads each year's level and computes the growth from them; if these are "
             "growth rates, add actuals: rate to the target in the plan)")
FISCAL_ZH = ("{cell} 以 % 填写，但 'fiscal' 的计量单位是 '亿元'：请填写以 亿元 计的数值，不带 %"
             "（增长类指标读取各年的总量并由此计算增速；若填的确是增速，请在规划中为该指标加上 actuals: rate）")
ENERGY_EN = ("'-8.2%' is written in %, but 'energy' is measured in '吨标准煤/万元': enter the value in "
             "吨标准煤/万元, without % (the plan's change is computed from each year's value: enter the "
             "value, not the change)")
CAGR_EN = ("the actuals of 'outcagr' are written in % ('3%'), but a cagr target reads levels (总量, such as "
           "output in 亿元) and computes the average rate from the baseline; enter the levels, or add "
           "actuals: rate to the target in the plan if these are rates")


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _files(tmp_path: Path, csv: str) -> tuple[str, str]:
    plan, data = tmp_path / "plan.yaml", tmp_path / "a.csv"
    plan.write_text(PLAN, encoding="utf-8")
    data.write_text(csv, encoding="utf-8")
    return str(plan), str(data)


def _check(plan: str, data: str, *args: str) -> tuple[int, dict[str, Any] | None, str]:
    code, out, err = _run("check", plan, "-a", data, "-f", "json", "--lang", "en", *args)
    return code, (json.loads(out) if out else None), err


def _result(report: dict[str, Any], target: str) -> dict[str, Any]:
    found: dict[str, Any] = next(r for r in report["results"] if r["target"] == target)
    return found


def test_a_percent_growth_cell_of_a_target_in_yiyuan_is_pc409_at_each_cell(tmp_path: Path) -> None:
    """Findings A, fiscal: 10% and 12% were read as the levels 10 and 12 (growth 20 %, met)."""
    plan, data = _files(tmp_path, "指标,年份,数值\nfiscal,2022,10%\nfiscal,2023,12%\n")
    code, report, err = _check(plan, data)
    assert (code, report) == (2, None)
    assert err == (f"{data}:2:3: error [PC409] {FISCAL_EN.format(cell=repr('10%'))}\n"
                   f"{data}:3:3: error [PC409] {FISCAL_EN.format(cell=repr('12%'))}\n")
    code, out, _err = _run("validate", plan, data)
    assert (code, out) == (1, f"{data}:2:3: error [PC409] {FISCAL_ZH.format(cell=repr('10%'))}\n"
                              f"{data}:3:3: error [PC409] {FISCAL_ZH.format(cell=repr('12%'))}\n")


def test_a_percent_change_of_an_intensity_is_pc409(tmp_path: Path) -> None:
    """Findings A, energy: -8.2% was read as the level -8.2 (2096 %, met, binding)."""
    plan, data = _files(tmp_path, "指标,年份,数值\nenergy,2020,0.5\nenergy,2023,-8.2%\n")
    code, report, err = _check(plan, data)
    assert (code, report, err) == (2, None, f"{data}:3:3: error [PC409] {ENERGY_EN}\n")


def test_percent_cells_of_a_cagr_target_are_pc412_once_at_the_first(tmp_path: Path) -> None:
    """Findings A, outcagr: 3%..6% were read as levels (25.99 % a year) without PC412, since 3 lies
    outside the factor-of-two band around 8.  The % says they are rates: warned as the measure column's %."""
    plan, data = _files(tmp_path, "指标,年份,数值\noutcagr,2020,3%\noutcagr,2021,4%\noutcagr,2022,5%\n"
                                  "outcagr,2023,6%\n")
    code, report, err = _check(plan, data)
    assert code == 0 and report is not None
    assert err == f"{data}:2:3: warning [PC412] {CAGR_EN}\n"
    assert [(f["rule"], f["line"], f["column"]) for f in report["findings"]] == [("PC412", 2, 3)]


def test_the_measure_columns_percent_is_not_warned_twice(tmp_path: Path) -> None:
    plan, data = _files(tmp_path, "指标,年份,数值,计量单位\noutcagr,2020,3%,%\noutcagr,2021,4%,%\n")
    code, _out, err = _run("validate", "--lang", "en", plan, data)
    assert code == 0
    assert [line.split(" [")[0] for line in err.splitlines() + _out.splitlines() if "[PC412]" in line] == [
        f"{data}:2:4: warning"]


def test_rates_near_the_plans_rate_written_in_percent_are_warned_once(tmp_path: Path) -> None:
    """8%, 6.5% also look like the plan's rate 8 (PC412 by their values): one warning at the cell."""
    plan, data = _files(tmp_path, "指标,年份,数值\noutcagr,2023,8%\noutcagr,2024,6.5%\n")
    code, out, err = _run("validate", "--lang", "en", plan, data)
    assert (code, out + err) == (0, f"{data}:2:3: warning [PC412] " + CAGR_EN.replace("'3%'", "'8%'") + "\n")


@pytest.mark.parametrize(("csv", "target", "actual"), [
    ("rdi,2025,3.2%\n", "rdi", 3.2),  # a rate target in %: the number in percent, as before
    ("rdi,2025,约3.2%\n", "rdi", 3.2),
    ("birth,2025,4.8‰\n", "birth", 4.8),  # a rate in per mille for a target in ‰
    ("loans,2025,12%\n", "loans", 12.0),  # actuals: rate: the cells are the growth rates
])
def test_a_sign_that_is_the_targets_unit_reads_the_number(tmp_path: Path, csv: str, target: str,
                                                         actual: float) -> None:
    plan, data = _files(tmp_path, "指标,年份,数值\n" + csv)
    code, report, err = _check(plan, data, "--year", "2025", "--fail-on", "never")
    assert (code, err) == (0, "")
    assert report is not None and _result(report, target)["actual"] == actual


def test_a_measure_column_in_percent_is_right_for_rates_read_as_rates(tmp_path: Path) -> None:
    """actuals: rate reads the growth rates, in %, whatever unit the levels are in."""
    plan, data = _files(tmp_path, "指标,年份,数值,计量单位\nloans,2025,12,%\n")
    code, report, err = _check(plan, data, "--year", "2025", "--fail-on", "never")
    assert (code, err) == (0, "")
    assert report is not None and _result(report, "loans")["actual"] == 12.0


@pytest.mark.parametrize(("cell", "target", "sign", "unit"), [
    ("29‰", "rdi", "‰", "%"),  # per mille for a target in percent: 29‰ is 2.9 %, not 29
    ("4.8%", "birth", "%", "‰"),
    ("95%", "firms", "%", "家"),
])
def test_a_sign_of_another_unit_is_pc409(tmp_path: Path, cell: str, target: str, sign: str, unit: str) -> None:
    plan, data = _files(tmp_path, f"指标,年份,数值\n{target},2025,{cell}\n")
    code, report, err = _check(plan, data, "--year", "2025")
    assert (code, report) == (2, None)
    assert err == (f"{data}:2:3: error [PC409] '{cell}' is written in {sign}, but '{target}' is measured in "
                   f"'{unit}': enter the value in {unit}, without {sign}\n")


def test_wide_form_cells_are_named_by_their_column(tmp_path: Path) -> None:
    plan, data = _files(tmp_path, "指标,2022年,2023年\nfiscal,100,12%\n")
    code, _report, err = _check(plan, data)
    assert (code, err) == (2, f"{data}:2:3: error [PC409] {FISCAL_EN.format(cell=repr('12%'))}\n")


def test_a_months_cell_in_percent_is_pc409_too(tmp_path: Path) -> None:
    """Figures for months of a year take the same reader (docs/actuals.md#periods)."""
    plan, data = _files(tmp_path, "指标,年份,口径,数值\nfiscal,2025年1-9月,累计,10%\n")
    code, report, err = _check(plan, data, "--period", "2025-09")
    assert (code, report) == (2, None)
    assert err == f"{data}:2:4: error [PC409] {FISCAL_EN.format(cell=repr('10%'))}\n"


def _workbook(path: Path, rows: list[tuple[str, int, float, str | None]]) -> str:
    """A long-form sheet whose value cells carry a number format (0.0%, 0.0‰) or none."""
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("表1")
    sheet.write_row(0, 0, ["指标", "年份", "数值"])
    for row, (target, year, value, shown) in enumerate(rows, start=1):
        sheet.write_row(row, 0, [target, year])
        sheet.write_number(row, 2, value, book.add_format({"num_format": shown}) if shown else None)
    book.close()
    return str(path)


def test_percent_formatted_workbook_cells_are_pc409_at_the_cell(tmp_path: Path) -> None:
    """Findings A, x19.xlsx: 0.10 and -0.082 shown as 10.0% and -8.2% were read as 10 and -8.2."""
    plan, _data = _files(tmp_path, "")
    book = _workbook(tmp_path / "x19.xlsx", [("fiscal", 2022, 0.10, "0.0%"), ("fiscal", 2023, 0.12, "0.0%"),
                                             ("energy", 2020, 0.5, None), ("energy", 2023, -0.082, "0.0%")])
    code, report, err = _check(plan, book)
    assert (code, report) == (2, None)
    assert err == (f"{book}#表1!C2: error [PC409] {FISCAL_EN.format(cell=repr('10%'))}\n"
                   f"{book}#表1!C3: error [PC409] {FISCAL_EN.format(cell=repr('12%'))}\n"
                   f"{book}#表1!C5: error [PC409] {ENERGY_EN}\n")


def test_a_per_mille_formatted_cell_is_read_in_per_mille(tmp_path: Path) -> None:
    """Findings A, x16.xlsx: 29 shown as 29.0‰ for a target in % was read as 29 % (met, 966.7 %).
    Excel shows the stored number beside ‰ as it is (no scaling), so the cell says 29 per mille."""
    plan, _data = _files(tmp_path, "")
    book = _workbook(tmp_path / "x16.xlsx", [("rdi", 2020, 25, "0.0‰"), ("rdi", 2023, 29, "0.0‰"),
                                             ("birth", 2023, 4.8, "0.0‰")])
    code, report, err = _check(plan, book)
    assert (code, report) == (2, None)
    assert err == "".join(f"{book}#表1!C{row}: error [PC409] '{cell}' is written in ‰, but 'rdi' is measured in "
                          "'%': enter the value in %, without ‰\n" for row, cell in ((2, "25‰"), (3, "29‰")))


def test_a_per_mille_formatted_xls_cell_is_read_in_per_mille(tmp_path: Path) -> None:
    """The same sheet saved as Excel 97-2003 by LibreOffice: the format is found in its FORMAT records."""
    plan, _data = _files(tmp_path, "")
    book = str(FIXTURES / "actuals" / "per-mille-libreoffice.xls")
    code, report, err = _check(plan, book)
    assert (code, report) == (2, None)
    assert err == "".join(f"{book}#表1!C{row}: error [PC409] '{cell}' is written in ‰, but 'rdi' is measured in "
                          "'%': enter the value in %, without ‰\n" for row, cell in ((2, "25‰"), (3, "29‰")))
