"""Status of milestone targets: done or not done by a year (SPEC 4.4)."""
from __future__ import annotations

from policycheck.evaluation.context import Case, Outcome, baseline_year, observed
from policycheck.evaluation.reasons import because
from policycheck.evaluation.schedule import time_progress


def evaluate_milestone(case: Case) -> Outcome:
    """Met once achieved in any year up to Y; missed (or no_data) from T on; pending before."""
    final_year = case.milestones[-1][0]
    out: Outcome = {"observed": observed(case.series), "method": "linear", "target_value": True,
                    "target_year": final_year,
                    "time_progress": time_progress(case.year, baseline_year(case), final_year)}
    achieved: int | None = None
    seen = False
    for year in sorted(y for y in case.series if y <= case.year):
        obs = case.series[year]
        if obs.value is None:
            continue
        seen = True
        if bool(obs.value):
            achieved = year
            out["data_status"] = obs.status
            break
    if achieved is not None:
        out.update(status="met", actual=True, achieved_year=achieved, attainment=1.0,
                   **because("achieved", year=achieved))
        return out
    current = case.series.get(case.year)
    if current is not None and current.value is not None:
        out.update(actual=False, data_status=current.status)
    out["attainment"] = 0.0 if seen else None
    if case.year < final_year:
        out.update(status="pending", **because("not_achieved_yet", target_year=final_year))
    elif seen:
        out.update(status="missed", **because("not_achieved", year=case.year, target_year=final_year))
    else:
        out.update(status="no_data", **because("no_observation", year=case.year, target_year=final_year))
    return out
