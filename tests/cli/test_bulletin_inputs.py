"""The 通报's inputs and outputs on main's hardened paths: read once and bounded, -o docx checked as every -o."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from policycheck.cli.commands import main
from tests.helpers.paths import EXAMPLES_DIR, PLANS_DIR

TAICANG = str(PLANS_DIR / "taicang-sti-2018-2020.yaml")
ACTUALS = str(EXAMPLES_DIR / "taicang.csv")
NOTES = EXAMPLES_DIR / "taicang-notes.csv"


def test_explanations_from_standard_input_are_read_once() -> None:
    result = CliRunner().invoke(main, ["check", TAICANG, "-a", ACTUALS, "--notes", "-", "--require-explanations",
                                       "-q", "--lang", "en"], input=NOTES.read_bytes())
    assert (result.exit_code, result.stderr) == (0, "")


def test_an_explanations_file_over_max_bytes_is_pc600(tmp_path: Path) -> None:
    big = tmp_path / "notes.csv"
    big.write_bytes(NOTES.read_bytes() * 40)  # 40 copies: over the limit below, the plan and CSV under it
    limit = str(len(NOTES.read_bytes()) * 20)
    result = CliRunner().invoke(main, ["check", TAICANG, "-a", ACTUALS, "--notes", str(big), "--max-bytes", limit,
                                       "-q", "--lang", "en"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{big}: error [PC600] cannot read the explanations file: the file is ")
    assert "raise the limit with --max-bytes" in result.stderr


def test_a_previous_report_over_max_bytes_stops_the_run(tmp_path: Path) -> None:
    last = tmp_path / "2018.json"
    CliRunner().invoke(main, ["check", TAICANG, "-a", ACTUALS, "--year", "2018", "-q", "-o", f"json={last}"])
    limit = str(last.stat().st_size - 1)
    result = CliRunner().invoke(main, ["check", TAICANG, "-a", ACTUALS, "--compare", str(last), "--max-bytes", limit,
                                       "-q", "--lang", "en"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{last}: cannot read the report: the file is ")


def test_docx_to_a_folder_is_refused_before_any_work(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["check", TAICANG, "-a", ACTUALS, "-q", "-o", f"docx={tmp_path}",
                                       "--lang", "en"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert list(tmp_path.iterdir()) == []
