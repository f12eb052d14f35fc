"""A target judged after its final year on a later figure, with none for the final year itself:
PC417 (docs/evaluation.md#after-the-final-year).

The case is a bureau's file with the baseline and a 2027 figure but no 2025 row, checked
against a plan whose period ends in 2025: rule 2 judges 到2025年达3.6% on 3.7 (2027) as met,
and the warning says that no 2025 figure was seen.
"""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from policycheck.cli.commands import main

PLAN = """\
policycheck: 1
plan:
  id: demo
  title: 示范市科技创新规划
  period: {start: 2021, end: 2025}
  baseline_year: 2020
units:
  kjj: {name: 市科技局}
targets:
  - id: rd
    name: 研发投入强度
    unit: "%"
    kind: level
    comparator: ">="
    milestones: {2023: 3.0, 2025: 3.6}
    responsible: [kjj]
    quote: 到2025年研发投入强度达3.6%
  - id: growth
    name: 高新技术产业增加值增速
    unit: "%"
    kind: annual
    comparator: ">="
    value: 8
    responsible: [kjj]
    quote: 高新技术产业增加值年均增长8%以上
"""
LATE = "target,year,value\nrd,2020,2.6\nrd,2027,3.7\n"
EN = ("rd: the requirement is for 2025, but the series has no 2025 figure and the result is judged on the "
      "2027 figure (3.7); enter the 2025 figure, or assess at --year 2025")
ZH = ("rd：目标年份为 2025 年，但没有 2025 年的实际值，结果按 2027 年的数值（3.7）评判；"
      "请填写 2025 年的实际值，或用 --year 2025 评估")


def _run(tmp_path: Path, csv_text: str, *extra: str) -> tuple[int, str, str]:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    data = tmp_path / "a.csv"
    data.write_text(csv_text, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(plan), "-a", str(data), *extra], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _findings(tmp_path: Path, csv_text: str, *extra: str) -> tuple[int, list[tuple[str, str, str, int, int, str]]]:
    code, out, _ = _run(tmp_path, csv_text, "-f", "json", *extra)
    report = json.loads(out)
    return code, [(f["rule"], f["level"], Path(f["file"]).name, f["line"], f["column"], f["message"])
                  for f in report["findings"]]


def test_a_later_figure_without_one_for_the_final_year_is_pc417_at_its_cell(tmp_path: Path) -> None:
    code, found = _findings(tmp_path, LATE, "--lang", "en")
    assert code == 0  # a warning: the verdict (met, rule 2) and the exit code stand
    assert found == [("PC417", "warning", "a.csv", 3, 3, EN)]


def test_the_table_says_it_in_chinese(tmp_path: Path) -> None:
    code, out, _ = _run(tmp_path, LATE)
    assert code == 0
    assert f"a.csv:3:3: warning [PC417] {ZH}" in out
    assert "已达成" in out


def test_a_missed_result_warns_the_same_way(tmp_path: Path) -> None:
    code, found = _findings(tmp_path, "target,year,value\nrd,2020,2.6\nrd,2026,3.1\n", "--lang", "en")
    assert code == 1  # missed, binding: the run fails on the verdict, not on the warning
    assert found == [("PC417", "warning", "a.csv", 3, 3, EN.replace("2027", "2026").replace("3.7", "3.1"))]


def test_strict_treats_it_as_check_treats_every_warning(tmp_path: Path) -> None:
    """check --strict lets aspirational targets fail; warnings, PC414 as this one, never change the
    exit code of check (validate --strict is where warnings fail)."""
    assert _findings(tmp_path, LATE, "--strict", "--lang", "en") == (0, [("PC417", "warning", "a.csv", 3, 3, EN)])


def test_no_warning_with_the_final_years_figure_or_at_it(tmp_path: Path) -> None:
    with_final = "target,year,value\nrd,2020,2.6\nrd,2025,3.5\nrd,2027,3.7\n"
    assert _findings(tmp_path, with_final) == (0, [])
    assert _findings(tmp_path, LATE, "--year", "2025")[1] == []  # no_data at 2025: nothing judged late
    assert _findings(tmp_path, "target,year,value\nrd,2020,2.6\nrd,2024,3.7\n")[1] == []  # before T


def test_a_stated_final_year_counts_as_a_figure(tmp_path: Path) -> None:
    assert _findings(tmp_path, "target,year,value\nrd,2020,2.6\nrd,2025,已完成\nrd,2027,3.7\n")[1] == []


def test_annual_targets_judge_each_year_and_never_warn(tmp_path: Path) -> None:
    code, found = _findings(tmp_path, "target,year,value\ngrowth,2023,9\nrd,2020,2.6\nrd,2025,3.7\ngrowth,2027,9\n")
    assert (code, found) == (0, [])
