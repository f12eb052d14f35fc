"""A target's series found at once in a dense block give what a look-up each gives
(docs/performance.md#the-batch-path): the same series objects, the same value columns,
and the same report; any other case (units in another order, a unit without a series,
a series a later file turned into rows) is looked up unit by unit.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from policycheck.actuals.dense import DenseRun, DenseSeries
from policycheck.actuals.fastcsv import pyarrow_installed
from policycheck.actuals.load import read_actuals
from policycheck.actuals.store import SeriesView
from policycheck.evaluation import engine
from policycheck.evaluation.engine import evaluate, result_units
from policycheck.model import Plan
from policycheck.observations import Actuals, Observation, ObservationSeries
from policycheck.plans.build import load_plan
from policycheck.reporters.json_text import report_json
from tests.helpers.national import national_data

READERS = ["exact", pytest.param("fast", marks=pytest.mark.skipif(not pyarrow_installed(), reason="no pyarrow"))]
PLAN_ID = "bench-national-57"


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> tuple[Plan, Path]:
    """The generated national plan and actuals at a small scale: 57 counties, 50 targets, 8 years."""
    plan, actuals = national_data(tmp_path_factory.mktemp("national"))
    return load_plan(str(plan)), actuals


def looked_up(actuals: Actuals, target_id: str, units: list[str | None]) -> list[Any]:
    return [actuals.series.get((PLAN_ID, target_id, unit)) for unit in units]


def plain_columns(series: list[Any], years: tuple[int, ...]) -> list[list[float]] | None:
    return DenseSeries.plain_columns(series, years)


def units_of(plan: Plan, actuals: Actuals, target_id: str) -> list[str | None]:
    return list(result_units(plan, next(t for t in plan.targets if t.id == target_id), actuals))


@pytest.mark.parametrize("reader", READERS)
def test_every_target_of_a_national_store_is_found_at_once(national: tuple[Plan, Path], reader: str) -> None:
    plan, path = national
    actuals = read_actuals([str(path)], plans=[plan], reader=reader)
    for target in plan.targets:
        units = units_of(plan, actuals, target.id)
        assert len(units) == 57
        found = actuals.target_series(PLAN_ID, target.id, units)
        assert type(found) is DenseRun  # the run, not a look-up each
        each = looked_up(actuals, target.id, units)
        assert len(found) == 57 and all(a is b for a, b in zip(found, each, strict=True))
        for years in ((2025, 2018), (2023,), (2018, 2025)):
            columns = plain_columns(found, years)
            assert columns is not None
            assert columns == plain_columns(each, years)  # the look-up path's columns (neighbours found one by one)
            assert columns == [[s.plain()[1][year - 2018] for s in each] for year in years]
        assert DenseSeries.plain_each(found) == [s.plain() for s in each]
    # the first ten units of a target: a run too, of ten series
    units = units_of(plan, actuals, "t07")[:10]
    found = actuals.target_series(PLAN_ID, "t07", units)
    assert type(found) is DenseRun and list(found) == looked_up(actuals, "t07", units)
    assert plain_columns(found, (2024,)) == [[s.value(2024) for s in found]]


@pytest.mark.parametrize("reader", READERS)
def test_units_in_another_order_or_without_a_series_are_looked_up_one_by_one(
        national: tuple[Plan, Path], reader: str) -> None:
    plan, path = national
    actuals = read_actuals([str(path)], plans=[plan], reader=reader)
    units = units_of(plan, actuals, "t03")
    cases: list[list[str | None]] = [
        units[::-1],  # another order
        units[1:2] + units[:1] + units[2:],  # two neighbours swapped
        units[:20] + ["c9999"] + units[20:],  # a unit missing from the file, in the middle
        units + ["c9999"],  # and at the end: the block's next series are another target's
        units[:-1] + units[-1:] * 2,  # a unit twice
    ]
    for wanted in cases:
        found = actuals.target_series(PLAN_ID, "t03", wanted)
        each = looked_up(actuals, "t03", wanted)
        assert type(found) is list and len(found) == len(each)
        assert all(a is b for a, b in zip(found, each, strict=True))
        assert plain_columns(found, (2025, 2018)) is None  # not neighbours in that order: series by series
        if "c9999" in wanted:
            assert found[wanted.index("c9999")] is None
        else:
            assert DenseSeries.plain_each(found) == [s.plain() for s in each]  # type: ignore[arg-type]
    # units of one target asked under another's id: the block holds (t03, unit), not (t04, unit)
    assert DenseSeries.target_run(actuals.series[(PLAN_ID, "t03", units[0])], PLAN_ID, "t04",  # type: ignore[arg-type]
                                  units) is None


@pytest.mark.parametrize("reader", READERS)
def test_a_target_a_second_file_adds_rows_to_is_looked_up_one_by_one(
        national: tuple[Plan, Path], reader: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A later file's row joins one series of t05: that series becomes rows of the table
    (Resolver._series_view -> DenseSeries.to_rows), so t05's run is not used; t06's still is."""
    plan, path = national
    later = tmp_path / "later.csv"
    later.write_text("target,unit,year,value,status\nt05,c0009,2026,77.5,final\n", encoding="utf-8")
    actuals = read_actuals([str(path), str(later)], plans=[plan], reader=reader)
    assert not [f for f in actuals.findings if f.level == "error"]
    units = units_of(plan, actuals, "t05")
    moved = actuals.series[(PLAN_ID, "t05", "c0009")]
    assert isinstance(moved, SeriesView) and moved.value(2026) == 77.5 and len(moved) == 9
    found = actuals.target_series(PLAN_ID, "t05", units)
    assert type(found) is list and all(a is b for a, b in zip(found, looked_up(actuals, "t05", units), strict=True))
    assert found[units.index("c0009")] is moved
    assert plain_columns(found, (2025, 2018)) is None  # not neighbours in one block any more
    # a run that starts before the moved series, or at it, is not used either
    start = units.index("c0009")
    assert type(actuals.target_series(PLAN_ID, "t05", units[:start + 1])) is list
    assert type(actuals.target_series(PLAN_ID, "t05", units[start:])) is list
    assert type(actuals.target_series(PLAN_ID, "t05", units[:start])) is DenseRun  # the series before it
    assert type(actuals.target_series(PLAN_ID, "t06", units_of(plan, actuals, "t06"))) is DenseRun
    # and the batch path judges t05 as the exact rules do, the moved series with its 2026 row
    monkeypatch.setattr(engine, "_BATCH_FROM", 1)
    batch = evaluate([plan], actuals, year=2025)
    monkeypatch.setattr(engine, "_BATCH", False)
    exact = evaluate([plan], actuals, year=2025)
    written = report_json(batch)
    assert written == report_json(exact)
    assert written == report_json(replace(batch, results=tuple(batch.results.stream())))


@pytest.mark.parametrize("reader", READERS)
def test_a_target_whose_units_two_files_give_is_looked_up_one_by_one(
        national: tuple[Plan, Path], reader: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """t01's first 30 counties in one file, the rest of the data in another: two blocks, each
    a run of part of t01's units, and t01 as a whole is looked up unit by unit."""
    plan, path = national
    header, *rows = path.read_text(encoding="utf-8").splitlines(keepends=True)
    first, rest = tmp_path / "first.csv", tmp_path / "rest.csv"
    first.write_text(header + "".join(rows[:30 * 8]), encoding="utf-8")
    rest.write_text(header + "".join(rows[30 * 8:]), encoding="utf-8")
    actuals = read_actuals([str(first), str(rest)], plans=[plan], reader=reader)
    assert actuals.findings == []
    units = units_of(plan, actuals, "t01")
    each = looked_up(actuals, "t01", units)
    assert all(isinstance(s, DenseSeries) for s in each)
    assert each[0].block is not each[-1].block
    found = actuals.target_series(PLAN_ID, "t01", units)
    assert type(found) is list and all(a is b for a, b in zip(found, each, strict=True))
    assert plain_columns(found, (2025, 2018)) is None
    assert DenseSeries.plain_each(found) == [s.plain() for s in each]  # type: ignore[arg-type]
    for part in (units[:30], units[30:]):  # each file's part of t01: a run of its block
        run = actuals.target_series(PLAN_ID, "t01", part)
        assert type(run) is DenseRun and list(run) == looked_up(actuals, "t01", part)
        assert plain_columns(run, (2025,)) == [[s.value(2025) for s in run]]
    monkeypatch.setattr(engine, "_BATCH_FROM", 1)
    batch = evaluate([plan], actuals, year=2025)
    monkeypatch.setattr(engine, "_BATCH", False)
    assert report_json(batch) == report_json(evaluate([plan], actuals, year=2025))


def test_hand_made_actuals_are_looked_up_one_by_one() -> None:
    obs = Observation(1.0, "final", "a.csv", 2, 3)
    series = {("p", "t", unit): ObservationSeries({2020: obs}) for unit in ("a", "b")}
    actuals = Actuals(series=series)  # type: ignore[arg-type]
    found = actuals.target_series("p", "t", ["a", "b", "c"])
    assert found == [series[("p", "t", "a")], series[("p", "t", "b")], None]
    assert actuals.target_series("p", "t", []) == []
    assert series[("p", "t", "a")].target_run("p", "t", ["a", "b"]) is None
