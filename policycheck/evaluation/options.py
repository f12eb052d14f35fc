"""What the caller chooses for one evaluation, and what each plan ends up with.

:class:`EvaluationOptions` is what the command line's options and the API's
keywords become (docs/evaluation.md#options); ``None`` leaves a choice to each
plan's ``assessment`` block.  :func:`resolve_settings` merges the two per plan
into :class:`Settings`: the options over the plan's defaults over the built-in
ones (:class:`policycheck.model.Assessment`).
"""
from __future__ import annotations

import math

from policycheck.errors import PolicycheckError
from policycheck.messages import msg
from policycheck.model import FAIL_ON, FailOn, Method, Plan
from policycheck.records import record

METHODS: tuple[Method, ...] = ("linear", "cagr")


@record(frozen=True, slots=True)
class EvaluationOptions:
    """The choices of one evaluation; ValueError for a method or fail-on level that does not exist,
    or a threshold that is not a finite ratio of at least 0.

    The command line never passes a wrong value (click checks the choices);
    API callers may, and learn about it here rather than from a KeyError later.
    """

    year: int | None = None
    method: Method | None = None
    on_track: float | None = None
    at_risk: float | None = None
    fail_on: FailOn = "off-track"
    strict: bool = False
    #: assess at the end of this month (year, month) instead of a year end (docs/evaluation.md#in-year)
    period: tuple[int, int] | None = None

    def __post_init__(self) -> None:
        if self.period is not None:
            if self.year is not None:
                raise ValueError("give year (a year end) or period (the end of a month), not both")
            if not 1 <= self.period[1] <= 12:
                raise ValueError(f"month {self.period[1]} of period {self.period!r} is not between 1 and 12")
        if self.method is not None and self.method not in METHODS:
            raise ValueError(f"unknown method {self.method!r}; choose one of {', '.join(METHODS)}")
        if self.fail_on not in FAIL_ON:
            raise ValueError(f"unknown fail-on level {self.fail_on!r}; choose one of {', '.join(FAIL_ON)}")
        for name, value in (("on_track", self.on_track), ("at_risk", self.at_risk)):
            if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))
                                      or not math.isfinite(value) or value < 0):
                raise ValueError(f"{name} must be a finite ratio of at least 0 such as 0.95, not {value!r}")


#: Every choice left to the plans.
DEFAULT_OPTIONS = EvaluationOptions()


@record(frozen=True, slots=True)
class Settings:
    """The options of one evaluation after overriding a plan's defaults."""

    method: Method
    on_track: float
    at_risk: float
    approx_tolerance: float
    fail_on: FailOn
    strict: bool


def resolve_settings(plan: Plan, options: EvaluationOptions) -> Settings:
    """The options over the plan's ``assessment`` over the built-in defaults.

    Raises :class:`PolicycheckError` when the thresholds end up the wrong way
    round: with at_risk above on_track no ratio could be at_risk, so every
    result between them would silently read on_track.  A plan's own block
    cannot be wrong alone (PC200 at load, docs/validation.md#pc200-error-schema-violation);
    an option can still meet the plan's other threshold here.
    """
    defaults = plan.assessment
    settings = Settings(method=options.method or defaults.method,
                        on_track=defaults.on_track if options.on_track is None else options.on_track,
                        at_risk=defaults.at_risk if options.at_risk is None else options.at_risk,
                        approx_tolerance=defaults.approx_tolerance, fail_on=options.fail_on,
                        strict=options.strict)
    if settings.at_risk > settings.on_track:
        # Both languages travel with the error; the command line prints the run's --lang.
        raise PolicycheckError(msg("api.thresholds-order", file=plan.file, at_risk=settings.at_risk,
                                   on_track=settings.on_track))
    return settings
