"""A 万/亿 slip in a year the result reads besides the assessed one (docs/actuals.md#magnitudes).

The cells are those a bureau types: the 2020 baseline of an 亿元 target written
as 150万 when 150亿 (or plain 150) was meant.  Converted, it is 0.015 亿元, and
the result is on_track against a baseline ten thousand times too small; the
PC414 warning names the cell.
"""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from policycheck.cli.commands import main
from tests.helpers.plan_files import CITY_PLAN_HEAD

PLAN = CITY_PLAN_HEAD + """\
  - id: output
    name: 高新技术产业产值
    unit: 亿元
    kind: level
    comparator: ">="
    milestones: {2025: 200}
    quote: 产值达200亿元
  - id: fiscal
    name: 财政科技投入
    unit: 亿元
    kind: growth
    comparator: ">="
    value: 15
    quote: 财政科技投入每年增长15%以上
"""


def _check(tmp_path: Path, csv_text: str, *extra: str) -> tuple[int, dict[str, object]]:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    data = tmp_path / "s1.csv"
    data.write_text(csv_text, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(plan), "-a", str(data), "-f", "json", *extra],
                                catch_exceptions=False)
    return result.exit_code, json.loads(result.stdout)


def _pc414(report: dict[str, object]) -> list[tuple[str, str, int, int, str]]:
    findings = report["findings"]
    assert isinstance(findings, list)
    return [(f["level"], Path(f["file"]).name, f["line"], f["column"], f["message"])
            for f in findings if f["rule"] == "PC414"]


def test_a_baseline_written_in_wan_for_yi_is_pc414_at_its_cell(tmp_path: Path) -> None:
    code, report = _check(tmp_path, "指标,年份,数值\noutput,2020,150万\noutput,2021,160\noutput,2023,172.8\n",
                          "--lang", "en")
    assert code == 0  # a warning: the result is still reported, the cell is named
    assert _pc414(report) == [(
        "warning", "s1.csv", 2, 3,
        "output 2020: the value was converted from 万 to the target's 亿元 (0.015 亿元) and lies outside "
        "1%..1000% of the 2023 value it is compared with (172.8 亿元); check that the cell's magnitude (万) "
        "and the target's (亿元) are the ones meant")]
    results = report["results"]
    assert isinstance(results, list)
    output = next(r for r in results if r["target"] == "output")
    assert output["baseline"] == {"year": 2020, "value": 0.015}  # read as written, and warned about


def test_the_warning_speaks_chinese_by_default(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    data = tmp_path / "s1.csv"
    data.write_text("指标,年份,数值\noutput,2020,150万\noutput,2023,172.8\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(plan), "-a", str(data)], catch_exceptions=False)
    assert result.exit_code == 0
    assert [line.removeprefix(str(tmp_path) + "/") for line in result.stdout.splitlines() if "PC414" in line] == [
        "s1.csv:2:3: warning [PC414] output 2020：数值由万换算为指标的亿元（0.015 亿元），"
        "不在与之比较的 2023 年数值（172.8 亿元）的 1%..1000% 之内；"
        "请核对单元格的数量级（万）和指标的计量单位（亿元）是否无误"]


def test_a_slip_in_a_year_between_is_pc414_too(tmp_path: Path) -> None:
    _, report = _check(tmp_path, "指标,年份,数值\noutput,2020,150\noutput,2021,160万\noutput,2023,172.8\n",
                       "--lang", "en")
    assert [(line, column) for _, _, line, column, _ in _pc414(report)] == [(3, 3)]


def test_a_growth_targets_previous_year_in_wan_is_pc414(tmp_path: Path) -> None:
    # growth reads the year before: 10万 for 10亿 would be growth of 119,900 %
    code, report = _check(tmp_path, "指标,年份,数值\nfiscal,2022,10万\nfiscal,2023,12\n", "--lang", "en")
    assert code == 0
    assert [(line, column, message.split(":")[0]) for _, _, line, column, message in _pc414(report)] == [
        (2, 3, "fiscal 2022")]


def test_plausible_conversions_are_no_finding(tmp_path: Path) -> None:
    # 1500000万 is 150亿: the magnitude is right, only written in another word
    code, report = _check(tmp_path, "指标,年份,数值\noutput,2020,1500000万\noutput,2021,0.016万亿\n"
                          "output,2023,172.8\n")
    assert (code, _pc414(report)) == (0, [])


def test_a_year_after_the_assessed_one_is_not_read(tmp_path: Path) -> None:
    # --year 2023 reads 2020..2023; the slip in 2024 is judged when 2024 is assessed
    _, report = _check(tmp_path, "指标,年份,数值\noutput,2020,150\noutput,2023,172.8\noutput,2024,180万\n",
                       "--year", "2023")
    assert _pc414(report) == []
    _, report = _check(tmp_path, "指标,年份,数值\noutput,2020,150\noutput,2023,172.8\noutput,2024,180万\n",
                       "--year", "2024")
    assert [(line, column) for _, _, line, column, _ in _pc414(report)] == [(4, 3)]
