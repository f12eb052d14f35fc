"""The plan file (docs/plan-format.md), tested from the outside: the example plan, every kind,
the rules PC100-PC310 at their line and column, ids as int keys, times_baseline,
and the schema printed by ``policycheck schema plan``.
"""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from tests.helpers.acceptance import (
    PLAN_HEAD,
    RD_TARGET,
    check_json,
    findings_with_messages,
    plan_file,
    result_of,
    run,
    validate_findings,
    write,
)
from tests.helpers.paths import ROOT

SPEC_EXAMPLE = """\
# yaml-language-server: $schema=../schemas/plan.schema.json
policycheck: 1                      # format version (required)
plan:
  id: linhai-315-2023-2027          # required; ^[a-z0-9][a-z0-9._-]*$
  title: 临海市落实“315”科技创新体系建设工程实施方案（2023—2027年）   # required
  issuer: 临海市人民政府
  issued: 2023-06-05               # optional date
  document: ""                     # optional 文号
  region: 临海市
  source: 000_084217dc5e381b2c.txt # optional file name or URL
  period: {start: 2023, end: 2027} # required, start <= end
  baseline_year: 2022              # optional; default period.start - 1
assessment:                        # optional plan defaults; command-line options override
  method: linear                   # linear | cagr
  on_track: 0.95
  at_risk: 0.6
  approx_tolerance: 0.05           # relative tolerance of 左右 / approx
units:                             # optional; every id used in responsible/scope must be here
  kjj: {name: 市科技局, name_en: Science and Technology Bureau}
  jxj: {name: 市经信局}
  dongcheng: {name: 东城街道, group: towns}   # optional group, for scope: {group: towns}
references:                        # optional series that targets compare against
  prov-rd-intensity: {name: 全省研发投入强度, unit: "%"}
targets:                           # required, at least one
  - id: rd-intensity               # required, unique in the plan; same pattern as plan.id
    name: 全社会研究与试验发展经费占地区生产总值比重      # required
    name_en: R&D expenditure as a share of GDP
    unit: "%"                      # unit of measure; required except for kind milestone
    kind: level                    # required, see 2.1
    comparator: ">="               # see 2.2; default ">=" (rank: "<=")
    milestones: {2027: 3.6}        # year -> required value
    commitment: binding            # binding (default) | aspirational (力争/争取/争创)
    responsible: [kjj]             # unit ids; the first is the lead unit
    section: 一（二）               # where it stands in the document
    quote: 全社会研究与试验发展经费占地区生产总值比重达到3.6%   # the original words
"""

# One target of every kind and every other target key of docs/plan-format.md.
EVERY_KIND = """\
  - id: new-firms
    name: 新增高新技术企业
    unit: 家
    kind: annual
    comparator: ">="
    value: 60
    years: [2023, 2027]
    responsible: [kjj, jxj]
    quote: 每年新增高新技术企业不低于60家
  - id: above-prov
    name: 研发强度高于全省平均
    unit: "%"
    kind: annual
    comparator: ">"
    reference: prov-rd-intensity
    years: [2025, 2025]
    responsible: [kjj]
    quote: 到2025年研发强度高于全省平均
  - id: transfers
    name: 累计转化科技成果
    unit: 项
    kind: cumulative
    comparator: ">"
    milestones: {2027: 10000}
    since: 2023
    actuals: running_total
    responsible: [kjj]
    quote: 累计转化科技成果超过1万项
  - id: fiscal-growth
    name: 财政科技投入增长
    unit: "%"
    kind: growth
    value: 15
    actuals: rate
    responsible: [kjj]
    quote: 财政科技投入每年增长15%以上
  - id: sei-cagr
    name: 战略性新兴产业产值年均增速
    unit: "%"
    kind: cagr
    milestones: {2027: 15}
    baseline: {year: 2022, value: 100}
    responsible: [jxj]
    commitment: aspirational
    quote: 战略性新兴产业产值年均增速力争达15%以上
  - id: basic-rank
    name: 基础研究经费占比全省排名
    unit: 位
    kind: rank
    milestones: {2027: 5}
    responsible: [kjj]
    quote: 基础研究经费占比居全省前五
  - id: innovative-city
    name: 国家创新型城市
    kind: milestone
    milestones: {2027: true}
    responsible: [kjj]
    quote: 建成国家创新型城市
  - id: carrier-area
    name: 新投入使用创新载体面积
    unit: 万平方米
    kind: annual
    value: 1
    scope: {group: towns}
    responsible: [kjj]
    quote: 各镇、区(街道)新投入使用创新载体面积不低于1万平方米
  - id: quota
    name: 高新技术企业分解
    unit: 家
    kind: level
    milestones: {2027: 500}
    scope: {allocations: {dongcheng: 300, xicheng: 200}}
    responsible: [kjj]
    quote: 高新技术企业达到500家
  - id: events
    name: 举办活动
    unit: 场
    kind: annual
    comparator: between
    value: [3, 5]
    scope: {units: [dongcheng, xicheng]}
    responsible: [kjj]
    quote: 每年举办3-5场
  - id: output
    name: 规上工业产值
    unit: 亿元
    kind: level
    comparator: approx
    tolerance: 0.1
    milestones: {2025: {times_baseline: 2}, 2027: 1000}
    baseline: {year: 2022, value: 400}
    responsible: [jxj]
    note: 比2022年翻番
    quote: 规上工业产值2025年比2022年翻番，2027年1000亿元左右
  - id: zero-firms
    name: 无研发活动规上企业
    unit: 家
    kind: level
    comparator: "<="
    milestones: {2027: 0}
    responsible: [kjj]
    quote: 无研发活动规上企业清零
"""

EVERY_KIND_UNITS = """\
  xicheng: {name: 西城街道, group: towns}
references:
  prov-rd-intensity: {name: 全省研发投入强度, unit: "%"}
targets:
"""


def _locate(text: str, needle: str, nth: int = 1) -> tuple[int, int]:
    """1-based line and column of the nth occurrence of ``needle``."""
    index = -1
    for _ in range(nth):
        index = text.index(needle, index + 1)
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _only(tmp: Path, text: str) -> list[tuple[str, str, int, int]]:
    path = write(tmp / "plan.yaml", text)
    return validate_findings(str(path))[1]


def test_spec_example_validates_clean(tmp_path: Path) -> None:
    path = write(tmp_path / "plan.yaml", SPEC_EXAMPLE)
    code, findings = validate_findings(str(path))
    assert (code, findings) == (0, [])


def test_every_kind_and_key_validates_clean(tmp_path: Path) -> None:
    head = PLAN_HEAD.replace("  kjj: {name: 市科技局}\n", "  kjj: {name: 市科技局}\n  jxj: {name: 市经信局}\n"
                             "  dongcheng: {name: 东城街道, group: towns}\n")
    head = head.replace("targets:\n", EVERY_KIND_UNITS)
    path = write(tmp_path / "plan.yaml", head + RD_TARGET + EVERY_KIND)
    code, findings = validate_findings(str(path))
    assert (code, findings) == (0, [])


def test_spec_example_fits_the_printed_schema(tmp_path: Path) -> None:
    code, out, _ = run("schema", "plan")
    schema = json.loads(out)
    assert code == 0
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    data = yaml.safe_load(SPEC_EXAMPLE)
    data["plan"]["issued"] = str(data["plan"]["issued"])
    for target in data["targets"]:
        target["milestones"] = {str(k): v for k, v in target["milestones"].items()}
    jsonschema.Draft202012Validator(schema).validate(data)
    assert schema == json.loads((ROOT / "schemas" / "plan.schema.json").read_text(encoding="utf-8"))


def test_milestone_years_are_int_keys_in_the_model(tmp_path: Path) -> None:
    plan = plan_file(tmp_path)
    data = write(tmp_path / "a.csv", "target,year,value\nrd,2022,3.0\nrd,2025,3.3\n")
    _, report = check_json(str(plan), "-a", str(data))
    result = result_of(report, "rd")
    assert (result["target_year"], result["target_value"]) == (2027, 3.6)


def test_quoted_year_key_is_the_same_year(tmp_path: Path) -> None:
    text = PLAN_HEAD + RD_TARGET.replace("{2027: 3.6}", '{"2027": 3.6}')
    assert _only(tmp_path, text) == []


def test_times_baseline_resolves_to_k_times_the_baseline(tmp_path: Path) -> None:
    target = """\
  - id: firms
    name: 高新技术企业
    unit: 家
    kind: level
    milestones: {2025: {times_baseline: 2}}
    responsible: [kjj]
    quote: 高新技术企业数比2022年翻番
"""
    plan = plan_file(tmp_path, target)
    data = write(tmp_path / "a.csv", "target,year,value\nfirms,2022,50\nfirms,2025,100\n")
    code, report = check_json(str(plan), "-a", str(data))
    result = result_of(report, "firms")
    assert (result["target_value"], result["status"], code) == (100, "met", 0)
    with_baseline = target.replace("    responsible", "    baseline: {year: 2022, value: 40}\n    responsible")
    given = plan_file(tmp_path, with_baseline)
    _, report = check_json(str(given), "-a", str(data))
    assert result_of(report, "firms")["target_value"] == 80


# --- rules: each at its node --------------------------------------------------

def test_pc100_syntax_error_at_the_problem_mark(tmp_path: Path) -> None:
    text = (PLAN_HEAD + RD_TARGET).replace("title: 测试规划", "title: a: b")
    line, col = _locate(text, ": b")
    assert _only(tmp_path, text) == [("PC100", "error", line, col)]


def test_pc101_duplicate_key_at_the_second_key(tmp_path: Path) -> None:
    text = PLAN_HEAD + RD_TARGET.replace("    kind: level\n", "    kind: level\n    unit: 家\n")
    line, col = _locate(text, "unit: 家")
    assert ("PC101", "error", line, col) in _only(tmp_path, text)


def test_pc101_duplicate_year_key(tmp_path: Path) -> None:
    text = PLAN_HEAD + RD_TARGET.replace("{2027: 3.6}", '{2027: 3.6, "2027": 3.7}')
    line, col = _locate(text, '"2027"')
    assert ("PC101", "error", line, col) in _only(tmp_path, text)


def test_pc102_anchor_and_alias(tmp_path: Path) -> None:
    second = RD_TARGET.replace("id: rd", "id: rd2").replace("responsible: [kjj]", "responsible: *r")
    text = PLAN_HEAD + RD_TARGET.replace("responsible: [kjj]", "responsible: &r [kjj]") + second
    findings = _only(tmp_path, text)
    assert [f[0] for f in findings] == ["PC102", "PC102"]
    assert [f[2:] for f in findings] == [_locate(text, "&r"), _locate(text, "*r")]


def test_pc102_file_over_10_mib(tmp_path: Path) -> None:
    text = PLAN_HEAD + RD_TARGET + "#" + "x" * (10 * 1024 * 1024) + "\n"
    findings = _only(tmp_path, text)
    assert [(f[0], f[1]) for f in findings] == [("PC102", "error")]


def test_pc200_unknown_key_with_did_you_mean(tmp_path: Path) -> None:
    text = PLAN_HEAD + RD_TARGET.replace("    kind: level\n", "    kind: level\n    comparitor: '>='\n")
    path = write(tmp_path / "plan.yaml", text)
    findings = findings_with_messages(str(path))
    assert [(f["rule"], f["level"], f["line"], f["column"]) for f in findings] == [
        ("PC200", "error", *_locate(text, "comparitor"))]
    assert "did you mean 'comparator'" in findings[0]["message"]


def test_pc200_unknown_plan_key(tmp_path: Path) -> None:
    text = (PLAN_HEAD + RD_TARGET).replace("  title:", "  titel:")
    path = write(tmp_path / "plan.yaml", text)
    findings = findings_with_messages(str(path))
    assert [(f["rule"], f["line"], f["column"]) for f in findings if f["level"] == "error"][0] == (
        "PC200", *_locate(text, "titel"))
    assert any("did you mean 'title'" in f["message"] for f in findings)


@pytest.mark.parametrize(("old", "new", "needle"), [
    ("{2027: 3.6}", "{27: 3.6}", "27:"),
    ("kind: level", "kind: levl", "levl"),
    ("id: rd", "id: RD_Intensity", "RD_Intensity"),
    ("{2027: 3.6}", '{2027: "3.6%"}', '"3.6%"'),
])
def test_pc200_schema_violation_at_the_value(tmp_path: Path, old: str, new: str, needle: str) -> None:
    text = PLAN_HEAD + RD_TARGET.replace(old, new)
    assert _only(tmp_path, text) == [("PC200", "error", *_locate(text, needle))]


def test_pc200_missing_required_key_at_the_mapping(tmp_path: Path) -> None:
    text = PLAN_HEAD + RD_TARGET.replace("    name: 研发强度\n", "")
    assert _only(tmp_path, text) == [("PC200", "error", *_locate(text, "id: rd"))]


def test_pc300_duplicate_target_id(tmp_path: Path) -> None:
    text = PLAN_HEAD + RD_TARGET + RD_TARGET
    assert _only(tmp_path, text) == [("PC300", "error", *_locate(text, "rd\n", 2))]


def test_pc301_scope_unit_not_defined(tmp_path: Path) -> None:
    text = PLAN_HEAD + RD_TARGET.replace("    responsible", "    scope: {units: [kjj, nowhere]}\n    responsible")
    assert _only(tmp_path, text) == [("PC301", "error", *_locate(text, "nowhere"))]


def test_pc302_milestone_year_outside_period(tmp_path: Path) -> None:
    text = PLAN_HEAD + RD_TARGET.replace("{2027: 3.6}", "{2027: 3.6, 2030: 4.0}")
    assert _only(tmp_path, text) == [("PC302", "warning", *_locate(text, "2030"))]


def test_pc303_target_baseline_year_not_before_first_milestone(tmp_path: Path) -> None:
    text = PLAN_HEAD + RD_TARGET.replace("    responsible", "    baseline: {year: 2027, value: 3.0}\n    responsible")
    assert _only(tmp_path, text) == [("PC303", "error", *_locate(text, "2027, value"))]


def test_pc303_plan_baseline_year_points_at_the_first_milestone(tmp_path: Path) -> None:
    text = PLAN_HEAD.replace("  period:", "  baseline_year: 2027\n  period:") + RD_TARGET
    # the year is inside the period as well: PC319 at baseline_year, beside the error at the milestone
    assert _only(tmp_path, text) == [("PC319", "warning", *_locate(text, "2027\n")),
                                     ("PC303", "error", *_locate(text, "2027: 3.6"))]


def test_pc304_milestones_against_the_comparator(tmp_path: Path) -> None:
    text = PLAN_HEAD + RD_TARGET.replace("{2027: 3.6}", "{2023: 76, 2027: 73.7}")
    assert _only(tmp_path, text) == [("PC304", "warning", *_locate(text, "73.7"))]


def test_pc305_between_lo_above_hi(tmp_path: Path) -> None:
    text = PLAN_HEAD + RD_TARGET.replace("kind: level", "kind: level\n    comparator: between").replace(
        "{2027: 3.6}", "{2027: [5, 3]}")
    assert _only(tmp_path, text) == [("PC305", "error", *_locate(text, "[5, 3]"))]


def test_pc306_share_outside_0_100(tmp_path: Path) -> None:
    text = PLAN_HEAD + RD_TARGET.replace("{2027: 3.6}", "{2027: 150}")
    assert _only(tmp_path, text) == [("PC306", "warning", *_locate(text, "150"))]


def test_pc307_unknown_reference(tmp_path: Path) -> None:
    target = RD_TARGET.replace("kind: level", "kind: annual").replace("    milestones: {2027: 3.6}\n",
                                                                      "    reference: prov-avg\n")
    text = PLAN_HEAD + target
    assert _only(tmp_path, text) == [("PC307", "error", *_locate(text, "prov-avg"))]


def test_pc308_comparator_on_a_milestone(tmp_path: Path) -> None:
    target = """\
  - id: city
    name: 创新型城市
    kind: milestone
    comparator: ">="
    milestones: {2027: true}
    responsible: [kjj]
    quote: 建成国家创新型城市
"""
    text = PLAN_HEAD + target
    assert _only(tmp_path, text) == [("PC308", "error", *_locate(text, "comparator"))]


def test_pc308_value_on_a_level(tmp_path: Path) -> None:
    text = PLAN_HEAD + RD_TARGET.replace("    responsible", "    value: 3\n    responsible")
    assert _only(tmp_path, text) == [("PC308", "error", *_locate(text, "value: 3"))]


def test_pc309_target_without_quote(tmp_path: Path) -> None:
    text = PLAN_HEAD + RD_TARGET.replace("    quote: 全社会研发投入强度达到3.6%\n", "")
    assert _only(tmp_path, text) == [("PC309", "warning", *_locate(text, "id: rd"))]


def test_pc310_times_baseline_with_unusable_baseline(tmp_path: Path) -> None:
    text = PLAN_HEAD + RD_TARGET.replace("%", "家").replace("{2027: 3.6}", "{2027: {times_baseline: 2}}").replace(
        "    responsible", "    baseline: {year: 2022, value: 0}\n    responsible")
    findings = _only(tmp_path, text)
    assert [(f[0], f[1]) for f in findings] == [("PC310", "error")]
    assert findings[0][2] in {_locate(text, "times_baseline")[0], _locate(text, "baseline: {year")[0]}


def test_findings_carry_file_and_message(tmp_path: Path) -> None:
    text = PLAN_HEAD + RD_TARGET.replace("{2027: 3.6}", "{2027: 150}")
    path = write(tmp_path / "plan.yaml", text)
    finding = findings_with_messages(str(path))[0]
    assert finding["file"] == str(path)
    assert finding["message"]
    code, out, _ = run("validate", str(path))
    line, col = _locate(text, "150")
    assert out.startswith(f"{path}:{line}:{col}: warning [PC306] ")
    assert code == 0


def test_pc200_value_of_the_wrong_form_says_what_it_must_be(tmp_path: Path) -> None:
    target = RD_TARGET.replace("kind: level", "kind: annual").replace(
        "    milestones: {2027: 3.6}\n", "    value: {times_baseline: 2}\n")
    text = PLAN_HEAD + target
    path = write(tmp_path / "plan.yaml", text)
    findings = findings_with_messages(str(path))
    assert [(f["rule"], f["line"], f["column"]) for f in findings] == [("PC200", *_locate(text, "{times_baseline"))]
    assert findings[0]["message"] == ("targets[0].value must be the value every year must reach "
                                      "(a number, or [lo, hi] for between), not a mapping")
