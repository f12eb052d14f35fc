"""Fuzzing: plan YAML and actuals CSV built from their grammars, then broken at random.

Whatever comes in, only findings or results come out: ``check_plan_file``,
``run_validation`` and ``read_actuals`` never raise, and whatever loads goes
through ``evaluate``, ``explain_target``, ``build_template`` and every report
format without an exception.  Runs are derandomized and use no example
database, so CI sees the same cases every time; the counts keep the file
well under a minute.
"""
from __future__ import annotations

import math
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from policycheck.actuals.load import read_actuals
from policycheck.actuals.template import build_template
from policycheck.evaluation.engine import evaluate
from policycheck.evaluation.explain import explain_target
from policycheck.findings import Finding, has_errors
from policycheck.model import Plan
from policycheck.observations import Actuals
from policycheck.plans.build import check_plan_file, load_plan
from policycheck.reporters import BINARY_FORMATS, REPORT_FORMATS, RenderOptions, render_file
from policycheck.reporters.explain_view import render_explanation
from policycheck.validation import run_validation
from tests.helpers.paths import PLANS_DIR

pytestmark = pytest.mark.slow

FUZZ = settings(max_examples=120, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
LINHAI = load_plan(str(PLANS_DIR / "linhai-315-2023-2027.yaml"))
UNITS = ("kjj", "jxj", "town-a", "town-b")
COMPARATORS = (">=", ">", "<=", "<", "==", "approx")

# ---------------------------------------------------------------- plan grammar

ids = st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True)
numbers = st.one_of(st.integers(-5, 5000), st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False))


@st.composite
def targets(draw: st.DrawFn, index: int, start: int, end: int) -> dict[str, Any]:
    kind = draw(st.sampled_from(["level", "annual", "cumulative", "growth", "cagr", "rank", "milestone"]))
    target: dict[str, Any] = {"id": f"t{index}-{draw(ids)}", "name": draw(st.text(min_size=1, max_size=8)),
                              "kind": kind, "quote": "原文"}
    years = sorted(draw(st.sets(st.integers(start, end), min_size=1, max_size=3)))
    if kind == "milestone":
        target["milestones"] = {years[-1]: True}
    else:
        target["unit"] = draw(st.sampled_from(["%", "家", "亿元", "万元", "个"]))
        if kind in ("annual", "growth"):
            target["value"] = draw(numbers)
        else:
            target["milestones"] = {year: draw(numbers) for year in years}
        if kind not in ("rank",) and draw(st.booleans()):
            target["comparator"] = draw(st.sampled_from(COMPARATORS))
    if draw(st.booleans()):
        target["responsible"] = draw(st.lists(st.sampled_from(UNITS), min_size=1, max_size=2, unique=True))
    if kind != "milestone" and draw(st.booleans()):
        target["scope"] = {"units": ["town-a", "town-b"]}
    if draw(st.booleans()):
        target["commitment"] = "aspirational"
    return target


@st.composite
def plan_documents(draw: st.DrawFn) -> dict[str, Any]:
    start = draw(st.integers(2018, 2026))
    end = start + draw(st.integers(0, 4))
    count = draw(st.integers(1, 4))
    return {
        "policycheck": 1,
        "plan": {"id": draw(ids), "title": draw(st.text(min_size=1, max_size=12)),
                 "period": {"start": start, "end": end}, "baseline_year": start - 1},
        "units": {uid: {"name": f"单位{uid}", **({"group": "towns"} if uid.startswith("town") else {})}
                  for uid in UNITS},
        "targets": [draw(targets(i, start, end)) for i in range(count)],
    }


def _paths(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key path in ``data`` (mapping keys and list indexes)."""
    found = [path] if path else []
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, path + (index,))
    return found


JUNK_VALUES = st.one_of(st.none(), st.booleans(), st.text(max_size=6), st.floats(), st.integers(-10**30, 10**30),
                        st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=3), st.integers(),
                                                                             max_size=2))


@st.composite
def mutated_yaml(draw: st.DrawFn) -> bytes:
    """A valid plan document, dumped, then changed by up to three random mutations."""
    data = draw(plan_documents())
    for _ in range(draw(st.integers(0, 2))):
        paths = _paths(data)
        path = draw(st.sampled_from(paths))
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        if draw(st.booleans()):
            del parent[path[-1]]  # delete a key (or a list item)
        else:
            parent[path[-1]] = draw(JUNK_VALUES)  # change a type
    raw = yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")
    for _ in range(draw(st.integers(0, 2))):
        raw = draw(st.sampled_from([_insert_junk, _duplicate_line, _truncate]))(draw, raw)
    return raw


def _insert_junk(draw: st.DrawFn, raw: bytes) -> bytes:
    at = draw(st.integers(0, len(raw)))
    junk = draw(st.one_of(st.binary(min_size=1, max_size=6),
                          st.sampled_from([b"&a ", b"*a", b"!!python/object:os.system ", b"\x00", b"\t", b"{", b"- ",
                                           b"\xef\xbb\xbf", b"'", b": :", b"? "])))
    return raw[:at] + junk + raw[at:]


def _duplicate_line(draw: st.DrawFn, raw: bytes) -> bytes:
    lines = raw.split(b"\n")
    at = draw(st.integers(0, len(lines) - 1))
    return b"\n".join(lines[: at + 1] + [lines[at]] + lines[at + 1:])


def _truncate(draw: st.DrawFn, raw: bytes) -> bytes:
    return raw[: draw(st.integers(0, len(raw)))]

# ----------------------------------------------------------------- CSV grammar

HEADERS = (["target", "year", "value"], ["指标", "年份", "数值", "状态"], ["target", "year", "value", "unit"],
           ["plan", "target", "year", "value", "measure", "note"], ["target", "2022", "2023年", "2024"],
           ["target", "unit", "2023", "2024"])
CELLS = st.one_of(
    st.sampled_from(["rd-intensity", "hv-patents-per-10k", "innovative-county", "tech-smes", "nope",
                     "linhai-315-2023-2027", "2022", "2023", "2024年", "１９９９", "3.6", "1,500", "3.6%",
                     "1728万", "-", "NA", "是", "否", "√", "final", "预计", "kjj", "town-a", "%", "亿元",
                     "=1+1", "", " ", "1e400", "nan", "9" * 40]),
    st.text(max_size=5), st.floats(allow_nan=True).map(str))
ENCODINGS = ("utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le", "latin-1")


@st.composite
def csv_bytes(draw: st.DrawFn) -> bytes:
    header = draw(st.sampled_from(HEADERS))
    rows = [header] + draw(st.lists(st.lists(CELLS, min_size=len(header) - 1, max_size=len(header) + 1),
                                    max_size=8))  # ragged rows: one field short or one extra
    text = "\r\n".join(",".join(_quote(cell, draw) for cell in row) for row in rows) + "\n"
    raw = text.encode(draw(st.sampled_from(ENCODINGS)), errors="replace")
    for _ in range(draw(st.integers(0, 2))):
        at = draw(st.integers(0, len(raw)))
        junk = draw(st.one_of(st.binary(min_size=1, max_size=4),
                              st.sampled_from([b"\x00", b"\xef\xbb\xbf", b"\xff\xfe", b'"', b"\r", b",,,"])))
        raw = raw[:at] + junk + raw[at:]
    return raw


def _quote(cell: str, draw: st.DrawFn) -> str:
    if any(ch in cell for ch in ',"\r\n') or draw(st.booleans()):
        return '"' + cell.replace('"', '""') + '"'
    return cell

# ------------------------------------------------------------------ assertions


def _assert_findings(findings: list[Finding] | tuple[Finding, ...], path: str) -> None:
    for finding in findings:
        assert isinstance(finding, Finding) and finding.file == path
        assert finding.line >= 0 and finding.column >= 0 and finding.message


def _evaluate_and_render(plans: list[Plan], actuals: Actuals) -> None:
    """The whole pipeline on whatever loaded: every format, the explanation and the template."""
    report = evaluate(plans, actuals)
    for fmt in REPORT_FORMATS:
        rendered = render_file(report, fmt, RenderOptions(lang="en", width=100))
        assert isinstance(rendered, bytes if fmt in BINARY_FORMATS else str)
    for plan in plans:
        explanation = explain_target(plan, plan.targets[0].id, actuals)
        assert isinstance(render_explanation(explanation, RenderOptions(width=100)), str)
    assert "指标" in build_template(plans, wide=True).split("\r\n", 1)[0]


def _write(folder: str, name: str, raw: bytes) -> str:
    path = Path(folder) / name
    path.write_bytes(raw)
    return str(path)


@FUZZ
@given(raw=mutated_yaml(), csv=csv_bytes())
def test_fuzzed_plan_gives_findings_or_a_plan_that_evaluates(raw: bytes, csv: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = _write(folder, "plan.yaml", raw)
        loaded = check_plan_file(path)
        _assert_findings(loaded.findings, path)
        validation = run_validation([path])
        assert list(validation.findings) == loaded.findings
        if loaded.plan is None or has_errors(loaded.findings):
            event("plan rejected")
            return
        event("plan evaluated")
        csv_path = _write(folder, "a.csv", csv)
        actuals = read_actuals([csv_path], plans=[loaded.plan])
        _assert_findings(actuals.findings, csv_path)
        _evaluate_and_render([loaded.plan], actuals)


@settings(FUZZ, max_examples=300)
@given(raw=csv_bytes(), allow_unknown=st.booleans(), encoding=st.sampled_from(["auto", "auto", "gb18030", "utf-16"]))
def test_fuzzed_csv_gives_findings_or_actuals_that_evaluate(raw: bytes, allow_unknown: bool, encoding: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = _write(folder, "a.csv", raw)
        actuals = read_actuals([path], plans=[LINHAI], encoding=encoding, allow_unknown=allow_unknown)
        _assert_findings(actuals.findings, path)
        bare = read_actuals([path], encoding=encoding)  # no plan: only the structure is checked
        _assert_findings(bare.findings, path)
        if not has_errors(actuals.findings):
            event("actuals evaluated")
            _evaluate_and_render([LINHAI], actuals)


@settings(FUZZ, max_examples=60)
@given(data=plan_documents(), values=st.lists(st.floats(-1e300, 1e300, allow_nan=False), min_size=1, max_size=6))
def test_valid_plans_with_extreme_values_evaluate(data: dict[str, Any], values: list[float]) -> None:
    """Plans from the grammar with actuals of any finite size: results, never an overflow."""
    with tempfile.TemporaryDirectory() as folder:
        path = _write(folder, "plan.yaml", yaml.safe_dump(data, allow_unicode=True).encode("utf-8"))
        loaded = check_plan_file(path)
        assert not [f for f in loaded.findings if f.rule in ("PC100", "PC101", "PC102", "PC200")]
        assert loaded.plan is not None
        plan = loaded.plan
        rows = ["target,year,value"] + [f"{t.id},{plan.baseline_year + i},{v!r}"
                                        for t in plan.targets if t.kind != "milestone"
                                        for i, v in enumerate(values)]
        csv_path = _write(folder, "a.csv", "\n".join(rows).encode("utf-8"))
        actuals = read_actuals([csv_path], plans=[plan])
        assert not [f for f in actuals.findings if f.rule in ("PC400", "PC401", "PC402", "PC408")]
        _evaluate_and_render([plan], actuals)
        assert all(r.actual is None or math.isfinite(r.actual) for r in evaluate([plan], actuals).results
                   if isinstance(r.actual, float))
