"""Numbers beyond the float range: never inf or NaN in a result, a chart or the JSON report.

Inputs are finite and at most 1e300 in size (PC200, PC402), but their
arithmetic can still overflow.  The API gives such a result no_data with
reason out_of_range (descriptive numbers alone are nulled, the status kept);
the command line refuses the input with exit 2 and one line at the cell
(docs/evaluation.md#numbers-out-of-range).
"""
from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from policycheck.actuals.load import read_actuals
from policycheck.evaluation.engine import evaluate
from policycheck.evaluation.finite import not_finite
from policycheck.plans.build import load_plan
from policycheck.reporters import render
from policycheck.reporters.html.chart import LinearScale, nice_ticks, value_ticks
from tests.hardening.hardening2_kit import GIB, TAICANG, assert_clean, files_in, invoke, run

#: The probe's three-line CSV: each value finite, their difference not.
OVERFLOW_CSV = "target,year,value\nrd-intensity,2017,-1e308\nrd-intensity,2018,1e308\n"
PLAN_HEAD = ("policycheck: 1\nplan: {id: p, title: 示例, period: {start: 2021, end: 2025}, baseline_year: 2020}\n"
             "targets:\n")


def _plan(tmp_path: Path, target: str) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN_HEAD + target, encoding="utf-8")
    return path


def _csv(tmp_path: Path, text: str, name: str = "a.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


CUMULATIVE = ("  - {id: total, name: 累计, unit: 家, kind: cumulative, milestones: {2025: 100}, quote: q}\n")
CAGR = ("  - {id: growth, name: 增速, unit: '%', kind: cagr, milestones: {2025: 10}, quote: q}\n")
LEVEL = ("  - {id: share, name: 占比, unit: '%', kind: level, milestones: {2025: 1.0e-311}, quote: q,"
         " baseline: {year: 2020, value: 0}}\n")

GROWTH = ("  - {id: speed, name: 增长, unit: '%', kind: growth, value: 5, quote: q}\n")

#: name -> (plan target, its id, CSV, the computed value out of range, the cell of the finding)
OUT_OF_RANGE = {
    "cagr from 1e-300 to 1e300": (CAGR, "growth", "target,year,value\ngrowth,2020,1e-300\ngrowth,2022,1e300\n",
                                  "actual", "3:3"),
    "growth from 1e-300 to 1e300": (GROWTH, "speed", "target,year,value\nspeed,2021,1e-300\nspeed,2022,1e300\n",
                                    "actual", "3:3"),
}
#: name -> (plan target (None: Taicang), CSV, the finding lines ``FILE:...`` after the file name)
BEYOND_1E300 = {
    "three-line overflow CSV": (None, OVERFLOW_CSV, [
        ":2:3: error [PC402] '-1e308' is beyond ±1e+300: numbers this large leave no room for arithmetic; "
        "check the cell, or write it in a larger unit (万, 亿)",
        ":3:3: error [PC402] '1e308' is beyond ±1e+300: numbers this large leave no room for arithmetic; "
        "check the cell, or write it in a larger unit (万, 亿)"]),
    "cumulative 1.7e308 twice": (CUMULATIVE, "target,year,value\ntotal,2021,1.7e308\ntotal,2022,1.7e308\n", [
        ":2:3: error [PC402] '1.7e308' is beyond ±1e+300: numbers this large leave no room for arithmetic; "
        "check the cell, or write it in a larger unit (万, 亿)",
        ":3:3: error [PC402] '1.7e308' is beyond ±1e+300: numbers this large leave no room for arithmetic; "
        "check the cell, or write it in a larger unit (万, 亿)"]),
    "1e297万": (None, "target,year,value\nrd-intensity,2018,1e297万\n", [
        ":2:3: error [PC402] '1e297万' is beyond ±1e+300: numbers this large leave no room for arithmetic; "
        "check the cell, or write it in a larger unit (万, 亿)"]),
}


@pytest.mark.parametrize("case", BEYOND_1E300)
def test_numbers_beyond_1e300_are_pc402_for_validate_and_check(tmp_path: Path, case: str) -> None:
    target, text, lines = BEYOND_1E300[case]
    plan = TAICANG if target is None else _plan(tmp_path, target)
    data = _csv(tmp_path, text)
    expected = "".join(f"{data}{line}\n" for line in lines)
    assert invoke(["validate", plan, data]) == (1, expected, "")
    assert invoke(["check", plan, "-a", data, "-f", "json"]) == (2, "", expected)


def test_a_plan_number_beyond_1e300_is_pc200(tmp_path: Path) -> None:
    plan = _plan(tmp_path, CUMULATIVE.replace("{2025: 100}", "{2025: 1.0e+301}"))
    code, stdout, stderr = invoke(["validate", plan])
    assert (code, stderr) == (1, "")
    assert stdout == (f"{plan}:4:73: error [PC200] targets[0].milestones.2025 is 1e+301, beyond ±1e+300: numbers "
                      "this large leave no room for arithmetic; write it in a larger unit (万, 亿)\n")


@pytest.mark.parametrize("case", OUT_OF_RANGE)
@pytest.mark.parametrize("command", ["check-json", "check-html", "units", "explain"])
def test_out_of_range_arithmetic_is_exit_2_at_the_cell(tmp_path: Path, case: str, command: str) -> None:
    target, target_id, text, field, cell = OUT_OF_RANGE[case]
    plan = _plan(tmp_path, target)
    data = _csv(tmp_path, text)
    args = {"check-json": ["check", plan, "-a", data, "-f", "json"],
            "check-html": ["check", plan, "-a", data, "-q", "-o", f"html={tmp_path / 'r.html'}"],
            "units": ["units", plan, "-a", data],
            "explain": ["explain", plan, target_id, "-a", data]}[command]
    code, stdout, stderr = invoke(args)
    assert (code, stdout) == (2, "")
    lines = stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{data}:{cell}: error [PC402] ")
    assert f"goes beyond the range of numbers ({field})" in lines[0]
    assert "r.html" not in files_in(tmp_path)
    assert_clean(stdout, stderr)


@pytest.mark.parametrize("case", OUT_OF_RANGE)
def test_the_api_gives_no_data_and_every_format_renders(tmp_path: Path, case: str) -> None:
    target, _, text, field, _ = OUT_OF_RANGE[case]
    plan = load_plan(str(_plan(tmp_path, target)))
    report = evaluate([plan], read_actuals([str(_csv(tmp_path, text))], plans=[plan]))
    broken = [r for r in report.results if r.reason_code == "out_of_range"]
    assert [(r.status, r.reason_args) for r in broken] == [("no_data", {"field": field})]
    assert all(not not_finite(getattr(r, name)) for r in report.results for name in r.__slots__)
    data = json.loads(render(report, "json"))  # JSON has no NaN: this raised before
    assert data["results"][[r["target"] for r in data["results"]].index(broken[0].target)]["status"] == "no_data"
    for fmt in ("html", "text", "markdown", "csv", "junit", "sarif", "github", "table"):
        assert_clean(render(report, fmt), github=fmt == "github")


def test_the_probe_html_report_ends_bounded_in_a_real_process(tmp_path: Path) -> None:
    """The report that hung for ten minutes at 1.5 GB: exit 2 within 20 CPU seconds and 1 GiB."""
    data = _csv(tmp_path, OVERFLOW_CSV, "hang.csv")
    done = run(["check", TAICANG, "-a", data, "-o", f"html={tmp_path / 'hang.html'}", "-q"],
               cpu_seconds=20, memory=GIB)
    assert done.returncode == 2, done.stderr
    assert done.stderr.decode().startswith(f"{data}:2:3: error [PC402] '-1e308' is beyond ±1e+300")
    assert files_in(tmp_path) == ["hang.csv"]


def test_charts_of_the_largest_numbers_allowed_are_bounded(tmp_path: Path) -> None:
    """-1e300 and 1e300 are allowed: the HTML report of them renders, finite and small."""
    data = _csv(tmp_path, OVERFLOW_CSV.replace("e308", "e300"))
    plan = load_plan(str(TAICANG))
    report = evaluate([plan], read_actuals([str(data)], plans=[plan]))
    page = render(report, "html")
    assert "inf" not in page.lower().replace("info", "") and "nan" not in page.lower().replace("nanjing", "")
    assert len(page) < 2_000_000


def test_a_descriptive_number_out_of_range_is_null_and_the_status_stands(tmp_path: Path) -> None:
    # 1 against a target of 1e-311 from a baseline of 0: met, though 1/1e-311 is infinite.
    plan = load_plan(str(_plan(tmp_path, LEVEL)))
    actuals = read_actuals([str(_csv(tmp_path, "target,year,value\nshare,2022,1\n"))], plans=[plan])
    (result,) = evaluate([plan], actuals).results
    assert (result.status, result.reason_code) == ("met", "final_met_early")
    assert (result.attainment, result.progress) == (None, None)
    assert result.actual == 1.0


def test_the_denormal_case_follows_the_specs_comparison_slack(tmp_path: Path) -> None:
    """1e-321 against 1e-320 is met: SPEC 4's eps is 1e-9 below 1, so differences under
    1e-9 are float noise by definition (docs/evaluation.md#numbers-out-of-range)."""
    target = LEVEL.replace("1.0e-311", "1.0e-320").replace("value: 0}", "value: 1.0e-322}")
    plan = load_plan(str(_plan(tmp_path, target)))
    actuals = read_actuals([str(_csv(tmp_path, "target,year,value\nshare,2022,1e-321\n"))], plans=[plan])
    (result,) = evaluate([plan], actuals).results
    assert result.status == "met"
    assert json.loads(render(evaluate([plan], actuals), "json"))["results"][0]["status"] == "met"


def test_a_negative_level_is_named_not_the_positive_baseline(tmp_path: Path) -> None:
    plan = load_plan(str(_plan(tmp_path, CAGR)))
    actuals = read_actuals([str(_csv(tmp_path, "target,year,value\ngrowth,2020,100\ngrowth,2022,-5\n"))],
                           plans=[plan])
    (result,) = evaluate([plan], actuals).results
    assert (result.status, result.reason) == ("pending", "the 2022 level -5 is negative: no average growth")


def test_a_unit_conversion_beyond_1e300_is_pc402_at_the_cell(tmp_path: Path) -> None:
    # 1e297 亿元 in a target measured in 万元 is 1e301 万元: the conversion leaves the range.
    target = "  - {id: money, name: 投入, unit: 万元, kind: level, milestones: {2025: 100}, quote: q}\n"
    plan = _plan(tmp_path, target)
    data = _csv(tmp_path, "target,year,value,measure\nmoney,2022,1e297,亿元\n")
    assert invoke(["validate", plan, data]) == (1, f"{data}:2:3: error [PC402] '1e297' is beyond ±1e+300 once "
                                                   "converted to the target's unit of measure; check the cell and "
                                                   "its unit\n", "")


@pytest.mark.parametrize("option", ["--on-track", "--at-risk"])
@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "NaN"])
def test_thresholds_must_be_finite(option: str, value: str) -> None:
    code, stdout, stderr = invoke(["check", TAICANG, "-a", str(TAICANG).replace("plans", "examples").replace(
        "taicang-sti-2018-2020.yaml", "taicang.csv"), "--lang", "en", f"{option}={value}"])
    assert (code, stdout) == (2, "")
    assert f"Invalid value for '{option}': {value} is not a finite ratio; give one such as 0.95\n" in stderr
    assert_clean(stderr)


@pytest.mark.parametrize("value", [math.nan, math.inf, -1.0, "0.9", True])
def test_the_api_refuses_thresholds_that_are_not_finite_ratios(value: object) -> None:
    plan = load_plan(str(TAICANG))
    with pytest.raises(ValueError, match="on_track must be a finite ratio of at least 0"):
        evaluate([plan], read_actuals([]), on_track=value)  # type: ignore[arg-type]


@pytest.mark.parametrize(("lo", "hi"), [(-1e308, 1e308), (-1.7e308, 1.7e308), (0.0, 5e-324), (1e-320, 1e-319),
                                        (-math.inf, 1.0), (math.nan, 1.0), (0.0, 3.6), (7.0, 7.0)])
def test_nice_ticks_are_few_finite_and_increasing(lo: float, hi: float) -> None:
    ticks = nice_ticks(lo, hi)
    assert 2 <= len(ticks) <= 8 + 3
    assert all(math.isfinite(t) for t in ticks)
    assert all(a < b for a, b in zip(ticks, ticks[1:], strict=False))


def test_a_scale_wider_than_the_float_range_maps_onto_its_pixels() -> None:
    scale, ticks = value_ticks([-1e308, 1e308], (200.0, 20.0))
    assert [t.text for t in ticks] == ["-1e+308", "1e+308"]
    assert (scale(-1e308), scale(0.0), scale(1e308)) == (200.0, 110.0, 20.0)
    assert LinearScale((0.0, 4.0), (200.0, 20.0))(3.6) == pytest.approx(38.0)
