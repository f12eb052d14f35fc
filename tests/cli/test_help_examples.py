"""Every command's --help ends with examples (diff's run as written), and shell completion works as
docs/configuration.md says."""
from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from policycheck.cli.commands import main
from tests.helpers.paths import EXAMPLES_DIR, PLANS_DIR, ROOT

COMMANDS = ("validate", "check", "units", "explain", "template", "diff", "schema")


@pytest.mark.parametrize("command", COMMANDS)
def test_help_ends_with_examples_of_the_command(command: str) -> None:
    result = CliRunner().invoke(main, [command, "--help"], terminal_width=100)
    assert result.exit_code == 0
    examples = result.stdout.split("\n  Examples:\n", 1)[1]
    lines = [line.strip() for line in examples.splitlines() if line.strip()]
    assert len(lines) >= 2 and all(line.startswith(f"policycheck {command}") for line in lines), lines


def test_the_examples_run_as_written_where_they_can() -> None:
    """A misspelt option in an example would mislead: every option shown is one the command has."""
    for command in COMMANDS:
        options = {o for p in main.commands[command].params for o in getattr(p, "opts", [])}
        options |= {o for p in main.commands[command].params for o in getattr(p, "secondary_opts", [])}
        text = CliRunner().invoke(main, [command, "--help"]).stdout.split("Examples:", 1)[1]
        for shown in re.findall(r"(?<=\s)(--?[a-z][a-z-]*)", text):
            assert shown in options, (command, shown)


def test_the_diff_examples_run_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """diff's examples need only two reports under the names they show: Taicang's 2018 and 2019."""
    monkeypatch.chdir(tmp_path)
    taicang = [str(PLANS_DIR / "taicang-sti-2018-2020.yaml"), "-a", str(EXAMPLES_DIR / "taicang.csv"), "-q"]
    for year, name in (("2018", "last-year.json"), ("2019", "this-year.json")):
        assert CliRunner().invoke(main, ["check", *taicang, "--year", year, "-o", f"json={name}"]).exit_code == 1
    text = CliRunner().invoke(main, ["diff", "--help"]).stdout.split("Examples:\n", 1)[1]
    lines = [line.split("#", 1)[0] for line in text.splitlines() if line.strip()]
    assert len(lines) == 3
    results = [CliRunner().invoke(main, shlex.split(line)[1:]) for line in lines]
    # five targets got worse from 2018 to 2019 (tests/cli/test_diff_command.py): exit 1 every time
    assert [r.exit_code for r in results] == [1, 1, 1]
    assert results[0].stdout.startswith("两次核查的变化: last-year.json (2018) → this-year.json (2019)\n")
    assert results[1].stdout.startswith("# policycheck diff\n\nlast-year.json (2018) → this-year.json (2019)\n")
    assert json.loads((tmp_path / "changes.json").read_text(encoding="utf-8"))["summary"] == {
        "status_changes": 11, "worse": 5, "better": 2, "actual_changes": 25, "superseded": 0, "findings": 0}
    assert results[2].stdout == ("policycheck diff: 11 status changes (5 worse, 2 better); 25 changed actuals; "
                                 "0 newly superseded rows; 0 new findings\n")


def test_the_main_help_names_the_configuration_and_completion() -> None:
    text = CliRunner().invoke(main, ["--help"], terminal_width=100).stdout
    assert "policycheck.toml" in text and "_POLICYCHECK_COMPLETE=bash_source policycheck" in text


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_scripts_are_generated_as_documented(shell: str) -> None:
    docs = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    assert f"_POLICYCHECK_COMPLETE={shell}_source policycheck" in docs
    result = CliRunner().invoke(main, [], prog_name="policycheck", env={"_POLICYCHECK_COMPLETE": f"{shell}_source"})
    assert result.exit_code == 0
    assert "_POLICYCHECK_COMPLETE" in result.output and "policycheck" in result.output


def test_completion_offers_the_commands_and_the_choices_of_an_option() -> None:
    def complete(words: str) -> list[str]:
        env = {"_POLICYCHECK_COMPLETE": "bash_complete", "COMP_WORDS": words, "COMP_CWORD": str(len(words.split()))}
        out = CliRunner().invoke(main, [], prog_name="policycheck", env=env).output
        return [line.split(",", 1)[1] for line in out.splitlines() if "," in line]

    assert {"check", "validate", "template"} <= set(complete("policycheck "))
    assert complete("policycheck check --fail-on ") == ["missed", "off-track", "at-risk", "no-data", "never"]
