"""The table of target kinds: every fact about a kind, in one place.

Plan checks (which keys a kind takes, PC303, PC304, PC306, PC308), the plan
model (the default comparator), the CSV reader (a yes/no or a number per
cell), evaluation (which family of rules judges the kind, see
:func:`policycheck.evaluation.engine.evaluator`) and the HTML report (which
chart it draws) all read :data:`KIND_TABLE`.  Adding a kind means a row here,
its family's rules if no family fits, its docs (docs/plan-format.md#kinds,
docs/evaluation.md) and its tests; docs/architecture.md#adding-a-target-kind
walks through it.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from policycheck.model import ActualsMode, Comparator, Kind
from policycheck.records import record

#: The evaluation module that judges a kind: ``policycheck.evaluation.kind_<family>``.
Family = Literal["trajectory", "yearly", "cagr", "milestone", "category"]
#: The chart the HTML report draws for a result of the kind.
ChartShape = Literal["line", "inverted_line", "bars", "compound", "timeline"]

_MILESTONE_KEYS = frozenset({"comparator", "milestones", "baseline", "direction"})
_YEARLY_KEYS = frozenset({"comparator", "value", "reference", "years", "direction"})
#: kinds whose requirement builds up over the months of a year take an in-year schedule
#: (docs/evaluation.md#in-year); growth, cagr and milestone targets compare without one
_SCHEDULE = frozenset({"schedule"})
#: the path between milestones can be chosen: linear, whole or step (docs/evaluation.md#small-counts)
_PATH = frozenset({"path"})


@record(frozen=True, slots=True)
class KindSpec:
    """What one kind of target is (docs/plan-format.md#kinds)."""

    name: Kind
    family: Family
    #: a requirement for every year (``value`` or ``reference``, ``years``) rather than milestones
    yearly: bool
    #: the schedule starts at a baseline (``baseline`` key; PC303 checks its year)
    baseline: bool
    #: the comparator when the plan names none; None: done or not done, no comparator, no unit
    comparator: Comparator | None
    #: the kind-specific keys a target of this kind takes (PC308 refuses the others)
    keys: frozenset[str]
    #: the ``actuals:`` modes that apply
    actuals: frozenset[ActualsMode]
    #: milestones should move one way, as the comparator says (PC304)
    monotone: bool = False
    #: a value in % is a share, so outside 0..100 is suspicious (PC306)
    share: bool = False
    #: milestones may be ``{times_baseline: k}``
    times_baseline: bool = False
    #: the forms a milestone may take relative to the base year (docs/plan-format.md#relative-change):
    #: ``change`` (percent, points) for levels, ``improve`` for ranks and grades
    relative: frozenset[str] = frozenset()
    chart: ChartShape = "line"
    #: a unit of measure goes with the values (grades have none)
    unit: bool = True

    @property
    def needs_unit(self) -> bool:
        """A unit of measure is required: every kind but done-or-not and grades."""
        return self.unit and not self.yes_no

    @property
    def yes_no(self) -> bool:
        """Done or not done: CSV cells are yes/no, milestones are ``true``."""
        return self.comparator is None


KIND_TABLE: Mapping[str, KindSpec] = {spec.name: spec for spec in (
    KindSpec("level", "trajectory", yearly=False, baseline=True, comparator=">=",
             keys=_MILESTONE_KEYS | _SCHEDULE | _PATH, actuals=frozenset({"value"}), monotone=True, share=True,
             times_baseline=True, relative=frozenset({"change"})),
    KindSpec("annual", "yearly", yearly=True, baseline=False, comparator=">=", keys=_YEARLY_KEYS | _SCHEDULE,
             actuals=frozenset({"value"}), share=True, chart="bars"),
    KindSpec("cumulative", "trajectory", yearly=False, baseline=True, comparator=">=",
             keys=_MILESTONE_KEYS | _SCHEDULE | _PATH | {"since"}, actuals=frozenset({"value", "running_total"}),
             monotone=True),
    KindSpec("growth", "yearly", yearly=True, baseline=False, comparator=">=", keys=_YEARLY_KEYS,
             actuals=frozenset({"value", "rate"}), chart="bars"),
    KindSpec("cagr", "cagr", yearly=False, baseline=True, comparator=">=", keys=_MILESTONE_KEYS,
             actuals=frozenset({"value", "rate"}), chart="compound"),
    # A rank (名次) is better the lower it is.
    KindSpec("rank", "trajectory", yearly=False, baseline=True, comparator="<=",
             keys=_MILESTONE_KEYS | _SCHEDULE | _PATH, actuals=frozenset({"value"}), monotone=True,
             relative=frozenset({"improve"}), chart="inverted_line"),
    KindSpec("milestone", "milestone", yearly=False, baseline=False, comparator=None,
             keys=frozenset({"milestones"}), actuals=frozenset({"value"}), chart="timeline"),
    # An ordered grade (等级, 档次): positions in ``categories``, worst first; no unit of measure.
    KindSpec("category", "category", yearly=False, baseline=True, comparator=">=",
             keys=_MILESTONE_KEYS | {"categories"}, actuals=frozenset({"value"}), monotone=True,
             relative=frozenset({"improve", "grade"}), unit=False),
)}
#: Every kind, in the order the docs list them.
KINDS: tuple[Kind, ...] = tuple(spec.name for spec in KIND_TABLE.values())


def kind_spec(kind: str) -> KindSpec:
    """The spec of a kind; KeyError for a name that is not one (the schema refuses those first)."""
    return KIND_TABLE[kind]


def default_comparator(kind: str) -> Comparator | None:
    """The comparator of a target that names none: its kind's (None for done-or-not kinds)."""
    return kind_spec(kind).comparator
