"""read_actuals / load_actuals: forms, values, resolution, duplicates (docs/actuals.md)."""
from __future__ import annotations

from pathlib import Path

import pytest

from policycheck.actuals.load import load_actuals, read_actuals
from policycheck.errors import ActualsError
from policycheck.model import Superseded
from policycheck.observations import Actuals, Observation
from tests.helpers.csv_inputs import make_plan, write
from tests.helpers.paths import FIXTURES

PLAN = make_plan()


def _read(tmp_path: Path, text: str, **kwargs: object) -> Actuals:
    kwargs.setdefault("plans", [PLAN])
    return read_actuals([write(tmp_path, text)], **kwargs)  # type: ignore[arg-type]


def _rules(actuals: Actuals) -> list[tuple[str, str, int, int]]:
    return [(f.rule, f.level, f.line, f.column) for f in actuals.findings]


def _value(actuals: Actuals, target: str, year: int, unit: str | None = None) -> object:
    return actuals.series[("p1", target, unit)][year].value


def test_gb18030_file_as_excel_writes_it() -> None:
    path = str(FIXTURES / "actuals" / "excel-gb18030.csv")
    actuals = read_actuals([path], plans=[PLAN])
    assert actuals.findings == []
    rd = actuals.series[("p1", "rd-intensity", None)]
    assert rd[2022] == Observation(3.05, "final", path, 2, 3)
    assert rd[2023] == Observation(3.21, "final", path, 3, 3)
    assert rd[2024] == Observation(3.3, "preliminary", path, 4, 3)
    assert _value(actuals, "gdp", 2024) == 1230.5
    assert actuals.series[("p1", "firms", None)][2024] == Observation(None, "estimate", path, 6, 3)
    assert actuals.files == [path]


def test_long_form_english_headers_case_insensitive(tmp_path: Path) -> None:
    actuals = _read(tmp_path, " Target ,YEAR,Value,Source,Note\nrd-intensity,2023,3.1,统计年鉴,初值\n")
    obs = actuals.series[("p1", "rd-intensity", None)][2023]
    assert (obs.value, obs.source, obs.note, obs.line, obs.column) == (3.1, "统计年鉴", "初值", 2, 3)
    assert actuals.findings == []


def test_number_forms_in_cells(tmp_path: Path) -> None:
    text = ("target,year,value\n"
            "rd-intensity,2023,３．６\n"
            "firms,2023,\"1,500\"\n"
            "rd-intensity,2024,3.6%\n"
            "gdp,2023,1728万\n"
            "fund,2023,2.5亿\n")
    actuals = _read(tmp_path, text)
    assert actuals.findings == []
    assert _value(actuals, "rd-intensity", 2023) == 3.6
    assert _value(actuals, "firms", 2023) == 1500.0
    assert _value(actuals, "rd-intensity", 2024) == 3.6
    assert _value(actuals, "gdp", 2023) == pytest.approx(0.1728)
    assert _value(actuals, "fund", 2023) == 25000.0


@pytest.mark.parametrize("marker", ["", "-", "—", "/", "NA", "N/A", "..", "…", "无数据"])
def test_each_missing_marker_is_a_kept_missing_observation(tmp_path: Path, marker: str) -> None:
    actuals = _read(tmp_path, f"target,year,value\nrd-intensity,2023,{marker}\n")
    assert actuals.findings == []
    assert actuals.series[("p1", "rd-intensity", None)][2023] == Observation(
        None, "final", str(tmp_path / "a.csv"), 2, 3)


def test_milestone_target_values(tmp_path: Path) -> None:
    actuals = _read(tmp_path, "target,year,value\ncity,2023,否\ncity,2024,已完成\ncity,2025,maybe\n")
    assert _value(actuals, "city", 2023) is False
    assert _value(actuals, "city", 2024) is True
    assert _rules(actuals) == [("PC402", "error", 4, 3)]
    assert "not yes/no" in actuals.findings[0].message


def test_not_a_number_points_at_the_cell(tmp_path: Path) -> None:
    actuals = _read(tmp_path, "year,target,value\n2023,rd-intensity,3.6\n2024,rd-intensity,abc\n"
                              "2025,rd-intensity,1e999\n")
    assert _rules(actuals) == [("PC402", "error", 3, 3), ("PC402", "error", 4, 3)]
    assert actuals.findings[0].message.startswith("'abc' is not a number; expected a number such as 1500, 1,500")
    assert "finite" in actuals.findings[1].message
    assert list(actuals.series[("p1", "rd-intensity", None)]) == [2023]


def test_wide_form_with_year_headers(tmp_path: Path) -> None:
    text = "指标,单位名称,2022年,2023年,2024\nfirms,a,10,12,\nfirms,西城街道,5,-,7\n"
    actuals = _read(tmp_path, text)
    assert actuals.findings == []
    a = actuals.series[("p1", "firms", "a")]
    assert {y: o.value for y, o in a.items()} == {2022: 10.0, 2023: 12.0, 2024: None}
    assert (a[2023].line, a[2023].column) == (2, 4)
    b = actuals.series[("p1", "firms", "b")]
    assert {y: o.value for y, o in b.items()} == {2022: 5.0, 2023: None, 2024: 7.0}


def test_final_supersedes_estimate(tmp_path: Path) -> None:
    text = "target,year,value,status\nrd-intensity,2023,3.1,预计\nrd-intensity,2023,3.2,快报\nrd-intensity,2023,3.3,\n"
    actuals = _read(tmp_path, text)
    assert actuals.findings == []
    assert actuals.series[("p1", "rd-intensity", None)][2023].value == 3.3
    path = str(tmp_path / "a.csv")
    assert actuals.superseded == [
        Superseded(path, 2, "p1", "rd-intensity", None, 2023, "estimate", 3.1, "preliminary"),
        Superseded(path, 3, "p1", "rd-intensity", None, 2023, "preliminary", 3.2, "final"),
    ]


def test_weaker_status_after_final_is_superseded(tmp_path: Path) -> None:
    actuals = _read(tmp_path, "target,year,value,status\nrd-intensity,2023,3.3,final\nrd-intensity,2023,3.1,estimate\n")
    assert _value(actuals, "rd-intensity", 2023) == 3.3
    assert [(s.line, s.status) for s in actuals.superseded] == [(3, "estimate")]


def test_conflicting_duplicate_is_pc404_at_the_second_row(tmp_path: Path) -> None:
    text = "target,year,value\nrd-intensity,2023,3.1\ngdp,2023,5\nrd-intensity,2023,3.4\n"
    actuals = _read(tmp_path, text)
    assert _rules(actuals) == [("PC404", "error", 4, 3)]
    assert "conflicts with 3.1 on line 2" in actuals.findings[0].message
    assert _value(actuals, "rd-intensity", 2023) == 3.1


def test_exact_duplicate_is_pc405_warning(tmp_path: Path) -> None:
    actuals = _read(tmp_path, "target,year,value\nrd-intensity,2023,3.1\nrd-intensity,2023,3.10\n")
    assert _rules(actuals) == [("PC405", "warning", 3, 3)]
    assert "duplicate of line 2" in actuals.findings[0].message


def test_duplicate_across_files_names_the_file(tmp_path: Path) -> None:
    first = write(tmp_path, "target,year,value\nrd-intensity,2023,3.1\n", "a.csv")
    second = write(tmp_path, "target,year,value\nrd-intensity,2023,3.2\n", "b.csv")
    actuals = read_actuals([first, second], plans=[PLAN])
    assert [(f.rule, f.file, f.line) for f in actuals.findings] == [("PC404", second, 2)]
    assert f"line 2 of {first}" in actuals.findings[0].message


def test_value_replaces_an_empty_row(tmp_path: Path) -> None:
    actuals = _read(tmp_path, "target,year,value\nrd-intensity,2023,\nrd-intensity,2023,3.2\n")
    assert actuals.findings == []
    assert _value(actuals, "rd-intensity", 2023) == 3.2
    assert [(s.line, s.value) for s in actuals.superseded] == [(2, None)]


def test_unknown_target_with_suggestion(tmp_path: Path) -> None:
    text = "target,year,value\nrd-intensty,2023,3.1\nrd-intensty,2024,3.2\nrd-intensity,2023,3.0\n"
    actuals = _read(tmp_path, text)
    assert _rules(actuals) == [("PC403", "error", 2, 1)]
    assert actuals.findings[0].message == "unknown target 'rd-intensty' (did you mean 'rd-intensity'?) (2 rows)"
    warned = _read(tmp_path, text, allow_unknown=True)
    assert _rules(warned) == [("PC403", "warning", 2, 1)]
    assert _value(warned, "rd-intensity", 2023) == 3.0


def test_unknown_target_without_a_close_match_says_what_would_be_right(tmp_path: Path) -> None:
    actuals = _read(tmp_path, "target,year,value\nno-such-target,2023,1\n")
    assert _rules(actuals) == [("PC403", "error", 2, 1)]
    assert actuals.findings[0].message == (
        f"unknown target 'no-such-target' (not in plan {PLAN.id}); "
        "use an id the plan defines, or --allow-unknown to ignore such rows")


def test_reference_rows_are_kept(tmp_path: Path) -> None:
    actuals = _read(tmp_path, "target,year,value\nprov-rd,2023,2.9\n")
    assert _value(actuals, "prov-rd", 2023) == 2.9


def test_plan_column_and_ambiguous_target(tmp_path: Path) -> None:
    other = make_plan("p2")
    text = "target,year,value\nrd-intensity,2023,3.1\n"
    ambiguous = read_actuals([write(tmp_path, text)], plans=[PLAN, other])
    assert _rules(ambiguous) == [("PC401", "error", 2, 1)]
    assert "several plans (p1, p2)" in ambiguous.findings[0].message
    chosen = read_actuals([write(tmp_path, "规划,指标,年份,数值\np2,rd-intensity,2023,3.1\np3,gdp,2023,1\n")],
                          plans=[PLAN, other])
    assert chosen.series[("p2", "rd-intensity", None)][2023].value == 3.1
    assert _rules(chosen) == [("PC403", "error", 3, 1)]
    assert chosen.findings[0].message.startswith("unknown plan 'p3'")


def test_units_by_id_and_name_unknown_and_unscoped(tmp_path: Path) -> None:
    text = ("target,unit,year,value\n"
            "firms,a,2023,5\n"
            "firms,西城街道,2023,6\n"
            "firms,北城街道,2023,7\n"
            "rd-intensity,a,2023,3\n"
            "firms,kjj,2023,1\n")
    actuals = _read(tmp_path, text)
    assert _value(actuals, "firms", 2023, "a") == 5.0
    assert _value(actuals, "firms", 2023, "b") == 6.0
    assert _rules(actuals) == [("PC406", "error", 4, 2), ("PC407", "warning", 5, 2), ("PC407", "warning", 6, 2)]
    assert "unknown unit '北城街道'" in actuals.findings[0].message
    assert actuals.findings[1].message.startswith("row ignored: 'rd-intensity' has no scope")
    assert "not in the scope of 'firms'" in actuals.findings[2].message
    assert ("p1", "rd-intensity", "a") not in actuals.series


def test_measure_column_converts_wan_yi_else_pc409(tmp_path: Path) -> None:
    text = "target,year,value,计量单位\ngdp,2023,1728,万元\ngdp,2024,1.9,亿元\nfirms,2023,3,个\n"
    actuals = _read(tmp_path, text)
    assert _value(actuals, "gdp", 2023) == pytest.approx(0.1728)
    assert _value(actuals, "gdp", 2024) == 1.9
    assert _rules(actuals) == [("PC409", "error", 4, 4)]
    assert "'个'" in actuals.findings[0].message and "'家'" in actuals.findings[0].message


def test_bad_year_is_pc408(tmp_path: Path) -> None:
    actuals = _read(tmp_path, "target,year,value\nrd-intensity,23,3.1\nrd-intensity,2023.0,3.1\n"
                              "rd-intensity,2023年,3.1\n")
    assert _rules(actuals) == [("PC408", "error", 2, 2), ("PC408", "error", 3, 2)]
    assert _value(actuals, "rd-intensity", 2023) == 3.1


def test_unknown_status_is_pc402(tmp_path: Path) -> None:
    actuals = _read(tmp_path, "target,year,value,status\nrd-intensity,2023,3.1,draft\n")
    assert _rules(actuals) == [("PC402", "error", 2, 4)]
    assert "unknown data status 'draft'" in actuals.findings[0].message


def test_missing_required_column_is_pc401_at_line_1(tmp_path: Path) -> None:
    actuals = _read(tmp_path, "target,年份\nrd-intensity,2023\n")
    assert _rules(actuals) == [("PC401", "error", 1, 0)]
    assert "missing required column 'value'" in actuals.findings[0].message
    assert actuals.series == {}


def test_unknown_column_is_a_warning_at_the_header_cell(tmp_path: Path) -> None:
    actuals = _read(tmp_path, "target,year,value,comment\nrd-intensity,2023,3.1,x\n")
    assert _rules(actuals) == [("PC407", "warning", 1, 4)]
    assert actuals.findings[0].message.startswith("column 'comment' ignored")


def test_ragged_rows(tmp_path: Path) -> None:
    text = ("target,year,value\n"
            "rd-intensity,2023\n"
            "rd-intensity,2024,1,500\n"
            "rd-intensity,2025,3.3,,\n"
            ",,\n"
            "\n")
    actuals = _read(tmp_path, text)
    assert _rules(actuals) == [("PC401", "error", 2, 3), ("PC402", "error", 3, 4)]
    assert "quoted" in actuals.findings[1].message
    assert list(actuals.series[("p1", "rd-intensity", None)]) == [2025]


def test_lines_count_physical_lines_of_quoted_newlines(tmp_path: Path) -> None:
    text = 'target,year,value,note\nrd-intensity,2023,3.1,"two\nlines"\nrd-intensity,2024,x,\n'
    actuals = _read(tmp_path, text)
    assert actuals.series[("p1", "rd-intensity", None)][2023].note == "two\nlines"
    assert _rules(actuals) == [("PC402", "error", 4, 3)]


def test_two_megabyte_field_is_a_finding_not_a_crash(tmp_path: Path) -> None:
    actuals = _read(tmp_path, "target,year,value\nrd-intensity,2023," + "9" * 2_000_000 + "x\n")
    assert _rules(actuals) == [("PC402", "error", 2, 3)]


def test_empty_file(tmp_path: Path) -> None:
    actuals = _read(tmp_path, "")
    assert _rules(actuals) == [("PC400", "error", 0, 0)]
    assert "empty" in actuals.findings[0].message
    blank = _read(tmp_path, "\r\n\r\n")
    assert _rules(blank) == [("PC401", "error", 1, 0)]


def test_missing_file_is_a_finding(tmp_path: Path) -> None:
    actuals = read_actuals([str(tmp_path / "nope.csv")], plans=[PLAN])
    assert _rules(actuals) == [("PC400", "error", 0, 0)]
    assert "cannot read" in actuals.findings[0].message


def test_without_plans_structure_only(tmp_path: Path) -> None:
    text = "plan,target,unit,year,value\n,whatever,x,2023,1728万\np9,m,,2024,是\n,whatever,x,2023,3\n"
    actuals = read_actuals([write(tmp_path, text)])
    assert actuals.series[("", "whatever", "x")][2023].value == 17280000.0
    assert actuals.series[("p9", "m", None)][2024].value is True
    assert _rules(actuals) == [("PC404", "error", 4, 5)]


def test_load_actuals_raises_with_findings(tmp_path: Path) -> None:
    path = write(tmp_path, "target,year,value\nnope,2023,1\n")
    with pytest.raises(ActualsError) as info:
        load_actuals([path], plans=[PLAN])
    assert [f.rule for f in info.value.findings] == ["PC403"]
    assert f"{path}:2:1: error [PC403] unknown target 'nope'" in str(info.value)
    ok = load_actuals([write(tmp_path, "target,year,value\nnope,2023,1\n")], plans=[PLAN], allow_unknown=True)
    assert [f.level for f in ok.findings] == ["warning"]


def test_a_single_path_is_accepted(tmp_path: Path) -> None:
    path = write(tmp_path, "target,year,value\nrd-intensity,2023,3.1\n")
    actuals = read_actuals(path, plans=[PLAN])  # type: ignore[arg-type]
    assert actuals.files == [path]
    assert actuals.series[("p1", "rd-intensity", None)][2023].value == 3.1
