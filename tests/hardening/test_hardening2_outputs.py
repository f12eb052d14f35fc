"""-o goes to a file, a descriptor, /dev/null, a terminal or a read FIFO, or nowhere with exit 2
(docs/security.md#5-atomic-outputs-all-or-nothing).

A device node is never replaced by a file (as root, ``-o json=/dev/null``
used to turn /dev/null into a regular file), a replaced report keeps its
permissions, a path given twice is a usage error, and a run stopped by
SIGINT, SIGTERM or SIGHUP leaves no temporary file and exits 128 + the signal.
"""
from __future__ import annotations

import os
import signal
import socket
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from policycheck.cli import output
from policycheck.cli.output import atomic_write, atomic_write_all
from policycheck.errors import OutputError
from tests.hardening.hardening2_kit import LINHAI, LINHAI_CSV, ROOT, TAICANG, TAICANG_CSV, files_in, invoke, run

ARGS = ["check", TAICANG, "-a", TAICANG_CSV, "-q"]
JSON = invoke(["check", TAICANG, "-a", TAICANG_CSV, "-f", "json"])[1]


def _socket(tmp_path: Path) -> Path:
    path = tmp_path / "sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()
    return path


#: name -> (make the -o path in tmp_path, the message on stderr after the path)
REFUSED: dict[str, tuple[Callable[[Path], str], str]] = {
    "dash": (lambda tmp: "-", ": is not a file name here; to print a report on standard output use -f FORMAT "
                              "(or -o FORMAT=/dev/stdout)"),
    "new folder with a slash": (lambda tmp: f"{tmp}/newdir/", ": names a folder; give a file name, e.g. "
                                                              "{path}report.json"),
    "existing folder": (lambda tmp: str(tmp), ": cannot write: Is a directory"),
    "/dev/full": (lambda tmp: "/dev/full", ": cannot write: a device other than /dev/null or a terminal; "
                                           "give a file name"),
    "socket": (lambda tmp: str(_socket(tmp)), ": cannot write: a socket; give a file name"),
    "FIFO nobody reads": (lambda tmp: (os.mkfifo(tmp / "fifo"), str(tmp / "fifo"))[1],
                          ": cannot write: no process is reading this FIFO"),
}


@pytest.mark.parametrize("case", REFUSED)
@pytest.mark.parametrize("command", ["check", "validate", "template"])
def test_a_target_that_is_not_a_file_is_refused_before_anything_is_written(tmp_path: Path, case: str,
                                                                           command: str) -> None:
    make, message = REFUSED[case]
    path = make(tmp_path)
    kept = tmp_path / "kept.json"
    kept.write_text("old\n", encoding="utf-8")
    before = sorted(os.listdir(tmp_path))
    args = {"check": [*ARGS, "-o", f"json={kept}", "-o", f"json={path}"],
            "validate": ["validate", TAICANG, "-o", f"json={kept}", "-o", f"json={path}"],
            "template": ["template", TAICANG, "-o", path]}[command]
    code, stdout, stderr = invoke(args)
    assert (code, stdout) == (2, "")
    if command == "template" and case == "existing folder":  # click's own check of a file option
        assert stderr.endswith(f"Invalid value for '-o' / '--output': File '{path}' is a directory.\n")
    elif command == "template" and case == "dash":  # template prints to stdout when -o is left out
        assert stderr == "-: is not a file name here; to print the template on standard output, leave out -o\n"
    else:
        assert stderr == f"{path}{message.format(path=path)}\n"
    assert kept.read_text(encoding="utf-8") == "old\n"
    assert sorted(os.listdir(tmp_path)) == before


def test_dev_null_stays_a_device(tmp_path: Path) -> None:
    code, _, stderr = invoke([*ARGS, "-o", "json=/dev/null", "-o", f"html={tmp_path / 'r.html'}"])
    assert (code, stderr) == (1, "")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert files_in(tmp_path) == ["r.html"]


def test_dev_stdout_is_written_to_the_descriptor_whatever_stdout_is(tmp_path: Path) -> None:
    to_file = tmp_path / "out.txt"
    with open(to_file, "wb") as handle:
        done = subprocess.run([sys.executable, "-m", "policycheck", *map(str, ARGS), "-o", "json=/dev/stdout"],
                              stdout=handle, stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)},
                              check=False)
    assert (done.returncode, done.stderr) == (1, b"")
    text = to_file.read_text(encoding="utf-8")
    assert text.startswith(JSON) and text[len(JSON):].startswith("policycheck: 共 30 项结果")
    piped = run([*ARGS, "-o", "json=/dev/stdout"])
    assert piped.stdout.decode().startswith(JSON)
    assert stat.S_ISCHR(os.stat("/dev/stdout").st_mode) or os.path.islink("/dev/stdout")


def test_a_fifo_with_a_reader_gets_the_report(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    time.sleep(0.2)  # cat opens the FIFO: a reader exists
    code, _, stderr = invoke([*ARGS, "-o", f"json={fifo}"])
    received, _ = reader.communicate(timeout=30)
    assert (code, stderr) == (1, "")
    assert received.decode("utf-8") == JSON
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_process_substitution_as_an_output() -> None:
    done = run([], shell_prefix=f"POLICYCHECK check '{TAICANG}' -a '{TAICANG_CSV}' -q -o json=>(wc -c >&2)")
    assert done.returncode == 1
    assert done.stderr.decode().strip() == str(len(JSON.encode("utf-8")))


@pytest.mark.parametrize("second", ["r.json", "./r.json", "link.json"])
def test_the_same_path_twice_is_a_usage_error(tmp_path: Path, second: str) -> None:
    (tmp_path / "r.json").write_text("old\n", encoding="utf-8")
    (tmp_path / "link.json").symlink_to(tmp_path / "r.json")
    code, stdout, stderr = invoke([*ARGS, "-o", f"json={tmp_path / 'r.json'}", "-o", f"html={tmp_path / second}"])
    assert (code, stdout) == (2, "")
    assert stderr == (f"{tmp_path / second}: given twice as an output (also as {tmp_path / 'r.json'}); "
                      "each -o needs its own path\n")
    assert (tmp_path / "r.json").read_text(encoding="utf-8") == "old\n"


@pytest.mark.parametrize("second", ["../here/z.json", "./z.json", "../alias/z.json", "sub/../z.json"])
def test_a_new_path_spelled_twice_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   second: str) -> None:
    # z.json does not exist yet, so samefile cannot compare the two spellings: the html
    # report used to replace the json one (exit 1, z.json holding HTML).
    here = tmp_path / "here"
    (here / "sub").mkdir(parents=True)
    (tmp_path / "alias").symlink_to(here)
    monkeypatch.chdir(here)
    code, stdout, stderr = invoke([*ARGS, "-o", "json=z.json", "-o", f"html={second}"])
    assert (code, stdout) == (2, "")
    assert stderr == f"{second}: given twice as an output (also as z.json); each -o needs its own path\n"
    assert sorted(os.listdir(here)) == ["sub"]


def test_template_with_two_outputs_is_a_usage_error(tmp_path: Path) -> None:
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    assert invoke(["template", TAICANG, "-o", first, "-o", second]) == (
        2, "", f"-o given 2 times ({first}, {second}); template writes one file\n")
    assert files_in(tmp_path) == []


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o444])
def test_a_replaced_report_keeps_its_permissions(tmp_path: Path, mode: int) -> None:
    target = tmp_path / "r.json"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(mode)
    assert invoke([*ARGS, "-o", f"json={target}"])[0] == 1
    assert stat.S_IMODE(target.stat().st_mode) == mode
    assert target.read_text(encoding="utf-8") == JSON


def test_a_255_byte_file_name_is_written(tmp_path: Path) -> None:
    name = "长" * 83 + ".js"  # 83 x 3 + 3 = 252 bytes, with ".js" the most a name may have
    assert len(os.fsencode(name)) <= 255
    assert invoke([*ARGS, "-o", f"json={tmp_path / name}"])[0] == 1
    assert files_in(tmp_path) == [name]


def test_an_interrupt_while_staging_removes_the_temporary_file(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    real_fdopen = os.fdopen

    class Interrupting:
        def __init__(self, handle: object) -> None:
            self.handle = handle

        def __enter__(self) -> Interrupting:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()  # type: ignore[attr-defined]

        def write(self, data: bytes) -> int:
            self.handle.write(data[:10])  # type: ignore[attr-defined]
            raise KeyboardInterrupt

    monkeypatch.setattr(output.os, "fdopen", lambda fd, mode: Interrupting(real_fdopen(fd, mode)))
    with pytest.raises(KeyboardInterrupt):
        atomic_write_all([(tmp_path / "a.json", "x" * 1000), (tmp_path / "b.json", "y")])
    assert files_in(tmp_path) == []


def _default_signals() -> None:
    """A shell without job control starts background jobs with SIGINT ignored, and a
    child inherits that; the run under test must see SIGINT as a terminal sends it."""
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.SIG_DFL)


@pytest.mark.parametrize(("signum", "code", "lang", "words"), [
    (signal.SIGINT, 130, "en", "policycheck: interrupted"),
    (signal.SIGTERM, 143, "en", "policycheck: stopped by SIGTERM"),
    (signal.SIGHUP, 129, "en", "policycheck: stopped by SIGHUP"),
    (signal.SIGINT, 130, "zh", "policycheck：已中断"),
    (signal.SIGTERM, 143, "zh", "policycheck：被 SIGTERM 信号停止"),
    (signal.SIGHUP, 129, "zh", "policycheck：被 SIGHUP 信号停止")])
def test_a_signal_during_output_leaves_no_temporary_file(tmp_path: Path, signum: int, code: int, lang: str,
                                                         words: str) -> None:
    """The HTML file is staged, then the run blocks writing a FIFO whose reader never reads;
    the signal comes while the temporary file exists.  What is said on stderr is in --lang."""
    fifo = tmp_path / "blocked"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader that never reads
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "policycheck", "check", str(LINHAI), "-a", str(LINHAI_CSV), "-q",
             "-o", f"html={tmp_path / 'r.html'}", "-o", f"html={fifo}", "--lang", lang],
            stderr=subprocess.PIPE, stdout=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)},
            preexec_fn=_default_signals)
        for _ in range(600):
            if any(name.endswith(".tmp") for name in os.listdir(tmp_path)):
                break
            time.sleep(0.05)
        assert any(name.endswith(".tmp") for name in os.listdir(tmp_path))
        process.send_signal(signum)
        stdout, stderr = process.communicate(timeout=60)
    finally:
        os.close(reader)
    assert (process.returncode, stdout, stderr.decode()) == (code, b"", words + "\n")
    assert files_in(tmp_path) == ["blocked"]


def test_atomic_write_refuses_a_device_in_the_api_too() -> None:
    with pytest.raises(OutputError, match="/dev/full: cannot write: a device other than"):
        atomic_write("/dev/full", "x")

