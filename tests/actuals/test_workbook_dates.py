"""Dates in the year column and in wide-form year headers are read as the cell shows them
(docs/actuals.md#workbooks): a month shown as 2025年9月 is that month, never the whole year."""
from __future__ import annotations

import datetime
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
import xlsxwriter
from click.testing import CliRunner

from policycheck.actuals.workbook.dateformat import date_shows, text_shows
from policycheck.actuals.workbook.xlsx import format_kind
from policycheck.cli import main
from tests.helpers.paths import FIXTURES
from tests.helpers.plan_files import CITY_PLAN_HEAD

PLAN = CITY_PLAN_HEAD + """\
  - id: rdi
    name: 全社会研发投入强度
    unit: "%"
    kind: level
    comparator: ">="
    milestones: {2025: 3.0}
    quote: 研发投入强度达3.0%
  - id: jobs
    name: 城镇新增就业
    unit: 万人
    kind: annual
    comparator: ">="
    value: 12
    quote: 城镇新增就业12万人以上
"""
MONTH = 'yyyy"年"m"月"'
NEEDS_BASIS = ("period '2025年9月' does not say whether its figure is the year to date (累计) or month 9 alone "
               "(当月): write 2025年1-9月 for the year to date, or add 当月 or 累计 to the label, or add a basis "
               "(口径) column with 累计 or 当月")


def check(tmp_path: Path, book: Path, *args: str) -> tuple[int, dict[str, Any], list[str]]:
    """Exit code, JSON report (empty when the input is refused) and the error lines, paths cut to file names."""
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--lang", "en", str(plan), "-a", str(book), "-f", "json", *args])
    lines = [line.replace(f"{tmp_path}/", "") for line in result.stderr.splitlines() if ": error [" in line]
    return result.exit_code, json.loads(result.stdout) if result.stdout else {}, lines


def result(data: dict[str, Any], target: str) -> dict[str, Any]:
    found: dict[str, Any] = next(r for r in data["results"] if r["target"] == target)
    return found


def wide_with_a_month_header(path: Path, *, basis: str | None = None) -> Path:
    """x3 of the findings: 2024年 as text, then 1 Sep 2025 shown as 2025年9月."""
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("表1")
    header = ["指标", "2024年"] if basis is None else ["指标", "口径", "2024年"]
    sheet.write_row(0, 0, header)
    sheet.write_datetime(0, len(header), datetime.datetime(2025, 9, 1), book.add_format({"num_format": MONTH}))
    sheet.write_row(1, 0, ["jobs", 12.5, 9.3] if basis is None else ["jobs", basis, 12.5, 9.3])
    book.close()
    return path


def long_with_dates(path: Path, fmt: str, rows: list[tuple[datetime.datetime, float]], *,
                    column: str = "年份", basis: str | None = None) -> Path:
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("表1")
    shown = book.add_format({"num_format": fmt})
    sheet.write_row(0, 0, ["指标", column, "数值"] + (["口径"] if basis else []))
    for row, (day, value) in enumerate(rows, start=1):
        sheet.write_string(row, 0, "jobs")
        sheet.write_datetime(row, 1, day, shown)
        sheet.write_number(row, 2, value)
        if basis:
            sheet.write_string(row, 3, basis)
    book.close()
    return path


def test_a_month_shown_in_a_wide_year_header_needs_a_basis_as_the_same_csv_text(tmp_path: Path) -> None:
    code, data, errors = check(tmp_path, wide_with_a_month_header(tmp_path / "x3.xlsx"))
    assert code == 2
    assert errors == [f"x3.xlsx#表1!C1: error [PC408] {NEEDS_BASIS}"]
    csv = tmp_path / "x3.csv"
    csv.write_text("指标,2024年,2025年9月\njobs,12.5,9.3\n", encoding="utf-8")
    code, same, same_errors = check(tmp_path, csv)
    assert code == 2
    assert same_errors == [f"x3.csv:1:3: error [PC408] {NEEDS_BASIS}"]


def test_a_month_header_with_a_basis_column_is_read_as_that_month(tmp_path: Path) -> None:
    """With 累计 in the basis column the header is January to September 2025, as in a CSV file."""
    book = wide_with_a_month_header(tmp_path / "x3b.xlsx", basis="累计")
    csv = tmp_path / "x3b.csv"
    csv.write_text("指标,口径,2024年,2025年9月\njobs,累计,12.5,9.3\n", encoding="utf-8")
    code, data, errors = check(tmp_path, book)
    assert (code, errors, data["findings"]) == (0, [], [])
    jobs = result(data, "jobs")
    assert (jobs["year"], jobs["actual"], jobs["status"]) == (2025, 9.3, "on_track")
    assert data["results"] == check(tmp_path, csv)[1]["results"]
    code, data, errors = check(tmp_path, book, "--period", "2024")
    jobs = result(data, "jobs")
    assert (code, jobs["year"], jobs["actual"], jobs["status"]) == (0, 2024, 12.5, "met")


def test_month_dates_in_the_year_column_need_a_basis(tmp_path: Path) -> None:
    """x5 of the findings: 30 Sep 2025 and 31 Dec 2024, both shown as months."""
    book = long_with_dates(tmp_path / "x5.xlsx", MONTH,
                           [(datetime.datetime(2025, 9, 30), 9.3), (datetime.datetime(2024, 12, 31), 12.5)])
    code, data, errors = check(tmp_path, book)
    assert code == 2
    december = NEEDS_BASIS.replace("2025年9月", "2024年12月").replace("month 9", "month 12").replace(
        "2025年1-9月", "2024年1-12月")
    assert errors == [f"x5.xlsx#表1!B2: error [PC408] {NEEDS_BASIS}", f"x5.xlsx#表1!B3: error [PC408] {december}"]


def test_month_dates_in_the_period_column_with_a_basis_are_read_as_months(tmp_path: Path) -> None:
    book = long_with_dates(tmp_path / "x4.xlsx", MONTH, [(datetime.datetime(2025, 9, 1), 9.3)], column="期别",
                           basis="累计")
    code, data, errors = check(tmp_path, book, "--period", "2025-09")
    assert (code, errors, data["findings"]) == (0, [], [])
    jobs = result(data, "jobs")
    assert (jobs["year"], jobs["actual"]) == (2025, 9.3)


@pytest.mark.parametrize("fmt", ["yyyy-mm-dd", 'yyyy"年"m"月"d"日"', "yyyy/m/d", "m/d/yyyy"])
def test_a_day_other_than_31_december_in_the_year_column_is_no_year(tmp_path: Path, fmt: str) -> None:
    book = long_with_dates(tmp_path / "d.xlsx", fmt, [(datetime.datetime(2025, 9, 30), 9.3)])
    code, data, errors = check(tmp_path, book)
    assert code == 2
    assert errors == ["d.xlsx#表1!B2: error [PC408] year '2025-09-30' is not an integer between 1900 and 2200 "
                      "(2023 or 2023年), nor a period of one (2025, 2025年1-9月, 2025年前三季度, 2025年上半年, "
                      "2025Q3, 2025-09 or 2025年9月)"]


@pytest.mark.parametrize("fmt", ["yyyy-mm-dd", 'yyyy"年"m"月"d"日"', "yyyy/m/d", 'yyyy"年"', "yyyy", "[$-804]yyyy"])
def test_31_december_or_a_date_shown_as_its_year_is_the_year(tmp_path: Path, fmt: str) -> None:
    book = long_with_dates(tmp_path / "y.xlsx", fmt, [(datetime.datetime(2024, 12, 31), 12.5)])
    code, data, errors = check(tmp_path, book)
    assert (code, errors, data["findings"]) == (0, [], [])
    jobs = result(data, "jobs")
    assert (jobs["year"], jobs["actual"], jobs["status"]) == (2024, 12.5, "met")


def test_a_date_shown_as_a_year_is_the_year_whatever_its_day(tmp_path: Path) -> None:
    book = long_with_dates(tmp_path / "y1.xlsx", 'yyyy"年"', [(datetime.datetime(2024, 1, 1), 12.5)])
    code, data, errors = check(tmp_path, book)
    assert (code, errors) == (0, [])
    assert (result(data, "jobs")["year"], result(data, "jobs")["actual"]) == (2024, 12.5)


MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" manifest:version="1.2" '
    'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    '</manifest:manifest>')


def ods_with_dates(path: Path, cells: list[tuple[str, str, float]]) -> Path:
    """An .ods whose year cells are dates, each with the text LibreOffice shows for it."""
    rows = "".join(
        '<table:table-row><table:table-cell office:value-type="string"><text:p>jobs</text:p></table:table-cell>'
        f'<table:table-cell office:value-type="date" office:date-value="{day}"><text:p>{shown}</text:p>'
        f'</table:table-cell><table:table-cell office:value-type="float" office:value="{value}">'
        f'<text:p>{value}</text:p></table:table-cell></table:table-row>' for day, shown, value in cells)
    header = "".join(f'<table:table-cell office:value-type="string"><text:p>{name}</text:p></table:table-cell>'
                     for name in ("指标", "年份", "数值"))
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
        f'<table:table table:name="表1"><table:table-row>{header}</table:table-row>{rows}</table:table>'
        '</office:spreadsheet></office:body></office:document-content>')
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        package.writestr("content.xml", content)
        package.writestr("META-INF/manifest.xml", MANIFEST)
    return path


def test_an_ods_date_is_read_as_its_cell_shows_it(tmp_path: Path) -> None:
    book = ods_with_dates(tmp_path / "m.ods", [("2025-09-01", "2025年9月", 9.3), ("2024-12-31", "2024年", 12.5)])
    code, data, errors = check(tmp_path, book)
    assert (code, errors) == (2, [f"m.ods#表1!B2: error [PC408] {NEEDS_BASIS}"])
    book = ods_with_dates(tmp_path / "y.ods", [("2024-01-01", "2024", 12.5), ("2023-12-31", "2023-12-31", 11.0)])
    code, data, errors = check(tmp_path, book)
    assert (code, errors, data["findings"]) == (0, [], [])
    jobs = result(data, "jobs")
    assert (jobs["year"], jobs["actual"], jobs["status"]) == (2024, 12.5, "met")


@pytest.mark.parametrize(("code", "shown"), [
    ("yyyy", "year"), ('yyyy"年"', "year"), ("[$-804]e\"年\"", "year"), ('yyyy"年"m"月"', "month"),
    ("yyyy\\年m\\月", "month"), ("mmm-yy", "month"), ("[$-409]mmmm yyyy", "month"), ("yyyy-mm-dd", "day"),
    ("m/d/yyyy", "day"), ('m"月"d"日"', "day"), ('yyyy"年"m"月"d"日" aaaa', "day"), ("mmm", "day"),
    ("h:mm", None), ("General", None), ("0.00%", None), ("#,##0.00", None), ("yyyy h:mm", "year"),
])
def test_what_a_date_format_shows(code: str, shown: str | None) -> None:
    assert date_shows(code) == shown


@pytest.mark.parametrize(("text", "shown"), [
    ("2024", "year"), ("2024年", "year"), ("2025年9月", "month"), ("Sep 2025", "month"), ("2025-09", "month"),
    ("2025-09-30", "day"), ("2025年9月30日", "day"), ("30-Sep-2025", "day"),
])
def test_what_an_ods_date_text_shows(text: str, shown: str) -> None:
    assert text_shows(text) == shown


def test_built_in_date_formats_are_known_by_id() -> None:
    assert [format_kind(fmt, {}) for fmt in (9, 14, 17, 27, 31, 57, 58, 1, 49)] == [
        "percent", "days", "months", "months", "days", "months", "days", None, None]
    assert format_kind(176, {176: 'yyyy"年"m"月"'}) == "months"
    assert format_kind(176, {176: 'yyyy"年"'}) is None


def libreoffice_source(path: Path) -> Path:
    """The .xlsx that LibreOffice saved as tests/fixtures/actuals/dates-libreoffice.{xls,ods}."""
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("表1")
    shown = {kind: book.add_format({"num_format": code})
             for kind, code in {"month": MONTH, "day": "yyyy-mm-dd", "year": 'yyyy"年"'}.items()}
    sheet.write_row(0, 0, ["指标", "年份", "数值"])
    rows = [(datetime.datetime(2023, 1, 1), "year", 11.5), (datetime.datetime(2024, 12, 31), "day", 12.5),
            (datetime.datetime(2025, 9, 1), "month", 9.3), (datetime.datetime(2025, 6, 30), "day", 6.1)]
    for row, (day, kind, value) in enumerate(rows, start=1):
        sheet.write_string(row, 0, "jobs")
        sheet.write_datetime(row, 1, day, shown[kind])
        sheet.write_number(row, 2, value)
    book.close()
    return path


def test_the_libreoffice_source_gives_the_same_findings(tmp_path: Path) -> None:
    code, data, errors = check(tmp_path, libreoffice_source(tmp_path / "dates-libreoffice.xlsx"))
    assert (code, [line.split(": error")[0] for line in errors]) == (
        2, ["dates-libreoffice.xlsx#表1!B4", "dates-libreoffice.xlsx#表1!B5"])


@pytest.mark.parametrize("name", ["dates-libreoffice.xls", "dates-libreoffice.ods"])
def test_libreoffice_xls_and_ods_dates_are_read_as_shown(tmp_path: Path, name: str) -> None:
    """Saved by LibreOffice from one sheet: 1 Jan 2023 shown as 2023年, 31 Dec 2024 as 2024-12-31 (both years),
    1 Sep 2025 as 2025年9月 (a month: needs a basis) and 30 Jun 2025 as 2025-06-30 (a day: no year)."""
    code, data, errors = check(tmp_path, FIXTURES / "actuals" / name)
    assert (code, data) == (2, {})
    where = str(FIXTURES / "actuals" / name).replace(f"{tmp_path}/", "")
    assert errors == [
        f"{where}#表1!B4: error [PC408] {NEEDS_BASIS}",
        f"{where}#表1!B5: error [PC408] year '2025-06-30' is not an integer between 1900 and 2200 (2023 or 2023年), "
        "nor a period of one (2025, 2025年1-9月, 2025年前三季度, 2025年上半年, 2025Q3, 2025-09 or 2025年9月)"]
