"""Reports from the command line are all-or-nothing: a failed run changes no existing report.

tests/test_output.py covers ``atomic_write`` itself; these tests drive the
real commands and look at the folder afterwards: old content kept, no
temporary file left.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from policycheck.cli.commands import main
from policycheck.cli.output import atomic_write_all
from policycheck.errors import OutputError
from tests.helpers.paths import EXAMPLES_DIR, PLANS_DIR

PLAN = PLANS_DIR / "linhai-315-2023-2027.yaml"
CSV = EXAMPLES_DIR / "linhai.csv"
OLD = "old report\n"


def _invoke(args: list[str]) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _reports(folder: Path) -> dict[str, str]:
    """Every file in ``folder`` (temporary files included) with its text."""
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())}


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    for name in ("r.json", "r.html", "r.csv"):
        (folder / name).write_text(OLD, encoding="utf-8")
    return folder


def test_invalid_csv_leaves_existing_reports_untouched(tmp_path: Path, out: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"target,year,value\nrd-intensity,2023,abc\n")
    exit_code, stdout, stderr = _invoke(["check", str(PLAN), "-a", str(bad), "-o", f"json={out / 'r.json'}",
                                         "-o", f"html={out / 'r.html'}", "-o", f"csv={out / 'r.csv'}"])
    assert (exit_code, stdout) == (2, "")
    assert stderr.startswith(f"{bad}:2:3: error [PC402] 'abc' is not a number")
    assert _reports(out) == {"r.csv": OLD, "r.html": OLD, "r.json": OLD}


def test_one_unwritable_output_leaves_the_other_reports_untouched(out: Path) -> None:
    """Before all files were staged first, r.json was replaced before /no/such/dir failed."""
    missing = out / "no-such-dir" / "r.html"
    exit_code, stdout, stderr = _invoke(["check", str(PLAN), "-a", str(CSV), "-f", "json",
                                         "-o", f"json={out / 'r.json'}", "-o", f"csv={out / 'r.csv'}",
                                         "-o", f"html={missing}"])
    assert (exit_code, stdout, stderr) == (2, "", f"{missing}: cannot write: No such file or directory\n")
    assert _reports(out) == {"r.csv": OLD, "r.html": OLD, "r.json": OLD}


def test_validate_outputs_are_all_or_nothing(out: Path) -> None:
    missing = out / "no-such-dir" / "v.sarif"
    exit_code, stdout, stderr = _invoke(["validate", str(PLAN), "-o", f"json={out / 'r.json'}",
                                         "-o", f"sarif={missing}"])
    assert (exit_code, stdout, stderr) == (2, "", f"{missing}: cannot write: No such file or directory\n")
    assert _reports(out) == {"r.csv": OLD, "r.html": OLD, "r.json": OLD}


def test_output_path_that_is_a_folder_leaves_no_temporary_file(out: Path) -> None:
    folder = out / "r-folder"
    folder.mkdir()
    exit_code, stdout, stderr = _invoke(["check", str(PLAN), "-a", str(CSV), "-q", "-o", f"json={out / 'r.json'}",
                                         "-o", f"json={folder}"])
    assert (exit_code, stdout, stderr) == (2, "", f"{folder}: cannot write: Is a directory\n")
    assert sorted(p.name for p in out.iterdir()) == ["r-folder", "r.csv", "r.html", "r.json"]
    assert list(folder.iterdir()) == []


def test_successful_run_replaces_every_report_and_leaves_no_temporary_file(out: Path) -> None:
    exit_code, _stdout, _stderr = _invoke(["check", str(PLAN), "-a", str(CSV), "-q", "--fail-on", "never",
                                           "-o", f"json={out / 'r.json'}", "-o", f"csv={out / 'r.csv'}"])
    assert exit_code == 0
    reports = _reports(out)
    assert sorted(reports) == ["r.csv", "r.html", "r.json"]
    assert reports["r.html"] == OLD
    assert reports["r.json"].startswith('{\n  "tool": {"name": "policycheck"')
    assert reports["r.csv"].startswith("\ufeffplan,target,")


def test_atomic_write_all_removes_staged_files_when_a_later_one_fails(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(OLD, encoding="utf-8")
    with pytest.raises(OutputError, match="cannot write: No such file or directory"):
        atomic_write_all([(tmp_path / "a.txt", "new"), (tmp_path / "b.txt", b"new"),
                          (tmp_path / "gone" / "c.txt", "new")])
    assert _reports(tmp_path) == {"a.txt": OLD}
