"""Hostile and broken actuals CSV files: findings at FILE:LINE:COL, exit 2 for check, never a traceback.

Nothing may vanish silently: a ragged row, an unclosed quote or a cell of
megabytes is always a finding that names the file and the line.
"""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from policycheck.actuals.load import read_actuals
from policycheck.cli.commands import main
from policycheck.plans.build import load_plan
from tests.helpers.paths import PLANS_DIR

LINHAI_PLAN = PLANS_DIR / "linhai-315-2023-2027.yaml"
HEADER = b"target,year,value,note\n"


def _findings(path: Path) -> list[tuple[str, int, int, str]]:
    actuals = read_actuals([str(path)], plans=[load_plan(str(LINHAI_PLAN))])
    return [(f.rule, f.line, f.column, f.message) for f in actuals.findings]


def _check(path: Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["check", str(LINHAI_PLAN), "-a", str(path), "-f", "json"],
                                catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_unclosed_quote_does_not_swallow_the_rows_after_it(tmp_path: Path) -> None:
    """Without strict quoting, rows 3 and 4 became part of the note of row 2 and exit was 0."""
    path = tmp_path / "a.csv"
    path.write_bytes(HEADER + b'rd-intensity,2022,3,"oops\nrd-intensity,2023,3.1,\nrd-intensity,2024,3.2,\n')
    message = ('cannot read the CSV (utf-8): a quoted cell is never closed: its opening " runs to the end '
               "of the file; close the quote or remove it")
    assert _findings(path) == [("PC400", 4, 0, message)]
    assert _check(path) == (2, "", f"{path}:4: error [PC400] {message}\n")


def test_text_after_a_closing_quote_is_a_finding_not_glued_together(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(HEADER + b'rd-intensity,2022,3,\nrd-intensity,2023,"3"1,\n')
    message = ('cannot read the CSV (utf-8): text follows the closing " of a quoted cell; quote the whole '
               'cell and write a " inside it as ""')
    assert _findings(path) == [("PC400", 3, 0, message)]
    exit_code, stdout, stderr = _check(path)
    assert (exit_code, stdout, stderr) == (2, "", f"{path}:3: error [PC400] {message}\n")
