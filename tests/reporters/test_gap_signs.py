"""One sign for 差距 and every derived figure: + better than required or scheduled, - worse.

docs/evaluation.md#the-sign-of-差距: the result's ``margin`` is what every human format
shows as 差距 and what shortfall lists carry; the JSON ``gap`` keeps a - E(Y).
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from policycheck.evaluation.engine import evaluate
from policycheck.model import Unit
from policycheck.reporters import RenderOptions, render
from policycheck.reporters.common import required_pace
from policycheck.reporters.html.page import build_card
from policycheck.reporters.units import unit_rows
from tests.helpers.evaluation_inputs import actuals, one, plan, target

UNITS = {"kjj": Unit("kjj", "市科技局"), "jxj": Unit("jxj", "市经信局")}


def test_a_rank_ahead_of_schedule_is_plus() -> None:
    rank = target("innovation-rank", kind="rank", milestones=((2027, 5.0),))
    r = one(rank, {2022: 13.0, 2025: 7.6})
    assert r.expected == pytest.approx(8.2)
    assert (r.status, r.margin, r.gap) == ("on_track", pytest.approx(0.6), pytest.approx(-0.6))


def test_a_zeroing_target_behind_is_minus() -> None:
    weak = target("weak-villages", comparator="<=", milestones=((2027, 0.0),))
    r = one(weak, {2022: 6.0, 2025: 4.0})
    assert r.expected == pytest.approx(2.4)
    assert (r.requirement, r.margin, r.gap) == ("清零", pytest.approx(-1.6), pytest.approx(1.6))
    assert r.status in ("at_risk", "off_track")


@pytest.mark.parametrize(("actual", "status", "margin", "attainment"), [
    (3.0, "met", 0.0, 1.0), (5.0, "met", 0.0, 1.0), (2.0, "missed", -1.0, 2 / 3), (6.0, "missed", -1.0, 5 / 6),
])
def test_a_yearly_range_is_met_inside_and_worse_outside(actual: float, status: str, margin: float,
                                                       attainment: float) -> None:
    events = target("events", kind="annual", comparator="between", value=(3.0, 5.0), unit="场")
    r = one(events, {2025: actual})
    assert (r.status, r.margin, r.attainment) == (status, pytest.approx(margin), pytest.approx(attainment))
    assert (r.requirement, r.expected_range, r.expected) == ("3—5", (3.0, 5.0), 4.0)


@pytest.mark.parametrize(("actual", "status", "margin"), [(6.0, "met", 1.0), (3.0, "met", 0.0), (2.0, "missed", -1.0)])
def test_more_than_an_open_range_meets_it_when_the_plan_says_so(actual: float, status: str, margin: float) -> None:
    events = target("events", kind="annual", comparator="between", value=(3.0, 5.0), direction="up")
    r = one(events, {2025: actual})
    assert (r.requirement, r.status, r.margin) == ("≥3 (3—5)", status, pytest.approx(margin))


@pytest.mark.parametrize(("actual", "margin"), [(2.0, 0.0), (1.0, -0.8), (4.0, 1.0), (6.0, -1.0)])
def test_a_level_range_is_scheduled_as_a_range(actual: float, margin: float) -> None:
    """0 → [3, 5] from 2022 to 2027: in 2025 the schedule is [1.8, 3]; ahead of it but still
    inside the final range is +, past the final range is -."""
    firms = target("firms", comparator="between", milestones=((2027, (3.0, 5.0)),))
    r = one(firms, {2022: 0.0, 2025: actual})
    assert r.expected_range == (pytest.approx(1.8), pytest.approx(3.0))
    assert r.margin == pytest.approx(margin)


@pytest.mark.parametrize(("actual", "margin", "status"), [(64.0, 0.0, "met"), (70.0, -5.0, "missed"),
                                                         (60.0, -5.0, "missed")])
def test_approx_within_tolerance_is_zero_outside_it_worse_either_way(actual: float, margin: float,
                                                                   status: str) -> None:
    share = target("share", kind="annual", comparator="approx", value=65.0)
    r = one(share, {2025: actual})
    assert (r.requirement, r.margin, r.status) == ("≈65 (±5%)", pytest.approx(margin), status)


@pytest.mark.parametrize(("actual", "margin"), [(4.0, 1.0), (6.0, -1.0)])
def test_a_maximum_below_it_is_plus(actual: float, margin: float) -> None:
    cap = target("cap", kind="annual", comparator="<=", value=5.0)
    assert one(cap, {2025: actual}).margin == pytest.approx(margin)


def test_a_growth_rate_short_of_the_required_is_minus() -> None:
    cagr = target("cagr", kind="cagr", milestones=((2027, 15.0),))
    r = one(cagr, {2022: 100.0, 2025: 130.0})
    assert r.margin == pytest.approx(r.actual - 15.0) and r.margin < 0  # type: ignore[operator]


def _report() -> Any:
    # path linear: the straight line's fractions (2.4 villages, 8.2nd place) keep the signs visible
    # (small counts are otherwise scheduled in whole things, docs/evaluation.md#small-counts).
    weak = target("weak-villages", name="集体经济薄弱村", comparator="<=", milestones=((2027, 0.0),),
                  unit="个", responsible=("kjj", "jxj"), path="linear")
    rank = target("innovation-rank", name="创新指数排名", kind="rank", milestones=((2027, 5.0),), unit="位",
                  path="linear")
    return evaluate([plan(weak, rank, units=UNITS)],
                    actuals({("weak-villages", None): {2022: 6.0, 2025: 4.0},
                             ("innovation-rank", None): {2022: 13.0, 2025: 7.6}}))


def test_shortfall_lists_show_minus_in_every_format() -> None:
    report = _report()
    assert [(row.unit.id, row.roles, row.gap) for row in unit_rows(report)] == [
        ("kjj", ("lead",), pytest.approx(-1.6)), ("jxj", ("support",), pytest.approx(-1.6))]
    assert report.units[0].shortfalls[0].gap == pytest.approx(1.6)  # JSON: a - E(Y), as documented
    text = render(report, "text", RenderOptions())
    assert "市科技局    牵头    集体经济薄弱村  清零           4    -1.6  明显滞后" in text
    assert "innovation-rank  创新指数排名    前5名        7.6           8.2    +0.6          112.5%" in text
    assert "| 市经信局 | 配合 | 集体经济薄弱村 | 清零 | 4 | -1.6 | 明显滞后 |" in render(report, "markdown")
    assert "<td>市科技局</td><td>牵头</td><td>集体经济薄弱村</td><td>清零</td><td class=\"num\">4</td>" \
           "<td class=\"num\">-1.6</td>" in render(report, "html")


def test_required_pace_says_which_way_and_is_hidden_once_met() -> None:
    report = _report()
    weak, rank = report.results
    assert required_pace(weak) == ("required_fall", pytest.approx(2.0))  # 4 to 0 in 2 years
    assert required_pace(rank) == ("required_rank", pytest.approx(1.3))  # 7.6 to 5 in 2 years
    rise = one(target("firms", milestones=((2027, 10.0),)), {2022: 2.0, 2025: 6.0})
    assert required_pace(rise) == ("required_rise", pytest.approx(2.0))
    met = replace(rise, status="met", actual=11.0)
    assert required_pace(met) is None
    facts = dict(build_card(weak, report.plans[0], {}, "zh", "r1").facts)
    assert facts["年均需减"] == "2 个" and "年均需增" not in facts
    facts = dict(build_card(rank, report.plans[0], {}, "zh", "r2").facts)
    assert facts["年均需提升"] == "1.3 位"
    met_facts = dict(build_card(met, report.plans[0], {}, "zh", "r3").facts)
    assert not {"年均需增", "年均需减", "年均需提升"} & set(met_facts)
