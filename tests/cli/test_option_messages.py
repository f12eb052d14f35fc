"""Rejected option values and a stopped run speak the run's --lang (docs/configuration.md#language).

Every message is a catalogue entry (policycheck/messages/commands.py): Chinese
by default, English with ``--lang en``, whichever side of the option --lang is
given on.  Click's own frame (``Invalid value for '--on-track':``) stays as
click writes it; what follows it is ours.  The signal messages are tested
with a real signal in tests/hardening/test_hardening2_outputs.py.
"""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from policycheck.cli.commands import main
from tests.hardening.hardening2_kit import TAICANG, TAICANG_CSV

REPORT_FORMATS = "table, text, markdown, json, csv, html, junit, sarif, github, xlsx, docx"
CHECK = ["check", str(TAICANG), "-a", str(TAICANG_CSV), "-q"]


def _run(args: list[str], stdin: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, args, input=stdin, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _last_line(args: list[str]) -> tuple[int, str, str]:
    code, stdout, stderr = _run(args)
    return code, stdout, stderr.splitlines()[-1]


#: (value, en, zh) of a rejected --on-track or --at-risk
RATIOS = [
    ("lots", "'lots' is not a number; give a ratio such as 0.95", "'lots' 不是数字；请给出比率，如 0.95"),
    ("inf", "inf is not a finite ratio; give one such as 0.95", "inf 不是有限的比率；请给出如 0.95 的比率"),
    ("-inf", "-inf is not a finite ratio; give one such as 0.95", "-inf 不是有限的比率；请给出如 0.95 的比率"),
    ("nan", "nan is not a finite ratio; give one such as 0.95", "nan 不是有限的比率；请给出如 0.95 的比率"),
    ("-0.5", "-0.5 is negative; give a ratio of at least 0 such as 0.95",
     "-0.5 为负数；请给出不小于 0 的比率，如 0.95"),
]


@pytest.mark.parametrize("option", ["--on-track", "--at-risk"])
@pytest.mark.parametrize(("value", "en", "zh"), RATIOS)
def test_a_rejected_ratio_is_told_in_either_language(option: str, value: str, en: str, zh: str) -> None:
    assert _last_line([*CHECK, f"{option}={value}"]) == (2, "", f"Error: Invalid value for '{option}': {zh}")
    assert _last_line([*CHECK, f"{option}={value}", "--lang", "en"]) == (
        2, "", f"Error: Invalid value for '{option}': {en}")
    assert _last_line([*CHECK[:1], "--lang", "en", *CHECK[1:], f"{option}={value}"]) == (
        2, "", f"Error: Invalid value for '{option}': {en}")


@pytest.mark.parametrize(("value", "en", "zh"), [RATIOS[1], RATIOS[4]])
def test_the_notes_template_rejects_a_ratio_in_either_language(value: str, en: str, zh: str) -> None:
    args = ["template", str(TAICANG), "--notes", "--on-track", value]
    assert _last_line(args) == (2, "", f"Error: Invalid value for '--on-track': {zh}")
    assert _last_line([*args, "--lang", "en"]) == (2, "", f"Error: Invalid value for '--on-track': {en}")


def test_ratios_that_are_accepted_reach_the_report() -> None:
    code, stdout, _ = _run([*CHECK[:-1], "--on-track", "1e0", "--at-risk", "0", "-f", "json"])
    assert code == 1
    assert '\n  "thresholds": {"on_track": 1.0, "at_risk": 0.0},\n' in stdout


@pytest.mark.parametrize("text", ["0", "-1", "1.5G", "lots", "10X"])
def test_a_rejected_max_bytes_is_told_in_either_language(text: str) -> None:
    assert _last_line([*CHECK, "--max-bytes", text]) == (
        2, "", f"Error: Invalid value for '--max-bytes': {text!r} 不是大小；请写正的字节数，可带 K、M 或 G"
               "（1024 的幂），如 512M")
    assert _last_line([*CHECK, "--max-bytes", text, "--lang", "en"]) == (
        2, "", f"Error: Invalid value for '--max-bytes': {text!r} is not a size; write a positive number of bytes, "
               "optionally with K, M or G (powers of 1024), e.g. 512M")


def test_validate_rejects_a_max_bytes_in_either_language() -> None:
    frame = "Error: Invalid value for '--max-bytes': '0' "
    assert _last_line(["validate", str(TAICANG), "--max-bytes", "0"]) == (
        2, "", f"{frame}不是大小；请写正的字节数，可带 K、M 或 G（1024 的幂），如 512M")
    assert _last_line(["validate", "--lang", "en", str(TAICANG), "--max-bytes", "0"]) == (
        2, "", f"{frame}is not a size; write a positive number of bytes, optionally with K, M or G "
               "(powers of 1024), e.g. 512M")


def test_standard_input_twice_is_told_in_either_language() -> None:
    assert _run(["check", "-", "-a", "-"], stdin=b"") == (
        2, "", "-：标准输入给了多个输入，但只能读取一次；请只为一个规划或 CSV 文件给出 '-'\n")
    assert _run(["validate", "--lang", "en", "-", "-"], stdin=b"") == (
        2, "", "-: standard input is given for several inputs, but it can be read once; "
               "give '-' for one plan or CSV file only\n")


@pytest.mark.parametrize(("value", "en", "zh"), [
    ("report.json", "'report.json': expected FORMAT=PATH, e.g. json=report.json",
     "'report.json'：应为 FORMAT=PATH 的形式，如 json=report.json"),
    ("pdf=r.pdf", f"'pdf' is not a format; choose one of {REPORT_FORMATS}",
     f"'pdf' 不是报告格式；可选 {REPORT_FORMATS}"),
])
def test_a_malformed_output_is_told_in_either_language(value: str, en: str, zh: str) -> None:
    assert _last_line([*CHECK, "-o", value]) == (2, "", f"Error: Invalid value for '-o' / '--output': {zh}")
    assert _last_line([*CHECK, "-o", value, "--lang", "en"]) == (
        2, "", f"Error: Invalid value for '-o' / '--output': {en}")


def test_a_malformed_validate_output_is_told_in_either_language() -> None:
    formats = "text, json, sarif, github"
    assert _run(["validate", str(TAICANG), "-o", "pdf=r.pdf"]) == (
        2, "", f"-o pdf=r.pdf：应为 FORMAT=PATH 的形式，FORMAT 可选 {formats}\n")
    assert _run(["validate", "--lang", "en", str(TAICANG), "-o", "pdf=r.pdf"]) == (
        2, "", f"-o pdf=r.pdf: expected FORMAT=PATH with FORMAT one of {formats}\n")


def test_an_unknown_unit_far_from_any_lists_the_units_in_either_language() -> None:
    units = ["kjj (市科技局)", "rcb (市人才办)", "rsj (人社局)", "fgw (发改委)", "yh (各银行)",
             "towns (各镇、区（街道）)", "swj (商务局)", "gsj (国税局)", "gzb (国资办)", "dsj (地税局)",
             "zsj (招商局)", "jyj (教育局)", "yg-towns (有关各镇、区（街道）)", "kx (科协)", "jxw (经信委)",
             "czj (财政局)", "jrb (金融办)"]
    args = ["units", str(TAICANG), "-a", str(TAICANG_CSV), "--unit", "zzzz"]
    assert _run(args) == (2, "", f"--unit 'zzzz'：规划中没有这个责任单位；责任单位有：{'、'.join(units)}\n")
    assert _run([*args, "--lang", "en"]) == (
        2, "", f"--unit 'zzzz': no such responsible unit in the plans; units are: {', '.join(units)}\n")
