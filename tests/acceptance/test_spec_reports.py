"""Acceptance tests of the unit view (docs/evaluation.md#unit-view), the JSON report and the other formats.

They drive the command line the way a CI job or a script outside the project
would, and check only what docs/reports.md and docs/evaluation.md promise.
"""
from __future__ import annotations

import csv
import functools
import io
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from policycheck.cli.commands import main

ROOT = Path(__file__).resolve().parents[2]
# The strict JUnit XSD and the SARIF 2.1.0 schema, copied into the repository
# (tests/fixtures/schemas/README.md names their origin and licence).
SCHEMAS = ROOT / "tests" / "fixtures" / "schemas"
XSS = "<script>alert(1)</script>"
STATUSES = ("missed", "regressing", "off_track", "at_risk", "no_data", "pending", "on_track", "met")
ZH_LABELS = {
    "met": "已达成", "on_track": "符合序时进度", "at_risk": "略有滞后", "off_track": "明显滞后",
    "regressing": "不进反退", "missed": "未达成", "no_data": "缺少数据", "pending": "未到期",
}

PLAN = f"""\
# yaml-language-server: $schema=../schemas/plan.schema.json
policycheck: 1
plan:
  id: demo-2023-2027
  title: 演示规划（2023—2027年）
  period: {{start: 2023, end: 2027}}
units:
  kjj: {{name: 市科技局}}
  jxj: {{name: 市经信局}}
  czj: {{name: 市财政局}}
  a: {{name: 东城街道, group: towns}}
  b: {{name: 西城街道, group: towns}}
targets:
  - id: rd
    name: "{XSS}"
    unit: "%"
    kind: level
    milestones: {{2027: 3.6}}
    responsible: [kjj, czj]
    quote: 研发投入强度达到3.6%
  - id: hnte
    name: 每年新增高新技术企业
    unit: 家
    kind: annual
    value: 60
    responsible: [jxj, kjj]
    quote: 每年新增高新技术企业不低于60家
  - id: area
    name: 新投入使用创新载体面积
    unit: 万平方米
    kind: level
    milestones: {{2027: 1}}
    scope: {{group: towns}}
    responsible: [jxj]
    quote: 各镇街新投入使用创新载体面积不低于1万平方米
  - id: city
    name: 建成创新型城市
    kind: milestone
    milestones: {{2027: true}}
    responsible: [kjj]
"""

ACTUALS = f"""\
target,year,value,unit,status,note
rd,2022,3.0,,final,
rd,2025,3.25,,estimate,{XSS}
rd,2025,3.3,,final,=HYPERLINK("http://x")
hnte,2025,58,,final,
area,2022,0,a,final,
area,2025,0.1,a,final,
area,2022,0.2,b,final,
area,2025,0.1,b,final,
city,2025,否,,final,
hnte,2025,58,,final,
"""

# Expected statuses at 2025, by (target, unit), from docs/evaluation.md.
EXPECTED = {
    ("rd", None): "at_risk",        # rho = 0.3 / 0.36 = 0.8333
    ("hnte", None): "missed",       # 58 < 60
    ("area", "a"): "off_track",     # rho = 0.1 / 0.6
    ("area", "b"): "regressing",    # 0.1 < 0.2
    ("city", None): "pending",      # 2025 < 2027, not done
}


@dataclass(frozen=True)
class Ran:
    """What a run of the command gave: exit code and the bytes of stdout and stderr."""

    returncode: int
    stdout: bytes
    stderr: bytes


def run(cwd: Path, *args: str, env: dict[str, str] | None = None) -> Ran:
    """Run the command in ``cwd`` as a CI job does (stdout is not a terminal), in-process.

    click's CliRunner gives the command the same arguments, environment and a
    non-terminal stdout a subprocess would, at a fraction of the cost; the
    real process is tested once, in :func:`test_a_real_process_prints_the_same_report`.
    """
    overrides: dict[str, str | None] = {"GITHUB_ACTIONS": None, "COLUMNS": None, **(env or {})}
    here = os.getcwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, list(args), env=overrides, catch_exceptions=False)
    finally:
        os.chdir(here)
    return Ran(result.exit_code, result.stdout_bytes, result.stderr_bytes)


def run_process(cwd: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m policycheck`` in a real process, with stdout a pipe."""
    env = {k: v for k, v in os.environ.items() if k not in {"GITHUB_ACTIONS", "COLUMNS"}}
    return subprocess.run([sys.executable, "-m", "policycheck", *args], cwd=cwd, capture_output=True, env=env,
                          check=False)


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "demo.yaml").write_text(PLAN, encoding="utf-8")
    (tmp_path / "data.csv").write_text(ACTUALS, encoding="utf-8")
    return tmp_path


def check(cwd: Path, fmt: str, *extra: str) -> Ran:
    return run(cwd, "check", "plans/demo.yaml", "-a", "data.csv", "--year", "2025", "-f", fmt, *extra)


@pytest.fixture
def report(demo: Path) -> dict[str, Any]:
    proc = check(demo, "json")
    assert proc.returncode == 1, proc.stderr.decode()
    return json.loads(proc.stdout.decode("utf-8"))


# ---------------------------------------------------------------- JSON: docs/reports.md#json

TOP_KEYS = {"tool", "method", "thresholds", "fail_on", "plans", "results", "units",
            "summary", "findings", "superseded"}
RESULT_KEYS = {"plan", "target", "unit", "name", "kind", "comparator", "measure", "commitment",
               "lead", "responsible", "location", "year", "actual", "data_status", "baseline",
               "target_value", "target_year", "expected", "gap", "attainment", "progress",
               "time_progress", "progress_ratio", "required_annual", "trend_annual", "projected",
               "projected_met", "method", "status", "failing", "reason"}


def test_json_top_level_keys(report: dict[str, Any]) -> None:
    assert set(report) >= TOP_KEYS
    assert report["tool"]["name"] == "policycheck"
    assert isinstance(report["tool"]["version"], str) and report["tool"]["version"]
    assert report["method"] == "linear"
    assert report["thresholds"] == {"on_track": 0.95, "at_risk": 0.6}
    assert report["fail_on"] == "off-track"
    assert report["plans"] == [{"id": "demo-2023-2027", "title": "演示规划（2023—2027年）",
                                "file": "plans/demo.yaml", "period": [2023, 2027],
                                "baseline_year": 2022, "year": 2025}
                               | {k: v for k, v in report["plans"][0].items()
                                  if k not in {"id", "title", "file", "period", "baseline_year", "year"}}]


def test_json_every_result_has_the_spec_keys(report: dict[str, Any]) -> None:
    assert len(report["results"]) == 5
    for result in report["results"]:
        assert set(result) >= RESULT_KEYS, RESULT_KEYS - set(result)
        assert set(result["location"]) >= {"file", "line", "column"}
        assert result["status"] in STATUSES


def test_json_statuses_and_failing(report: dict[str, Any]) -> None:
    got = {(r["target"], r["unit"]): r["status"] for r in report["results"]}
    assert got == EXPECTED
    failing = {(r["target"], r["unit"]) for r in report["results"] if r["failing"]}
    assert failing == {("hnte", None), ("area", "a"), ("area", "b")}
    assert report["summary"]["results"] == 5
    assert report["summary"]["failing"] == 3
    assert report["summary"]["by_status"] == {"missed": 1, "regressing": 1, "off_track": 1,
                                              "at_risk": 1, "pending": 1}


def test_json_level_result_numbers_at_full_precision(report: dict[str, Any]) -> None:
    rd = report["results"][0]
    assert (rd["plan"], rd["target"], rd["unit"]) == ("demo-2023-2027", "rd", None)
    assert rd["name"] == XSS
    assert (rd["kind"], rd["comparator"], rd["measure"], rd["commitment"]) == ("level", ">=", "%", "binding")
    assert (rd["lead"], rd["responsible"]) == ("kjj", ["kjj", "czj"])
    assert rd["location"] == {"file": "plans/demo.yaml", "line": 14, "column": 5}
    assert (rd["year"], rd["actual"], rd["data_status"]) == (2025, 3.3, "final")
    assert rd["baseline"] == {"year": 2022, "value": 3.0}
    assert (rd["target_value"], rd["target_year"]) == (3.6, 2027)
    expected = 3.0 + (3.6 - 3.0) * 3 / 5
    assert rd["expected"] == pytest.approx(expected, rel=1e-12, abs=1e-12)
    assert rd["gap"] == pytest.approx(3.3 - expected, rel=1e-12, abs=1e-12)
    assert rd["attainment"] == pytest.approx(3.3 / 3.6, rel=1e-12)
    assert rd["progress"] == pytest.approx(0.3 / 0.6, rel=1e-9)
    assert rd["time_progress"] == pytest.approx(0.6, rel=1e-12)
    assert rd["progress_ratio"] == pytest.approx(0.3 / 0.36, rel=1e-9)
    # Full precision: not rounded to 4 (or any small number of) decimals.
    for key in ("attainment", "progress_ratio"):
        assert rd[key] != round(rd[key], 6), key
    assert rd["required_annual"] == pytest.approx((3.6 - 3.3) / 2, rel=1e-9)
    assert rd["trend_annual"] == pytest.approx(0.3 / 3, rel=1e-9)
    assert rd["projected"] == pytest.approx(3.3 + 0.1 * 2, rel=1e-9)
    assert rd["projected_met"] is False
    assert (rd["method"], rd["status"], rd["failing"]) == ("linear", "at_risk", False)
    assert isinstance(rd["reason"], str) and rd["reason"]


def test_json_null_never_made_up_zero(report: dict[str, Any]) -> None:
    city = next(r for r in report["results"] if r["target"] == "city")
    assert city["comparator"] is None or isinstance(city["comparator"], str)
    hnte = next(r for r in report["results"] if r["target"] == "hnte")
    # An annual target has no linear path: trend and projection cannot be computed.
    assert hnte["progress_ratio"] is None
    assert hnte["projected"] is None


def test_json_sorted_by_plan_then_target_order_then_unit(demo: Path) -> None:
    second = PLAN.replace("demo-2023-2027", "aaa-first").replace("演示规划", "另一规划")
    (demo / "plans" / "aaa.yaml").write_text(second, encoding="utf-8")
    data = ACTUALS.replace("target,year,value,unit,status,note", "plan,target,year,value,unit,status,note")
    lines = data.splitlines()
    rows = [lines[0]] + [f"{p},{line}" for p in ("demo-2023-2027", "aaa-first") for line in lines[1:]]
    (demo / "data.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    proc = run(demo, "check", "plans/demo.yaml", "plans/aaa.yaml", "-a", "data.csv", "--year", "2025", "-f", "json")
    assert proc.returncode == 1, proc.stderr.decode()
    results = json.loads(proc.stdout)["results"]
    order = [(r["plan"], r["target"], r["unit"]) for r in results]
    one = [("rd", None), ("hnte", None), ("area", "a"), ("area", "b"), ("city", None)]
    # docs/evaluation.md: plans in the order given on the command line.
    assert order == [("demo-2023-2027", *k) for k in one] + [("aaa-first", *k) for k in one]


def test_json_findings_and_superseded(report: dict[str, Any]) -> None:
    # The exact duplicate row on line 11 of data.csv is a PC405 warning (docs/validation.md).
    pc405 = [f for f in report["findings"] if f["rule"] == "PC405"]
    assert len(pc405) == 1
    assert {k: pc405[0][k] for k in ("rule", "level", "file", "line", "column")} == {
        "rule": "PC405", "level": "warning", "file": "data.csv", "line": 11, "column": 3}
    assert isinstance(pc405[0]["message"], str) and pc405[0]["message"]
    sup = report["superseded"]
    assert len(sup) == 1
    assert {k: sup[0][k] for k in ("file", "line", "target", "year", "status", "value")} == {
        "file": "data.csv", "line": 3, "target": "rd", "year": 2025, "status": "estimate", "value": 3.25}


def test_json_validates_against_report_schema(demo: Path, report: dict[str, Any]) -> None:
    proc = run(demo, "schema", "report")
    assert proc.returncode == 0
    schema = json.loads(proc.stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(report)
    bad = json.loads(json.dumps(report))
    bad["results"][0]["status"] = "late"
    assert not jsonschema.Draft202012Validator(schema).is_valid(bad)


def test_json_schema_copies_are_identical(demo: Path) -> None:
    printed = json.loads(run(demo, "schema", "report").stdout)
    assert printed == json.loads((ROOT / "schemas" / "report.schema.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown", "text", "html", "sarif", "github"])
def test_reports_are_byte_identical_twice(demo: Path, fmt: str) -> None:
    first, second = check(demo, fmt), check(demo, fmt)
    assert first.returncode == second.returncode == 1
    assert first.stdout == second.stdout


def test_junit_identical_twice_apart_from_timestamp(demo: Path) -> None:
    first, second = check(demo, "junit"), check(demo, "junit")
    strip = re.compile(rb'timestamp="[^"]*"')
    assert strip.sub(b"", first.stdout) == strip.sub(b"", second.stdout)


# ------------------------------------------------------------- unit view: docs/evaluation.md#unit-view

def test_unit_view_counts_and_shortfalls(report: dict[str, Any]) -> None:
    units = {u["id"]: u for u in report["units"]}
    assert set(units) == {"kjj", "jxj", "czj", "a", "b"}
    assert (units["kjj"]["name"], units["kjj"]["led"], units["kjj"]["supported"]) == ("市科技局", 2, 1)
    assert (units["jxj"]["led"], units["jxj"]["supported"]) == (2, 0)
    assert (units["czj"]["led"], units["czj"]["supported"]) == (0, 1)
    assert units["kjj"]["by_status"] == {"at_risk": 1, "pending": 1}
    assert units["jxj"]["by_status"] == {"missed": 1, "regressing": 1, "off_track": 1}
    assert units["czj"]["by_status"] == {}

    def short(uid: str) -> list[tuple[str, str | None, str, str]]:
        return sorted((s["target"], s["unit"], s["role"], s["status"]) for s in units[uid]["shortfalls"])

    assert short("kjj") == [("hnte", None, "support", "missed"), ("rd", None, "lead", "at_risk")]
    assert short("czj") == [("rd", None, "support", "at_risk")]
    # Both scoped units of area lag: their lead gets one row for the target, with the
    # worst status and their number (docs/evaluation.md#the-unit-view), not one per unit.
    assert short("jxj") == [("area", None, "lead", "regressing"), ("hnte", None, "lead", "missed")]
    assert [s["count"] for s in units["jxj"]["shortfalls"] if s["target"] == "area"] == [2]
    assert short("a") == [("area", "a", "scope", "off_track")]
    assert short("b") == [("area", "b", "scope", "regressing")]
    for unit in units.values():
        for s in unit["shortfalls"]:
            assert s["plan"] == "demo-2023-2027"
            assert s["status"] in {"missed", "regressing", "off_track", "at_risk"}
    rd_gap = next(s["gap"] for s in units["kjj"]["shortfalls"] if s["target"] == "rd")
    assert rd_gap == report["results"][0]["gap"]


def test_unit_view_worst_first_then_by_name(report: dict[str, Any]) -> None:
    # jxj leads missed + regressing + off_track, kjj one at_risk; the rest lead no
    # shortfall and come by name: 东城街道 (U+4E1C) < 市财政局 (U+5E02) < 西城街道 (U+897F).
    assert [u["id"] for u in report["units"]] == ["jxj", "kjj", "a", "czj", "b"]


def test_unit_view_more_shortfalls_of_one_severity_rank_first(tmp_path: Path) -> None:
    plan = """\
policycheck: 1
plan: {id: p, title: T, period: {start: 2021, end: 2025}}
units: {x: {name: 甲}, y: {name: 乙}}
targets:
  - {id: t1, name: n1, unit: 家, kind: annual, value: 10, responsible: [y], quote: q}
  - {id: t2, name: n2, unit: 家, kind: annual, value: 10, responsible: [y], quote: q}
  - {id: t3, name: n3, unit: 家, kind: annual, value: 10, responsible: [x], quote: q}
"""
    (tmp_path / "p.yaml").write_text(plan, encoding="utf-8")
    (tmp_path / "a.csv").write_text("target,year,value\nt1,2022,1\nt2,2022,1\nt3,2022,1\n", encoding="utf-8")
    proc = run(tmp_path, "units", "p.yaml", "-a", "a.csv", "-f", "json")
    assert proc.returncode == 1, proc.stderr.decode()
    assert [u["id"] for u in json.loads(proc.stdout)["units"]] == ["y", "x"]


def test_zh_status_labels_exact(demo: Path) -> None:
    text = check(demo, "text", "--lang", "zh").stdout.decode("utf-8")
    for status in EXPECTED.values():
        assert ZH_LABELS[status] in text
    units = run(demo, "units", "plans/demo.yaml", "-a", "data.csv", "--year", "2025", "-f", "markdown")
    assert units.returncode == 1
    md = units.stdout.decode("utf-8")
    for status in ("missed", "regressing", "off_track", "at_risk"):
        assert ZH_LABELS[status] in md
    assert "市经信局" in md and md.index("市经信局") < md.index("市科技局")


def test_zh_labels_for_every_status_in_markdown_cells(tmp_path: Path) -> None:
    plan = """\
policycheck: 1
plan: {id: p, title: T, period: {start: 2021, end: 2025}}
targets:
  - {id: met, name: n, unit: 家, kind: level, milestones: {2025: 10}, quote: q}
  - {id: ontrack, name: n, unit: 家, kind: level, milestones: {2025: 10}, quote: q}
  - {id: nodata, name: n, unit: 家, kind: level, milestones: {2025: 10}, quote: q}
  - {id: atrisk, name: n, unit: 家, kind: level, milestones: {2025: 10}, quote: q}
  - {id: offtrack, name: n, unit: 家, kind: level, milestones: {2025: 10}, quote: q}
  - {id: regressing, name: n, unit: 家, kind: level, milestones: {2025: 10}, quote: q}
  - {id: missed, name: n, unit: 家, kind: annual, value: 10, quote: q}
  - {id: pending, name: n, kind: milestone, milestones: {2025: true}, quote: q}
"""
    rows = ["met,2020,0", "met,2022,10", "ontrack,2020,0", "ontrack,2022,4", "nodata,2020,0",
            "atrisk,2020,0", "atrisk,2022,3", "offtrack,2020,0", "offtrack,2022,1",
            "regressing,2020,5", "regressing,2022,4", "missed,2022,9", "pending,2022,否"]
    (tmp_path / "p.yaml").write_text(plan, encoding="utf-8")
    (tmp_path / "a.csv").write_text("target,year,value\n" + "\n".join(rows) + "\n", encoding="utf-8")
    proc = run(tmp_path, "check", "p.yaml", "-a", "a.csv", "--year", "2022", "-f", "json")
    got = {r["target"]: r["status"] for r in json.loads(proc.stdout)["results"]}
    assert got == {"met": "met", "ontrack": "on_track", "nodata": "no_data", "atrisk": "at_risk",
                   "offtrack": "off_track", "regressing": "regressing", "missed": "missed",
                   "pending": "pending"}
    md = run(tmp_path, "check", "p.yaml", "-a", "a.csv", "--year", "2022", "-f", "markdown",
             "--lang", "zh").stdout.decode("utf-8")
    cells = {}
    for line in md.splitlines():
        parts = [c.strip() for c in line.strip("|").split("|")]
        if len(parts) >= 2 and parts[0] in got:
            cells[parts[0]] = parts[-1]
    assert cells == {target: ZH_LABELS[status] for target, status in got.items()}


# ------------------------------------------------------------- formats: docs/reports.md

def test_default_format_off_a_terminal_is_text(demo: Path) -> None:
    default = run(demo, "check", "plans/demo.yaml", "-a", "data.csv", "--year", "2025")
    assert default.returncode == 1
    assert default.stdout == check(demo, "text").stdout


def test_text_tablefmt_picks_a_tabulate_format(demo: Path) -> None:
    grid = check(demo, "text", "--tablefmt", "grid").stdout.decode("utf-8")
    assert "+=" in grid or "+-" in grid
    github = check(demo, "text", "--tablefmt", "github").stdout.decode("utf-8")
    assert re.search(r"^\|[-:| ]+\|$", github, re.M)


def test_table_is_rich_with_status_labels(demo: Path) -> None:
    table = check(demo, "table", "--no-color").stdout.decode("utf-8")
    assert "略有滞后" in table and "未达成" in table
    assert "\x1b[" not in table


def test_markdown_headline_counts_come_first(demo: Path) -> None:
    md = check(demo, "markdown").stdout.decode("utf-8")
    counts = md.index("未达成")
    assert counts < md.index("|"), "headline counts before any table"
    assert "**1**" in md[:md.index("|")]
    assert XSS not in md


def test_csv_one_row_per_result_bom_injection_numbers(demo: Path, report: dict[str, Any]) -> None:
    raw = check(demo, "csv").stdout
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == len(report["results"])
    header = set(rows[0])
    flat = RESULT_KEYS - {"location", "baseline"} | {"location.file", "location.line", "location.column",
                                                     "baseline.year", "baseline.value"}
    assert flat <= header, flat - header
    rd = rows[0]
    assert (rd["target"], rd["status"], rd["actual"]) == ("rd", "at_risk", "3.3")
    assert float(rd["gap"]) == report["results"][0]["gap"]
    assert rd["gap"].startswith("-"), "numbers stay numbers: a negative gap is not neutralised"
    assert float(rd["progress_ratio"]) == report["results"][0]["progress_ratio"]
    assert rd["location.line"] == "14" and rd["baseline.value"] == "3.0"
    assert rd["unit"] == "" and rd["responsible"] == "kjj;czj"


@pytest.mark.parametrize("evil", ["=1+1", "+cmd", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_csv_neutralises_formula_cells(tmp_path: Path, evil: str) -> None:
    plan = PLAN.replace(f'name: "{XSS}"', f"name: {json.dumps(evil)}")
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "demo.yaml").write_text(plan, encoding="utf-8")
    (tmp_path / "data.csv").write_text(ACTUALS, encoding="utf-8")
    raw = check(tmp_path, "csv").stdout.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(raw, newline="")))
    name = rows[0]["name"]
    assert name != evil and name[0] not in "=+-@\t\r" and evil in name


def test_html_self_contained_and_escaped(demo: Path) -> None:
    html = check(demo, "html").stdout.decode("utf-8")
    assert html.lstrip().lower().startswith("<!doctype html")
    assert XSS not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    refs = re.findall(r"""(?:src|href)\s*=\s*["']?([^"'\s>]+)""", html, re.I)
    refs += re.findall(r"url\(\s*['\"]?([^)'\"]+)", html, re.I)
    for ref in refs:
        assert not re.match(r"(https?:|//)", ref.strip(), re.I), ref
    assert "<script src" not in html.lower() and "<link" not in html.lower()


def test_html_escapes_csv_note(demo: Path) -> None:
    data = ACTUALS.replace('=HYPERLINK("http://x")', XSS)
    (demo / "data.csv").write_text(data, encoding="utf-8")
    html = check(demo, "html").stdout.decode("utf-8")
    assert XSS not in html


def _junit(demo: Path, *extra: str) -> ET.Element:
    proc = check(demo, "junit", *extra)
    assert proc.returncode == 1
    xmlschema = pytest.importorskip("xmlschema")
    xmlschema.XMLSchema(str(SCHEMAS / "JUnit.xsd")).validate(proc.stdout.decode("utf-8"))
    return ET.fromstring(proc.stdout)


def test_junit_valid_one_suite_per_plan_one_case_per_result(demo: Path) -> None:
    root = _junit(demo)
    suites = root.findall("testsuite") if root.tag == "testsuites" else [root]
    assert len(suites) == 1
    suite = suites[0]
    for attr in ("name", "timestamp", "hostname", "tests", "failures", "errors", "time", "package", "id"):
        assert attr in suite.attrib, attr
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", suite.get("timestamp", ""))
    assert suite.get("tests") == "5" and suite.get("failures") == "3" and suite.get("errors") == "0"
    cases = suite.findall("testcase")
    assert len(cases) == 5
    failures = {c.get("name"): c.find("failure").get("type") for c in cases if c.find("failure") is not None}
    assert failures == {"hnte": "missed", "area [a]": "off_track", "area [b]": "regressing"}
    skipped = [c.get("name") for c in cases if c.find("skipped") is not None]
    assert skipped == ["city"]
    assert [child.tag for child in suite][-2:] == ["system-out", "system-err"]


def test_junit_no_data_is_skipped(demo: Path) -> None:
    data = "\n".join(line for line in ACTUALS.splitlines() if not line.startswith("rd,2025"))
    (demo / "data.csv").write_text(data + "\nrd,2025,,,final,\n", encoding="utf-8")
    suite = _junit(demo).find("testsuite")
    assert suite is not None
    rd = next(c for c in suite.findall("testcase") if c.get("name") == "rd")
    assert rd.find("skipped") is not None and rd.find("failure") is None


def test_junit_timestamp_follows_source_date_epoch(demo: Path) -> None:
    proc = run(demo, "check", "plans/demo.yaml", "-a", "data.csv", "--year", "2025", "-f", "junit",
               env={"SOURCE_DATE_EPOCH": "0"})
    assert b'timestamp="1970-01-01T00:00:00"' in proc.stdout


def test_sarif_valid_rules_locations_fingerprints(demo: Path) -> None:
    proc = check(demo, "sarif")
    assert proc.returncode == 1
    sarif = json.loads(proc.stdout)
    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    validator_cls = jsonschema.validators.validator_for(schema)
    validator_cls(schema).validate(sarif)
    assert sarif["version"] == "2.1.0"
    run0 = sarif["runs"][0]
    rule_ids = {r["id"] for r in run0["tool"]["driver"]["rules"]}
    assert {"PC405", "status/missed", "status/regressing", "status/off_track", "status/at_risk"} <= rule_ids
    assert len(rule_ids) == len(run0["tool"]["driver"]["rules"])
    by_rule: dict[str, list[dict[str, Any]]] = {}
    for result in run0["results"]:
        assert result["partialFingerprints"]
        by_rule.setdefault(result["ruleId"], []).append(result)
        assert rule_ids >= {result["ruleId"]}
    rd = by_rule["status/at_risk"][0]
    loc = rd["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "plans/demo.yaml"
    assert (loc["region"]["startLine"], loc["region"]["startColumn"]) == (14, 5)
    assert rd["level"] == "warning"
    assert by_rule["status/missed"][0]["level"] == "error"
    csv_loc = by_rule["PC405"][0]["locations"][0]["physicalLocation"]
    assert csv_loc["artifactLocation"]["uri"] == "data.csv" and csv_loc["region"]["startLine"] == 11


def _gh_escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_escape_property(text: str) -> str:
    return _gh_escape_data(text).replace(":", "%3A").replace(",", "%2C")


def test_github_annotations(demo: Path) -> None:
    proc = check(demo, "github")
    assert proc.returncode == 1
    lines = proc.stdout.decode("utf-8").splitlines()
    pattern = re.compile(r"^::(error|warning) file=([^,]*),line=(\d+),col=(\d+),title=([^:]*)::(.*)$")
    parsed = [pattern.match(line) for line in lines]
    assert all(parsed), lines
    kinds = [(m.group(1), m.group(2), m.group(3)) for m in parsed if m]
    # Results only: plan warnings (PC309 for targets without a quote) are annotated too.
    results = [(m.group(1), m.group(2), m.group(3)) for m in parsed if m and not m.group(5).startswith("PC")]
    assert ("warning", "data.csv", "11") in kinds          # PC405 warning
    assert ("warning", "plans/demo.yaml", "14") in kinds   # rd at_risk
    assert ("error", "plans/demo.yaml", "21") in kinds     # hnte missed
    assert sum(1 for k in kinds if k[0] == "error") == 3
    assert not any(k[1] == "plans/demo.yaml" and k[2] == "36" for k in results), "pending prints nothing"
    for m in parsed:
        assert m is not None
        assert "\r" not in m.group(6) and "\n" not in m.group(6)


def test_github_escaping_as_actions_core(tmp_path: Path) -> None:
    name = "100% 完成,\n下一行: 结束\r"
    plan = PLAN.replace(f'name: "{XSS}"', f"name: {json.dumps(name)}")
    folder = tmp_path / "pl:a,n"
    folder.mkdir()
    (folder / "demo.yaml").write_text(plan, encoding="utf-8")
    (tmp_path / "data.csv").write_text(ACTUALS, encoding="utf-8")
    proc = run(tmp_path, "check", "pl:a,n/demo.yaml", "-a", "data.csv", "--year", "2025", "-f", "github")
    text = proc.stdout.decode("utf-8")
    line = next(line for line in text.splitlines() if "line=14," in line)
    assert line.startswith("::warning file=" + _gh_escape_property("pl:a,n/demo.yaml") + ",line=14,col=5,title=")
    props, message = line[len("::warning "):].split("::", 1)
    title = props.split(",title=", 1)[1]
    escapes = ("%25", "%3A", "%2C", "%0A", "%0D")
    assert "%" not in functools.reduce(lambda text, escape: text.replace(escape, ""), escapes, title)
    assert _gh_escape_data(name) in message


def test_junit_two_plans_two_suites(demo: Path) -> None:
    second = PLAN.replace("demo-2023-2027", "other-2023-2027")
    (demo / "plans" / "other.yaml").write_text(second, encoding="utf-8")
    data = ACTUALS.replace("target,year,value,unit,status,note", "plan,target,year,value,unit,status,note")
    lines = data.splitlines()
    rows = [lines[0]] + [f"{p},{line}" for p in ("demo-2023-2027", "other-2023-2027") for line in lines[1:]]
    (demo / "data.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    proc = run(demo, "check", "plans/demo.yaml", "plans/other.yaml", "-a", "data.csv", "--year", "2025",
               "-f", "junit")
    xmlschema = pytest.importorskip("xmlschema")
    xmlschema.XMLSchema(str(SCHEMAS / "JUnit.xsd")).validate(proc.stdout.decode("utf-8"))
    root = ET.fromstring(proc.stdout)
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["demo-2023-2027", "other-2023-2027"]
    assert len({s.get("id") for s in suites}) == 2
    assert [len(s.findall("testcase")) for s in suites] == [5, 5]


@pytest.mark.slow
def test_a_real_process_prints_the_same_report(demo: Path) -> None:
    args = ("check", "plans/demo.yaml", "-a", "data.csv", "--year", "2025", "-f", "json")
    real, in_process = run_process(demo, *args), run(demo, *args)
    assert (real.returncode, real.stdout, real.stderr) == (1, in_process.stdout, in_process.stderr)
    assert b"Traceback" not in real.stderr


@pytest.mark.slow
def test_default_format_on_a_terminal_is_the_rich_table(demo: Path) -> None:
    import pty

    master, slave = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k not in {"NO_COLOR", "COLUMNS", "GITHUB_ACTIONS"}}
    proc = subprocess.Popen([sys.executable, "-m", "policycheck", "check", "plans/demo.yaml", "-a", "data.csv",
                             "--year", "2025", "--no-color"], cwd=demo, stdout=slave, stderr=subprocess.DEVNULL,
                            env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    assert proc.wait() == 1
    out = b"".join(chunks).decode("utf-8")
    assert "█" in out, "the rich table draws attainment bars; the text format has none"
    assert "█" not in check(demo, "text").stdout.decode("utf-8")


@pytest.mark.parametrize("fmt", ["text", "table", "markdown"])
def test_human_formats_drop_control_characters(tmp_path: Path, fmt: str) -> None:
    # Plans arrive from anyone through CI: an ESC in a name must not reach a terminal.
    plan = PLAN.replace(f'name: "{XSS}"', 'name: "a\\x01b\\x1b[31mc\\x07"')
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "demo.yaml").write_text(plan, encoding="utf-8")
    (tmp_path / "data.csv").write_text(ACTUALS, encoding="utf-8")
    out = check(tmp_path, fmt, "--no-color").stdout.decode("utf-8")
    assert re.search(r"ab\\?\[31mc", out)
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", out)


def test_text_grid_aligns_chinese_columns(demo: Path) -> None:
    wcwidth = pytest.importorskip("wcwidth")
    out = check(demo, "text", "--tablefmt", "grid").stdout.decode("utf-8")
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("+"))
    end = next(i for i in range(start, len(lines)) if not lines[i].startswith(("|", "+")))
    first_table = lines[start:end]
    assert len(first_table) == 13  # rules around a header and five results
    assert len({wcwidth.wcswidth(line) for line in first_table}) == 1


@pytest.mark.parametrize(("fail_on", "failures"), [
    ("at-risk", {"rd": "at_risk", "hnte": "missed", "area [a]": "off_track", "area [b]": "regressing"}),
    ("missed", {"hnte": "missed"}),
    ("never", {}),
])
def test_junit_failures_follow_fail_on(demo: Path, fail_on: str, failures: dict[str, str]) -> None:
    proc = check(demo, "junit", "--fail-on", fail_on)
    assert proc.returncode == (1 if failures else 0)
    suite = ET.fromstring(proc.stdout).find("testsuite")
    assert suite is not None
    got = {c.get("name"): c.find("failure").get("type") for c in suite.findall("testcase")
           if c.find("failure") is not None}
    assert got == failures
    assert suite.get("failures") == str(len(failures))


def test_aspirational_never_fails_unless_strict(demo: Path) -> None:
    plan = PLAN.replace("    responsible: [jxj, kjj]\n", "    responsible: [jxj, kjj]\n    commitment: aspirational\n")
    (demo / "plans" / "demo.yaml").write_text(plan, encoding="utf-8")
    lenient = json.loads(check(demo, "json").stdout)
    hnte = next(r for r in lenient["results"] if r["target"] == "hnte")
    assert (hnte["status"], hnte["commitment"], hnte["failing"]) == ("missed", "aspirational", False)
    assert lenient["summary"]["failing"] == 2
    strict = json.loads(check(demo, "json", "--strict").stdout)
    assert next(r for r in strict["results"] if r["target"] == "hnte")["failing"] is True
    gh = check(demo, "github").stdout.decode("utf-8")
    assert any(line.startswith("::warning file=plans/demo.yaml,line=21,") for line in gh.splitlines())
