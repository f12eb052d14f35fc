"""The per-unit view (docs/evaluation.md#unit-view): led, supported, by_status, shortfalls with roles, worst first."""
from __future__ import annotations

import pytest

from policycheck.evaluation.engine import evaluate
from policycheck.evaluation.unitview import SEVERITY
from policycheck.model import Scope, UnitShortfall
from tests.helpers.evaluation_inputs import actuals, plan, target


def test_severity_weights_follow_the_status_order() -> None:
    assert SEVERITY == {"missed": 4, "regressing": 3, "off_track": 2, "at_risk": 1}


def test_roles_counts_and_order() -> None:
    # t1 led by jxj (missed at its 2025 milestone), supported by kjj;
    # t2 led by kjj (at_risk); t3 led by kjj (met); area scoped to towns a, b, led by kjj.
    t1 = target("t1", milestones=((2025, 3.5), (2027, 3.6)), responsible=("jxj", "kjj"))
    t2 = target("t2", milestones=((2027, 3.6),), responsible=("kjj",))
    t3 = target("t3", milestones=((2027, 3.6),), responsible=("kjj",))
    area = target("area", milestones=((2027, 1.0),), responsible=("kjj",), scope=Scope(units=("a", "b")))
    data = actuals({("t1", None): {2022: 3.0, 2025: 3.3}, ("t2", None): {2022: 3.0, 2025: 3.3},
                    ("t3", None): {2022: 3.0, 2025: 3.7},
                    ("area", "a"): {2022: 0.4, 2025: 0.5}, ("area", "b"): {2022: 0.5, 2025: 1.2}})
    report = evaluate([plan(t1, t2, t3, area)], data)
    # lead scores: jxj 4 (missed); kjj at_risk 1 + area a off_track 2 = 3.
    # a (甲镇, U+7532) and b (乙镇, U+4E59) lead nothing: by name, 乙镇 first.
    assert [u.id for u in report.units] == ["jxj", "kjj", "b", "a"]
    jxj, kjj, b, a = report.units
    assert (jxj.name, jxj.led, jxj.supported, dict(jxj.by_status)) == ("市经信局", 1, 0, {"missed": 1})
    assert (kjj.led, kjj.supported) == (3, 1)
    assert dict(kjj.by_status) == {"off_track": 1, "at_risk": 1, "met": 2}
    assert list(kjj.by_status) == ["off_track", "at_risk", "met"]
    assert [(s.target, s.unit, s.role, s.status) for s in kjj.shortfalls] == [
        ("t1", None, "support", "missed"), ("t2", None, "lead", "at_risk"), ("area", "a", "lead", "off_track")]
    assert a.shortfalls == (UnitShortfall("p", "area", "a", "scope", "off_track", pytest.approx(0.5 - 0.76)),)
    assert (a.led, a.supported, dict(a.by_status)) == (0, 0, {})
    assert b.shortfalls == ()


def test_ties_are_broken_by_name() -> None:
    t = target("t", milestones=((2027, 3.6),), responsible=("kjj", "jxj"))
    report = evaluate([plan(t)], actuals({("t", None): {2022: 3.0, 2025: 3.7}}))
    # both score 0: 市科技局 (kjj) sorts before 市经信局 (jxj) by code point.
    assert [u.name for u in report.units] == sorted(["市经信局", "市科技局"])


def test_unknown_unit_id_falls_back_to_the_id() -> None:
    t = target("t", milestones=((2027, 3.6),), responsible=("nobody",))
    report = evaluate([plan(t)], actuals({}), year=2025)
    assert [(u.id, u.name, u.led) for u in report.units] == [("nobody", "nobody", 1)]
