"""Helpers for the acceptance tests: small plans and CSV files, and CLI runs.

The acceptance tests exercise policycheck from the outside, by the names its
docs give, so these helpers only write input files and run the command line
(through click's CliRunner; a real subprocess only where the process itself
is what is tested).
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from policycheck.cli.commands import main

# One line per target: the plan header below is 8 lines long, so the first
# target's "- id" is on line 9 (column 5 is the "id" key after "  - ").
PLAN_HEAD = """\
policycheck: 1
plan:
  id: t-plan
  title: 测试规划
  period: {start: 2023, end: 2027}
units:
  kjj: {name: 市科技局}
targets:
"""

RD_TARGET = """\
  - id: rd
    name: 研发强度
    unit: "%"
    kind: level
    milestones: {2027: 3.6}
    responsible: [kjj]
    quote: 全社会研发投入强度达到3.6%
"""

FINDING_LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<level>error|warning) \[(?P<rule>PC\d{3})\] ")


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``path`` byte for byte (no newline translation)."""
    path.write_bytes(text.encode(encoding))
    return path


def plan_file(tmp: Path, targets: str = RD_TARGET, head: str = PLAN_HEAD, name: str = "plan.yaml") -> Path:
    """A plan made of the standard head and the given target entries."""
    return write(tmp / name, head + targets)


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    """Run the CLI in-process; return exit code, stdout and stderr."""
    result = CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@dataclass(frozen=True)
class Ran:
    """A finished command: exit code, stdout and stderr (as text)."""

    returncode: int
    stdout: str
    stderr: str


def run_command(*args: str, cwd: Path | None = None) -> Ran:
    """The command in-process, in ``cwd``: as a process would end, but a traceback fails the test itself.

    click's runner gives the command the arguments, a non-terminal stdout and
    the exit code a real process has; only a handful of tests need the real
    one (:func:`run_process`).
    """
    here = os.getcwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    finally:
        os.chdir(here)
    return Ran(result.exit_code, result.stdout, result.stderr)


def run_process(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m policycheck`` in a real process."""
    return subprocess.run(
        [sys.executable, "-m", "policycheck", *args],
        capture_output=True, text=True, encoding="utf-8", cwd=cwd, timeout=120, check=False,
    )


def check_json(*args: str) -> tuple[int, dict[str, Any]]:
    """``check ... -f json``: exit code and the parsed report."""
    code, out, err = run("check", *args, "-f", "json")
    assert out, err
    return code, json.loads(out)


def result_of(report: dict[str, Any], target: str, unit: str | None = None) -> dict[str, Any]:
    """The one result of ``target`` (and ``unit``) in a JSON report."""
    found = [r for r in report["results"] if r["target"] == target and r["unit"] == unit]
    assert len(found) == 1, report["results"]
    return found[0]


def validate_findings(*paths: str, extra: tuple[str, ...] = ()) -> tuple[int, list[tuple[str, str, int, int]]]:
    """``validate -f json``: exit code and (rule, level, line, column) of every finding."""
    code, out, err = run("validate", *paths, *extra, "-f", "json")
    assert out, err
    data = json.loads(out)
    return code, [(f["rule"], f["level"], f["line"], f["column"]) for f in data["findings"]]


def findings_with_messages(*paths: str, extra: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """``validate -f json``: the full findings."""
    _, out, err = run("validate", *paths, *extra, "-f", "json")
    assert out, err
    return list(json.loads(out)["findings"])
