"""Shared helpers of the second round of hardening tests (docs/security.md).

``invoke`` runs the command line in this process (click's runner); ``run``
runs it as a real process, optionally under ``resource`` limits (CPU seconds
and address space), so a test bounds time and memory without timing anything.
``assert_clean`` is the promise every case checks: no traceback, and no line a
CI runner would read as a workflow command or a terminal as an escape sequence.
"""
from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from click.testing import CliRunner

from policycheck.cli.commands import main

ROOT = Path(__file__).resolve().parents[2]
PLANS = ROOT / "plans"
EXAMPLES = ROOT / "examples"
TAICANG = PLANS / "taicang-sti-2018-2020.yaml"
TAICANG_CSV = EXAMPLES / "taicang.csv"
LINHAI = PLANS / "linhai-315-2023-2027.yaml"
LINHAI_CSV = EXAMPLES / "linhai.csv"
GIB = 1024**3
#: A line whose first non-blank characters make it a GitHub Actions workflow command.
COMMAND_LINE = re.compile(r"^\s*(::|##\[)", re.MULTILINE)
#: The lines -f github writes itself.
OWN_ANNOTATION = re.compile(r"::(error|warning|notice) file=[^\n:]*(,line=\d+(,col=\d+)?)?,title=[^\n:]*::[^\n]*")


#: The commands that take --lang: the cases assert the English messages (Chinese is the default).
_LANG_COMMANDS = frozenset({"check", "units", "explain", "validate", "template"})


def in_english(args: Sequence[object]) -> list[str]:
    """``args`` with ``--lang en`` after the command, unless a language is given."""
    words = [str(a) for a in args]
    if words and words[0] in _LANG_COMMANDS and "--lang" not in words:
        return [words[0], "--lang", "en", *words[1:]]
    return words


def invoke(args: Sequence[object], *, input: str | bytes | None = None,
           env: Mapping[str, str] | None = None) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of the command line run in this process, in English."""
    result = CliRunner().invoke(main, in_english(args), input=input, env=dict(env or {}),
                                catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def limits(cpu_seconds: int, memory: int) -> Callable[[], None]:
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds))
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    return apply


def run(args: Sequence[str | Path], *, cwd: Path | None = None, stdin: int | None = subprocess.DEVNULL,
        input: bytes | None = None, env: Mapping[str, str] | None = None, cpu_seconds: int = 60,
        memory: int = 2 * GIB, shell_prefix: str | None = None) -> subprocess.CompletedProcess[bytes]:
    """``python -m policycheck ARGS`` as a real process under CPU and address-space limits.

    A run past its CPU limit is killed by SIGXCPU and one past its memory limit
    fails to allocate: either way the test sees it, with no clock involved.
    ``shell_prefix`` runs the command through bash instead (for ``<(...)`` and
    ``>&-``), with the arguments already quoted in it.
    """
    environ = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "NO_COLOR", "GITHUB_ACTIONS")}
    environ.update(env or {})
    environ["PYTHONPATH"] = str(ROOT)
    command: list[str] | str = [sys.executable, "-m", "policycheck", *in_english(args)]
    if shell_prefix is not None:
        command = ["bash", "-c", shell_prefix.replace("POLICYCHECK", f"{sys.executable} -m policycheck")]
    return subprocess.run(command, cwd=cwd, stdin=None if input is not None else stdin, input=input,
                          capture_output=True, env=environ, preexec_fn=limits(cpu_seconds, memory),
                          timeout=600, check=False)


def assert_clean(*texts: str, github: bool = False, machine: bool = False) -> None:
    """No traceback, no escape sequence, and no line a CI runner would take as a command
    (``github``: except the annotations -f github writes itself).  ``machine`` (JSON,
    SARIF) keeps plan text verbatim, bidi controls included: JSON escapes ESC as \u001b."""
    for text in texts:
        assert "Traceback" not in text
        assert "\x1b" not in text and (machine or "\u202e" not in text)
        for match in COMMAND_LINE.finditer(text):
            line = text[match.start():].split("\n", 1)[0].strip()
            assert github and OWN_ANNOTATION.fullmatch(line), f"a line reads as a workflow command: {line!r}"


def files_in(folder: Path) -> list[str]:
    """The names in ``folder``, temporary files included."""
    return sorted(p.name for p in folder.iterdir())
