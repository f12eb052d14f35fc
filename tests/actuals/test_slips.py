"""Slips of a sheet saved from Excel: a title above the header, a number split at an unquoted thousands
separator, milestone words, target names in the target column.  Each is read right or named."""
from __future__ import annotations

from pathlib import Path

import pytest

from policycheck.actuals.load import read_actuals
from policycheck.actuals.words import NO_WORDS, YES_WORDS, yes_no
from policycheck.findings import Finding
from policycheck.model import Plan
from policycheck.observations import Actuals
from policycheck.plans.build import check_plan_file
from tests.helpers.county import PLAN_ID, county_plan

RD = (PLAN_ID, "rd-intensity", None)


@pytest.fixture
def plan(tmp_path: Path) -> Plan:
    loaded = check_plan_file(str(county_plan(tmp_path)))
    assert loaded.plan is not None
    return loaded.plan


def _read(tmp_path: Path, plan: Plan, text: str) -> tuple[Actuals, list[tuple[str, str, int, int, str, str]]]:
    path = tmp_path / "a.csv"
    path.write_bytes(text.encode("utf-8"))
    actuals = read_actuals([str(path)], plans=[plan])
    return actuals, [_row(f) for f in actuals.findings]


def _row(f: Finding) -> tuple[str, str, int, int, str, str]:
    return f.rule, f.level, f.line, f.column, f.message, f.message_zh


# -- a title above the header -----------------------------------------------------------------

def test_title_rows_above_the_header_are_skipped_with_a_note(tmp_path: Path, plan: Plan) -> None:
    actuals, findings = _read(tmp_path, plan, "某县2024年科技创新指标完成情况,,\n单位：%，家,,\n"
                                              "指标,年份,数值\nrd-intensity,2024,3.1\n")
    assert findings == [("PC407", "warning", 1, 0,
                         "lines 1-2 above the header skipped ('某县2024年科技创新指标完成情况'; '单位：%，家'): "
                         "the header is line 3",
                         "表头（第 3 行）上方的第 1-2 行已跳过（'某县2024年科技创新指标完成情况'；'单位：%，家'），"
                         "视为表格标题")]
    assert dict(actuals.series[RD].observed()) == {2024: 3.1}
    assert actuals.series[RD][2024].line == 4  # lines still count from the top of the file


def test_a_faulty_header_below_a_title_is_named_at_its_line(tmp_path: Path, plan: Plan) -> None:
    """Before, a title row gave only "missing required column" at line 1."""
    _actuals, findings = _read(tmp_path, plan, "某县科技指标\n指标名称,单位名称\nrd-intensity,东城街道\n")
    assert [(rule, line, column) for rule, _level, line, column, _en, _zh in findings] == [
        ("PC407", 1, 0), ("PC401", 2, 0)]
    assert findings[1][4].startswith("missing required column 'year' [年份, 年度], 'value'")


def test_a_first_row_with_one_known_name_is_the_header(tmp_path: Path, plan: Plan) -> None:
    """A header with typos is not searched past: its own findings say what is wrong."""
    _actuals, findings = _read(tmp_path, plan, "指标,yr,val\nrd-intensity,2024,3.1\n")
    assert [(rule, line) for rule, _level, line, _c, _en, _zh in findings] == [
        ("PC407", 1), ("PC407", 1), ("PC401", 1)]


def test_no_header_within_reach_keeps_the_first_row(tmp_path: Path, plan: Plan) -> None:
    text = "标题\n" + "说明文字\n" * 6 + "指标,年份,数值\nrd-intensity,2024,3.1\n"
    _actuals, findings = _read(tmp_path, plan, text)
    assert [(rule, line) for rule, _level, line, _c, _en, _zh in findings] == [("PC407", 1), ("PC401", 1)]


# -- 1,050 saved without quotes ------------------------------------------------------------------

SPLIT_EN = ("row has 4 fields but the header has 3: '1' and '050' look like the number 1,050 split at an unquoted "
            'thousands separator; quote it: "1,050" (or write 1050)')
SPLIT_ZH = ("该行有 4 个字段，而表头有 3 个：'1' 和 '050' 像是被未加引号的千位分隔逗号拆开的数字 1,050；"
            '请加引号："1,050"（或写成 1050）')
TAIL_EN = ("; '050' looks like the last digits of a number written with an unquoted thousands separator "
           '(1,050 saved as the two cells 1 and 050): quote the number, "1,050", or write it without the comma')
TAIL_ZH = ("；'050' 像是数字被未加引号的千位分隔逗号拆开后的后三位（1,050 被存成 1 和 050 两个单元格）："
           '请给数字加引号（"1,050"）或去掉逗号')


def test_an_extra_cell_of_three_digits_is_named_as_a_split_number(tmp_path: Path, plan: Plan) -> None:
    _actuals, findings = _read(tmp_path, plan, "指标,年份,数值\nnew-firms,2024,1,050\n")
    assert findings == [("PC402", "error", 2, 3, SPLIT_EN, SPLIT_ZH)]


def test_a_split_number_in_several_groups(tmp_path: Path, plan: Plan) -> None:
    _actuals, findings = _read(tmp_path, plan, "指标,年份,数值\nnew-firms,2024,1,234,567\n")
    assert findings[0][2:4] == (2, 3)
    assert "look like the number 1,234,567 split" in findings[0][4] and "(or write 1234567)" in findings[0][4]


def test_the_tail_in_the_measure_column_is_named(tmp_path: Path, plan: Plan) -> None:
    """The issue's case: before, only "unit of measure '050' ... differs from the target's '家'"."""
    _actuals, findings = _read(tmp_path, plan, "指标,年份,数值,计量单位\nnew-firms,2024,1,050\n")
    assert findings == [("PC409", "error", 2, 4,
                         "unit of measure '050' of 'new-firms' differs from the target's '家' and cannot be "
                         "converted (only magnitudes such as 万, 亿, 万亿, 千万 are)" + TAIL_EN,
                         "'new-firms' 的计量单位 '050' 与指标的 '家' 不同，"
                         "且无法换算（只能换算 万、亿、万亿、千万 等数量级）" + TAIL_ZH)]


@pytest.mark.parametrize(("header", "rule", "column"), [("指标,年份,数值,状态", "PC402", 4),
                                                          ("指标,数值,年份", "PC408", 3)])
def test_the_tail_in_a_status_or_year_cell_is_named(tmp_path: Path, plan: Plan, header: str, rule: str,
                                                    column: int) -> None:
    _actuals, findings = _read(tmp_path, plan, f"{header}\nnew-firms,2024,1,050\n".replace(
        "new-firms,2024,1,050", "new-firms,2024,1,050" if rule == "PC402" else "new-firms,1,050"))
    assert [(f[0], f[2], f[3]) for f in findings] == [(rule, 2, column)]
    assert findings[0][4].endswith(TAIL_EN) and findings[0][5].endswith(TAIL_ZH)


def test_a_wide_row_shifted_by_a_split_number_is_not_read_silently(tmp_path: Path, plan: Plan) -> None:
    """2023 48, 2024 1,050 typed bare: 2024 would read 1 and 2025 050 (50) without a word."""
    actuals, findings = _read(tmp_path, plan, "指标,2023年,2024年,2025年\nnew-firms,48,1,050\n")
    assert findings == [("PC402", "error", 2, 4,
                         "'050' after '1' looks like the end of the number 1,050 split at an unquoted thousands "
                         'separator; quote it: "1,050" (or write 1050)',
                         "'1' 之后的 '050' 像是被未加引号的千位分隔逗号拆开的数字 1,050 的后半部分；"
                         '请加引号："1,050"（或写成 1050）')]
    assert 2025 not in actuals.series[(PLAN_ID, "new-firms", None)]


def test_a_quoted_number_reads_as_one(tmp_path: Path, plan: Plan) -> None:
    actuals, findings = _read(tmp_path, plan, '指标,年份,数值\nnew-firms,2024,"1,050"\n')
    assert findings == [] and actuals.series[(PLAN_ID, "new-firms", None)].value(2024) == 1050.0


# -- milestone words ------------------------------------------------------------------------------

@pytest.mark.parametrize(("word", "done"), [
    ("已建成", True), ("建成", True), ("已完成", True), ("完成", True), ("提前完成", True), ("是", True),
    ("有", True), ("未建成", False), ("未完成", False), ("否", False), ("无", False),
])
def test_milestone_words(tmp_path: Path, plan: Plan, word: str, done: bool) -> None:
    """Before, 已建成 was "PC402 '已建成' is not yes/no"."""
    actuals, findings = _read(tmp_path, plan, f"指标,年份,数值\npark,2025,{word}\n")
    assert findings == []
    assert actuals.series[(PLAN_ID, "park", None)].value(2025) is done


def test_the_word_tables_do_not_overlap_and_are_what_cells_read() -> None:
    assert not set(YES_WORDS) & set(NO_WORDS)
    assert [yes_no(word) for word in ("已建成", "未建成", "有", "无", "maybe")] == [True, False, True, False, None]


def test_an_unknown_word_lists_the_words(tmp_path: Path, plan: Plan) -> None:
    _actuals, findings = _read(tmp_path, plan, "指标,年份,数值\npark,2025,在建\n")
    assert findings[0][:4] == ("PC402", "error", 2, 3)
    assert "已建成/未建成" in findings[0][4] and "有/无" in findings[0][5]


# -- target names ---------------------------------------------------------------------------------

@pytest.mark.parametrize("cell", ["全社会研发经费投入占地区生产总值比重", " 全社会研发经费投入　占地区生产总值 比重 ",
                                  "全社会研发经费投入占地区生产总值比重\u3000"])
def test_the_target_column_may_hold_the_name(tmp_path: Path, plan: Plan, cell: str) -> None:
    """NFKC and white space folded: an ideographic space or a stray blank finds the target all the same."""
    actuals, findings = _read(tmp_path, plan, f'指标,年份,数值\n"{cell}",2024,3.1\n')
    assert findings == []
    assert actuals.series[RD].value(2024) == 3.1


def test_did_you_mean_compares_names(tmp_path: Path, plan: Plan) -> None:
    """Before, an unknown name had no did-you-mean at all."""
    _actuals, findings = _read(tmp_path, plan, "指标,年份,数值\n全社会研发经费投入占地区生产总值的比重,2024,3.1\n")
    assert findings == [("PC403", "error", 2, 1,
                         "unknown target '全社会研发经费投入占地区生产总值的比重' (did you mean "
                         "'全社会研发经费投入占地区生产总值比重' (rd-intensity)?)",
                         "未知的指标 '全社会研发经费投入占地区生产总值的比重'（是否应为 "
                         "'全社会研发经费投入占地区生产总值比重' (rd-intensity)？）")]


def test_a_sheet_with_only_names_works(tmp_path: Path, plan: Plan) -> None:
    """Before: "missing required column 'target'"."""
    actuals, findings = _read(tmp_path, plan, "指标名称,年份,数值\n全社会研发经费投入占地区生产总值比重,2024,3.1\n"
                                              "新增科技型中小企业,2024,90\n")
    assert findings == []
    assert actuals.series[RD].value(2024) == 3.1
    assert actuals.series[(PLAN_ID, "new-firms", None)].value(2024) == 90.0


def test_a_name_two_targets_share_asks_for_the_id(tmp_path: Path) -> None:
    loaded = check_plan_file(str(county_plan(tmp_path, "name: 高新技术企业", "name: 新增科技型中小企业")))
    assert loaded.plan is not None
    _actuals, findings = _read(tmp_path, loaded.plan, "指标,年份,数值\n新增科技型中小企业,2024,90\n")
    assert [(f[0], f[2], f[3], f[4]) for f in findings] == [
        ("PC403", 2, 1, "target name '新增科技型中小企业' is the name of several targets (new-firms, town-firms): "
                        "write the target id")]


def test_an_id_wins_over_a_name(tmp_path: Path) -> None:
    """A target whose name is another target's id: the id is what the cell means."""
    loaded = check_plan_file(str(county_plan(tmp_path, "name: 科创园区建成", "name: rd-intensity")))
    assert loaded.plan is not None
    actuals, findings = _read(tmp_path, loaded.plan, "指标,年份,数值\nrd-intensity,2024,3.1\n")
    assert findings == [] and actuals.series[RD].value(2024) == 3.1
