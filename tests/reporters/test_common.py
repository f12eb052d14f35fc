"""Number text, reasons and superseded rows shared by the human formats (reporters/common.py)."""
from __future__ import annotations

from dataclasses import replace

import pytest

from policycheck.model import Superseded
from policycheck.reporters import RenderOptions, render
from policycheck.reporters.common import (
    SUPERSEDED_COLUMNS,
    fmt_gap,
    fmt_number,
    fmt_percent,
    headers,
    result_reason,
    superseded_rows,
)
from tests.helpers.paths import EXAMPLES_DIR, PLANS_DIR
from tests.helpers.report_demo import RESULTS, build_report


@pytest.mark.parametrize(("value", "text"), [
    (0.5844, "0.58"), (-0.6667, "-0.67"), (3.368, "3.37"), (0.012, "0.01"), (1228.0, "1228"), (5, "5"),
    (2.5, "2.5"), (3.10, "3.1"), (-0.001, "0"), (-0.0, "0"), (123456.789, "123456.79"), (None, "—"),
    (True, "是"), (False, "否"), (float("inf"), "inf"),
])
def test_values_have_at_most_two_decimals(value: float | bool | None, text: str) -> None:
    assert fmt_number(value) == text


@pytest.mark.parametrize(("gap", "text"), [
    (0.5844, "+0.58"), (-0.9259, "-0.93"), (0.0, "0"), (-0.004, "0"), (20.0, "+20"), (None, "—"),
])
def test_gaps_carry_their_sign(gap: float | None, text: str) -> None:
    assert fmt_gap(gap) == text


@pytest.mark.parametrize(("ratio", "text"), [
    (0.9167, "91.7%"), (0.95, "95%"), (1.0277777777777777, "102.8%"), (-0.00001, "0%"), (0.0, "0%"), (None, "—"),
    # From 1,000,000 % on: three significant digits (docs/reports.md#large-numbers).
    (9999.994, "999999.4%"), (10000.0, "1e+06%"), (96924187.5, "9.69e+09%"), (1e100, "1e+102%"),
    (-2e10, "-2e+12%"),
])
def test_percentages_have_one_decimal(ratio: float | None, text: str) -> None:
    assert fmt_percent(ratio) == text


def test_english_yes_no() -> None:
    assert (fmt_number(True, "en"), fmt_number(False, "en")) == ("yes", "no")


def test_superseded_rows_name_file_line_status_and_what_replaced_them() -> None:
    report = replace(build_report(), superseded=(
        Superseded("a.csv", 9, "demo-2021-2025", "patents", None, 2023, "estimate", 3.125, "final"),
        Superseded("a.csv", 12, "demo-2021-2025", "area", "dongcheng", 2022, "preliminary", None),
    ))
    assert headers(SUPERSEDED_COLUMNS, "zh") == ["位置", "指标代码", "责任单位", "年份", "数据状态", "数值", "被替代为"]
    assert superseded_rows(report, "zh") == [
        ["a.csv:9", "demo-2021-2025/patents", "—", "2023", "预计", "3.12", "正式"],
        ["a.csv:12", "demo-2021-2025/area", "dongcheng", "2022", "快报", "—", "—"],
    ]
    single = replace(report, plans=report.plans[:1])
    assert superseded_rows(single, "en")[0] == ["a.csv:9", "patents", "—", "2023", "estimate", "3.12", "final"]


@pytest.mark.parametrize("fmt", ["text", "table", "markdown"])
def test_human_formats_list_superseded_rows_and_findings(fmt: str) -> None:
    out = render(build_report(), fmt, RenderOptions(lang="zh"))
    assert "被替代的数据" in out and "data/actuals.csv:9" in out and "预计" in out
    assert "提示" in out and "PC405" in out and "PC309" in out
    plain = replace(build_report(), superseded=(), findings=())
    assert "被替代的数据" not in render(plain, fmt) and "PC405" not in render(plain, fmt)


def test_reason_in_chinese_and_english() -> None:
    result = replace(RESULTS[2], reason="behind the linear schedule: 0.06 below the expected 3.36",
                     reason_code="behind_below",
                     reason_args={"method": "linear", "difference": "0.06", "expected": "3.36"})
    assert result_reason(result, "zh") == "落后于序时进度：比序时目标值3.36低0.06"
    assert result_reason(result, "en") == "behind the linear schedule: 0.06 below the expected 3.36"
    assert result_reason(RESULTS[0], "zh") == "the 2025 value 3.6 is reached"  # no code: the stored text


def test_linhai_text_report_rounds_every_number_to_two_decimals() -> None:
    from policycheck.actuals.load import load_actuals
    from policycheck.evaluation.engine import evaluate
    from policycheck.plans.build import load_plan

    plan = load_plan(str(PLANS_DIR / "linhai-315-2023-2027.yaml"))
    actuals = load_actuals([str(EXAMPLES_DIR / "linhai.csv")], plans=[plan])
    out = render(evaluate([plan], actuals, year=2025), "text", RenderOptions(lang="zh"))
    growth = next(line for line in out.splitlines() if line.startswith("fiscal-st-growth"))
    assert growth.split()[2:] == ["≥15", "15.58", "15", "+0.58", "—", "103.9%", "已达成"]
    rd = next(line for line in out.splitlines() if line.startswith("rd-intensity "))
    assert rd.split()[2:] == ["≥3.6", "3.38", "3.37", "+0.01", "103.4%", "93.9%", "符合序时进度"]
    superseded = next(line for line in out.splitlines() if "linhai.csv:13" in line)
    assert superseded.split()[1:] == ["rd-intensity", "—", "2025", "预计", "3.31", "正式"]


def test_a_superseded_in_year_row_names_its_months() -> None:
    row = Superseded("a.csv", 7, "p", "jobs", None, 2025, "preliminary", 690.0, "final", period="2025-01/2025-06")
    report = replace(build_report(), superseded=(row,))
    assert superseded_rows(report, "zh") == [["a.csv:7", "p/jobs", "—", "2025年1-6月", "快报", "690", "正式"]]
    assert superseded_rows(report, "en")[0][3] == "2025 Jan-Jun"


_EXAMPLE_RUNS = [("taicang-sti-2018-2020.yaml", "taicang.csv"), ("linhai-315-2023-2027.yaml", "linhai.csv"),
                 ("bengbu-sti-2023-2025.yaml", "bengbu.csv"), ("linyi-sti-2021-2025.yaml", "linyi.csv"),
                 ("zhejiang-sti-2024.yaml", "zhejiang.csv"), ("china-14th-fyp-2021-2025.yaml", "china-14th-fyp.csv")]


@pytest.mark.parametrize(("plan", "actuals"), _EXAMPLE_RUNS, ids=[p for p, _ in _EXAMPLE_RUNS])
def test_the_summary_counts_are_the_display_status_of_each_result(plan: str, actuals: str) -> None:
    """display_counts counts pending results by reason and shows each reason once; the counts are those
    of display_status for every result, in the same order, from the result table and from built results."""
    from collections import Counter

    from policycheck.reporters.common import DISPLAY_STATUSES, display_counts, display_status
    from policycheck.service import run_check

    report = run_check([str(PLANS_DIR / plan)], [str(EXAMPLES_DIR / actuals)]).report
    from_table = display_counts(report)  # before any Result is built: the table's rows
    each = Counter(display_status(result) for result in tuple(report.results))
    expected = {status: each[status] for status in DISPLAY_STATUSES if each[status]}
    assert list(from_table.items()) == list(expected.items()) == list(display_counts(report).items())
    assert sum(from_table.values()) == len(report.results)
    if plan.startswith("bengbu"):  # not vacuous: a pending result shown as no_baseline, another as pending
        assert from_table["no_baseline"] == 1 and from_table["pending"] == 1
