"""``check -f csv --lang zh|en``: the sheet for people (docs/reports.md#csv).

Headers, status labels and reasons in the report's language, the status code in a
column of its own, numbers rounded as the tables show them.  Without ``--lang`` the
CSV stays the machine CSV of JSON field names at full precision.
"""
from __future__ import annotations

import csv
import io

from click.testing import CliRunner

from policycheck.cli.commands import main
from policycheck.reporters import RenderOptions, render
from tests.helpers.paths import EXAMPLES_DIR, PLANS_DIR
from tests.helpers.report_demo import build_report

TAICANG = [str(PLANS_DIR / "taicang-sti-2018-2020.yaml"), "-a", str(EXAMPLES_DIR / "taicang.csv")]
HEADERS_ZH = ["规划", "指标代码", "单位代码", "单位名称", "指标名称", "计量单位", "要求", "年份", "实际值", "数据状态",
              "序时目标值", "差距", "完成序时进度(%)", "达成率(%)", "状态", "状态代码", "属性", "不通过", "原因",
              "目标值", "目标年份", "基期年份", "基期值", "完成进度(%)", "序时进度(%)", "年均需提升", "按趋势预计",
              "预计能否达成", "评估方法", "逐年情况", "达标年数", "到期年数", "水平值", "完成年份", "最近有数年份",
              "最近值", "牵头单位", "责任单位", "来源", "备注", "位置", "英文名称", "原因代码"]


def _rows(*args: str) -> list[dict[str, str]]:
    result = CliRunner().invoke(main, ["check", *TAICANG, "-f", "csv", *args])
    assert result.exit_code == 1, result.output
    text = result.stdout_bytes.decode("utf-8")
    assert text.startswith("\ufeff") and "\r\n" in text
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


def test_chinese_headers_labels_reasons_and_rounded_numbers() -> None:
    rows = _rows("--lang", "zh")
    assert list(rows[0]) == HEADERS_ZH
    rd = rows[0]
    assert {k: rd[k] for k in ("指标代码", "要求", "实际值", "数据状态", "序时目标值", "差距", "完成序时进度(%)",
                               "达成率(%)", "状态", "状态代码", "属性", "不通过", "原因")} == {
        "指标代码": "rd-intensity", "要求": "≥3.2", "实际值": "2.95", "数据状态": "快报", "序时目标值": "3",
        "差距": "-0.05", "完成序时进度(%)": "87.5", "达成率(%)": "92.2", "状态": "略有滞后", "状态代码": "at_risk",
        "属性": "约束性", "不通过": "否", "原因": "落后于序时进度：比序时目标值3低0.05"}
    assert (rd["年均需提升"], rd["按趋势预计"], rd["评估方法"], rd["位置"]) == (
        "0.25", "3.12", "线性序时法", f"{TAICANG[0]}:38:5")
    talent = next(r for r in rows if r["指标代码"] == "leading-talent")
    assert (talent["要求"], talent["实际值"], talent["差距"], talent["状态"], talent["属性"],
            talent["逐年情况"]) == (">40", "40", "0", "未达成", "力争", "2018: 45 已达成；2019: 40 未达成")
    hnte = next(r for r in rows if r["指标代码"] == "hnte-total")
    assert hnte["责任单位"] == "市科技局；经信委；财政局；招商局；国税局；地税局；各镇、区（街道）"
    towns = next(r for r in rows if r["指标代码"] == "town-focus-industries")
    assert (towns["单位代码"], towns["单位名称"], towns["序时目标值"], towns["目标值"]) == (
        "towns", "各镇、区（街道）", "0.67—1.33", "1—2")
    zone = next(r for r in rows if r["指标代码"] == "national-hitech-zone")
    assert (zone["要求"], zone["实际值"], zone["状态"]) == ("获批", "未完成", "未到期")


def test_english_sheet() -> None:
    rows = _rows("--lang", "en")
    assert list(rows[0])[:8] == ["Plan", "Target", "Unit id", "Unit", "Name", "Measure", "Requirement", "Year"]
    rd = rows[0]
    assert (rd["Name"], rd["Status"], rd["Status code"], rd["Gap"], rd["Data status"], rd["Failing"]) == (
        "Gross R&D expenditure as a share of GDP", "at risk", "at_risk", "-0.05", "preliminary", "no")
    assert rd["Reason"] == "behind the linear schedule: 0.05 below the expected 3"


def test_without_lang_the_csv_stays_the_machine_csv() -> None:
    rows = _rows()
    rd = rows[0]
    assert (rd["target"], rd["status"], rd["requirement"]) == ("rd-intensity", "at_risk", "≥3.2")
    assert rd["gap"] == "-0.04999999999999982" and rd["margin"] == "-0.04999999999999982"


def test_the_sheet_still_neutralises_formulas_and_keeps_numbers_numbers() -> None:
    text = render(build_report(), "csv", RenderOptions(lang="zh", sheet=True))
    rows = list(csv.DictReader(io.StringIO(text[1:], newline="")))
    by_target = {row["指标代码"]: row for row in rows}
    assert by_target["labs"]["指标名称"] == "'=HYPERLINK(\"http://x\")"
    assert by_target["zero"]["指标名称"] == "'+规上企业研发机构清零"
    assert by_target["patents"]["差距"] == "-0.06" and by_target["patents"]["达成率(%)"] == "91.7"
    assert by_target["hitech"]["状态"] == "略有滞后" and by_target["ipo"]["属性"] == "力争"
