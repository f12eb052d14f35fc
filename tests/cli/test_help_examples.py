"""Every command's --help ends with examples, and shell completion works as docs/configuration.md says."""
from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from policycheck.cli.commands import main
from tests.helpers.paths import ROOT

COMMANDS = ("validate", "check", "units", "explain", "template", "schema")


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
