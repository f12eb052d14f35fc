"""Hostile and broken plan files: every one is a finding at FILE:LINE:COL, never a traceback.

Each case goes through the library (``check_plan_file``) and the real command
line (``validate`` gives exit 1 for error findings; ``check``, ``units``,
``explain`` and ``template`` give exit 2 for an unusable plan).
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from policycheck.cli.commands import main
from policycheck.plans.build import check_plan_file
from policycheck.plans.yamlload import MAX_BYTES
from tests.helpers.paths import EXAMPLES_DIR, PLANS_DIR

LINHAI_PLAN = PLANS_DIR / "linhai-315-2023-2027.yaml"
LINHAI_CSV = EXAMPLES_DIR / "linhai.csv"
#: The rd-intensity milestone of the Linhai plan, line 79 column 24 of the file.
MILESTONE = b"milestones: {2027: 3.6}"


def _linhai_with(tmp_path: Path, old: bytes, new: bytes, name: str = "plan.yaml") -> Path:
    raw = LINHAI_PLAN.read_bytes()
    assert raw.count(old) >= 1
    path = tmp_path / name
    path.write_bytes(raw.replace(old, new, 1))
    return path


def _errors(path: Path) -> list[tuple[str, int, int, str]]:
    return [(f.rule, f.line, f.column, f.message) for f in check_plan_file(str(path)).findings if f.is_error]


@pytest.mark.parametrize(("value", "words"), [
    (b".nan", "is not a number (.nan)"),
    (b".inf", "is infinite"),
    (b"-.inf", "is infinite"),
    (b"1" + b"0" * 400, "is a whole number too large for any statistic"),
])
def test_non_finite_milestone_is_pc200_at_the_value(tmp_path: Path, value: bytes, words: str) -> None:
    path = _linhai_with(tmp_path, MILESTONE, b"milestones: {2027: " + value + b"}")
    assert _errors(path) == [("PC200", 79, 24, f"targets[2].milestones.2027 {words}; it must be a finite number")]


def test_non_finite_plan_gives_exit_2_for_every_command(tmp_path: Path) -> None:
    """Before the fix a 400-digit integer crashed the model build with OverflowError."""
    path = _linhai_with(tmp_path, MILESTONE, b"milestones: {2027: 1" + b"0" * 400 + b"}")
    message = (f"{path}:79:24: error [PC200] targets[2].milestones.2027 is a whole number too large "
               "for any statistic; it must be a finite number\n")
    runner = CliRunner()
    for args in (["check", str(path), "-a", str(LINHAI_CSV)], ["units", str(path), "-a", str(LINHAI_CSV)],
                 ["explain", str(path), "rd-intensity", "-a", str(LINHAI_CSV)], ["template", str(path)]):
        result = runner.invoke(main, [*args, "--lang", "en"], catch_exceptions=False)
        assert (result.exit_code, result.stderr) == (2, message), args
        assert result.stdout == ""
    result = runner.invoke(main, ["validate", "--lang", "en", str(path)], catch_exceptions=False)
    assert (result.exit_code, result.stdout) == (1, message)


def test_nan_in_assessment_thresholds_is_pc200(tmp_path: Path) -> None:
    path = _linhai_with(tmp_path, b"baseline_year: 2022\n", b"baseline_year: 2022\nassessment: {on_track: .nan}\n")
    assert _errors(path) == [
        ("PC200", 22, 24, "assessment.on_track is not a number (.nan); it must be a finite number")]


def test_size_limit_holds_when_the_reported_size_lies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A pipe or /dev/zero reports size 0; the reader must still stop after 10 MiB."""
    path = tmp_path / "grows.yaml"
    path.write_bytes(b"# " + b"x" * MAX_BYTES + b"\n")
    real_fstat = os.fstat

    def zero_size(fd: int) -> os.stat_result:  # what /proc files and growing files report
        info = real_fstat(fd)
        return os.stat_result((info.st_mode, *info[1:6], 0, *info[7:10]))

    monkeypatch.setattr("policycheck.inputs.os.fstat", zero_size)
    assert _errors(path) == [("PC102", 0, 0, "file is over 10 MiB; plan files are limited to 10 MiB")]


def test_file_over_10_mib_is_pc102_without_parsing(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"policycheck: 1\n# " + b"x" * (MAX_BYTES + 1024 * 1024) + b"\n")
    assert _errors(path) == [("PC102", 0, 0, "file is 11.0 MiB; plan files are limited to 10 MiB")]
