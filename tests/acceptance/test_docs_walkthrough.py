"""The outputs pasted into docs/walkthrough.md are what the commands print today.

Every ``$ policycheck ...`` line of a console block without a pipe, redirect
or output file is run, and its output must match the lines below it up to the
next ``$`` line.
"""
from __future__ import annotations

import re
import shlex

import pytest
from click.testing import CliRunner

from policycheck.cli.commands import main
from tests.helpers.paths import ROOT

DOC = ROOT / "docs" / "walkthrough.md"
BLOCK = re.compile(r"```console\n(.*?)```", re.S)


def _commands() -> list[tuple[str, str]]:
    found = []
    for block in BLOCK.findall(DOC.read_text(encoding="utf-8")):
        lines = block.split("\n")
        for index, line in enumerate(lines):
            if not line.startswith("$ policycheck ") or any(c in line for c in "|>") or " -o " in line:
                continue
            output = []
            for following in lines[index + 1:]:
                if following.startswith("$"):
                    break
                output.append(following)
            found.append((line[2:], "\n".join(output).rstrip()))
    return found


def test_the_walkthrough_shows_commands_with_output() -> None:
    assert len(_commands()) >= 5


@pytest.mark.parametrize(("command", "expected"), _commands(), ids=[c for c, _ in _commands()])
def test_walkthrough_output_is_real(monkeypatch: pytest.MonkeyPatch, command: str, expected: str) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, shlex.split(command)[1:])
    assert result.stdout.rstrip() == expected
