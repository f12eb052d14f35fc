"""What the plan-file tests (``tests/acceptance/test_plan_*.py``) share: plain readers and the quote check.

A plan file is only trustworthy if a reviewer holding the original document
can find each target's words in it. The product checks that itself (PC311,
docs/plan-format.md#6-quotes-and-the-quote-check) against the text kept in
``plans/sources/``; :func:`assert_quotes_in_source` asks it to, for one plan::

    from tests.helpers.plan_files import assert_quotes_in_source
    assert_quotes_in_source(PLANS_DIR / "x.yaml", "sources/x.txt")

The readers (:func:`raw_plan`, :func:`raw_targets_by_id`, :func:`loaded_plan`,
:func:`target_of`) give a plan as plain YAML data or through the real loader;
:func:`csv_rows` gives an example file as plain rows and :func:`example_report`
evaluates a plan against its example files as ``check`` does.
"""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import yaml

from policycheck.model import Plan, Report, Target
from policycheck.plans.build import check_plan_file

#: The head of a small city plan (2021–2025, base year 2020) to which a test appends its own targets.
CITY_PLAN_HEAD = """\
policycheck: 1
plan:
  id: adv
  title: 测试规划
  issuer: 测试
  region: 测试市
  source: {title: 测试}
  period: {start: 2021, end: 2025}
  baseline_year: 2020
targets:
"""


def raw_plan(plan_path: Path) -> dict[str, Any]:
    """A plan file as plain YAML data, independent of the loader under test."""
    data = yaml.safe_load(Path(plan_path).read_text(encoding="utf-8"))
    assert isinstance(data, dict), plan_path
    return data


def raw_targets_by_id(plan_path: Path) -> dict[str, dict[str, Any]]:
    return {t["id"]: t for t in raw_plan(plan_path)["targets"]}


def csv_rows(csv_path: Path) -> list[dict[str, str]]:
    """An example CSV as plain rows, independent of the reader under test."""
    with Path(csv_path).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def example_report(plan_path: Path, *csv_paths: Path, year: int | None = None) -> Report:
    """The plan evaluated against the given files through the real loaders."""
    from policycheck.actuals.load import load_actuals
    from policycheck.evaluation.engine import evaluate
    from policycheck.plans.build import load_plan

    plan = load_plan(str(plan_path))
    return evaluate([plan], load_actuals([str(path) for path in csv_paths], plans=[plan]), year=year)


def loaded_plan(plan_path: Path) -> Plan:
    """The plan through the real loader; fails the test with its findings if it does not load."""
    loaded = check_plan_file(str(plan_path))
    assert loaded.plan is not None, loaded.findings
    return loaded.plan


def target_of(plan: Plan, target_id: str) -> Target:
    target = plan.target(target_id)
    assert target is not None, target_id
    return target


def assert_quotes_in_source(plan_path: Path, source_file: str) -> None:
    """The plan names ``source_file``, it is in the repository, and every target quotes it.

    Every target must have a quote (else PC309 would stand in for the check),
    and loading the plan must give no PC311 (quote not found) and no PC312
    (source file unusable).
    """
    loaded = check_plan_file(str(plan_path))
    assert loaded.plan is not None, loaded.findings
    source = loaded.plan.source
    assert source is not None and source.file == source_file
    assert (Path(plan_path).parent / source_file).is_file()
    assert [t.id for t in loaded.plan.targets if not (t.quote or "").strip()] == []
    assert [f"{f.location_text()}: {f.message}" for f in loaded.findings if f.rule in ("PC311", "PC312")] == []
