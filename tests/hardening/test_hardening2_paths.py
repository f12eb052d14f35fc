"""The second hardening round on the input and output paths that came after it (docs/security.md).

Workbooks (.xlsx, .xls, .ods) and ``policycheck.toml`` are read through the one
bounded reader, once; the xlsx report and ``units --split`` write through the
same output checks as every ``-o``; the xlsx template neutralises formulas like
the CSV template; the CSV sheet for people and the unit view are sanitised; a
lead's row for several lagging scoped units reads ``name [N 个单位]``.
"""
from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from tests.hardening.hardening2_kit import (
    TAICANG,
    TAICANG_CSV,
    assert_clean,
    files_in,
    invoke,
    run,
)
from tests.helpers.workbooks import write_taicang

ROOT = Path(__file__).resolve().parents[2]
ODS = ROOT / "tests" / "fixtures" / "actuals" / "taicang-libreoffice.ods"
XLS = ROOT / "tests" / "fixtures" / "actuals" / "taicang-libreoffice.xls"


# -- reads: workbooks and the configuration -----------------------------------------------


def test_a_workbook_over_max_bytes_is_refused_unread(tmp_path: Path) -> None:
    book = write_taicang(tmp_path / "taicang.xlsx")
    code, out, err = invoke(["validate", "--lang", "en", book, "--max-bytes", "1K"])
    assert code == 1
    assert f"{book}: error [PC400] the file is " in out
    assert "over the limit of 1 KiB; if it is the right file, raise the limit with --max-bytes" in out
    assert_clean(out, err)


@pytest.mark.parametrize("fixture", [ODS, XLS], ids=["ods", "xls"])
def test_a_committed_workbook_over_max_bytes_is_refused(fixture: Path) -> None:
    code, out, _err = invoke(["validate", "--lang", "en", fixture, "--max-bytes", "2K"])
    assert code == 1
    assert f"{fixture}: error [PC400] the file is " in out and "over the limit of 2 KiB" in out


def test_a_workbook_on_standard_input_reads_like_the_file(tmp_path: Path) -> None:
    book = write_taicang(tmp_path / "taicang.xlsx")
    from_file = invoke(["check", "--lang", "en", TAICANG, "-a", book, "-f", "json"])
    from_stdin = invoke(["check", "--lang", "en", TAICANG, "-a", "-", "-f", "json"], input=book.read_bytes())
    assert from_file[0] == from_stdin[0] == 1
    assert json.loads(from_stdin[1])["results"] == json.loads(from_file[1])["results"]


def test_a_workbook_through_a_fifo_is_read_once(tmp_path: Path) -> None:
    book = write_taicang(tmp_path / "taicang.xlsx")
    fifo = tmp_path / "book.xlsx"
    os.mkfifo(fifo)
    shell = f"cat {book} > {fifo} & POLICYCHECK check --lang en {TAICANG} -a {fifo} -q"
    done = run([], shell_prefix=shell, cpu_seconds=30)
    assert done.returncode == 1, done.stderr
    assert b"Traceback" not in done.stderr


def _config_run(folder: Path) -> tuple[int, str, str]:
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        return invoke(["check", "--lang", "en", TAICANG, "-a", TAICANG_CSV, "-q"])
    finally:
        os.chdir(cwd)


def test_a_configuration_that_is_a_fifo_is_pc500_never_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "policycheck.toml")  # opening it would block: the test would hang
    code, _out, err = _config_run(tmp_path)
    assert code == 2
    assert ("policycheck.toml: error [PC500] not a regular file (a device, FIFO or socket): a configuration "
            "is read only from a regular file; remove it or replace it with one") in err


def test_a_configuration_linked_to_dev_zero_is_pc500(tmp_path: Path) -> None:
    (tmp_path / "policycheck.toml").symlink_to("/dev/zero")
    code, _out, err = _config_run(tmp_path)
    assert code == 2
    assert "[PC500] not a regular file" in err


def test_a_configuration_over_one_mib_is_pc500_unread(tmp_path: Path) -> None:
    (tmp_path / "policycheck.toml").write_bytes(b"# " + b"x" * (1024 * 1024) + b"\nlang = 'en'\n")
    code, _out, err = _config_run(tmp_path)
    assert code == 2
    assert "policycheck.toml: error [PC500] the file is over 1 MiB; a configuration needs a few lines" in err


def test_validate_reports_a_configuration_too_large(tmp_path: Path) -> None:
    (tmp_path / "policycheck.toml").write_bytes(b"#" * (1024 * 1024 + 1))
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        code, out, err = invoke(["validate", "--lang", "en", TAICANG])
    finally:
        os.chdir(cwd)
    assert code == 1
    assert "policycheck.toml: error [PC500] the file is over 1 MiB" in out


# -- outputs: the xlsx report and units --split -------------------------------------------


def test_an_xlsx_report_to_a_folder_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    json_out = tmp_path / "r.json"
    code, _out, err = invoke(["check", TAICANG, "-a", TAICANG_CSV, "-o", f"json={json_out}",
                              "-o", f"xlsx={folder}", "-q"])
    assert code == 2
    assert f"{folder}: cannot write: Is a directory" in err
    assert not json_out.exists()
    assert files_in(folder) == []


def test_an_xlsx_report_keeps_the_permissions_of_the_file_it_replaces(tmp_path: Path) -> None:
    target = tmp_path / "r.xlsx"
    target.write_bytes(b"old")
    target.chmod(0o600)
    code, _out, _err = invoke(["check", TAICANG, "-a", TAICANG_CSV, "-o", f"xlsx={target}", "-q"])
    assert code == 1
    assert target.read_bytes()[:2] == b"PK"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert files_in(tmp_path) == ["r.xlsx"]


def test_an_xlsx_report_named_twice_is_a_usage_error(tmp_path: Path) -> None:
    target = tmp_path / "r.xlsx"
    code, _out, err = invoke(["check", TAICANG, "-a", TAICANG_CSV, "-o", f"xlsx={target}",
                              "-o", f"xlsx={tmp_path}/./r.xlsx", "-q"])
    assert code == 2
    assert "given twice as an output" in err
    assert files_in(tmp_path) == []


def test_units_split_into_a_folder_whose_index_is_a_folder_writes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "split"
    folder.mkdir()
    (folder / "index.xlsx").mkdir()
    code, _out, err = invoke(["units", TAICANG, "-a", TAICANG_CSV, "--split", str(folder), "-q"])
    assert code == 2
    assert f"{folder / 'index.xlsx'}: cannot write: Is a directory" in err
    assert files_in(folder) == ["index.xlsx"]


def test_units_split_keeps_permissions_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    folder = tmp_path / "split"
    folder.mkdir()
    index = folder / "index.csv"
    index.write_text("old")
    index.chmod(0o640)
    code, _out, _err = invoke(["units", TAICANG, "-a", TAICANG_CSV, "--split", f"csv={folder}", "-q"])
    assert code == 1
    assert stat.S_IMODE(index.stat().st_mode) == 0o640
    assert index.read_text(encoding="utf-8-sig") != "old"
    assert not [name for name in files_in(folder) if name.startswith(".") or name.endswith(".tmp")]


# -- text: the xlsx template, the CSV sheet for people, the unit view ---------------------


HOSTILE_PLAN = """\
policycheck: 1
plan:
  id: hostile-2021-2025
  title: "Hostile \\e]8;;http://x\\e\\\\link"
  period: {start: 2021, end: 2025}
units:
  kjj: {name: "=HYPERLINK(\\"http://x\\")"}
  a: {name: "镇\\u202eA"}
  b: {name: "镇B"}
  c: {name: "镇C"}
targets:
  - id: area
    name: "=HYPERLINK(\\"http://x\\",\\"click\\")"
    kind: level
    unit: "+万平方米"
    milestones: {2025: 10}
    baseline: {year: 2020, value: 0}
    responsible: [kjj, a, b, c]
    scope: {units: [a, b, c]}
    quote: "面积达到10万平方米"
"""


def _hostile(tmp_path: Path) -> tuple[Path, Path]:
    plan = tmp_path / "hostile.yaml"
    plan.write_text(HOSTILE_PLAN, encoding="utf-8")
    data = tmp_path / "data.csv"
    data.write_text("target,unit,year,value\n" + "".join(f"area,{u},2023,1\n" for u in "abc"), encoding="utf-8")
    return plan, data


def test_the_xlsx_template_neutralises_formulas(tmp_path: Path) -> None:
    from python_calamine import CalamineWorkbook

    plan, _data = _hostile(tmp_path)
    book = tmp_path / "fill.xlsx"
    code, _out, err = invoke(["template", "--lang", "en", plan, "-o", book])
    assert code == 0, err
    rows = CalamineWorkbook.from_path(str(book)).get_sheet_by_index(0).to_python()
    names = {row[2] for row in rows[1:]}
    measures = {row[3] for row in rows[1:]}
    assert names == {"'=HYPERLINK(\"http://x\",\"click\")"}
    assert measures == {"'+万平方米"}


def test_the_csv_sheet_for_people_neutralises_and_drops_controls(tmp_path: Path) -> None:
    plan, data = _hostile(tmp_path)
    code, out, err = invoke(["units", "--lang", "zh", plan, "-a", data, "-f", "csv", "--year", "2023"])
    assert code == 1, err
    assert "\u202e" not in out and "\x1b" not in out
    lines = out.lstrip("\ufeff").splitlines()
    lead = [line for line in lines if line.startswith("kjj,")]
    assert lead == ['kjj,"\'=HYPERLINK(""http://x"")",牵头,hostile-2021-2025,area,3 个单位,'
                    '"\'=HYPERLINK(""http://x"",""click"")",,,,明显滞后,off_track']
    assert lines[2] == ('a,镇A,承担,hostile-2021-2025,area,镇A,"\'=HYPERLINK(""http://x"",""click"")",'
                        "≥10,1,-5,明显滞后,off_track")


def test_the_unit_view_shows_one_row_for_several_lagging_scoped_units(tmp_path: Path) -> None:
    plan, data = _hostile(tmp_path)
    code, out, err = invoke(["units", "--lang", "zh", plan, "-a", data, "-f", "text", "--year", "2023"])
    assert code == 1, err
    assert "[3 个单位]" in out
    assert_clean(out, err)
    code, out, _err = invoke(["units", "--lang", "en", plan, "-a", data, "-f", "json", "--year", "2023"])
    lead = next(u for u in json.loads(out)["units"] if u["id"] == "kjj")
    assert [(s["role"], s["unit"], s["count"]) for s in lead["shortfalls"]] == [("lead", None, 3)]


def test_the_split_index_lets_no_unit_name_start_a_command(tmp_path: Path) -> None:
    plan, data = _hostile(tmp_path)
    text = plan.read_text(encoding="utf-8").replace('b: {name: "镇B"}', 'b: {name: "镇B\\n::error::FORGED"}')
    plan.write_text(text, encoding="utf-8")
    folder = tmp_path / "split"
    code, _out, err = invoke(["units", plan, "-a", data, "--year", "2023", "--split", f"csv={folder}", "-q"])
    assert code == 1, err
    index = (folder / "index.csv").read_text(encoding="utf-8-sig")
    assert "\n\uff1a:error::FORGED" in index
    for name in files_in(folder):
        assert_clean((folder / name).read_text(encoding="utf-8-sig"))
