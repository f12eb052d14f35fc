"""Explanations in a workbook sheet: --notes BOOK, --notes BOOK#SHEET and -a BOOK#SHEET."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import xlsxwriter
from click.testing import CliRunner

from policycheck.actuals.notes_read import is_notes_file, read_notes_file
from policycheck.cli import main
from tests.helpers.paths import EXAMPLES_DIR, FIXTURES, PLANS_DIR

TAICANG = str(PLANS_DIR / "taicang-sti-2018-2020.yaml")
ACTUALS = str(EXAMPLES_DIR / "taicang.csv")
CAUSE = "认定通过率低于预期"


@pytest.fixture
def book(tmp_path: Path) -> Path:
    """A workbook as a bureau sends it: a title row, then the explanations; and a sheet of other text."""
    path = tmp_path / "说明.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    notes = workbook.add_worksheet("说明")
    notes.merge_range(0, 0, 0, 5, "2019年滞后指标原因及措施")
    rows = [["规划", "指标", "年份", "原因", "措施", "责任人"],
            ["taicang-sti-2018-2020", "hnte-new-annual", 2019, CAUSE, "加强培育辅导", "市科技局"],
            ["taicang-sti-2018-2020", "rd-institution-rate", 2019, "认定标准提高", "逐家辅导", "市科技局"],
            ["taicang-sti-2018-2020", "hitech-output-share", 2019, "外部需求下降", "专项帮扶", "市经信委"]]
    for r, row in enumerate(rows, start=2):
        notes.write_row(r, 0, row)
    workbook.add_worksheet("填表说明").write(0, 0, "请各单位于1月10日前报送")
    workbook.close()
    return path


def test_every_explanations_sheet_is_read(book: Path) -> None:
    read = read_notes_file(str(book))
    assert [(r.file, r.line, r.text("target"), r.text("cause")) for r in read.rows][:1] == [
        (f"{book}#说明", 4, "hnte-new-annual", CAUSE)]
    assert len(read.rows) == 3
    assert [(f.rule, f.level, f.message) for f in read.findings] == [
        ("PC605", "warning", "sheet '填表说明' ignored: none of the first 30 rows is the header of an explanations "
                             "file: target, year and a cause (原因) or measures (措施) column")]


def test_a_named_sheet_among_the_actuals_is_explanations(book: Path) -> None:
    assert is_notes_file(f"{book}#说明")
    assert not is_notes_file(f"{book}#填表说明")
    # The whole book holds explanations and a sheet of instructions, no statistics: explanations too.
    assert is_notes_file(str(book))
    result = CliRunner().invoke(main, ["check", TAICANG, "-a", ACTUALS, "-a", f"{book}#说明",
                                       "--require-explanations", "-f", "json"])
    assert (result.exit_code, result.stderr) == (0, "")
    report = json.loads(result.stdout)
    hnte = next(r for r in report["results"] if r["target"] == "hnte-new-annual")
    assert hnte["explanation"] == {"cause": CAUSE, "measures": "加强培育辅导", "person": "市科技局",
                                   "source": None, "file": f"{book}#说明", "line": 4}


def test_notes_book_checks_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "bad.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    workbook.add_worksheet("说明").write_row(0, 0, ["指标", "年份", "原因"])
    workbook.get_worksheet_by_name("说明").write_row(1, 0, ["hnte-new-anual", 2019, "x"])
    workbook.close()
    result = CliRunner().invoke(main, ["check", TAICANG, "-a", ACTUALS, "--notes", str(path), "--lang", "en"])
    assert result.exit_code == 2
    assert result.stderr == (f"{path}#说明!A2: error [PC602] unknown target 'hnte-new-anual' "
                             "(did you mean 'hnte-new-annual'?)\n")


def test_a_workbook_without_explanations_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "none.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    workbook.add_worksheet("数据").write_row(0, 0, ["指标", "年份", "数值"])
    workbook.close()
    read = read_notes_file(str(path))
    assert [(f.rule, f.level) for f in read.findings] == [("PC601", "error")]
    assert read.rows == []


def test_validate_checks_a_workbook_of_explanations(book: Path) -> None:
    result = CliRunner().invoke(main, ["validate", "--lang", "en", TAICANG, str(book)])
    assert result.exit_code == 0
    assert result.stdout == (f"{book}: warning [PC605] sheet '填表说明' ignored: none of the first 30 rows is the "
                             "header of an explanations file: target, year and a cause (原因) or measures (措施) "
                             "column\n")


@pytest.mark.parametrize("suffix", ["ods", "xls"])
def test_libreoffice_and_excel_97_books_of_explanations(suffix: str) -> None:
    """examples/taicang-notes.csv saved by LibreOffice as .ods and .xls, under a title row, with the
    sheet of instructions beside it (tests/fixtures/notes/): read through the same workbook reader."""
    path = str(FIXTURES / "notes" / f"taicang-notes.{suffix}")
    read = read_notes_file(path)
    assert [(r.file, r.line, r.text("target"), r.text("year")) for r in read.rows] == [
        (f"{path}#说明", 4, "rd-institution-rate", "2018"), (f"{path}#说明", 5, "sei-output-share", "2018"),
        (f"{path}#说明", 6, "rd-institution-rate", "2019"), (f"{path}#说明", 7, "hitech-output-share", "2019"),
        (f"{path}#说明", 8, "hnte-new-annual", "2019")]
    assert [(f.rule, f.level) for f in read.findings] == [("PC605", "warning")]
    # Given among -a as a whole book: every sheet with a header is explanations, so it is not actuals.
    assert is_notes_file(path)
    for year in ("2018", "2019"):
        result = CliRunner().invoke(main, ["check", TAICANG, "-a", ACTUALS, "-a", path, "--year", year,
                                           "--require-explanations", "-q"])
        assert result.exit_code == 0, result.output
    validated = CliRunner().invoke(main, ["validate", "--lang", "en", TAICANG, path])
    assert validated.exit_code == 0
    assert "[PC605] sheet '填表说明' ignored" in validated.stdout


def test_a_book_of_actuals_with_an_explanations_sheet_stays_actuals(tmp_path: Path) -> None:
    path = tmp_path / "mixed.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    workbook.add_worksheet("数据").write_row(0, 0, ["指标", "年份", "数值"])
    workbook.add_worksheet("说明").write_row(0, 0, ["指标", "年份", "原因"])
    workbook.close()
    assert not is_notes_file(str(path))
    assert is_notes_file(f"{path}#说明")
