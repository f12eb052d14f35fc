"""The Taicang samples in docs/reports.md are the tool's real output."""
from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from policycheck.cli.commands import main
from tests.helpers.paths import ROOT

DOC = ROOT / "docs" / "reports.md"
SAMPLE = re.compile(r"<!-- sample: (?P<args>[^>]*) -->\n(?P<fence>`{3,4})\w*\n(?P<body>.*?)(?P=fence)\n", re.S)


def _samples() -> list[tuple[str, str]]:
    return [(m["args"], m["body"]) for m in SAMPLE.finditer(DOC.read_text(encoding="utf-8"))]


def test_both_samples_are_there() -> None:
    assert [args for args, _ in _samples()] == ["-f table --no-color", "-f markdown"]


@pytest.mark.parametrize(("args", "body"), _samples(), ids=[args for args, _ in _samples()])
def test_sample_is_what_check_prints(monkeypatch: pytest.MonkeyPatch, args: str, body: str) -> None:
    monkeypatch.setenv("COLUMNS", "150")
    monkeypatch.chdir(ROOT)  # the file names in the output are the ones given, relative
    result = CliRunner().invoke(main, ["check", "plans/taicang-sti-2018-2020.yaml",
                                       "-a", "examples/taicang.csv", *args.split()])
    assert result.exit_code == 1  # three binding targets fail: missed, regressing, off track
    assert result.output == body
