"""In-year, a target relative to its baseline with no figure at all is no_data, as at the year end
(docs/evaluation.md#level-rank-cumulative rule 1, docs/evaluation.md#in-year).

The plan is the one a statistician checks in October: an energy-intensity
target (比2020年下降13.5%, 约束性), a 翻番 target and an annual jobs target; the CSV
holds only the jobs figure for 1-9月.  ``--fail-on no-data`` must fail the run
for the binding target that has nothing, not pass it as "no baseline".
"""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from policycheck.cli.commands import main
from tests.helpers.plan_files import CITY_PLAN_HEAD

PLAN = CITY_PLAN_HEAD + """\
  - id: energy
    name: 单位地区生产总值能耗
    unit: 吨标准煤/万元
    kind: level
    comparator: "<="
    milestones: {2025: {change: -13.5, in: percent, since: 2020}}
    attribute: 约束性
    quote: 单位地区生产总值能耗比2020年下降13.5%
  - id: jobs
    name: 城镇新增就业
    unit: 万人
    kind: annual
    comparator: ">="
    value: 12
    quote: 城镇新增就业12万人以上
"""

DOUBLING = """\
  - id: doubling
    name: 专利翻番
    unit: 件
    kind: level
    comparator: ">="
    milestones: {2025: {times_baseline: 2}}
    attribute: 约束性
    quote: 比2020年翻番
"""


def _check(tmp_path: Path, csv_text: str, *args: str, plan_text: str = PLAN) -> tuple[int, str]:
    plan = tmp_path / "plan4.yaml"
    plan.write_text(plan_text, encoding="utf-8")
    data = tmp_path / "p4.csv"
    data.write_text(csv_text, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(plan), "-a", str(data), *args], catch_exceptions=False)
    return result.exit_code, result.stdout


def _results(out: str) -> dict[str, tuple[str, str, str, bool]]:
    return {r["target"]: (r["status"], r["reason_code"], r["reason"], r["failing"])
            for r in json.loads(out)["results"]}


def test_a_change_target_with_no_figure_is_no_data_in_year(tmp_path: Path) -> None:
    code, out = _check(tmp_path, "指标,期别,数值\njobs,2025年1-9月,9.3\n", "--period", "2025-09",
                       "--fail-on", "no-data", "-f", "json", "--lang", "en")
    assert _results(out)["energy"] == ("no_data", "inyear_no_data", "no actual for 2025 Jan-Sep and none earlier", True)
    assert json.loads(out)["summary"]["failing"] == 1
    assert code == 1  # as at the year end, where energy without data is no_data and fails the run


def test_the_table_says_no_data_and_one_failing(tmp_path: Path) -> None:
    code, out = _check(tmp_path, "指标,期别,数值\njobs,2025年1-9月,9.3\n", "--period", "2025-09",
                       "--fail-on", "no-data", "--lang", "en")
    assert code == 1
    assert "no data (binding)" in out and "no baseline" not in out
    assert out.rstrip().endswith("policycheck: 2 results (no data 1, on track 1); 1 failing")


def test_a_times_baseline_target_with_no_figure_is_no_data_in_year(tmp_path: Path) -> None:
    code, out = _check(tmp_path, "指标,期别,数值\njobs,2025年1-9月,9.3\n", "--period", "2025-09",
                       "--fail-on", "no-data", "-f", "json", "--lang", "en", plan_text=PLAN + DOUBLING)
    assert _results(out)["doubling"] == ("no_data", "inyear_no_data", "no actual for 2025 Jan-Sep and none earlier",
                                         True)
    assert code == 1


def test_a_figure_without_its_baseline_is_pending_and_says_which_milestone(tmp_path: Path) -> None:
    code, out = _check(tmp_path, "指标,期别,数值\nenergy,2025年1-9月,0.45\ndoubling,2025年1-9月,300\n",
                       "--period", "2025-09", "--fail-on", "no-data", "-f", "json", "--lang", "en",
                       plan_text=PLAN + DOUBLING)
    results = _results(out)
    assert results["energy"] == ("pending", "no_baseline_change",
                                 "no base-year value: cannot resolve a change from the base year", False)
    assert results["doubling"] == ("pending", "no_baseline_times",
                                   "no baseline: cannot resolve the times_baseline milestone", False)
    energy = next(r for r in json.loads(out)["results"] if r["target"] == "energy")
    assert (energy["actual"], energy["actual_period"]) == (0.45, "2025-01/2025-09")
    assert code == 1  # jobs has no figure: no_data, binding


def test_the_year_end_agrees(tmp_path: Path) -> None:
    code, out = _check(tmp_path, "指标,期别,数值\njobs,2023,12.3\n", "--fail-on", "no-data", "-f", "json",
                       "--lang", "en")
    assert _results(out)["energy"][:3] == ("no_data", "no_data", "no actual for 2023 and none before")
    assert code == 1


def test_a_change_without_its_baseline_is_labelled_no_baseline_not_pending(tmp_path: Path) -> None:
    # 缺少基期 is not 未到期 (docs/reports.md): a change milestone is as unresolvable as a 翻番 one
    for args in (("--period", "2025-09"), ("--year", "2025")):
        period = "2025年1-9月" if args[0] == "--period" else "2025"
        rows = f"指标,期别,数值\nenergy,{period},0.45\n"
        code, out = _check(tmp_path, rows, *args, "--lang", "en")
        assert "no baseline (binding)" in out, args
        assert "(no data 1, no baseline 1)" in out, args
        assert code == 0, args
