"""Random small plans and actuals: the engine must agree with the docs/evaluation.md oracle.

Every strategy builds one unscoped target of a random kind, comparator,
milestones, baseline and commitment, a random series (missing years, gaps, zero
and negative values) and a random assessment year before, inside or after the
period; :func:`policycheck.evaluation.engine.evaluate` must then give exactly the
oracle's status and, within 1e-9, every number (null where the oracle has null).
"""
from __future__ import annotations

import json
import math
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policycheck.cli.commands import main
from policycheck.evaluation.engine import evaluate
from policycheck.model import Assessment, Baseline, HistoryEntry, Plan, Reference, Result, Target, TimesBaseline
from policycheck.observations import Observation
from tests.helpers.evaluation_inputs import LOC, PLAN_ID, actuals, obs, plan
from tests.helpers.oracle import Settings, oracle
from tests.helpers.paths import FIXTURES

ORACLE = FIXTURES / "oracle"
COMPARATORS = (">=", ">", "<=", "<", "==", "between", "approx")
NUMBERS = st.one_of(st.integers(-20, 120).map(float),
                    st.floats(-20, 120, allow_nan=False, allow_infinity=False).map(lambda x: round(x, 3)))
POSITIVE = st.one_of(st.integers(1, 120).map(float),
                     st.floats(0.5, 120, allow_nan=False).map(lambda x: round(x, 3)))
STATUSES = st.sampled_from(("final", "final", "preliminary", "estimate"))


@st.composite
def requirement(draw: st.DrawFn, cmp: str, values: st.SearchStrategy[float] = NUMBERS) -> Any:
    if cmp == "between":
        lo, hi = sorted((draw(values), draw(values)))
        return (lo, hi)
    return draw(values)


@st.composite
def milestones(draw: st.DrawFn, kind: str, cmp: str, first: int, last: int) -> tuple[Any, ...]:
    years = sorted(draw(st.sets(st.integers(first, last), min_size=1, max_size=2)))
    if kind == "milestone":
        return ((years[-1], True),)
    if kind == "cagr":
        rates = st.one_of(st.integers(-5, 20).map(float), NUMBERS)
        return ((years[-1], draw(requirement(cmp, rates))),)
    values = POSITIVE if kind == "rank" else NUMBERS
    out = []
    for year in years:
        if kind == "level" and cmp != "between" and draw(st.booleans()) and draw(st.booleans()):
            out.append((year, TimesBaseline(draw(st.sampled_from((0.5, 1.5, 2.0, 3.0))))))
        else:
            out.append((year, draw(requirement(cmp, values))))
    return tuple(out)


@st.composite
def scenario(draw: st.DrawFn, focus: bool = False) -> dict[str, Any]:
    """One plan, one target, its series and the year; ``focus``: a level-type target
    inside its schedule with complete data, where the progress-ratio rules decide."""
    start = draw(st.integers(2021, 2024))
    end = start + draw(st.integers(2 if focus else 0, 6))
    baseline_year = start - draw(st.integers(1, 2))
    kind = draw(st.sampled_from(("level", "cumulative", "cagr", "rank") if focus else (
        "level", "annual", "cumulative", "growth", "cagr", "rank", "milestone")))
    kw: dict[str, Any] = {"commitment": draw(st.sampled_from(("binding", "aspirational")))}
    if kind == "milestone":
        cmp = None
    elif kind == "cagr":
        cmp = draw(st.sampled_from((">=", ">", "<=", "<", ">=", "<=", "==", "approx", "between")))
    else:
        cmp = draw(st.sampled_from(COMPARATORS))
    kw["comparator"] = cmp
    if cmp == "approx" and draw(st.booleans()):
        kw["tolerance"] = draw(st.sampled_from((0.01, 0.1, 0.2)))
    references: dict[str, Reference] = {}
    ref_series: dict[int, Any] = {}
    if kind in ("annual", "growth"):
        periodic_keys(draw, kw, cmp, start, end, references, ref_series)
    else:
        level_keys(draw, kw, kind, cmp, start, end, baseline_year)
    t = Target(id="t", name="指标", kind=kind, location=LOC, unit=None if kind == "milestone" else "%",
               responsible=("kjj",), **kw)
    assessment = draw(st.sampled_from((Assessment(), Assessment("cagr"), Assessment("linear", 0.9, 0.5),
                                       Assessment("linear", 0.95, 0.6, 0.1))))
    p = plan(t, start=start, end=end, baseline_year=baseline_year, assessment=assessment,
             references=references)
    first_year = min(baseline_year, t.since or start) - 2
    series = draw(series_strategy(t, baseline_year, first_year, end + 2, focus))
    # Mostly inside the period, where the schedule rules apply; sometimes before or after.
    year = draw(st.one_of(st.integers(first_year, end + 3), st.integers(start, end),
                          st.integers(start, end)))
    if focus:
        year = draw(st.integers(start, max(start, t.milestones[-1][0] - 1)))
    options = draw(st.fixed_dictionaries({
        "method": st.sampled_from((None, "linear", "cagr", "cagr")),
        "fail_on": st.sampled_from(("off-track", "missed", "at-risk", "no-data", "never")),
        "strict": st.booleans()}, optional={
        "on_track": st.sampled_from((0.8, 1.0)), "at_risk": st.sampled_from((0.3, 0.7))}))
    return {"plan": p, "target": t, "series": series, "reference": ref_series, "year": year,
            "options": options}


def periodic_keys(draw: st.DrawFn, kw: dict[str, Any], cmp: str, start: int, end: int,
                  references: dict[str, Reference], ref_series: dict[int, Any]) -> None:
    """value or reference, years, and (growth) the rate mode."""
    if draw(st.integers(0, 3)) == 0 and cmp != "between":
        kw["reference"] = "ref"
        references["ref"] = Reference("ref", "全省平均", "%")
        ref_series.update(draw(st.dictionaries(st.integers(start - 1, end + 2),
                                               st.one_of(st.none(), NUMBERS), max_size=8)))
    else:
        kw["value"] = draw(requirement(cmp))
    if draw(st.booleans()):
        first = draw(st.integers(start, end))
        kw["years"] = (first, draw(st.integers(first, end)))
    if kw.get("comparator") and draw(st.booleans()):
        kw["actuals"] = "rate"


def level_keys(draw: st.DrawFn, kw: dict[str, Any], kind: str, cmp: str | None, start: int,
               end: int, baseline_year: int) -> None:
    """milestones, an optional own baseline, since and the actuals mode."""
    if kind == "cumulative" and draw(st.booleans()):
        kw["since"] = draw(st.integers(start - 1, end))
    floor = (kw.get("since") or start) if kind == "cumulative" else baseline_year + 1
    kw["milestones"] = draw(milestones(kind, cmp or ">=", floor, end + 1))
    first_ms = kw["milestones"][0][0]
    if kind != "milestone" and draw(st.integers(0, 3)) == 0:
        kw["baseline"] = Baseline(draw(st.integers(first_ms - 4, first_ms - 1)),
                                  draw(POSITIVE if kind in ("rank", "cagr") else NUMBERS))
    if kind == "cumulative" and draw(st.booleans()):
        kw["actuals"] = "running_total"
    if kind == "cagr" and draw(st.booleans()):
        kw["actuals"] = "rate"


FRACTIONS = st.one_of(
    st.sampled_from((-0.5, -0.1, 0.0, 0.3, 0.59, 0.6, 0.61, 0.8, 0.94, 0.95, 0.96, 1.0, 1.05, 1.5)),
    st.floats(-1, 2, allow_nan=False).map(lambda x: round(x, 4)))


@st.composite
def series_strategy(draw: st.DrawFn, t: Target, baseline_year: int, first: int,
                    last: int, focus: bool = False) -> dict[int, Observation]:
    """Per year: no row, a missing marker, any number, or a value near the requirement."""
    if t.kind == "milestone":
        return {y: obs(draw(st.one_of(st.none(), st.booleans())), draw(STATUSES))
                for y in range(first, last + 1) if draw(st.integers(0, 5))}
    near = draw(near_values(t, baseline_year))
    anything = POSITIVE if t.kind in ("rank", "cagr") else NUMBERS
    out: dict[int, Observation] = {}
    for year in range(first, last + 1):
        pick = 3 if focus and year >= baseline_year else draw(st.integers(0, 11))
        if pick == 0:
            continue  # no row at all for this year
        value = None if pick == 1 else draw(st.one_of(anything, st.just(0.0))) if pick == 2 \
            else near(year, draw(FRACTIONS))
        out[year] = obs(value, draw(STATUSES))
    return out


@st.composite
def near_values(draw: st.DrawFn, t: Target, baseline_year: int) -> Any:
    """A function (year, fraction) -> a value that is that fraction of the way to the target."""
    anchor = t.baseline.value if t.baseline is not None else draw(POSITIVE)
    y0 = t.baseline.year if t.baseline is not None else baseline_year
    if t.kind in ("annual", "growth"):
        v = t.value if t.value is not None else 50.0
        center = (v[0] + v[1]) / 2 if isinstance(v, tuple) else v
        if t.kind == "growth" and t.actuals != "rate":
            return lambda y, f: round(anchor * (1 + center * f / 100) ** (y - y0), 6)
        return lambda y, f: round(center * f, 6)
    final = t.milestones[-1][1]
    goal = final.factor * anchor if isinstance(final, TimesBaseline) else (
        (final[0] + final[1]) / 2 if isinstance(final, tuple) else float(final))
    if t.kind == "cagr":
        if t.actuals == "rate":
            return lambda y, f: round(goal * f, 6)
        return lambda y, f: anchor if y == y0 else round(
            anchor * (1 + goal * f / 100) ** max(0, y - y0), 6)
    if t.kind == "cumulative" and t.actuals != "running_total":
        return lambda y, f: round(goal * f / 3, 6)
    return lambda y, f: anchor if y == y0 else round(anchor + f * (goal - anchor), 6)


# ---------------------------------------------------------------- comparison


def close(x: Any, y: Any) -> bool:
    if isinstance(x, (str, bool)) or isinstance(y, (str, bool)) or x is None or y is None:
        return x is y or (x == y and type(x) is type(y))
    if isinstance(x, tuple) or isinstance(y, tuple):
        return (isinstance(x, tuple) and isinstance(y, tuple) and len(x) == len(y)
                and all(close(a, b) for a, b in zip(x, y, strict=True)))
    return math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-9)


def engine_fields(r: Result) -> dict[str, Any]:
    out = {name: getattr(r, name) for name in (
        "status", "method", "kind", "actual", "data_status", "target_value", "target_year",
        "expected", "gap", "attainment", "progress", "time_progress", "progress_ratio",
        "required_annual", "trend_annual", "projected", "projected_met", "years_met", "years_due",
        "level", "expected_level", "achieved_year", "failing")}
    out["baseline"] = None if r.baseline is None else (r.baseline.year, r.baseline.value)
    out["history"] = None if r.history is None else tuple(
        (h.year, h.actual, h.status) for h in r.history)
    if isinstance(out["target_value"], TimesBaseline):
        out["target_value"] = ("times_baseline", out["target_value"].factor)
    return out


def disagreements(expected: dict[str, Any], got: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    return {k: (v, got[k]) for k, v in expected.items() if not close(v, got[k])}


def run(case: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    p: Plan = case["plan"]
    t: Target = case["target"]
    data: dict[tuple[str, str | None], Any] = {(t.id, None): case["series"]}
    if case["reference"]:
        data[("ref", None)] = case["reference"]
    report = evaluate([p], actuals(data, PLAN_ID), year=case["year"], **case["options"])
    (result,) = report.results
    opts = case["options"]
    s = Settings(method=opts["method"] or p.assessment.method,
                 on_track=opts.get("on_track", p.assessment.on_track),
                 at_risk=opts.get("at_risk", p.assessment.at_risk),
                 fail_on=opts["fail_on"], strict=opts["strict"])
    ref = actuals({("ref", None): case["reference"]}).get(PLAN_ID, "ref")
    want = oracle(p, t, actuals(data).get(PLAN_ID, t.id), case["year"], s, ref)
    return want, engine_fields(result)


#: Four times the profile's examples: 400 in the default ``ci`` profile, 2,000 under ``thorough``.
SETTINGS = settings(max_examples=4 * settings.default.max_examples, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@SETTINGS
@given(scenario())
def test_engine_agrees_with_the_spec_oracle(case: dict[str, Any]) -> None:
    want, got = run(case)
    diff = disagreements(want, got)
    assert not diff, (diff, case)


@SETTINGS
@given(scenario(focus=True))
def test_schedule_rules_agree_with_the_spec_oracle(case: dict[str, Any]) -> None:
    want, got = run(case)
    diff = disagreements(want, got)
    assert not diff, (diff, case)


def test_history_entries_compare_as_tuples() -> None:
    # The comparison itself must be able to fail: a differing history is reported.
    want = {"history": ((2023, 1.0, "met"),)}
    got = {"history": ((2023, 1.0, "missed"),)}
    assert disagreements(want, got) == {"history": (want["history"], got["history"])}
    assert HistoryEntry(2023, 1.0, "met").status == "met"


def _check_json(*extra: str) -> dict[str, Any]:
    """Run the command line on the example of docs/reports.md#json and read its JSON report."""
    done = CliRunner().invoke(main, ["check", str(ORACLE / "rd.yaml"), "-a", str(ORACLE / "rd.csv"), "-f", "json",
                                     *extra], catch_exceptions=False)
    assert done.exit_code == 0, done.stderr
    data: dict[str, Any] = json.loads(done.stdout)
    return data


def test_spec_5_1_example_through_the_cli_json() -> None:
    # b = 3.0 (2022), v_T = 3.6 (2027), a = 3.3 (2025): E(2025) = 3.0 + 3/5 * 0.6 = 3.36.
    (r,) = _check_json()["results"]
    hand = {"expected": 3.36, "gap": -0.06, "attainment": 3.3 / 3.6, "progress": 0.5,
            "time_progress": 0.6, "progress_ratio": 0.3 / 0.36, "required_annual": 0.15,
            "trend_annual": 0.1, "projected": 3.5}
    for name, value in hand.items():
        assert r[name] == pytest.approx(value, abs=1e-6), name
    assert (r["actual"], r["baseline"], r["target_value"], r["target_year"]) == (
        3.3, {"year": 2022, "value": 3.0}, 3.6, 2027)
    assert (r["projected_met"], r["status"], r["failing"], r["method"]) == (
        False, "at_risk", False, "linear")


def test_spec_5_1_example_with_the_cagr_method() -> None:
    # g_a = 1.1^(1/3) - 1 = 0.0322801, g_r = 1.2^(1/5) - 1 = 0.0371373, rho = 0.869210: at_risk.
    (r,) = _check_json("--method", "cagr")["results"]
    assert r["progress_ratio"] == pytest.approx(0.869210, abs=1e-6)
    assert (r["method"], r["status"]) == ("cagr", "at_risk")
    assert r["expected"] == pytest.approx(3.36, abs=1e-6)  # E(Y) stays the linear path
