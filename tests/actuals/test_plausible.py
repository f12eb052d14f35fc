"""PC412 and PC413: a natural fill that parses but would be read wrong is a warning in validate and check."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from policycheck.actuals.load import read_actuals
from policycheck.cli.commands import main
from policycheck.plans.build import check_plan_file
from tests.helpers.county import county_plan

#: The template's cagr rows, filled with the rates the plan talks about (the measure cell left as written).
RATES = ("指标,年份,数值,计量单位\r\n"
         "output-cagr,2022,,\r\noutput-cagr,2023,8.0,\r\noutput-cagr,2024,6.5,\r\noutput-cagr,2025,7.2,\r\n")
#: The cumulative rows filled with what the statistics office reports: running totals.
TOTALS = ("指标,年份,数值\r\n"
          "new-firms,2023,90\r\nnew-firms,2024,190\r\nnew-firms,2025,285\r\nnew-firms,2026,390\r\n")

RATES_EN = ("the actuals of 'output-cagr' (2023: 8, 2024: 6.5, 2025: 7.2) look like growth rates: they are close "
            "to the plan's rate 8; a cagr target reads levels (总量, such as output in 亿元) and computes the "
            "average rate from the baseline; enter the levels, or add actuals: rate to the target in the plan "
            "if these are rates")
RATES_ZH = ("'output-cagr' 的实际值（2023: 8, 2024: 6.5, 2025: 7.2）看起来是增速：与规划要求的增速 8 相近；"
            "年均增速（cagr）类指标读取的是总量（如以亿元计的产值），并由基期值计算年均增速；"
            "请填写总量，若填的确是增速，请在规划中为该指标加上 actuals: rate")
TOTALS_EN = ("the actuals of 'new-firms' (2023: 90, 2024: 190, 2025: 285, 2026: 390) look like running totals: "
             "each year is at least the one before plus half the first; a cumulative target adds up each year's "
             "new amount (当年新增); enter the yearly amounts, or add actuals: running_total to the target in the "
             "plan if these are totals")
TOTALS_ZH = ("'new-firms' 的实际值（2023: 90, 2024: 190, 2025: 285, 2026: 390）看起来是累计数：每年都比上一年至少多出"
             "首年数值的一半；累计类指标把每年的当年新增数相加；请填写当年新增数，若填的确是累计数，"
             "请在规划中为该指标加上 actuals: running_total")


def _files(tmp_path: Path, csv: str, old: str = "", new: str = "") -> tuple[Path, Path]:
    data = tmp_path / "a.csv"
    data.write_bytes(csv.encode("utf-8"))
    return county_plan(tmp_path, old, new), data


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(("csv", "rule", "line", "english", "chinese"), [
    (RATES, "PC412", 3, RATES_EN, RATES_ZH),
    (TOTALS, "PC413", 2, TOTALS_EN, TOTALS_ZH),
])
def test_validate_warns_at_the_first_value(tmp_path: Path, csv: str, rule: str, line: int, english: str,
                                           chinese: str) -> None:
    plan, data = _files(tmp_path, csv)
    assert _run("validate", "--lang", "en", str(plan), str(data)) == (
        0, f"{data}:{line}:3: warning [{rule}] {english}\n", "")
    assert _run("validate", str(plan), str(data)) == (0, f"{data}:{line}:3: warning [{rule}] {chinese}\n", "")
    assert _run("validate", "--strict", str(plan), str(data))[0] == 1


@pytest.mark.parametrize(("csv", "rule", "english"), [(RATES, "PC412", RATES_EN), (TOTALS, "PC413", TOTALS_EN)])
def test_check_warns_on_stderr_and_in_the_report(tmp_path: Path, csv: str, rule: str, english: str) -> None:
    plan, data = _files(tmp_path, csv)
    code, out, err = _run("check", "--lang", "en", str(plan), "-a", str(data), "-f", "json", "--fail-on", "never")
    assert code == 0
    assert f"warning [{rule}] {english}\n" in err
    assert f'"rule": "{rule}"' in out


def test_the_measure_column_saying_percent_is_pc410_at_that_cell(tmp_path: Path) -> None:
    """The template used to write % in the cagr row's measure cell; a row that keeps it is a rate."""
    plan, data = _files(tmp_path, "指标,年份,数值,计量单位\r\noutput-cagr,2022,1000,%\r\noutput-cagr,2023,1080,%\r\n")
    code, out, _err = _run("validate", "--lang", "en", str(plan), str(data))
    assert (code, out) == (0, f"{data}:2:4: warning [PC412] the measure column gives the actuals of 'output-cagr' "
                              "in %, but a cagr target reads levels (总量, such as output in 亿元) and computes the "
                              "average rate from the baseline; enter the levels, or add actuals: rate to the target "
                              "in the plan if these are rates\n")


def test_a_cagr_level_in_its_own_unit_is_no_pc409(tmp_path: Path) -> None:
    """A cagr target's unit is the rate's (%); the level's 亿元 cannot be compared with it and is not."""
    plan, data = _files(tmp_path, "指标,年份,数值,计量单位\r\n"
                                  "output-cagr,2022,1000,亿元\r\noutput-cagr,2023,1080,亿元\r\n")
    assert _run("validate", str(plan), str(data))[:2] == (0, "policycheck: 已检查 2 个文件，未发现问题\n")


@pytest.mark.parametrize(("csv", "old", "new"), [
    (RATES, "kind: cagr\n", "kind: cagr\n    actuals: rate\n"),
    (TOTALS, "kind: cumulative\n", "kind: cumulative\n    actuals: running_total\n"),
])
def test_the_plan_key_named_reads_them_as_meant(tmp_path: Path, csv: str, old: str, new: str) -> None:
    plan, data = _files(tmp_path, csv, old, new)
    assert _run("validate", "--lang", "en", str(plan), str(data)) == (
        0, "policycheck: 2 files checked, no problems found\n", "")


@pytest.mark.parametrize("csv", [
    # levels of a county's output: far from the rate
    "指标,年份,数值\noutput-cagr,2022,1000\noutput-cagr,2023,1080\noutput-cagr,2024,1166\n",
    # one value says nothing about a pattern
    "指标,年份,数值\noutput-cagr,2023,8\n",
    # yearly new amounts that hover
    "指标,年份,数值\nnew-firms,2023,90\nnew-firms,2024,100\nnew-firms,2025,95\nnew-firms,2026,105\n",
    # growing yearly amounts that do not climb by half the first each year
    "指标,年份,数值\nnew-firms,2023,48\nnew-firms,2024,52\nnew-firms,2025,56\n",
    # two years are not a pattern of running totals
    "指标,年份,数值\nnew-firms,2023,90\nnew-firms,2024,190\n",
    # years before since are not summed, so they are not judged
    "指标,年份,数值\nnew-firms,2020,10\nnew-firms,2021,50\nnew-firms,2022,90\nnew-firms,2023,90\n",
])
def test_natural_series_are_not_flagged(tmp_path: Path, csv: str) -> None:
    plan, data = _files(tmp_path, csv)
    loaded = check_plan_file(str(plan))
    assert loaded.plan is not None
    assert read_actuals([str(data)], plans=[loaded.plan]).findings == []


def test_a_plan_baseline_of_the_rate_size_means_levels(tmp_path: Path) -> None:
    """A plan whose own baseline level is 7 (亿元) makes levels of 7.5 and 8 plausible: no warning."""
    plan, data = _files(tmp_path, "指标,年份,数值\noutput-cagr,2023,7.5\noutput-cagr,2024,8.0\n",
                        "kind: cagr\n", "kind: cagr\n    baseline: {year: 2022, value: 7}\n")
    loaded = check_plan_file(str(plan))
    assert loaded.plan is not None
    assert read_actuals([str(data)], plans=[loaded.plan]).findings == []


def test_each_unit_series_is_judged_on_its_own(tmp_path: Path) -> None:
    plan, data = _files(tmp_path, "指标,单位名称,年份,数值\n"
                                  "new-firms,东城街道,2023,10\nnew-firms,东城街道,2024,20\nnew-firms,东城街道,2025,30\n",
                        "kind: cumulative\n", "kind: cumulative\n    scope: {group: towns}\n")
    loaded = check_plan_file(str(plan))
    assert loaded.plan is not None
    findings = read_actuals([str(data)], plans=[loaded.plan]).findings
    assert [(f.rule, f.line, f.column, f.message.split(" (2023")[0]) for f in findings] == [
        ("PC413", 2, 4, "the actuals of 'new-firms (dongcheng)'")]
