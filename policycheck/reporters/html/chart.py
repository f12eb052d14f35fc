"""Chart geometry for the HTML report: scales, ticks in pixels and SVG paths.

Everything here is pure arithmetic on plain numbers, so the template only
loops over ready-made coordinates and the geometry can be tested exactly.
Three chart shapes exist: a trajectory (:func:`line_chart`), a bar per year
against a requirement (:func:`bar_chart`) and a done/not-done timeline
(:func:`timeline`).  Pixel values are rounded to 0.1 px so the same report
always gives byte-identical SVG.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import replace

from policycheck.records import record
from policycheck.reporters.html.ticks import clean_zero, nice_ticks, step_decimals, tick_text

#: viewBox size shared by every chart; the browser scales it to the card.
WIDTH, HEIGHT = 560.0, 250.0
#: Plot margins: left room for y tick labels, bottom room for the year labels.
LEFT, RIGHT, TOP, BOTTOM = 58.0, 18.0, 26.0, 34.0

YearValue = tuple[int, float]


@record(frozen=True, slots=True)
class LinearScale:
    """Maps a domain interval linearly onto a pixel range (reversed range: inverted axis)."""

    domain: tuple[float, float]
    range: tuple[float, float]

    def __call__(self, value: float) -> float:
        (d0, d1), (r0, r1) = self.domain, self.range
        if d1 == d0:  # a single value: put it in the middle rather than divide by zero
            return (r0 + r1) / 2
        span, offset = d1 - d0, value - d0
        if math.isfinite(span) and math.isfinite(offset):
            return r0 + offset * (r1 - r0) / span
        # A domain wider than the float range (-1e308 to 1e308): the same ratio from halves.
        return r0 + (value / 2 - d0 / 2) / (d1 / 2 - d0 / 2) * (r1 - r0)


@record(frozen=True, slots=True)
class Tick:
    value: float
    pos: float
    text: str


@record(frozen=True, slots=True)
class Point:
    """A data point in pixels, with the year and value it stands for."""

    x: float
    y: float
    year: int
    value: float
    text: str
    label_dy: float = -10.0  # where its text label sits: above (negative) or below the point

    @property
    def diamond(self) -> str:
        """Path data of a diamond marker (milestones) centred on the point."""
        return diamond_d(self.x, self.y)

    @property
    def square(self) -> str:
        """Path data of a square marker (the baseline) centred on the point."""
        r = 4.5
        return f"M{px(self.x - r):g} {px(self.y - r):g}h{2 * r:g}v{2 * r:g}h{-2 * r:g}z"


def compound(start: float, rate: float, first: int, last: int) -> tuple[YearValue, ...] | None:
    """``start`` grown by ``rate`` % a year from ``first`` to ``last``; None beyond the float range."""
    try:
        points = tuple((y, start * (1 + rate / 100) ** (y - first)) for y in range(first, last + 1))
    except OverflowError:
        return None
    return points if all(math.isfinite(v) for _, v in points) else None

def diamond_d(x: float, y: float, r: float = 6.0) -> str:
    return f"M{px(x):g} {px(y - r):g}l{r:g} {r:g}l{-r:g} {r:g}l{-r:g} {-r:g}z"


@record(frozen=True, slots=True)
class Frame:
    """The plot box inside the viewBox."""

    left: float = LEFT
    top: float = TOP
    right: float = WIDTH - RIGHT
    bottom: float = HEIGHT - BOTTOM
    width: float = WIDTH
    height: float = HEIGHT


def value_ticks(values: Sequence[float], scale_range: tuple[float, float], *,
                include_zero: bool = False, min_step: float = 0.0) -> tuple[LinearScale, tuple[Tick, ...]]:
    """A y scale whose domain is the nice ticks around ``values``, and those ticks."""
    data = [v for v in values if math.isfinite(v)] or [0.0]
    lo, hi = min(data), max(data)
    if include_zero:
        lo, hi = min(lo, 0.0), max(hi, 0.0)
    ticks = nice_ticks(lo, hi, min_step=min_step)
    scale = LinearScale((ticks[0], ticks[-1]), scale_range)
    gap = ticks[1] - ticks[0] if len(ticks) > 1 else 0.0
    decimals = step_decimals(gap) if math.isfinite(gap) and gap > 0 else 0
    return scale, tuple(Tick(t, px(scale(t)), tick_text(t, decimals)) for t in ticks)


def year_ticks(years: Sequence[int], frame: Frame) -> tuple[LinearScale, tuple[Tick, ...]]:
    """An x scale over whole years with half a year of room at each end."""
    first, last = min(years), max(years)
    scale = LinearScale((first - 0.5, last + 0.5), (frame.left, frame.right))
    every = 1 if last - first <= 12 else math.ceil((last - first) / 12)
    return scale, tuple(Tick(float(y), px(scale(y)), str(y)) for y in range(first, last + 1, every))


def px(value: float) -> float:
    """Pixels rounded to 0.1 so the SVG text is short and deterministic."""
    return clean_zero(round(value, 1))


def path_data(points: Sequence[tuple[float, float] | None]) -> str:
    """SVG path data through the points; ``None`` breaks the line (a missing year)."""
    parts: list[str] = []
    pen_down = False
    for point in points:
        if point is None:
            pen_down = False
            continue
        parts.append(f"{'L' if pen_down else 'M'}{px(point[0]):g} {px(point[1]):g}")
        pen_down = True
    return " ".join(parts)


def _default_text(value: float) -> str:
    return f"{value:g}"


# --------------------------------------------------------------------------
# Trajectory: level, rank, cumulative and cagr targets


@record(frozen=True, slots=True)
class Trajectory:
    """What a trajectory chart shows, in data units (years and values)."""

    schedule: tuple[YearValue, ...] = ()  # the linear schedule (path E(y))
    baseline: YearValue | None = None
    milestones: tuple[YearValue, ...] = ()
    observed: tuple[tuple[int, float | None], ...] = ()  # None: a missing year
    projection: tuple[YearValue, YearValue] | None = None  # from (Y, a) to (T, projected)
    year: int | None = None  # the assessment year, marked with a thin rule
    #: year -> the text of a milestone's label instead of its value (a range: ``1—2 个``)
    milestone_texts: tuple[tuple[int, str], ...] = ()


@record(frozen=True, slots=True)
class LineChart:
    frame: Frame
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    inverted: bool
    schedule_d: str
    actual_d: str
    projection_d: str
    baseline: Point | None
    milestones: tuple[Point, ...]
    actuals: tuple[Point, ...]
    projection_end: Point | None
    year_x: float | None
    kind: str = "line"


def _trajectory_values(data: Trajectory) -> list[float]:
    values = [v for _, v in data.schedule] + [v for _, v in data.milestones]
    values += [v for _, v in data.observed if v is not None]
    if data.baseline:
        values.append(data.baseline[1])
    if data.projection:
        values += [data.projection[0][1], data.projection[1][1]]
    return values


def _trajectory_years(data: Trajectory) -> list[int]:
    years = [y for y, _ in data.schedule] + [y for y, _ in data.milestones] + [y for y, _ in data.observed]
    if data.baseline:
        years.append(data.baseline[0])
    if data.projection:
        years += [data.projection[0][0], data.projection[1][0]]
    if data.year is not None:
        years.append(data.year)
    return years


def line_chart(data: Trajectory, *, inverted: bool = False, integer: bool = False,
               fmt: Callable[[float], str] = _default_text) -> LineChart | None:
    """Pixels for a trajectory; ``inverted`` puts low values on top (ranks: lower is better).

    Returns None when there is no value to draw at all.
    """
    values, years = _trajectory_values(data), _trajectory_years(data)
    if not values or not years:
        return None
    frame = Frame()
    y_range = (frame.top, frame.bottom) if inverted else (frame.bottom, frame.top)
    y_scale, y_ticks = value_ticks(values, y_range, min_step=1.0 if integer else 0.0)
    x_scale, x_ticks = year_ticks(years, frame)

    def point(year: int, value: float) -> Point:
        return Point(px(x_scale(year)), px(y_scale(value)), year, value, f"{year}: {fmt(value)}")

    actuals = tuple(point(y, v) for y, v in data.observed if v is not None)
    projection = tuple(point(y, v) for y, v in data.projection) if data.projection else ()
    texts = dict(data.milestone_texts)
    marks = tuple(replace(point(y, v), text=f"{y}: {texts[y]}") if y in texts else point(y, v)
                  for y, v in data.milestones)
    milestones, projection_end = place_labels(marks,
                                              projection[-1] if projection else None, frame.bottom)
    return LineChart(
        frame=frame, x_ticks=x_ticks, y_ticks=y_ticks, inverted=inverted,
        schedule_d=path_data([(x_scale(y), y_scale(v)) for y, v in data.schedule]),
        actual_d=path_data([None if v is None else (x_scale(y), y_scale(v)) for y, v in data.observed]),
        projection_d=path_data([(p.x, p.y) for p in projection]),
        baseline=point(*data.baseline) if data.baseline else None,
        milestones=milestones,
        actuals=actuals,
        projection_end=projection_end,
        year_x=px(x_scale(data.year)) if data.year is not None else None,
    )


def place_labels(milestones: tuple[Point, ...], end: Point | None,
                 bottom: float = HEIGHT - BOTTOM) -> tuple[tuple[Point, ...], Point | None]:
    """Keep the projection's label off the final milestone's: both sit in the last year.

    Milestone labels go above their marker.  The projection's label goes below
    its point, or above it when the projection ends above the final milestone
    (then the milestone's label moves below its marker if the two are closer
    than 20 px), or when a label below would fall on the year axis.
    """
    if end is None:
        return milestones, None
    if end.y + 22 > bottom:
        return milestones, replace(end, label_dy=-10.0)
    if not milestones or end.y >= milestones[-1].y:
        return milestones, replace(end, label_dy=18.0)
    last = milestones[-1]
    if last.y - end.y < 20:
        milestones = milestones[:-1] + (replace(last, label_dy=18.0),)
    return milestones, replace(end, label_dy=-10.0)


# --------------------------------------------------------------------------
# Bars: annual and growth targets


@record(frozen=True, slots=True)
class Bar:
    year: int
    cx: float  # the centre, where the value label goes
    x: float
    y: float
    width: float
    height: float
    value: float | None  # None: no data that year (a short marker is drawn instead)
    status: str
    text: str


@record(frozen=True, slots=True)
class Rule:
    """A horizontal requirement line."""

    y: float
    value: float
    text: str


@record(frozen=True, slots=True)
class BarChart:
    frame: Frame
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    bars: tuple[Bar, ...]
    rules: tuple[Rule, ...]
    zero_y: float
    kind: str = "bars"


def bar_chart(history: Sequence[tuple[int, float | None, str]], requirement: Sequence[float], *,
              integer: bool = False, fmt: Callable[[float], str] = _default_text) -> BarChart | None:
    """A bar per (year, value, status) from zero, and a line per requirement value."""
    if not history:
        return None
    frame = Frame()
    values = [v for _, v, _ in history if v is not None] + list(requirement)
    y_scale, y_ticks = value_ticks(values, (frame.bottom, frame.top), include_zero=True,
                                   min_step=1.0 if integer else 0.0)
    x_scale, x_ticks = year_ticks([y for y, _, _ in history], frame)
    zero = y_scale(0.0)
    slot = (frame.right - frame.left) / (x_ticks[-1].value - x_ticks[0].value + 1)
    width = min(48.0, slot * 0.6)
    bars = []
    for year, value, status in history:
        top = zero if value is None else y_scale(value)
        bars.append(Bar(year, px(x_scale(year)), px(x_scale(year) - width / 2), px(min(top, zero)), px(width),
                        px(abs(zero - top)), value, status,
                        f"{year}: {'—' if value is None else fmt(value)}"))
    rules = tuple(Rule(px(y_scale(v)), v, fmt(v)) for v in requirement)
    return BarChart(frame, x_ticks, y_ticks, tuple(bars), rules, px(zero))


# --------------------------------------------------------------------------
# Timeline: milestone targets (done or not done by a year)


@record(frozen=True, slots=True)
class Mark:
    year: int
    x: float
    state: str  # "done", "not_done" or "missing"


@record(frozen=True, slots=True)
class Timeline:
    frame: Frame
    x_ticks: tuple[Tick, ...]
    axis_y: float
    marks: tuple[Mark, ...]
    due_x: float | None
    due_d: str  # a diamond on the axis at the due year ("" when there is none)
    achieved_x: float | None
    year_x: float | None
    kind: str = "timeline"


def timeline(first: int, last: int, observed: Sequence[tuple[int, bool | None]], *,
             due: int | None, achieved: int | None, year: int | None) -> Timeline:
    """A year axis with a mark per observation, the due year and the year it was achieved."""
    frame = Frame(top=20.0, bottom=70.0, height=100.0)
    years = [first, last] + [y for y, _ in observed] + [y for y in (due, achieved, year) if y is not None]
    x_scale, x_ticks = year_ticks(years, frame)
    marks = tuple(Mark(y, px(x_scale(y)), "missing" if v is None else ("done" if v else "not_done"))
                  for y, v in observed)

    def at(value: int | None) -> float | None:
        return None if value is None else px(x_scale(value))

    axis_y = 45.0
    due_x = at(due)
    due_d = "" if due_x is None else diamond_d(due_x, axis_y, 8.0)
    return Timeline(frame, x_ticks, axis_y, marks, due_x, due_d, at(achieved), at(year))
