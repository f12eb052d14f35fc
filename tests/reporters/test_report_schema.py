"""schemas/report.schema.json describes exactly what report_to_dict produces."""
from __future__ import annotations

from typing import Any

import jsonschema
import pytest

from policycheck.evaluation.engine import evaluate
from policycheck.findings import Finding
from policycheck.model import Baseline, Scope, Superseded, TimesBaseline, Unit
from policycheck.reporters.json_text import report_to_dict
from policycheck.schemas import load_schema
from tests.helpers.evaluation_inputs import actuals, obs, plan, target


def _every_kind_report() -> dict[str, Any]:
    targets = (
        target("lvl", milestones=((2025, 3.3), (2027, 3.6)), name_en="R&D share"),
        target("between", comparator="between", milestones=((2027, (3.0, 5.0)),)),
        target("double", milestones=((2027, TimesBaseline(2.0)),)),
        target("rank", kind="rank", milestones=((2027, 5.0),)),
        target("total", kind="cumulative", milestones=((2027, 100.0),)),
        target("annual", kind="annual", value=60.0),
        target("ref", kind="annual", comparator=">", reference="prov"),
        target("growth", kind="growth", value=(5.0, 8.0), comparator="between"),
        target("cagr", kind="cagr", milestones=((2027, 15.0),)),
        target("done", kind="milestone", milestones=((2027, True),), commitment="aspirational"),
        target("area", milestones=((2027, 1.0),), scope=Scope(allocations={"a": 1.0, "b": 2.0}),
               baseline=Baseline(2021, 0.5), responsible=("kjj", "jxj")),
    )
    data = actuals({
        ("lvl", None): {2022: 3.0, 2025: 3.2}, ("between", None): {2022: 1.0, 2025: 2.0},
        ("double", None): {2025: 1.0}, ("rank", None): {2022: 9.0, 2025: 8.0},
        ("total", None): {2023: 10.0, 2024: None, 2025: 30.0}, ("annual", None): {2025: 61.0},
        ("ref", None): {2025: 2.0}, ("prov", None): {2025: 2.5},
        ("growth", None): {2024: 100.0, 2025: obs(106.0, "preliminary")},
        ("cagr", None): {2022: 100.0, 2025: 130.0}, ("done", None): {2024: False, 2025: True},
        ("area", "a"): {2022: 0.1, 2025: 0.5}, ("area", "b"): {2025: None},
    })
    data.findings.append(Finding("PC405", "warning", "a.csv", 4, 1, "exact duplicate row"))
    data.superseded.append(Superseded("a.csv", 5, "p", "lvl", None, 2025, "estimate", 3.1))
    units = {"kjj": Unit("kjj", "市科技局", name_en="Science Bureau"), "jxj": Unit("jxj", "市经信局"),
             "a": Unit("a", "甲镇"), "b": Unit("b", "乙镇")}
    return report_to_dict(evaluate([plan(*targets, units=units)], data, strict=True))


def test_reports_of_every_kind_validate() -> None:
    report = _every_kind_report()
    jsonschema.Draft202012Validator(load_schema("report")).validate(report)
    assert {r["status"] for r in report["results"]} >= {"met", "missed", "no_data", "pending"}


def test_the_schema_rejects_what_the_report_never_has() -> None:
    validator = jsonschema.Draft202012Validator(load_schema("report"))
    report = _every_kind_report()
    report["results"][0]["status"] = "late"
    assert not validator.is_valid(report)
    report = _every_kind_report()
    report["results"][0]["extra"] = 1
    assert not validator.is_valid(report)


def test_the_schema_is_valid_draft_2020_12() -> None:
    schema = load_schema("report")
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize("field", ["name_en", "history", "years_met", "years_due", "level", "expected_level",
                                   "achieved_year", "last_year", "last_value", "path", "observed"])
def test_every_result_field_is_described(field: str) -> None:
    result = load_schema("report")["$defs"]["result"]
    assert field in result["properties"] and field in result["required"]
