"""Every input is read once, through one bounded reader (docs/security.md#3-bounded-resources).

So a FIFO, ``/dev/stdin``, ``-`` and process substitution work like files, a
device that never ends stops at ``--max-bytes`` with a finding, a folder
search never opens a device, and the API says what it expects instead of
reading file descriptor 3.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import threading
from pathlib import Path

import pytest

from policycheck import evaluate, load_actuals, load_plan, render
from policycheck.inputs import DEFAULT_MAX_BYTES, parse_size, read_input
from tests.hardening.hardening2_kit import GIB, LINHAI, LINHAI_CSV, TAICANG, TAICANG_CSV, assert_clean, invoke, run

EXPECTED = invoke(["check", TAICANG, "-a", TAICANG_CSV, "-f", "json"])


def _fifo(tmp_path: Path, data: bytes, name: str = "data.csv") -> Path:
    """A FIFO that a thread fills with ``data`` once a reader opens it."""
    path = tmp_path / name
    os.mkfifo(path)

    def write() -> None:
        with open(path, "wb") as handle:
            handle.write(data)

    threading.Thread(target=write, daemon=True).start()
    return path


def test_a_fifo_is_read_once_like_a_file(tmp_path: Path) -> None:
    fifo = _fifo(tmp_path, TAICANG_CSV.read_bytes())
    code, stdout, stderr = invoke(["check", TAICANG, "-a", fifo, "-f", "json"])
    assert (code, stderr) == (EXPECTED[0], "")
    assert stdout == EXPECTED[1].replace(str(TAICANG_CSV), str(fifo))


def test_dash_is_standard_input_for_a_csv_and_for_a_plan(monkeypatch: pytest.MonkeyPatch) -> None:
    # A plan on standard input has no folder: its source text (docs/plan-format.md) is
    # looked for from the working directory, here the plans folder, as for the file.
    monkeypatch.chdir(TAICANG.parent)
    code, stdout, _ = invoke(["check", TAICANG, "-a", "-", "-f", "json"], input=TAICANG_CSV.read_bytes())
    assert (code, stdout) == (EXPECTED[0], EXPECTED[1].replace(f'"{TAICANG_CSV}"', '"-"'))
    code, stdout, _ = invoke(["check", "-", "-a", TAICANG_CSV, "-f", "json"], input=TAICANG.read_bytes())
    assert (code, stdout) == (EXPECTED[0], EXPECTED[1].replace(f'"{TAICANG}"', '"-"'))


def test_standard_input_for_two_inputs_is_a_usage_error() -> None:
    assert invoke(["check", "-", "-a", "-", "--lang", "en"], input=b"") == (
        2, "", "-: standard input is given for several inputs, but it can be read once; "
               "give '-' for one plan or CSV file only\n")


def test_dev_stdin_and_process_substitution_in_a_real_process(tmp_path: Path) -> None:
    with open(TAICANG_CSV, "rb") as handle:
        by_stdin = run(["check", TAICANG, "-a", "/dev/stdin", "-q"], stdin=handle.fileno())
    by_file = run(["check", TAICANG, "-a", TAICANG_CSV, "-q"])
    substituted = run([], shell_prefix=f"POLICYCHECK check --lang en '{TAICANG}' -a <(cat '{TAICANG_CSV}') -q")
    assert by_stdin.returncode == by_file.returncode == substituted.returncode == 1
    assert by_stdin.stdout == by_file.stdout == substituted.stdout
    assert by_stdin.stderr == substituted.stderr == b""


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_that_never_ends_stops_at_max_bytes(device: str) -> None:
    code, stdout, stderr = invoke(["check", TAICANG, "-a", device, "--max-bytes", "1M"])
    assert (code, stdout) == (2, "")
    assert stderr == (f"{device}: error [PC400] stopped after 1 MiB: the input goes on past the limit (a pipe or "
                      "a device such as /dev/zero may never end); if it is the right file, raise the limit with "
                      "--max-bytes\n")


def test_dev_zero_at_the_default_limit_ends_within_1_gib_and_20_cpu_seconds() -> None:
    done = run(["check", TAICANG, "-a", "/dev/zero"], cpu_seconds=20, memory=GIB)
    assert (done.returncode, done.stdout) == (2, b"")
    assert done.stderr.decode().startswith("/dev/zero: error [PC400] stopped after 256 MiB: ")


def test_a_file_over_the_limit_is_refused_by_its_size_unread(tmp_path: Path) -> None:
    big = tmp_path / "big.csv"
    with open(big, "wb") as handle:  # sparse: 300 MiB that nobody reads
        handle.truncate(300 * 1024 * 1024)
    got = read_input(str(big))
    assert (got.data, got.over_limit, got.size) == (None, True, 300 * 1024 * 1024)
    assert str(got.problem) == ("the file is 300 MiB, over the limit of 256 MiB; if it is the right file, raise the "
                                "limit with --max-bytes")


def test_a_plan_over_max_bytes_names_the_option(tmp_path: Path) -> None:
    code, _, stderr = invoke(["check", LINHAI, "-a", LINHAI_CSV, "--max-bytes", "1K"])
    assert code == 2
    assert stderr.startswith(f"{LINHAI}: error [PC102] the file is ")
    assert stderr.endswith(", over the limit of 1 KiB; if it is the right file, raise the limit with --max-bytes\n")


@pytest.mark.parametrize(("text", "size"), [("1000", 1000), ("512K", 512 * 1024), ("256m", 256 * 1024**2),
                                            ("1GiB", 1024**3), (" 2 MB ", 2 * 1024**2)])
def test_max_bytes_sizes(text: str, size: int) -> None:
    assert parse_size(text) == size
    assert parse_size("256M") == DEFAULT_MAX_BYTES


@pytest.mark.parametrize("text", ["0", "-1", "1.5G", "lots", "10X"])
def test_a_bad_max_bytes_is_a_usage_error(text: str) -> None:
    code, stdout, stderr = invoke(["check", TAICANG, "-a", TAICANG_CSV, "--lang", "en", "--max-bytes", text])
    assert (code, stdout) == (2, "")
    assert f"{text!r} is not a size; write a positive number of bytes" in stderr


def test_a_folder_search_never_opens_a_device_or_a_fifo(tmp_path: Path) -> None:
    folder = tmp_path / "repo"
    folder.mkdir()
    (folder / "zero.csv").symlink_to("/dev/zero")
    os.mkfifo(folder / "pipe.csv")  # no writer: opening it would wait forever
    (folder / "data.csv").write_bytes(TAICANG_CSV.read_bytes())
    done = run(["validate", folder, TAICANG], cpu_seconds=20, memory=GIB)
    message = ("error [PC400] not a regular file (a device, FIFO or socket): a folder search reads regular "
               "files only; name it on the command line to read it")
    assert done.returncode == 1
    assert done.stdout.decode().splitlines() == [f"{folder}/pipe.csv: {message}", f"{folder}/zero.csv: {message}"]


@pytest.mark.parametrize(("source", "other"), [(TAICANG, TAICANG_CSV), (TAICANG_CSV, TAICANG)],
                         ids=["plan", "CSV"])
def test_validate_reads_a_stream_once_and_its_content_says_what_it_is(
        tmp_path: Path, source: Path, other: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A plan read from a stream finds its source text beside the stream, or from the
    # working directory for '-', as a plan file does beside itself.  The other file is
    # what the stream needs (its CSV, its plan): the same plan twice would be PC320.
    shutil.copytree(TAICANG.parent / "sources", tmp_path / "sources")
    monkeypatch.chdir(TAICANG.parent)
    fifo = _fifo(tmp_path, source.read_bytes(), "stream")
    assert invoke(["validate", fifo, other]) == (0, "policycheck: 2 files checked, no problems found\n", "")
    assert invoke(["validate", "-", other], input=source.read_bytes()) == (
        0, "policycheck: 2 files checked, no problems found\n", "")


def test_a_broken_csv_on_standard_input_is_found_where_it_is() -> None:
    code, stdout, _ = invoke(["validate", TAICANG, "-"], input=b"target,year,value\nrd-intensity,2019,abc\n")
    assert (code, stdout) == (1, "-:2:3: error [PC402] 'abc' is not a number; expected a number such as 1500, "
                                 "1,500, 3.6, 3.6%, 1728万, 1.6万亿, 约4.4, a stated verdict (已完成, 未完成) or a "
                                 "missing marker (-, NA, 无数据)\n")


@pytest.mark.parametrize(("call", "message"), [
    (lambda: load_plan(3), "load_plan: path must be a file path (str or os.PathLike), not int"),
    (lambda: load_plan(None), "load_plan: path must be a file path (str or os.PathLike), not NoneType"),
    (lambda: load_actuals(None), "paths must be a list of CSV file paths, not NoneType"),
    (lambda: load_actuals([3]), "each path must be a file path (str or os.PathLike), not int"),
    (lambda: evaluate(None, load_actuals([])), "plans must be a list of Plan objects (from load_plan), not NoneType"),
    (lambda: evaluate([load_plan(str(TAICANG))], None), "actuals must be an Actuals object (from load_actuals)"),
    (lambda: evaluate(load_plan(str(TAICANG)), load_actuals([])), "wrap one plan as [plan]"),
    (lambda: render(None, "json"), "report must be a Report (from evaluate), not NoneType"),
])
def test_the_api_names_what_it_expects(call: object, message: str) -> None:
    with pytest.raises(TypeError, match=message.replace("(", r"\(").replace(")", r"\)").replace("[", r"\[")):
        call()  # type: ignore[operator]


def test_load_plan_of_an_int_does_not_touch_that_descriptor(tmp_path: Path) -> None:
    path = tmp_path / "keep.txt"
    with open(path, "w", encoding="utf-8") as handle:
        with pytest.raises(TypeError):
            load_plan(handle.fileno())  # type: ignore[arg-type]
        handle.write("still open\n")
    assert path.read_text(encoding="utf-8") == "still open\n"


def test_nothing_read_twice_and_no_traceback_for_a_missing_stdin() -> None:
    done = run(["check", TAICANG, "-a", "-"], stdin=subprocess.DEVNULL)
    assert done.returncode == 2
    assert done.stderr.decode() == "-: error [PC400] the file is empty: expected a header row (target,year,value)\n"
    assert_clean(done.stderr.decode())
