"""The Word 通报 shows the marks as the other human formats do: 属性, 约, a stated verdict, the requirement;
and the xlsx report, the other file sent back to the bureau, carries trends and explanations too.

The plan is tests/fixtures/plan_cases/positive/indicator-table (every form of a
主要指标 table), with the cells a bureau sends: 约6.2, 提前完成, grades.
"""
from __future__ import annotations

from pathlib import Path

import docx
from click.testing import CliRunner

from policycheck.cli.commands import main
from tests.helpers.indicator_table import INDICATOR_TABLE_CSV, INDICATOR_TABLE_PLAN

PLAN = INDICATOR_TABLE_PLAN
CSV = INDICATOR_TABLE_CSV


def _bulletin(tmp_path: Path, *args: str) -> docx.document.Document:
    data = tmp_path / "table.csv"
    data.write_text(CSV, encoding="utf-8")
    out = tmp_path / "通报.docx"
    result = CliRunner().invoke(main, ["check", PLAN, "-a", str(data), "--year", "2025", "-q",
                                       "-o", f"docx={out}", *args])
    assert result.exit_code == 1, result.output
    return docx.Document(str(out))


def test_the_table_has_the_attribute_column_and_the_marks(tmp_path: Path) -> None:
    rows = [[cell.text for cell in row.cells] for row in _bulletin(tmp_path).tables[0].rows]
    assert rows == [
        ["序号", "指标名称", "属性", "要求", "实际", "序时目标", "差距", "完成序时进度", "状态"],
        ["1", "地区生产总值增长", "预期性", "≈6 (±0.5)", "约6.2", "6", "0", "100%", "已达成"],
        ["2", "居民消费价格涨幅", "预期性", "≲3 (±5%)", "3.2", "3", "-0.2", "93.8%", "未达成"],
        ["3", "单位地区生产总值能耗降低", "约束性", "比2020年下降13.5%", "0.44", "0.43", "-0.01", "88.9%", "未达成"],
        ["4", "常住人口城镇化率", "预期性", "比2020年提高5个百分点", "65.1", "65", "+0.1", "102%", "已达成"],
        ["5", "区域创新能力排名", "—", "位次比2020年提升3位", "5", "5", "0", "100%", "已达成"],
        ["6", "空气质量等级", "约束性", "≥一级", "一级", "一级", "0", "—", "已达成"],  # the grade due as 序时目标
        ["7", "森林覆盖率", "约束性", "≥45", "提前完成", "45", "—", "—", "已达成（据报）"],
    ]


def test_the_summary_counts_the_marks(tmp_path: Path) -> None:
    texts = [p.text for p in _bulletin(tmp_path).paragraphs]
    start = texts.index("一、总体情况")
    assert texts[start + 1:start + 3] == [
        "2025年，《示范市国民经济和社会发展第十四个五年规划主要指标》共7项指标，已完成5项（其中提前完成1项），"
        "符合序时进度0项，滞后2项；其中1项按报送的完成情况认定（据报），1项实际值为约数。",
        "滞后的2项中，未达成2项；其中约束性指标1项，预期性指标1项。",
    ]


def test_in_english(tmp_path: Path) -> None:
    document = _bulletin(tmp_path, "--lang", "en")
    rows = [[cell.text for cell in row.cells] for row in document.tables[0].rows]
    assert rows[0][2] == "Attribute"
    assert rows[1][2:5] == ["expected", "≈6 (±0.5)", "≈6.2"]
    assert rows[7][-1] == "met (stated)"
    texts = [p.text for p in document.paragraphs]
    assert "Of the 2 behind: 2 missed; 1 binding, 1 expected." in texts


def test_the_xlsx_report_carries_trends_and_explanations(tmp_path: Path) -> None:
    """The workbook sent back to the bureau ends its results sheet with the 2018 status, 趋势 and the
    explanation (docs/reports.md#xlsx); a plain run's sheet has none of these columns."""
    import python_calamine

    from tests.helpers.paths import EXAMPLES_DIR, PLANS_DIR

    plan, csv = str(PLANS_DIR / "taicang-sti-2018-2020.yaml"), str(EXAMPLES_DIR / "taicang.csv")
    out, plain = tmp_path / "r.xlsx", tmp_path / "plain.xlsx"
    for args in (["--years", "2018-2019", "--notes", str(EXAMPLES_DIR / "taicang-notes.csv"), "-o", f"xlsx={out}"],
                 ["-o", f"xlsx={plain}"]):
        CliRunner().invoke(main, ["check", plan, "-a", csv, "-q", *args])
    with python_calamine.CalamineWorkbook.from_path(str(out)) as book:
        rows = book.get_sheet_by_index(0).to_python()
    with python_calamine.CalamineWorkbook.from_path(str(plain)) as book:
        plain_header = book.get_sheet_by_index(0).to_python()[0]
    assert rows[0] == [*plain_header, "2018年", "趋势", "原因", "措施", "责任人", "说明来源"]
    hnte = next(row for row in rows if row[1] == "hnte-new-annual")
    assert hnte[-6:-3] == ["已达成", "新增滞后",
                           "部分申报企业研发费用归集不规范，认定通过率低于预期，新增58家，比年度目标少2家。"]
    assert hnte[-1] == "示例 (illustrative)：市科技局2020年1月报送"


def test_the_csv_sheet_for_people_names_the_explanation_and_the_trend() -> None:
    import csv
    import io

    from tests.helpers.paths import EXAMPLES_DIR, PLANS_DIR

    result = CliRunner().invoke(main, [
        "check", str(PLANS_DIR / "taicang-sti-2018-2020.yaml"), "-a", str(EXAMPLES_DIR / "taicang.csv"),
        "--notes", str(EXAMPLES_DIR / "taicang-notes.csv"), "--years", "2018-2019", "-f", "csv", "--lang", "zh"])
    rows = list(csv.reader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert rows[0][-6:] == ["原因", "措施", "责任人", "说明来源", "趋势", "各年状态"]
    hnte = next(row for row in rows if row[1] == "hnte-new-annual")
    assert hnte[-3:] == ["示例 (illustrative)：市科技局2020年1月报送", "新增滞后", "2018: 66 已达成；2019: 58 未达成"]
