"""Colour on a terminal only, never with NO_COLOR, always with --color (docs/security.md)."""
from __future__ import annotations

import io

import pytest
from click.testing import CliRunner

from policycheck.cli import commands as cli
from policycheck.cli import options
from tests.helpers.paths import EXAMPLES_DIR, PLANS_DIR

ARGS = ["check", str(PLANS_DIR / "taicang-sti-2018-2020.yaml"), "-a", str(EXAMPLES_DIR / "taicang.csv"), "-f", "table"]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("no_color", "tty", "expected"), [
    (None, True, True), (None, False, False), ("1", True, False), ("", True, True)])
def test_colour_follows_the_terminal_and_no_color(monkeypatch: pytest.MonkeyPatch, no_color: str | None,
                                                  tty: bool, expected: bool) -> None:
    # NO_COLOR counts when set to a non-empty value (no-color.org).
    if no_color is None:
        monkeypatch.delenv("NO_COLOR", raising=False)
    else:
        monkeypatch.setenv("NO_COLOR", no_color)
    monkeypatch.setattr("sys.stdout", _Terminal() if tty else io.StringIO())
    assert options.use_color(None) is expected


@pytest.mark.parametrize("requested", [True, False])
def test_an_explicit_choice_wins_over_no_color(monkeypatch: pytest.MonkeyPatch, requested: bool) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    assert options.use_color(requested) is requested


def test_color_option_puts_ansi_escapes_in_the_table() -> None:
    coloured = CliRunner().invoke(cli.main, [*ARGS, "--color"], env={"NO_COLOR": "1"})
    plain = CliRunner().invoke(cli.main, [*ARGS, "--no-color"])
    assert coloured.exit_code == plain.exit_code == 1
    assert "\x1b[" in coloured.output
    assert "\x1b[" not in plain.output
