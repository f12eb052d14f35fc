"""What a command imports, seen in a fresh interpreter (docs/performance.md#start-up).

Start-up time is measured by bench/run.py; these tests pin the behaviour that
keeps it short: ``--version`` is answered before click and the commands are
imported, and a plain check of a valid plan imports none of the libraries that
only some runs need.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from policycheck.cli.commands import main
from tests.helpers.paths import EXAMPLES_DIR, FIXTURES, PLANS_DIR, ROOT

#: Libraries only some runs need: schema errors to explain, rich tables, HTML, workbooks, other table formats.
HEAVY = ("jsonschema", "referencing", "tabulate", "wcwidth", "rich", "jinja2", "python_calamine", "xlsxwriter",
         "docx", "pyarrow")
_RUN = """
import atexit, json, sys
sys.argv = ["policycheck", *json.loads(sys.argv[1])]

def _modules():
    with open({out!r}, "w") as handle:
        json.dump(sorted(sys.modules), handle)

atexit.register(_modules)  # what the run imported, written as the process ends
from policycheck.cli import run
run()
"""


def _run(tmp_path: Path, *args: str) -> tuple[int, list[str], str]:
    """Exit code, the modules loaded and stdout of one command in a fresh interpreter."""
    out = tmp_path / "modules.json"
    done = subprocess.run([sys.executable, "-c", _RUN.format(out=str(out)), json.dumps(list(args))],
                          capture_output=True, text=True, cwd=ROOT, check=False)
    assert out.exists(), done.stderr
    return done.returncode, json.loads(out.read_text(encoding="utf-8")), done.stdout


def _heavy(modules: list[str]) -> list[str]:
    return [m for m in modules if m.split(".")[0] in HEAVY]


def test_version_is_answered_before_click_is_imported(tmp_path: Path) -> None:
    code, modules, out = _run(tmp_path, "--version")
    assert code == 0
    assert out == CliRunner().invoke(main, ["--version"]).output == "policycheck, version " + _version() + "\n"
    assert "click" not in modules
    assert not [m for m in modules if m.startswith("policycheck.") and m not in (
        "policycheck.cli", "policycheck.version")], modules


def test_python_m_and_the_short_option_answer_the_same() -> None:
    done = subprocess.run([sys.executable, "-m", "policycheck", "-V"], capture_output=True, text=True, cwd=ROOT,
                          check=True)
    assert done.stdout == f"policycheck, version {_version()}\n"


def test_version_with_other_words_still_goes_to_click(tmp_path: Path) -> None:
    code, modules, out = _run(tmp_path, "--version", "--help")
    assert "click" in modules
    assert (code, out) == (0, f"policycheck, version {_version()}\n")  # click's eager option wins
    code, modules, out = _run(tmp_path, "--no-such-option", "--version")
    assert (code, out) == (2, "")  # and click's usage error


#: Standard modules only some runs need: a configuration file, a report file, the schema from importlib.
#: (difflib is not here: click imports it while parsing any short option such as -a.)
ON_DEMAND = ("tomllib", "tempfile", "shutil", "importlib.resources")


def test_a_small_check_imports_no_heavy_library(tmp_path: Path) -> None:
    code, modules, out = _run(tmp_path, "check", str(PLANS_DIR / "taicang-sti-2018-2020.yaml"),
                              "-a", str(EXAMPLES_DIR / "taicang.csv"))
    assert code in (0, 1)
    assert "研发" in out  # the text tables were written
    assert _heavy(modules) == []
    assert [m for m in ON_DEMAND if m in modules] == []
    assert [m for m in NOT_FOR_A_PLAIN_CHECK if m in modules] == []


#: Our own modules a check without --notes, --compare or --years never uses (docs/performance.md#start-up):
#: the explanations file's row reader and the 通报 model (named only in annotations of policycheck.model).
NOT_FOR_A_PLAIN_CHECK = ("policycheck.actuals.notes_rows", "policycheck.bulletin_model")


#: Modules that a check writing no file, given no --years, in a folder without a configuration never uses
#: (the repository's pyproject.toml has no [tool.policycheck] table).
NOT_FOR_A_QUIET_CHECK = ("policycheck.cli.output", "policycheck.actuals.template", "policycheck.cli.config")


def test_a_quiet_check_imports_no_file_writer(tmp_path: Path) -> None:
    code, modules, out = _run(tmp_path, "check", "-q", str(PLANS_DIR / "taicang-sti-2018-2020.yaml"),
                              "-a", str(EXAMPLES_DIR / "taicang.csv"))
    assert (code, out.startswith("policycheck: ")) == (1, True)
    assert [m for m in NOT_FOR_A_QUIET_CHECK if m in modules] == []
    code, modules, out = _run(tmp_path, "check", "-q", str(PLANS_DIR / "taicang-sti-2018-2020.yaml"),
                              "-a", str(EXAMPLES_DIR / "taicang.csv"), "-o", f"csv={tmp_path / 'r.csv'}")
    assert code == 1 and (tmp_path / "r.csv").exists()
    assert "policycheck.cli.output" in modules


def test_json_output_imports_no_heavy_library(tmp_path: Path) -> None:
    code, modules, out = _run(tmp_path, "check", str(PLANS_DIR / "taicang-sti-2018-2020.yaml"),
                              "-a", str(EXAMPLES_DIR / "taicang.csv"), "-f", "json")
    assert json.loads(out)["results"]
    assert _heavy(modules) == []


def test_a_plan_with_schema_errors_is_explained_by_jsonschema(tmp_path: Path) -> None:
    plan = FIXTURES / "plan_cases" / "negative" / "pc200-unknown-key" / "plan.yaml"
    code, modules, out = _run(tmp_path, "validate", str(plan))
    assert code == 1
    assert "[PC200]" in out
    assert "jsonschema" in modules


def test_another_table_format_imports_tabulate(tmp_path: Path) -> None:
    code, modules, out = _run(tmp_path, "check", str(PLANS_DIR / "taicang-sti-2018-2020.yaml"),
                              "-a", str(EXAMPLES_DIR / "taicang.csv"), "--tablefmt", "github")
    assert "| " in out
    assert "tabulate" in modules


def _version() -> str:
    from policycheck.version import __version__

    return __version__


def test_version_to_a_full_stdout_is_one_message_and_exit_2() -> None:
    full = Path("/dev/full")
    if not full.exists():
        import pytest

        pytest.skip("no /dev/full here")
    with full.open("w") as stdout:
        done = subprocess.run([sys.executable, "-m", "policycheck", "--version"], stdout=stdout,
                              stderr=subprocess.PIPE, text=True, cwd=ROOT, check=False)
    assert done.returncode == 2
    assert done.stderr == "stdout: cannot write the version: No space left on device\n"


#: A program that runs policycheck as its entry point does, with an object that says when it is torn down.
_TEARDOWN = """
import sys
class Sentinel:
    def __del__(self):
        sys.stderr.write("torn down\\n")
sentinel = Sentinel()
sys.argv = ["policycheck", *sys.argv[1:]]
from policycheck.cli import run
run()
"""


def _entry(*args: str, before: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", before + _TEARDOWN, *args], capture_output=True, text=True,
                          cwd=ROOT, check=False)


def test_a_finished_run_exits_without_tearing_the_interpreter_down() -> None:
    """Every output is written and the exit code given, but the objects are not freed one by one."""
    plan, actuals = str(PLANS_DIR / "taicang-sti-2018-2020.yaml"), str(EXAMPLES_DIR / "taicang.csv")
    done = _entry("check", "-q", plan, "-a", actuals)
    assert (done.returncode, done.stderr) == (1, "")
    assert done.stdout == CliRunner().invoke(main, ["check", "-q", plan, "-a", actuals]).output
    done = _entry("check", plan, "-a", actuals, "-f", "json")
    assert (done.returncode, len(json.loads(done.stdout)["results"])) == (1, 30)
    done = _entry("validate", str(PLANS_DIR))
    assert (done.returncode, done.stderr) == (0, "")
    done = _entry("check", "-q", str(FIXTURES / "plan_cases" / "negative" / "pc200-unknown-key" / "plan.yaml"),
                  "-a", actuals)
    assert done.returncode == 2 and "[PC200]" in done.stderr and "torn down" not in done.stderr


def test_the_normal_exit_when_something_is_still_due_at_exit() -> None:
    """An atexit callback (a library's clean-up), another thread or a profiler: the interpreter exits
    as it always did, tearing down, with the same output and exit code."""
    plan, actuals = str(PLANS_DIR / "taicang-sti-2018-2020.yaml"), str(EXAMPLES_DIR / "taicang.csv")
    quick = _entry("check", "-q", plan, "-a", actuals)
    due = {
        "atexit": "import atexit\natexit.register(lambda: sys.stderr.write('clean-up\\n'))\n",
        "thread": "import threading\nthreading.Thread(target=threading.Event().wait, daemon=True).start()\n",
        "profiler": "import cProfile\ncProfile.Profile().enable()\n",
    }
    for name, before in due.items():
        done = _entry("check", "-q", plan, "-a", actuals, before="import sys\n" + before)
        assert (done.returncode, done.stdout) == (quick.returncode, quick.stdout), name
        assert done.stderr.endswith("torn down\n"), name
        assert done.stderr.startswith("clean-up") == (name == "atexit"), name


#: A check run as the entry point runs it, noting where the program was each time the collector ran.
_COLLECTIONS = """
import gc, json, sys
where = []

def _seen(phase, info):
    if phase != "start":
        return
    frame, stack = sys._getframe(1), []
    while frame is not None:
        stack.append((frame.f_code.co_filename.replace("\\\\", "/"), frame.f_code.co_name))
        frame = frame.f_back
    where.append(stack)

gc.callbacks.append(_seen)
sys.argv = ["policycheck", *json.loads(sys.argv[1])]

def _report():
    gc.callbacks.remove(_seen)
    sys.stderr.write(json.dumps(where))

import atexit
atexit.register(_report)  # (with an atexit callback, the normal exit)
from policycheck.cli import run
run()
"""


def test_the_collector_does_not_run_while_a_check_imports_and_reads() -> None:
    """The objects made while click and the commands are imported, and while the loaders and the engine are
    imported and run, live to the end: the collector is paused there (docs/performance.md#start-up)."""
    plan, actuals = str(PLANS_DIR / "taicang-sti-2018-2020.yaml"), str(EXAMPLES_DIR / "taicang.csv")
    done = subprocess.run([sys.executable, "-c", _COLLECTIONS, json.dumps(["check", "-q", plan, "-a", actuals])],
                          capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.returncode == 1 and done.stdout.startswith("policycheck: ")
    stacks = json.loads(done.stderr)
    paused = [(file, name) for stack in stacks for file, name in stack
              if (file.endswith("policycheck/cli/commands.py") and name == "<module>")
              or (file.endswith("policycheck/service.py") and name == "run_check")]
    assert paused == []
    assert len(stacks) < 20  # the collections left: the interpreter's start-up, click's parsing, the report
