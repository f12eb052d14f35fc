"""--period on the command line, and the real monthly example (docs/walkthrough.md#8)."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from policycheck.cli.commands import main
from tests.helpers.paths import EXAMPLES_DIR, PLANS_DIR

PLAN = str(PLANS_DIR / "china-gov-work-report-2025.yaml")
CSV = str(EXAMPLES_DIR / "china-2025-monthly.csv")


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_the_real_example_validates_with_no_finding() -> None:
    assert _run("validate", "--lang", "en", PLAN, CSV) == (0, "policycheck: 2 files checked, no problems found\n", "")


@pytest.mark.parametrize(("period", "code", "statuses"), [
    ("2025-03", 0, {"gdp-growth": "on_track", "unemployment-rate": "on_track", "new-urban-jobs": "no_data",
                    "cpi": "no_data"}),
    ("2025H1", 0, {"gdp-growth": "on_track", "unemployment-rate": "on_track", "new-urban-jobs": "on_track",
                   "cpi": "no_data"}),
    ("2025Q3", 1, {"gdp-growth": "on_track", "unemployment-rate": "on_track", "new-urban-jobs": "on_track",
                   "cpi": "regressing"}),
])
def test_the_real_example_at_each_published_period(period: str, code: int, statuses: dict[str, str]) -> None:
    exit_code, out, _ = _run("check", PLAN, "-a", CSV, "--period", period, "-f", "json")
    report = json.loads(out)
    assert exit_code == code
    assert {r["target"]: r["status"] for r in report["results"]} == statuses


def test_the_real_example_numbers_at_september() -> None:
    report = json.loads(_run("check", PLAN, "-a", CSV, "--period", "2025-09", "-f", "json")[1])
    jobs = next(r for r in report["results"] if r["target"] == "new-urban-jobs")
    assert (jobs["actual"], jobs["schedule"], jobs["schedule_years"], jobs["basis"]) == (1057.0, "seasonal", [2024],
                                                                                         "ytd")
    assert jobs["elapsed"] == pytest.approx(1049 / 1256)
    assert jobs["expected"] == pytest.approx(1200 * 1049 / 1256)
    assert jobs["attainment"] == pytest.approx(1057 / 1200)
    assert jobs["source"].startswith("香港中通社 2025-10-29")
    jobless = next(r for r in report["results"] if r["target"] == "unemployment-rate")
    assert (jobless["actual"], jobless["actual_period"], jobless["schedule"]) == (5.2, "2025-01/2025-09", "none")
    assert report["plans"][0]["as_of"] == "2025-09"


def test_without_period_the_latest_month_is_assessed() -> None:
    code, out, err = _run("check", PLAN, "-a", CSV, "-v", "-f", "text")
    assert code == 1
    assert err.splitlines()[1:] == [f"{CSV}：1 个观测值和 16 个年内数据，共 4 个序列，0 行被取代",
                                    f"{PLAN}：评估时点为 2025-09 末（有年内数据的最近一个月）"]
    assert out.endswith("policycheck: 共 4 项结果（不进反退 1，符合序时进度 3）；1 项不通过\n")
    assert out.startswith("政府工作报告（2025年） [china-gov-work-report-2025] 期别 2025年1-9月\n")
    _, _, err = _run("check", PLAN, "-a", CSV, "-v", "-f", "text", "--lang", "en")
    assert err.splitlines()[1:] == [f"{CSV}: 1 observations and 16 in-year figures in 4 series, 0 superseded rows",
                                    f"{PLAN}: assessed at the end of 2025-09 (the latest month with in-year data)"]


def test_year_end_of_the_example_is_no_data_for_want_of_the_whole_year() -> None:
    report = json.loads(_run("check", PLAN, "-a", CSV, "--year", "2025", "-f", "json", "--fail-on", "never")[1])
    assert "as_of" not in report["plans"][0]
    assert {r["status"] for r in report["results"]} == {"no_data"}


def test_mid_year_summary_line() -> None:
    assert _run("check", PLAN, "-a", CSV, "--period", "2025-06", "-q")[1] == (
        "policycheck: 共 4 项结果（缺少数据 1，符合序时进度 3）；0 项不通过；时间过半、任务过半\n")


def test_units_takes_period_too() -> None:
    code, out, _ = _run("units", PLAN, "-a", CSV, "--period", "2025Q3", "-f", "json")
    assert code == 1 and json.loads(out)["plans"][0]["as_of"] == "2025-09"


def test_explain_shows_the_months_of_the_year() -> None:
    code, out, _ = _run("explain", PLAN, "unemployment-rate", "-a", CSV, "--period", "2025-09", "--lang", "en")
    assert code == 0
    assert "unemployment-rate: Surveyed urban unemployment rate (Period 2025 Jan-Sep)" in out
    months = out[out.index("Months of the year 2025"):].split("\n")
    # ≈5.5 (±10%): every figure is inside the requirement, so the gap is 0 (docs/evaluation.md#the-sign-of-gaps).
    assert months[1:8] == [
        "Month  Actual  Expected  Gap  Status",
        "Mar       5.3       5.5    0  on track",
        "Jun       5.2       5.5    0  on track",
        "Sep       5.2       5.5    0  on track",
        "Oct         —       5.5    —  pending",
        "Nov         —       5.5    —  pending",
        "Dec         —       5.5    —  pending",
    ]


def test_in_year_gaps_have_the_one_sign_of_the_reports() -> None:
    code, out, _ = _run("explain", PLAN, "new-urban-jobs", "-a", CSV, "--period", "2025-09", "--lang", "en")
    assert code == 0
    assert "Requirement: ≥1200 (each year to 2025)" in out
    months = out[out.index("Months of the year 2025"):].split("\n")
    assert months[1:5] == [
        "Month  Actual  Expected     Gap  Status",
        "Jun       695    666.88  +28.12  on track",
        "Sep      1057   1002.23  +54.77  on track",
        "Dec         —      1200       —  pending",
    ]


def test_in_year_csv_report_has_the_in_year_columns() -> None:
    out = _run("check", PLAN, "-a", CSV, "--period", "2025-06", "-f", "csv")[1]
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))
    jobs = next(r for r in rows if r["target"] == "new-urban-jobs")
    assert (jobs["as_of"], jobs["actual_period"], jobs["basis"], jobs["schedule"], jobs["schedule_years"]) == (
        "2025-06", "2025-01/2025-06", "ytd", "seasonal", "2024")
    assert "months" not in jobs


def test_in_year_csv_for_people_names_the_months_and_the_share_due() -> None:
    out = _run("check", PLAN, "-a", CSV, "--period", "2025-06", "-f", "csv", "--lang", "zh")[1]
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))
    assert list(rows[0])[7:10] == ["年份", "期别", "本年序时进度(%)"]
    jobs = next(r for r in rows if r["指标代码"] == "new-urban-jobs")
    assert {k: jobs[k] for k in ("要求", "期别", "本年序时进度(%)", "实际值", "序时目标值", "差距", "状态")} == {
        "要求": "≥1200", "期别": "2025年1-6月", "本年序时进度(%)": "55.6", "实际值": "695",
        "序时目标值": "666.88", "差距": "28.12", "状态": "符合序时进度"}


@pytest.mark.parametrize(("args", "message"), [
    (("--period", "2025-06", "--year", "2025"), "give --year (a year end) or --period (the end of a month), not both"),
    (("--period", "2025-13"), "does not name months between 1 and 12"),
    (("--period", "next"), "Invalid value for '--period'"),
])
def test_bad_period_options_are_usage_errors(args: tuple[str, ...], message: str) -> None:
    code, _, err = _run("check", PLAN, "-a", CSV, "--lang", "en", *args)
    assert code == 2
    assert message in err


@pytest.mark.parametrize(("args", "line"), [
    (("--period", "2025-06", "--year", "2025"), "Error: 请给出 --year（年末）或 --period（月末），不要同时给出"),
    (("--period", "2025-06", "--year", "2025", "--lang", "en"),
     "Error: give --year (a year end) or --period (the end of a month), not both"),
])
def test_year_and_period_together_are_told_in_either_language(args: tuple[str, ...], line: str) -> None:
    code, out, err = _run("check", PLAN, "-a", CSV, *args)
    assert (code, out, err.splitlines()[-1]) == (2, "", line)


def test_a_bad_period_is_told_in_chinese_by_default() -> None:
    code, out, err = _run("check", PLAN, "-a", CSV, "--period", "2025-13")
    assert (code, out) == (2, "")
    assert err.splitlines()[-1] == (
        "Error: Invalid value for '--period': 期别 '2025-13' 没有按顺序写出 1 到 12 之间的月份；请写成如 2025, "
        "2025年1-9月, 2025年前三季度, 2025年上半年, 2025Q3, 2025-09 or 2025年9月")


def test_an_ambiguous_period_row_stops_the_check_at_its_cell(tmp_path: Path) -> None:
    data = tmp_path / "m.csv"
    data.write_text("指标,期别,数值\nnew-urban-jobs,2025年1-6月,695\nnew-urban-jobs,2025-09,1057\n", encoding="utf-8")
    code, out, err = _run("check", PLAN, "-a", str(data), "--period", "2025-09", "--lang", "en")
    assert (code, out) == (2, "")
    assert err.startswith(f"{data}:3:2: error [PC408] period '2025-09' does not say whether its figure is the year "
                          "to date (累计) or month 9 alone (当月)")


def test_valid_period_rows_are_no_longer_refused(tmp_path: Path) -> None:
    data = tmp_path / "m.csv"
    data.write_text("target,year,value\nnew-urban-jobs,2025年1-9月,1057\nnew-urban-jobs,2025年前三季度,1057\n",
                    encoding="utf-8")
    code, out, _ = _run("validate", "--lang", "en", PLAN, str(data))
    assert (code, out) == (0, f"{data}:3:3: warning [PC405] duplicate of line 2 (same period 2025年1-9月, status and "
                              "value)\n")


def test_the_in_year_workbook_has_the_months(tmp_path: Path) -> None:
    import python_calamine

    path = tmp_path / "2025-09.xlsx"
    code, _, _ = _run("check", PLAN, "-a", CSV, "--period", "2025-09", "-o", f"xlsx={path}", "-q")
    assert code == 1
    with python_calamine.CalamineWorkbook.from_path(str(path)) as book:
        assert book.sheet_names == ["结果", "责任单位", "被替代的数据", "问题", "本年各月"]
        header, *rows = book.get_sheet_by_name("结果").to_python()
        months = book.get_sheet_by_name("本年各月").to_python()
    assert header[7:11] == ["年份", "期别", "序时进度", "序时方法"]
    jobs = next(row for row in rows if row[1] == "new-urban-jobs")
    assert jobs[8:11] == ["2025年1-9月", pytest.approx(1049 / 1256), "季节性序时进度"]
    assert months[0] == ["规划", "指标代码", "责任单位", "指标名称", "月份", "实际值", "序时目标值"]
    job_months = [row[4:] for row in months if row[1] == "new-urban-jobs"]
    assert job_months == [[6.0, 695.0, pytest.approx(1200 * 698 / 1256)],
                          [9.0, 1057.0, pytest.approx(1200 * 1049 / 1256)], [12.0, "—", 1200.0]]
