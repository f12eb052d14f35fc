"""No result carries inf or NaN (docs/evaluation.md#numbers-out-of-range), worked out by hand."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from policycheck.cli import main
from policycheck.evaluation.engine import evaluate
from policycheck.evaluation.options import EvaluationOptions
from policycheck.model import Baseline
from policycheck.reporters import render
from tests.helpers.evaluation_inputs import actuals, one, plan, target
from tests.helpers.paths import EXAMPLES_DIR, PLANS_DIR


def test_a_sum_beyond_the_float_range_is_no_data_out_of_range() -> None:
    # 1.7e308 + 1.7e308 is infinite: the actual the status rests on is gone.
    total = target("total", kind="cumulative", unit="项", milestones=((2027, 10000.0),))
    r = one(total, {2023: 1.7e308, 2024: 1.7e308}, 2024)
    assert r.status == "no_data"
    assert r.reason_code == "out_of_range"
    assert r.reason == ("a computed value (actual) is beyond the range of numbers: check the plan and the "
                        "actuals for extreme values")
    assert r.actual is None and r.gap is None and r.attainment is None
    assert r.baseline == Baseline(2022, 0.0) and r.target_value == 10000.0  # the finite facts stay


def test_a_descriptive_number_beyond_the_range_becomes_null_and_the_status_stands() -> None:
    # 1 against a final target of 1e-311 is met; the attainment 1 / 1e-311 would be infinite.
    t = target("rd", milestones=((2027, 1e-311),))
    r = one(t, {2023: 1.0}, 2023)
    assert (r.status, r.reason_code, r.actual) == ("met", "final_met_early", 1.0)
    assert r.attainment is None


def test_a_cagr_path_that_compounds_past_the_range_is_left_out() -> None:
    # 1e300 % a year from 100: the path overflows, the status comes from the rate itself.
    t = target("g", kind="cagr", milestones=((2027, 1e300),), baseline=Baseline(2022, 100.0))
    r = one(t, {2024: 200.0}, 2024)
    assert (r.status, r.reason_code) == ("off_track", "growth_pace")
    assert r.path == () and r.expected_level is None
    json.loads(render(evaluate([plan(t)], actuals({("g", None): {2024: 200.0}}), year=2024), "json"))


def test_a_negative_level_is_blamed_not_the_positive_baseline() -> None:
    t = target("g", kind="cagr", milestones=((2027, 5.0),), baseline=Baseline(2022, 100.0))
    r = one(t, {2024: -5.0}, 2024)
    assert (r.status, r.reason) == ("pending", "the 2024 level -5 is negative: no average growth")


def test_evaluate_names_what_it_expects() -> None:
    t = target("g")
    with pytest.raises(TypeError, match=r"^plans must be a list of Plan objects; wrap one plan as \[plan\]$"):
        evaluate(plan(t), actuals({}))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="^actuals must be an Actuals object \\(from load_actuals\\), not dict$"):
        evaluate([plan(t)], {})  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [float("inf"), float("nan"), -0.5, True])
def test_a_threshold_must_be_a_finite_ratio(value: float) -> None:
    with pytest.raises(ValueError, match=f"^at_risk must be a finite ratio of at least 0 such as 0.95, not {value!r}$"):
        EvaluationOptions(at_risk=value)


@pytest.mark.parametrize("value", ["inf", "nan"])
def test_the_command_line_refuses_a_threshold_that_is_not_finite(value: str) -> None:
    result = CliRunner().invoke(main, ["check", str(PLANS_DIR / "taicang-sti-2018-2020.yaml"),
                                       "-a", str(EXAMPLES_DIR / "taicang.csv"), "--lang", "en", "--on-track", value])
    assert result.exit_code == 2
    assert f"Invalid value for '--on-track': {value} is not a finite ratio; give one such as 0.95" in result.output
