"""What the actuals stage gives: observations by series and year (:class:`Actuals`).

:class:`Series` is the one interface evaluation reads a series through,
whether the actuals were read from CSV (a compact
:class:`policycheck.actuals.store.SeriesView`, or a
:class:`policycheck.actuals.dense.DenseSeries` of a file read in bulk) or built
by hand (:class:`ObservationSeries`).  Nothing here does I/O.
"""
from __future__ import annotations

from abc import abstractmethod
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import field
from itertools import repeat
from typing import TYPE_CHECKING

from policycheck.findings import Finding
from policycheck.model import DataStatus, Superseded
from policycheck.records import record

if TYPE_CHECKING:
    from policycheck.periods import Period


# Observation and Result are built once per CSV row and once per result
# (over a million of each at national scale); a frozen dataclass pays for
# object.__setattr__ on every field, about three times the cost.  They are
# treated as read-only all the same.
@record(slots=True)
class Observation:
    """One actual value from a CSV cell; ``value`` None means a missing marker."""

    value: float | bool | None
    status: DataStatus
    file: str
    line: int
    column: int
    source: str | None = None
    note: str | None = None
    #: a verdict stated instead of a number (已完成, 提前完成, 未完成): ``value`` is None
    stated: str | None = None
    #: the number was given as approximate (约4.4, 4.4左右)
    approximate: bool = False
    #: the value was converted from another magnitude: (as written, the target's measure)
    converted: tuple[str, str] | None = None


#: (plan id, target or reference id, unit id or None)
SeriesKey = tuple[str, str, str | None]
#: A plain series (:meth:`Series.plain`): its first year and the values of it and the years after
PlainRun = tuple[int, Sequence[float]]


class Series(Mapping[int, Observation]):
    """The observations of one series by year, in year order: what evaluation reads.

    Read from CSV a series is a compact :class:`policycheck.actuals.store.SeriesView`
    (or :class:`policycheck.actuals.dense.DenseSeries`, read in bulk); built by hand (API
    callers, tests) any mapping of year to :class:`Observation` is one once
    :meth:`Actuals.get` wraps it in an :class:`ObservationSeries`.
    The methods answer without building Observation objects where a store can.
    """

    __slots__ = ()

    @abstractmethod
    def value(self, year: int) -> float | bool | None:
        """The value at ``year``; None when there is no row or a missing marker."""

    @abstractmethod
    def status(self, year: int) -> DataStatus | None:
        """The data status at ``year``; None when there is no row."""

    @abstractmethod
    def source_note(self, year: int) -> tuple[str | None, str | None]:
        """The CSV's source and note cells at ``year`` (None when absent)."""

    @abstractmethod
    def observed(self) -> Sequence[tuple[int, float | bool | None]]:
        """Every (year, value) in year order, missing values as None."""

    def latest_present_year(self) -> int | None:
        """The latest year whose value is not a missing marker (a stated verdict counts)."""
        return max((year for year in self if self.value(year) is not None or self.stated(year) is not None),
                   default=None)

    @classmethod
    def plain_each(cls, series: Sequence[Series]) -> list[PlainRun | None]:
        """:meth:`plain` of each of ``series`` (every one of this class), in order; a store may
        answer for many series of one target at once."""
        return [one.plain() for one in series]

    @classmethod
    def plain_columns(cls, series: Sequence[Series], years: Sequence[int]) -> list[list[float]] | None:
        """For each of ``years``, the value of every one of ``series`` (all of this class) in it,
        when a store can tell at once that each series is plain (:meth:`plain`) and has every one
        of those years; None means "ask :meth:`plain_each`", never "not plain"."""
        return None

    @classmethod
    def stored_values(cls, series: Sequence[Series]) -> Sequence[float] | None:
        """Every stored number of ``series`` (all of this class) in one go, for a bound on them:
        a missing value may stand as NaN and a yes/no or stated verdict as 0 or 1, so a caller
        that finds a bound crossed looks at the series one by one.  None: "ask each series"."""
        return None

    @classmethod
    def latest_of(cls, series: Sequence[Series]) -> int | None:
        """The latest of :meth:`latest_present_year` over ``series`` (every one of this class)."""
        best: int | None = None
        for one in series:
            if best is not None:
                # A national file's 142,200 series all end in the same year: once one has given
                # it, the others need not be looked into.
                bound = one.year_bound()
                if bound is not None and bound <= best:
                    continue
            year = one.latest_present_year()
            if year is not None and (best is None or year > best):
                best = year
        return best

    def year_bound(self) -> int | None:
        """A year no row of the series is later than; None when the series cannot tell without
        looking at every row (then :meth:`latest_present_year` is asked)."""
        return None

    def target_run(self, plan_id: str, target_id: str, units: Sequence[str | None]) -> list[Series] | None:
        """The series of every one of ``units`` of the target, in order, when this series is that of
        ``units[0]`` and its store knows them at once (a dense block keeps a target's series side by
        side: docs/performance.md#the-batch-path); None means "don't know": look each one up."""
        return None

    def marked(self) -> bool:
        """Whether any observation may be a stated verdict, approximate or converted
        (:meth:`marks` is worth asking); a store answers without looking at every row."""
        return True

    def stated(self, year: int) -> str | None:
        """The verdict word stated for ``year`` (已完成, 未完成); None for a number or no row."""
        obs = self.get(year)
        return None if obs is None else obs.stated

    def plain(self) -> PlainRun | None:
        """The series as (first year, values of consecutive years) when every row is a plain
        final number: no missing marker, yes/no, stated verdict, approximate or converted
        value, no source or note cell, no year left out.  Evaluation's batch path reads
        such series in one go (docs/performance.md#the-batch-path); None sends the series
        through the exact rules, which is always right, only slower."""
        return None

    def marks(self, year: int) -> Observation | None:
        """The observation at ``year`` when it carries a mark (stated, approximate, converted), else None."""
        if not self.marked():
            return None
        obs = self.get(year)
        if obs is None or not (obs.stated or obs.approximate or obs.converted):
            return None
        return obs


class ObservationSeries(Series):
    """A hand-made mapping of year to :class:`Observation` as a :class:`Series`."""

    __slots__ = ("by_year",)

    def __init__(self, by_year: Mapping[int, Observation]) -> None:
        self.by_year = by_year

    def __getitem__(self, year: int) -> Observation:
        return self.by_year[year]

    def __iter__(self) -> Iterator[int]:
        return iter(sorted(self.by_year))

    def __len__(self) -> int:
        return len(self.by_year)

    def value(self, year: int) -> float | bool | None:
        obs = self.by_year.get(year)
        return None if obs is None else obs.value

    def status(self, year: int) -> DataStatus | None:
        obs = self.by_year.get(year)
        return None if obs is None else obs.status

    def source_note(self, year: int) -> tuple[str | None, str | None]:
        obs = self.by_year.get(year)
        return (None, None) if obs is None else (obs.source, obs.note)

    def observed(self) -> tuple[tuple[int, float | bool | None], ...]:
        return tuple((year, self.by_year[year].value) for year in sorted(self.by_year))


@record
class Actuals:
    """Observations by series and year, plus what loading found."""

    #: by series, observations by year: a :class:`Series`, or any ``Mapping[int, Observation]``
    #: when built by hand (:meth:`get` makes it a Series)
    series: dict[SeriesKey, Mapping[int, Observation]] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    superseded: list[Superseded] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    #: in-year observations by series and period (docs/actuals.md#periods), apart from whole years
    periods: dict[SeriesKey, dict[Period, Observation]] = field(default_factory=dict)

    def get(self, plan_id: str, target_id: str, unit: str | None = None) -> Series:
        return as_series(self.series.get((plan_id, target_id, unit), {}))

    def target_series(self, plan_id: str, target_id: str, units: Sequence[str | None]
                      ) -> list[Mapping[int, Observation] | None]:
        """What :attr:`series` holds for each of ``units`` of the target (None: nothing), in order:
        from its store at once where it knows them (:meth:`Series.target_run`), else a look-up each.
        A store knows what the readers put in :attr:`series`: an entry replaced by hand after reading
        in the middle of a target's units is not seen (replace the first unit's, or read again)."""
        first = self.series.get((plan_id, target_id, units[0])) if units else None
        if isinstance(first, Series):
            run = first.target_run(plan_id, target_id, units)
            if run is not None:
                return run  # type: ignore[return-value]  # a list of Series: Mappings
        return list(map(self.series.get, zip(repeat(plan_id), repeat(target_id), units)))  # the keys made in C

    def latest_year(self, plan_id: str) -> int | None:
        """The latest year with any non-missing observation for this plan."""
        mine = [by_year for (pid, _tid, _unit), by_year in self.series.items() if pid == plan_id]
        kinds = set(map(type, mine))
        if len(kinds) == 1:
            kind = kinds.pop()
            if issubclass(kind, Series):  # a store answers for its series at once (Series.latest_of)
                return kind.latest_of(mine)  # type: ignore[arg-type]  # each one a kind
        return Series.latest_of(list(map(as_series, mine)))


def as_series(by_year: Mapping[int, Observation]) -> Series:
    """``by_year`` as a :class:`Series`: itself when it is one, else wrapped."""
    return by_year if isinstance(by_year, Series) else ObservationSeries(by_year)
