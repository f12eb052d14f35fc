"""An indicator table from the outside: plan, CSV, every format (docs/plan-format.md#wording).

The plan is tests/fixtures/plan_cases/positive/indicator-table (every form of a
主要指标 table); the CSV below gives each target the kind of cell a bureau sends:
a number, 约 or 左右, a stated verdict, a magnitude, a grade.
"""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from policycheck.cli.commands import main
from tests.helpers.indicator_table import INDICATOR_TABLE_CSV, INDICATOR_TABLE_PLAN
from tests.helpers.paths import PLANS_DIR

TABLE_PLAN = INDICATOR_TABLE_PLAN
CSV = INDICATOR_TABLE_CSV


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout


@pytest.fixture
def table_csv(tmp_path: Path) -> str:
    path = tmp_path / "table.csv"
    path.write_text(CSV, encoding="utf-8")
    return str(path)


def test_the_wan_yi_case_is_missed_at_96_9_percent(tmp_path: Path) -> None:
    path = tmp_path / "zj.csv"
    path.write_text("plan,target,year,value,单位,status,source\n"
                    "zhejiang-sti-2024,hightech-value-added,2024,15507.87亿,万亿元,final,科技日报 2025-08-25\n",
                    encoding="utf-8")
    code, out = _run("check", str(PLANS_DIR / "zhejiang-sti-2024.yaml"), "-a", str(path), "--year", "2024",
                     "-f", "json")
    result = next(r for r in json.loads(out)["results"] if r["target"] == "hightech-value-added")
    assert (result["status"], result["actual"], round(result["attainment"], 3)) == ("missed", 1.550787, 0.969)
    assert result["source"] == "科技日报 2025-08-25"
    assert code == 0  # 力争: aspirational, reported as missed without failing the run
    assert "PC414" not in out  # a plausible conversion is no finding


def test_an_implausible_conversion_names_both_magnitudes(tmp_path: Path) -> None:
    path = tmp_path / "zj.csv"
    path.write_text("plan,target,year,value\nzhejiang-sti-2024,hightech-value-added,2024,15507.87万\n",
                    encoding="utf-8")
    _, out = _run("check", str(PLANS_DIR / "zhejiang-sti-2024.yaml"), "-a", str(path), "--year", "2024",
                  "-f", "json")
    findings = [f for f in json.loads(out)["findings"] if f["rule"] == "PC414"]
    assert [(f["level"], f["line"], f["column"]) for f in findings] == [("warning", 2, 4)]
    assert findings[0]["message"].startswith(
        "hightech-value-added 2024: the value was converted from 万 to the target's 万亿元 (0.000155079 万亿元) "
        "and gives an attainment of 0%, outside 1%..1000%; check that the cell's magnitude (万) and the "
        "target's (万亿元) are the ones meant")


def test_every_form_in_json(table_csv: str) -> None:
    code, out = _run("check", TABLE_PLAN, "-a", table_csv, "--year", "2025", "-f", "json")
    results = {r["target"]: r for r in json.loads(out)["results"]}
    assert {t: r["status"] for t, r in results.items()} == {
        "gdp-growth": "met", "cpi": "missed", "energy-intensity": "missed", "urbanisation": "met",
        "innovation-rank": "met", "air-grade": "met", "forest-cover": "met"}
    assert results["gdp-growth"]["approximate"] is True and results["gdp-growth"]["attribute"] == "expected"
    assert "approximate" not in results["cpi"] and results["cpi"]["direction"] == "down"
    assert results["energy-intensity"]["change"] == {"by": -13.5, "in": "percent", "since": 2020,
                                                     "actual": pytest.approx(-12.0)}
    assert results["innovation-rank"]["change"] == {"by": 3.0, "in": "places", "since": 2020, "actual": 3.0}
    assert (results["air-grade"]["category"], results["air-grade"]["target_category"]) == ("一级", "一级")
    assert (results["forest-cover"]["stated"], results["forest-cover"]["actual"]) == ("提前完成", None)
    # cpi is 预期性 (expected): missed, reported, not failing; energy-intensity is 约束性: failing.
    assert [t for t, r in results.items() if r["failing"]] == ["energy-intensity"]
    assert code == 1


def test_every_form_for_people(table_csv: str) -> None:
    _, zh = _run("check", TABLE_PLAN, "-a", table_csv, "--year", "2025", "-f", "text")
    rows = {line.split()[0]: line for line in zh.splitlines() if line[:1].isalpha() and "  " in line}
    assert "约6.2" in rows["gdp-growth"] and "已达成（预期性）" in rows["gdp-growth"]
    assert "未达成（预期性）" in rows["cpi"]
    assert "未达成（约束性）" in rows["energy-intensity"]
    assert "一级" in rows["air-grade"]
    assert "提前完成" in rows["forest-cover"] and "已达成（约束性，据报）" in rows["forest-cover"]
    _, en = _run("check", TABLE_PLAN, "-a", table_csv, "--year", "2025", "-f", "markdown", "--lang", "en")
    assert "| gdp-growth |" in en and "≈6.2" in en and "met (expected)" in en
    assert "met (binding, stated)" in en


def test_every_form_for_ci(table_csv: str) -> None:
    _, junit = _run("check", TABLE_PLAN, "-a", table_csv, "--year", "2025", "-f", "junit")
    cases = {case.get("name"): case for case in ET.fromstring(junit).iter("testcase")}
    assert cases["energy-intensity"].find("failure") is not None
    assert cases["cpi"].find("failure") is None  # 预期性: reported, not failed
    _, sarif = _run("check", TABLE_PLAN, "-a", table_csv, "--year", "2025", "-f", "sarif", "--lang", "en")
    by_target = {r["properties"]["target"]: r for r in json.loads(sarif)["runs"][0]["results"]}
    assert (by_target["energy-intensity"]["level"], by_target["cpi"]["level"]) == ("error", "warning")
    assert by_target["cpi"]["properties"]["attribute"] == "expected"
    _, github = _run("check", TABLE_PLAN, "-a", table_csv, "--year", "2025", "-f", "github", "--lang", "en")
    assert [line.split(" ", 1)[0] for line in github.splitlines()] == ["::warning", "::error"]


def test_the_csv_report_has_the_columns_the_results_use(table_csv: str) -> None:
    _, out = _run("check", TABLE_PLAN, "-a", table_csv, "--year", "2025", "-f", "csv")
    header = out.lstrip("\ufeff").splitlines()[0].split(",")
    assert header[-11:] == ["direction", "attribute", "stated", "approximate", "change.by", "change.in",
                            "change.since", "change.actual", "category", "target_category", "expected_category"]
    assert header[-12] == "note"
