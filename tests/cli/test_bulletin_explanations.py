"""The Taicang plan with its example explanations: --require-explanations, template --notes,
and the explanation of each failing target in every format."""
from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from policycheck.cli.commands import main
from tests.helpers.paths import EXAMPLES_DIR, FIXTURES, PLANS_DIR

TAICANG = str(PLANS_DIR / "taicang-sti-2018-2020.yaml")
ACTUALS = str(EXAMPLES_DIR / "taicang.csv")
NOTES = str(EXAMPLES_DIR / "taicang-notes.csv")
FAILING_2019 = ("rd-institution-rate", "hitech-output-share", "hnte-new-annual")
CAUSE = "部分申报企业研发费用归集不规范，认定通过率低于预期，新增58家，比年度目标少2家。"
MEASURES = "提前启动2020年高新技术企业培育入库，举办研发费用归集专题培训，对拟申报企业逐家预审。"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def test_require_explanations_fails_for_each_unexplained_shortfall() -> None:
    result = run("check", TAICANG, "-a", ACTUALS, "--require-explanations", "-q", "--lang", "en")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{TAICANG}:63:5: error [PC606] rd-institution-rate is off_track in 2019 and has no "
        "explanation: add a row with its cause (原因) and measures (措施) to the explanations file "
        "(policycheck template --notes writes one)",
        f"{TAICANG}:113:5: error [PC606] hitech-output-share is regressing in 2019 and has no "
        "explanation: add a row with its cause (原因) and measures (措施) to the explanations file "
        "(policycheck template --notes writes one)",
        f"{TAICANG}:312:5: error [PC606] hnte-new-annual is missed in 2019 and has no "
        "explanation: add a row with its cause (原因) and measures (措施) to the explanations file "
        "(policycheck template --notes writes one)",
    ]


def test_require_explanations_passes_once_each_is_explained() -> None:
    # The three failing targets are explained: the 通报 can go out, although they still fail.
    for args in (["--notes", NOTES], ["-a", NOTES]):
        result = run("check", TAICANG, "-a", ACTUALS, *args, "--require-explanations", "-q")
        assert (result.exit_code, result.stderr) == (0, "")
        assert result.stdout.endswith("；3 项不通过\n")
    # Without --require-explanations the exit code is about the targets, as always.
    assert run("check", TAICANG, "-a", ACTUALS, "--notes", NOTES, "-q").exit_code == 1


def test_a_half_filled_row_is_pointed_at(tmp_path: Path) -> None:
    rows = Path(NOTES).read_text(encoding="utf-8").splitlines()
    partial = tmp_path / "notes.csv"
    # Keep the 2019 rows; empty the measures of hnte-new-annual (row 4 of the new file).
    kept = [rows[0], rows[3], rows[4], rows[5].replace(MEASURES, "")]
    partial.write_text("\n".join(kept) + "\n", encoding="utf-8")
    result = run("check", TAICANG, "-a", ACTUALS, "--notes", str(partial), "--require-explanations", "-q",
                 "--lang", "en")
    assert result.exit_code == 1
    assert result.stderr == (f"{partial}:4: error [PC606] hnte-new-annual is missed in 2019 and its "
                             "explanation lacks measures (措施): fill them in\n")


def test_failing_depends_on_fail_on() -> None:
    result = run("check", TAICANG, "-a", ACTUALS, "--notes", NOTES, "--require-explanations",
                 "--fail-on", "at-risk", "-q")
    assert result.exit_code == 1
    unexplained = [line.split(" error [PC606] ")[1].split(" ")[0] for line in result.stderr.splitlines()]
    # institutes-total (8 of 10, a small count on the whole-number path) is on track, so needs none.
    assert unexplained == ["rd-intensity", "service-platform-coverage"]


def test_template_notes_writes_exactly_the_failing_targets(tmp_path: Path) -> None:
    out = tmp_path / "说明.csv"
    result = run("template", TAICANG, "--notes", "-a", ACTUALS, "-o", str(out))
    assert (result.exit_code, result.stdout) == (0, "")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.decode("utf-8-sig").split("\r\n") == [
        "规划,指标,单位名称,年份,指标名称,状态,实际值,序时目标值,差距,原因,措施,责任人,来源",
        "taicang-sti-2018-2020,rd-institution-rate,,2019,规上工业企业研发机构建有率,明显滞后,39.5,42.67,-3.17,,,,",
        "taicang-sti-2018-2020,hitech-output-share,,2019,高新技术产业产值占规模以上工业总产值比重,不进反退,44.8,47.1,-2.3,,,,",
        "taicang-sti-2018-2020,hnte-new-annual,,2019,每年新增高新技术企业,未达成,58,60,-2,,,,",
        "",
    ]
    # Read back as it is: every failing target is "not explained yet", each at its row.
    check = run("check", TAICANG, "-a", ACTUALS, "--notes", str(out), "--require-explanations", "-q")
    assert check.exit_code == 1
    assert [line.split(": error")[0] for line in check.stderr.splitlines()] == [
        f"{out}:2", f"{out}:3", f"{out}:4"]


def test_template_notes_keeps_what_is_written_and_takes_the_year() -> None:
    result = run("template", TAICANG, "--notes", "-a", ACTUALS, "-a", NOTES, "--year", "2018", "--lang", "en")
    assert result.exit_code == 0
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["plan", "target", "unit", "year", "name", "status", "actual", "expected", "gap",
                       "cause", "measures", "person", "source"]
    assert [(r[1], r[3], r[5], r[11]) for r in rows[1:]] == [
        ("rd-institution-rate", "2018", "off track", "市科技局高新技术科"),
        ("sei-output-share", "2018", "off track", "市经信委产业发展科")]


def test_template_notes_usage_errors() -> None:
    assert run("template", TAICANG, "--notes").exit_code == 2
    assert run("template", TAICANG, "--notes", "-a", ACTUALS, "--wide").exit_code == 2
    plain = run("template", TAICANG, "-a", ACTUALS)
    assert plain.exit_code == 2 and "-a 只用于 --notes" in plain.stderr
    english = run("template", TAICANG, "-a", ACTUALS, "--lang", "en")
    assert english.exit_code == 2 and "-a is for --notes" in english.stderr


# --------------------------------------------------------------------------
# Every format carries the explanation


def _check(fmt: str, *extra: str) -> str:
    result = run("check", TAICANG, "-a", ACTUALS, "--notes", NOTES, "-f", fmt, *extra)
    assert result.exit_code == 1
    return result.stdout


def test_text_lists_causes_and_next_steps_after_the_table() -> None:
    text = _check("text")
    block = text.split("\n原因与措施\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert block[0] == "rd-institution-rate 规上工业企业研发机构建有率（明显滞后）"
    assert block[10:15] == ["hnte-new-annual 每年新增高新技术企业（未达成）", f"  原因：{CAUSE}",
                            f"  措施：{MEASURES}", "  责任人：市科技局高新技术科",
                            "  来源：示例 (illustrative)：市科技局2020年1月报送"]
    english = _check("text", "--lang", "en")
    assert ("\nCauses and next steps\n\nrd-institution-rate Share of industrial enterprises above designated "
            "size with an R&D institution (off track)\n  Cause: ") in english


def test_table_and_markdown_show_them_too() -> None:
    assert f"  原因：{CAUSE}" in _check("table", "--no-color")
    markdown = _check("markdown")
    assert "## 原因与措施\n\n| 指标代码 | 指标名称 | 状态 | 原因 | 措施 | 责任人 | 来源 |" in markdown
    row = f"| hnte-new-annual | 每年新增高新技术企业 | 未达成 | {CAUSE} | {MEASURES} | 市科技局高新技术科 |"
    assert row in markdown


def test_json_csv_junit_sarif_github_carry_them() -> None:
    data = json.loads(_check("json"))
    explained = {r["target"]: r["explanation"] for r in data["results"] if "explanation" in r}
    assert sorted(explained) == sorted(FAILING_2019)
    assert explained["hnte-new-annual"] == {"cause": CAUSE, "measures": MEASURES, "person": "市科技局高新技术科",
                                            "source": "示例 (illustrative)：市科技局2020年1月报送",
                                            "file": NOTES, "line": 6}
    assert all("trend" not in r for r in data["results"])

    rows = list(csv.DictReader(io.StringIO(_check("csv").lstrip("\ufeff"))))
    row = next(r for r in rows if r["target"] == "hnte-new-annual")
    assert (row["explanation.cause"], row["explanation.measures"]) == (CAUSE, MEASURES)
    assert "trend.label" not in row

    junit = ET.fromstring(_check("junit"))
    failure = junit.find(".//testcase[@name='hnte-new-annual']/failure")
    assert failure is not None and failure.text is not None
    assert failure.text.splitlines()[-1] == (f"原因：{CAUSE.rstrip('。')}；措施：{MEASURES.rstrip('。')}；"
                                             "责任人：市科技局高新技术科；"
                                             "来源：示例 (illustrative)：市科技局2020年1月报送")

    sarif = json.loads(_check("sarif"))
    result = next(r for r in sarif["runs"][0]["results"] if r.get("properties", {}).get("target") == "hnte-new-annual")
    assert result["properties"]["explanation"]["cause"] == CAUSE
    assert f"| 原因：{CAUSE.rstrip('。')}；" in result["message"]["text"]

    github = [line for line in _check("github").splitlines() if "title=hnte-new-annual" in line]
    assert len(github) == 1 and f"| 原因：{CAUSE.rstrip('。')}；措施：" in github[0]


def test_html_cards_show_them_beside_the_figures(tmp_path: Path) -> None:
    page = _check("html")
    assert '<dl class="explanation">' in page
    assert f"<div><dt>原因</dt><dd>{CAUSE}</dd></div>" in page
    assert "3项不通过的指标中，已说明原因和下步措施3项。" in page


@pytest.mark.parametrize("fmt", ["text", "json", "csv", "markdown", "sarif", "github"])
def test_without_options_nothing_changes(fmt: str) -> None:
    plain = run("check", TAICANG, "-a", ACTUALS, "-f", fmt)
    # An explanations file only for other years changes nothing for 2019 but the summary sentence.
    other = Path(NOTES).read_text(encoding="utf-8").splitlines()[:3]
    path = FIXTURES / "notes-2018-only.csv"
    assert path.read_text(encoding="utf-8").splitlines() == other
    with_2018 = run("check", TAICANG, "-a", ACTUALS, "--notes", str(path), "-f", fmt)
    assert with_2018.stdout == plain.stdout
