"""What the year-end 通报 adds to a result: an explanation and a trend (docs/reports.md#explanations).

Kept apart from :mod:`policycheck.model`, which re-exports every name, so the
model stays one screen per part.  Nothing here does I/O.
"""
from __future__ import annotations

from typing import Literal

from policycheck.records import record

#: How a target moved since the year before (docs/reports.md#history-and-trends), worst first.
TrendLabel = Literal["new_shortfall", "persistent_shortfall", "improved", "unchanged", "newly_met"]


@record(frozen=True, slots=True)
class Explanation:
    """Why a target is behind and what will be done about it, from an explanations file
    (docs/reports.md#explanations): 原因, 措施, 责任人 and the source of the text."""

    cause: str | None
    measures: str | None
    person: str | None
    source: str | None
    file: str
    line: int


#: What an explanation is for: (plan id, target id, unit id or None, assessment year).
NoteKey = tuple[str, str, str | None, int]


@record(frozen=True, slots=True)
class YearStatus:
    """A target's status (and actual) in one assessment year."""

    year: int
    status: str  # a Status of policycheck.model (not imported here: model imports this module)
    actual: float | bool | None


@record(frozen=True, slots=True)
class Trend:
    """The status of a target in each year compared, earliest first, the assessment
    year last; ``label`` compares the last two (None: nothing to compare)."""

    label: TrendLabel | None
    years: tuple[YearStatus, ...]


__all__ = ["Explanation", "NoteKey", "Trend", "TrendLabel", "YearStatus"]
