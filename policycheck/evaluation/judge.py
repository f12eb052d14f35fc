"""Whether an actual meets a requirement, read the same way in every year.

One meaning of 左右 (docs/evaluation.md#approx): at a milestone or target year
the tolerance applies, on one side only when the target has a direction; before
the target year the final target counts as reached early only when the actual
has reached the nominal value (4.4 against 4.5左右 is on schedule, not met).  A
two-sided 左右 is about distance, not direction: a value past the far edge of
the band is as far from the target as its mirror image on the near side.
"""
from __future__ import annotations

from policycheck.evaluation.context import Case
from policycheck.evaluation.schedule import Requirement, attainment, direction, eps, margin, midpoint, satisfies


def meets(case: Case, x: float, v: Requirement) -> bool:
    """Satisfies(x, cmp, v) with the target's tolerance and direction."""
    return satisfies(x, case.cmp, v, case.tol, case.open_end, sign=case.sign, band=case.band)


def travel(case: Case, b: float | None, v_t: float) -> int:
    """d: the target's direction, else the comparator's (or a range's open end), else the way from b to v_T."""
    return case.sign or direction(case.cmp, b, v_t, case.open_end)


def band(case: Case, v: float) -> float:
    """The approx tolerance in the target's unit at the requirement ``v``."""
    return case.band if case.band is not None else case.tol * abs(v)


def reached_early(case: Case, x: float, v: Requirement, d: int) -> bool:
    """The final target reached before its year: satisfied, and for 左右 the nominal value reached."""
    if not meets(case, x, v):
        return False
    if case.cmp != "approx" or d == 0:
        return True
    nominal = midpoint(v)
    return d * (x - nominal) >= -eps(nominal)


def mirrored(case: Case, x: float, v: Requirement, d: int) -> float | None:
    """A two-sided 左右 overshot past its band: the value as far on the near side; else None."""
    if case.cmp != "approx" or case.sign != 0 or d == 0:
        return None
    nominal = midpoint(v)
    if d * (x - nominal) <= band(case, nominal) + eps(nominal):
        return None
    return nominal - (x - nominal)


def attained(case: Case, a: float, v: Requirement, *, progress_value: float | None = None,
             has_baseline: bool | None = None) -> float | None:
    """达成率 with the target's direction (docs/evaluation.md#attainment)."""
    return attainment(a, case.cmp, v, tol=case.tol, progress_value=progress_value, has_baseline=has_baseline,
                      open_end=case.open_end, sign=case.sign, band=case.band)


def signed_margin(case: Case, a: float, scheduled: Requirement, final: Requirement, d: int) -> float:
    """The gap in the reports' one sign convention, with the target's tolerance and direction
    (a range's direction is its open end, not a side of 左右)."""
    return margin(a, case.cmp, scheduled, final, d, tol=case.tol, open_end=case.open_end,
                  sign=case.sign if case.cmp != "between" else 0, band=case.band)
