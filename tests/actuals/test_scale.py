"""PC416: values several orders of magnitude off (万元 for 亿元, a fraction for a %) are a warning at the cell."""
from __future__ import annotations

from pathlib import Path

import pytest
import xlsxwriter
from click.testing import CliRunner

from policycheck.actuals import load
from policycheck.actuals.dense import DenseSeries
from policycheck.actuals.store import SeriesView
from policycheck.cli.commands import main
from policycheck.plans.build import load_plan

PLAN = """\
policycheck: 1
plan:
  id: county-2023-2025
  title: 某县发展规划（2023—2025年）
  period: {start: 2023, end: 2025}
units:
  kjj: {name: 县科技局}
targets:
  - id: output
    name: 规模以上工业总产值
    unit: 亿元
    kind: level
    baseline: {year: 2022, value: 150}
    milestones: {2025: 180}
    responsible: [kjj]
    quote: 规模以上工业总产值达到180亿元
  - id: rd
    name: 全社会研发经费投入占地区生产总值比重
    unit: "%"
    kind: level
    baseline: {year: 2022, value: 2.3}
    milestones: {2025: 3}
    responsible: [kjj]
    quote: 全社会研发经费投入占地区生产总值比重达到3%
  - id: share
    name: 高新技术企业占比
    unit: "%"
    kind: level
    milestones: {2025: 0.6}
    responsible: [kjj]
    quote: 高新技术企业占比达到0.6%
  - id: black-water
    name: 黑臭水体
    unit: 条
    kind: level
    comparator: "<="
    milestones: {2025: 0}
    responsible: [kjj]
    quote: 黑臭水体清零
"""

ABOVE_EN = ("'output' 2023: 1728000 is 9,600 times the requirement 180 亿元; check that the value is in 亿元 "
            "(a figure in 万元 read as 亿元 is 10,000 times too large)")
ABOVE_ZH = ("'output' 2023：1728000 是要求 180 亿元 的 9,600 倍；请核对数值是否以 亿元 计"
            "（以万元计的数当作亿元读，会大 10,000 倍）")
FRACTION_EN = ("the actuals of 'rd' (2023: 0.025, 2024: 0.028) all lie between 0 and 1 while the requirement is "
               "3 %: they look like fractions, 0.025 looks like 2.5 %; the target is measured in %: write percents "
               "(2.5 for 0.025)")
FRACTION_ZH = ("'rd' 的实际值（2023: 0.025, 2024: 0.028）都在 0 和 1 之间，而要求为 3%：看起来填的是小数，"
               "0.025 像是 2.5%；该指标以 % 计，请填写百分数（0.025 应写作 2.5）")
JUMP_EN = ("'output' 2024: 1700000 stands 10,625 times apart from the other values of the series (2022: 150, "
           "2023: 160); a figure in another magnitude (万元 for 亿元 is 10,000 times) reads as another number: "
           "write every year in 亿元")
BELOW_EN = ("'output' 2023: 0.0172 is 1/10,465 of the requirement 180 亿元; check that the value is in 亿元 "
            "(a figure in 亿元 read as 万元 is 10,000 times too small)")


def _files(tmp_path: Path, csv: str) -> tuple[str, str]:
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(PLAN.encode("utf-8"))
    data = tmp_path / "a.csv"
    data.write_bytes(csv.encode("utf-8"))
    return str(plan), str(data)


def _check(plan: str, data: str, lang: str = "en") -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", "--lang", lang, plan, "-a", data], catch_exceptions=False)
    return result.exit_code, result.stderr


def test_wan_yuan_for_an_yi_yuan_target_is_warned_at_the_cell(tmp_path: Path) -> None:
    """Finding D: 1728000 (万元) against 180 亿元 was met at 960000 % without a word."""
    plan, data = _files(tmp_path, "指标,年份,数值\noutput,2023,1728000\n")
    assert _check(plan, data) == (0, f"{data}:2:3: warning [PC416] {ABOVE_EN}\n")
    assert _check(plan, data, "zh") == (0, f"{data}:2:3: warning [PC416] {ABOVE_ZH}\n")


def test_yi_yuan_for_a_wan_yuan_reading_is_warned_below_the_requirement(tmp_path: Path) -> None:
    plan, data = _files(tmp_path, "指标,年份,数值\noutput,2023,0.0172\n")
    assert _check(plan, data) == (1, f"{data}:2:3: warning [PC416] {BELOW_EN}\n")


def test_a_workbook_cell_shown_in_wan_yuan_is_warned_at_its_cell(tmp_path: Path) -> None:
    """The same slip from an xlsx whose cell shows 1,728,000万元: the number is 1728000 all the same."""
    plan, _data = _files(tmp_path, "")
    book_path = tmp_path / "a.xlsx"
    book = xlsxwriter.Workbook(str(book_path))
    sheet = book.add_worksheet("表1")
    sheet.write_row(0, 0, ["指标", "年份", "数值"])
    sheet.write_row(1, 0, ["output", 2023])
    sheet.write_number(1, 2, 1728000, book.add_format({"num_format": '#,##0"万元"'}))
    book.close()
    assert _check(plan, str(book_path)) == (0, f"{book_path}#表1!C2: warning [PC416] {ABOVE_EN}\n")


def test_fractions_for_a_percent_target_are_warned(tmp_path: Path) -> None:
    """0.025 and 0.028 for 2.5 % and 2.8 %: off track (exit 1), and now the warning says why."""
    plan, data = _files(tmp_path, "指标,年份,数值\nrd,2023,0.025\nrd,2024,0.028\n")
    assert _check(plan, data) == (1, f"{data}:2:3: warning [PC416] {FRACTION_EN}\n")
    assert _check(plan, data, "zh") == (1, f"{data}:2:3: warning [PC416] {FRACTION_ZH}\n")


def test_a_ten_thousand_fold_jump_between_years_is_warned_at_the_year(tmp_path: Path) -> None:
    plan, data = _files(tmp_path, "指标,年份,数值\noutput,2022,150\noutput,2023,160\noutput,2024,1700000\n")
    assert _check(plan, data) == (0, f"{data}:4:3: warning [PC416] {JUMP_EN}\n")


def test_a_jump_down_names_the_year_far_from_the_requirement(tmp_path: Path) -> None:
    """150, 0.016, 172: the odd year is the small one, far from the requirement of 180."""
    plan, data = _files(tmp_path, "指标,年份,数值\noutput,2022,150\noutput,2023,0.016\noutput,2024,172\n")
    code, err = _check(plan, data)
    assert (code, err) == (0, f"{data}:3:3: warning [PC416] 'output' 2023: 0.016 stands 9,375 times apart from "
                              "the other values of the series (2022: 150, 2024: 172); a figure in another magnitude "
                              "(万元 for 亿元 is 10,000 times) reads as another number: write every year in 亿元\n")


@pytest.mark.parametrize(("csv", "code"), [
    # a county that grows 50 times over the plan, and ends near the requirement
    ("指标,年份,数值\noutput,2022,4\noutput,2023,20\noutput,2024,90\noutput,2025,200\n", 0),
    # 清零: a requirement of 0 has no level to be far from
    ("指标,年份,数值\nblack-water,2023,2500\nblack-water,2024,800\nblack-water,2025,0\n", 0),
    # fractions are what a requirement below 1 asks for
    ("指标,年份,数值\nshare,2023,0.5\nshare,2024,0.8\n", 0),
    # a % target at its level (2.8 misses 3: exit 1), and a value of 0
    ("指标,年份,数值\nrd,2023,2.5\nrd,2024,0\nrd,2025,2.8\n", 1),
])
def test_real_series_are_no_warning(tmp_path: Path, csv: str, code: int) -> None:
    plan, data = _files(tmp_path, csv)
    assert _check(plan, data) == (code, "")


def test_validate_warns_and_strict_fails(tmp_path: Path) -> None:
    plan, data = _files(tmp_path, "指标,年份,数值\noutput,2023,1728000\n")
    result = CliRunner().invoke(main, ["validate", "--lang", "en", plan, data], catch_exceptions=False)
    assert (result.exit_code, result.stdout) == (0, f"{data}:2:3: warning [PC416] {ABOVE_EN}\n")
    strict = CliRunner().invoke(main, ["validate", "--strict", plan, data], catch_exceptions=False)
    assert strict.exit_code == 1


#: Many units' rows, so the bulk and Arrow readers take the file; one unit slips.
SCOPED = PLAN.replace("""  kjj: {name: 县科技局}
""", "  kjj: {name: 县科技局}\n" + "".join(f"  town{i}: {{name: 镇{i}, group: towns}}\n" for i in range(40))).replace(
    """    milestones: {2025: 180}
    responsible: [kjj]""", """    milestones: {2025: 180}
    scope: {group: towns}
    responsible: [kjj]""")


@pytest.mark.parametrize(("reader", "bulk", "store"), [
    ("exact", False, SeriesView),  # the row reader
    ("exact", True, DenseSeries),  # the bulk reader
    ("fast", True, DenseSeries),  # the Arrow reader
])
def test_every_reader_gives_the_same_findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reader: str,
                                              bulk: bool, store: type) -> None:
    """The check runs on the stored series after reading: the three CSV readers give one finding."""
    monkeypatch.setattr(load, "BULK", bulk)
    plan_path = tmp_path / "plan.yaml"
    plan_path.write_bytes(SCOPED.encode("utf-8"))
    rows = ["plan,target,unit,year,value"]
    for i in range(40):
        for year in (2022, 2023, 2024):
            value = 1700000 if (i, year) == (7, 2024) else 150 + i + year - 2022
            rows.append(f"county-2023-2025,output,town{i},{year},{value}")
    data = tmp_path / "a.csv"
    data.write_bytes(("\n".join(rows) + "\n").encode("utf-8"))
    actuals = load.read_actuals([str(data)], plans=[load_plan(str(plan_path))], reader=reader)
    assert {type(one) for one in actuals.series.values()} == {store}
    found = [(f.rule, f.file, f.line, f.column, f.message) for f in actuals.findings]
    assert found == [("PC416", str(data), 2 + 7 * 3 + 2, 5,
                      "'output (town7)' 2024: 1700000 stands 10,759 times apart from the other values of the "
                      "series (2022: 157, 2023: 158); a figure in another magnitude (万元 for 亿元 is 10,000 "
                      "times) reads as another number: write every year in 亿元")]
