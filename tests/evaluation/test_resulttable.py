"""A run's results as columns (policycheck/evaluation/resulttable.py): each Result built when read,
the same Results, summary and unit view as results built one by one."""
from __future__ import annotations

import pytest

from policycheck.evaluation.engine import evaluate, evaluate_target, summarize
from policycheck.evaluation.finite import out_of_range_findings
from policycheck.evaluation.options import EvaluationOptions, resolve_settings
from policycheck.evaluation.resulttable import ResultTable
from policycheck.evaluation.unitview import UnitView, build_unit_view
from policycheck.model import Plan, Scope
from policycheck.observations import Actuals
from tests.helpers.evaluation_inputs import actuals, plan, target


def _inputs() -> tuple[Plan, Actuals]:
    t1 = target("t1", milestones=((2025, 3.5), (2027, 3.6)), responsible=("jxj", "kjj"))
    area = target("area", milestones=((2027, 1.0),), responsible=("kjj",), scope=Scope(units=("a", "b")))
    data = actuals({("t1", None): {2022: 3.0, 2025: 3.3},
                    ("area", "a"): {2022: 0.4, 2025: 0.5}, ("area", "b"): {2022: 0.5, 2025: 1.2}})
    return plan(t1, area), data


def test_the_table_holds_the_results_built_one_by_one() -> None:
    the_plan, data = _inputs()
    report = evaluate([the_plan], data)
    settings = resolve_settings(the_plan, EvaluationOptions())
    one_by_one = tuple(r for t in the_plan.targets for r in evaluate_target(the_plan, t, data, 2025, settings))
    table = report.results
    assert isinstance(table, ResultTable)
    assert len(table) == 3
    assert [r.unit for r in table.stream()] == [None, "a", "b"]  # streamed before anything is built
    assert table.summary() == summarize(one_by_one)
    assert table == one_by_one and one_by_one == table
    assert table[1:] == one_by_one[1:] and isinstance(table[1:], tuple)
    assert table[-1] is table[2]  # built once, then the same objects
    assert table.summary() == summarize(one_by_one)
    assert [r.status for r in table] == ["missed", "off_track", "met"]
    assert table[0].reason == "milestone ≥3.5 for 2025 not reached: actual 3.3"
    assert table[0].reason_code == "milestone_missed"
    with pytest.raises(IndexError):
        table[3]


def test_the_unit_view_reads_rows_without_building_results() -> None:
    the_plan, data = _inputs()
    report = evaluate([the_plan], data)
    table = report.results
    assert isinstance(table, ResultTable)
    runs = list(table.runs())  # the view reads each target's units, statuses and gaps as columns
    assert [(run.plan, run.target, run.lead, tuple(run.units), tuple(run.statuses)) for run in runs] == [
        ("p", "t1", "jxj", (None,), ("missed",)), ("p", "area", "kjj", ("a", "b"), ("off_track", "met"))]
    assert build_unit_view([the_plan], runs) == report.units
    # once built, the table is its Results, and the view reads those, one run each
    table.built()
    assert build_unit_view([the_plan], table.runs()) == report.units
    assert len(list(table.runs())) == 3


def test_nothing_is_appended_after_a_result_is_read() -> None:
    the_plan, data = _inputs()
    table = evaluate([the_plan], data).results
    assert isinstance(table, ResultTable)
    first = table[0]
    with pytest.raises(ValueError, match="before any is read"):
        table.append(table._bases[0] if table._bases else None, None, 2025, None, False)  # type: ignore[arg-type]
    assert table[0] is first


def test_out_of_range_findings_read_the_rows_and_build_only_the_results_out_of_range() -> None:
    total = target("total", kind="cumulative", unit="项", milestones=((2027, 10000.0),))
    area = target("area", milestones=((2027, 1.0),), responsible=("kjj",), scope=Scope(units=("a", "b")))
    data = actuals({("total", None): {2023: 1.7e308, 2024: 1.7e308},
                    ("area", "a"): {2023: 0.4, 2024: 0.5}, ("area", "b"): {2023: 0.5, 2024: 1.2}})
    table = evaluate([plan(total, area)], data).results
    assert isinstance(table, ResultTable)
    from_rows = out_of_range_findings(table, data)
    assert table._built is None  # no Result kept
    assert [(f.rule, f.message) for f in from_rows] == [(f.rule, f.message) for f in
                                                       out_of_range_findings(tuple(table), data)]
    assert [f.rule for f in from_rows] == ["PC402"]  # at the 2024 cell of the sum out of range


def test_the_unit_view_is_built_when_first_read() -> None:
    """check -q reads only the summary: the per-unit view waits until a reporter reads it."""
    the_plan, data = _inputs()
    report = evaluate([the_plan], data)
    assert isinstance(report.units, UnitView) and report.units._built is None
    assert report.summary.results == 3 and report.units._built is None
    expected = build_unit_view([the_plan], report.results.runs())  # type: ignore[attr-defined]
    assert report.units == expected and report.units._built == expected
    assert tuple(report.units) == expected and report.units[0] == expected[0] and len(report.units) == len(expected)


def test_statuses_and_reason_codes_are_read_without_building_results() -> None:
    the_plan, data = _inputs()
    table = evaluate([the_plan], data).results
    assert isinstance(table, ResultTable)
    pairs = list(table.status_reasons())
    assert pairs == [("missed", "milestone_missed"), ("off_track", "behind_below"), ("met", "final_met_early")]
    assert list(table.with_reason("behind_below")) == [table.one(1)] and table._built is None
    assert list(table.with_reason("out_of_range")) == []
    table.built()
    assert list(table.status_reasons()) == pairs
    assert [r.unit for r in table.with_reason("final_met_early")] == ["b"]


def test_the_summary_line_counts_from_the_columns_as_from_the_results() -> None:
    """A pending result for want of a baseline counts as 缺少基期 (no_baseline) either way."""
    from dataclasses import replace

    from policycheck.reporters.common import display_counts

    t1, area = _inputs()[0].targets
    unbased = target("gdp", milestones=((2027, 5.0),))  # no value in the base year 2022
    data = actuals({("t1", None): {2022: 3.0, 2025: 3.3}, ("gdp", None): {2025: 4.0},
                    ("area", "a"): {2022: 0.4, 2025: 0.5}, ("area", "b"): {2022: 0.5, 2025: 1.2}})
    report = evaluate([plan(t1, area, unbased)], data)
    counts = display_counts(report)
    assert counts == {"missed": 1, "off_track": 1, "met": 1, "no_baseline": 1}
    assert display_counts(replace(report, results=tuple(report.results))) == counts
