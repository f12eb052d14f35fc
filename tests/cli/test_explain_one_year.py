"""explain of a one-year requirement (years: [T, T], docs/evaluation.md#one-year-requirements): its heading
names year T, not every year, and the years before T show no requirement, as none applies to them."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from policycheck.cli.commands import main
from tests.helpers.paths import ROOT

PLAN = """\
policycheck: 1
plan:
  id: demo4
  title: 示范市规划
  period: {{start: 2021, end: 2025}}
  baseline_year: 2020
targets:
  - id: budget
    name: 科技支出
    unit: 亿元
    kind: annual
    comparator: ">="
    value: 6.6
    years: {years}
    quote: 2023年科技支出6.6亿元
"""
#: 2022 is before the requirement's year; 2025's figure is later than it and not what the verdict rests on.
CSV = "target,year,value\nbudget,2022,5.0\nbudget,2023,6.0\nbudget,2025,7\n"


def _explain(tmp_path: Path, *args: str, years: str = "[2023, 2023]") -> tuple[int, list[str]]:
    plan, data = tmp_path / "plan.yaml", tmp_path / "a.csv"
    plan.write_text(PLAN.format(years=years), encoding="utf-8")
    data.write_text(CSV, encoding="utf-8")
    result = CliRunner().invoke(main, ["explain", str(plan), "budget", "-a", str(data), *args])
    return result.exit_code, result.stdout.splitlines()


def _rows(lines: list[str]) -> list[list[str]]:
    """The year table's rows, cell by cell (its column widths are the terminal's business)."""
    start = next(i for i, line in enumerate(lines) if line.startswith(("年份", "Year"))) + 1
    return [line.split() for line in lines[start:start + 6]]


def test_after_its_year_it_keeps_the_verdict_of_that_year(tmp_path: Path) -> None:
    code, lines = _explain(tmp_path, "--year", "2025")
    assert code == 1  # missed in 2023: a failing result of a binding target
    assert lines[1:4] == ["budget: 科技支出（年份 2025）", "要求：≥6.6（2023年）",
                          "未达成：2023年要求≥6.6未完成：当年实际值6"]
    assert _rows(lines) == [
        ["2020", "—", "—", "—", "未到期"],
        ["2021", "—", "—", "—", "未到期"],
        ["2022", "5", "—", "—", "未到期"],
        ["2023", "6", "6.6", "-0.6", "未达成"],
        ["2024", "6", "6.6", "-0.6", "未达成"],
        ["2025", "6", "6.6", "-0.6", "未达成"],
    ]


def test_before_its_year_nothing_is_required_yet(tmp_path: Path) -> None:
    code, lines = _explain(tmp_path, "--year", "2022", "--lang", "en")
    assert code == 0
    assert lines[2] == "Requirement: ≥6.6 (in 2023)"
    assert _rows(lines) == [
        ["2020", "—", "—", "—", "pending"],
        ["2021", "—", "—", "—", "pending"],
        ["2022", "5", "—", "—", "pending"],
        ["2023", "—", "6.6", "—", "pending"],
        ["2024", "—", "—", "—", "pending"],
        ["2025", "—", "—", "—", "pending"],
    ]


@pytest.mark.parametrize(("years", "zh", "en"), [
    ("[2022, 2024]", "要求：≥6.6（2022—2024年每年）", "Requirement: ≥6.6 (each year 2022–2024)"),
    ("[2021, 2025]", "要求：≥6.6（2021—2025年每年）", "Requirement: ≥6.6 (each year 2021–2025)"),
])
def test_a_requirement_over_several_years_names_them(tmp_path: Path, years: str, zh: str, en: str) -> None:
    assert _explain(tmp_path, "--year", "2025", years=years)[1][2] == zh
    assert _explain(tmp_path, "--year", "2025", "--lang", "en", years=years)[1][2] == en


def test_plan_format_agrees_with_the_evaluation_page_and_cites_no_outside_section() -> None:
    text = (ROOT / "docs" / "plan-format.md").read_text(encoding="utf-8")
    assert "SPEC" not in text
    assert "pending` in any other assessment year" not in text
    assert "keeps the verdict of year T" in text and "docs/evaluation.md#one-year-requirements" in text
