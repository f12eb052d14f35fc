"""validate reports whatever check would refuse about the same files, with the same rule ids.

Each case runs both commands on the same inputs: check exits 2 with error
findings on stderr, validate exits 1 with the same findings (rule, place and
message) on stdout.  Before, ``validate plans/*.yaml examples/linhai.csv``
passed while ``check`` refused the file (PC401), and two plan files with one
plan id stopped check with no rule at all.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from policycheck.cli.commands import main
from tests.helpers.county import county_plan
from tests.helpers.paths import EXAMPLES_DIR, PLANS_DIR, ROOT

ERROR_LINE = re.compile(r"^(?P<where>\S+): error \[(?P<rule>PC\d{3})\] (?P<message>.*)$")


def _errors(text: str) -> list[tuple[str, str, str]]:
    """(place, rule, message) of every error line of a text output."""
    found = []
    for line in text.splitlines():
        match = ERROR_LINE.match(line)
        if match:
            found.append((match["where"], match["rule"], match["message"]))
    return sorted(found)


def _both(plans: list[str], csvs: list[str], lang: str = "en") -> tuple[int, list[tuple[str, str, str]], int,
                                                                        list[tuple[str, str, str]]]:
    runner = CliRunner()
    check = runner.invoke(main, ["check", "--lang", lang, *plans, *[a for c in csvs for a in ("-a", c)]])
    validate = runner.invoke(main, ["validate", "--lang", lang, "-f", "text", *plans, *csvs],
                             env={"GITHUB_ACTIONS": None})
    return check.exit_code, _errors(check.stderr), validate.exit_code, _errors(validate.stdout)


def test_a_csv_without_plan_column_against_all_plans(monkeypatch: pytest.MonkeyPatch) -> None:
    """The issue's case: plans/*.yaml and examples/linhai.csv."""
    plans = [str(p.relative_to(ROOT)) for p in sorted(PLANS_DIR.glob("*.yaml"))]
    csv = str((EXAMPLES_DIR / "linhai.csv").relative_to(ROOT))
    monkeypatch.chdir(ROOT)
    check_code, check_errors, validate_code, validate_errors = _both(plans, [csv])
    assert (check_code, validate_code) == (2, 1)
    assert check_errors == validate_errors
    assert {rule for _where, rule, _message in check_errors} == {"PC401"}
    assert ("examples/linhai.csv:111:1", "PC401",
            "target 'tech-smes' is in several plans (bengbu-sti-2023-2025, linhai-315-2023-2027): add a plan column "
            "to say which (4 rows)") in check_errors


def test_two_plan_files_with_one_plan_id(tmp_path: Path) -> None:
    plan = county_plan(tmp_path)
    copy = shutil.copy(plan, tmp_path / "copy.yaml")
    data = tmp_path / "a.csv"
    data.write_text("target,year,value\nrd-intensity,2024,3.1\n", encoding="utf-8")
    check_code, check_errors, validate_code, validate_errors = _both([str(plan), str(copy)], [str(data)])
    assert (check_code, validate_code) == (2, 1)
    assert check_errors == validate_errors == [
        (f"{copy}:3:7", "PC320", f"plan id 'county-2023-2027' is also the id of {plan}; plan ids must differ "
                                 "(a CSV plan column names plans by id)")]
    _c, zh_check, _v, zh_validate = _both([str(plan), str(copy)], [str(data)], lang="zh")
    assert zh_check == zh_validate == [
        (f"{copy}:3:7", "PC320", f"规划 id 'county-2023-2027' 与 {plan} 的 id 相同；规划 id 必须互不相同"
                                 "（CSV 的 规划 列按 id 指明规划）")]


def test_the_same_file_named_twice_is_no_finding(tmp_path: Path) -> None:
    plan = county_plan(tmp_path)
    data = tmp_path / "a.csv"
    data.write_text("target,year,value\nrd-intensity,2024,3.1\n", encoding="utf-8")
    check_code, check_errors, validate_code, validate_errors = _both([str(plan), f"{tmp_path}/./county.yaml"],
                                                                     [str(data)])
    assert (check_code, check_errors, validate_code, validate_errors) == (0, [], 0, [])


def test_rows_of_two_files_that_conflict(tmp_path: Path) -> None:
    plan = county_plan(tmp_path)
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    one.write_text("target,year,value\nrd-intensity,2024,3.1\n", encoding="utf-8")
    two.write_text("target,year,value\nrd-intensity,2024,3.2\n", encoding="utf-8")
    check_code, check_errors, validate_code, validate_errors = _both([str(plan)], [str(one), str(two)])
    assert (check_code, validate_code) == (2, 1)
    assert check_errors == validate_errors == [
        (f"{two}:2:3", "PC404", f"value 3.2 conflicts with 3.1 on line 2 of {one} (same target, unit, year 2024 "
                                "and status 'final')")]


def test_every_actuals_error_of_a_broken_file_agrees(tmp_path: Path) -> None:
    plan = county_plan(tmp_path)
    data = tmp_path / "a.csv"
    data.write_text("target,year,value,status\nrd-intensty,2024,3.1,\nrd-intensity,20x4,3.1,\n"
                    "rd-intensity,2024,abc,\nrd-intensity,2025,3.2,draft\npark,2025,maybe,\n", encoding="utf-8")
    check_code, check_errors, validate_code, validate_errors = _both([str(plan)], [str(data)])
    assert (check_code, validate_code) == (2, 1)
    assert check_errors == validate_errors
    assert [rule for _where, rule, _message in check_errors] == ["PC403", "PC408", "PC402", "PC402", "PC402"]
