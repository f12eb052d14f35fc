"""Category targets: an ordered grade (等级, 档次) to reach, or grades to rise (进等).

Grades are positions in the target's ``categories`` (worst first), so the rules
of level targets apply to the positions (docs/evaluation.md#categories), with
three differences: a grade cannot be partly reached, so the schedule is ``step``
(before a milestone year a target is on track unless it has fallen below its
base-year grade); attainment counts grades, the grades gained over the grades
required (a ratio of positions would mean nothing: 二级 is not half of 一级);
and the result and its reason name the grades (``category``,
``expected_category``, ``target_category``) instead of showing positions.
"""
from __future__ import annotations

from policycheck.evaluation.context import Case
from policycheck.evaluation.judge import meets
from policycheck.evaluation.kind_trajectory import evaluate_trajectory
from policycheck.evaluation.marks import grade_name
from policycheck.evaluation.outcome import Outcome
from policycheck.evaluation.reasons import because

#: The reason arguments that hold a position, and so are said as the grade's name.
_GRADE_ARGS = ("actual", "baseline", "expected")


def evaluate_category(case: Case) -> Outcome:
    """A category target at the case's year."""
    out = evaluate_trajectory(case)
    actual, required = out.actual, out.target_value
    if isinstance(actual, float) and isinstance(required, float):
        out.attainment = _grades_attained(case, out, actual, required)
    grades = case.target.categories
    out.expected_category = grade_name(grades, out.expected)
    _name_grades(out, grades)
    # Positions are not amounts: no expected value or gap to print beside a grade's name, no
    # rate of growth and no pace worth projecting (the step path stays, for charts).
    out.expected = out.gap = out.progress = out.progress_ratio = None
    out.projected = out.projected_met = out.required_annual = out.trend_annual = None
    return out


def _grades_attained(case: Case, out: Outcome, actual: float, required: float) -> float:
    """Grades gained since the base year over grades required (docs/evaluation.md#categories).

    Without a baseline grade, or when the target keeps the base-year grade, no grade is
    required to be gained: 1 when the grade is reached, else 0.
    """
    base = out.baseline.value if out.baseline is not None else None
    if base is None or required <= base:
        return 1.0 if meets(case, actual, required) else 0.0
    return max(actual - base, 0.0) / (required - base)


def _name_grades(out: Outcome, grades: tuple[str, ...]) -> None:
    """Say 二级 where the reason would say position 1: the reader knows grades, not positions."""
    positions = {"actual": out.actual, "expected": out.expected,
                 "baseline": out.baseline.value if out.baseline is not None else None}
    args = dict(out.reason.args)
    for key in _GRADE_ARGS:
        name = grade_name(grades, positions[key]) if key in args else None
        if name is not None:
            args[key] = name
    if args != out.reason.args:
        out.reason = because(out.reason.code, **args)
