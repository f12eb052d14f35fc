"""Exit 2 with one line for what used to be a traceback with exit 1 (docs/security.md#exit-codes).

A closed or full stdout, a stdout encoding that cannot hold Chinese, a codec
that is not a text encoding, a SOURCE_DATE_EPOCH past the year 9999; and the
lower-priority items: ids ending in a newline, YAML exponents, TERM=dumb and
the number of findings listed.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from policycheck.cli import options
from tests.hardening.hardening2_kit import (
    LINHAI,
    LINHAI_CSV,
    ROOT,
    TAICANG,
    TAICANG_CSV,
    assert_clean,
    files_in,
    invoke,
    run,
)

CHECK = ["check", TAICANG, "-a", TAICANG_CSV]


def test_a_closed_stdout_is_exit_2_and_no_report_file(tmp_path: Path) -> None:
    report = tmp_path / "r.json"
    done = run([], shell_prefix=f"POLICYCHECK check --lang en '{TAICANG}' -a '{TAICANG_CSV}' -o json='{report}' >&-")
    assert done.returncode == 2
    assert done.stderr.decode() == ("stdout: is closed; give it a file (> report.txt) or write the report with "
                                    "-o FORMAT=FILE\n")
    assert files_in(tmp_path) == []


def test_a_full_stdout_is_exit_2() -> None:
    done = run([], shell_prefix=f"POLICYCHECK check --lang en '{TAICANG}' -a '{TAICANG_CSV}' >/dev/full")
    assert (done.returncode, done.stderr.decode()) == (2, "stdout: cannot write: No space left on device\n")


def test_a_reader_that_goes_away_is_exit_2_without_a_word() -> None:
    process = subprocess.Popen([sys.executable, "-m", "policycheck", "check", str(LINHAI), "-a", str(LINHAI_CSV),
                                "-f", "html"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)})
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.read(1) == b"<"  # the HTML report is far larger than a pipe holds
    process.stdout.close()
    with process.stderr:
        stderr = process.stderr.read()
    assert (process.wait(timeout=60), stderr) == (2, b"")


@pytest.mark.parametrize("encoding", ["ascii", "latin-1", "cp1252"])
def test_a_stdout_encoding_without_chinese_is_exit_2_before_any_file(tmp_path: Path, encoding: str) -> None:
    report = tmp_path / "r.json"
    done = run([*CHECK, "-o", f"json={report}"], env={"PYTHONIOENCODING": encoding})
    assert (done.returncode, done.stdout) == (2, b"")
    assert done.stderr.decode("ascii").startswith("stdout: cannot write '\\u592a' in its encoding ")
    assert done.stderr.decode("ascii").endswith("(from PYTHONIOENCODING or the locale); set PYTHONIOENCODING=utf-8, "
                                                "or write the report with -o FORMAT=FILE\n")
    assert files_in(tmp_path) == []
    # What stdout can hold is printed: the English summary line; the report file is UTF-8.
    done = run([*CHECK, "-q", "--lang", "en", "-o", f"json={report}"], env={"PYTHONIOENCODING": encoding})
    assert (done.returncode, done.stderr) == (1, b"")
    assert done.stdout.decode("ascii").startswith("policycheck: 30 results (missed 2")
    assert json.loads(report.read_text(encoding="utf-8"))["plans"][0]["title"].startswith("太仓市")


@pytest.mark.parametrize("codec", ["rot13", "base64", "hex", "zlib", "bz2", "uu", "quopri"])
@pytest.mark.parametrize("command", ["check", "validate"])
def test_a_codec_that_is_not_a_text_encoding_is_a_usage_error(codec: str, command: str) -> None:
    args = CHECK if command == "check" else ["validate", TAICANG_CSV]
    code, stdout, stderr = invoke([*args, "--encoding", codec])
    assert (code, stdout) == (2, "")
    assert stderr.endswith(f"Invalid value for '--encoding': {codec!r} is not a text encoding "
                           "(try auto, utf-8, gb18030, utf-16)\n")


@pytest.mark.parametrize(("epoch", "words"), [
    ("99999999999999", "SOURCE_DATE_EPOCH=99999999999999 is beyond the year 9999"),
    ("abc", "SOURCE_DATE_EPOCH='abc' is not a whole number of seconds"),
    ("-5", "SOURCE_DATE_EPOCH=-5 is negative: before 1970-01-01 UTC"),
    ("-99999999999999", "SOURCE_DATE_EPOCH=-99999999999999 is negative: before 1970-01-01 UTC"),
    ("- 5", "SOURCE_DATE_EPOCH='- 5' is not a whole number of seconds"),
])
def test_a_source_date_epoch_that_is_no_time_is_exit_2(epoch: str, words: str) -> None:
    code, stdout, stderr = invoke([*CHECK, "-f", "junit"], env={"SOURCE_DATE_EPOCH": epoch})
    assert (code, stdout) == (2, "")
    assert stderr == f"{words}; unset it, or give the seconds since 1970-01-01 UTC, e.g. 1700000000\n"


def test_source_date_epoch_zero_is_1970() -> None:
    _, stdout, _ = invoke([*CHECK, "-f", "junit"], env={"SOURCE_DATE_EPOCH": "0"})
    assert 'timestamp="1970-01-01T00:00:00"' in stdout


@pytest.mark.parametrize(("old", "new", "where"), [
    ("id: taicang-sti-2018-2020", 'id: "taicang-sti-2018-2020\\n"', "plan.id"),
    ("id: rd-intensity", 'id: "rd-intensity\\n"', "targets[0].id"),
])
def test_an_id_ending_in_a_newline_is_not_an_id(tmp_path: Path, old: str, new: str, where: str) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(TAICANG.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    code, stdout, _ = invoke(["validate", path])
    assert code == 1
    assert f"error [PC200] {where} " in stdout and "is not a valid id" in stdout
    assert_clean(stdout)


def test_a_milestone_year_ending_in_a_newline_is_not_a_year(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(TAICANG.read_text(encoding="utf-8").replace("{2020: 3.2}", '{"2020\\n": 3.2}', 1),
                    encoding="utf-8")
    code, stdout, _ = invoke(["validate", path])
    assert code == 1
    assert "is not a four-digit year; write e.g. 2027" in stdout


@pytest.mark.parametrize(("written", "hint"), [
    ("1.0e308", "; YAML reads 1.0e308 as text: write the number with a dot and a signed exponent, 1.0e+308"),
    ("2e3", "; YAML reads 2e3 as text: write the number with a dot and a signed exponent, 2.0e+3"),
    ('"3.2"', "; remove the quotes"),
    ('"nan"', ""),
])
def test_the_number_hint_says_what_yaml_needs(tmp_path: Path, written: str, hint: str) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(TAICANG.read_text(encoding="utf-8").replace("{2020: 3.2}", f"{{2020: {written}}}", 1),
                    encoding="utf-8")
    _, stdout, _ = invoke(["validate", path])
    text = written.strip('"')
    assert stdout.splitlines()[0].endswith(f"or {{grade: name}} (category), not text '{text}'{hint}")


def test_term_dumb_means_no_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal:
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stdout", Terminal())
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "dumb")
    assert options.use_color(None) is False
    monkeypatch.setenv("TERM", "xterm-256color")
    assert options.use_color(None) is True
    assert options.use_color(True) is True


def test_findings_of_a_rule_are_listed_100_times_then_counted(tmp_path: Path) -> None:
    data = tmp_path / "bad.csv"
    data.write_text("target,year,value\n" + "".join(f"rd-intensity,2019,x{i}\n" for i in range(250)),
                    encoding="utf-8")
    code, stdout, _ = invoke(["validate", TAICANG, data, "-f", "json"])
    findings = json.loads(stdout)["findings"]
    assert code == 1
    assert len(findings) == 101
    assert findings[100] == {"rule": "PC402", "level": "error", "file": str(data), "line": 102, "column": 3,
                             "message": "150 more PC402 findings in this file from here on are not listed "
                                        "(only the first 100 are): fix these and run again"}


def test_a_plan_lists_at_most_100_findings_of_a_rule(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    targets = "".join(f"  - {{id: t{i}, name: n, unit: '%', kind: level, milestones: {{2025: 1}}}}\n"
                      for i in range(150))
    path.write_text("policycheck: 1\nplan: {id: p, title: t, period: {start: 2021, end: 2025}}\ntargets:\n"
                    + targets, encoding="utf-8")
    code, stdout, _ = invoke(["validate", path])
    lines = stdout.splitlines()
    assert code == 0  # PC309 is a warning: the count is one too
    assert len(lines) == 101
    assert lines[-1] == (f"{path}:104:5: warning [PC309] 50 more PC309 findings in this file from here on are "
                         "not listed (only the first 100 are): fix these and run again")
