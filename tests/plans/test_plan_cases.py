"""Data-driven plan cases: every folder under tests/fixtures/plan_cases/ is one test.

negative/<case>/plan.yaml must give exactly the findings of expected.json
(one object or a list of {"rule", "line", "column"}); positive/<case>/plan.yaml
must give no finding at all. A case folder may hold the source text its plan
names (``sources/...``) beside the plan.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from policycheck.plans.build import check_plan_file
from tests.helpers.paths import FIXTURES

CASES = FIXTURES / "plan_cases"
NEGATIVE = sorted(p for p in (CASES / "negative").iterdir() if p.is_dir())
POSITIVE = sorted(p for p in (CASES / "positive").iterdir() if p.is_dir())
ALL_RULES = ("PC100", "PC101", "PC102", "PC200", "PC300", "PC301", "PC302", "PC303",
             "PC304", "PC305", "PC306", "PC307", "PC308", "PC309", "PC310", "PC311", "PC312", "PC313",
             "PC314", "PC315", "PC316", "PC317", "PC318", "PC319")


def _expected(case: Path) -> list[tuple[str, int, int]]:
    data = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    items = data if isinstance(data, list) else [data]
    return [(item["rule"], item["line"], item["column"]) for item in items]


@pytest.mark.parametrize("case", NEGATIVE, ids=[p.name for p in NEGATIVE])
def test_negative_case(case: Path) -> None:
    path = str(case / "plan.yaml")
    loaded = check_plan_file(path)
    assert [(f.rule, f.line, f.column) for f in loaded.findings] == _expected(case)
    assert all(f.file == path for f in loaded.findings)


@pytest.mark.parametrize("case", POSITIVE, ids=[p.name for p in POSITIVE])
def test_positive_case(case: Path) -> None:
    loaded = check_plan_file(str(case / "plan.yaml"))
    assert loaded.findings == []
    assert loaded.plan is not None


def test_every_plan_rule_has_a_negative_case() -> None:
    covered = {rule for case in NEGATIVE for rule, _, _ in _expected(case)}
    assert covered == set(ALL_RULES)


def test_levels_follow_spec() -> None:
    warnings = {"PC302", "PC304", "PC306", "PC309", "PC311", "PC312", "PC314", "PC317", "PC318", "PC319"}
    for case in NEGATIVE:
        for finding in check_plan_file(str(case / "plan.yaml")).findings:
            assert finding.level == ("warning" if finding.rule in warnings else "error"), case.name
