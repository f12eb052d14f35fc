"""docs/actuals.md (actuals CSV), tested from the outside: header aliases, long and wide
form, encodings, value forms, missing markers, milestone and status words,
duplicates, and PC400-PC409 at their line and column.

Values are read back through ``check -f json`` (the result's ``actual``);
findings through ``validate PLAN CSV -f json``.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.acceptance import PLAN_HEAD, RD_TARGET, check_json, findings_with_messages, result_of, run, write

UNITS = """\
  dongcheng: {name: 东城街道}
  xicheng: {name: 西城街道}
"""

TARGETS = RD_TARGET + """\
  - id: output
    name: 工业产值
    unit: 亿元
    kind: level
    milestones: {2027: 1}
    responsible: [kjj]
    quote: 工业产值达到1亿元
  - id: spend
    name: 科技支出
    unit: 万元
    kind: level
    milestones: {2027: 9000}
    responsible: [kjj]
    quote: 科技支出达到9000万元
  - id: firms
    name: 高新技术企业
    unit: 家
    kind: level
    milestones: {2027: 2000}
    scope: {units: [dongcheng, xicheng]}
    responsible: [kjj]
    quote: 各街道高新技术企业达到2000家
  - id: city
    name: 创新型城市
    kind: milestone
    milestones: {2025: true}
    responsible: [kjj]
    quote: 2025年建成创新型城市
"""


@pytest.fixture
def plan(tmp_path: Path) -> str:
    head = PLAN_HEAD.replace("targets:\n", UNITS + "targets:\n")
    return str(write(tmp_path / "plan.yaml", head + TARGETS))


def _report(plan: str, tmp: Path, text: str, encoding: str = "utf-8", *extra: str) -> tuple[int, dict[str, Any]]:
    data = write(tmp / "a.csv", text, encoding)
    return check_json(plan, "-a", str(data), "--year", "2025", "--fail-on", "never", *extra)


def _actual(plan: str, tmp: Path, text: str, target: str = "rd", unit: str | None = None,
            encoding: str = "utf-8") -> Any:
    code, report = _report(plan, tmp, text, encoding)
    assert code == 0, report["findings"]
    assert [f for f in report["findings"] if f["level"] == "error"] == []
    return result_of(report, target, unit)["actual"]


def _csv_findings(plan: str, tmp: Path, text: str, encoding: str = "utf-8",
                  extra: tuple[str, ...] = ()) -> list[tuple[str, str, int, int]]:
    data = write(tmp / "a.csv", text, encoding)
    found = findings_with_messages(plan, str(data), extra=extra)
    return [(f["rule"], f["level"], f["line"], f["column"]) for f in found if f["file"] == str(data)]


# --- headers ----------------------------------------------------------------

@pytest.mark.parametrize("target", ["target", "指标", "指标代码", "indicator", "id"])
@pytest.mark.parametrize("year", ["year", "年份", "年度"])
def test_target_and_year_aliases(plan: str, tmp_path: Path, target: str, year: str) -> None:
    assert _actual(plan, tmp_path, f"{target},{year},value\nrd,2025,3.3\n") == 3.3


@pytest.mark.parametrize("value", ["value", "数值", "值", "实际值", "actual"])
def test_value_aliases(plan: str, tmp_path: Path, value: str) -> None:
    assert _actual(plan, tmp_path, f"target,year,{value}\nrd,2025,3.3\n") == 3.3


@pytest.mark.parametrize("column", ["plan", "规划", "方案"])
def test_plan_aliases(plan: str, tmp_path: Path, column: str) -> None:
    assert _actual(plan, tmp_path, f"target,{column},year,value\nrd,t-plan,2025,3.3\n") == 3.3


@pytest.mark.parametrize("column", ["unit", "责任单位", "地区", "区域", "单位名称", "region"])
@pytest.mark.parametrize("cell", ["dongcheng", "东城街道"])
def test_unit_aliases_take_id_or_name(plan: str, tmp_path: Path, column: str, cell: str) -> None:
    text = f"target,{column},year,value\nfirms,{cell},2025,120\nfirms,xicheng,2025,80\n"
    assert _actual(plan, tmp_path, text, "firms", "dongcheng") == 120


@pytest.mark.parametrize("column", ["measure", "计量单位", "单位"])
def test_measure_aliases_convert_wan_to_yi(plan: str, tmp_path: Path, column: str) -> None:
    text = f"target,year,value,{column}\noutput,2025,1728,万元\n"
    assert _actual(plan, tmp_path, text, "output") == pytest.approx(0.1728, rel=1e-12)


@pytest.mark.parametrize("column", ["status", "状态", "数据状态"])
def test_status_aliases(plan: str, tmp_path: Path, column: str) -> None:
    text = f"target,year,value,{column}\nrd,2025,3.1,预计\nrd,2025,3.3,正式\n"
    _, report = _report(plan, tmp_path, text)
    assert result_of(report, "rd")["actual"] == 3.3
    assert [(s["line"], s["status"], s["value"]) for s in report["superseded"]] == [(2, "estimate", 3.1)]


@pytest.mark.parametrize(("source", "note"), [("source", "note"), ("来源", "备注")])
def test_source_and_note_are_known_columns(plan: str, tmp_path: Path, source: str, note: str) -> None:
    text = f"target,year,value,{source},{note}\nrd,2025,3.3,统计年鉴2026,快速核算\n"
    assert _csv_findings(plan, tmp_path, text) == []
    assert _actual(plan, tmp_path, text) == 3.3


def test_headers_are_case_insensitive(plan: str, tmp_path: Path) -> None:
    assert _actual(plan, tmp_path, "TARGET,Year,VaLuE,Status,MEASURE\nrd,2025,3.3,Final,%\n") == 3.3


def test_year_with_nian_suffix(plan: str, tmp_path: Path) -> None:
    assert _actual(plan, tmp_path, "指标,年份,数值\nrd,2025年,3.3\n") == 3.3


@pytest.mark.parametrize("header", ["target,2022,2025", "指标,2022年,2025年", "target,plan,2022年,2025"])
def test_wide_form(plan: str, tmp_path: Path, header: str) -> None:
    cells = "rd,t-plan,3.0,3.3" if "plan" in header else "rd,3.0,3.3"
    code, report = _report(plan, tmp_path, f"{header}\n{cells}\n")
    result = result_of(report, "rd")
    assert (code, result["actual"], result["baseline"]) == (0, 3.3, {"year": 2022, "value": 3.0})


def test_wide_form_with_units(plan: str, tmp_path: Path) -> None:
    text = "指标,单位名称,2022年,2025年\nfirms,东城街道,48,56\nfirms,xicheng,30,-\n"
    _, report = _report(plan, tmp_path, text)
    assert result_of(report, "firms", "dongcheng")["actual"] == 56
    assert result_of(report, "firms", "xicheng")["status"] == "no_data"


def test_unknown_column_is_a_warning(plan: str, tmp_path: Path) -> None:
    assert _csv_findings(plan, tmp_path, "target,year,value,comment\nrd,2025,3.3,x\n") == [
        ("PC407", "warning", 1, 4)]
    assert _actual(plan, tmp_path, "target,year,value,comment\nrd,2025,3.3,x\n") == 3.3


def test_unknown_column_in_wide_form_is_a_warning(plan: str, tmp_path: Path) -> None:
    assert _csv_findings(plan, tmp_path, "target,comment,2025\nrd,x,3.3\n") == [("PC407", "warning", 1, 2)]


# --- encodings --------------------------------------------------------------

@pytest.mark.parametrize(("encoding", "newline"), [
    ("utf-8-sig", "\n"), ("utf-16", "\n"), ("utf-16", "\r\n"), ("gb18030", "\r\n"), ("utf-8", "\r\n"),
])
def test_encodings(plan: str, tmp_path: Path, encoding: str, newline: str) -> None:
    text = newline.join(["指标,年份,数值,备注", "rd,2025年,3.3,正式数据", ""])
    assert _actual(plan, tmp_path, text, encoding=encoding) == 3.3


def test_gb18030_with_chinese_unit_names(plan: str, tmp_path: Path) -> None:
    text = "指标,单位名称,年份,数值,计量单位,状态\r\nfirms,东城街道,2025年,56,家,快报\r\n"
    code, report = _report(plan, tmp_path, text, "gb18030")
    result = result_of(report, "firms", "dongcheng")
    assert (code, result["actual"], result["data_status"]) == (0, 56, "preliminary")


def test_pc400_undecodable_names_the_encodings(plan: str, tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(b"target,year,value\nrd,2025,\xff\xfe\xff\n")
    found = [f for f in findings_with_messages(plan, str(path)) if f["file"] == str(path)]
    assert [(f["rule"], f["level"]) for f in found] == [("PC400", "error")]
    assert "utf-8" in found[0]["message"] and "gb18030" in found[0]["message"]


# --- values -----------------------------------------------------------------

@pytest.mark.parametrize(("cell", "expected"), [
    ("３．３", 3.3), (" 3.3 ", 3.3), ("3.3%", 3.3), ("3.3 %", 3.3), ("３．３％", 3.3),
])
def test_share_values(plan: str, tmp_path: Path, cell: str, expected: float) -> None:
    assert _actual(plan, tmp_path, f"target,year,value\nrd,2025,{cell}\n") == expected


@pytest.mark.parametrize(("cell", "expected"), [
    ('"1,500"', 1500), ('"1,234,567.5"', 1234567.5), ("１５００", 1500), ('"１，５００"', 1500),
])
def test_thousands_separators_and_full_width(plan: str, tmp_path: Path, cell: str, expected: float) -> None:
    text = f"target,unit,year,value\nfirms,dongcheng,2025,{cell}\n"
    assert _actual(plan, tmp_path, text, "firms", "dongcheng") == expected


@pytest.mark.parametrize(("target", "cell", "expected"), [
    ("output", "1728万", 0.1728), ("output", "0.5亿", 0.5), ("spend", "0.5亿", 5000), ("spend", "300万", 300),
])
def test_wan_yi_suffix_converted(plan: str, tmp_path: Path, target: str, cell: str, expected: float) -> None:
    value = _actual(plan, tmp_path, f"target,year,value\n{target},2025,{cell}\n", target)
    assert value == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("cell", ["", "-", "—", "/", "NA", "N/A", "..", "…", "无数据"])
def test_missing_markers(plan: str, tmp_path: Path, cell: str) -> None:
    code, report = _report(plan, tmp_path, f"target,year,value\nrd,2022,3.0\nrd,2025,{cell}\n")
    result = result_of(report, "rd")
    assert (code, result["actual"], result["status"], report["findings"]) == (0, None, "no_data", [])


@pytest.mark.parametrize(("cell", "status"), [
    ("1", "met"), ("0", "missed"), ("true", "met"), ("false", "missed"), ("yes", "met"), ("no", "missed"),
    ("是", "met"), ("否", "missed"), ("已完成", "met"), ("未完成", "missed"), ("达成", "met"),
    ("未达成", "missed"), ("已达成", "met"), ("√", "met"), ("×", "missed"), ("TRUE", "met"),
])
def test_milestone_words(plan: str, tmp_path: Path, cell: str, status: str) -> None:
    code, report = _report(plan, tmp_path, f"target,year,value\ncity,2025,{cell}\n")
    assert result_of(report, "city")["status"] == status
    assert report["findings"] == []


def test_milestone_word_not_yes_no_is_pc402(plan: str, tmp_path: Path) -> None:
    assert _csv_findings(plan, tmp_path, "target,year,value\ncity,2025,maybe\n") == [("PC402", "error", 2, 3)]


# --- status and duplicates --------------------------------------------------

STATUS_WORDS = {
    "final": ["final", "正式", "年报"],
    "preliminary": ["preliminary", "快报", "初步"],
    "estimate": ["estimate", "预计", "估计"],
}
RANK = ["final", "preliminary", "estimate"]


@pytest.mark.parametrize(("status", "word"), [(s, w) for s, words in STATUS_WORDS.items() for w in words])
@pytest.mark.parametrize("first", [True, False])
def test_status_words_and_supersession(plan: str, tmp_path: Path, status: str, word: str, first: bool) -> None:
    other = "预计" if status != "estimate" else "快报"
    other_status = "estimate" if status != "estimate" else "preliminary"
    rows = [f"rd,2025,3.3,{word}", f"rd,2025,3.1,{other}"]
    if not first:
        rows.reverse()
    _, report = _report(plan, tmp_path, "target,year,value,status\n" + "\n".join(rows) + "\n")
    winner, loser = (status, other_status) if RANK.index(status) < RANK.index(other_status) else (other_status, status)
    result = result_of(report, "rd")
    assert result["data_status"] == winner
    assert result["actual"] == (3.3 if winner == status else 3.1)
    loser_value = 3.1 if winner == status else 3.3
    loser_line = 3 - (rows.index(f"rd,2025,{loser_value},{word if loser == status else other}") == 0)
    spec_keys = ("file", "line", "target", "year", "status", "value")
    assert [{k: s[k] for k in spec_keys} for s in report["superseded"]] == [
        {"file": str(tmp_path / "a.csv"), "line": loser_line, "target": "rd", "year": 2025, "status": loser,
         "value": loser_value}]
    assert report["findings"] == []


def test_final_supersedes_preliminary_supersedes_estimate(plan: str, tmp_path: Path) -> None:
    text = "target,year,value,status\nrd,2025,3.25,预计\nrd,2025,3.30,快报\nrd,2025,3.31,正式\n"
    _, report = _report(plan, tmp_path, text)
    assert result_of(report, "rd")["actual"] == 3.31
    assert sorted((s["line"], s["status"], s["value"]) for s in report["superseded"]) == [
        (2, "estimate", 3.25), (3, "preliminary", 3.30)]


def test_default_status_is_final(plan: str, tmp_path: Path) -> None:
    _, report = _report(plan, tmp_path, "target,year,value,status\nrd,2025,3.3,\nrd,2025,3.1,快报\n")
    assert (result_of(report, "rd")["actual"], result_of(report, "rd")["data_status"]) == (3.3, "final")


def test_pc405_same_status_same_value(plan: str, tmp_path: Path) -> None:
    text = "target,year,value\nrd,2025,3.3\nrd,2025,3.30\n"
    found = _csv_findings(plan, tmp_path, text)
    assert [(f[0], f[1], f[2]) for f in found] == [("PC405", "warning", 3)]
    assert _actual(plan, tmp_path, text) == 3.3


def test_pc404_same_status_different_values(plan: str, tmp_path: Path) -> None:
    text = "target,year,value,status\nrd,2025,3.3,正式\nrd,2025,3.4,final\n"
    assert _csv_findings(plan, tmp_path, text) == [("PC404", "error", 3, 3)]
    code, out, err = run("check", plan, "-a", str(tmp_path / "a.csv"))
    assert code == 2
    assert f"{tmp_path / 'a.csv'}:3:3:" in out + err


# --- rules PC401..PC409 at their cells ---------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("target,year\nrd,2025\n", [("PC401", "error", 1, 0)]),
    ("target,year,value\nrd,2025,abc\n", [("PC402", "error", 2, 3)]),
    ("target,year,value\nrd,2025,1,50\n", [("PC402", "error", 2, 4)]),
    ("target,year,value,status\nrd,2025,3.3,draft\n", [("PC402", "error", 2, 4)]),
    ("target,year,value\nrd,2025,3.3\nrdd,2025,1\n", [("PC403", "error", 3, 1)]),
    ("target,unit,year,value\nfirms,北城街道,2025,3\n", [("PC406", "error", 2, 2)]),
    ("target,unit,year,value\nrd,dongcheng,2025,3.3\n", [("PC407", "warning", 2, 2)]),
    ("target,year,value\nrd,23,3.3\n", [("PC408", "error", 2, 2)]),
    ("target,year,value\nrd,2300,3.3\n", [("PC408", "error", 2, 2)]),
    ("target,year,value\nrd,2025.5,3.3\n", [("PC408", "error", 2, 2)]),
    ("target,year,value,measure\nfirms,2025,3,个\n", [("PC409", "error", 2, 4)]),
    ("target,year,value\nfirms,2025,1.2万\n", [("PC402", "error", 2, 3)]),
])
def test_rules_at_their_cell(plan: str, tmp_path: Path, text: str, expected: list[tuple[str, str, int, int]]) -> None:
    assert _csv_findings(plan, tmp_path, text) == expected


def test_pc403_did_you_mean_and_allow_unknown(plan: str, tmp_path: Path) -> None:
    data = write(tmp_path / "a.csv", "target,year,value\nrd,2025,3.3\nrdd,2025,1\n")
    found = findings_with_messages(plan, str(data))
    assert "did you mean 'rd'" in found[0]["message"]
    found = findings_with_messages(plan, str(data), extra=("--allow-unknown",))
    assert [(f["rule"], f["level"], f["line"], f["column"]) for f in found] == [("PC403", "warning", 3, 1)]


def test_line_counts_physical_lines_after_a_quoted_line_break(plan: str, tmp_path: Path) -> None:
    text = 'target,year,value,note\nrd,2024,3.2,"two\nlines"\nrd,2025,abc,\n'
    assert _csv_findings(plan, tmp_path, text) == [("PC402", "error", 4, 3)]


def test_csv_error_in_check_exits_2_with_file_line_col(plan: str, tmp_path: Path) -> None:
    data = write(tmp_path / "a.csv", "target,year,value\nrd,23,3.3\n")
    code, out, err = run("check", plan, "-a", str(data))
    assert code == 2
    assert f"{data}:2:2:" in out + err
    assert "Traceback" not in out + err


def test_json_report_is_deterministic(plan: str, tmp_path: Path) -> None:
    data = write(tmp_path / "a.csv", "target,year,value,status\nrd,2022,3.0,\nrd,2025,3.1,预计\nrd,2025,3.3,\n")
    outputs = {run("check", plan, "-a", str(data), "-f", "json")[1] for _ in range(2)}
    assert len(outputs) == 1
    assert json.loads(outputs.pop())["superseded"][0]["line"] == 3
