"""The Python API of SPEC 6, used exactly as the SPEC shows it."""
from __future__ import annotations

import json

import pytest
from conftest import EXAMPLES_DIR, PLANS_DIR

import policycheck

PLAN = PLANS_DIR / "taicang-sti-2018-2020.yaml"
CSV = EXAMPLES_DIR / "taicang.csv"


def test_spec_example_runs_even_after_every_submodule_was_imported() -> None:
    # The CLI imports the submodules; the package attributes must stay the
    # functions of SPEC 6 (a module named like a function would shadow it).
    import policycheck.actuals.load  # noqa: F401
    import policycheck.evaluation.engine  # noqa: F401
    import policycheck.plans.build  # noqa: F401
    import policycheck.reporters  # noqa: F401

    plan = policycheck.load_plan(str(PLAN))
    actuals = policycheck.load_actuals([str(CSV)], plans=[plan])
    report = policycheck.evaluate([plan], actuals, year=2019)
    text = policycheck.render(report, "markdown")
    assert callable(policycheck.evaluate)
    assert report.plans[0].year == 2019
    assert plan.title in text
    data = json.loads(policycheck.render(report, "json"))
    assert data["summary"]["results"] == len(data["results"])
    assert [t.id for t in plan.targets] == list(dict.fromkeys(r["target"] for r in data["results"]))


def test_load_plan_raises_plan_error_with_findings(tmp_path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("policycheck: 1\nplan: {id: x}\n", encoding="utf-8")
    with pytest.raises(policycheck.PlanError) as caught:
        policycheck.load_plan(str(bad))
    assert caught.value.findings
    assert all(f.file == str(bad) for f in caught.value.findings)


def test_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError):
        policycheck.no_such_thing  # noqa: B018
