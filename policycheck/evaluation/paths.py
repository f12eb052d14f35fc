"""The expected path E(y) of level, rank, cumulative and category targets.

A path runs through the baseline and the milestones (docs/evaluation.md#expected-path).
Between two points it is a straight line, except where the later point is a
percent change from the base year (比2020年下降13.5%): that segment keeps a
constant rate of change, since a percentage compounds year on year.  Then the
target's ``path`` applies: ``linear`` as it is, ``whole`` rounded to whole things
toward the baseline (the default for targets counted in 家, 个, 项...), ``step``
nothing new until each milestone year.  Pure arithmetic, no I/O.
"""
from __future__ import annotations

import unicodedata

from policycheck.evaluation.schedule import geometric_value, path_value, toward_baseline
from policycheck.model import Target
from policycheck.records import record

#: Units of things counted whole (docs/evaluation.md#small-counts): a plan asks for
#: 2 laboratories, never for 0.4 of one.  A unit with a magnitude (万人, 万家) is not
#: counted whole: 0.4万家 is 4,000 firms.
COUNT_UNITS: frozenset[str] = frozenset({
    "家", "个", "项", "名", "座", "人", "件", "所", "台", "套", "处", "条", "次", "场", "位", "只", "本",
    "篇", "款", "批", "支", "户", "辆", "艘", "架", "部", "株", "头", "宗", "人次", "家次", "个次", "项次",
})


def path_mode(target: Target, points: tuple[tuple[int, float], ...] = ()) -> str:
    """How the target's path runs: its ``path`` key; else step for grades; whole for counts; else linear.

    A count is a target in a unit of whole things whose name is not a rate
    (每万人口…件 is per head, not a count) and whose baseline and milestones
    (``points``) are whole numbers: 13.6件 per 10,000 people is a rate too.
    """
    if target.path is not None:
        return target.path
    if target.kind == "category":
        return "step"
    unit = unicodedata.normalize("NFKC", target.unit or "").strip()
    if unit not in COUNT_UNITS or "每" in target.name:
        return "linear"
    return "whole" if all(value == int(value) for _, value in points) else "linear"


@record(frozen=True, slots=True)
class Path:
    """Points (baseline, then milestones) and how E(y) runs between them."""

    points: tuple[tuple[int, float], ...]
    mode: str = "linear"
    #: +1 rising, -1 falling, 0 unknown: the way ``whole`` rounds
    travel: int = 0
    #: milestone years whose segment (from the point before) compounds
    geometric: frozenset[int] = frozenset()

    def at(self, year: int) -> float | None:
        """E(year); None before the first point, the last point's value after it."""
        points = self.points
        if not points or year < points[0][0]:
            return None
        if self.mode == "step":
            return [value for point_year, value in points if point_year <= year][-1]
        value = self._between(year)
        if self.mode == "whole" and all(point_year != year for point_year, _ in points):
            return toward_baseline(value, self.travel)
        return value

    def _between(self, year: int) -> float:
        if self.geometric:
            previous = self.points[0]
            for point in self.points:
                if year <= point[0]:
                    if point[0] in self.geometric and point[0] > previous[0]:
                        share = (year - previous[0]) / (point[0] - previous[0])
                        compound = geometric_value(previous[1], point[1], share)
                        if compound is not None:
                            return compound
                    break
                previous = point
        value = path_value(self.points, year)
        assert value is not None  # year is at or after the first point
        return value

    def chart_points(self) -> tuple[tuple[int, float], ...]:
        """The points for ``Result.path``: every year when the schedule is not a straight line
        between its points (compounding, whole or step), so that a line through them, as
        charts and ``explain`` draw it, meets E(y) at every year."""
        if not self.geometric and self.mode == "linear":
            return self.points
        first, last = self.points[0][0], self.points[-1][0]
        yearly = tuple((year, value) for year in range(first, last + 1) if (value := self.at(year)) is not None)
        if not self.geometric and all(value == path_value(self.points, year) for year, value in yearly):
            return self.points  # whole numbers every year anyway: the straight line says it all
        return yearly
