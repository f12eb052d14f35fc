"""The data model: frozen dataclasses shared by loading, evaluation and reports.

Data flows one way: plan loading builds :class:`Plan`, actuals loading
:class:`policycheck.observations.Actuals`; :func:`policycheck.evaluation.engine.evaluate`
turns them into a :class:`Report`; reporters read the report.  Nothing here does I/O.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import field
from typing import TYPE_CHECKING

from policycheck.findings import Finding

# The vocabulary lives in policycheck/model_types.py; each name is importable from here too.
from policycheck.model_types import DATA_STATUSES as DATA_STATUSES
from policycheck.model_types import FAIL_ON as FAIL_ON
from policycheck.model_types import SHORTFALL_STATUSES as SHORTFALL_STATUSES
from policycheck.model_types import STATUSES as STATUSES
from policycheck.model_types import ActualsMode as ActualsMode
from policycheck.model_types import Attribute as Attribute
from policycheck.model_types import Commitment as Commitment
from policycheck.model_types import Comparator as Comparator
from policycheck.model_types import DataStatus as DataStatus
from policycheck.model_types import Direction as Direction
from policycheck.model_types import FailOn as FailOn
from policycheck.model_types import Kind as Kind
from policycheck.model_types import Method as Method
from policycheck.model_types import PathMode as PathMode
from policycheck.model_types import RequirementValue as RequirementValue
from policycheck.model_types import Role as Role
from policycheck.model_types import Schedule as Schedule
from policycheck.model_types import ScheduleName as ScheduleName
from policycheck.model_types import Status as Status
from policycheck.model_types import TimesBaseline as TimesBaseline
from policycheck.records import record

if TYPE_CHECKING:  # named only in annotations: a check without --notes or --compare never imports them
    from policycheck.bulletin_model import Explanation, Trend


@record(frozen=True, slots=True)
class Location:
    """Where in a plan file a target is written (line and column, as findings give them)."""

    file: str
    line: int
    column: int


@record(frozen=True, slots=True)
class Unit:
    """A county, district or department that a plan's targets may be assigned to."""

    id: str
    name: str
    name_en: str | None = None
    group: str | None = None


@record(frozen=True, slots=True)
class Reference:
    """A series that targets compare against (全省平均, 全市平均)."""

    id: str
    name: str
    unit: str | None = None


@record(frozen=True, slots=True)
class Baseline:
    """The base-year value of a target."""

    year: int
    value: float


@record(frozen=True, slots=True)
class Scope:
    """A target every unit must meet on its own (docs/evaluation.md#scoped-targets); exactly one field is set."""

    units: tuple[str, ...] | None = None
    group: str | None = None
    allocations: Mapping[str, float] | None = None


@record(frozen=True, slots=True)
class Assessment:
    """Plan-level defaults; command-line options override them."""

    method: Method = "linear"
    on_track: float = 0.95
    at_risk: float = 0.6
    approx_tolerance: float = 0.05
    #: in-year schedule of the targets that do not name one (docs/evaluation.md#in-year)
    schedule: ScheduleName = "linear"


@record(frozen=True, slots=True)
class Source:
    """The document a plan encodes (docs/plan-format.md#5-the-source-document): ``file`` is the path as
    written in the plan, relative to its folder; None for a title only (a plain ``source: text``)."""

    title: str
    file: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date text


@record(frozen=True, slots=True)
class Target:
    """One target of a plan, as written (docs/plan-format.md)."""

    id: str
    name: str
    kind: Kind
    location: Location
    unit: str | None = None  # unit of measure ("%", "家", "亿元"); None for milestone
    name_en: str | None = None
    comparator: Comparator | None = None  # None only for kind milestone
    #: year -> requirement, sorted by year (level, cumulative, cagr, rank, milestone)
    milestones: tuple[tuple[int, RequirementValue], ...] = ()
    #: requirement for every year (annual, growth); None when ``reference`` is used
    value: float | tuple[float, float] | None = None
    reference: str | None = None
    years: tuple[int, int] | None = None  # annual/growth; None: the plan period
    since: int | None = None  # cumulative; None: period.start
    commitment: Commitment = "binding"
    responsible: tuple[str, ...] = ()
    section: str | None = None
    quote: str | None = None
    baseline: Baseline | None = None
    tolerance: float | None = None  # approx, relative; None: the plan's approx_tolerance
    actuals: ActualsMode = "value"
    scope: Scope | None = None
    note: str | None = None
    #: in-year schedule (docs/evaluation.md#in-year); None: the plan's, or none for rates
    schedule: Schedule | None = None
    #: which way is better (for between, the open end); None: from the comparator
    direction: Direction | None = None
    #: 属性 of an indicator table: 约束性 binding, 预期性 expected; None when the plan has none
    attribute: Attribute | None = None
    #: approx, in the target's unit (percentage points for a %): replaces the relative tolerance
    tolerance_absolute: float | None = None
    #: the expected path between milestones; None: whole for targets counted in whole things, else linear
    path: PathMode | None = None
    #: kind category: the grades in order, worst first (二档, 一档)
    categories: tuple[str, ...] = ()

    @property
    def lead(self) -> str | None:
        return self.responsible[0] if self.responsible else None

    @property
    def sign(self) -> int:
        """+1 higher is better, -1 lower, 0 not said (approx, ==, between): ``direction``, else the comparator."""
        if self.direction is not None:
            return 1 if self.direction == "up" else -1
        comparator = self.comparator or ("<=" if self.kind == "rank" else ">=")
        return {">=": 1, ">": 1, "<=": -1, "<": -1}.get(comparator, 0)


@record(frozen=True, slots=True)
class Plan:
    """A loaded plan: its period, units, references and targets."""

    id: str
    title: str
    period_start: int
    period_end: int
    baseline_year: int
    file: str
    targets: tuple[Target, ...]
    issuer: str | None = None
    issued: str | None = None  # ISO date text
    document: str | None = None
    region: str | None = None
    source: Source | None = None
    assessment: Assessment = field(default_factory=Assessment)
    units: Mapping[str, Unit] = field(default_factory=dict)
    references: Mapping[str, Reference] = field(default_factory=dict)
    #: target id -> its first target, group -> its unit ids: look-ups, not scans (100,000 targets took 436 s)
    _by_id: Mapping[str, Target] = field(init=False, repr=False, compare=False, default_factory=dict)
    _by_group: dict[str | None, tuple[str, ...]] = field(init=False, repr=False, compare=False, default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {t.id: t for t in reversed(self.targets)})  # the first wins

    def target(self, target_id: str) -> Target | None:
        return self._by_id.get(target_id)

    def scope_units(self, target: Target) -> tuple[str, ...]:
        """The unit ids a scoped target is evaluated for, in plan order."""
        scope = target.scope
        if scope is None:
            return ()
        if scope.units is not None or scope.allocations is not None:
            return scope.units if scope.units is not None else tuple(scope.allocations or ())
        if scope.group not in self._by_group:  # once per group, not for each of its 50 national targets
            self._by_group[scope.group] = tuple(uid for uid, unit in self.units.items() if unit.group == scope.group)
        return self._by_group[scope.group]


@record(frozen=True, slots=True)
class Superseded:
    """A row replaced by a stronger data status (final > preliminary > estimate)."""

    file: str
    line: int
    plan: str
    target: str
    unit: str | None
    year: int
    status: DataStatus
    value: float | bool | None
    #: the data status of the row that replaced this one (None: not known)
    replaced_by: DataStatus | None = None
    #: an in-year row: the months it covers (``2025-01/2025-09``, ``2025-09``); None for a whole year
    period: str | None = None


# -- Evaluation results ----------------------------------------------------

@record(frozen=True, slots=True)
class HistoryEntry:
    """One due year of an annual or growth target."""

    year: int
    actual: float | None
    status: Status


@record(slots=True)  # not frozen, for speed: see policycheck.observations.Observation
class Result:
    """One target (and unit) at the assessment year; field order is the JSON report's (docs/reports.md#json)."""

    plan: str
    target: str
    unit: str | None
    name: str
    kind: Kind
    comparator: Comparator | None
    measure: str | None
    commitment: Commitment
    lead: str | None
    responsible: tuple[str, ...]
    location: Location
    year: int
    actual: float | bool | None
    data_status: DataStatus | None
    baseline: Baseline | None
    target_value: float | bool | tuple[float, float] | None
    target_year: int | None
    #: what the target requires, as people write it: ``≥3.2``, ``>40``, ``3—5``, ``清零``
    #: (policycheck.evaluation.requirement)
    requirement: str
    expected: float | None
    #: ``between``: the scheduled range at the year, [E_lo(Y), E_hi(Y)]; None otherwise
    expected_range: tuple[float, float] | None
    gap: float | None
    #: the gap in the reports' one sign convention: + ahead of or better than the
    #: requirement or schedule, - behind or worse, 0 inside a required range
    margin: float | None
    attainment: float | None
    progress: float | None
    time_progress: float | None
    progress_ratio: float | None
    required_annual: float | None
    trend_annual: float | None
    projected: float | None
    projected_met: bool | None
    method: Method
    status: Status
    failing: bool
    reason: str
    name_en: str | None = None
    # annual / growth
    history: tuple[HistoryEntry, ...] | None = None
    years_met: int | None = None
    years_due: int | None = None
    # cagr
    level: float | None = None
    expected_level: float | None = None
    # milestone: the year it was achieved
    achieved_year: int | None = None
    # no_data: the last earlier observation
    last_year: int | None = None
    last_value: float | bool | None = None
    # For charts: resolved path points and every observed value of the series (around Y), in year order.
    path: tuple[tuple[int, float], ...] = ()
    observed: Sequence[tuple[int, float | bool | None]] = ()
    # The reason as a code of policycheck.evaluation.reasons and its (text) arguments, so
    # human formats can give ``reason`` in another language.
    reason_code: str = ""
    reason_args: Mapping[str, str] = field(default_factory=dict)
    # The CSV's source and note cells of the observation at the assessment year
    # (docs/actuals.md#columns: carried into the reports).
    source: str | None = None
    note: str | None = None
    # In-year results only (docs/evaluation.md#in-year); None at the year end, and then
    # left out of the JSON report so that year-end reports keep their form.
    #: the month the result is assessed at the end of: ``2025-09``
    as_of: str | None = None
    #: the months the actual covers: ``2025-01/2025-09`` (year to date), ``2025-09`` (that month)
    actual_period: str | None = None
    #: how the actual was formed: ytd (a 累计 figure), sum (single periods added up), single (a 当月 figure)
    basis: str | None = None
    #: the share of the year's requirement due by now, and the schedule that gave it
    elapsed: float | None = None
    schedule: str | None = None
    #: the earlier years a seasonal schedule was read from
    schedule_years: tuple[int, ...] | None = None
    #: the months of the year for the chart: (month, actual or None, expected or None)
    months: tuple[tuple[int, float | None, float | None], ...] | None = None
    # Marks, in JSON only when set (docs/reports.md#json): direction, 属性, a stated verdict, 约, a change, grades.
    direction: Direction | None = None
    attribute: Attribute | None = None
    stated: str | None = None
    approximate: bool = False
    change: Mapping[str, object] | None = None
    category: str | None = None
    target_category: str | None = None
    expected_category: str | None = None
    # --notes and --compare/--years; None otherwise, and then not in the JSON report (docs/reports.md#json).
    explanation: Explanation | None = None
    trend: Trend | None = None


@record(frozen=True, slots=True)
class UnitShortfall:
    """One shortfall filed under a unit; ``count``: the results it stands for (docs/evaluation.md#unit-view)."""

    plan: str
    target: str
    unit: str | None
    role: Role
    status: Status
    gap: float | None
    count: int = 1


@record(frozen=True, slots=True)
class UnitSummary:
    """A unit in the unit view: what it leads and supports, and its shortfalls (docs/evaluation.md#unit-view)."""

    id: str
    name: str
    led: int
    supported: int
    by_status: Mapping[str, int]
    shortfalls: tuple[UnitShortfall, ...]
    name_en: str | None = None
    #: the unit's place in the plans' ``units`` lists (first plan first), for the unit view
    order: int = 0


@record(frozen=True, slots=True)
class PlanInfo:
    """A checked plan as the report names it."""

    id: str
    title: str
    file: str
    period: tuple[int, int]
    baseline_year: int
    year: int | None  # assessment year; None when the actuals have no data at all
    #: an in-year assessment: the month it is made at the end of (``2025-09``); None at the year end
    as_of: str | None = None


@record(frozen=True, slots=True)
class Summary:
    """How many results, by status, and how many fail the run."""

    results: int
    by_status: Mapping[str, int]
    failing: int


@record(frozen=True, slots=True)
class Report:
    """Everything one run found; what every reporter reads."""

    tool: Mapping[str, str]
    method: Method
    thresholds: Mapping[str, float]
    fail_on: str
    plans: tuple[PlanInfo, ...]
    results: Sequence[Result]  # a tuple, or a table building each Result when read (docs/performance.md)
    units: Sequence[UnitSummary]  # a tuple, or the run's view built when read (docs/performance.md)
    summary: Summary
    findings: tuple[Finding, ...] = ()
    superseded: tuple[Superseded, ...] = ()
    strict: bool = False
