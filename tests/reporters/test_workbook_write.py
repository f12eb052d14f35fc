"""Workbooks written: -o xlsx, units --split and template -o FILE.xlsx (docs/reports.md#xlsx)."""
from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
import python_calamine
from click.testing import CliRunner

from policycheck.cli import main
from policycheck.cli.split import file_names, safe_name
from policycheck.model import UnitSummary
from tests.helpers.paths import PLANS_DIR
from tests.helpers.workbooks import TAICANG_CSV, write_taicang

PLAN = str(PLANS_DIR / "taicang-sti-2018-2020.yaml")


def invoke(*args: str) -> Any:
    return CliRunner().invoke(main, list(args))


def sheets(path: Path) -> dict[str, list[list[Any]]]:
    with python_calamine.CalamineWorkbook.from_path(str(path)) as book:
        return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    folder = tmp_path_factory.mktemp("xlsx")
    path = folder / "report.xlsx"
    result = invoke("check", PLAN, "-a", str(TAICANG_CSV), "-o", f"xlsx={path}", "-f", "json")
    assert result.exit_code == 1
    return path, json.loads(result.stdout)


def test_the_workbook_has_the_four_sheets_with_the_json_values(written: tuple[Path, dict[str, Any]]) -> None:
    path, data = written
    book = sheets(path)
    assert list(book) == ["结果", "责任单位", "被替代的数据", "问题"]
    header, *rows = book["结果"]
    assert header[:4] == ["规划", "指标代码", "责任单位", "指标名称"]
    assert len(rows) == len(data["results"])
    col = {name: header.index(name)
           for name in ("实际值", "序时目标值", "差距", "完成序时进度", "达成率", "状态", "要求")}
    for row, result in zip(rows, data["results"], strict=True):
        assert row[1] == result["target"]
        assert row[col["要求"]] == result["requirement"]
        if isinstance(result["actual"], (int, float)) and not isinstance(result["actual"], bool):
            assert row[col["实际值"]] == pytest.approx(result["actual"], rel=1e-15)
        # 差距 is the margin, signed as in every human format (docs/reports.md#one-sign-for-gaps).
        for key, name in (("expected", "序时目标值"), ("margin", "差距"), ("progress_ratio", "完成序时进度"),
                          ("attainment", "达成率")):
            # Numbers go to the sheet with 16 significant digits (Excel shows 15).
            expected = result[key] if result[key] is not None else "—"
            if key == "expected" and result["expected_range"] is not None:
                expected = "—".join(f"{v:.2f}".rstrip("0").rstrip(".") for v in result["expected_range"])
                assert row[col[name]] == expected
                continue
            assert row[col[name]] == (pytest.approx(expected, rel=1e-15) if expected != "—" else "—")
    rd = rows[0]
    assert (rd[col["要求"]], rd[col["状态"]], rd[col["完成序时进度"]]) == ("≥3.2", "略有滞后", pytest.approx(0.875))
    towns = next(row for row in rows if row[1] == "town-focus-industries")
    assert (towns[col["要求"]], towns[col["序时目标值"]]) == ("1—2", "0.67—1.33")
    superseded = book["被替代的数据"]
    assert superseded[1][:5] == [f"{TAICANG_CSV}:67", "taicang-sti-2018-2020", "hnte-new-annual", "—", 2019.0]
    units = book["责任单位"]
    # 8 shortfalls: institutes-total (8 of 10 institutes) is on the whole-number schedule
    # (docs/evaluation.md#small-counts), not at risk.
    assert units[1][:6] == ["kjj", "市科技局", 18.0, 8.0, 8.0, "牵头"]
    # One row per unit and result, roles merged, names with the scoped unit, the gap signed.
    towns_rows = [row for row in units if row[0] == "towns"]
    assert towns_rows[4][5:] == ["配合、承担", "town-carrier-area [towns]",
                                 "各镇、区(街道)新投入使用创新载体面积（各镇、区（街道））", "≥1", "明显滞后（力争）",
                                 pytest.approx(-0.3666666666666666)]


def test_frozen_header_autofilter_status_fills_and_number_formats(written: tuple[Path, dict[str, Any]]) -> None:
    path, _ = written
    with zipfile.ZipFile(path) as package:
        results = package.read("xl/worksheets/sheet1.xml").decode()
        styles = package.read("xl/styles.xml").decode()
    assert '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' in results
    assert '<autoFilter ref="A1:T31"/>' in results
    assert 'rgb="FFB7791F"' in styles  # at_risk, as in the HTML report
    assert 'formatCode="0.00&quot;%&quot;"' in styles  # 2.95 in % shows 2.95%
    assert 'formatCode="0.0%"' in styles  # attainment


def test_english_labels(tmp_path: Path) -> None:
    path = tmp_path / "en.xlsx"
    assert invoke("units", PLAN, "-a", str(TAICANG_CSV), "-o", f"xlsx={path}", "--lang", "en", "-q").exit_code == 1
    book = sheets(path)
    assert list(book) == ["Results", "Units", "Superseded", "Findings"]
    assert book["Results"][1][16] == "at risk"


def test_xlsx_is_no_stdout_format() -> None:
    result = invoke("check", PLAN, "-a", str(TAICANG_CSV), "-f", "xlsx")
    assert result.exit_code == 2
    assert "'xlsx' is not one of" in result.stderr


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    data = tmp_path / "data.csv"
    data.write_text("target,year,value,note\nrd-intensity,2019,2.95,\"=HYPERLINK(\"\"http://x\"\")\"\n",
                    encoding="utf-8")
    path = tmp_path / "r.xlsx"
    invoke("check", PLAN, "-a", str(data), "-o", f"xlsx={path}", "-q")
    with zipfile.ZipFile(path) as package:
        assert "<f>" not in package.read("xl/worksheets/sheet1.xml").decode()
    assert sheets(path)["结果"][1][19] == '=HYPERLINK("http://x")'


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed here; "
                    ".ci/run installs it")
def test_libreoffice_opens_the_report_with_the_json_values(written: tuple[Path, dict[str, Any]],
                                                           tmp_path: Path) -> None:
    path, data = written
    # Comma, double quote, UTF-8, from row 1, all sheets, values as stored (not as shown).
    options = "44,34,76,1,,0,false,true,false,false,false,-1"
    done = subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                           "--convert-to", f"csv:Text - txt - csv (StarCalc):{options}", "--outdir",
                           str(tmp_path), str(path)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    with open(tmp_path / "report-结果.csv", encoding="utf-8", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    assert len(rows) == len(data["results"])
    for row, result in zip(rows, data["results"], strict=True):
        cells = dict(zip(header, row, strict=True))
        assert cells["指标代码"] == result["target"]
        for key, name in (("actual", "实际值"), ("expected", "序时目标值"), ("margin", "差距")):
            value = result[key]
            if isinstance(value, float) and not (key == "expected" and result["expected_range"]):
                assert float(cells[name]) == pytest.approx(value, rel=1e-12, abs=1e-12)
        if result["attainment"] is not None:
            assert float(cells["达成率"].rstrip("%")) / 100 == pytest.approx(result["attainment"], rel=1e-12)


def test_units_split_writes_one_file_per_unit_and_an_index(tmp_path: Path) -> None:
    folder = tmp_path / "units"
    result = invoke("units", PLAN, "-a", str(TAICANG_CSV), "--split", str(folder), "-f", "json")
    assert result.exit_code == 1
    units = json.loads(result.stdout)["units"]
    names = sorted(os.listdir(folder))
    assert len(names) == len(units) + 1 and "index.xlsx" in names
    assert "市科技局.xlsx" in names and "各镇、区（街道）.xlsx" in names
    kjj = sheets(folder / "市科技局.xlsx")
    targets = {row[1] for row in kjj["结果"][1:]}
    assert "rd-institution-rate" in targets and "rd-intensity" not in targets  # led by kjj; no lead
    assert all(row[0] == "kjj" for row in kjj["责任单位"][1:])
    index = sheets(folder / "index.xlsx")["index"]
    assert index[1] == ["kjj", "市科技局", 18.0, 8.0, 8.0, "市科技局.xlsx"]  # see the four-sheet test


@pytest.mark.parametrize("fmt, extension", [("csv", ".csv"), ("markdown", ".md"), ("html", ".html")])
def test_units_split_in_other_formats(tmp_path: Path, fmt: str, extension: str) -> None:
    folder = tmp_path / fmt
    assert invoke("units", PLAN, "-a", str(TAICANG_CSV), "--split", f"{fmt}={folder}", "-q").exit_code == 1
    assert f"市科技局{extension}" in os.listdir(folder)
    index = (folder / f"index{extension}").read_text(encoding="utf-8-sig")
    assert "市科技局" in index


def test_units_split_is_all_or_nothing(tmp_path: Path) -> None:
    # A report that cannot be written: no unit file either, and no folder left behind.
    folder = tmp_path / "new" / "units"
    result = invoke("units", PLAN, "-a", str(TAICANG_CSV), "--split", str(folder), "-o",
                    f"json={tmp_path / 'missing' / 'r.json'}", "-q")
    assert result.exit_code == 2
    assert "r.json：无法写入：No such file or directory" in result.stderr
    assert not (tmp_path / "new").exists()
    # A split folder that is a file: no report either.
    (tmp_path / "file").write_text("x")
    result = invoke("units", PLAN, "-a", str(TAICANG_CSV), "--split", str(tmp_path / "file"), "-o",
                    f"json={tmp_path / 'r.json'}", "-q")
    assert result.exit_code == 2
    assert not (tmp_path / "r.json").exists()


def test_file_names_are_safe_on_windows_and_macos() -> None:
    assert safe_name('a<b>c:d"e/f\\g|h?i*j') == "a_b_c_d_e_f_g_h_i_j"
    assert safe_name("CON") == "_CON" and safe_name("com1.txt") == "_com1.txt"
    assert safe_name("  科技局. ") == "科技局"
    assert safe_name("...") == "_"
    assert safe_name("\u5e02\u79d1\u6280\u5c40\u0301") == "市科技局\u0301"  # NFC keeps a lone mark
    assert len(safe_name("局" * 200)) == 60
    units = [UnitSummary("a", "科技局", 0, 0, {}, ()), UnitSummary("b", "科技局", 0, 0, {}, ()),
             UnitSummary("c", "Index", 0, 0, {}, ()), UnitSummary("d", "INDEX", 0, 0, {}, ())]
    assert file_names(units, "zh", ".md") == {"a": "科技局.md", "b": "科技局-b.md", "c": "Index-c.md",
                                              "d": "INDEX-d.md"}


def test_the_template_workbook_reads_back_and_guards_its_header(tmp_path: Path) -> None:
    path = tmp_path / "template.xlsx"
    assert invoke("template", PLAN, "-o", str(path)).exit_code == 0
    csv_text = invoke("template", PLAN).stdout
    expected = list(csv.reader(csv_text.splitlines()))
    rows = sheets(path)["填报"]
    assert rows[0] == expected[0] and rows[0][-1] == "填写说明"  # the same rows as the CSV, hints included
    assert [[str(int(c)) if isinstance(c, float) else c for c in row] for row in rows[1:]] == expected[1:]
    assert rows[1][-1] == "基期：填写当年数值（%）"
    validate = invoke("validate", PLAN, str(path))
    assert validate.exit_code == 0, validate.output
    with zipfile.ZipFile(path) as package:
        sheet = package.read("xl/worksheets/sheet1.xml").decode()
        styles = package.read("xl/styles.xml").decode()
    assert "<sheetProtection " in sheet and "password" not in sheet
    assert re.search(r'<dataValidation type="list"[^>]*sqref="H2:H\d+"', sheet)
    assert "<formula1>\"正式,快报,预计\"</formula1>" in sheet
    assert "<formula1>\"已完成,未完成\"</formula1>" in sheet
    assert '<protection locked="0"/>' in styles


def test_a_filled_template_workbook_gives_the_values_written(tmp_path: Path) -> None:
    path = tmp_path / "template.xlsx"
    invoke("template", PLAN, "-o", str(path), "--lang", "en")
    rows = sheets(path)["actuals"]
    import xlsxwriter

    filled = tmp_path / "filled.xlsx"
    book = xlsxwriter.Workbook(str(filled))
    sheet = book.add_worksheet("actuals")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if r and row[1] == "rd-intensity" and c == 6:
                sheet.write_number(r, c, {2017: 2.6, 2018: 2.75, 2019: 2.95}.get(int(row[5]), 0) or 0)
            elif isinstance(value, float):
                sheet.write_number(r, c, value)
            elif r and row[1] == "rd-intensity" and int(row[5]) == 2020 and c == 6:
                sheet.write_string(r, c, "-")
            else:
                sheet.write_string(r, c, value)
    book.close()
    data = json.loads(invoke("check", PLAN, "-a", str(filled), "-f", "json").stdout)
    rd = next(r for r in data["results"] if r["target"] == "rd-intensity")
    assert rd["observed"][:3] == [[2017, 2.6], [2018, 2.75], [2019, 2.95]]


def test_a_report_never_overwrites_the_workbook_it_read(tmp_path: Path) -> None:
    book = write_taicang(tmp_path / "data.xlsx")
    before = book.read_bytes()
    result = invoke("check", PLAN, "-a", f"{book}#表1", "-o", f"xlsx={book}")
    assert result.exit_code == 2
    assert result.stderr == f"{book}：是本次运行的输入文件；输入文件从不修改，请把输出写到别的路径\n"
    assert book.read_bytes() == before
