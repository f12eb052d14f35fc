"""CI formats speak the report's language and list the plans' warnings too."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from policycheck.cli.commands import main
from tests.helpers.paths import EXAMPLES_DIR, PLANS_DIR

LINHAI = [str(PLANS_DIR / "linhai-315-2023-2027.yaml"), "-a", str(EXAMPLES_DIR / "linhai.csv")]
# rd-personnel-per-10k is off_track in 2025 (examples/README.md): 151 against an expected 161.


def _run(*args: str) -> str:
    result = CliRunner().invoke(main, ["check", *LINHAI, *args])
    assert result.exit_code == 1, result.output
    return result.stdout


@pytest.mark.parametrize(("lang", "expected"), [("zh", "落后于序时进度：比序时目标值161低10"),
                                                ("en", "behind the linear schedule: 10 below the expected 161")])
def test_github_sarif_and_junit_reasons_follow_lang(lang: str, expected: str) -> None:
    github = [line for line in _run("-f", "github", "--lang", lang).splitlines() if "rd-personnel-per-10k" in line]
    assert len(github) == 1 and github[0].endswith(expected)
    sarif = json.loads(_run("-f", "sarif", "--lang", lang))
    messages = [r["message"]["text"] for r in sarif["runs"][0]["results"] if r["ruleId"] == "status/off_track"]
    assert any(m.endswith(expected) for m in messages)
    assert f": {expected}" in _run("-f", "junit", "--lang", lang)


def test_plan_warnings_are_findings_of_the_report(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("policycheck: 1\nplan:\n  id: warn-demo\n  title: 示例规划\n  period: {start: 2023, end: 2025}\n"
                    "targets:\n  - id: rd\n    name: 研发投入强度\n    unit: \"%\"\n    kind: level\n"
                    "    milestones: {2025: 3.0}\n", encoding="utf-8")
    data = tmp_path / "actuals.csv"
    data.write_text("target,year,value\nrd,2022,2.0\nrd,2024,2.5\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(plan), "-a", str(data), "-f", "json"])
    findings = json.loads(result.stdout)["findings"]
    assert [(f["rule"], f["level"], f["file"], f["line"], f["column"]) for f in findings] == [
        ("PC309", "warning", str(plan), 7, 5)]
