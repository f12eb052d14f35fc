"""One rule for the language of every command: --lang, else lang in the configuration file, else zh."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from policycheck.cli.commands import main
from tests.helpers.county import county_plan

DUPLICATE_EN = "duplicate key 'unit' (first at line 13); remove one of them"
DUPLICATE_ZH = "键 'unit' 重复（首次出现在第 13 行）；删除其中一个"


@pytest.fixture(autouse=True)
def _no_github(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


def _broken(tmp_path: Path) -> Path:
    return county_plan(tmp_path, 'unit: "%"\n    kind: level', 'unit: "%"\n    kind: level\n    unit: "%"')


def _csv(tmp_path: Path) -> Path:
    data = tmp_path / "a.csv"
    data.write_text("target,year,value\nrd-intensty,2024,3.1\n", encoding="utf-8")
    return data


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_validate_speaks_chinese_by_default_and_english_with_lang_en(tmp_path: Path) -> None:
    plan = _broken(tmp_path)
    assert _run("validate", str(plan)) == (1, f"{plan}:15:5: error [PC101] {DUPLICATE_ZH}\n", "")
    assert _run("validate", "--lang", "en", str(plan)) == (1, f"{plan}:15:5: error [PC101] {DUPLICATE_EN}\n", "")


@pytest.mark.parametrize("command", ["check", "units", "explain"])
def test_check_units_and_explain_follow_the_same_rule(tmp_path: Path, command: str) -> None:
    plan = county_plan(tmp_path)
    data = _csv(tmp_path)
    extra = ["rd-intensity"] if command == "explain" else []
    zh = _run(command, str(plan), *extra, "-a", str(data))
    en = _run(command, str(plan), *extra, "-a", str(data), "--lang", "en")
    assert (zh[0], en[0]) == (2, 2)
    assert zh[2] == f"{data}:2:1: error [PC403] 未知的指标 'rd-intensty'（是否应为 'rd-intensity'？）\n"
    assert en[2] == f"{data}:2:1: error [PC403] unknown target 'rd-intensty' (did you mean 'rd-intensity'?)\n"


def test_template_follows_it_too(tmp_path: Path) -> None:
    plan = county_plan(tmp_path)
    assert _run("template", str(plan))[1].startswith("规划,指标,指标名称")
    assert _run("template", str(plan), "--lang", "en")[1].startswith("plan,target,name")


def test_warnings_on_stderr_and_findings_in_reports_follow_the_language(tmp_path: Path) -> None:
    plan = county_plan(tmp_path, "    quote: 2025年建成科创园区\n", "")
    data = tmp_path / "a.csv"
    data.write_text("target,year,value\nrd-intensity,2024,3.1\n", encoding="utf-8")
    code, out, err = _run("check", str(plan), "-a", str(data), "-f", "markdown", "--fail-on", "never")
    assert code == 0
    assert "warning [PC309] 指标 'park' 没有 quote；请用 quote: 写出规划原文，以便追溯" in err
    assert "| 指标 'park' 没有 quote；请用 quote: 写出规划原文，以便追溯 |" in out
    code, out, err = _run("check", str(plan), "-a", str(data), "-f", "markdown", "--fail-on", "never",
                          "--lang", "en")
    assert "warning [PC309] target 'park' has no quote" in err and "| target 'park' has no quote" in out


def test_machine_formats_keep_english_messages_and_the_same_fingerprints(tmp_path: Path) -> None:
    """JSON messages are English in every language (scripts read rule ids, not words); SARIF
    fingerprints do not change with the language, so code-scanning alerts stay put."""
    plan = _broken(tmp_path)
    zh_json = json.loads(_run("validate", "-f", "json", str(plan))[1])
    en_json = json.loads(_run("validate", "--lang", "en", "-f", "json", str(plan))[1])
    assert zh_json == en_json and zh_json["findings"][0]["message"] == DUPLICATE_EN
    zh_sarif = json.loads(_run("validate", "-f", "sarif", str(plan))[1])["runs"][0]["results"][0]
    en_sarif = json.loads(_run("validate", "--lang", "en", "-f", "sarif", str(plan))[1])["runs"][0]["results"][0]
    assert (zh_sarif["message"]["text"], en_sarif["message"]["text"]) == (DUPLICATE_ZH, DUPLICATE_EN)
    assert zh_sarif["partialFingerprints"] == en_sarif["partialFingerprints"]
    github = _run("validate", "-f", "github", str(plan))[1]
    assert github == f"::error file={plan},line=15,col=5,title=PC101::{DUPLICATE_ZH}\n"


def test_the_configuration_file_sets_the_language_of_every_command(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    plan = _broken(tmp_path)
    good = county_plan(tmp_path, name="good.yaml")
    data = _csv(tmp_path)
    (tmp_path / "policycheck.toml").write_text('lang = "en"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert _run("validate", str(plan))[1] == f"{plan}:15:5: error [PC101] {DUPLICATE_EN}\n"
    assert "unknown target 'rd-intensty'" in _run("check", str(good), "-a", str(data))[2]
    assert _run("validate", "--lang", "zh", str(plan))[1] == f"{plan}:15:5: error [PC101] {DUPLICATE_ZH}\n"
