"""Acceptance tests of the Python API (README.md#python-api), written from the docs alone.

The README's snippet is run as given, from the repository root, the way a
script next to a clone would call it; its reports are the command line's.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import policycheck
from tests.helpers.acceptance import run_command

ROOT = Path(__file__).resolve().parents[2]
PLAN = "plans/linhai-315-2023-2027.yaml"
SOURCE = "plans/sources/linhai-315-2023-2027.txt"
CSV = "examples/linhai.csv"
FORMATS = ("table", "text", "markdown", "json", "csv", "html", "junit", "sarif", "github")


@pytest.fixture
def in_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the plan (with its source text, as a clone has it) and CSV in an empty
    folder that is also the working directory."""
    (tmp_path / "plans" / "sources").mkdir(parents=True)
    (tmp_path / "examples").mkdir()
    shutil.copy(ROOT / PLAN, tmp_path / PLAN)
    shutil.copy(ROOT / SOURCE, tmp_path / SOURCE)
    shutil.copy(ROOT / CSV, tmp_path / CSV)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_spec_snippet(in_copy: Path) -> None:
    plan = policycheck.load_plan("plans/linhai-315-2023-2027.yaml")
    actuals = policycheck.load_actuals([CSV], plans=[plan])
    report = policycheck.evaluate([plan], actuals, year=2025)
    text = policycheck.render(report, "markdown")
    assert isinstance(text, str)
    assert text.startswith("# ")
    assert plan.id == "linhai-315-2023-2027"
    assert len(report.results) >= len(plan.targets)


def test_load_plan_raises_plan_error_with_findings(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("policycheck: 1\nplan:\n  id: x\n  title: t\n  period: {start: 2023, end: 2027}\n"
                   "targets:\n  - id: a\n    id: b\n", encoding="utf-8")
    with pytest.raises(policycheck.PlanError) as caught:
        policycheck.load_plan(str(bad))
    findings = list(caught.value.findings)
    assert findings
    pc101 = [f for f in findings if f.rule == "PC101"]
    assert pc101, [f.rule for f in findings]
    assert (pc101[0].level, pc101[0].file, pc101[0].line, pc101[0].column) == ("error", str(bad), 8, 5)
    assert pc101[0].message


def test_plan_error_is_a_policycheck_exception_not_a_crash(tmp_path: Path) -> None:
    missing_targets = tmp_path / "p.yaml"
    missing_targets.write_text("policycheck: 1\nplan: {id: x, title: t, period: {start: 2023, end: 2027}}\n",
                               encoding="utf-8")
    with pytest.raises(policycheck.PlanError) as caught:
        policycheck.load_plan(str(missing_targets))
    assert [f.rule for f in caught.value.findings] == ["PC200"]


def test_evaluate_is_pure(in_copy: Path, capfd: pytest.CaptureFixture[str]) -> None:
    plan = policycheck.load_plan(PLAN)
    actuals = policycheck.load_actuals([CSV], plans=[plan])
    before = _snapshot(in_copy)
    capfd.readouterr()
    first = policycheck.evaluate([plan], actuals, year=2025)
    second = policycheck.evaluate([plan], actuals, year=2025)
    out, err = capfd.readouterr()
    assert (out, err) == ("", "")
    assert _snapshot(in_copy) == before
    assert first == second


@pytest.mark.parametrize("fmt", FORMATS)
def test_render_every_format_returns_text_without_io(in_copy: Path, fmt: str,
                                                     capfd: pytest.CaptureFixture[str]) -> None:
    plan = policycheck.load_plan(PLAN)
    report = policycheck.evaluate([plan], policycheck.load_actuals([CSV], plans=[plan]), year=2025)
    before = _snapshot(in_copy)
    capfd.readouterr()
    text = policycheck.render(report, fmt)
    assert isinstance(text, str) and text.strip()
    assert capfd.readouterr() == ("", "")
    assert _snapshot(in_copy) == before
    if fmt != "junit":
        assert policycheck.render(report, fmt) == text


def test_render_json_is_the_cli_report(in_copy: Path) -> None:
    plan = policycheck.load_plan(PLAN)
    report = policycheck.evaluate([plan], policycheck.load_actuals([CSV], plans=[plan]), year=2025)
    api = json.loads(policycheck.render(report, "json"))
    proc = run_command("check", PLAN, "-a", CSV, "--year", "2025", "-f", "json", cwd=in_copy)
    assert proc.returncode in (0, 1), proc.stderr
    assert api == json.loads(proc.stdout)
    assert {r["year"] for r in api["results"]} == {2025}
    assert [p["year"] for p in api["plans"]] == [2025]


def test_render_markdown_matches_the_cli(in_copy: Path) -> None:
    plan = policycheck.load_plan(PLAN)
    report = policycheck.evaluate([plan], policycheck.load_actuals([CSV], plans=[plan]), year=2025)
    proc = run_command("check", PLAN, "-a", CSV, "--year", "2025", "-f", "markdown", cwd=in_copy)
    assert policycheck.render(report, "markdown") == proc.stdout


def test_load_actuals_errors_do_not_crash(tmp_path: Path, in_copy: Path) -> None:
    plan = policycheck.load_plan(PLAN)
    bad = tmp_path / "bad.csv"
    bad.write_text("target,year\nrd-intensity,2025\n", encoding="utf-8")
    try:
        actuals = policycheck.load_actuals([str(bad)], plans=[plan])
    except policycheck.PolicycheckError as error:  # a library exception is fine
        assert "PC401" in str(error) or any(f.rule == "PC401" for f in getattr(error, "findings", ()))
    else:
        assert [f.rule for f in actuals.findings] == ["PC401"]
