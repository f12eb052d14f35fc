"""policycheck.check() takes the year-end 通报 options of the command line and gives the same report."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import policycheck
from policycheck.cli.commands import main
from policycheck.errors import InputError, PolicycheckError
from policycheck.model import Report
from policycheck.reporters import RenderOptions, render
from tests.helpers.paths import EXAMPLES_DIR, PLANS_DIR

PLAN = str(PLANS_DIR / "taicang-sti-2018-2020.yaml")
CSV = str(EXAMPLES_DIR / "taicang.csv")
NOTES = str(EXAMPLES_DIR / "taicang-notes.csv")


def _cli_json(*args: str) -> dict[str, object]:
    result = CliRunner().invoke(main, ["check", PLAN, "-a", CSV, "-f", "json", "--lang", "en", *args])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def _api_json(report: Report) -> dict[str, object]:
    return json.loads(render(report, "json", RenderOptions()))


def test_years_gives_the_report_of_check_years() -> None:
    report = policycheck.check([PLAN], [CSV], years="2018-2019")
    assert report.plans[0].year == 2019
    rd = next(r for r in report.results if r.target == "rd-intensity")
    assert rd.trend is not None and rd.trend.label == "persistent_shortfall"
    assert [(e.year, e.status, e.actual) for e in rd.trend.years] == [(2018, "at_risk", 2.75), (2019, "at_risk", 2.95)]
    assert _api_json(policycheck.check([PLAN], [CSV], years=(2018, 2019)))["results"] == \
        _cli_json("--years", "2018-2019")["results"]


def test_notes_and_require_explanations_as_on_the_command_line() -> None:
    bare = policycheck.check([PLAN], [CSV], require_explanations=True)
    assert [(f.rule, f.line) for f in bare.findings if f.rule == "PC606"] == [
        ("PC606", 63), ("PC606", 113), ("PC606", 312)]
    explained = policycheck.check([PLAN], [CSV], notes=[NOTES], require_explanations=True)
    assert not [f for f in explained.findings if f.rule == "PC606"]
    hnte = next(r for r in explained.results if r.target == "hnte-new-annual")
    assert hnte.explanation is not None and hnte.explanation.line == 6
    assert _api_json(explained) == _cli_json("--notes", NOTES, "--require-explanations")


def test_compare_with_a_previous_report(tmp_path: Path) -> None:
    last = tmp_path / "2018.json"
    last.write_text(render(policycheck.check([PLAN], [CSV], year=2018), "json", RenderOptions()), encoding="utf-8")
    report = policycheck.check([PLAN], [CSV], compare=str(last))
    labels = {r.target: r.trend.label for r in report.results if r.trend is not None}
    assert labels["rd-intensity"] == "persistent_shortfall"
    assert labels["institutes-total"] == "unchanged"
    assert len(labels) == 30


def test_options_that_cannot_go_together_and_a_bad_notes_file(tmp_path: Path) -> None:
    with pytest.raises(PolicycheckError, match="years cannot be given with year"):
        policycheck.check([PLAN], [CSV], years="2018-2019", year=2019)
    with pytest.raises(PolicycheckError, match="--compare and --years"):
        policycheck.check([PLAN], [CSV], years=(2018, 2019), compare="x.json")
    bad = tmp_path / "bad.csv"
    bad.write_text("指标,年份,原因\nno-such-target,2019,x\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        policycheck.check([PLAN], [CSV], notes=[str(bad)])
    assert [(f.rule, f.line, f.column) for f in raised.value.findings] == [("PC602", 2, 1)]
