"""The JSON report written from a run's result columns is the one written from built Results, byte for byte.

:mod:`policycheck.reporters.json_columns` writes a run's results without building them
(docs/performance.md#json-from-the-columns).  Each test writes a report both ways: from
the table as a run leaves it, and from the same results built one by one (the table's
``stream``, what the report was written from before), and compares the texts.
"""
from __future__ import annotations

import importlib.util
import math
import sys
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policycheck.evaluation import resulttable
from policycheck.evaluation.outcome import Outcome
from policycheck.evaluation.reasons import REASONS, Reason, because
from policycheck.evaluation.resulttable import ResultTable, TargetFields
from policycheck.model import Baseline, HistoryEntry, Location, Report, Summary, UnitShortfall, UnitSummary
from policycheck.reporters.json_columns import Style, record_text
from policycheck.reporters.json_text import ONLY_WHEN_SET, encoder, report_json, report_json_bytes
from policycheck.service import check
from tests.helpers.acceptance import run
from tests.helpers.paths import EXAMPLES_DIR, PLANS_DIR, ROOT

#: Each example CSV and the plans it is read against (examples/README.md), with the options
#: that give its other kinds of result: a year with one-year requirements kept, a month.
EXAMPLES: list[tuple[str, str, dict[str, Any]]] = [
    ("taicang.csv", "taicang-sti-2018-2020.yaml", {}),
    ("taicang.csv", "taicang-sti-2018-2020.yaml", {"year": 2019}),
    ("taicang-excel-gb18030.csv", "taicang-sti-2018-2020.yaml", {}),
    ("linhai.csv", "linhai-315-2023-2027.yaml", {}),
    ("linhai.csv", "linhai-315-2023-2027.yaml", {"year": 2023}),
    ("linhai-2025.csv", "linhai-315-2023-2027.yaml", {}),
    ("bengbu.csv", "bengbu-sti-2023-2025.yaml", {}),
    ("linyi.csv", "linyi-sti-2021-2025.yaml", {}),
    ("longgang.csv", "longgang-sti-2024.yaml", {}),
    ("zhejiang.csv", "zhejiang-sti-2024.yaml", {}),
    ("china-2025-monthly.csv", "china-gov-work-report-2025.yaml", {}),
    ("china-2025-monthly.csv", "china-gov-work-report-2025.yaml", {"period": "2025-09"}),
    ("china-2025-monthly.csv", "china-gov-work-report-2025.yaml", {"period": "2025-03"}),
    ("china-14th-fyp.csv", "china-14th-fyp-2021-2025.yaml", {}),
    ("china-14th-fyp.csv", "china-14th-fyp-2021-2025.yaml", {"method": "cagr"}),
    ("china-ip-power.csv", "china-ip-power-2021-2025.yaml", {}),
]


def both_ways(report: Report) -> tuple[str, str]:
    """The report written from its result table's columns, and from the same results built (the columns'
    text also checked against the bytes ``-o json`` writes)."""
    table = report.results
    assert isinstance(table, ResultTable) and table.target_blocks() is not None
    fast = report_json(report)
    # the file's bytes, made as wire text (json_values.wire), are the text's UTF-8
    assert b"".join(report_json_bytes(report)) == fast.encode("utf-8")
    assert table.target_blocks() is not None  # still columns: nothing was built for the report
    encode = encoder()
    style = Style(encode, ONLY_WHEN_SET)
    for unit in report.units:  # written with their shortfalls split into columns
        assert record_text(unit, style) == encode(unit)
    return fast, report_json(replace(report, results=tuple(table.stream())))


def test_every_example_csv_is_covered() -> None:
    statistics = {p.name for p in EXAMPLES_DIR.glob("*.csv") if not p.name.endswith("-notes.csv")}
    assert {name for name, _, _ in EXAMPLES} == statistics


@pytest.mark.parametrize(("csv_name", "plan", "options"), EXAMPLES,
                         ids=[f"{c}-{'-'.join(map(str, o.values())) or 'latest'}" for c, _, o in EXAMPLES])
def test_each_example_writes_the_same_report(csv_name: str, plan: str, options: dict[str, Any]) -> None:
    report = check([str(PLANS_DIR / plan)], [str(EXAMPLES_DIR / csv_name)], **options)
    fast, built = both_ways(report)
    assert fast == built
    assert fast.count('"plan": ') >= len(report.results) > 0


def test_bench_data_writes_the_same_report(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from generate import generate  # bench/generate.py: the national data set, a tenth of it
    finally:
        sys.path.remove(str(ROOT / "bench"))
    plan, actuals, rows = generate(tmp_path, 0.1)
    assert rows == 113_600
    readers = ["exact"] + (["fast"] if importlib.util.find_spec("pyarrow") else [])
    for reader in readers:
        report = check([str(plan)], [str(actuals)], reader=reader)
        assert len(report.results) == 14_200
        fast, built = both_ways(report)
        assert fast == built


def test_the_command_writes_the_same_file_in_either_language(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    plan, csv_file = str(PLANS_DIR / "linhai-315-2023-2027.yaml"), str(EXAMPLES_DIR / "linhai.csv")
    written = {}
    for lang in ("zh", "en"):
        out = tmp_path / f"{lang}.json"
        code, _, _ = run("check", "-q", plan, "-a", csv_file, "--lang", lang, "-o", f"json={out}")
        assert code == 1  # four binding targets fail (examples/README.md)
        written[lang] = out.read_bytes()
    # the same run with every Result built first writes the same bytes
    monkeypatch.setattr(ResultTable, "target_blocks", lambda self: None)
    code, _, _ = run("check", "-q", plan, "-a", csv_file, "-o", f"json={tmp_path / 'built.json'}")
    assert code == 1
    assert written["zh"] == written["en"] == (tmp_path / "built.json").read_bytes()


def test_no_result_is_built_for_the_report(monkeypatch: pytest.MonkeyPatch) -> None:
    report = check([str(PLANS_DIR / "linhai-315-2023-2027.yaml")], [str(EXAMPLES_DIR / "linhai.csv")])

    def refuse(*args: object) -> None:
        raise AssertionError("a Result was built")

    monkeypatch.setattr(resulttable, "build_result", refuse)
    text = report_json(report)
    assert '"target": "rd-intensity"' in text


def test_notes_and_compare_reports_are_written_from_their_results(tmp_path: Path) -> None:
    plan, csv_file = str(PLANS_DIR / "taicang-sti-2018-2020.yaml"), str(EXAMPLES_DIR / "taicang.csv")
    previous = tmp_path / "2019.json"
    run("check", "-q", plan, "-a", csv_file, "--year", "2019", "-o", f"json={previous}")
    assert previous.is_file()
    report = check([plan], [csv_file], notes=[str(EXAMPLES_DIR / "taicang-notes.csv")], compare=str(previous))
    assert not isinstance(report.results, ResultTable)  # explanations and trends are set on built Results
    text = report_json(report)
    assert '"explanation": {' in text and '"trend": {' in text


# -- made-up results: every kind of value a column can hold -----------------------------------------

_LOCATION = Location("plans/规划 \"甲\".yaml", 12, 5)


def _target(**fields: Any) -> TargetFields:
    values: dict[str, Any] = dict(plan="p-1", target="t%1", name="研发投入强度 \"R&D\" 100%", kind="level",
                                  comparator=">=", measure="%", commitment="binding", lead="kjj",
                                  responsible=("kjj", "fgw"), location=_LOCATION, name_en=None, requirement="≥3.2")
    values.update(fields)
    return TargetFields(**values)


def _report(table: ResultTable) -> Report:
    return Report(tool={"name": "policycheck", "version": "0"}, method="linear",
                  thresholds={"on_track": 0.95, "at_risk": 0.6}, fail_on="off-track", plans=(), results=table,
                  units=(), summary=Summary(len(table), {}, 0))


def _table(rows: list[tuple[TargetFields, str | None, int, Outcome, bool]]) -> ResultTable:
    table = ResultTable()
    for row in rows:
        table.append(*row)
    return table


def _same_both_ways(rows: list[tuple[TargetFields, str | None, int, Outcome, bool]]) -> str:
    fast, built = both_ways(_report(_table(rows)))
    assert fast == built
    return fast


def test_floats_as_json_writes_them() -> None:
    base = _target()
    values = [1.5, -0.0, 0.0, 1e300, -1e-320, 5e-324, 1e16, 123456789.12345679, math.inf, -math.inf, math.nan,
              0.1 + 0.2, 2.0 ** 70]
    rows = [(base, f"u{i}", 2025, Outcome(actual=v, gap=v, margin=-v, expected=v * 10, projected=None if i % 2 else v,
                                          observed=((2024, v), (2025, i % 3 == 0))), bool(i % 2))
            for i, v in enumerate(values)]
    text = _same_both_ways(rows)
    assert '"actual": -0.0' in text and '"actual": 1e+300' in text and '"actual": null' in text
    assert '"expected": null' in text  # 1e300 * 10 overflows to inf: null, as for any number out of range


def test_a_column_of_one_value_in_many_objects_and_a_column_repeated() -> None:
    base = _target()
    gaps = [float(f"{i}.25") for i in range(5)]
    rows = [(base, f"u{i}", 2025, Outcome(actual=float("0.5"), gap=g, margin=g * 1.0,
                                          time_progress=-0.0 if i else 0.0), False) for i, g in enumerate(gaps)]
    text = _same_both_ways(rows)
    assert '"time_progress": 0.0' in text and '"time_progress": -0.0' in text


def test_short_floats_are_looked_up_and_each_keeps_its_own_text() -> None:
    """A column of short values (a statistic as a CSV file gives it) is written from the texts met so
    far in the report: a zero of either sign, NaN and infinity are never looked up, a long value
    after the first few is written as it is, and a value met in an earlier target is reused."""
    values = [65.1, 73.87, 0.0, -0.0, 65.1, math.nan, 79.73, -0.0, 0.0, math.inf, -math.inf, 73.87, 0.1 + 0.2,
              1e300, 5e-324, -65.1, 2.5, 65.1, math.nan, 0.0]
    rows = []
    for t, shift in enumerate((0, 3, 7)):  # three targets: the later ones meet known values and new ones
        base = _target(target=f"t{t}")
        column = values[shift:] + values[:shift]
        rows += [(base, f"u{i}", 2025, Outcome(actual=v, observed=((2024, v), (2025, column[-1 - i])),
                                                baseline=Baseline(2020, -v)), False)
                 for i, v in enumerate(column)]
    text = _same_both_ways(rows)
    assert '"actual": 0.0' in text and '"actual": -0.0' in text and '"actual": null' in text
    assert '"actual": 0.30000000000000004' in text and '"actual": 5e-324' in text
    assert '"baseline": {"year": 2020, "value": -0.0}' in text and '"value": 0.0}' in text


def test_short_floats_in_long_columns_of_several_pieces() -> None:
    """More results than one piece of lines, the values repeating: the second piece's column is
    written from texts the first one left, zeros of both signs among them."""
    base = _target()
    values = [float(f"{i % 37}.{i % 7}") * (-1) ** (i // 37) for i in range(5000)]
    values[4500:4510] = [0.0, -0.0] * 5
    rows = [(base, f"u{i}", 2025, Outcome(actual=v, gap=v / 3), False) for i, v in enumerate(values)]
    text = _same_both_ways(rows)
    negative = sum(1 for v in values if v == 0 and math.copysign(1, v) < 0)
    assert negative > 5 and text.count('"actual": -0.0,') == negative
    assert text.count('"actual": 0.0,') == values.count(0.0) - negative


def test_text_that_needs_escaping_and_units_of_every_kind() -> None:
    units = [None, "kjj", "县\"A\"", "b\\c", "tab\there", "line\u2028sep", "百分之100%", "\x01", "emoji 🎉"]
    for lead in ("kjj", None):
        base = _target(lead=lead, responsible=("kjj",) if lead else ())
        rows = [(base, unit, 2025, Outcome(source=unit, note="注 %s %%", status="on_track"), False) for unit in units]
        _same_both_ways(rows)


def test_optional_fields_present_on_some_results_only() -> None:
    base = _target(direction="up", attribute="binding")
    outcomes = [
        Outcome(stated="已完成", approximate=True, change={"base_year": 2020, "value": 1.5}, category="一档"),
        Outcome(approximate=False, change={"base_year": 2020, "percent": -3.0}),
        Outcome(change={1: "not text", "x": [1, 2]}, expected_category="二档", target_category="一档"),
        Outcome(as_of="2025-09", actual_period="2025-01/2025-09", basis="ytd", elapsed=0.75, schedule="linear",
                schedule_years=(2023, 2024), months=((1, 1.0, None), (2, None, 2.5))),
        Outcome(),
    ]
    rows = [(base, f"u{i}", 2025, out, False) for i, out in enumerate(outcomes)]
    text = _same_both_ways(rows)
    assert text.count('"approximate": true') == 1 and '"stated": "已完成"' in text
    assert '"direction": "up"' in text


def test_records_tuples_and_per_unit_requirements() -> None:
    base = _target()
    history = (HistoryEntry(2023, 1.0, "met"), HistoryEntry(2024, None, "no_data"))
    outcomes = [
        Outcome(baseline=Baseline(2020, 1.25), history=history, years_met=1, years_due=2, requirement="≥5",
                path=((2020, 1.25), (2025, 3.0)), expected_range=(1.0, 2.0), target_value=(1.0, 2.0)),
        Outcome(baseline=Baseline(2020, -0.0), history=history[:1], years_met=0, years_due=1,
                path=((2020, -0.0),), expected_range=(1.0, 2.5), target_value=True, last_year=2019, last_value=False),
        Outcome(baseline=None, history=None, path=(), target_value=3, last_year=2**80, last_value=2.5),
    ]
    rows = [(base, f"u{i}", 2025 - i, out, i == 1) for i, out in enumerate(outcomes)]
    _same_both_ways(rows)
    _same_both_ways([(base, f"u{i}", 2025, replace(outcomes[0], baseline=Baseline(2020, 1.0 + i)), False)
                     for i in range(4)])


def test_reasons_of_every_shape() -> None:
    base = _target()
    reasons = [
        because("on_schedule", method="linear", actual="97.37", expected="93.02"),
        because("on_schedule", method="linear", actual="9%", expected="\"8\""),
        Reason(),  # a result not yet judged: no reason
        Reason("on_schedule", MappingProxyType({"method": "linear", "actual": "1", "expected": "2"})),
        Reason("on_schedule", {"expected": "2", "actual": "1", "method": "cagr"}),  # other key order
        because("inyear_achieved", period="2025-01/2025-09"),
        because("inyear_requirement_met", actual="5", period="2025-09", target="≥3.2"),
    ]
    assert all(reason.code in REASONS or not reason.code for reason in reasons)
    rows = [(base, f"u{i}", 2025, Outcome(reason=reason, status="on_track"), False) for i, reason in enumerate(reasons)]
    text = _same_both_ways(rows)
    assert "9%" in text and "achieved by" in text
    _same_both_ways([(base, f"u{i}", 2025, Outcome(reason=reasons[0]), False) for i in range(3)])


def test_reason_arguments_the_same_throughout_or_needing_escapes_in_some_rows() -> None:
    """The reasons of one code written by one template (json_reasons): an argument the same for every
    result written into it once, a column of texts with nothing to escape filled in as it is, one
    with a quote, a backslash, a control character or a ``%`` in some rows escaped, the requirement's
    words put in English once per text."""
    base = _target()
    actuals = ["97.37", '9"%', "1\\2", "x\ny", "%s", "百分之5", "line\u2028sep", "97.37"]
    reasons = [because("on_schedule", method="linear 100%", actual=actual, expected='"8"\t%%') for actual in actuals]
    text = _same_both_ways([(base, f"u{i}", 2025, Outcome(reason=r), False) for i, r in enumerate(reasons)])
    assert '"reason": "on the linear 100% schedule: actual 9\\"%, expected \\"8\\"\\t%%"' in text
    assert '"reason_args": {"method": "linear 100%", "actual": "%s", "expected": "\\"8\\"\\t%%"}' in text
    missed = [because("one_year_missed", year="2024", target=target, actual=actual)
              for target, actual in zip(["前3名", "前3名", "≤5%", "前3名"], ["1", "2", "3", "1"], strict=True)]
    text = _same_both_ways([(base, f"u{i}", 2025, Outcome(reason=r), False) for i, r in enumerate(missed)])
    assert text.count('"reason": "the 2024 requirement top 3 was not met: actual 1 in 2024"') == 2
    assert '"reason_args": {"year": "2024", "target": "≤5%", "actual": "3"}' in text
    one = [because("one_year_missed", year="2024", target="清零", actual=str(i)) for i in range(3)]
    _same_both_ways([(base, f"u{i}", 2025, Outcome(reason=r), False) for i, r in enumerate(one)])


def test_targets_of_several_blocks_and_long_blocks() -> None:
    first, second = _target(), _target(target="t2", name_en="R&D", lead=None, responsible=())
    rows = [(first, f"u{i}", 2025, Outcome(actual=i / 7, reason=because("on_schedule", method="linear",
                                                                        actual=str(i), expected="1")), False)
            for i in range(5000)]  # more than one piece of lines
    rows += [(second, None, 2024, Outcome(actual=None), True), (first, "u1", 2025, Outcome(actual=2.0), True)]
    text = _same_both_ways(rows)
    assert text.endswith("\n  ],\n  \"units\": [],\n  \"summary\": {\"results\": 5002, \"by_status\": {}, "
                         "\"failing\": 0},\n  \"findings\": [],\n  \"superseded\": [],\n  \"strict\": false\n}\n")


def test_units_and_their_shortfalls_as_json_writes_them() -> None:
    gaps = [None, -0.0, math.nan, math.inf, 1e300, 0.1, 0.1, 3]
    shortfalls = tuple(UnitShortfall("p", f"t{i}", None if i % 3 else "县%", "lead" if i % 2 else "scope", "missed",
                                     gap, i) for i, gap in enumerate(gaps))
    units = (UnitSummary("kjj", "科技局 \"甲\"", 2, 1, {"missed": 2}, shortfalls, name_en="S&T"),
             UnitSummary("fgw", "发改委", 0, 0, {}, shortfalls[:1]), UnitSummary("x", "x", 0, 0, {}, ()),
             UnitSummary("y", "y", 1, 0, {}, (shortfalls[0], shortfalls[0])))
    report = replace(_report(_table([(_target(), None, 2025, Outcome(), False)])), units=units)
    fast, built = both_ways(report)
    assert fast == built
    assert '"gap": null, "count": 2}' in fast and '"gap": -0.0' in fast


# -- any values at all ----------------------------------------------------------------------------------

_FLOATS = st.floats(allow_nan=True, allow_infinity=True) | st.sampled_from([0.0, -0.0, 1e300, 0.1, 2.5])
_NUMBERS = st.one_of(st.none(), _FLOATS, st.booleans(), st.integers(-10**20, 10**20))
_TEXT = st.none() | st.text(max_size=8)


@st.composite
def _outcome(draw: st.DrawFn) -> Outcome:
    code = draw(st.sampled_from(["on_schedule", "behind_below", "", "no_data", "no_milestones", "one_year_missed"]))
    names = ["method", "actual", "expected", "difference", "year", "what"]
    if code == "one_year_missed" or draw(st.booleans()):  # english puts a requirement in words
        names.append("target")
    reason = Reason(code, {name: draw(st.text(max_size=5)) for name in names})
    return Outcome(actual=draw(_NUMBERS), expected=draw(_FLOATS | st.none()), gap=draw(_FLOATS), margin=draw(_NUMBERS),
                   status=draw(st.sampled_from(["met", "on_track", "no_data"])), reason=reason,
                   source=draw(_TEXT), stated=draw(_TEXT), approximate=draw(st.booleans()),
                   observed=tuple(draw(st.lists(st.tuples(st.integers(2000, 2030), _NUMBERS), max_size=3))),
                   baseline=draw(st.none() | st.builds(Baseline, st.integers(2000, 2030), _FLOATS)))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from([None, "a", "b", "县"]), _outcome(), st.booleans()), min_size=1,
                max_size=12), st.booleans())
def test_any_values_are_written_as_from_built_results(rows: list[tuple[str | None, Outcome, bool]],
                                                      share: bool) -> None:
    base = _target()
    if share:  # the same object in every result: a column kept once
        rows = [(unit, rows[0][1], failing) for unit, _, failing in rows]
    assert "behind_below" in REASONS
    _same_both_ways([(base, unit, 2025, out, failing) for unit, out, failing in rows])
