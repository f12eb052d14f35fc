"""The arithmetic of docs/evaluation.md, formula by formula, with numbers worked out by hand."""
from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from policycheck.evaluation.schedule import (
    attainment,
    average_growth,
    cagr_ratio,
    classify_ratio,
    direction,
    eps,
    growth_rate,
    linear_ratio,
    midpoint,
    path_value,
    progress,
    satisfies,
    time_progress,
)


def test_eps_scales_with_the_value_but_never_below_1e9() -> None:
    assert eps(0.5) == 1e-9
    assert eps(-2000.0) == pytest.approx(2e-6)


@pytest.mark.parametrize(("x", "cmp", "v", "expected"), [
    (3.6, ">=", 3.6, True), (3.6 - 5e-10, ">=", 3.6, True), (3.59, ">=", 3.6, False),
    (400.0, ">", 400.0, False), (400.0 + 1e-7, ">", 400.0, False), (401.0, ">", 400.0, True),
    (0.0, "<=", 0.0, True), (1e-10, "<=", 0.0, True), (0.1, "<=", 0.0, False),
    (5.0, "<", 5.0, False), (4.9, "<", 5.0, True),
    (2.0, "==", 2.0, True), (2.0 + 1e-12, "==", 2.0, True), (2.1, "==", 2.0, False),
    (1.0, "between", (1.0, 2.0), True), (2.0, "between", (1.0, 2.0), True),
    (0.99, "between", (1.0, 2.0), False), (2.01, "between", (1.0, 2.0), False),
])
def test_satisfies_every_comparator(x: float, cmp: str, v: object, expected: bool) -> None:
    assert satisfies(x, cmp, v) is expected  # type: ignore[arg-type]


def test_approx_uses_the_relative_tolerance() -> None:
    # 左右 100 with 5 %: 95..105 pass, 94.9 and 105.1 do not.
    assert satisfies(95.0, "approx", 100.0, 0.05)
    assert satisfies(105.0, "approx", 100.0, 0.05)
    assert not satisfies(94.9, "approx", 100.0, 0.05)
    assert not satisfies(105.1, "approx", 100.0, 0.05)


def test_unknown_comparator_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown comparator"):
        satisfies(1.0, "~", 1.0)


def test_direction() -> None:
    assert direction(">=", None, 5.0) == 1
    assert direction(">", 9.0, 5.0) == 1
    assert direction("<", None, 5.0) == -1
    assert direction("==", 3.0, 5.0) == 1
    assert direction("approx", 7.0, 5.0) == -1
    assert direction("between", None, 5.0) == 0
    assert direction("==", 5.0, 5.0) == 0


def test_midpoint() -> None:
    assert midpoint((3.0, 5.0)) == 4.0
    assert midpoint(2) == 2.0


def test_path_value_piecewise_linear() -> None:
    points = [(2022, 3.0), (2025, 3.3), (2027, 3.6)]
    assert path_value(points, 2021) is None
    assert path_value(points, 2022) == 3.0
    assert path_value(points, 2024) == pytest.approx(3.2)  # 3.0 + 2/3 * 0.3
    assert path_value(points, 2026) == pytest.approx(3.45)  # 3.3 + 1/2 * 0.3
    assert path_value(points, 2027) == 3.6
    assert path_value(points, 2030) == 3.6
    assert path_value([], 2025) is None


def test_time_and_completion_progress() -> None:
    assert time_progress(2025, 2022, 2027) == pytest.approx(0.6)
    assert time_progress(2021, 2022, 2027) == 0.0
    assert time_progress(2029, 2022, 2027) == 1.0
    assert time_progress(2025, 2027, 2027) is None
    assert progress(3.3, 3.0, 3.6) == pytest.approx(0.5)
    assert progress(3.3, None, 3.6) is None
    assert progress(3.3, 3.6, 3.6) is None


@pytest.mark.parametrize(("rho", "status"), [
    (0.95, "on_track"), (1.2, "on_track"), (0.9499, "at_risk"), (0.6, "at_risk"),
    (0.5999, "off_track"), (0.0, "off_track"), (-0.01, "regressing"),
])
def test_classify_ratio(rho: float, status: str) -> None:
    assert classify_ratio(rho, 0.95, 0.6) == status


def test_linear_ratio() -> None:
    # R_req = 3.36 - 3.0 = 0.36; rho = 0.3 / 0.36 = 0.8333...
    assert linear_ratio(3.3, 3.0, 3.36, 1) == pytest.approx(0.3 / 0.36)
    # lower is better: R_req = 90 - 100 = -10; rho = (95 - 100) / -10 = 0.5
    assert linear_ratio(95.0, 100.0, 90.0, -1) == pytest.approx(0.5)
    assert linear_ratio(3.3, 3.0, 3.0, 1) is None  # nothing required yet


def test_cagr_ratio() -> None:
    # b=100, a=121 after 2 years: g_a = 10 %; v_T = 161.051 after 5 years: g_r = 10 %.
    assert cagr_ratio(121.0, 100.0, 2, 161.051, 5, 1) == pytest.approx(1.0)
    # a = 110.25 after 2 years: g_a = 5 %; rho = 0.5
    assert cagr_ratio(110.25, 100.0, 2, 161.051, 5, 1) == pytest.approx(0.5)
    assert cagr_ratio(110.0, 0.0, 2, 161.0, 5, 1) is None
    assert cagr_ratio(110.0, 100.0, 0, 161.0, 5, 1) is None
    assert cagr_ratio(110.0, 100.0, 2, 100.0, 5, 1) is None  # g_r == 0: fall back


def test_growth_rates() -> None:
    assert growth_rate(115.0, 100.0) == pytest.approx(15.0)
    assert growth_rate(None, 100.0) is None
    assert growth_rate(115.0, 0.0) is None
    assert average_growth(121.0, 100.0, 2) == pytest.approx(10.0)
    assert average_growth(121.0, 0.0, 2) is None
    assert average_growth(121.0, 100.0, 0) is None


@pytest.mark.parametrize(("a", "cmp", "v", "prog", "expected"), [
    (3.3, ">=", 3.6, None, 3.3 / 3.6),
    (3.3, ">=", 0.0, None, None),
    (80.0, "<=", 60.0, None, 0.75),  # 60 / 80
    (0.0, "<=", 0.0, None, 1.0),  # 清零 done
    (3.0, "<=", 0.0, 0.7, 0.7),  # 清零 not done: the progress from the baseline
    (3.0, "<=", 0.0, None, 0.0),  # 清零 not done, no baseline
    (-1.0, "<", 5.0, None, 2.2),  # below zero: 100 % plus the share of the limit unused, 2 - a/v
    (0.6, "<=", 5.0, None, 1.88),  # 2 - 0.6/5, not 833 %
    (6.0, "<=", 5.0, None, 5.0 / 6.0),  # above the limit: v / a
    (-3.0, "<=", -2.0, None, 1.5),  # a fall of at least 2: a fall of 3 is 150 %
    (1.0, "<=", -2.0, None, 0.0),  # a rise where a fall was required
    # higher is better below zero (a fall of at most 3): the mirror of lower is better above zero
    (-5.0, ">=", -3.0, None, 0.6),  # a fall of 5 where 3 at most was allowed: v / a, a shortfall
    (-1.0, ">=", -3.0, None, 2.0 - 1.0 / 3.0),  # a fall of 1 only: 2 - a / v, 166.7 %, not 33.3 %
    (0.0, ">=", -3.0, None, 2.0),
    (3.0, ">=", -3.0, None, 3.0),  # 2 - 3 / -3
    (-3.0, ">=", -3.0, None, 1.0),
    (1.5, "between", (1.0, 2.0), None, 1.0),
    (0.5, "between", (1.0, 2.0), None, 0.5),  # a / lo
    (4.0, "between", (1.0, 2.0), None, 0.5),  # hi / a
    (104.0, "approx", 100.0, None, 1.0),
    (80.0, "approx", 100.0, None, 0.8),  # min(0.8, 1.25)
    (125.0, "==", 100.0, None, 0.8),  # min(1.25, 0.8)
    (0.0, "==", 100.0, None, 0.0),
])
def test_attainment(a: float, cmp: str, v: object, prog: float | None, expected: float | None) -> None:
    value = attainment(a, cmp, v, tol=0.05, progress_value=prog)  # type: ignore[arg-type]
    if expected is None:
        assert value is None
    else:
        assert value == pytest.approx(expected)


@given(st.floats(-1e6, 1e6), st.floats(-1e6, 1e6).filter(lambda v: v != 0),
       st.sampled_from([">=", ">", "<=", "<"]))
def test_attainment_agrees_with_the_verdict(a: float, v: float, cmp: str) -> None:
    # docs/evaluation.md#attainment: 100 % or more exactly when the requirement is satisfied,
    # whatever the sign of v (-1 against at least -3 is met and above 100 %, -5 is missed and below).
    assume(abs(a - v) > 1e-6 * max(1.0, abs(v)))
    value = attainment(a, cmp, v)
    assert value is not None
    assert (value >= 1.0) == satisfies(a, cmp, v)


@given(st.lists(st.tuples(st.integers(1990, 2060), st.floats(-1e6, 1e6)), min_size=1, max_size=6,
                unique_by=lambda p: p[0]),
       st.integers(1985, 2065))
def test_path_stays_between_its_neighbouring_points(raw: list[tuple[int, float]], year: int) -> None:
    points = sorted(raw)
    value = path_value(points, year)
    if year < points[0][0]:
        assert value is None
        return
    assert value is not None
    before = max(p for p in points if p[0] <= year)
    after = min((p for p in points if p[0] >= year), default=before)
    low, high = sorted((before[1], after[1]))
    assert low - 1e-6 * max(1.0, abs(low)) <= value <= high + 1e-6 * max(1.0, abs(high))


@given(st.lists(st.floats(-1e4, 1e4), min_size=2, max_size=5), st.integers(0, 40))
def test_path_is_monotone_between_milestones(values: list[float], step: int) -> None:
    points = [(2020 + 5 * i, v) for i, v in enumerate(values)]
    for (y1, v1), (y2, v2) in itertools.pairwise(points):
        series = [path_value(points, y) for y in range(y1, y2 + 1)]
        assert all(s is not None for s in series)
        diffs = [b - a for a, b in itertools.pairwise(series)]  # type: ignore[operator]
        sign = math.copysign(1.0, v2 - v1)
        assert all(sign * d >= -1e-9 for d in diffs)
