"""The pre-commit hook validates plans and data, not every YAML file in a repository."""
from __future__ import annotations

import re

import yaml

from tests.helpers.paths import ROOT

HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def test_one_validate_hook() -> None:
    assert [(h["id"], h["entry"], h["language"]) for h in HOOKS] == [
        ("policycheck-validate", "policycheck validate", "python")]


def test_hook_takes_plans_and_data_and_leaves_ci_files_alone() -> None:
    pattern = re.compile(HOOKS[0]["files"])
    taken = ["plans/linhai-315-2023-2027.yaml", "data/2025.csv", "city/plans/a.yml"]
    left = [".pre-commit-config.yaml", ".github/workflows/ci.yml", "examples/ci/gitlab-ci.yml", "setup.cfg"]
    assert [bool(pattern.search(p)) for p in taken] == [True, True, True]
    assert [bool(pattern.search(p)) for p in left] == [False, False, False, False]
