"""Every command and option has help text, and every command and format is documented."""
from __future__ import annotations

import re
from collections.abc import Iterator

import click
import pytest

from policycheck.cli.commands import main
from policycheck.reporters import REPORTER_BY_NAME
from tests.helpers.paths import ROOT


def walk(command: click.Command, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    """Every command of the tree with its path from the top (``("check",)``)."""
    yield path, command
    if isinstance(command, click.Group):
        for name, sub in sorted(command.commands.items()):
            yield from walk(sub, path + (name,))


COMMANDS = list(walk(main))
SUBCOMMANDS = [path[-1] for path, _ in COMMANDS if path]


def docs_text() -> str:
    files = [ROOT / "README.md", *sorted((ROOT / "docs").glob("**/*.md"))]
    return "\n".join(f.read_text(encoding="utf-8") for f in files if f.is_file())


@pytest.mark.parametrize("path,command", COMMANDS, ids=[" ".join(p) or "main" for p, _ in COMMANDS])
def test_command_and_options_have_help(path: tuple[str, ...], command: click.Command) -> None:
    assert (command.help or "").strip(), f"command {' '.join(path) or 'main'} has no help text"
    for param in command.params:
        if isinstance(param, click.Option):
            assert (param.help or "").strip(), f"{' '.join(path)} {param.opts[0]} has no help text"


def test_commands_exist() -> None:
    assert {"validate", "check", "units", "explain", "template", "schema"} <= set(SUBCOMMANDS)


@pytest.mark.parametrize("name", SUBCOMMANDS)
def test_command_documented(name: str) -> None:
    assert re.search(rf"policycheck {re.escape(name)}\b", docs_text()), \
        f"`policycheck {name}` is not mentioned in README.md or docs/"


@pytest.mark.parametrize("fmt", sorted(REPORTER_BY_NAME))
def test_format_documented(fmt: str) -> None:
    assert re.search(rf"`{re.escape(fmt)}`", docs_text()), f"format `{fmt}` is not mentioned in README.md or docs/"
