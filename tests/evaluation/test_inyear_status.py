"""In-year statuses read 左右, bands and open ends as the year end does (docs/evaluation.md#in-year):
the target's direction, its absolute or relative band and a range's open end decide what is met,
what is ahead and what is past a limit, and the status never contradicts the 差距 beside it."""
from __future__ import annotations

from typing import Any

import pytest

from policycheck.model import Plan, Result, Target
from tests.helpers.evaluation_inputs import plan, target
from tests.helpers.inyear import at_month, december

#: What a status says of the margin beside it: ahead or on it (>= 0), or behind or worse (< 0).
GOOD, BAD = frozenset({"met", "on_track"}), frozenset({"missed", "off_track", "at_risk", "regressing"})


def _one_year(kind: str, unit: str, comparator: str, value: Any, **kw: Any) -> tuple[Target, Plan]:
    t = target("x", kind=kind, unit=unit, comparator=comparator, value=value, **kw)
    return t, plan(t, start=2025, end=2025, baseline_year=2024)


def _check(r: Result, status: str, code: str, attainment: float | None, ratio: float | None,
           margin: float) -> None:
    assert (r.status, r.reason_code) == (status, code)
    assert r.attainment == pytest.approx(attainment)
    assert r.progress_ratio == pytest.approx(ratio)
    assert r.margin == pytest.approx(margin)
    # The status and the 差距 beside it tell one story.
    assert not (r.margin > 1e-9 and r.status in BAD) and not (r.margin < -1e-9 and r.status == "met")


# -- an annual rate: the latest figure against the whole requirement ----------------------------

@pytest.mark.parametrize(("comparator", "value", "kw", "a", "status", "code", "att", "ratio", "margin"), [
    # 30%左右 at least, within a band of 2: met at 28.2, better beyond 30 (not overshot)
    ("approx", 30.0, {"direction": "up", "tolerance_absolute": 2.0}, 28.2,
     "on_track", "inyear_requirement_met", 0.94, 1.0, 0.0),
    ("approx", 30.0, {"direction": "up", "tolerance_absolute": 2.0}, 40.9,
     "on_track", "inyear_requirement_met", 40.9 / 30, 1.0, 10.9),
    ("approx", 30.0, {"direction": "up", "tolerance_absolute": 2.0}, 27.0,
     "at_risk", "inyear_requirement_short", 0.9, 0.9, -3.0),
    # a CPI ceiling of 3%左右 (5 %: 0.15): 2.1 is well under it, 3.1 within its band, 3.2 past it
    ("approx", 3.0, {"direction": "down"}, 2.1, "on_track", "inyear_requirement_met", 2 - 2.1 / 3, 1.0, 0.9),
    ("approx", 3.0, {"direction": "down"}, 3.1, "on_track", "inyear_requirement_met", 3 / 3.1, 1.0, 0.0),
    ("approx", 3.0, {"direction": "down"}, 3.2, "at_risk", "inyear_requirement_short", 3 / 3.2, 3 / 3.2, -0.2),
    # a two-sided 6%左右 with its own band of 0.5 (5 % would be 0.3)
    ("approx", 6.0, {"tolerance_absolute": 0.5}, 6.4, "on_track", "inyear_requirement_met", 1.0, 1.0, 0.0),
    ("approx", 6.0, {"tolerance_absolute": 0.5}, 6.8, "at_risk", "inyear_requirement_short", 6 / 6.8, 6 / 6.8,
     -0.8),
    # == 30 with a direction: at least 30, so 33 meets it (110 %), 27 does not
    ("==", 30.0, {"direction": "up"}, 33.0, "on_track", "inyear_requirement_met", 1.1, 1.0, 3.0),
    ("==", 30.0, {"direction": "up"}, 27.0, "at_risk", "inyear_requirement_short", 0.9, 0.9, -3.0),
    # 不少于30—50%: above the range is fine
    ("between", (30.0, 50.0), {"direction": "up"}, 60.0, "on_track", "inyear_requirement_met", 1.2, 1.0, 10.0),
    ("between", (30.0, 50.0), {}, 60.0, "at_risk", "inyear_requirement_short", 50 / 60, 50 / 60, -10.0),
])
def test_annual_rate_at_a_month(comparator: str, value: Any, kw: dict[str, Any], a: float, status: str,
                                code: str, att: float, ratio: float, margin: float) -> None:
    t, p = _one_year("annual", "%", comparator, value, **kw)
    _check(at_month(t, p, {(2025, 1, 6): a}, "2025-06"), status, code, att, ratio, margin)


@pytest.mark.parametrize(("comparator", "value", "kw", "a"), [
    ("approx", 30.0, {"direction": "up", "tolerance_absolute": 2.0}, 28.2),
    ("approx", 30.0, {"direction": "up", "tolerance_absolute": 2.0}, 27.0),
    ("approx", 3.0, {"direction": "down"}, 2.1),
    ("approx", 3.0, {"direction": "down"}, 3.5),
    ("approx", 6.0, {"tolerance_absolute": 0.5}, 5.6),
    ("approx", 6.0, {"tolerance_absolute": 0.5}, 7.0),
    ("between", (30.0, 50.0), {"direction": "up"}, 60.0),
    ("between", (30.0, 50.0), {}, 60.0),
    ("==", 30.0, {"direction": "up"}, 33.0),
    ("==", 30.0, {"direction": "up"}, 27.0),
    ("==", 30.0, {"direction": "down"}, 27.0),
    ("==", 30.0, {"direction": "down"}, 33.0),
])
def test_annual_rate_in_december_reads_the_requirement_as_the_year_end(comparator: str, value: Any,
                                                                      kw: dict[str, Any], a: float) -> None:
    t, p = _one_year("annual", "%", comparator, value, **kw)
    month, year_end = december(t, p, a)
    assert (month.status == "on_track") == (year_end.status == "met")
    assert month.attainment == pytest.approx(year_end.attainment)
    assert month.margin == pytest.approx(year_end.margin)


# -- an amount over the year: the total against the share due (60 a year: 30 by June) -----------

@pytest.mark.parametrize(("comparator", "value", "kw", "a", "status", "code", "att", "ratio", "margin"), [
    # 60左右 at least: reached in June, the whole year's requirement is met early
    ("approx", 60.0, {"direction": "up"}, 66.0, "met", "inyear_whole_year_reached", 1.1, 2.2, 36.0),
    # short of the nominal 60 (within its band): not met before the year is over, ahead of the 30 due
    ("approx", 60.0, {"direction": "up"}, 59.0, "on_track", "inyear_on_schedule", 59 / 60, 59 / 30, 29.0),
    # within the band of the share due (30 ± 1.5): on the schedule
    ("approx", 60.0, {"direction": "up"}, 29.0, "on_track", "inyear_on_schedule", 29 / 60, 1.0, 0.0),
    ("approx", 60.0, {"direction": "up"}, 20.0, "at_risk", "inyear_behind_below", 20 / 60, 20 / 30, -10.0),
    # at most about 60: less than due is ahead, more than due (past its band) behind, past 63 missed
    ("approx", 60.0, {"direction": "down"}, 20.0, "on_track", "inyear_on_schedule", 2 - 20 / 60, 2 - 20 / 30,
     10.0),
    ("approx", 60.0, {"direction": "down"}, 31.0, "on_track", "inyear_on_schedule", 2 - 31 / 60, 1.0, 0.0),
    ("approx", 60.0, {"direction": "down"}, 40.0, "at_risk", "inyear_behind_above", 2 - 40 / 60, 0.75, -10.0),
    ("approx", 60.0, {"direction": "down"}, 64.0, "missed", "inyear_limit_exceeded", 60 / 64, None, -34.0),
    # about 60, two-sided: ahead of the 30 due is on track, past its band (63) missed for good
    ("approx", 60.0, {}, 45.0, "on_track", "inyear_on_schedule", 0.75, 1.5, 15.0),
    ("approx", 60.0, {}, 61.0, "on_track", "inyear_on_schedule", 1.0, 61 / 30, 0.0),
    ("approx", 60.0, {}, 66.0, "missed", "inyear_limit_exceeded", 60 / 66, None, -6.0),
    ("approx", 60.0, {}, 20.0, "at_risk", "inyear_behind_below", 20 / 60, 20 / 30, -10.0),
    # == 60 with a direction: at least 60, reached at 66; without one 61 is past it for good
    ("==", 60.0, {"direction": "up"}, 66.0, "met", "inyear_whole_year_reached", 1.1, 2.2, 36.0),
    ("==", 60.0, {}, 61.0, "missed", "inyear_limit_exceeded", 60 / 61, None, -1.0),
    # 30—50 closed: 15—25 due by June; above it but within 50 ahead, past 50 missed
    ("between", (30.0, 50.0), {}, 20.0, "on_track", "inyear_on_schedule", 20 / 30, 1.0, 0.0),
    ("between", (30.0, 50.0), {}, 40.0, "on_track", "inyear_on_schedule", 1.0, 1.6, 15.0),
    ("between", (30.0, 50.0), {}, 10.0, "at_risk", "inyear_behind_below", 10 / 30, 10 / 15, -5.0),
    ("between", (30.0, 50.0), {}, 60.0, "missed", "inyear_limit_exceeded", 50 / 60, None, -10.0),
    # 不少于30—50: 30 reached is the year's requirement met; 不多于30—50: past 50 missed
    ("between", (30.0, 50.0), {"direction": "up"}, 35.0, "met", "inyear_whole_year_reached", 1.0, 1.4, 10.0),
    ("between", (30.0, 50.0), {"direction": "up"}, 60.0, "met", "inyear_whole_year_reached", 1.2, 2.4, 35.0),
    ("between", (30.0, 50.0), {"direction": "down"}, 10.0, "on_track", "inyear_on_schedule", 3.0, 1.5, 5.0),
    ("between", (30.0, 50.0), {"direction": "down"}, 40.0, "at_risk", "inyear_behind_above", 1.0, 0.625,
     -15.0),
    ("between", (30.0, 50.0), {"direction": "down"}, 55.0, "missed", "inyear_limit_exceeded", 50 / 55, None,
     -30.0),
])
def test_annual_amount_at_a_month(comparator: str, value: Any, kw: dict[str, Any], a: float, status: str,
                                  code: str, att: float, ratio: float | None, margin: float) -> None:
    t, p = _one_year("annual", "家", comparator, value, **kw)
    _check(at_month(t, p, {(2025, 1, 6): a}, "2025-06"), status, code, att, ratio, margin)


@pytest.mark.parametrize(("comparator", "value", "kw", "a"), [
    ("approx", 60.0, {"direction": "up"}, 58.0), ("approx", 60.0, {"direction": "up"}, 50.0),
    ("approx", 60.0, {"direction": "down"}, 62.0), ("approx", 60.0, {"direction": "down"}, 70.0),
    ("approx", 60.0, {}, 59.0), ("approx", 60.0, {}, 66.0), ("approx", 60.0, {}, 50.0),
    ("between", (30.0, 50.0), {}, 40.0), ("between", (30.0, 50.0), {}, 60.0),
    ("between", (30.0, 50.0), {"direction": "up"}, 60.0), ("between", (30.0, 50.0), {"direction": "down"}, 20.0),
])
def test_annual_amount_in_december_is_the_year_end_verdict(comparator: str, value: Any, kw: dict[str, Any],
                                                           a: float) -> None:
    """With the whole year due the month's status is good exactly when the year end says met (a
    two-sided target is on_track, not met, until the year is over), with the same attainment."""
    t, p = _one_year("annual", "家", comparator, value, **kw)
    month, year_end = december(t, p, a)
    assert (month.status in GOOD) == (year_end.status == "met")
    assert month.attainment == pytest.approx(year_end.attainment)
    assert month.margin == pytest.approx(year_end.margin)


# -- growth and cagr: the year-to-date rate against the required rate ---------------------------

@pytest.mark.parametrize(("comparator", "value", "kw", "a", "status", "code", "att", "ratio", "margin"), [
    ("approx", 6.0, {"direction": "up"}, 8.0, "on_track", "inyear_growth", 8 / 6, 1.0, 2.0),
    ("approx", 6.0, {"direction": "up", "tolerance_absolute": 0.5}, 5.6, "on_track", "inyear_growth", 5.6 / 6,
     1.0, 0.0),
    ("approx", 6.0, {"direction": "up"}, 5.0, "at_risk", "inyear_growth_behind", 5 / 6, 5 / 6, -1.0),
    # about 6 % two-sided: 8 % has overshot, measured by its distance (75 %), never "ahead"
    ("approx", 6.0, {}, 8.0, "at_risk", "inyear_requirement_short", 0.75, 0.75, -2.0),
    # at most about 3 %: 2 % is within it
    ("approx", 3.0, {"direction": "down"}, 2.0, "on_track", "inyear_growth", 2 - 2 / 3, 1.0, 1.0),
    ("between", (6.0, 8.0), {"direction": "up"}, 9.0, "on_track", "inyear_growth", 9 / 8, 1.0, 1.0),
    ("between", (6.0, 8.0), {}, 9.0, "at_risk", "inyear_requirement_short", 8 / 9, 8 / 9, -1.0),
])
def test_growth_at_a_month(comparator: str, value: Any, kw: dict[str, Any], a: float, status: str, code: str,
                           att: float, ratio: float, margin: float) -> None:
    t, p = _one_year("growth", "%", comparator, value, actuals="rate", **kw)
    r = at_month(t, p, {(2025, 1, 6): a}, "2025-06")
    _check(r, status, code, att, ratio, margin)


def test_cagr_reads_a_directed_band_at_a_month() -> None:
    t = target("x", kind="cagr", unit="%", comparator="approx", milestones=((2027, 6.0),), actuals="rate",
               direction="up", tolerance_absolute=0.5)
    p = plan(t, start=2023, end=2027, baseline_year=2022)
    _check(at_month(t, p, {(2025, 1, 6): 5.6}, "2025-06"), "on_track", "inyear_growth", 5.6 / 6, 1.0, 0.0)


@pytest.mark.parametrize(("comparator", "value", "kw", "a"), [
    ("approx", 6.0, {"direction": "up"}, 8.0), ("approx", 6.0, {"direction": "up", "tolerance_absolute": 0.5}, 5.6),
    ("approx", 6.0, {}, 8.0), ("approx", 3.0, {"direction": "down"}, 2.0),
    ("between", (6.0, 8.0), {"direction": "up"}, 9.0), ("between", (6.0, 8.0), {}, 9.0),
])
def test_growth_in_december_reads_the_requirement_as_the_year_end(comparator: str, value: Any,
                                                                 kw: dict[str, Any], a: float) -> None:
    t, p = _one_year("growth", "%", comparator, value, actuals="rate", **kw)
    month, year_end = december(t, p, a)
    assert (month.status == "on_track") == (year_end.status == "met")
    assert month.attainment == pytest.approx(year_end.attainment)
    assert month.margin == pytest.approx(year_end.margin)


# -- a level on its path: 20 in 2022 to 30 by 2027, E(2025 Jun) = 25 --------------------------

def _level(comparator: str = "approx", final: Any = 30.0, **kw: Any) -> tuple[Target, Plan]:
    t = target("cover", comparator=comparator, milestones=((2027, final),), **kw)
    return t, plan(t, start=2023, end=2027, baseline_year=2022)


@pytest.mark.parametrize(("comparator", "final", "kw", "a", "status", "code", "ratio", "margin"), [
    # 30左右 at least, band 2: 28.5 is within the band but short of 30, not reached early
    ("approx", 30.0, {"direction": "up", "tolerance_absolute": 2.0}, 28.5, "on_track", "inyear_on_schedule",
     1.7, 3.5),
    ("approx", 30.0, {"direction": "up"}, 31.6, "met", "final_met_early", 2.32, 6.6),
    # about 30, two-sided: 29 is on it but not 30 yet; 31.6 has overshot (counts as 28.4); 50 counts as 10
    ("approx", 30.0, {}, 29.0, "on_track", "inyear_on_schedule", 1.8, 0.0),
    ("approx", 30.0, {}, 31.6, "on_track", "beyond_band", 1.68, -1.6),
    ("approx", 30.0, {}, 50.0, "off_track", "beyond_band", 0.0, -20.0),
    # 不少于28—32: 35 is the range's requirement reached early
    ("between", (28.0, 32.0), {"direction": "up"}, 35.0, "met", "final_met_early", 3.0, 9.0),
])
def test_level_at_a_month(comparator: str, final: Any, kw: dict[str, Any], a: float, status: str, code: str,
                          ratio: float, margin: float) -> None:
    t, p = _level(comparator, final, **kw)
    r = at_month(t, p, {(2025, 6, 6): a}, "2025-06", {2022: 20.0, 2024: 23.0})
    assert (r.status, r.reason_code) == (status, code)
    assert r.progress_ratio == pytest.approx(ratio)
    assert r.margin == pytest.approx(margin)


@pytest.mark.parametrize(("kw", "a", "attainment"), [
    ({"direction": "up"}, 40.9, 40.9 / 30), ({"direction": "up", "tolerance_absolute": 2.0}, 28.5, 0.95),
    ({}, 31.6, 30 / 31.6), ({"direction": "down"}, 20.0, 2 - 20 / 30),
])
def test_level_attainment_has_the_direction_and_band(kw: dict[str, Any], a: float, attainment: float) -> None:
    t, p = _level(**kw)
    r = at_month(t, p, {(2025, 6, 6): a}, "2025-06", {2022: 20.0, 2024: 23.0})
    assert r.attainment == pytest.approx(attainment)


# -- the status and the 差距 beside it never disagree, for any total at any month ------------------

@pytest.mark.parametrize(("comparator", "value", "kw"), [
    ("approx", 60.0, {"direction": "up"}), ("approx", 60.0, {"direction": "down"}), ("approx", 60.0, {}),
    ("approx", 60.0, {"tolerance_absolute": 6.0}), ("==", 60.0, {"direction": "up"}), ("==", 60.0, {}),
    ("between", (30.0, 50.0), {}), ("between", (30.0, 50.0), {"direction": "up"}),
    ("between", (30.0, 50.0), {"direction": "down"}), (">=", 60.0, {}), ("<=", 60.0, {}),
])
@pytest.mark.parametrize("month", [3, 6, 9])
def test_amount_status_and_margin_agree(comparator: str, value: Any, kw: dict[str, Any], month: int) -> None:
    t, p = _one_year("annual", "家", comparator, value, **kw)
    seen = set()
    for a in range(0, 81, 2):
        r = at_month(t, p, {(2025, 1, month): float(a)}, f"2025-{month:02d}")
        assert r.margin is not None
        seen.add(r.status)
        if r.margin > 1e-9:
            assert r.status in GOOD, (a, r.status, r.margin)
        if r.status in BAD:
            assert r.margin < 0, (a, r.status, r.margin)
        if r.status == "met":
            assert r.margin >= 0, (a, r.status, r.margin)
    assert seen & GOOD and seen & BAD  # the grid reaches both sides of every target
