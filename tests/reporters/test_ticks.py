"""Axis ticks stay bounded whatever the numbers (docs/evaluation.md#numbers-out-of-range)."""
from __future__ import annotations

from policycheck.reporters.html.chart import LinearScale, value_ticks
from policycheck.reporters.html.ticks import nice_step, nice_ticks, tick_text


def test_values_too_far_apart_for_round_steps_give_the_two_ends() -> None:
    assert nice_ticks(-1e308, 1e308) == (-1e308, 1e308)


def test_values_that_are_not_finite_give_a_unit_axis() -> None:
    assert nice_ticks(float("nan"), 1.0) == (0.0, 1.0)
    assert nice_ticks(0.0, float("inf")) == (0.0, 1.0)


def test_a_subnormal_span_is_its_own_step() -> None:
    assert nice_step(5e-324) == 5e-324


def test_a_scale_wider_than_the_float_range_still_maps_its_middle_to_the_middle() -> None:
    assert LinearScale((-1e308, 1e308), (0.0, 100.0))(0.0) == 50.0


def test_huge_tick_labels_use_an_exponent() -> None:
    assert tick_text(1e20, 0) == "1e+20"
    assert tick_text(123456789012345.0, 0) == "123,456,789,012,345"


def test_value_ticks_of_huge_values_are_two_labelled_ends() -> None:
    scale, ticks = value_ticks([-1e308, 1e308], (200.0, 0.0))
    assert [(t.pos, t.text) for t in ticks] == [(200.0, "-1e+308"), (0.0, "1e+308")]
    assert scale(0.0) == 100.0
