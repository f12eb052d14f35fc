"""PC200's hints say what would be right for the value written: half-width digits for full-width ones,
a range [lo, hi] for between and two years for years, and wholly Chinese words in the Chinese message."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from policycheck.cli.commands import main
from policycheck.plans.build import check_plan_file
from policycheck.plans.schemawords import FORMS, KINDS_PREFIX
from tests.helpers.paths import ROOT

#: One target of a five-year plan; each test writes its own keys after ``kind:`` on line 9.
PLAN = """\
policycheck: 1
plan: {{id: demo, title: 示范市科技创新规划, period: {{start: 2021, end: 2025}}, baseline_year: 2020}}
units: {{kjj: {{name: 市科技局}}}}
targets:
  - id: rd
    name: 研发投入强度
    unit: "%"
    responsible: [kjj]
    kind: {kind}
    quote: 到2025年研发投入强度达3.6%
"""


def _plan(tmp_path: Path, kind: str) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN.format(kind=kind), encoding="utf-8")
    return path


def _findings(tmp_path: Path, kind: str) -> list[tuple[str, int, int, str, str]]:
    return [(f.rule, f.line, f.column, f.message, f.message_zh)
            for f in check_plan_file(str(_plan(tmp_path, kind))).findings]


MILESTONE_FORM_EN = ("a number, true (kind milestone), [lo, hi] (between), {times_baseline: k}, "
                     "{change: c, in: percent or points}, {improve: k} (rank, category) or {grade: name} (category)")
MILESTONE_FORM_ZH = ("数字、true（节点类）、[下限, 上限]（between）、{times_baseline: k}、"
                     "{change: c, in: percent 或 points}、{improve: k}（rank、category 类）或 "
                     "{grade: 等级}（category 类）")


@pytest.mark.parametrize(("written", "shown", "half"), [
    ("３.６", "３.６", "3.6"),
    ("３６", "３６", "36"),
    ("３．６", "３．６", "3.6"),      # a full-width point as well
    ('"３.６"', "３.６", "3.6"),     # quoted too: still the digits to change
])
def test_full_width_digits_ask_for_half_width_ones(tmp_path: Path, written: str, shown: str, half: str) -> None:
    column = 24
    assert _findings(tmp_path, f"level\n    comparator: \">=\"\n    milestones: {{2025: {written}}}") == [(
        "PC200", 11, column,
        f"targets[0].milestones.2025 must be {MILESTONE_FORM_EN}, not text '{shown}'; "
        f"write the number in half-width digits, without quotes: {half}",
        f"targets[0].milestones.2025 必须是{MILESTONE_FORM_ZH}，而不是文本 '{shown}'；"
        f"请改用半角数字，不加引号：{half}")]


def test_a_full_width_year_asks_for_half_width_digits(tmp_path: Path) -> None:
    path = _plan(tmp_path, "level\n    comparator: \">=\"\n    milestones: {2025: 3.6}")
    path.write_text(path.read_text(encoding="utf-8").replace("end: 2025", "end: ２０２５"), encoding="utf-8")
    assert [(f.line, f.column, f.message_zh) for f in check_plan_file(str(path)).findings] == [
        (2, 63, "plan.period.end 必须是整数，而不是文本 '２０２５'；请改用半角数字，不加引号：2025")]


def test_quoted_half_width_digits_still_say_remove_the_quotes(tmp_path: Path) -> None:
    assert _findings(tmp_path, 'level\n    comparator: ">="\n    milestones: {2025: "3.6"}')[0][3:] == (
        f"targets[0].milestones.2025 must be {MILESTONE_FORM_EN}, not text '3.6'; remove the quotes",
        f"targets[0].milestones.2025 必须是{MILESTONE_FORM_ZH}，而不是文本 '3.6'；去掉引号")


def test_validate_exits_1_with_the_half_width_hint_at_its_place(tmp_path: Path) -> None:
    path = _plan(tmp_path, "level\n    comparator: \">=\"\n    milestones: {2025: ３６}")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{path}:11:24: error [PC200] targets[0].milestones.2025 必须是数字、")
    assert "而不是文本 '３６'；请改用半角数字，不加引号：36\n" in result.stdout
    assert "去掉引号" not in result.stdout


@pytest.mark.parametrize(("kind", "line", "column", "english", "chinese"), [
    ("annual\n    comparator: between\n    value: [3, 5, 7]", 11, 12,
     "targets[0].value must be a range of exactly two numbers [lo, hi], e.g. [3, 5]; it has 3 items",
     "targets[0].value 必须是恰好两个数的区间 [下限, 上限]，如 [3, 5]；现有 3 项"),
    ("level\n    comparator: between\n    milestones: {2025: [3]}", 11, 24,
     "targets[0].milestones.2025 must be a range of exactly two numbers [lo, hi], e.g. [3, 5]; it has 1 items",
     "targets[0].milestones.2025 必须是恰好两个数的区间 [下限, 上限]，如 [3, 5]；现有 1 项"),
    ("annual\n    comparator: \">=\"\n    value: 3\n    years: [2021, 2023, 2025]", 12, 12,
     "targets[0].years must be exactly two years [first, last], e.g. [2023, 2025]; it has 3 items",
     "targets[0].years 必须是恰好两个年份 [首年, 末年]，如 [2023, 2025]；现有 3 项"),
    ("cumulative\n    comparator: \">=\"\n    milestones: {2025: 30}\n    schedule: {profile: [1, 2, 3]}", 12, 25,
     "targets[0].schedule.profile must list exactly 12 monthly weights, January first; it has 3",
     "targets[0].schedule.profile 必须恰好列出 12 个月的权重（从 1 月起）；现有 3 项"),
])
def test_a_list_of_the_wrong_length_gets_an_example_of_its_own_kind(tmp_path: Path, kind: str, line: int,
                                                                    column: int, english: str, chinese: str) -> None:
    assert _findings(tmp_path, kind) == [("PC200", line, column, english, chinese)]


@pytest.mark.parametrize(("kind", "english", "chinese"), [
    ('level\n    comparator: ">="\n    milestones: {2025: "3.6%"}',
     f"targets[0].milestones.2025 must be {MILESTONE_FORM_EN}, not text '3.6%'",
     f"targets[0].milestones.2025 必须是{MILESTONE_FORM_ZH}，而不是文本 '3.6%'"),
    ('level\n    comparator: approx\n    milestones: {2025: 3.6}\n    tolerance: 5%',
     "targets[0].tolerance must be a relative tolerance (0.05), {relative: 0.05} or {absolute: 0.5} in the "
     "target's unit (percentage points for %), not text '5%'",
     "targets[0].tolerance 必须是相对容差（如 0.05）、{relative: 0.05}，或以指标计量单位计的 {absolute: 0.5}"
     "（% 指标为百分点），而不是文本 '5%'"),
])
def test_the_chinese_form_of_a_value_is_chinese(tmp_path: Path, kind: str, english: str, chinese: str) -> None:
    assert [f[3:] for f in _findings(tmp_path, kind)] == [(english, chinese)]


def test_a_plan_source_of_the_wrong_form_is_described_in_chinese(tmp_path: Path) -> None:
    path = _plan(tmp_path, 'level\n    comparator: ">="\n    milestones: {2025: 3.6}')
    path.write_text(path.read_text(encoding="utf-8").replace("baseline_year: 2020}", "baseline_year: 2020,"
                                                             " source: [规划]}"), encoding="utf-8")
    assert [f.message_zh for f in check_plan_file(str(path)).findings] == [
        "plan.source 必须是写明规划所依据文件的映射 {title, file, url, published}，或只写文件标题的文本，而不是列表"]


def _described_alternatives(node: Any) -> list[str]:
    found = []
    if isinstance(node, dict):
        if ("anyOf" in node or "oneOf" in node) and "description" in node:
            found.append(KINDS_PREFIX.sub("", node["description"]).rstrip("."))
        for value in node.values():
            found.extend(_described_alternatives(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(_described_alternatives(value))
    return found


def test_every_value_of_several_forms_has_its_words_in_the_catalogue() -> None:
    """An anyOf whose description is not in FORMS would be shown in English in a Chinese message."""
    schema = json.loads((ROOT / "policycheck" / "schemas" / "plan.schema.json").read_text(encoding="utf-8"))
    described = _described_alternatives(schema)
    assert len(described) == 5
    assert [d for d in described if d not in FORMS] == []
