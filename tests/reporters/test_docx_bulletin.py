"""The Word 通报 (-o docx=FILE): read back with python-docx and compared with the JSON report of
the same run; A4, named Chinese fonts, a repeated header row, the same summary as the HTML
report; and LibreOffice turns it into a PDF whose first page has the title."""
from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import docx
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn
from docx.shared import Mm

from policycheck.cli.commands import main
from policycheck.evaluation.requirement import localise_requirement
from policycheck.reporters import RenderOptions, render, render_file
from policycheck.reporters.bulletin_labels import trend_text
from policycheck.reporters.common import fmt_gap, fmt_number
from policycheck.reporters.labels import status_label
from tests.helpers.paths import EXAMPLES_DIR, PLANS_DIR, ROOT
from tests.helpers.report_demo import build_report

TAICANG = str(PLANS_DIR / "taicang-sti-2018-2020.yaml")
ACTUALS = str(EXAMPLES_DIR / "taicang.csv")
NOTES = str(EXAMPLES_DIR / "taicang-notes.csv")
H1_ZH = ["一、总体情况", "二、指标完成情况", "三、滞后指标情况", "四、各责任单位情况", "五、数据修订情况",
         "六、数据来源"]


def _run(*args: str) -> None:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code in (0, 1), result.output


@pytest.fixture(scope="module")
def bulletin(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any], Path]:
    """The 2019 通报 compared with 2018, with the example explanations: docx, JSON, HTML of one run."""
    work = tmp_path_factory.mktemp("bulletin")
    last = work / "2018.json"
    _run("check", TAICANG, "-a", ACTUALS, "--year", "2018", "-o", f"json={last}", "-q")
    out = work / "通报.docx"
    _run("check", TAICANG, "-a", ACTUALS, "-a", NOTES, "--compare", str(last), "-q",
         "-o", f"docx={out}", "-o", f"json={work / 'r.json'}", "-o", f"html={work / 'r.html'}")
    return out, json.loads((work / "r.json").read_text(encoding="utf-8")), work / "r.html"


def _paragraphs(path: Path, style: str) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs if p.style is not None and p.style.name == style]


def test_title_and_headings(bulletin: tuple[Path, dict[str, Any], Path]) -> None:
    path, report, _ = bulletin
    assert _paragraphs(path, "Title") == ["太仓市科技创新三年行动计划（2018—2020年）", "2019年度目标任务完成情况通报"]
    assert _paragraphs(path, "Heading 1") == H1_ZH
    failing = [r for r in report["results"] if r["failing"] or "explanation" in r]
    units = [u["name"] for u in report["units"] if u["shortfalls"]]
    names = {r["target"]: r["name"] for r in report["results"]}
    labels = {r["target"]: status_label(r["status"], "zh") for r in report["results"]}
    expected = [f"（{n}）{names[r['target']]}（{labels[r['target']]}）" for n, r in
                zip(("一", "二", "三"), failing, strict=True)]
    expected += [f"（{_cn(n)}）{name}" for n, name in enumerate(units, start=1)]
    assert _paragraphs(path, "Heading 2") == expected


def _cn(n: int) -> str:
    digits = "零一二三四五六七八九"
    return digits[n] if n < 10 else ("" if n < 20 else digits[n // 10]) + "十" + (digits[n % 10] if n % 10 else "")


def test_the_indicator_table_matches_the_json_report(bulletin: tuple[Path, dict[str, Any], Path]) -> None:
    path, report, _ = bulletin
    table = docx.Document(str(path)).tables[0]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["序号", "指标名称", "要求", "实际", "序时目标", "差距", "完成序时进度", "状态", "2018年", "趋势"]
    assert len(rows) == 1 + len(report["results"]) == 31
    for number, (row, result) in enumerate(zip(rows[1:], report["results"], strict=True), start=1):
        assert row[0] == str(number)
        assert row[1].startswith(result["name"])
        assert row[2] == localise_requirement(result["requirement"], "zh")
        assert row[3] == fmt_number(result["actual"])
        between = result.get("expected_range")
        assert row[4] == (f"{fmt_number(between[0])}—{fmt_number(between[1])}" if between
                          else fmt_number(result["expected"]))
        assert row[5] == fmt_gap(result["margin"])  # one sign for gaps: + better, - worse
        assert row[7].startswith(status_label(result["status"], "zh"))
        assert row[8] == status_label(result["trend"]["years"][0]["status"], "zh")
        assert row[9] == trend_text(result["trend"]["label"], "zh")
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first == {"序号": "1", "指标名称": "全社会研发投入占地区生产总值的比重", "要求": "≥3.2",
                     "实际": "2.95", "序时目标": "3", "差距": "-0.05", "完成序时进度": "87.5%",
                     "状态": "略有滞后", "2018年": "略有滞后", "趋势": "持续滞后"}
    annual = dict(zip(rows[0], rows[22], strict=True))
    assert (annual["要求"], annual["完成序时进度"], annual["趋势"]) == ("≥60", "96.7%", "新增滞后")


def test_header_row_repeats_and_rows_do_not_split(bulletin: tuple[Path, dict[str, Any], Path]) -> None:
    path, _, _ = bulletin
    for table in docx.Document(str(path)).tables:
        header = table.rows[0]._tr.trPr
        assert header is not None and header.find(qn("w:tblHeader")).get(qn("w:val")) == "true"
        assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in list(table.rows)[1:])


def test_failing_targets_have_their_cause_and_next_steps(bulletin: tuple[Path, dict[str, Any], Path]) -> None:
    path, report, _ = bulletin
    texts = [p.text for p in docx.Document(str(path)).paragraphs]
    for result in (r for r in report["results"] if r["failing"]):
        note = result["explanation"]
        assert f"原因分析：{note['cause']}" in texts
        assert f"下步措施：{note['measures']}" in texts
        assert f"责任人：{note['person']}" in texts
    start = texts.index("（三）每年新增高新技术企业（未达成）")
    assert texts[start + 1:start + 3] == [
        "2019年实际58，序时目标60，差距-2，要求≥60。未达到2019年要求≥60：实际值58（已到期2年，达标1年）。",
        "趋势：新增滞后（2018 已达成 → 2019 未达成）"]
    assert texts[start + 5] == ("责任单位：市科技局（牵头）；经信委、财政局、招商局、国税局、地税局、"
                                "各镇、区（街道）（配合）")


def test_units_and_superseded_tables(bulletin: tuple[Path, dict[str, Any], Path]) -> None:
    path, report, _ = bulletin
    tables = docx.Document(str(path)).tables
    units = [u for u in report["units"] if u["shortfalls"]]
    assert len(tables) == 1 + len(units) + 1
    kjj = [[c.text for c in row.cells] for row in tables[1].rows]
    assert kjj[0] == ["指标名称", "角色", "状态", "差距", "说明"]
    assert len(kjj) - 1 == len(units[0]["shortfalls"])
    assert kjj[1] == ["规上工业企业研发机构建有率", "牵头", "明显滞后", "-3.17", "已说明"]
    assert kjj[2] == ["高端装备制造产业年产值", "牵头", "略有滞后", "-93.33", "—"]
    superseded = [[c.text for c in row.cells] for row in tables[-1].rows]
    row = report["superseded"][0]
    assert superseded[1] == [f"{row['file']}:{row['line']}", "hnte-new-annual", "—", "2019", "预计", "61", "正式"]


def test_same_summary_as_the_html_report(bulletin: tuple[Path, dict[str, Any], Path]) -> None:
    path, _, html = bulletin
    texts = [p.text for p in docx.Document(str(path)).paragraphs]
    overview = texts[texts.index("一、总体情况") + 1:texts.index("二、指标完成情况")]
    overview = [t for t in overview if t]
    summary = re.search(r'<p class="summary">(.*?)</p>', html.read_text(encoding="utf-8"))
    assert summary is not None and summary.group(1) == "".join(overview)
    assert overview[0] == ("2019年，《太仓市科技创新三年行动计划（2018—2020年）》共30项指标，"
                           "已完成9项（其中提前完成6项），符合序时进度7项，滞后10项，缺少数据1项，未到期3项。")


def test_a4_and_named_chinese_fonts(bulletin: tuple[Path, dict[str, Any], Path]) -> None:
    path, _, _ = bulletin
    document = docx.Document(str(path))
    first, table_pages = document.sections[0], document.sections[1]
    def mm(length: int | None) -> float:  # Word stores twentieths of a point: 210 mm is 210.01 mm
        return round((length or 0) / Mm(1), 1)

    assert (mm(first.page_width), mm(first.page_height)) == (210, 297)
    assert (mm(table_pages.page_width), mm(table_pages.page_height)) == (297, 210)
    fonts = {name: document.styles[name].element.rPr.rFonts for name in ("Normal", "Title", "Heading 1", "Heading 2")}
    assert {name: f.get(qn("w:eastAsia")) for name, f in fonts.items()} == {
        "Normal": "仿宋_GB2312", "Title": "方正小标宋简体", "Heading 1": "黑体", "Heading 2": "楷体_GB2312"}
    assert all(f.get(qn("w:ascii")) == "Times New Roman" and f.get(qn("w:asciiTheme")) is None
               for f in fonts.values())
    table = zipfile.ZipFile(path).read("word/fontTable.xml").decode("utf-8")
    assert '<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>' in table
    assert '<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>' in table


def test_english_document() -> None:
    report = build_report()
    document = docx.Document(io.BytesIO(render_file(report, "docx", RenderOptions(lang="en"))))  # type: ignore[arg-type]
    headings = [p.text for p in document.paragraphs if p.style is not None and p.style.name == "Heading 1"]
    assert headings == ["1. Overview", "2. Targets", "3. Targets behind schedule", "4. Responsible units",
                        "5. Revised figures", "6. Data sources"]
    assert document.tables[0].rows[0].cells[2].text == "Requirement"


def test_deterministic_and_printable(monkeypatch: pytest.MonkeyPatch) -> None:
    report = build_report()
    hostile = replace(report.results[0], name="研发\x1b[31m投入\x07\n强度")
    report = replace(report, results=(hostile, *report.results[1:]))
    first = render_file(report, "docx", RenderOptions())
    assert isinstance(first, bytes) and first == render_file(report, "docx", RenderOptions())
    archive = zipfile.ZipFile(io.BytesIO(first))
    assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert "docProps/thumbnail.jpeg" not in archive.namelist()
    assert b"dcterms:created" not in archive.read("docProps/core.xml")
    assert docx.Document(io.BytesIO(first)).tables[0].rows[1].cells[1].text == "研发[31m投入 强度"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    dated = docx.Document(io.BytesIO(render_file(report, "docx", RenderOptions())))  # type: ignore[arg-type]
    assert dated.core_properties.created.isoformat() == "2023-11-14T22:13:20+00:00"


def test_docx_is_a_file_never_stdout() -> None:
    with pytest.raises(ValueError, match="binary"):
        render(build_report(), "docx")
    result = CliRunner().invoke(main, ["check", TAICANG, "-a", ACTUALS, "-f", "docx"])
    assert result.exit_code == 2


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    message = f"no {name} on PATH (Debian: libreoffice-writer-nogui, poppler-utils)"
    if os.environ.get("CI"):
        pytest.fail(f"{message}; CI must convert the 通报 to PDF")
    pytest.skip(message)


@pytest.mark.slow
def test_libreoffice_converts_it_to_pdf(bulletin: tuple[Path, dict[str, Any], Path], tmp_path: Path) -> None:
    soffice, pdftotext, pdftoppm = _tool("soffice"), _tool("pdftotext"), _tool("pdftoppm")
    path, _, _ = bulletin
    source = tmp_path / "bulletin.docx"
    shutil.copy(path, source)
    converted = subprocess.run([soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/lo",
                                "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                               capture_output=True, text=True, timeout=300)
    pdf = tmp_path / "bulletin.pdf"
    assert pdf.is_file(), converted.stdout + converted.stderr
    first_page = subprocess.run([pdftotext, "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True,
                                timeout=60).stdout
    assert "2019年度目标任务完成情况通报" in first_page.replace(" ", "")
    subprocess.run([pdftoppm, "-f", "1", "-l", "1", "-r", "40", "-png", str(pdf), str(tmp_path / "page")],
                   check=True, timeout=60)
    png = next(tmp_path.glob("page*.png")).read_bytes()
    assert png.startswith(b"\x89PNG")
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert abs(height / width - 297 / 210) < 0.02  # an A4 portrait page


def test_the_committed_picture_is_an_a4_page() -> None:
    png = (ROOT / "docs" / "img" / "bulletin.png").read_bytes()
    assert png.startswith(b"\x89PNG")
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert abs(height / width - 297 / 210) < 0.02
