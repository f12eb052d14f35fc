"""差距 at the end of a month follows the year end's sign rules (docs/evaluation.md#the-sign-of-gaps):
a 左右 / == target's direction and band, a range's ends, and at December the year end's own number."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from policycheck.model import Plan, Target
from tests.helpers.evaluation_inputs import plan, target
from tests.helpers.inyear import at_month, december


def _in_year(t: Target, p: Plan, months: Mapping[tuple[int, int, int], float], period: str,
             years: Mapping[int, Any] | None = None) -> float | None:
    """The margin of the one result at the end of a month, through the whole run."""
    return at_month(t, p, months, period, years).margin


def _december(t: Target, p: Plan, a: float, years: Mapping[int, Any] | None = None) -> tuple[Any, Any]:
    """(margin at the end of December by the in-year rules, margin at the year end) for the same a."""
    month, year_end = december(t, p, a, years)
    return month.margin, year_end.margin


def _rate(comparator: str = "approx", value: float = 30.0, **kw: Any) -> tuple[Target, Plan]:
    """An annual rate (%): compared with the whole requirement at every month (schedule none)."""
    t = target("share", kind="annual", unit="%", comparator=comparator, value=value, **kw)
    return t, plan(t, start=2025, end=2025, baseline_year=2024)


# -- a directed 左右 / ==: better is the target's way, the band on the other side is 0 -----------

@pytest.mark.parametrize(("comparator", "direction", "band", "a", "margin"), [
    ("approx", "up", 2.0, 28.2, 0.0),      # short of 30, within the band below it: met, as at the year end
    ("approx", "up", 2.0, 27.0, -3.0),     # below the band: behind by the distance from 30
    ("approx", "up", 2.0, 33.0, 3.0),      # past 30 the way the target goes: better, not overshot
    ("approx", "down", 2.0, 31.5, 0.0),    # a ceiling of about 30: above it within the band
    ("approx", "down", 2.0, 32.5, -2.5),
    ("approx", "down", 2.0, 26.0, 4.0),
    ("approx", "up", None, 28.6, 0.0),     # the relative tolerance, 5 % of 30 = 1.5
    ("approx", "up", None, 28.4, pytest.approx(-1.6)),
    ("==", "up", None, 33.0, 3.0),
    ("==", "down", None, 33.0, -3.0),
])
def test_directed_approx_rate_has_the_year_end_margin_at_a_month(comparator: str, direction: str,
                                                                  band: float | None, a: float,
                                                                  margin: Any) -> None:
    t, p = _rate(comparator, direction=direction, tolerance_absolute=band)
    assert _in_year(t, p, {(2025, 1, 6): a}, "2025-06") == margin
    assert _december(t, p, a) == (margin, margin)


# -- a two-sided 左右: its own band in the target's unit ----------------------------------------

@pytest.mark.parametrize(("a", "margin"), [
    (5.6, 0.0),   # 0.4 below 6, within the band of 0.5 (5 % would be 0.3)
    (6.4, 0.0),
    (5.3, pytest.approx(-0.7)),
    (6.8, pytest.approx(-0.8)),   # past the band on the far side: worse by the distance
])
def test_two_sided_approx_rate_uses_its_absolute_band(a: float, margin: Any) -> None:
    t, p = _rate(value=6.0, tolerance_absolute=0.5)
    assert _in_year(t, p, {(2025, 1, 9): a}, "2025-09") == margin
    assert _december(t, p, a) == (margin, margin)


# -- a level on its path: E(2025 Jun) = 25 between E(2024) = 24 and E(2025) = 26 ---------------

def _level(**kw: Any) -> tuple[Target, Plan]:
    t = target("cover", comparator="approx", milestones=((2027, 30.0),), **kw)
    return t, plan(t, start=2023, end=2027, baseline_year=2022)


@pytest.mark.parametrize(("direction", "a", "june", "december"), [
    ("up", 31.6, 6.6, 5.6),       # past 30 the way it goes: ahead of E, as at the year end
    ("up", 24.0, -1.0, -2.0),     # behind the schedule
    (None, 31.6, -1.6, -1.6),     # a two-sided 30左右 overshot past its band: -abs(a - 30)
    (None, 29.0, 0.0, 0.0),       # within the band: on it
    (None, 24.0, -1.0, -2.0),
])
def test_level_approx_margin_against_the_path_at_the_month(direction: str | None, a: float, june: float,
                                                            december: float) -> None:
    t, p = _level(direction=direction)
    years = {2022: 20.0, 2024: 23.0}
    assert _in_year(t, p, {(2025, 6, 6): a}, "2025-06", years) == pytest.approx(june)
    month, year_end = _december(t, p, a, years)
    assert (month, year_end) == (pytest.approx(december), pytest.approx(december))


# -- an amount over the year, against its share due (60 a year: 30 by June) --------------------

def _amount(comparator: str, value: Any, **kw: Any) -> tuple[Target, Plan]:
    t = target("firms", kind="annual", unit="家", comparator=comparator, value=value, **kw)
    return t, plan(t, start=2025, end=2025, baseline_year=2024)


@pytest.mark.parametrize(("direction", "a", "margin"), [
    ("up", 66.0, 36.0),    # at least about 60: more is better, against the 30 due
    ("up", 20.0, -10.0),
    ("down", 20.0, 10.0),  # at most about 60: less is better
    ("down", 31.0, 0.0),   # above the 30 due, within its band (1.5, the year's 3 scaled): on it
    ("down", 40.0, -10.0),  # at most about 30 by June: 10 over, as the status (at_risk) says
    ("down", 64.0, -34.0),  # past the limit with its band (63) already
    (None, 59.0, 0.0),     # about 60 already: within the band of 3
    (None, 66.0, -6.0),    # past the band: worse by the distance from 60
])
def test_approx_amount_margin_against_the_share_due(direction: str | None, a: float, margin: float) -> None:
    t, p = _amount("approx", 60.0, direction=direction)
    assert _in_year(t, p, {(2025, 1, 6): a}, "2025-06") == margin


@pytest.mark.parametrize(("direction", "a", "margin"), [
    (None, 50.0, -10.0), (None, 66.0, -6.0), (None, 58.0, 0.0), ("up", 66.0, 6.0), ("up", 58.0, 0.0),
    ("down", 63.0, 0.0), ("down", 64.0, -4.0),
])
def test_approx_amount_in_december_has_the_year_end_margin(direction: str | None, a: float,
                                                           margin: float) -> None:
    t, p = _amount("approx", 60.0, direction=direction)
    assert _december(t, p, a) == (margin, margin)


# -- a range: each end scheduled (30—50 a year is 15—25 by June); unchanged by a direction ------

@pytest.mark.parametrize(("direction", "a", "margin"), [
    (None, 20.0, 0.0),     # inside the scheduled range
    (None, 10.0, -5.0),    # below it: behind its lower end
    ("up", 60.0, 35.0),    # 不少于30—50: more is fine, ahead of the upper end
    ("up", 10.0, -5.0),
    ("down", 10.0, 5.0),   # 不多于: less is fine, ahead of the lower end
])
def test_range_amount_margin_at_a_month(direction: str | None, a: float, margin: float) -> None:
    t, p = _amount("between", (30.0, 50.0), direction=direction)
    assert _in_year(t, p, {(2025, 1, 6): a}, "2025-06") == margin


@pytest.mark.parametrize(("direction", "a", "margin"), [
    (None, 40.0, 0.0), (None, 20.0, -10.0), (None, 60.0, -10.0), ("up", 60.0, 10.0), ("down", 20.0, 10.0),
])
def test_range_amount_in_december_has_the_year_end_margin(direction: str | None, a: float,
                                                          margin: float) -> None:
    t, p = _amount("between", (30.0, 50.0), direction=direction)
    assert _december(t, p, a) == (margin, margin)
