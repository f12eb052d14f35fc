"""policycheck: check government development-plan targets against actual statistics.

The public API (README.md#python-api)::

    import policycheck
    plan = policycheck.load_plan("plans/taicang-sti-2018-2020.yaml")
    actuals = policycheck.load_actuals(["examples/taicang.csv"], plans=[plan])
    report = policycheck.evaluate([plan], actuals, year=2019)
    text = policycheck.render(report, "markdown")
    # or, in one call, exactly what ``policycheck check`` reports:
    report = policycheck.check(["plans/taicang-sti-2018-2020.yaml"], ["examples/taicang.csv"], year=2019)

Submodules are imported on first use so that ``policycheck --version`` stays fast.

The package is laid out by stage, in the order data flows: ``plans`` (YAML to
:class:`policycheck.model.Plan`), ``actuals`` (CSV to
:class:`policycheck.observations.Actuals`), ``evaluation`` (both to a
:class:`policycheck.model.Report`) and ``reporters`` (a report to text);
``service`` runs the first three from file paths, for ``cli`` and for
:func:`check`.  ``model``, ``observations``, ``kinds``, ``findings`` and
``errors`` are shared by every stage; docs/architecture.md draws the map.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from policycheck.version import __version__

__all__ = [
    "__version__",
    "load_plan",
    "load_actuals",
    "evaluate",
    "render",
    "render_bytes",
    "check",
    "PolicycheckError",
    "PlanError",
    "ActualsError",
    "OutputError",
]

_LAZY: dict[str, str] = {
    "load_plan": "policycheck.plans.build",
    "load_actuals": "policycheck.actuals.load",
    "evaluate": "policycheck.evaluation.engine",
    "render": "policycheck.reporters",
    "render_bytes": "policycheck.reporters",
    "check": "policycheck.service",
    "PolicycheckError": "policycheck.errors",
    "PlanError": "policycheck.errors",
    "ActualsError": "policycheck.errors",
    "OutputError": "policycheck.errors",
}

if TYPE_CHECKING:
    from policycheck.actuals.load import load_actuals
    from policycheck.errors import ActualsError, OutputError, PlanError, PolicycheckError
    from policycheck.evaluation.engine import evaluate
    from policycheck.plans.build import load_plan
    from policycheck.reporters import render, render_bytes
    from policycheck.service import check


def __getattr__(name: str) -> Any:
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'policycheck' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module_name), name)
    globals()[name] = value
    return value
