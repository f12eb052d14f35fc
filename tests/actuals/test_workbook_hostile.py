"""Workbooks that must not be trusted (docs/security.md#3-bounded-resources): refused with a finding, exit 2,
bounded time and memory, nothing run; and the spreadsheet libraries stay out of CSV runs."""
from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
import xlsxwriter
from click.testing import CliRunner

from policycheck.cli import main
from tests.helpers.paths import EXAMPLES_DIR, PLANS_DIR, ROOT
from tests.helpers.workbooks import TAICANG_CSV, biff_record, compound_file, write_taicang

PLAN = str(PLANS_DIR / "taicang-sti-2018-2020.yaml")


def check(*args: str) -> Any:
    return CliRunner().invoke(main, ["check", PLAN, *args])


def small_book(path: Path, cells: dict[tuple[int, int], object] | None = None) -> Path:
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("表1")
    sheet.write_row(0, 0, ["target", "year", "value"])
    sheet.write_row(1, 0, ["rd-intensity", 2019, 2.95])
    for (row, col), value in (cells or {}).items():
        sheet.write(row, col, value)
    book.close()
    return path


def rewrite(path: Path, change: dict[str, bytes | None], add: dict[str, bytes] | None = None) -> None:
    """Replace (or drop, with None) parts of a zip package, and add others."""
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    for name, data in change.items():
        if data is None:
            parts.pop(name)
        else:
            parts[name] = data
    parts.update(add or {})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


def declare_size(path: Path, part: str, size: int) -> None:
    """Overwrite the uncompressed size the zip declares for ``part`` (local header and directory)."""
    data = bytearray(path.read_bytes())
    name = part.encode()
    for signature, offset, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        at = data.find(signature)
        while at >= 0:
            if data[at + name_at:at + name_at + len(name)] == name:
                data[at + offset:at + offset + 4] = size.to_bytes(4, "little")
            at = data.find(signature, at + 4)
    path.write_bytes(bytes(data))


def refusal(result: Any) -> str:
    assert result.exit_code == 2, result.output
    return str(result.stderr)


def test_a_zip_bomb_that_declares_a_small_size_is_refused(tmp_path: Path) -> None:
    path = small_book(tmp_path / "bomb.xlsx")
    sheet = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")
    padded = sheet.replace(b"</worksheet>", b"<!--" + b" " * 50_000_000 + b"--></worksheet>")
    rewrite(path, {"xl/worksheets/sheet1.xml": padded})
    declare_size(path, "xl/worksheets/sheet1.xml", len(sheet))
    assert path.stat().st_size < 200_000
    assert refusal(check("-a", str(path))) == (
        f"{path}: error [PC400] part 'xl/worksheets/sheet1.xml' of the workbook cannot be unpacked (its content "
        "does not match its declared size and checksum: a damaged file or a zip bomb); nothing in it was read\n")


def test_parts_that_declare_more_than_the_limit_are_refused_unread(tmp_path: Path) -> None:
    path = small_book(tmp_path / "big.xlsx")
    declare_size(path, "xl/worksheets/sheet1.xml", 600 * 1024 * 1024)
    message = refusal(check("-a", str(path)))
    assert message.startswith(f"{path}: error [PC400] the workbook unpacks to ")
    assert "; at most 536,870,912 are read (save the data as CSV); nothing in it was read\n" in message


@pytest.mark.slow
def test_a_cell_a_million_rows_down_is_refused_before_the_library_allocates_the_sheet(tmp_path: Path) -> None:
    # The library holds a sheet as a dense grid: A1 and G1000000 would be 7 million cells
    # (and XFD1048576 17 billion, which aborts the process); a subprocess, so an abort
    # would fail this test rather than the test run.
    path = small_book(tmp_path / "far.xlsx", {(999_999, 6): 1})
    done = subprocess.run([sys.executable, "-m", "policycheck", "check", PLAN, "-a", str(path)],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 2
    assert done.stderr == (f"{path}: error [PC400] sheet '表1' spans A1:G1000000 (7,000,000 cells); at most "
                           "6,000,000 cells are read from a sheet: delete what lies beyond the data, or save the "
                           "data as CSV (no limit); nothing in it was read\n")


def test_an_ods_cell_repeated_a_million_times_is_refused(tmp_path: Path) -> None:
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
        '<table:table table:name="表1"><table:table-row table:number-rows-repeated="1000000">'
        '<table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="100">'
        '<text:p>1</text:p></table:table-cell></table:table-row></table:table>'
        '</office:spreadsheet></office:body></office:document-content>')
    path = tmp_path / "repeat.ods"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        package.writestr("content.xml", content)
    assert refusal(check("-a", str(path))) == (
        f"{path}: error [PC400] sheet '表1' spans A1:CV1000000 (100,000,000 cells); at most 6,000,000 cells "
        "are read from a sheet: delete what lies beyond the data, or save the data as CSV (no limit); "
        "nothing in it was read\n")


def test_a_dtd_in_a_part_is_refused(tmp_path: Path) -> None:
    path = small_book(tmp_path / "dtd.xlsx")
    workbook = zipfile.ZipFile(path).read("xl/workbook.xml")
    laughs = b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
    rewrite(path, {"xl/workbook.xml": laughs + workbook.split(b"?>", 1)[1]})
    assert refusal(check("-a", str(path))) == (
        f"{path}: error [PC400] part 'xl/workbook.xml' declares a DTD; workbooks have none, so it is not "
        "read; nothing in it was read\n")


def test_macros_and_links_to_other_workbooks_are_never_run_or_opened(tmp_path: Path) -> None:
    path = tmp_path / "macro.xlsm"
    (tmp_path / "vbaProject.bin").write_bytes(b"\xd0\xcf\x11\xe0 not run")
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("表1")
    sheet.write_row(0, 0, ["target", "year", "value"])
    sheet.write_row(1, 0, ["rd-intensity", 2019])
    sheet.write_formula(1, 2, "=[other.xlsx]Sheet1!A1", None, 2.95)
    book.add_vba_project(str(tmp_path / "vbaProject.bin"))
    book.close()
    rewrite(path, {}, {"xl/externalLinks/externalLink1.xml": b"<externalLink/>"})
    result = check("-a", str(path), "-f", "json")
    data = json.loads(result.stdout)
    assert [f["message"] for f in data["findings"]] == [
        "the workbook holds macros (VBA); they are never run: cells are read as saved",
        "the workbook links to other workbooks; they are never opened: formula cells are read by the values "
        "saved with this file, which may be out of date"]
    rd = next(r for r in data["results"] if r["target"] == "rd-intensity")
    assert rd["observed"] == [[2019, 2.95]]


def test_a_password_protected_package_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "secret.xlsx"
    path.write_bytes(compound_file({"EncryptionInfo": b"\x04\x00\x04\x00" + b"\0" * 200,
                                    "EncryptedPackage": b"\0" * 5000}))
    assert refusal(check("-a", str(path))) == (
        f"{path}: error [PC400] the workbook is password-protected; save a copy without a password "
        "(File > Info > Protect Workbook) and read that; nothing in it was read\n")


def test_a_password_protected_xls_is_refused(tmp_path: Path) -> None:
    bof = biff_record(0x0809, b"\x00\x06\x05\x00" + b"\0" * 12)
    stream = bof + biff_record(0x002F, b"\x01\x00" + b"\0" * 52) + biff_record(0x000A)
    path = tmp_path / "secret.xls"
    path.write_bytes(compound_file({"Workbook": stream}))
    assert refusal(check("-a", str(path))) == (
        f"{path}: error [PC400] the workbook is password-protected; save a copy without a password "
        "(File > Info > Protect Workbook) and read that; nothing in it was read\n")


def test_a_csv_file_renamed_xlsx_says_so(tmp_path: Path) -> None:
    path = tmp_path / "data.xlsx"
    path.write_bytes(TAICANG_CSV.read_bytes())
    assert refusal(check("-a", str(path))) == (
        f"{path}: error [PC400] not a workbook: it is text with commas or tabs, a CSV file saved under a "
        "workbook name; rename it to .csv; nothing in it was read\n")


def test_an_html_table_saved_as_xls_says_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "export.xls"
    path.write_text("<html><body><table><tr><td>指标</td></tr></table></body></html>", encoding="utf-8")
    assert refusal(check("-a", str(path))) == (
        f"{path}: error [PC400] not a workbook: it is an HTML page saved under a workbook name (some systems "
        "export tables so); open it in Excel or LibreOffice and save it as .xlsx; nothing in it was read\n")


def test_a_truncated_workbook_is_refused(tmp_path: Path) -> None:
    path = small_book(tmp_path / "cut.xlsx")
    path.write_bytes(path.read_bytes()[:2000])
    message = refusal(check("-a", str(path)))
    assert message.startswith(f"{path}: error [PC400] not a readable workbook: the zip container is damaged (")


def test_a_formula_error_is_a_finding_at_its_cell_not_a_missing_value(tmp_path: Path) -> None:
    path = tmp_path / "error.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("表1")
    sheet.write_row(0, 0, ["target", "year", "value"])
    sheet.write_row(1, 0, ["rd-intensity", 2019])
    sheet.write_formula(1, 2, "=1/0", None, "#DIV/0!")
    book.close()
    assert refusal(check("-a", str(path))).startswith(
        f"{path}#表1!C2: error [PC402] '#DIV/0!' is not a number")


@pytest.mark.slow
def test_workbook_libraries_stay_out_of_version_and_csv_runs() -> None:
    for args in (["--version"], ["check", PLAN, "-a", str(EXAMPLES_DIR / "taicang.csv"), "-q"]):
        done = subprocess.run([sys.executable, "-X", "importtime", "-m", "policycheck", *args],
                              capture_output=True, text=True, timeout=120, cwd=ROOT)
        assert done.returncode in (0, 1), done.stderr
        imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if "|" in line}
        assert "policycheck.cli.commands" in imported or args == ["--version"]
        assert not {name for name in imported if name.split(".")[0] in ("python_calamine", "xlsxwriter")}, args
        assert "policycheck.actuals.workbook" not in imported


@pytest.mark.slow
def test_a_workbook_run_imports_the_reader(tmp_path: Path) -> None:
    path = write_taicang(tmp_path / "t.xlsx")
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "policycheck", "check", PLAN, "-a",
                           str(path), "-q"], capture_output=True, text=True, timeout=120, cwd=ROOT)
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if "|" in line}
    assert "python_calamine" in imported  # so the test above would see it
