"""Chart geometry: scales, nice ticks, pixels and SVG path data (policycheck/reporters/html/chart.py)."""
from __future__ import annotations

import pytest

from policycheck.reporters.html.chart import (
    Frame,
    LinearScale,
    Point,
    Trajectory,
    bar_chart,
    line_chart,
    path_data,
    place_labels,
    timeline,
    value_ticks,
    year_ticks,
)
from policycheck.reporters.html.ticks import nice_step, nice_ticks, step_decimals, tick_text


def test_linear_scale_maps_the_domain_ends_to_the_range_ends_exactly() -> None:
    scale = LinearScale((0.0, 4.0), (216.0, 26.0))
    assert scale(0.0) == 216.0
    assert scale(4.0) == 26.0
    assert scale(2.0) == 121.0


def test_a_known_value_lands_on_the_exact_pixel() -> None:
    scale = LinearScale((0.0, 4.0), (200.0, 0.0))
    assert scale(3.6) == pytest.approx(20.0, abs=1e-12)
    assert scale(1.0) == 150.0


def test_a_reversed_range_inverts_the_axis() -> None:
    scale = LinearScale((4.0, 9.0), (26.0, 216.0))  # rank: 4 at the top
    assert scale(4.0) == 26.0
    assert scale(9.0) == 216.0
    assert scale(5.0) < scale(7.0)


def test_a_single_value_domain_maps_to_the_middle_of_the_range() -> None:
    assert LinearScale((3.0, 3.0), (0.0, 100.0))(3.0) == 50.0


@pytest.mark.parametrize(("lo", "hi", "expected"), [
    (0.0, 3.6, (0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0)),
    (0.0, 400.0, (0.0, 50.0, 100.0, 150.0, 200.0, 250.0, 300.0, 350.0, 400.0)),
    (-3.2, 17.0, (-5.0, 0.0, 5.0, 10.0, 15.0, 20.0)),
    (0.0, 10000.0, (0.0, 2000.0, 4000.0, 6000.0, 8000.0, 10000.0)),
    (1000.0, 2011.36, (1000.0, 1200.0, 1400.0, 1600.0, 1800.0, 2000.0, 2200.0)),
])
def test_nice_ticks_cover_the_data_with_round_steps(lo: float, hi: float, expected: tuple[float, ...]) -> None:
    assert nice_ticks(lo, hi) == expected


def test_nice_ticks_of_a_single_value_widen_the_axis() -> None:
    assert nice_ticks(5.0, 5.0) == (4.4, 4.6, 4.8, 5.0, 5.2, 5.4, 5.6)  # 5 +- 10 %
    assert nice_ticks(0.0, 0.0) == (-1.0, -0.75, -0.5, -0.25, 0.0, 0.25, 0.5, 0.75, 1.0)


def test_nice_ticks_respect_a_minimum_step_for_ranks() -> None:
    assert nice_ticks(4.0, 9.0, min_step=1.0) == (4.0, 5.0, 6.0, 7.0, 8.0, 9.0)
    assert nice_ticks(1.0, 2.0, min_step=1.0) == (1.0, 2.0)


@pytest.mark.parametrize(("span", "step"), [(3.6, 0.5), (1.0, 0.2), (2.0, 0.25), (7.0, 1.0), (18.0, 2.5), (0.0, 1.0)])
def test_nice_step(span: float, step: float) -> None:
    assert nice_step(span) == step


@pytest.mark.parametrize(("step", "decimals"), [(0.5, 1), (0.25, 2), (50.0, 0), (2.5, 1), (0.001, 3)])
def test_step_decimals(step: float, decimals: int) -> None:
    assert step_decimals(step) == decimals


def test_tick_text_groups_thousands_and_never_shows_minus_zero() -> None:
    assert tick_text(10000.0, 0) == "10,000"
    assert tick_text(-0.0, 1) == "0.0"
    assert tick_text(3.5, 1) == "3.5"


def test_value_ticks_give_the_scale_and_positioned_labels() -> None:
    scale, ticks = value_ticks([0.0, 3.6], (200.0, 0.0))
    assert scale.domain == (0.0, 4.0)
    assert [(t.pos, t.text) for t in ticks][:3] == [(200.0, "0.0"), (175.0, "0.5"), (150.0, "1.0")]
    assert ticks[-1].pos == 0.0


def test_value_ticks_include_zero_for_bars() -> None:
    scale, _ = value_ticks([55.0, 62.0], (216.0, 26.0), include_zero=True)
    assert scale.domain == (0.0, 70.0)


def test_year_ticks_leave_half_a_year_at_each_end() -> None:
    scale, ticks = year_ticks([2022, 2027], Frame())
    assert scale.domain == (2021.5, 2027.5)
    assert [t.text for t in ticks] == ["2022", "2023", "2024", "2025", "2026", "2027"]
    assert ticks[0].pos == 98.3  # 58 + 0.5 * 484 / 6


def test_path_data_breaks_the_line_at_missing_points() -> None:
    assert path_data([(0.0, 0.0), (10.0, 10.04), None, (30.0, 5.0)]) == "M0 0 L10 10 M30 5"
    assert path_data([]) == ""


def test_markers_are_centred_on_the_point() -> None:
    point = Point(100.0, 50.0, 2024, 3.0, "2024: 3")
    assert point.square == "M95.5 45.5h9v9h-9z"
    assert point.diamond == "M100 44l6 6l-6 6l-6 -6z"


def _level() -> Trajectory:
    return Trajectory(schedule=((2022, 3.0), (2027, 3.6)), baseline=(2022, 3.0), milestones=((2027, 3.6),),
                      observed=((2023, 3.1), (2024, None), (2025, 3.2)),
                      projection=((2025, 3.2), (2027, 3.5)), year=2025)


def test_line_chart_places_every_series() -> None:
    chart = line_chart(_level())
    assert chart is not None
    assert [t.value for t in chart.y_ticks] == [3.0, 3.1, 3.2, 3.3, 3.4, 3.5, 3.6]
    assert chart.baseline is not None and (chart.baseline.x, chart.baseline.y) == (98.3, 216.0)
    assert (chart.milestones[0].x, chart.milestones[0].y) == (501.7, 26.0)
    assert chart.schedule_d == "M98.3 216 L501.7 26"
    assert chart.actual_d == "M179 184.3 M340.3 152.7"  # 2024 is missing: the line breaks
    assert chart.projection_d == "M340.3 152.7 L501.7 57.7"
    assert chart.projection_end is not None and chart.projection_end.text == "2027: 3.5"
    assert chart.year_x == 340.3


def test_line_chart_inverted_puts_the_better_rank_on_top() -> None:
    data = Trajectory(schedule=((2022, 9.0), (2027, 5.0)), baseline=(2022, 9.0), milestones=((2027, 5.0),),
                      observed=((2023, 8.0), (2024, 7.0)))
    chart = line_chart(data, inverted=True, integer=True)
    assert chart is not None and chart.inverted
    assert [t.value for t in chart.y_ticks] == [5.0, 6.0, 7.0, 8.0, 9.0]
    assert chart.y_ticks[0].pos == 26.0 and chart.y_ticks[-1].pos == 216.0
    assert chart.milestones[0].y == 26.0  # rank 5, the goal, at the top
    assert chart.baseline is not None and chart.baseline.y == 216.0


def test_line_chart_without_values_is_none() -> None:
    assert line_chart(Trajectory()) is None


def test_bar_chart_draws_from_zero_against_the_requirement() -> None:
    chart = bar_chart([(2023, 62.0, "met"), (2024, None, "no_data")], [60.0])
    assert chart is not None
    met, missing = chart.bars
    assert (met.x, met.y, met.width, met.height, met.cx) == (155.0, 47.7, 48.0, 168.3, 179.0)
    assert (missing.value, missing.height, missing.text) == (None, 0.0, "2024: —")
    assert chart.zero_y == 216.0
    assert [(r.y, r.text) for r in chart.rules] == [(53.1, "60")]


def test_bar_chart_handles_negative_growth() -> None:
    chart = bar_chart([(2023, -4.0, "missed"), (2024, 16.0, "met")], [15.0])
    assert chart is not None
    low, high = chart.bars
    assert low.y == chart.zero_y and low.height > 0  # a negative bar hangs below zero
    assert high.y + high.height == chart.zero_y


def test_bar_chart_of_whole_counts_has_whole_ticks() -> None:
    chart = bar_chart([(2023, 3.0, "met"), (2024, 0.0, "missed")], [1.0], integer=True)
    assert chart is not None and [t.text for t in chart.y_ticks] == ["0", "1", "2", "3"]


def test_bar_chart_without_history_is_none() -> None:
    assert bar_chart([], [60.0]) is None


def test_timeline_marks_done_not_done_and_missing_years() -> None:
    chart = timeline(2023, 2027, [(2023, False), (2024, True), (2025, None)], due=2026, achieved=2024, year=2025)
    assert [(m.year, m.x, m.state) for m in chart.marks] == [
        (2023, 106.4, "not_done"), (2024, 203.2, "done"), (2025, 300.0, "missing")]
    assert (chart.due_x, chart.achieved_x, chart.year_x) == (396.8, 203.2, 300.0)
    assert chart.due_d == "M396.8 37l8 8l-8 8l-8 -8z"


def test_projection_and_final_milestone_labels_do_not_overlap() -> None:
    milestone = Point(500.0, 30.0, 2027, 3.6, "2027: 3.6")
    above = Point(500.0, 26.0, 2027, 3.62, "2027: 3.62")
    (moved,), end = place_labels((milestone,), above)
    assert (moved.label_dy, end and end.label_dy) == (18.0, -10.0)  # projection on top: milestone label below
    below = Point(500.0, 40.0, 2027, 3.5, "2027: 3.5")
    (kept,), end = place_labels((milestone,), below)
    assert (kept.label_dy, end and end.label_dy) == (-10.0, 18.0)
    far_below = Point(500.0, 120.0, 2027, 3.0, "2027: 3")
    (kept,), end = place_labels((milestone,), far_below)
    assert (kept.label_dy, end and end.label_dy) == (-10.0, 18.0)
    far_above = Point(500.0, 40.0, 2027, 11.67, "2027: 11.67")
    (kept,), end = place_labels((Point(500.0, 66.0, 2027, 10.0, "2027: 10"),), far_above)
    assert (kept.label_dy, end and end.label_dy) == (-10.0, -10.0)
    assert place_labels((milestone,), None) == ((milestone,), None)
    on_the_axis = Point(500.0, 210.0, 2027, 0.0, "2027: 0")
    _, end = place_labels((milestone,), on_the_axis, bottom=216.0)
    assert end is not None and end.label_dy == -10.0
