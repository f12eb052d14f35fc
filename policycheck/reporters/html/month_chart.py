"""The month chart of an in-year card (docs/html-report.md#the-charts): January to December.

Built from the same pieces as the trajectory chart of
:mod:`policycheck.reporters.html.chart` (scales, nice ticks, pixels, path
data), so the template draws it with the same macro.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from policycheck.reporters.html.chart import Frame, LinearScale, LineChart, Point, Tick, path_data, px, value_ticks


def _plain(value: float) -> str:
    return f"{value:g}"


def month_chart(months: Sequence[tuple[int, float | None, float | None]], as_of: int, labels: Sequence[str], *,
                integer: bool = False, fmt: Callable[[float], str] = _plain) -> LineChart | None:
    """The months of one year (an in-year result, docs/evaluation.md#in-year): the figure at
    each month's end (points joined in month order) over the schedule, on a fixed January to
    December axis with the assessed month marked.  At most twelve points, so the SVG stays small.

    Returns None when no month has a value.
    """
    months = [m for m in months if 1 <= m[0] <= 12][:12]
    values = [v for _, a, e in months for v in (a, e) if v is not None and math.isfinite(v)]
    if not values:
        return None
    frame = Frame()
    y_scale, y_ticks = value_ticks(values, (frame.bottom, frame.top), min_step=1.0 if integer else 0.0)
    x_scale = LinearScale((0.5, 12.5), (frame.left, frame.right))
    x_ticks = tuple(Tick(float(m), px(x_scale(m)), labels[m - 1]) for m in range(1, 13))
    schedule = [(x_scale(m), y_scale(e)) for m, _, e in months if e is not None and math.isfinite(e)]
    points = tuple(Point(px(x_scale(m)), px(y_scale(a)), m, a, f"{labels[m - 1]}: {fmt(a)}")
                   for m, a, _ in months if a is not None and math.isfinite(a))
    return LineChart(
        frame=frame, x_ticks=x_ticks, y_ticks=y_ticks, inverted=False, schedule_d=path_data(schedule),
        actual_d=path_data([(p.x, p.y) for p in points]), projection_d="", baseline=None, milestones=(),
        actuals=points, projection_end=None, year_x=px(x_scale(as_of)),
    )
