"""Workbooks as actuals (docs/actuals.md#workbooks): every form gives the CSV's report."""
from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import pytest
import xlsxwriter
from click.testing import CliRunner

from policycheck.cli import main
from tests.helpers.paths import FIXTURES, PLANS_DIR
from tests.helpers.workbooks import FORMS, TAICANG_CSV, plain, taicang_rows, write_taicang

PLAN = str(PLANS_DIR / "taicang-sti-2018-2020.yaml")


def run(*args: str) -> Any:
    return CliRunner().invoke(main, ["check", PLAN, *args])


def report(*args: str, code: int = 1) -> dict[str, Any]:
    """The JSON report; the Taicang example has failing results, so exit 1."""
    result = run(*args, "-f", "json")
    assert result.exit_code == code, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def comparable(data: dict[str, Any]) -> dict[str, Any]:
    """The report without where each input row was (a CSV line, a sheet row)."""
    superseded = [{k: v for k, v in row.items() if k not in ("file", "line")} for row in data["superseded"]]
    findings = [f for f in data["findings"] if f["rule"] != "PC410"]
    return {**data, "superseded": superseded, "findings": findings}


@pytest.fixture(scope="module")
def csv_report() -> dict[str, Any]:
    return comparable(report("-a", str(TAICANG_CSV)))


@pytest.mark.parametrize("form", list(FORMS))
def test_every_form_gives_the_csv_report(tmp_path: Path, form: str, csv_report: dict[str, Any]) -> None:
    book = write_taicang(tmp_path / "taicang.xlsx", **FORMS[form])
    data = report("-a", str(book))
    assert comparable(data) == csv_report
    assert data["findings"] == []


def test_title_rows_and_a_merged_title_above_the_header(tmp_path: Path, csv_report: dict[str, Any]) -> None:
    def title(book: Any, sheet: Any) -> None:
        sheet.merge_range(0, 0, 0, 8, "太仓市科技创新统计表（2017—2019年）")
        sheet.write_string(1, 0, "填报单位：太仓市统计局")

    data = report("-a", str(write_taicang(tmp_path / "t.xlsx", top=3, extra=title)))
    assert comparable(data) == csv_report
    # Rows keep their sheet numbers: the CSV's line 67 is row 67 + 3 of the sheet.
    assert data["superseded"][0]["file"] == f"{tmp_path / 't.xlsx'}#表1"
    assert data["superseded"][0]["line"] == 70


def test_merged_target_cells_fill_every_row_they_cover(tmp_path: Path, csv_report: dict[str, Any]) -> None:
    rows = taicang_rows()

    def merged(book: Any, sheet: Any) -> None:
        first = 1
        for index in range(2, len(rows) + 1):
            if index == len(rows) or rows[index][1] != rows[first][1]:
                if index - first > 1:
                    sheet.merge_range(first, 1, index - 1, 1, rows[first][1])
                first = index

    data = report("-a", str(write_taicang(tmp_path / "m.xlsx", extra=merged)))
    assert comparable(data) == csv_report


def test_trailing_empty_rows_and_formatted_blank_cells_are_ignored(tmp_path: Path,
                                                                  csv_report: dict[str, Any]) -> None:
    def blanks(book: Any, sheet: Any) -> None:
        border = book.add_format({"border": 1})
        for row in range(92, 400):
            for col in range(0, 14):
                sheet.write_blank(row, col, None, border)
        sheet.write_string(500, 0, "")

    data = report("-a", str(write_taicang(tmp_path / "b.xlsx", extra=blanks)))
    assert comparable(data) == csv_report
    assert data["findings"] == []


def test_rows_over_several_sheets_and_a_notes_sheet_skipped(tmp_path: Path, csv_report: dict[str, Any]) -> None:
    def notes(book: Any, sheet: Any) -> None:
        if sheet.name == "表3":
            book.add_worksheet("说明").write_string(0, 0, "本表数据为示例")

    path = write_taicang(tmp_path / "s.xlsx", sheets=3, extra=notes)
    result = run("-a", str(path), "-f", "json")
    data = json.loads(result.stdout)
    assert comparable(data) == csv_report
    assert [(f["rule"], f["level"], f["file"], f["message"]) for f in data["findings"]] == [
        ("PC410", "warning", str(path),
         "sheet '说明': none of its first 30 rows is a header with target, year and value columns (long form) "
         "or target and year columns (wide form); it is not read")]
    assert f"{path}: warning [PC410] sheet '说明'" in result.stderr


def test_one_sheet_by_name_or_by_option(tmp_path: Path) -> None:
    path = write_taicang(tmp_path / "s.xlsx", sheets=2)
    whole = report("-a", str(path))
    first = report("-a", f"{path}#表1")
    by_option = report("-a", str(path), "--sheet", "表1")
    assert first == by_option
    observed = {r["target"]: r["observed"] for r in first["results"]}
    assert observed["rd-intensity"] == [[2017, 2.6], [2018, 2.75], [2019, 2.95]]
    assert observed["tech-credit"] == []  # its rows are on 表2
    assert whole != first


def test_an_unknown_sheet_is_a_usage_error_naming_the_sheets(tmp_path: Path) -> None:
    path = write_taicang(tmp_path / "s.xlsx", sheets=2)
    result = run("-a", f"{path}#表9")
    assert result.exit_code == 2
    assert result.stderr == (f"{path}: error [PC400] no sheet '表9' in the workbook (its sheets: '表1', '表2')\n")


def test_hidden_sheets_are_skipped_unless_named(tmp_path: Path) -> None:
    path = write_taicang(tmp_path / "h.xlsx", sheets=2, extra=lambda book, sheet: sheet.hide()
                         if sheet.name == "表2" else None)
    data = report("-a", str(path))
    assert [f["message"] for f in data["findings"]] == [
        "sheet '表2': hidden (name it as BOOK#SHEET to read it); it is not read"]
    assert report("-a", f"{path}#表2")["findings"] == []


def test_a_bad_cell_is_named_by_sheet_and_cell_in_every_format(tmp_path: Path) -> None:
    def bad(book: Any, sheet: Any, row: int, col: int, name: str, text: str, record: list[str]) -> None:
        if row == 5 and name == "value":
            sheet.write_string(row, col, "abc")
        else:
            plain(book, sheet, row, col, name, text, record)

    path = write_taicang(tmp_path / "bad.xlsx", cell=bad, top=1)
    result = run("-a", str(path))
    assert result.exit_code == 2
    where = f"{path}#表1"
    assert result.stderr.startswith(f"{where}!D6: error [PC402] 'abc' is not a number")
    validate = CliRunner().invoke(main, ["validate", PLAN, str(path), "-f", "json"])
    finding = json.loads(validate.stdout)["findings"][0]
    assert (finding["file"], finding["line"], finding["column"]) == (where, 6, 4)
    sarif = json.loads(CliRunner().invoke(main, ["validate", PLAN, str(path), "-f", "sarif"]).stdout)
    location = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"].endswith("bad.xlsx#%E8%A1%A81")
    assert location["region"] == {"startLine": 6, "startColumn": 4}
    github = CliRunner().invoke(main, ["validate", PLAN, str(path), "-f", "github"]).stdout
    assert github.startswith(f"::error file={path},title=PC402 表1!D6::'abc' is not a number")


def test_the_committed_xls_made_by_libreoffice_gives_the_csv_report(csv_report: dict[str, Any]) -> None:
    data = report("-a", str(FIXTURES / "actuals" / "taicang-libreoffice.xls"))
    assert comparable(data) == csv_report


def test_the_committed_ods_made_by_libreoffice_gives_the_csv_report(csv_report: dict[str, Any]) -> None:
    data = report("-a", str(FIXTURES / "actuals" / "taicang-libreoffice.ods"))
    assert comparable(data) == csv_report


WIDE_CSV = """指标,单位名称,2017年,2018年,2019年
rd-intensity,,2.60,2.75,2.95
hnte-total,,360,418,470
town-focus-industries,towns,0,1,1
"""


def test_wide_form_under_a_merged_two_row_header_with_years_as_dates(tmp_path: Path) -> None:
    csv_path = tmp_path / "wide.csv"
    csv_path.write_text(WIDE_CSV, encoding="utf-8")
    expected = report("-a", str(csv_path), code=0)
    path = tmp_path / "wide.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("表1")
    year = book.add_format({"num_format": 'yyyy"年"'})
    percent = book.add_format({"num_format": "0.00%"})
    sheet.merge_range("A1:E1", "主要指标完成情况")
    sheet.merge_range("A2:A3", "指标")
    sheet.merge_range("B2:B3", "单位名称")
    sheet.merge_range("C2:E2", "实际值")
    for col, value in enumerate((2017, 2018, 2019)):
        sheet.write_datetime(2, 2 + col, datetime.datetime(value, 1, 1), year)
    for row, line in enumerate(WIDE_CSV.splitlines()[1:], start=3):
        cells = line.split(",")
        sheet.write_string(row, 0, cells[0])
        sheet.write_string(row, 1, cells[1])
        for col, text in enumerate(cells[2:], start=2):
            if cells[0] == "rd-intensity":
                sheet.write_number(row, col, float(text) / 100, percent)
            else:
                sheet.write_number(row, col, float(text))
    book.close()
    data = report("-a", str(path), code=0)
    assert comparable(data) == comparable(expected)
    assert data["findings"] == []
