"""Status of milestone targets: done or not done by a year (docs/evaluation.md#milestone)."""
from __future__ import annotations

from policycheck.evaluation.context import Case, baseline_year
from policycheck.evaluation.outcome import Outcome
from policycheck.evaluation.reasons import because
from policycheck.evaluation.schedule import time_progress


def evaluate_milestone(case: Case) -> Outcome:
    """Met once achieved in any year up to Y; missed (or no_data) from T on; pending before."""
    final_year = case.milestones[-1][0]
    series = case.series
    out = Outcome(observed=series.observed(), method="linear", target_value=True, target_year=final_year,
                  time_progress=time_progress(case.year, baseline_year(case), final_year))
    achieved: int | None = None
    seen = False
    for year in sorted(y for y in series if y <= case.year):
        value = series.value(year)
        if value is None:
            continue
        seen = True
        if bool(value):
            achieved = year
            out.data_status = series.status(year)
            break
    if achieved is not None:
        out.actual, out.achieved_year, out.attainment = True, achieved, 1.0
        out.judge("met", because("achieved", year=achieved))
        return out
    current = series.value(case.year)
    if current is not None:
        out.actual, out.data_status = False, series.status(case.year)
    out.attainment = 0.0 if seen else None
    if case.year < final_year:
        out.judge("pending", because("not_achieved_yet", target_year=final_year))
    elif seen:
        out.judge("missed", because("not_achieved", year=case.year, target_year=final_year))
    else:
        out.judge("no_data", because("no_observation", year=case.year, target_year=final_year))
    return out
