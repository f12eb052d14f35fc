"""Every way an input can be broken, through the real command line.

check, units, explain and template exit 2 for an unusable plan or CSV;
validate exits 1 (error findings) and 2 only for a missing path.  Every case
names the file, with line and column where there is one, and none prints a
traceback.  A few cases also run as a real process, to see stderr as CI does.
"""
from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from policycheck.cli.commands import main
from tests.helpers.paths import EXAMPLES_DIR, PLANS_DIR, ROOT

PLAN = PLANS_DIR / "linhai-315-2023-2027.yaml"
CSV = EXAMPLES_DIR / "linhai.csv"
PLAN_BYTES = PLAN.read_bytes()
CSV_BYTES = CSV.read_bytes()
MIB = 1024 * 1024

ALIAS_BOMB = b"a: &a [x,x,x,x,x,x,x,x,x]\n" + b"".join(
    f"{n}: &{n} [{','.join(['*' + p] * 9)}]\n".encode() for p, n in zip("abcdefgh", "bcdefghi", strict=True))


def _sub(old: bytes, new: bytes) -> bytes:
    assert old in PLAN_BYTES
    return PLAN_BYTES.replace(old, new, 1)


#: name -> (plan bytes, "LINE:COL" or "" for the whole file, rule, words in the message)
BROKEN_PLANS: dict[str, tuple[bytes, str, str, str]] = {
    "alias bomb": (ALIAS_BOMB, "1:4", "PC102", "anchor '&a' is not allowed"),
    "deep flow nesting": (b"[" * 50000 + b"]" * 50000, "1:65", "PC102", "nesting deeper than 64 levels"),
    "deep mapping nesting": (b"{a: " * 30000 + b"}" * 30000, "1:257", "PC102", "nesting deeper than 64 levels"),
    "over 10 MiB": (b"# " + b"x" * (11 * MIB) + b"\n", "", "PC102", "file is 11.0 MiB"),
    "binary garbage": (bytes(range(256)) * 40, "2:118", "PC100", "not UTF-8 (byte 0x80)"),
    "empty file": (b"", "1:1", "PC200", "the file is empty"),
    "only comments": (b"# nothing\n\n", "1:1", "PC200", "the file is empty"),
    "a list": (b"- 1\n- 2\n", "1:1", "PC200", "must be a mapping of keys (policycheck, plan, targets), not a list"),
    "a scalar": (b"hello\n", "1:1", "PC200", "not text 'hello'"),
    "GB18030 text": (PLAN_BYTES.decode("utf-8").encode("gb18030"), "3:3", "PC100", "not UTF-8 (byte 0xc1)"),
    "UTF-16 text": (PLAN_BYTES.decode("utf-8").encode("utf-16"), "1:1", "PC100", "not UTF-8 (byte 0xff)"),
    "python tag": (b"policycheck: !!python/object/apply:os.system ['echo pwned > pwned.txt']\n", "1:14",
                   "PC102", "tag '!!python/object/apply:os.system' is not allowed"),
    "python name tag": (_sub(b"policycheck: 1", b"policycheck: !!python/name:os.system"), "11:14", "PC102",
                        "tag '!!python/name:os.system' is not allowed"),
    "duplicate top-level key": (PLAN_BYTES + b"policycheck: 1\n", "702:1", "PC101",
                                "duplicate key 'policycheck' (first at line 11)"),
    "text for a number": (_sub(b"{2027: 3.6}", b"{2027: abc}"), "79:24", "PC200", "not text 'abc'"),
    "not a number": (_sub(b"{2027: 3.6}", b"{2027: .nan}"), "79:24", "PC200", "must be a finite number"),
    "infinite": (_sub(b"{2027: 3.6}", b"{2027: -.inf}"), "79:24", "PC200", "is infinite"),
    "impossible year": (_sub(b"end: 2027}", b"end: 99999}"), "20:30", "PC200", "it must be at most 2200"),
    "NUL byte": (PLAN_BYTES[:100] + b"\x00" + PLAN_BYTES[100:], "3:17", "PC100", "U+0000 is not allowed"),
    "invalid date": (_sub(b"issued: 2023-06-05", b"issued: 2023-13-45"), "16:11", "PC100", "not a valid timestamp"),
    "two documents": (PLAN_BYTES + b"---\na: 1\n", "702:1", "PC100", "holds one YAML document"),
}

#: name -> (CSV bytes, "LINE:COL" or "LINE" or "", rule, words in the message)
BROKEN_CSVS: dict[str, tuple[bytes, str, str, str]] = {
    "extra field": (CSV_BYTES.replace(b"rd-intensity,2023,3.15,final,", b"rd-intensity,2023,3.15,final,x,y,z,", 1),
                    "11:8", "PC402", "row has 10 fields but the header has 7"),
    "missing field": (b"target,year,value\nrd-intensity,2023\n", "2:3", "PC401", "the row is too short"),
    "NUL byte": (CSV_BYTES[:200] + b"\x00" + CSV_BYTES[200:], "4", "PC400", "NUL character on line 4"),
    "megabyte number": (b"target,year,value\nrd-intensity,2023," + b"9" * (4 * MIB) + b"\n", "2:3", "PC402",
                        "is not a finite number"),
    "megabyte quoted cell": (b'target,year,value\nrd-intensity,2023,"' + b"x\n" * MIB + b'"\n', "2:3", "PC402",
                             "is not a number"),
    "impossible year": (b"target,year,value\nrd-intensity,99999,3\n", "2:2", "PC408",
                        "not an integer between 1900 and 2200"),
    "missing required column": (b"target,value\nrd-intensity,3\n", "1", "PC401", "missing required column 'year'"),
    "non-numeric value": (b"target,year,value\nrd-intensity,2023,abc\n", "2:3", "PC402", "'abc' is not a number"),
    "non-finite value": (b"target,year,value\nrd-intensity,2023,inf\n", "2:3", "PC402", "'inf' is not a number"),
    "overflowing value": (b"target,year,value\nrd-intensity,2023,1e400\n", "2:3", "PC402", "not a finite number"),
    "empty file": (b"", "", "PC400", "the file is empty"),
    "binary garbage": (bytes(range(256)) * 40, "", "PC400", "cannot decode the file (auto)"),
    "unclosed quote": (b'target,year,value\nrd-intensity,2023,"3\nrd-intensity,2024,3.2\n', "3", "PC400",
                       "a quoted cell is never closed"),
}


def _invoke(args: list[str]) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _first_error(text: str) -> str:
    return next(line for line in text.splitlines() if ": error [" in line)


def _where(path: Path, location: str) -> str:
    return f"{path}:{location}" if location else str(path)


@pytest.mark.parametrize("name", BROKEN_PLANS)
def test_broken_plan_exits_2_for_check_units_explain_template(tmp_path: Path, name: str) -> None:
    data, location, rule, words = BROKEN_PLANS[name]
    path = tmp_path / "plan.yaml"
    path.write_bytes(data)
    for args in (["check", str(path), "-a", str(CSV)], ["units", str(path), "-a", str(CSV)],
                 ["explain", str(path), "rd-intensity", "-a", str(CSV)], ["template", str(path)]):
        exit_code, stdout, stderr = _invoke(args)
        assert (exit_code, stdout) == (2, ""), args
        first = _first_error(stderr)
        assert first.startswith(f"{_where(path, location)}: error [{rule}] "), first
        assert words in first


@pytest.mark.parametrize("name", BROKEN_PLANS)
def test_broken_plan_is_a_validate_finding_with_exit_1(tmp_path: Path, name: str) -> None:
    data, location, rule, words = BROKEN_PLANS[name]
    path = tmp_path / "plan.yaml"
    path.write_bytes(data)
    exit_code, stdout, stderr = _invoke(["validate", str(path)])
    assert (exit_code, stderr) == (1, "")
    first = _first_error(stdout)
    assert first.startswith(f"{_where(path, location)}: error [{rule}] ") and words in first


@pytest.mark.parametrize("name", BROKEN_CSVS)
def test_broken_csv_exits_2_for_check_and_1_for_validate(tmp_path: Path, name: str) -> None:
    data, location, rule, words = BROKEN_CSVS[name]
    path = tmp_path / "actuals.csv"
    path.write_bytes(data)
    for command in ("check", "units"):
        exit_code, stdout, stderr = _invoke([command, str(PLAN), "-a", str(path), "-f", "json"])
        assert (exit_code, stdout) == (2, ""), command
        first = _first_error(stderr)
        assert first.startswith(f"{_where(path, location)}: error [{rule}] ") and words in first
    exit_code, stdout, stderr = _invoke(["validate", str(PLAN), str(path)])
    assert exit_code == 1
    assert _first_error(stdout).startswith(f"{_where(path, location)}: error [{rule}] ")


def _broken_symlink(tmp_path: Path, name: str) -> Path:
    link = tmp_path / name
    link.symlink_to(tmp_path / "gone")
    return link


@pytest.mark.parametrize("make", [lambda t, n: t / n, _broken_symlink], ids=["missing", "broken symlink"])
def test_missing_plan_or_csv(tmp_path: Path, make: Callable[[Path, str], Path]) -> None:
    plan, csv = make(tmp_path, "p.yaml"), make(tmp_path, "a.csv")
    assert _invoke(["check", str(plan), "-a", str(CSV)]) == (
        2, "", f"{plan}: error [PC100] cannot read the file: No such file or directory\n")
    assert _invoke(["check", str(PLAN), "-a", str(csv)]) == (
        2, "", f"{csv}: error [PC400] cannot read the file: No such file or directory\n")
    assert _invoke(["template", str(plan)]) == (
        2, "", f"{plan}: error [PC100] cannot read the file: No such file or directory\n")
    assert _invoke(["validate", str(plan)]) == (2, "", f"{plan}: no such file or folder\n")


def test_folder_given_as_plan_or_csv_is_a_usage_error(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    exit_code, stdout, stderr = _invoke(["check", str(folder), "-a", str(CSV)])
    assert (exit_code, stdout) == (2, "")
    assert f"Invalid value for 'PLANS...': File '{folder}' is a directory." in stderr
    exit_code, stdout, stderr = _invoke(["check", str(PLAN), "-a", str(folder)])
    assert (exit_code, stdout) == (2, "")
    assert f"Invalid value for '-a' / '--actuals': File '{folder}' is a directory." in stderr


def test_unreadable_files_are_findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run as root, so permission bits do not stop reading: make open() refuse instead."""
    import builtins

    real_open = builtins.open
    denied = {str(tmp_path / "p.yaml"), str(tmp_path / "a.csv")}
    for name in denied:
        Path(name).write_bytes(b"x")

    def refusing_open(file: object, *args: object, **kwargs: object) -> object:
        if str(file) in denied:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(builtins, "open", refusing_open)
    plan, csv = sorted(denied, reverse=True)
    assert _invoke(["check", plan, "-a", str(CSV)]) == (2, "", f"{plan}: error [PC100] cannot read the file: "
                                                                "Permission denied\n")
    assert _invoke(["check", str(PLAN), "-a", csv]) == (2, "", f"{csv}: error [PC400] cannot read the file: "
                                                               "Permission denied\n")


def test_unwritable_output_exits_2_and_writes_nothing(tmp_path: Path) -> None:
    """-o files are all rendered first, then written; stdout is printed only after every file is written."""
    target = tmp_path / "no-such-dir" / "r.json"
    exit_code, stdout, stderr = _invoke(["check", str(PLAN), "-a", str(CSV), "-f", "json",
                                         "-o", f"json={target}"])
    assert (exit_code, stdout, stderr) == (2, "", f"{target}: cannot write: No such file or directory\n")
    exit_code, stdout, stderr = _invoke(["validate", str(PLAN), "-o", f"json={target}"])
    assert (exit_code, stdout, stderr) == (2, "", f"{target}: cannot write: No such file or directory\n")
    exit_code, stdout, stderr = _invoke(["template", str(PLAN), "-o", str(target)])
    assert (exit_code, stdout, stderr) == (2, "", f"{target}: cannot write: No such file or directory\n")


SUBPROCESS_CASES = ["alias bomb", "deep flow nesting", "python tag", "binary garbage", "not a number"]


@pytest.mark.slow
@pytest.mark.parametrize("name", SUBPROCESS_CASES)
def test_real_process_prints_no_traceback(tmp_path: Path, name: str) -> None:
    data, location, rule, _words = BROKEN_PLANS[name]
    path = tmp_path / "plan.yaml"
    path.write_bytes(data)
    done = subprocess.run([sys.executable, "-m", "policycheck", "check", str(path), "-a", str(CSV)],
                          capture_output=True, text=True, cwd=tmp_path, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert (done.returncode, done.stdout) == (2, "")
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith(f"{_where(path, location)}: error [{rule}] ")
    assert list(tmp_path.iterdir()) == [path]  # the python tag ran nothing: no pwned.txt


@pytest.mark.slow
def test_real_process_broken_csv_and_output(tmp_path: Path) -> None:
    csv = tmp_path / "a.csv"
    csv.write_bytes(b'target,year,value\nrd-intensity,2023,"3\n')
    done = subprocess.run([sys.executable, "-m", "policycheck", "check", str(PLAN), "-a", str(csv),
                           "-o", f"json={tmp_path / 'r.json'}"], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.startswith(f"{csv}:2: error [PC400] ") and "Traceback" not in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv"]
