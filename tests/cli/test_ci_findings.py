"""CI: a plan without any data is a warning in every format, and annotations on a CSV
point at the cell's first character (docs/ci.md, docs/reports.md#sarif)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from policycheck.actuals.charcolumns import field_start
from policycheck.cli.commands import main
from policycheck.reporters.markdown import escape
from tests.helpers.paths import PLANS_DIR

TAICANG = str(PLANS_DIR / "taicang-sti-2018-2020.yaml")
MESSAGE = ("no actual value for any of the 30 targets of plan taicang-sti-2018-2020 in {csv}: every result is "
           "no_data or pending; fill in the values, or check the CSV's plan and target columns")


@pytest.fixture
def template(tmp_path: Path) -> Path:
    """The template of the Taicang plan, written and never filled in."""
    path = tmp_path / "unfilled.csv"
    assert CliRunner().invoke(main, ["template", TAICANG, "-o", str(path)]).exit_code == 0
    return path


def _check(template: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["check", TAICANG, "-a", str(template), "--lang", "en", *args])
    return result.exit_code, result.stdout, result.stderr


def test_an_unfilled_template_is_a_pc410_warning_in_every_format(template: Path) -> None:
    message = MESSAGE.format(csv=template)
    line = f"{TAICANG}: warning [PC411] {message}"
    code, out, err = _check(template, "-q")
    assert code == 0
    # 30 results: the template has no plan-wide rows for the two scoped targets, so no plan-wide results
    assert out == "policycheck: 30 results (no data 30); 0 failing\n"
    assert err == line + "\n"  # on stderr even under -q
    assert line in _check(template, "-f", "text")[1].splitlines()
    assert f"| {escape(TAICANG)} | warning | PC411 | {escape(message)} |" in _check(template, "-f", "markdown")[1]
    html_message = message.replace("'", "&#39;")
    assert f'<li><span class="code">{TAICANG}</span> warning [PC411] {html_message}</li>' in \
        _check(template, "-f", "html")[1]
    zh = CliRunner().invoke(main, ["check", TAICANG, "-a", str(template), "-q"])
    assert zh.stderr == (f"{TAICANG}: warning [PC411] 规划 taicang-sti-2018-2020 的 30 项指标都没有实际值（读取了 "
                         f"{template}）：所有结果都是缺少数据或未到期；请填写数值，或检查 CSV 的规划列和指标列\n")
    data = json.loads(_check(template, "-f", "json")[1])
    assert data["findings"] == [{"rule": "PC411", "level": "warning", "file": TAICANG, "line": 0, "column": 0,
                                 "message": message}]
    sarif = json.loads(_check(template, "-f", "sarif")[1])
    result = sarif["runs"][0]["results"][0]
    assert (result["ruleId"], result["level"], result["locations"]) == (
        "PC411", "warning", [{"physicalLocation": {"artifactLocation": {"uri": Path(TAICANG).as_uri()}}}])
    assert sarif["runs"][0]["tool"]["driver"]["rules"][0]["shortDescription"]["text"] == \
        "No actual value for any target of a plan"
    assert _check(template, "-f", "github")[1].startswith(
        f"::warning file={TAICANG.replace(':', '%3A').replace(',', '%2C')},title=PC411::no actual value")
    assert f"<system-err>{line}\n</system-err>" in _check(template, "-f", "junit")[1]
    # A plan with data has no such finding.
    assert "PC411" not in CliRunner().invoke(main, ["check", TAICANG, "-a", str(PLANS_DIR.parent / "examples"
                                                                                    / "taicang.csv")]).stdout


@pytest.mark.parametrize(("line", "field", "column"), [
    ("rd,2019,abc", 3, 9), ("rd,2019,abc", 1, 1), ('"研发,强度",2019,abc', 3, 14), ('"a ""b"", c",2019,x', 2, 14),
    ("a,b", 5, 0), ('"a\n', 2, 0),
])
def test_field_start_counts_characters(line: str, field: int, column: int) -> None:
    assert field_start(line, field) == column


def test_sarif_and_github_point_at_the_cell_text_at_the_field(tmp_path: Path) -> None:
    data = tmp_path / "bad.csv"
    data.write_text("指标,年份,数值\n全社会研发投入强度,2019,三点二\n", encoding="utf-8")
    text = CliRunner().invoke(main, ["validate", str(data), "-f", "text"]).stdout
    assert text.startswith(f"{data}:2:3: error [PC402]")  # the field index, as docs/actuals.md says
    sarif = json.loads(CliRunner().invoke(main, ["validate", str(data), "-f", "sarif"]).stdout)
    region = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 2, "startColumn": 16}  # 全社会研发投入强度,2019, is 15 characters
    github = CliRunner().invoke(main, ["validate", str(data), "-f", "github"]).stdout
    assert ",line=2,col=16,title=PC402::" in github


def test_a_duplicate_row_warning_of_check_points_at_its_value(tmp_path: Path) -> None:
    data = tmp_path / "dup.csv"
    data.write_text("\ufefftarget,year,value\nrd-intensity,2019,2.95\nrd-intensity,2019,2.95\n", encoding="utf-8")
    sarif = json.loads(CliRunner().invoke(main, ["check", TAICANG, "-a", str(data), "-f", "sarif"]).stdout)
    pc405 = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "PC405")
    assert pc405["locations"][0]["physicalLocation"]["region"] == {"startLine": 3, "startColumn": 19}
