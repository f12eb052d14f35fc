"""PC316-PC319 through ``validate`` and ``check``: a form that says the opposite of its kind or quote.

Each negative case is a plan mistake a statistician makes (docs/validation.md#pc316):
before these rules ``validate`` passed them and ``check`` gave the opposite verdict
(a rank of 3 against 进入前5名 written ``>=`` was 未达成; a rise in energy intensity
passed 比2020年下降13.5%).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from policycheck.cli.commands import main
from tests.helpers.paths import FIXTURES

NEGATIVE = FIXTURES / "plan_cases" / "negative"


@pytest.fixture(autouse=True)
def _no_github(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


def _invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.output


ERRORS = {
    "pc316-rank-at-least": "14:17: error [PC316] a rank is lower is better (1st is best), but the comparator is "
                           "'>=', which counts a worse place as met; write comparator '<=' (进入前5名 is <= 5)",
    "pc316-level-quoted-as-top": "14:17: error [PC316] the quote's 前５名 is a rank, lower is better, but the "
                                 "comparator is '>=' (kind level); write kind: rank with comparator '<='",
    "pc316-fall-written-as-rise": "15:33: error [PC316] the quote says 下降 but change is 13.5, a rise; a fall is "
                                  "negative: write change: -13.5",
    "pc316-percent-for-points": "15:40: error [PC316] the quote speaks of 百分点 (percentage points) but in is "
                                "percent, a share of the base year's value; write in: points",
    "pc316-doubling-at-most": "14:17: error [PC316] the quote says 翻一番, at least a multiple of the baseline, but "
                              "the comparator is '<='; write comparator '>='",
}
WARNINGS = {
    "pc317-lizheng-without-commitment": "17:12: warning [PC317] the quote says 力争 but no commitment is written, "
                                        "so the target counts as binding; write commitment: aspirational (or "
                                        "commitment: binding if the plan binds it)",
    "pc318-tolerance-as-points": "16:16: warning [PC318] a relative tolerance of 0.5 is ±50% of the target value; "
                                 "for a tolerance in the target's unit (points for a %) write tolerance: "
                                 "{absolute: 0.5}",
    "pc319-baseline-year-in-period": "6:18: warning [PC319] baseline_year 2021 is not before period.start 2021; "
                                     "the baseline is the year before the plan's first year: write "
                                     "baseline_year: 2020",
}


@pytest.mark.parametrize("case", sorted(ERRORS))
def test_contradicting_form_is_an_error_validate_exits_1(case: str) -> None:
    plan = NEGATIVE / case / "plan.yaml"
    assert _invoke("validate", "--lang", "en", str(plan)) == (1, f"{plan}:{ERRORS[case]}\n")


@pytest.mark.parametrize("case", sorted(WARNINGS))
def test_doubtful_form_is_a_warning_validate_exits_0(case: str) -> None:
    plan = NEGATIVE / case / "plan.yaml"
    code, out = _invoke("validate", "--lang", "en", str(plan))
    assert (code, out.splitlines()[0]) == (0, f"{plan}:{WARNINGS[case]}")
    assert _invoke("validate", "--lang", "en", "--strict", str(plan))[0] == 1


def test_messages_speak_chinese_by_default() -> None:
    plan = NEGATIVE / "pc316-fall-written-as-rise" / "plan.yaml"
    assert _invoke("validate", str(plan)) == (
        1, f"{plan}:15:33: error [PC316] 原文为“下降”，而 change: 13.5 表示增加；下降应写为负数：请写 change: -13.5\n")
    plan = NEGATIVE / "pc317-lizheng-without-commitment" / "plan.yaml"
    assert _invoke("validate", str(plan))[1].startswith(
        f"{plan}:17:12: warning [PC317] 原文为“力争”，但没有写 commitment，该指标会按约束性（binding）计；"
        "请写 commitment: aspirational")


def test_check_refuses_a_rank_written_at_least(tmp_path: Path) -> None:
    """Before PC316 this printed 未达成 for a 3rd place against 进入前5名."""
    actuals = tmp_path / "a.csv"
    actuals.write_text("target,year,value\nt1,2020,9\nt1,2025,3\n", encoding="utf-8")
    plan = NEGATIVE / "pc316-rank-at-least" / "plan.yaml"
    code, out = _invoke("check", "--lang", "en", str(plan), "-a", str(actuals), "--year", "2025")
    assert code == 2
    assert f"{plan}:{ERRORS['pc316-rank-at-least']}" in out
    assert "not met" not in out and "met" not in out.split("[PC316]")[0]


def _variant(tmp_path: Path, case: str, old: str, new: str) -> Path:
    text = (NEGATIVE / case / "plan.yaml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / f"{case}.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


@pytest.mark.parametrize(("case", "old", "new"), [
    ("pc316-rank-at-least", 'comparator: ">="', 'comparator: "<="'),
    ("pc316-level-quoted-as-top", 'kind: level\n    comparator: ">="', 'kind: rank\n    comparator: "<="'),
    ("pc316-fall-written-as-rise", "change: 13.5", "change: -13.5"),
    ("pc316-percent-for-points", "in: percent", "in: points"),
    ("pc316-doubling-at-most", 'comparator: "<="', 'comparator: ">="'),
    ("pc317-lizheng-without-commitment", "    quote:", "    commitment: aspirational\n    quote:"),
    ("pc317-lizheng-without-commitment", "    quote:", "    commitment: binding\n    quote:"),
    ("pc318-tolerance-as-points", "tolerance: 0.5", "tolerance: {absolute: 0.5}"),
    ("pc318-tolerance-as-points", "tolerance: 0.5", "tolerance: 0.29"),
    ("pc319-baseline-year-in-period", "baseline_year: 2021", "baseline_year: 2020"),
    # a quote with both a rise and a fall holds two targets' words: no finding
    ("pc316-fall-written-as-rise", "quote: 比2020年下降13.5%", "quote: 产值增长10%，能耗比2020年下降13.5%"),
    # 前10名 is not this target's number
    ("pc316-level-quoted-as-top", "进入全省前５名", "企业5家，进入全省前10名"),
])
def test_the_form_the_message_asks_for_is_clean(tmp_path: Path, case: str, old: str, new: str) -> None:
    plan = _variant(tmp_path, case, old, new)
    assert _invoke("validate", "--lang", "en", "--strict", str(plan)) == (
        0, "policycheck: 1 file checked, no problems found\n")


def test_corrected_fall_is_judged_against_the_fall(tmp_path: Path) -> None:
    """change: -13.5 from 0.5 asks for at most 0.4325: a rise to 0.56 is not met (with 13.5 it was met)."""
    plan = _variant(tmp_path, "pc316-fall-written-as-rise", "change: 13.5", "change: -13.5")
    actuals = tmp_path / "a.csv"
    actuals.write_text("target,year,value\nt1,2020,0.5\nt1,2025,0.56\n", encoding="utf-8")
    code, out = _invoke("check", "--lang", "en", str(plan), "-a", str(actuals), "--year", "2025", "-f", "json")
    assert code == 1
    result = json.loads(out)["results"][0]
    assert (result["target_value"], result["actual"], result["status"]) == (0.4325, 0.56, "missed")
