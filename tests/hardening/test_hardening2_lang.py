"""Output-path, stdout and environment errors speak the run's --lang (docs/security.md#exit-codes).

They are catalogue messages (policycheck/messages/commands.py) like every
finding: Chinese by default, English with ``--lang en``; when stderr's
encoding cannot hold Chinese (``PYTHONIOENCODING=ascii``) the English text is
printed rather than a row of ``\\uXXXX`` escapes.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from policycheck.cli.commands import main
from tests.hardening.hardening2_kit import TAICANG, TAICANG_CSV, files_in, run

CHECK = ["check", str(TAICANG), "-a", str(TAICANG_CSV), "-q"]


def _zh(args: list[str], env: dict[str, str] | None = None) -> tuple[int, str, str]:
    """The command line as a statistician types it: no --lang, so Chinese."""
    result = CliRunner().invoke(main, args, env=env or {}, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


#: -o path -> the Chinese message after the path
ZH_OUTPUTS = {
    "/dev/full": "：无法写入：这是 /dev/null 和终端以外的设备；请给出文件名",
    "-": "：这里不能用作文件名；要把报告打印到标准输出，请用 -f FORMAT（或 -o FORMAT=/dev/stdout）",
    "dd/": "：这是文件夹名；请给出文件名，如 dd/report.json",
}


@pytest.mark.parametrize("path", ZH_OUTPUTS)
def test_a_refused_output_path_is_told_in_chinese_by_default(path: str) -> None:
    assert _zh([*CHECK, "-o", f"json={path}"]) == (2, "", f"{path}{ZH_OUTPUTS[path]}\n")


def test_a_fifo_nobody_reads_is_told_in_chinese(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    assert _zh([*CHECK, "-o", f"json={fifo}"]) == (2, "", f"{fifo}：无法写入：没有进程在读取这个 FIFO\n")


def test_the_same_path_twice_is_told_in_chinese(tmp_path: Path) -> None:
    first, second = tmp_path / "r.json", tmp_path / "." / "r.json"
    assert _zh([*CHECK, "-o", f"json={first}", "-o", f"html={second}"]) == (
        2, "", f"{second}：作为输出给了两次（另一次是 {first}）；每个 -o 需要各自的路径\n")
    assert files_in(tmp_path) == []


def test_a_missing_folder_is_told_in_english_with_lang_en(tmp_path: Path) -> None:
    missing = tmp_path / "no" / "r.json"
    assert _zh([*CHECK, "--lang", "en", "-o", f"json={missing}"]) == (
        2, "", f"{missing}: cannot write: No such file or directory\n")
    assert _zh([*CHECK, "-o", f"json={missing}"]) == (2, "", f"{missing}：无法写入：No such file or directory\n")


def test_template_dash_is_told_in_chinese() -> None:
    assert _zh(["template", str(TAICANG), "-o", "-"]) == (
        2, "", "-：这里不能用作文件名；要把模板打印到标准输出，请不要给 -o\n")


@pytest.mark.parametrize(("epoch", "words"), [
    ("99999999999999", "SOURCE_DATE_EPOCH=99999999999999 超出了 9999 年"),
    ("-99999999999999", "SOURCE_DATE_EPOCH=-99999999999999 为负数：早于 1970-01-01 UTC"),
    ("abc", "SOURCE_DATE_EPOCH='abc' 不是整数秒"),
])
def test_source_date_epoch_is_told_in_chinese(epoch: str, words: str) -> None:
    assert _zh([*CHECK[:-1], "-f", "junit"], env={"SOURCE_DATE_EPOCH": epoch}) == (
        2, "", f"{words}；请取消设置，或给出自 1970-01-01 UTC 起的秒数，如 1700000000\n")


@pytest.mark.parametrize(("order", "reason"), [
    (["--encoding", "rot13"], "'rot13' 不是文本编码（可用 auto、utf-8、gb18030、utf-16）"),
    (["--encoding", "rot13", "--lang", "en"], "'rot13' is not a text encoding (try auto, utf-8, gb18030, utf-16)"),
    (["--lang", "en", "--encoding", "nope"], "unknown encoding 'nope' (try auto, utf-8, gb18030, utf-16)"),
])
def test_an_encoding_rejection_speaks_the_lang_given_anywhere_on_the_line(order: list[str], reason: str) -> None:
    code, stdout, stderr = _zh([*CHECK, *order])
    assert (code, stdout) == (2, "")
    assert stderr.endswith(f"Invalid value for '--encoding': {reason}\n")


def test_a_closed_stdout_is_told_in_chinese(tmp_path: Path) -> None:
    done = run([], shell_prefix=f"POLICYCHECK check '{TAICANG}' -a '{TAICANG_CSV}' >&-")
    assert (done.returncode, done.stderr.decode()) == (
        2, "stdout：标准输出已关闭；请把它重定向到文件（> report.txt），或用 -o FORMAT=FILE 写出报告\n")


def test_an_ascii_stdout_is_told_in_english_when_stderr_cannot_hold_chinese() -> None:
    done = run([], shell_prefix=f"POLICYCHECK check '{TAICANG}' -a '{TAICANG_CSV}'",
               env={"PYTHONIOENCODING": "ascii"})
    assert (done.returncode, done.stdout) == (2, b"")
    assert done.stderr.decode("ascii") == (
        "stdout: cannot write '\\u592a' in its encoding ascii (from PYTHONIOENCODING or the locale); "
        "set PYTHONIOENCODING=utf-8, or write the report with -o FORMAT=FILE\n")


def test_validate_names_stdout_where_its_findings_go(tmp_path: Path) -> None:
    # validate's findings are its report, on stdout: stdout is the stream that cannot take them
    # (the same finding as a warning of check goes to stderr, escaped, and never fails the run).
    done = run(["validate", "--lang", "zh", TAICANG, "/dev/zero"], env={"PYTHONIOENCODING": "ascii"})
    assert (done.returncode, done.stdout) == (2, b"")
    assert done.stderr.decode("ascii").startswith("stdout: cannot write '\\u8bfb' in its encoding ascii ")
    done = run(["validate", "--lang", "zh", TAICANG, "/dev/zero"], env={"PYTHONIOENCODING": "utf-8"})
    assert done.stdout.decode("utf-8").startswith("/dev/zero: error [PC400] 读取 256 MiB 后停止")


def test_a_closed_stdout_named_by_o_is_a_message_in_both_languages(monkeypatch: pytest.MonkeyPatch) -> None:
    from policycheck.cli.output import atomic_write
    from policycheck.errors import OutputError

    monkeypatch.setattr("sys.stdout", None)  # what Python makes of a stdout closed by >&-
    with pytest.raises(OutputError) as caught:
        atomic_write("/dev/stdout", "{}\n")
    assert (caught.value.in_lang("en"), caught.value.in_lang("zh"), str(caught.value)) == (
        "/dev/stdout: cannot write: it is closed", "/dev/stdout：无法写入：它已关闭",
        "/dev/stdout: cannot write: it is closed")


def test_a_template_workbook_not_named_xlsx_is_told_in_either_language(tmp_path: Path) -> None:
    book = tmp_path / "t.xls"
    assert _zh(["template", str(TAICANG), "-o", str(book)]) == (
        2, "", f"{book}：模板工作簿以 .xlsx 格式写出（Excel、WPS 和 LibreOffice 都能打开）；请把文件名改为 .xlsx\n")
    assert _zh(["template", str(TAICANG), "--lang", "en", "-o", str(book)]) == (
        2, "", f"{book}: the template workbook is written as .xlsx (Excel, WPS and LibreOffice open it); "
               "name the file .xlsx\n")
    assert files_in(tmp_path) == []


def test_a_split_without_a_folder_is_told_in_chinese() -> None:
    assert _zh(["units", str(TAICANG), "-a", str(TAICANG_CSV), "--split", "csv="]) == (
        2, "", "--split csv=：应为 FORMAT=DIR 的形式，如 xlsx=reports/\n")
