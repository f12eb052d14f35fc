"""Reason sentences: one table, English for JSON, Chinese for people under --lang zh."""
from __future__ import annotations

import json
import re
import string

import jsonschema
import pytest

from policycheck.evaluation.reasons import (
    FALLBACK,
    REASONS,
    TERM_ARGS,
    TERMS,
    Reason,
    because,
    english,
    localised,
    reason_text,
)
from tests.helpers.paths import EXAMPLES_DIR, PLANS_DIR

EXAMPLES = {
    "linhai-315-2023-2027.yaml": "linhai.csv",
    "bengbu-sti-2023-2025.yaml": "bengbu.csv",
    "linyi-sti-2021-2025.yaml": "linyi.csv",
    "longgang-sti-2024.yaml": "longgang.csv",
    "taicang-sti-2018-2020.yaml": "taicang.csv",
    "zhejiang-sti-2024.yaml": "zhejiang.csv",
}


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("code", sorted(REASONS))
def test_every_code_has_both_languages_with_the_same_fields(code: str) -> None:
    assert set(REASONS[code]) == {"en", "zh"}
    assert _fields(REASONS[code]["en"]) == _fields(REASONS[code]["zh"])


def test_terms_cover_every_machine_word() -> None:
    assert set(TERMS["zh"]) == {"actual", "level", "rate", "linear", "cagr", "seasonal", "profile",
                                "year-to-date rate", FALLBACK}
    assert TERM_ARGS == ("what", "method", "schedule", "fallback")


def test_because_gives_the_english_sentence_and_the_text_arguments() -> None:
    reason = because("behind_below", method="linear", difference="0.06", expected="3.36")
    assert reason == Reason("behind_below", {"method": "linear", "difference": "0.06", "expected": "3.36"})
    assert reason.text == "behind the linear schedule: 0.06 below the expected 3.36"
    assert reason.result_fields() == {
        "reason": "behind the linear schedule: 0.06 below the expected 3.36",
        "reason_code": "behind_below",
        "reason_args": {"method": "linear", "difference": "0.06", "expected": "3.36"},
    }
    assert because("achieved", year=2024).args == {"year": "2024"}


def test_chinese_sentences_translate_machine_words() -> None:
    args = {"method": "linear", "difference": "0.06", "expected": "3.36"}
    assert localised("behind_below", args, "zh") == "落后于序时进度：比序时目标值3.36低0.06"
    assert localised("on_schedule", {"method": "cagr", "actual": "3.4", "expected": "3.37"}, "zh") == (
        "实际值3.4，序时目标值3.37（按年均增速进度衡量）")
    assert localised("no_data_last", {"what": "level", "year": "2025", "last_value": "7",
                                      "last_year": "2023"}, "zh") == "2025年缺少水平值（最近一次为2023年的7）"
    assert english("no_data", {"what": "rate", "year": "2025"}) == "no rate for 2025 and none before"


def test_reason_text_falls_back_to_the_stored_english() -> None:
    assert reason_text("stored", "", {}, "zh") == "stored"
    assert reason_text("stored", "achieved", {"year": "2024"}, "en") == "stored"
    assert reason_text("stored", "achieved", {"year": "2024"}, "zh") == "已于2024年完成"
    assert reason_text("stored", "no-such-code", {}, "zh") == "stored"
    assert reason_text("stored", "achieved", {}, "zh") == "stored"  # an argument is missing


def _example_reports() -> list[tuple[str, object]]:
    from policycheck.actuals.load import load_actuals
    from policycheck.evaluation.engine import evaluate
    from policycheck.plans.build import load_plan

    reports = []
    for plan_file, csv_file in EXAMPLES.items():
        plan = load_plan(str(PLANS_DIR / plan_file))
        actuals = load_actuals([str(EXAMPLES_DIR / csv_file)], plans=[plan])
        for year in range(plan.period_start - 1, plan.period_end + 2):
            for method in ("linear", "cagr"):
                reports.append((plan_file, evaluate([plan], actuals, year=year, method=method)))
    return reports


def test_every_example_result_has_a_code_that_rebuilds_its_reason() -> None:
    seen: set[str] = set()
    for _, report in _example_reports():
        for result in report.results:  # type: ignore[attr-defined]
            assert result.reason_code in REASONS, result
            assert english(result.reason_code, result.reason_args) == result.reason
            zh = localised(result.reason_code, result.reason_args, "zh")
            # Only quoted values (numbers, ids) may be Latin text in the Chinese sentence.
            rest = zh
            for value in result.reason_args.values():
                rest = rest.replace(value, "")
            assert not re.search(r"[A-Za-z]", rest), zh
            seen.add(result.reason_code)
    assert {"on_schedule", "behind_below", "year_met", "no_data_last", "final_met_early"} <= seen


def test_linhai_rd_intensity_reason_in_both_languages() -> None:
    from policycheck.actuals.load import load_actuals
    from policycheck.evaluation.engine import evaluate
    from policycheck.plans.build import load_plan

    plan = load_plan(str(PLANS_DIR / "linhai-315-2023-2027.yaml"))
    actuals = load_actuals([str(EXAMPLES_DIR / "linhai.csv")], plans=[plan])
    result = next(r for r in evaluate([plan], actuals, year=2025).results if r.target == "rd-intensity")
    assert result.reason == "on the linear schedule: actual 3.38, expected 3.37"
    assert result.reason_code == "on_schedule"
    assert dict(result.reason_args) == {"method": "linear", "actual": "3.38", "expected": "3.37"}
    assert reason_text(result.reason, result.reason_code, result.reason_args, "zh") == (
        "实际值3.38，序时目标值3.37（按序时进度衡量）")


def test_json_report_carries_code_and_arguments_and_fits_both_schemas() -> None:
    from policycheck.reporters import render
    from policycheck.schemas import load_schema

    _, report = _example_reports()[8]
    data = json.loads(render(report, "json"))  # type: ignore[arg-type]
    first = data["results"][0]
    assert list(first)[-4:] == ["reason_code", "reason_args", "source", "note"]
    assert isinstance(first["reason_args"], dict)
    jsonschema.Draft202012Validator(load_schema("report")).validate(data)
