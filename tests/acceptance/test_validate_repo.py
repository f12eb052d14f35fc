"""``validate`` on this repository's own plans and examples, and the rules that keep it clean.

Each example CSV validates clean with the plan it is for, as ``check`` reads
it; the ones with a plan column validate clean against every plan.  CI
configuration files in ``examples/ci/`` are YAML but not plans (skipped and
named).  ``validate`` reads CSV files against all the plans given, exactly as
``check`` does, so a CSV without a plan column whose ids several plans share is
PC401 in both (the agreement itself is tested in test_validate_agrees.py).
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from policycheck.cli.commands import main
from policycheck.validation import expand, is_plan_yaml, run_validation
from tests.helpers.paths import EXAMPLES_DIR, PLANS_DIR, ROOT

BUNDLED_CSVS = sorted(p.name for p in EXAMPLES_DIR.glob("*.csv"))
SKIPPED_LINE = ("policycheck: skipped 2 YAML files that are not plans (no top-level 'policycheck' key): "
                "examples/ci/github-actions.yml, examples/ci/gitlab-ci.yml\n")

PLAN = """\
# yaml-language-server: $schema=../schemas/plan.schema.json
policycheck: 1
plan:
  id: {id}
  title: 示例
  period: {{start: 2023, end: 2025}}
targets:
  - id: rd
    name: 研发投入强度
    unit: "%"
    kind: level
    milestones: {{2025: 3.6}}
    quote: 达到3.6%
  - id: {own}
    name: 高新技术企业
    unit: 家
    kind: level
    milestones: {{2025: 100}}
    quote: 达到100家
"""


@pytest.fixture(autouse=True)
def _repo_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.chdir(ROOT)


def _validate(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["validate", *args], catch_exceptions=False)
    return result.exit_code, result.stdout


#: example CSV -> the plan it holds the statistics of
EXAMPLE_PLANS = {
    "bengbu.csv": "bengbu-sti-2023-2025", "china-2025-monthly.csv": "china-gov-work-report-2025",
    "china-14th-fyp.csv": "china-14th-fyp-2021-2025", "china-ip-power.csv": "china-ip-power-2021-2025",
    "linhai.csv": "linhai-315-2023-2027",
    "linhai-2025.csv": "linhai-315-2023-2027", "linyi.csv": "linyi-sti-2021-2025",
    "longgang.csv": "longgang-sti-2024", "taicang.csv": "taicang-sti-2018-2020",
    "taicang-excel-gb18030.csv": "taicang-sti-2018-2020", "zhejiang.csv": "zhejiang-sti-2024",
}
#: Examples saved as a statistician sends them, with no plan column: they name ids other plans share.
WITHOUT_PLAN_COLUMN = ("linhai-2025.csv", "linhai.csv", "taicang-excel-gb18030.csv")


def test_every_example_is_listed() -> None:
    assert sorted(EXAMPLE_PLANS) == BUNDLED_CSVS


@pytest.mark.parametrize("name", BUNDLED_CSVS)
def test_every_example_validates_clean_with_its_plan(name: str) -> None:
    code, out = _validate("--lang", "en", f"plans/{EXAMPLE_PLANS[name]}.yaml", f"examples/{name}")
    assert (code, out) == (0, "policycheck: 2 files checked, no problems found\n")


@pytest.mark.parametrize("name", sorted(set(BUNDLED_CSVS) - set(WITHOUT_PLAN_COLUMN)))
def test_examples_with_a_plan_column_validate_against_all_plans(name: str) -> None:
    code, out = _validate("--lang", "en", "plans/", f"examples/{name}")
    plans = len(list(PLANS_DIR.glob("*.yaml")))
    assert (code, out) == (0, f"policycheck: {plans + 1} files checked, no problems found\n")


def test_plans_and_examples_together_need_plan_columns_as_check_does() -> None:
    """All plans and all examples: only the shared ids of the files without a plan column."""
    validation = run_validation(["plans/", "examples/"])
    assert {(f.file, f.rule) for f in validation.findings} == {
        (f"examples/{name}", "PC401") for name in WITHOUT_PLAN_COLUMN}
    assert validation.skipped == ("examples/ci/github-actions.yml", "examples/ci/gitlab-ci.yml")
    assert not any(f.endswith(".yml") for f in validation.files)


def test_validation_names_the_skipped_ci_files() -> None:
    code, out = _validate("--lang", "en", "plans/", "examples/")
    assert code == 1  # the examples without a plan column, read against all plans
    assert out.endswith(SKIPPED_LINE)


def test_a_yaml_file_named_on_the_command_line_is_always_a_plan() -> None:
    code, out = _validate("--lang", "en", "examples/ci/gitlab-ci.yml")
    assert code == 1
    assert out.splitlines()[0] == "examples/ci/gitlab-ci.yml:2:1: error [PC200] the plan lacks the required key 'plan'"
    assert "skipped" not in out


@pytest.mark.parametrize(("text", "plan"), [
    ("policycheck: 1\nplan: {}\n", True),
    ("# comment\n\n---\npolicycheck: 1\n", True),
    ("\ufeffpolicycheck: 1\n", True),
    ('"policycheck": 1\n', True),
    ("policycheck:   2 # version\n", True),
    ("plan:\n  id: x\npolicycheck: 1\n", True),
    ("policycheck:\n  image: python:3.11\n", False),  # a GitLab CI job called policycheck
    ("policycheck: # a job\n  stage: test\n", False),
    ("jobs:\n  policycheck: 1\n", False),
    ("# policycheck: 1\nname: ci\n", False),
    ("", False),
])
def test_plan_yaml_needs_a_top_level_policycheck_version(tmp_path: Path, text: str, plan: bool) -> None:
    path = tmp_path / "f.yml"
    path.write_bytes(text.encode("utf-8"))
    assert is_plan_yaml(str(path)) is plan


def test_folder_search_skips_non_plans_but_named_files_are_kept(tmp_path: Path) -> None:
    (tmp_path / "ci.yml").write_text("on: push\n", encoding="utf-8")
    (tmp_path / "p.yaml").write_text(PLAN.format(id="a", own="x"), encoding="utf-8")
    found = expand([str(tmp_path), str(tmp_path / "ci.yml")])
    assert found.plans == [str(tmp_path / "p.yaml")]
    assert found.skipped == [str(tmp_path / "ci.yml")]  # found in the folder first: skipped once
    named = expand([str(tmp_path / "ci.yml"), str(tmp_path)])
    assert (named.plans, named.skipped) == ([str(tmp_path / "ci.yml"), str(tmp_path / "p.yaml")], [])


def _two_plans(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(PLAN.format(id="plan-a", own="only-a"), encoding="utf-8")
    (tmp_path / "b.yaml").write_text(PLAN.format(id="plan-b", own="only-b"), encoding="utf-8")


def test_csv_without_plan_column_needs_one_for_a_shared_id(tmp_path: Path) -> None:
    _two_plans(tmp_path)
    (tmp_path / "a.csv").write_text("target,year,value\nrd,2024,3.4\nonly-a,2024,x\n", encoding="utf-8")
    validation = run_validation([str(tmp_path)])
    # Both plans have rd: check would refuse the file, so validate says so; only-a is plan-a's own.
    assert [(os.path.basename(f.file), f.line, f.column, f.rule) for f in validation.findings] == [
        ("a.csv", 2, 1, "PC401"), ("a.csv", 3, 3, "PC402")]


def test_csv_that_fits_several_plans_still_needs_a_plan_column(tmp_path: Path) -> None:
    _two_plans(tmp_path)
    (tmp_path / "both.csv").write_text("target,year,value\nrd,2024,3.4\n", encoding="utf-8")
    (tmp_path / "none.csv").write_text("target,year,value\nrd,2024,3.4\nonly-a,2024,1\nonly-b,2024,2\n",
                                       encoding="utf-8")
    rules = [(os.path.basename(f.file), f.rule) for f in run_validation([str(tmp_path)]).findings]
    assert rules == [("both.csv", "PC401"), ("none.csv", "PC401")]


def test_same_rows_in_two_files_are_not_a_duplicate_for_validate(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(PLAN.format(id="plan-a", own="only-a"), encoding="utf-8")
    for name in ("one.csv", "two.csv"):
        (tmp_path / name).write_text("target,year,value\nrd,2024,3.4\n", encoding="utf-8")
    assert run_validation([str(tmp_path)]).findings == ()


def test_conflicting_rows_in_two_files_are_pc404_as_in_check(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(PLAN.format(id="plan-a", own="only-a"), encoding="utf-8")
    (tmp_path / "one.csv").write_text("target,year,value\nrd,2024,3.4\n", encoding="utf-8")
    (tmp_path / "two.csv").write_text("target,year,value\nrd,2024,3.5\n", encoding="utf-8")
    assert [(os.path.basename(f.file), f.line, f.column, f.rule, f.message) for f in
            run_validation([str(tmp_path)]).findings] == [
        ("two.csv", 2, 3, "PC404", f"value 3.5 conflicts with 3.4 on line 2 of {tmp_path / 'one.csv'} "
                                   "(same target, unit, year 2024 and status 'final')")]
