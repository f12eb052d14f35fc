"""Values a hair's breadth from zero or from the target (found by tests/test_fuzz.py):
progress and growth are undefined rather than infinite, and every format still renders."""
from __future__ import annotations

import json

from evalkit import actuals, plan, target
from policycheck.evaluation.engine import evaluate
from policycheck.evaluation.schedule import average_growth, growth_rate, progress
from policycheck.reporters import REPORT_FORMATS, RenderOptions, render
from policycheck.reporters.html.chart import nice_step


def test_quotients_that_would_overflow_are_none() -> None:
    assert progress(1.0, 5e-324, 0.0) is None
    assert progress(0.5, 0.0, 1.0) == 0.5
    assert growth_rate(1.0, 5e-324) is None
    assert growth_rate(110.0, 100.0) == 10.000000000000009
    assert average_growth(1.0, 5e-324, 1) is None
    assert average_growth(121.0, 100.0, 2) == 10.000000000000009


def test_a_span_of_denormals_gets_a_unit_step() -> None:
    assert nice_step(5e-324) == 1.0
    assert nice_step(3.6) == 0.5


def test_such_a_report_renders_in_every_format() -> None:
    report = evaluate([plan(target("t", milestones=((2025, 0.0),)),
                            target("g", kind="growth", value=0.0))],
                      actuals({("t", None): {2022: 5e-324, 2025: 1.0}, ("g", None): {2024: 5e-324, 2025: 1.0}}))
    level, growth = report.results
    assert level.progress is None
    assert (growth.actual, growth.status) == (None, "no_data")
    for fmt in REPORT_FORMATS:
        assert isinstance(render(report, fmt, RenderOptions(lang="en")), str)  # github: nothing to annotate
    assert json.loads(render(report, "json"))["results"][0]["progress"] is None


def test_a_number_past_the_largest_float_is_written_as_null() -> None:
    # A cagr target of 1000 % a year from a baseline of 1e306: the compound path overflows.
    report = evaluate([plan(target("c", kind="cagr", milestones=((2025, 1000.0),)))],
                      actuals({("c", None): {2022: 1e306, 2025: 1e306}}))
    assert any(v == float("inf") for _, v in report.results[0].path)
    data = json.loads(render(report, "json"))
    assert None in [v for _, v in data["results"][0]["path"]]
    assert data["results"][0]["target_value"] == 1000.0


def test_a_compound_path_past_the_largest_float_does_not_crash() -> None:
    report = evaluate([plan(target("c", kind="cagr", milestones=((2025, 1e300),)))],
                      actuals({("c", None): {2022: 5e-324, 2024: 5e-324, 2025: 5e-324}}))
    result = report.results[0]
    assert result.path[-1] == (2025, float("inf"))
    assert json.loads(render(report, "json"))["results"][0]["expected_level"] is None
    assert "<svg" in render(report, "html")
