"""Category targets: an ordered grade (等级, 档次) to reach, or grades to rise (进等).

Grades are positions in the target's ``categories`` (worst first), so the rules
of level targets apply to the positions (docs/evaluation.md#categories), with
two differences: a grade cannot be partly reached, so the schedule is ``step``
(before a milestone year a target is on track unless it has fallen below its
base-year grade), and attainment is 1 when the grade is reached, else 0: a
ratio of positions would mean nothing.  The result names the grades
(``category``, ``target_category``) instead of showing positions.
"""
from __future__ import annotations

from policycheck.evaluation.context import Case
from policycheck.evaluation.judge import meets
from policycheck.evaluation.kind_trajectory import evaluate_trajectory
from policycheck.evaluation.outcome import Outcome


def evaluate_category(case: Case) -> Outcome:
    """A category target at the case's year."""
    out = evaluate_trajectory(case)
    actual, required = out.actual, out.target_value
    if isinstance(actual, float) and isinstance(required, float):
        out.attainment = 1.0 if meets(case, actual, required) else 0.0
    # Positions are not amounts: no expected value or gap to print beside a grade's name, no
    # rate of growth and no pace worth projecting (the step path stays, for charts).
    out.expected = out.gap = out.progress = out.progress_ratio = None
    out.projected = out.projected_met = out.required_annual = out.trend_annual = None
    return out
