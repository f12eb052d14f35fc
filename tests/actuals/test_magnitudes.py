"""Every Chinese magnitude, approximate figures and stated verdicts in value cells (docs/actuals.md#values)."""
from __future__ import annotations

from pathlib import Path

import pytest

from policycheck.actuals.cells import (
    CellError,
    CellFlags,
    measure_factor,
    numeric_cell,
    parse_bool,
    parse_grade,
    parse_number,
    read_number,
)
from policycheck.actuals.load import read_actuals
from policycheck.model import Location, Plan, Target
from policycheck.verdicts import stated_verdict


@pytest.mark.parametrize(("cell", "measure", "value"), [
    ("15507.87亿", "万亿元", 1.550787),  # exactly, not 1.5507870000000002
    ("1.6万亿", "亿元", 16000.0),
    ("3千万", "亿元", 0.3),
    ("2.5百万", "万元", 250.0),
    ("4十万", "万元", 40.0),
    ("1.2十亿", "亿元", 12.0),
    ("7百亿", "亿元", 700.0),
    ("3千亿", "万亿元", 0.3),
    ("8千", "万元", 0.8),
    ("1728万", "亿元", 0.1728),
    ("3亿", "亿美元", 3.0),
])
def test_every_magnitude_converts_exactly(cell: str, measure: str, value: float) -> None:
    assert parse_number(cell, measure) == value


@pytest.mark.parametrize(("got", "want", "factor"), [
    ("万亿元", "亿元", 1e4), ("亿元", "万亿元", 1e-4), ("千万元", "亿元", 0.1), ("亿美元", "万美元", 1e4),
    ("百万元", "万元", 100.0), ("十亿元", "亿元", 10.0), ("百亿元", "亿元", 100.0), ("千亿元", "万亿元", 0.1),
    ("十万元", "万元", 10.0), ("千元", "元", 1e3),
    ("百分点", "分点", None),  # 百 alone is not a magnitude
    ("万亿元", "万亿美元", None),
])
def test_measures_with_any_magnitude_convert(got: str, want: str, factor: float | None) -> None:
    assert measure_factor(got, want) == factor


@pytest.mark.parametrize(("cell", "number", "approximate"), [
    ("4.4左右", 4.4, True), ("约4.4", 4.4, True), ("4.4%左右", 4.4, True), ("大约 4.4", 4.4, True),
    ("约1.6万亿", 1.6, True), ("4.4", 4.4, False),
])
def test_approximate_figures_read_as_their_number(cell: str, number: float, approximate: bool) -> None:
    parsed = read_number(cell)
    assert parsed is not None and (parsed.number, parsed.approximate) == (number, approximate)


def test_a_number_cell_carries_its_marks() -> None:
    plain = numeric_cell("3.6", "%")
    assert plain == 3.6
    approx = numeric_cell("约4.4%", "%")
    assert isinstance(approx, CellFlags) and (approx.value, approx.approximate, approx.converted) == (4.4, True, None)
    converted = numeric_cell("15507.87亿", "万亿元")
    assert isinstance(converted, CellFlags) and (converted.value, converted.converted) == (1.550787, ("亿", "万亿元"))
    by_column = numeric_cell("1728", "亿元", scale=-4, given="万元")
    assert isinstance(by_column, CellFlags) and (by_column.value, by_column.converted) == (0.1728, ("万元", "亿元"))
    same = numeric_cell("3亿", "亿元")
    assert same == 3.0  # no conversion, nothing to check
    stated = numeric_cell("提前全面完成", "亿元")
    assert isinstance(stated, CellFlags) and (stated.value, stated.stated, stated.met) == (None, "提前全面完成", True)


@pytest.mark.parametrize(("word", "verdict"), [
    ("完成", True), ("已完成", True), ("提前完成", True), ("超额完成", True), ("提前全面完成", True),
    ("达标", True), ("未完成", False), ("未达成", False), ("未达标", False), ("基本完成", None), ("3.6", None),
])
def test_stated_verdicts(word: str, verdict: bool | None) -> None:
    assert stated_verdict(word) is verdict


def test_milestone_cells_take_the_stated_words_too() -> None:
    assert parse_bool("提前全面完成") is True
    assert parse_bool("未达标") is False


def test_grades_are_positions_in_the_categories() -> None:
    grades = ("三级", "二级", "一级")
    assert parse_grade("二级", grades) == 1.0
    assert parse_grade("—", grades) is None
    with pytest.raises(CellError, match="'特级' is not one of the grades of this target \\(三级, 二级, 一级\\)"):
        parse_grade("特级", grades)


def _plan(*targets: Target) -> Plan:
    return Plan(id="p", title="规划", period_start=2024, period_end=2025, baseline_year=2023, file="p.yaml",
                targets=targets)


def _target(tid: str, unit: str | None, **kw: object) -> Target:
    return Target(id=tid, name=tid, kind=kw.pop("kind", "level"), location=Location("p.yaml", 1, 1),  # type: ignore[arg-type]
                  unit=unit, comparator=kw.pop("comparator", ">="), milestones=((2025, 1.6),), **kw)  # type: ignore[arg-type]


def test_the_reader_keeps_marks_with_the_rows(tmp_path: Path) -> None:
    plan = _plan(_target("value-added", "万亿元"), _target("air", None, kind="category", comparator=">=",
                                                            categories=("三级", "二级", "一级")))
    path = tmp_path / "a.csv"
    path.write_text("target,year,value,单位\n"
                    "value-added,2023,14800亿,\n"
                    "value-added,2024,约1.55,万亿元\n"
                    "value-added,2025,提前完成,\n"
                    "air,2024,二级,\n", encoding="utf-8")
    actuals = read_actuals([str(path)], plans=[plan])
    assert actuals.findings == []
    series = actuals.get("p", "value-added")
    assert series[2023].value == pytest.approx(1.48) and series[2023].converted == ("亿", "万亿元")
    assert (series[2024].value, series[2024].approximate) == (1.55, True)
    assert (series[2025].value, series[2025].stated, series.stated(2025)) == (None, "提前完成", "提前完成")
    assert series.latest_present_year() == 2025
    assert actuals.get("p", "air")[2024].value == 1.0


def test_wide_files_keep_marks_too(tmp_path: Path) -> None:
    plan = _plan(_target("value-added", "万亿元"))
    path = tmp_path / "a.csv"
    path.write_text("指标,2023年,2024年,2025年\nvalue-added,14800亿,约1.55,未完成\n", encoding="utf-8")
    series = read_actuals([str(path)], plans=[plan]).get("p", "value-added")
    assert (series[2023].converted, series[2024].approximate, series[2025].stated) == (("亿", "万亿元"), True, "未完成")


def test_a_stated_verdict_and_a_number_for_one_year_conflict(tmp_path: Path) -> None:
    plan = _plan(_target("value-added", "万亿元"))
    path = tmp_path / "a.csv"
    path.write_text("target,year,value\nvalue-added,2025,已完成\nvalue-added,2025,1.62\n", encoding="utf-8")
    findings = read_actuals([str(path)], plans=[plan]).findings
    assert [(f.rule, f.line, f.message) for f in findings] == [
        ("PC404", 3, "value 1.62 conflicts with '已完成' on line 2 (same target, unit, year 2025 and status 'final')")]


def test_a_grade_that_is_not_one_is_pc402(tmp_path: Path) -> None:
    plan = _plan(_target("air", None, kind="category", categories=("三级", "二级", "一级")))
    path = tmp_path / "a.csv"
    path.write_text("target,year,value\nair,2025,特级\n", encoding="utf-8")
    findings = read_actuals([str(path)], plans=[plan]).findings
    assert [(f.rule, f.line, f.column) for f in findings] == [("PC402", 2, 3)]
