"""The batch path gives every outcome the exact rules give, field for field and bit for bit
(docs/performance.md#the-batch-path).

Each generated case is a plan of one level or rank target over a few units, every
unit's series plain or not, evaluated twice: with the batch path and with the exact
rules alone (``engine._BATCH`` off).  Every field of every outcome is compared by
type and, for floats, by their bytes (so -0.0 and 0.0 differ); then the whole report,
its JSON text and its per-unit view.
"""
from __future__ import annotations

import math
import random
import struct
from array import array
from collections.abc import Iterator, Mapping
from dataclasses import fields, replace
from itertools import repeat
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from policycheck.actuals.load import read_actuals
from policycheck.changes import Change
from policycheck.evaluation import batch, engine
from policycheck.evaluation.batch import batch_job, run_batch
from policycheck.evaluation.batchcolumns import formulas
from policycheck.evaluation.engine import evaluate
from policycheck.evaluation.options import Settings
from policycheck.evaluation.outcome import Outcome
from policycheck.evaluation.outcomecolumns import FIELDS, Reasons, _Block, _Same
from policycheck.evaluation.resulttable import ResultTable
from policycheck.model import FAIL_ON, Baseline, Plan, Report, Scope, Unit
from policycheck.numtext import number_text
from policycheck.observations import Actuals, Observation, ObservationSeries
from policycheck.reporters.json_text import report_json
from tests.helpers.csv_inputs import write
from tests.helpers.evaluation_inputs import plan as make_plan
from tests.helpers.evaluation_inputs import target as make_target

BASE_YEAR = 2020


@pytest.fixture(autouse=True)
def batch_from_one_unit(monkeypatch: pytest.MonkeyPatch) -> None:
    """A run takes the batch path for targets of 32 units or more; these cases have fewer."""
    monkeypatch.setattr(engine, "_BATCH_FROM", 1)
UNITS = ("u1", "u2", "u3", "u4", "u5", "u6")


class PlainSeries(ObservationSeries):
    """A hand-made series that says when it is plain, as a series read from a file does
    (policycheck.actuals.store.SeriesView.plain): consecutive years of final plain numbers."""

    __slots__ = ()

    def plain(self) -> tuple[int, list[float]] | None:
        years = sorted(self.by_year)
        if not years or years[-1] - years[0] != len(years) - 1:
            return None
        rows = [self.by_year[year] for year in years]
        if any(type(o.value) is not float or o.status != "final" or o.stated or o.approximate or o.converted
               or o.source or o.note for o in rows):
            return None
        return years[0], [o.value for o in rows]  # type: ignore[misc]  # floats, as checked


# -- comparing outcomes bit for bit ------------------------------------------------------

def same(x: Any, y: Any) -> bool:
    """Equal in type and value, floats by their bytes, containers element by element."""
    if type(x) is not type(y) and not (isinstance(x, tuple | list) and isinstance(y, tuple | list)):
        # only a sequence may stand for another (observed pairs for their tuple)
        return hasattr(x, "__len__") and hasattr(y, "__len__") and same(tuple(x), tuple(y))
    if type(x) is float:
        return struct.pack("<d", x) == struct.pack("<d", y)
    if isinstance(x, tuple | list):
        return len(x) == len(y) and all(same(a, b) for a, b in zip(x, y, strict=True))
    if isinstance(x, Baseline):
        return same(x.year, y.year) and same(x.value, y.value)
    if isinstance(x, Mapping):
        return dict(x) == dict(y) and all(same(x[k], y[k]) for k in x)
    if hasattr(x, "series"):  # the observed pairs of a series read from a file
        return same(tuple(x), tuple(y))
    return bool(x == y)


def outcomes(table: ResultTable) -> Iterator[Outcome]:
    return table._outcomes.each()


def assert_same_outcomes(batch: ResultTable, exact: ResultTable) -> None:
    assert len(batch) == len(exact)
    for i, (b, e) in enumerate(zip(outcomes(batch), outcomes(exact), strict=True)):
        for f in fields(Outcome):
            mine, theirs = getattr(b, f.name), getattr(e, f.name)
            assert same(mine, theirs), (i, f.name, mine, theirs)
        assert b.reason.text == e.reason.text
    assert batch._failing == exact._failing
    assert batch._units == exact._units and batch._years == exact._years
    for _, block in batch._outcomes.blocks():
        reason_arguments(block)
    assert [base for base in batch._bases] == [base for base in exact._bases]


def reason_arguments(block: _Block) -> int:
    """Holds the arguments a batch block's reason column gives a code's rows at once to those of each
    reason made on its own, name by name, in order; the number of rows so given."""
    column = block.columns[FIELDS.index("reason")]
    if not isinstance(column, Reasons) or column.arguments is None:
        return 0
    rows: dict[str, list[int]] = {}
    for j, code in enumerate(column.codes):
        rows.setdefault(code, []).append(j)
    given = 0
    for code, js in rows.items():
        args = column.arguments(code, js)
        if args is None:  # a unit of these judged by the exact rules: each reason is made on its own
            continue
        assert [list(column[j].args.items()) for j in js] == [list(zip(args, values, strict=True))
                                                               for values in zip(*args.values(), strict=True)]
        assert all(type(v) is str for values in args.values() for v in values)
        given += len(js)
    return given


def both(monkeypatch: pytest.MonkeyPatch, plans: list[Plan], actuals: Actuals, **options: Any
         ) -> tuple[Report, Report]:
    batch = evaluate(plans, actuals, **options)
    monkeypatch.setattr(engine, "_BATCH", False)
    exact = evaluate(plans, actuals, **options)
    monkeypatch.setattr(engine, "_BATCH", True)
    return batch, exact


def assert_same_reports(batch: Report, exact: Report) -> None:
    assert isinstance(batch.results, ResultTable) and isinstance(exact.results, ResultTable)
    assert_same_outcomes(batch.results, exact.results)
    assert batch.summary == exact.summary
    assert batch.units == exact.units
    assert [same(a.gap, b.gap) for u, v in zip(batch.units, exact.units, strict=True)
            for a, b in zip(u.shortfalls, v.shortfalls, strict=True)] == [True] * sum(len(u.shortfalls)
                                                                                   for u in batch.units)
    assert batch.findings == exact.findings
    written = report_json(batch)
    assert written == report_json(exact)
    # written from the columns (docs/performance.md#json-from-the-columns), as from the Results built
    assert written == report_json(replace(batch, results=tuple(batch.results.stream())))
    assert batch == exact


# -- generated cases ---------------------------------------------------------------------

#: Values where the rules turn: zero, negatives, whole numbers (the small-count path),
#: tiny and huge magnitudes (out of range), and ordinary fractions.
NUMBERS = st.integers(0, 19).flatmap(lambda pick: st.sampled_from([1e-300, 1e300, -1e300, 1e15, 5e-324]) if pick == 0
                                     else st.sampled_from([0.0, -0.0, 1.0, 2.0, 3.0, -1.0, -5.0, 100.0, 0.5, 7.25])
                                     if pick < 7 else st.integers(-50, 150).map(float) if pick < 12
                                     else st.floats(-1000, 1000, allow_nan=False, allow_infinity=False))


@st.composite
def milestone_sets(draw: st.DrawFn) -> tuple[tuple[int, float], ...]:
    low = BASE_YEAR + 1 if draw(st.integers(0, 9)) else BASE_YEAR - 1  # a milestone before the base year: exact
    years = draw(st.lists(st.integers(low, BASE_YEAR + 8), min_size=1, max_size=3, unique=True))
    return tuple((year, draw(NUMBERS)) for year in sorted(years))


@st.composite
def cases(draw: st.DrawFn) -> dict[str, Any]:
    kind = draw(st.sampled_from(["level", "level", "rank"]))
    comparator = draw(st.sampled_from([">=", ">", "<=", "<"] if kind == "level" else ["<=", "<", None, ">="]))
    direction = draw(st.sampled_from([None, None, None, None, "up", "down"]))
    milestones = draw(milestone_sets())
    own = draw(st.sampled_from([None, None, "own"]))
    baseline = Baseline(BASE_YEAR, draw(NUMBERS)) if own else None
    if baseline is not None and baseline.value.is_integer() and abs(baseline.value) < 1e6 and not draw(
            st.integers(0, 9)):
        baseline = Baseline(BASE_YEAR, int(baseline.value))  # type: ignore[arg-type]  # an int: one unit at a time
    unit = draw(st.sampled_from(["%", "%", "个"]))
    name = draw(st.sampled_from(["指标", "每万人口指标"]))
    path = draw(st.sampled_from([None, "linear", "linear", "whole"]))
    commitment = draw(st.sampled_from(["binding", "expected"]))
    attribute = draw(st.sampled_from([None, None, "expected", "binding"]))
    scoped = draw(st.integers(0, 5)) > 0
    units = UNITS[:draw(st.integers(1, len(UNITS)))] if scoped else ()
    plan_wide = draw(st.booleans()) or not scoped
    target = make_target("t", kind=kind, comparator=comparator, direction=direction, milestones=milestones,
                         baseline=baseline, unit=unit, name=name, path=path, commitment=commitment,
                         attribute=attribute, scope=Scope(group="g") if scoped else None)
    year = draw(st.one_of(st.integers(BASE_YEAR, BASE_YEAR + 8), st.integers(BASE_YEAR - 2, BASE_YEAR + 10)))
    series: dict[str | None, Any] = {}
    for unit_id in ((None,) if plan_wide else ()) + units:
        if draw(st.integers(0, 15)):  # else: a unit without a series
            series[unit_id] = draw(unit_series(milestones, baseline, year))
    on_track = draw(st.sampled_from([0.95, 0.8, 1.0, 0.5]))
    at_risk = draw(st.sampled_from([0.6, 0.0, 0.95, 0.5, 0.8]))
    assume(at_risk <= on_track)
    return {"target": target, "units": units, "series": series,
            "year": year,
            "options": {"on_track": on_track, "at_risk": at_risk, "method": draw(st.sampled_from(["linear", "cagr"])),
                        "fail_on": draw(st.sampled_from(sorted(FAIL_ON))), "strict": draw(st.booleans())}}


def schedule(b: float, milestones: tuple[tuple[int, float], ...], year: int) -> float:
    """E(year) on a straight path from (BASE_YEAR, b): a value that hits the schedule exactly."""
    points = [(BASE_YEAR, b), *milestones]
    previous = points[0]
    for point in points:
        if year <= point[0]:
            if point[0] == previous[0]:
                return point[1]
            share = (year - previous[0]) / (point[0] - previous[0])
            return previous[1] + share * (point[1] - previous[1])
        previous = point
    return points[-1][1]


@st.composite
def unit_series(draw: st.DrawFn, milestones: tuple[tuple[int, float], ...], baseline: Baseline | None,
                assessed: int) -> Mapping[int, Observation]:
    first = draw(st.sampled_from([BASE_YEAR - 1, BASE_YEAR, BASE_YEAR, BASE_YEAR + 1]))
    last = draw(st.sampled_from([BASE_YEAR + 8, BASE_YEAR + 8, BASE_YEAR + 3, BASE_YEAR + 10]))
    by_year: dict[int, Observation] = {}
    b = baseline.value if baseline is not None else draw(NUMBERS)
    for year in range(first, last + 1):
        usual = (["any", "any", "schedule", "final", "base", "ratio"] if year != assessed
                 else ["ratio", "ratio", "schedule", "any", "final", "line", "line", "edge", "base"])
        kind = draw(st.sampled_from(usual) if draw(st.integers(0, 24)) else st.sampled_from(["gone", "odd"]))
        if kind == "schedule":
            value = schedule(b, milestones, year)
        elif kind == "final":
            value = milestones[-1][1]
        elif kind == "line":  # on the straight line to the final target: its projection lands on it
            final_year, v = milestones[-1]
            value = b + (year - BASE_YEAR) / (final_year - BASE_YEAR) * (v - b) if final_year != BASE_YEAR else v
        elif kind == "edge":  # a hair either side of the final target's slack eps(v), or of the schedule
            v = draw(st.sampled_from([milestones[-1][1], schedule(b, milestones, year)]))
            value = v + draw(st.sampled_from([-2.0, -1.0, -0.5, 0.5, 1.0, 2.0])) * 1e-9 * max(1.0, abs(v))
            value = draw(st.sampled_from([value, math.nextafter(v, math.inf), math.nextafter(v, -math.inf)]))
        elif kind == "base":
            value = b
        elif kind == "ratio":  # on a threshold of the progress ratio (0.95, 0.6, 0.5, 0.8)
            share = draw(st.sampled_from([0.95, 0.6, 0.5, 0.8, 0.0]))
            value = b + share * (schedule(b, milestones, year) - b)
        else:
            value = draw(NUMBERS)
        if year == BASE_YEAR and baseline is None:
            value = b
        if kind == "gone":
            continue  # a year left out: not plain
        status = "final"
        note = None
        value_or_none: float | bool | None = value
        if kind == "odd":
            odd = draw(st.sampled_from(["missing", "preliminary", "note", "approximate", "yes"]))
            value_or_none = None if odd == "missing" else True if odd == "yes" else value
            status = "preliminary" if odd == "preliminary" else "final"
            note = "据快报" if odd == "note" else None
            by_year[year] = Observation(value_or_none, status, "a.csv", 2, 3, note=note,  # type: ignore[arg-type]
                                        approximate=odd == "approximate")
            continue
        by_year[year] = Observation(value_or_none, status, "a.csv", 2, 3)  # type: ignore[arg-type]
    return by_year


def case_inputs(case: dict[str, Any]) -> tuple[list[Plan], Actuals]:
    units = {"kjj": Unit("kjj", "市科技局"), **{u: Unit(u, f"单位{u}", group="g") for u in case["units"]}}
    plan = make_plan(case["target"], start=BASE_YEAR + 1, end=BASE_YEAR + 8, baseline_year=BASE_YEAR, units=units)
    series = {("p", "t", unit): PlainSeries(by_year) for unit, by_year in case["series"].items()}
    return [plan], Actuals(series=series)  # type: ignore[arg-type]  # PlainSeries is a Mapping


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(case=cases())
def test_the_batch_path_gives_the_exact_outcomes(monkeypatch: pytest.MonkeyPatch, case: dict[str, Any]) -> None:
    plans, actuals = case_inputs(case)
    batch, exact = both(monkeypatch, plans, actuals, year=case["year"], **case["options"])
    assert_same_reports(batch, exact)


# -- a file read as a national check reads it ----------------------------------------------

COUNTIES = tuple(f"c{k:03d}" for k in range(1, 81))


def county_plan() -> Plan:
    """Targets of the batch class and beside it, each scoped to 80 counties."""
    scope = Scope(group="counties")
    targets = (
        make_target("up", milestones=((2027, 101.0),), path="linear", unit="个", scope=scope),
        make_target("down", comparator="<=", milestones=((2022, 40.0), (2027, 30.0)), scope=scope),
        make_target("more", comparator=">", milestones=((2025, 80.0),), scope=scope, commitment="expected"),
        make_target("rank", kind="rank", milestones=((2027, 5.0),), scope=scope),
        make_target("own", milestones=((2027, 90.0),), baseline=Baseline(2018, 60.0), scope=scope),
        make_target("count", milestones=((2024, 70.0), (2027, 100.0)), unit="家", scope=scope),
        make_target("approx", comparator="approx", milestones=((2027, 80.0),), scope=scope),
        make_target("growth", milestones=((2027, Change(20.0, "percent")),), scope=scope),
    )
    units = {"kjj": Unit("kjj", "市科技局"), **{c: Unit(c, f"县{c}", group="counties") for c in COUNTIES}}
    return make_plan(*targets, start=2019, end=2027, baseline_year=2018, units=units)


def county_csv(seed: int) -> str:
    """Random walks for every county and target, with a few rows that are not plain."""
    rng = random.Random(seed)
    lines = ["target,unit,year,value,status,note"]
    for target_id in ("up", "down", "more", "rank", "own", "count", "approx", "growth"):
        for county in COUNTIES:
            value = rng.choice([60.0, 55.0, round(rng.uniform(20, 90), 2), float(rng.randint(20, 90))])
            for year in range(2018, 2026):
                cell, status, note = f"{value:g}", "final", ""
                odd = rng.random()
                if odd < 0.01:
                    continue  # a year left out
                if odd < 0.02:
                    cell = "-"
                elif odd < 0.03:
                    status = "preliminary"
                elif odd < 0.04:
                    note = "据快报"
                elif odd < 0.05:
                    cell = f"约{value:g}"
                lines.append(f"{target_id},{county},{year},{cell},{status},{note}")
                value = round(value + rng.choice([rng.uniform(-3, 8), 0.0, 4.0]), rng.choice([0, 2]))
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("options", [
    {},
    {"method": "cagr"},
    {"on_track": 0.8, "at_risk": 0.5, "fail_on": "at-risk"},
    {"year": 2022, "strict": True, "fail_on": "missed"},
    {"year": 2027},
    {"year": 2018, "fail_on": "no-data"},
], ids=["defaults", "cagr", "thresholds", "2022-strict", "after-the-data", "base-year"])
def test_a_file_of_counties_gives_the_same_report_both_ways(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           options: dict[str, Any]) -> None:
    plan = county_plan()
    actuals = read_actuals([write(tmp_path, county_csv(20))], plans=[plan])
    assert not [f for f in actuals.findings if f.severity == "error"]
    batch, exact = both(monkeypatch, [plan], actuals, **options)
    assert_same_reports(batch, exact)
    assert len(batch.summary.by_status) >= (1 if options.get("year") == 2027 else 4)


def test_plain_units_of_the_class_never_reach_the_exact_rules(tmp_path: Path) -> None:
    """The batch path is taken: every plain unit of a target in the class is computed in the loop."""
    plan = county_plan()
    text = county_csv(7).replace(",约", ",").replace(",-,", ",1,").replace("preliminary", "final")
    text = "\n".join(line.rsplit(",", 1)[0] + "," for line in text.splitlines()) + "\n"
    actuals = read_actuals([write(tmp_path, text.replace("status,", "status,note", 1))], plans=[plan])
    settings_ = Settings(method="linear", on_track=0.95, at_risk=0.6, approx_tolerance=0.05, fail_on="off-track",
                         strict=False)
    covered = {t.id for t in plan.targets if batch_job(plan, t, 2025, settings_) is not None}
    assert covered == {"up", "down", "more", "rank", "own", "count"}
    for target_id in ("up", "down", "more", "rank", "own", "count"):
        job = batch_job(plan, plan.target(target_id), 2025, settings_)
        assert job is not None
        runs = {c: actuals.get("p", target_id, c).plain() for c in COUNTIES}
        plain = [c for c, run in runs.items() if run is not None and run[0] == 2018 and len(run[1]) == 8]
        assert len(plain) >= 60  # only the series with a year left out remain
        block, failing = run_batch(job, actuals, plain, lambda unit: pytest.fail(f"{unit} went to the exact rules"))
        assert block.size == len(failing) == len(plain)
        assert isinstance(block.columns[FIELDS.index("actual")], array)
        assert isinstance(block.columns[FIELDS.index("target_value")], _Same)
        assert reason_arguments(block) == block.size  # every reason's arguments made a column at a time


def test_a_target_scoped_to_no_unit_has_no_result_either_way(monkeypatch: pytest.MonkeyPatch) -> None:
    empty = make_target("t", milestones=((2027, 10.0),), path="linear", scope=Scope(group="nobody"))
    plan = make_plan(empty, start=BASE_YEAR + 1, end=BASE_YEAR + 8, baseline_year=BASE_YEAR)
    batch, exact = both(monkeypatch, [plan], Actuals(), year=2024)
    assert len(batch.results) == len(exact.results) == 0
    assert_same_reports(batch, exact)


def test_a_small_plan_never_imports_the_batch_path() -> None:
    """Start-up time counts (docs/performance.md#start-up): targets of fewer than 32 units take
    the exact rules, so a small check does not load the batch module at all."""
    import subprocess
    import sys

    code = ("import sys\n"
            "from policycheck.evaluation.engine import evaluate\n"
            "from tests.helpers.evaluation_inputs import actuals, plan, target\n"
            "t = target('t', milestones=((2027, 10.0),), path='linear')\n"
            "r = evaluate([plan(t)], actuals({('t', None): {2022: 1.0, 2025: 5.0}}))\n"
            "print(r.results[0].status, 'policycheck.evaluation.batch' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          cwd=Path(__file__).resolve().parents[2])
    assert done.stdout.split() == ["at_risk", "False"]
    assert engine._BATCH_FROM == 1  # this module's cases take the batch path from one unit


@pytest.mark.parametrize("year", [BASE_YEAR, BASE_YEAR + 3, BASE_YEAR + 5, BASE_YEAR + 7])
def test_large_counts_on_the_whole_number_path(monkeypatch: pytest.MonkeyPatch, year: int) -> None:
    """Counts of 10^15: eps(v) is then 10^6, so E(Y) rounded toward the baseline off the path's
    points (and only there) is a number apart from the straight line's."""
    counts = make_target("t", milestones=((BASE_YEAR + 3, 2e15), (BASE_YEAR + 7, 3e15)), unit="个",
                         scope=Scope(group="g"))
    units = {"kjj": Unit("kjj", "市科技局"), **{u: Unit(u, u, group="g") for u in UNITS[:3]}}
    plan = make_plan(counts, start=BASE_YEAR + 1, end=BASE_YEAR + 8, baseline_year=BASE_YEAR, units=units)
    starts = {"u1": 1e15, "u2": 1e15 + 7.0, "u3": 1.5e15 + 0.5}  # u3 is not whole: the straight line
    series = {("p", "t", u): PlainSeries({y: Observation(b + (y - BASE_YEAR) * 2.1e14, "final", "a.csv", 2, 3)
                                          for y in range(BASE_YEAR, BASE_YEAR + 8)}) for u, b in starts.items()}
    batch, exact = both(monkeypatch, [plan], Actuals(series=series), year=year)  # type: ignore[arg-type]
    assert_same_reports(batch, exact)


@pytest.mark.parametrize("year", [2018, 2022, 2025, 2027])
def test_a_clean_file_read_in_bulk_is_judged_from_two_columns_as_one_by_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, year: int) -> None:
    """Every series final in every year of one block: the batch path reads each target's values in
    the assessment and base years as two columns (Series.plain_columns); the same report as the
    exact rules, and the columns are those of each series' own plain run."""
    plan = county_plan()
    rng = random.Random(3)
    clean = ["target,unit,year,value"]
    for target_id in ("up", "down", "more", "rank", "own", "count"):
        for county in COUNTIES:
            value = float(rng.randint(20, 90))
            for year_ in range(2018, 2026):
                if (target_id, county, year_) != ("down", "c040", 2021):  # one year left out: series by series
                    clean.append(f"{target_id},{county},{year_},{value:g}")
                value = round(value + rng.choice([rng.uniform(-3, 8), 0.0, 4.0]), rng.choice([0, 2]))
    actuals = read_actuals([write(tmp_path, "\n".join(clean) + "\n")], plans=[plan])
    answered = 0
    for target_id in ("up", "down", "more", "rank", "own", "count"):
        series = [actuals.series[("p", target_id, c)] for c in COUNTIES if ("p", target_id, c) in actuals.series]
        columns = type(series[0]).plain_columns(series, (2025, 2018))  # type: ignore[attr-defined]
        if len(series) == len(COUNTIES) and all(len(s) == 8 for s in series):  # type: ignore[arg-type]
            assert columns == [[s.plain()[1][i] for s in series] for i in (7, 0)]  # type: ignore[attr-defined]
            answered += 1
        else:
            assert columns is None  # a year left out somewhere: series by series
    assert answered == 5
    batch, exact = both(monkeypatch, [plan], actuals, year=year)
    assert_same_reports(batch, exact)


# -- the formulas a column at a time (policycheck/evaluation/batchcolumns.py) ------------------

def case_job(case: dict[str, Any]) -> tuple[Any, list[float], list[float]] | None:
    """The batch job of a generated case, and the a and b columns of its units with a plain pair."""
    plans, actuals = case_inputs(case)
    options = case["options"]
    settings_ = Settings(method=options["method"], on_track=options["on_track"], at_risk=options["at_risk"],
                         approx_tolerance=0.05, fail_on=options["fail_on"], strict=options["strict"])
    job = batch_job(plans[0], plans[0].targets[0], case["year"], settings_)
    if job is None:
        return None
    series = [actuals.series[key] for key in sorted(actuals.series, key=lambda k: str(k[2]))]
    pairs = [pair for pair in map(batch._pair, [one.plain() for one in series], repeat(job.year), repeat(job.y0),
                                  repeat(job.baseline), repeat(batch.earliest_needed(
                                      job.year, job.y0, job.baseline, job.final_year))) if pair is not None]
    if not pairs or any(type(x) is not float for pair in pairs for x in pair):
        return None
    return job, [a for a, _ in pairs], [b for _, b in pairs]


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=cases())
def test_each_formula_a_column_at_a_time_gives_what_it_gives_one_unit_at_a_time(case: dict[str, Any]) -> None:
    """Every unit the columns do not name as rare gets, field by field and bit for bit, what the
    per-unit rules (batch._unit) give it; a unit the per-unit rules send to the exact rules is rare."""
    made = case_job(case)
    assume(made is not None)
    assert made is not None
    job, a_col, b_col = made
    done = formulas(job, list(a_col), list(b_col))
    for j, (a, b) in enumerate(zip(a_col, b_col, strict=True)):
        try:
            row = batch._unit(job, a, b)
        except (batch._Exact, OverflowError, ZeroDivisionError):
            assert j in done.rare, (j, a, b)
            continue
        if j in done.rare:  # judged one at a time, though the exact rules need not: only where v == b
            assert b == job.v, (j, a, b)
            continue
        for k, name in enumerate(batch._VARYING):
            assert same(done.columns[k][j], row[k]), (name, done.columns[k][j], row[k])
            assert not done.floats[k] or type(done.columns[k][j]) is float, name
        assert (done.codes[j], done.rounded[j]) == row[-2:]


Pairs = tuple[tuple[float, float], ...]  # (b, a) of each unit: its baseline and its value in the assessment year


def pairs_inputs(pairs: Pairs, year: int, own: Baseline | None = None, **target: Any) -> tuple[list[Plan], Actuals]:
    """A target over one unit a pair, each series b from the base year on and a from ``year`` on."""
    units = tuple(f"u{k}" for k in range(len(pairs)))
    made = make_target("t", scope=Scope(group="g"), baseline=own, **target)
    plan = make_plan(made, start=BASE_YEAR + 1, end=BASE_YEAR + 8, baseline_year=BASE_YEAR,
                     units={"kjj": Unit("kjj", "市科技局"), **{u: Unit(u, u, group="g") for u in units}})
    series = {("p", "t", u): PlainSeries({y: Observation(b if y < year else a, "final", "a.csv", 2, 3)
                                          for y in range(BASE_YEAR, BASE_YEAR + 9)})
              for u, (b, a) in zip(units, pairs, strict=True) if not math.isnan(b)}  # nan: no series
    return [plan], Actuals(series=series)  # type: ignore[arg-type]  # PlainSeries is a Mapping


ONE = ((2025, 10.0),)
TWO = ((2022, 5.0), (2027, 10.0))
ON_THE_WAY = ((0.0, 5.0), (0.0, 6.0), (0.0, 4.0), (0.0, 2.0), (0.0, -1.0), (0.0, 10.0), (2.0, 2.0))
RANK_WAY = ((20.0, 15.0), (20.0, 19.0), (20.0, 25.0), (20.0, 4.0), (3.0, 2.0))
#: Each case takes one branch of batchcolumns.formulas (named by its id); ``shows`` holds when it is taken.
BRANCHES: dict[str, tuple[dict[str, Any], Pairs, Any]] = {
    "base-year": ({"milestones": ONE, "year": BASE_YEAR}, ((3.0, 3.0), (-2.0, -2.0)),
                  lambda job, done: job.segment == 0),
    "first-stretch-each-status": ({"milestones": ONE, "year": 2023}, ON_THE_WAY,
                                  lambda job, done: job.segment == 1 and {"on_schedule", "behind_below", "regressing",
                                                                          "final_met_early"} <= set(done.codes)),
    "later-stretch": ({"milestones": TWO, "year": 2024}, ON_THE_WAY, lambda job, done: job.segment == 2),
    "milestone-year": ({"milestones": TWO, "year": 2022}, ON_THE_WAY,
                       lambda job, done: {"milestone_met", "milestone_missed"} <= set(done.codes)),
    "final-year": ({"milestones": TWO, "year": 2027}, ON_THE_WAY,
                   lambda job, done: {"final_met", "final_missed"} == set(done.codes)),
    "after-final-year": ({"milestones": ONE, "year": 2028}, ON_THE_WAY, lambda job, done: job.year > job.final_year),
    "nothing-due": ({"milestones": TWO, "year": 2021}, ((6.0, 7.0), (6.0, 5.0), (6.0, 11.0), (0.0, 1.0)),
                    lambda job, done: {"none_due_yet", "moving_away_none_due", "final_met_early",
                                       "behind_below"} == set(done.codes)),
    "whole-numbers": ({"milestones": ((2025, 10.0), (2027, 12.0)), "year": 2022, "unit": "个"},
                      ((1.0, 3.0), (2.5, 3.0), (4.0, 5.0), (math.inf, 5.0)),
                      lambda job, done: job.whole and not job.on_point and done.rounded[:3] == [True, False, True]
                      and done.columns[1][0] == 4.0 and done.rare == [3]),
    "whole-numbers-on-a-milestone": ({"milestones": ((2022, 5.0), (2027, 12.0)), "year": 2022, "unit": "个"},
                                     ((1.0, 3.0), (2.0, 6.0)), lambda job, done: job.whole and job.on_point),
    "v-equals-b": ({"milestones": ONE, "year": 2023}, ((10.0, 11.0), (10.0, 9.0), (0.0, 3.0)),
                   lambda job, done: done.rare == [0, 1]),
    "out-of-range": ({"milestones": ONE, "year": 2023}, ((-1e308, 1e308), (4e307, 5e307), (0.0, 3.0)),
                     lambda job, done: done.rare == [0] and abs(done.columns[2][1]) >= 1e307),
    "cagr": ({"milestones": ONE, "year": 2023, "method": "cagr", "comparator": "<="},
             ((20.0, 14.5), (20.0, 13.0), (20.0, 22.0), (2.0, 1.0), (20.0, 14.0)),  # the last on E(Y): not above it
             lambda job, done: set(done.columns[11]) == {"cagr"} and "behind_above" in done.codes
             and done.columns[1][4] == 14.0 and (done.columns[12][4], done.codes[4]) == ("at_risk", "behind_below")),
    "cagr-and-linear": ({"milestones": ONE, "year": 2023, "method": "cagr"}, ((1.0, 6.5), (0.0, 3.0), (-1.0, 2.0)),
                        lambda job, done: done.columns[11] == ["cagr", "linear", "linear"]),
    "cagr-nothing-due": ({"milestones": ((2022, -5.0), (2027, 10.0)), "year": 2021, "method": "cagr"},
                         ((-1.0, 0.0), (-1.0, -2.0), (2.0, 3.0)),
                         lambda job, done: done.columns[11] == ["linear", "linear", "cagr"]
                         and {"none_due_yet", "moving_away_none_due"} < set(done.codes)),
    "more-than": ({"milestones": ONE, "year": 2023, "comparator": ">"}, ON_THE_WAY, lambda job, done: job.d == 1),
    "aim-zero-from-above": ({"milestones": ((2025, 0.0),), "year": 2023}, ((5.0, 3.0), (5.0, -1.0)),
                            lambda job, done: done.columns[4] == [None, None]),
    "at-most": ({"milestones": ((2025, 10.0),), "year": 2023, "comparator": "<="}, RANK_WAY,
                lambda job, done: job.d == -1 and {10.0 / 25.0, 2.0 - 4.0 / 10.0} < set(done.columns[4])),
    "less-than-a-negative": ({"milestones": ((2025, -10.0),), "year": 2023, "comparator": "<"},
                             ((0.0, -3.0), (0.0, 2.0), (-20.0, -25.0)), lambda job, done: 0.0 in done.columns[4]),
    "at-least-a-negative": ({"milestones": ((2025, -3.0),), "year": 2025}, ((0.0, -5.0), (0.0, -1.0), (0.0, 1.0)),
                            lambda job, done: job.d == 1
                            and done.columns[4] == [0.6, 2.0 - 1.0 / 3.0, 2.0 + 1.0 / 3.0]),
    "at-most-zero": ({"milestones": ((2025, 0.0),), "year": 2023, "comparator": "<="}, ((5.0, 3.0), (5.0, -1.0)),
                     lambda job, done: done.columns[4][1] == 1.0 and done.columns[4][0] == done.columns[5][0]),
    "rank": ({"milestones": ((2025, 5.0),), "year": 2023, "kind": "rank"}, RANK_WAY, lambda job, done: job.d == -1),
    "huge-but-in-range": ({"milestones": ((2025, 1e300),), "year": 2023}, ((0.0, 5e307), (2e300, 3e307)),
                          lambda job, done: done.rare == [] and max(map(abs, done.columns[2])) >= 1e307),
}


@pytest.mark.parametrize("name", sorted(BRANCHES))
def test_each_branch_of_the_columns_gives_the_exact_outcomes(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    target, pairs, shows = BRANCHES[name]
    year, method = target.pop("year"), target.pop("method", "linear")
    try:
        plans, actuals = pairs_inputs(pairs, year, **target)
    finally:
        target.update(year=year, method=method)
    settings_ = Settings(method=method, on_track=0.95, at_risk=0.6, approx_tolerance=0.05, fail_on="off-track",
                         strict=False)
    job = batch_job(plans[0], plans[0].targets[0], year, settings_)
    assert job is not None
    done = formulas(job, [a for _, a in pairs], [b for b, _ in pairs])
    assert shows(job, done), (done.codes, done.rare, done.columns)
    batch_report, exact = both(monkeypatch, plans, actuals, year=year, method=method)
    assert_same_reports(batch_report, exact)


@pytest.mark.parametrize("own", [Baseline(BASE_YEAR, 2), Baseline(BASE_YEAR, 2.0)], ids=["int", "float"])
def test_a_unit_without_a_series_and_a_baseline_of_another_type(monkeypatch: pytest.MonkeyPatch,
                                                                own: Baseline) -> None:
    """A unit with no series goes to the exact rules; a baseline that is not a float (only a hand-made
    plan has one) takes the per-unit rules for every unit; both give the exact outcomes."""
    pairs = ((2.0, 5.0), (math.nan, 0.0), (2.0, 1.0))
    plans, actuals = pairs_inputs(pairs, 2023, own=own, milestones=ONE)
    judged: list[str | None] = []
    batch_report, exact = both(monkeypatch, plans, actuals, year=2023)
    assert_same_reports(batch_report, exact)
    job = batch_job(plans[0], plans[0].targets[0], 2023, Settings(
        method="linear", on_track=0.95, at_risk=0.6, approx_tolerance=0.05, fail_on="off-track", strict=False))
    assert job is not None
    block, _ = run_batch(job, actuals, ["u0", "u1", "u2"], lambda unit: judged.append(unit) or engine.unit_outcome(
        plans[0], plans[0].targets[0], actuals, unit, 2023, Settings(
            method="linear", on_track=0.95, at_risk=0.6, approx_tolerance=0.05, fail_on="off-track", strict=False)))
    assert judged == ["u1"]
    assert block.columns[FIELDS.index("actual")] == (5.0, None, 1.0)


def test_numbers_kept_apart_from_their_verdict_the_same_both_ways(monkeypatch: pytest.MonkeyPatch) -> None:
    """A reason's numbers beside a short verdict (docs/reports.md#rounding-apart) are written by the
    batch path as by the exact rules: 2.996 missed against ≥3, a gap of 0.004 behind, 2.496 below
    its baseline 2.5 regressing, and 3.004 met, which keeps two decimals."""
    target = make_target("t", milestones=((2025, 3.0),), path="linear", scope=Scope(group="g"))
    units = {u: Unit(u, f"单位{u}", group="g") for u in ("u1", "u2", "u3", "u4")}
    plan = make_plan(target, start=2021, end=2025, baseline_year=2020, units=units)
    walks = {"u1": (2.5, 2.996), "u2": (2.5, 3.004), "u3": (2.9, 2.956), "u4": (2.5, 2.496)}
    year_of = {"u1": 2025, "u2": 2025, "u3": 2023, "u4": 2023}
    reasons: dict[str, str] = {}
    for unit, (base, value) in walks.items():
        series = {("p", "t", u): PlainSeries({2020: Observation(base, "final", "a.csv", 2, 3),
                                             **{y: Observation(value if u == unit else base + 0.1, "final",
                                                               "a.csv", 2, 3) for y in range(2021, 2026)}})
                  for u in units}
        batch, exact = both(monkeypatch, [plan], Actuals(series=series), year=year_of[unit])  # type: ignore[arg-type]
        assert_same_reports(batch, exact)
        reasons[unit] = next(r.reason for r in batch.results if r.unit == unit)
    assert reasons == {
        "u1": "final target ≥3 (2025) not reached: actual 2.996",
        "u2": "final target ≥3 (2025) reached: actual 3",
        "u3": "behind the linear schedule: 0.004 below the expected 2.96",
        "u4": "moving away from the target: actual 2.496 against the baseline 2.5",
    }


@settings(max_examples=2000, deadline=None)
@given(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False),
       st.floats(min_value=batch._FAR, max_value=1.0, exclude_min=True))
def test_numbers_further_apart_than_far_never_read_the_same(value: float, distance: float) -> None:
    """The batch path compares only numbers nearer than _FAR as texts (docs/reports.md#rounding-apart):
    any two further apart must differ at two decimals, whichever way round."""
    for other in (value + distance, value - distance):
        if abs(value - other) > batch._FAR:
            assert number_text(value) != number_text(other)
    # and a pair nearer than that can read the same: the comparison is needed
    assert number_text(0.004) == number_text(0.0) and abs(0.004 - 0.0) < batch._FAR


def test_a_unit_judged_after_the_final_year_without_its_figure_warns_both_ways(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """With the target's own baseline a plain series need not reach back to the final year; such a
    unit is judged by the exact rules, which warn (PC417, docs/evaluation.md#after-the-final-year),
    and the other units keep the batch path."""
    made = make_target("t", scope=Scope(group="g"), baseline=Baseline(BASE_YEAR, 2.0), milestones=ONE)
    plan = make_plan(made, start=BASE_YEAR + 1, end=BASE_YEAR + 5, baseline_year=BASE_YEAR,
                     units={"kjj": Unit("kjj", "市科技局"), "u0": Unit("u0", "u0", group="g"),
                            "u1": Unit("u1", "u1", group="g")})
    series = {("p", "t", "u0"): PlainSeries({y: Observation(12.0, "final", "a.csv", y - 2000, 3)
                                             for y in range(2026, 2029)}),
              ("p", "t", "u1"): PlainSeries({y: Observation(9.0, "final", "a.csv", y - 1900, 3)
                                             for y in range(2024, 2029)})}
    actuals = Actuals(series=series)  # type: ignore[arg-type]  # PlainSeries is a Mapping
    batch_report, exact = both(monkeypatch, [plan], actuals, year=2028)
    assert_same_reports(batch_report, exact)
    assert [(f.rule, f.line, f.message) for f in batch_report.findings] == [
        ("PC417", 28, "t (u0): the requirement is for 2025, but the series has no 2025 figure and the result is "
                      "judged on the 2028 figure (12); enter the 2025 figure, or assess at --year 2025")]
