"""One target at the end of a month and at its year end, for the in-year tests (docs/evaluation.md#in-year)."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from policycheck.evaluation.engine import evaluate
from policycheck.evaluation.inyear import in_year_outcome
from policycheck.evaluation.options import EvaluationOptions, resolve_settings
from policycheck.evaluation.outcome import Outcome
from policycheck.model import Plan, Result, Target
from policycheck.observations import Actuals
from policycheck.periods import Period
from tests.helpers.evaluation_inputs import actuals, obs


def month_data(t: Target, years: Mapping[int, Any], months: Mapping[tuple[int, int, int], float]) -> Actuals:
    """Whole years and in-year figures keyed (year, first month, last month)."""
    data = actuals({(t.id, None): years})
    data.periods[("p", t.id, None)] = {Period(*key): obs(value, line=10 + i)
                                       for i, (key, value) in enumerate(months.items())}
    return data


def at_month(t: Target, p: Plan, months: Mapping[tuple[int, int, int], float], period: str,
             years: Mapping[int, Any] | None = None) -> Result:
    """The one result at the end of a month, through the whole run."""
    report = evaluate([p], month_data(t, years or {}, months), period=period)
    assert len(report.results) == 1 and report.results[0].as_of == period
    return report.results[0]


def december(t: Target, p: Plan, a: float, years: Mapping[int, Any] | None = None,
             months: Mapping[tuple[int, int, int], float] | None = None) -> tuple[Outcome, Result]:
    """(the in-year rules at the end of December, the year end) for the same figure a of 2025: the
    engine reads --period 2025-12 as the year end, so the month rules are asked directly."""
    settings = resolve_settings(p, EvaluationOptions())
    in_year = months if months is not None else {(2025, 1, 12): a}
    month = in_year_outcome(p, t, month_data(t, years or {}, in_year), None, 2025, 12, settings)
    year_end = evaluate([p], month_data(t, {**(years or {}), 2025: a}, {}), year=2025).results
    assert len(year_end) == 1 and year_end[0].as_of is None
    return month, year_end[0]
