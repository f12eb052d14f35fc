"""A cagr card whose rate compounds past the float range is drawn as bars, never a traceback."""
from __future__ import annotations

from policycheck.evaluation.engine import evaluate
from policycheck.reporters import RenderOptions, render
from tests.helpers.evaluation_inputs import actuals, plan, target


def test_a_projection_past_the_float_range_gives_bars() -> None:
    # The fuzz test's case: a level of 1e-89 grown to 1e65 in a year is an average rate of ~1e156 %,
    # and two more years of it overflow.
    report = evaluate([plan(target("g", kind="cagr", milestones=((2027, 0.0),)), start=2023, end=2027,
                            baseline_year=2022)],
                      actuals({("g", None): {2022: 9.569092872792585e-90, 2023: 1.2830055930218561e+65}}))
    page = render(report, "html", RenderOptions(lang="en"))
    assert "<svg" in page
