"""No result carries a number that is not finite (docs/evaluation.md#numbers-out-of-range).

Every input number is finite (plans: PC200; CSV cells: PC402), but arithmetic
on finite numbers need not be: the sum of two yearly values of 1.7e308 is
infinite, a growth from 1e-300 to 1e300 overflows, ``x ** n`` raises
OverflowError, and infinity minus infinity is NaN.  Such a value would make a
comparison meaningless, break the JSON report (JSON has no NaN) and hang a
chart scaled to it.  So the outcome of every case passes through
:func:`finite_outcome`:

* a number that only describes the result (gap, attainment, progress, the
  paces, the projection) and is not finite becomes null; the status stands,
  as it did not depend on it (1 against a target of 1e-311 is met, even if
  the attainment 1/1e-311 is infinite);
* a number the status rests on (the actual, the requirement, the baseline,
  a year of the history, or the progress ratio and E(Y) of a status judged
  by the schedule) that is not finite, an overflow, or a reason that would
  quote ``inf``, turns the result into ``no_data`` with the reason
  ``out_of_range``, keeping only the finite facts of the inputs.

A caller that would rather refuse such inputs than report them turns those
results into error findings at the CSV cell or the plan's target with
:func:`out_of_range_findings`.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import fields, replace
from operator import attrgetter
from typing import Any

from policycheck.evaluation.outcome import Outcome
from policycheck.evaluation.reasons import because
from policycheck.findings import ERROR, Finding
from policycheck.messages import msg
from policycheck.model import Baseline, HistoryEntry, Result
from policycheck.observations import Actuals

#: Outcome fields that only describe a result: nulled when not finite.
_DESCRIPTIVE = frozenset({"gap", "attainment", "progress", "required_annual", "trend_annual", "projected",
                          "expected_level", "time_progress", "months"})
#: Fields the schedule statuses (on_track, at_risk, off_track, regressing) rest on.
_SCHEDULE = frozenset({"progress_ratio", "expected"})
#: The reasons of statuses judged by the schedule.
_SCHEDULE_REASONS = frozenset({"on_schedule", "behind_below", "behind_above", "regressing", "growth_pace",
                               "inyear_on_schedule", "inyear_behind_below", "inyear_behind_above"})
#: Outcome fields that are facts of the inputs, kept (when finite) on an out-of-range result.
_KEPT = ("actual", "data_status", "baseline", "target_value", "target_year", "time_progress", "method",
         "observed", "level", "last_year", "last_value", "achieved_year")
_NOT_FINITE_TEXT = frozenset({"inf", "-inf", "nan"})
#: Every Outcome field, in declaration order: the order the first broken one is named in.
_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Outcome))
#: The fields whose type admits a float or a container of them (in the order of _FIELDS): a
#: field typed ``str``, ``int`` or ``bool`` holds no float, so the check of 142,200 national
#: outcomes reads 23 fields of each rather than 47.
_CHECKED: tuple[str, ...] = tuple(f.name for f in fields(Outcome)
                                  if any(word in str(f.type) for word in ("float", "tuple", "Baseline",
                                                                          "HistoryEntry", "Sequence")))
_CHECKED_VALUES = attrgetter(*_CHECKED)


def finite_outcome(evaluate: Callable[[], Outcome]) -> Outcome:
    """``evaluate()`` with every number finite, or the no_data outcome of :func:`out_of_range`."""
    try:
        outcome = evaluate()
    except (OverflowError, ZeroDivisionError, FloatingPointError):
        return out_of_range(None, "a computed value")
    if _first_non_finite(outcome) is None:
        return outcome
    return _settle(outcome)


def _first_non_finite(outcome: Outcome) -> str | None:
    """The first field holding a number that is not finite; None when all are (the common case,
    so floats are checked inline and only containers by call)."""
    isfinite = math.isfinite
    for name, value in zip(_CHECKED, _CHECKED_VALUES(outcome), strict=True):
        kind = type(value)
        if kind is float:
            if not isfinite(value):
                return name
        elif kind is tuple:
            if not _pairs_finite(value) and not_finite(value):
                return name
        elif kind is Baseline and not_finite(value.value):
            return name
    if not _NOT_FINITE_TEXT.isdisjoint(outcome.reason.args.values()):
        return "reason_args"
    return None


def _pairs_finite(value: tuple[Any, ...]) -> bool:
    """True when ``value``, a tuple of number tuples (a path, months), surely holds no inf or NaN:
    their sum is finite.  False also for any other tuple, which :func:`not_finite` then looks into."""
    try:
        return math.isfinite(sum(map(sum, value)))
    except (TypeError, OverflowError):  # not numbers only (None in months, a range, history), or huge ints
        return False


def _settle(outcome: Outcome) -> Outcome:
    """Null what is only descriptive; out of range when the status rests on a broken number."""
    nulled: list[str] = []
    schedule_status = outcome.reason.code in _SCHEDULE_REASONS
    for name in _FIELDS:
        if not not_finite(getattr(outcome, name)):
            continue
        if name in _DESCRIPTIVE or (name in _SCHEDULE and not schedule_status):
            nulled.append(name)
            if name == "projected":
                nulled.append("projected_met")
        else:
            return out_of_range(outcome, name)
    broken_args = [key for key, text in outcome.reason.args.items() if text in _NOT_FINITE_TEXT]
    if broken_args:
        return out_of_range(outcome, broken_args[0])
    settled = replace(outcome)
    for name in nulled:
        setattr(settled, name, None)
    return settled


def out_of_range(outcome: Outcome | None, field: str) -> Outcome:
    """A no_data outcome saying which computed value went out of the float range."""
    kept: dict[str, Any] = {}
    if outcome is not None:
        kept = {name: getattr(outcome, name) for name in _KEPT if not not_finite(getattr(outcome, name))}
    settled = Outcome(**kept)
    settled.judge("no_data", because("out_of_range", field=field))
    return settled


def not_finite(value: object) -> bool:
    """Whether ``value`` is, or holds, a float that is infinite or NaN."""
    kind = type(value)
    if kind is float:
        return not math.isfinite(value)  # type: ignore[arg-type]  # a float, as its type says
    if kind is tuple or isinstance(value, (tuple, list)):
        return any(map(not_finite, value))  # type: ignore[call-overload]  # a tuple or list
    if isinstance(value, Baseline):
        return not_finite(value.value)
    if isinstance(value, HistoryEntry):
        return not_finite(value.actual)
    return False


def out_of_range_findings(results: Iterable[Result], actuals: Actuals) -> list[Finding]:
    """An error finding per out-of-range result, for a caller that refuses such inputs.

    The report keeps the no_data results; a caller may instead treat the
    numbers behind them as unusable input.  The finding is at the CSV cell of the actual when there is one (PC402),
    else at the target in the plan (PC200).
    """
    from policycheck.evaluation.resulttable import ResultTable

    # a run's table builds a Result only for the few out of range, reading only the reason codes
    found = (results.with_reason("out_of_range") if isinstance(results, ResultTable)
             else (result for result in results if result.reason_code == "out_of_range"))
    findings: list[Finding] = []
    for result in found:
        field = result.reason_args.get("field", "a computed value")
        label = f"{result.target} [{result.unit}]" if result.unit else result.target
        obs = actuals.get(result.plan, result.target, result.unit).get(result.year)
        if obs is not None and obs.value is not None:
            findings.append(Finding.of("PC402", ERROR, obs.file, obs.line, obs.column,
                                       msg("PC402.out-of-range", label=label, year=result.year, field=field)))
        else:
            where = result.location
            findings.append(Finding.of("PC200", ERROR, where.file, where.line, where.column,
                                       msg("PC200.out-of-range", label=label, year=result.year, field=field)))
    return list(dict.fromkeys(findings))  # explain sees the same year twice (results and by_year)
