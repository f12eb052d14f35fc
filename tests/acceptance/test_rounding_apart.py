"""A rounded number never contradicts the verdict beside it (docs/reports.md#rounding-apart).

研发投入强度 2.996 against ≥3 is missed: every human format writes 2.996, never 3,
and the reason says "actual 2.996"; a gap that would round to 0 beside 略有滞后 keeps
its decimals, as does a 达成率 of 99.96 % beside 未达成.  A number that does not
collide keeps the two-decimal rule.
"""
from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import docx
import python_calamine

from tests.helpers.acceptance import run, write

PLAN = """\
policycheck: 1
plan:
  id: t-plan
  title: 测试规划
  period: {{start: 2021, end: 2025}}
targets:
  - id: rdi
    name: 研发投入强度
    unit: "%"
    kind: level
    baseline: {{year: 2020, value: {baseline}}}
    milestones: {{2025: 3}}
    quote: 研发投入强度达到3%
"""


def inputs(tmp_path: Path, value: str, year: int = 2025, baseline: str = "2.5") -> tuple[str, str]:
    plan = write(tmp_path / "plan.yaml", PLAN.format(baseline=baseline))
    data = write(tmp_path / "a.csv", f"plan,target,year,value\nt-plan,rdi,{year},{value}\n")
    return str(plan), str(data)


def check(plan: str, data: str, *args: str) -> tuple[int, str]:
    code, out, err = run("check", plan, "-a", data, *args)
    assert not err, err
    return code, out


def row(out: str, start: str) -> list[str]:
    """The cells of the table line that starts with ``start``."""
    lines = [line for line in out.splitlines() if line.lstrip("| ").startswith(start)]
    assert len(lines) == 1, out
    return [cell for cell in lines[0].replace("|", " ").split() if cell]


def test_the_rdi_case_in_text_table_and_markdown(tmp_path: Path) -> None:
    plan, data = inputs(tmp_path, "2.996")
    for fmt in ("text", "markdown"):
        code, out = check(plan, data, "-f", fmt)
        assert code == 1
        assert row(out, "rdi") == ["rdi", "研发投入强度", "≥3", "2.996", "3", "-0.004", "99.2%", "99.9%", "未达成"]
    code, out = check(plan, data, "-f", "table", "--no-color")
    assert row(out, "研发投入强度")[:6] == ["研发投入强度", "≥3", "2.996", "3", "-0.004", "99.2%"]
    assert row(out, "研发投入强度")[-2:] == ["99.9%", "未达成"]
    _, out = check(plan, data, "-f", "text", "--lang", "en")
    assert row(out, "rdi")[3:6] == ["2.996", "3", "-0.004"]


def test_the_rdi_case_reason_in_json_and_both_languages(tmp_path: Path) -> None:
    plan, data = inputs(tmp_path, "2.996")
    _, out = check(plan, data, "-f", "json")
    result = json.loads(out)["results"][0]
    assert result["status"] == "missed"
    assert result["reason"] == "final target ≥3 (2025) not reached: actual 2.996"
    assert result["reason_args"] == {"target": "≥3", "target_year": "2025", "actual": "2.996"}
    assert result["actual"] == 2.996 and result["margin"] == -0.0040000000000000036  # JSON: full precision
    _, out = check(plan, data, "-f", "junit")
    assert "实际值 2.996, 序时目标值 3, 差距 -0.004" in out
    assert "未达到2025年最终目标≥3：实际值2.996" in out


def test_the_rdi_case_in_explain(tmp_path: Path) -> None:
    plan, data = inputs(tmp_path, "2.996")
    code, out, err = run("explain", plan, "rdi", "-a", data, "--no-color")
    assert code == 1, err  # a missed target fails the run, as with check
    assert "未达成：未达到2025年最终目标≥3：实际值2.996" in out
    assert row(out, "2025   ") == ["2025", "2.996", "3", "-0.004", "未达成"]
    assert row(out, "2025 实际值")[-1] == "2.996"  # the bar's label, as the table writes it


def test_the_rdi_case_in_the_csv_for_people_and_the_workbook(tmp_path: Path) -> None:
    plan, data = inputs(tmp_path, "2.996")
    _, out = check(plan, data, "-f", "csv", "--lang", "en")
    sheet = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))
    assert len(sheet) == 1
    assert [sheet[0][key] for key in ("Actual", "Expected", "Gap", "Attainment (%)", "Status")] == [
        "2.996", "3", "-0.004", "99.9", "missed"]
    assert sheet[0]["Reason"] == "final target ≥3 (2025) not reached: actual 2.996"
    book = tmp_path / "report.xlsx"
    check(plan, data, "-f", "json", "-o", f"xlsx={book}")
    with zipfile.ZipFile(book) as archive:
        styles = archive.read("xl/styles.xml").decode()
    assert 'formatCode="0.000&quot;%&quot;"' in styles  # 2.996 and -0.004 shown with three places
    with python_calamine.CalamineWorkbook.from_path(str(book)) as opened:
        rows = opened.get_sheet_by_name(opened.sheet_names[0]).to_python()
    assert 2.996 in rows[1]


def test_the_rdi_case_in_html_and_the_word_bulletin(tmp_path: Path) -> None:
    plan, data = inputs(tmp_path, "2.996")
    _, page = check(plan, data, "-f", "html")
    assert "2.996%" in page and ">-0.004<" in page and "实际值2.996" in page
    bulletin = tmp_path / "通报.docx"
    check(plan, data, "-f", "json", "-o", f"docx={bulletin}")
    document = docx.Document(str(bulletin))
    texts = [cell.text for table in document.tables for line in table.rows for cell in line.cells]
    texts += [paragraph.text for paragraph in document.paragraphs]
    assert "2.996" in texts and "-0.004" in texts
    assert any("2025年实际2.996，序时目标3，差距-0.004" in text for text in texts)


def test_a_gap_that_would_round_to_zero_beside_at_risk(tmp_path: Path) -> None:
    # E(2023) = 2.9 + 3/5 × 0.1 = 2.96; 2.956 is 93.3 % of the way: 略有滞后
    plan, data = inputs(tmp_path, "2.956", year=2023, baseline="2.9")
    _, out = check(plan, data, "-f", "text")
    assert row(out, "rdi") == ["rdi", "研发投入强度", "≥3", "2.956", "2.96", "-0.004", "93.3%", "98.5%", "略有滞后"]
    _, out = check(plan, data, "-f", "json")
    result = json.loads(out)["results"][0]
    assert result["reason"] == "behind the linear schedule: 0.004 below the expected 2.96"


def test_an_attainment_that_would_round_to_100_beside_missed(tmp_path: Path) -> None:
    plan, data = inputs(tmp_path, "2.9988")
    _, out = check(plan, data, "-f", "markdown")
    assert row(out, "rdi") == ["rdi", "研发投入强度", "≥3", "2.999", "3", "-0.001", "99.8%", "99.96%", "未达成"]
    _, out = check(plan, data, "-f", "json")
    assert json.loads(out)["results"][0]["reason"] == "final target ≥3 (2025) not reached: actual 2.999"


def test_numbers_that_do_not_collide_keep_two_decimals(tmp_path: Path) -> None:
    plan, data = inputs(tmp_path, "2.9")
    _, out = check(plan, data, "-f", "text")
    assert row(out, "rdi") == ["rdi", "研发投入强度", "≥3", "2.9", "3", "-0.1", "80%", "96.7%", "未达成"]
    plan, data = inputs(tmp_path, "3.004")  # met: 3 against ≥3 reads as met, rightly
    _, out = check(plan, data, "-f", "text")
    assert row(out, "rdi") == ["rdi", "研发投入强度", "≥3", "3", "3", "0", "100.8%", "100.1%", "已达成"]
    _, out = check(plan, data, "-f", "json")
    assert json.loads(out)["results"][0]["reason"] == "final target ≥3 (2025) reached: actual 3"
