"""Numbers as people read them: the one display precision of every report.

Tables, reasons and requirement texts round the same way (docs/reports.md,
"Rounding is for people"): two decimals, trailing zeros dropped, never
``-0``.  Beside a verdict that falls short, a number that would round onto
the one it is compared with keeps as many decimals as tell them apart
(docs/reports.md#rounding-apart): the rule lives here, once, and the
evaluation core (reason sentences) and the reporters (cells) both ask it, so
one result writes one number one way.  This module has no dependencies so
that both stages can use it.
"""
from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Protocol

#: Decimals shown for a number in every human text.
DECIMALS = 2


#: The largest magnitude a plan or CSV number may have (PC200, PC402).  Floats end
#: at 1.8e308; beyond 1e300 a sum, a difference or a unit conversion (x 1e8) of
#: two such numbers leaves the float range, and no statistic comes anywhere near
#: (docs/evaluation.md#numbers-out-of-range).
MAX_MAGNITUDE: float = 1e300


def trim(text: str) -> str:
    """``3.50`` -> ``3.5``, ``4.00`` -> ``4``, ``-0.00`` -> ``0``."""
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def number_text(value: float, decimals: int = DECIMALS) -> str:
    """A number at display precision: 3.368 -> ``3.37``, 1228.0 -> ``1228``, -0.001 -> ``0``.

    ``decimals`` is more than two only for a number that must be told apart from
    the one its verdict compares it with (:func:`apart_text`).

    Called for every number of every reason sentence, so it stays one format and
    one trim (``inf`` and ``nan`` format as themselves and have no point to trim).
    A number of 1e15 or more keeps six significant digits: 1e+308 with two
    decimals would be 312 digits wide.
    """
    if -LARGE_NUMBER < value < LARGE_NUMBER:
        return trim(f"{value:.{decimals}f}")
    return f"{value:.6g}"


def range_text(lo: float, hi: float) -> str:
    """A range as Chinese documents write it: ``3—5`` (an em dash, never a list)."""
    return f"{number_text(lo)}—{number_text(hi)}"


#: From this magnitude on a number keeps six significant digits (docs/reports.md#large-numbers).
LARGE_NUMBER: float = 1e15

#: Decimals of a percentage in every human text.
PERCENT_DECIMALS = 1

#: From this many percent on a percentage is written in scientific notation: a finite
#: ratio of 1e100 with one decimal would be 104 digits wide (docs/reports.md#large-numbers).
LARGE_PERCENT: float = 1e6


def percent_text(ratio: float, decimals: int = PERCENT_DECIMALS) -> str:
    """A ratio as a percentage with one decimal: 0.9167 -> ``91.7%``, 0.95 -> ``95%``.

    From 1,000,000 % on, three significant digits in scientific notation
    (1e100 -> ``1e+102%``, 96924187.5 -> ``9.69e+09%``): every human format uses
    this one rule; JSON keeps the exact ratio.
    """
    if not math.isfinite(ratio):
        return str(ratio)
    percent = ratio * 100
    if abs(percent) >= LARGE_PERCENT:
        return f"{percent:.3g}%"
    return f"{trim(f'{percent:.{decimals}f}')}%"


# --------------------------------------------------------------------------
# A number beside a verdict that says it falls short (docs/reports.md#rounding-apart)

#: The statuses whose verdict says a value does not reach what it is compared with: a
#: number of such a result is never rounded onto the number it is compared with.
SHORT_STATUSES: frozenset[str] = frozenset({"missed", "at_risk", "off_track", "regressing"})

#: The most decimals a number is given to tell it apart: beyond a float's 17
#: significant digits of a number near 1 more decimals only show binary noise.
MAX_DECIMALS = 17


def decimals_apart(value: float, others: Iterable[float | None], decimals: int = DECIMALS) -> int:
    """The fewest decimals, ``decimals`` or more, at which ``value`` reads differently from every
    number of ``others`` it differs from: 2.996 and 3 need three (``2.996``, ``3``); 2.9 and 3
    keep two.  Equal numbers, missing ones and very large ones change nothing."""
    if not -LARGE_NUMBER < value < LARGE_NUMBER:
        return decimals
    for other in others:
        if other is None or other == value or not -LARGE_NUMBER < other < LARGE_NUMBER:
            continue
        while decimals < MAX_DECIMALS and trim(f"{value:.{decimals}f}") == trim(f"{other:.{decimals}f}"):
            decimals += 1
    return decimals


def apart_text(value: float, *others: float | None) -> str:
    """``value`` with as many decimals as tell it from each of ``others`` (:func:`decimals_apart`)."""
    return number_text(value, decimals_apart(value, others))


class _Baseline(Protocol):
    @property
    def value(self) -> float: ...


class Judged(Protocol):
    """What a result (or the outcome it is made of) holds of the numbers its verdict compares."""

    @property
    def expected(self) -> float | None: ...

    @property
    def target_value(self) -> float | bool | tuple[float, float] | None: ...

    @property
    def baseline(self) -> _Baseline | None: ...


def compared_with(status: str, judged: Judged) -> tuple[float | None, ...]:
    """The numbers a short verdict (:data:`SHORT_STATUSES`) compares the actual with: the expected
    value E(Y); for ``missed`` also the target value; for ``regressing`` also the baseline.
    Nothing for any other status: a verdict that is met never contradicts a rounded number."""
    if status not in SHORT_STATUSES:
        return ()
    target = judged.target_value if status == "missed" else None
    baseline = judged.baseline if status == "regressing" else None
    return (judged.expected, target if isinstance(target, float) else None,
            None if baseline is None else baseline.value)


def actual_decimals(actual: float, status: str, judged: Judged) -> int:
    """The decimals of the actual beside its verdict: two, or as many as keep a short one off the
    numbers it is compared with (2.996 beside 未达成 ≥3, never ``3``).  Every human format and
    every reason sentence asks here, so one result writes its actual one way."""
    return decimals_apart(actual, compared_with(status, judged))


def expected_decimals(expected: float, status: str, actual: float | bool | None) -> int:
    """The decimals of E(Y) beside a short verdict: as many as tell it from the actual."""
    if status not in SHORT_STATUSES or not isinstance(actual, float):
        return DECIMALS
    return decimals_apart(expected, (actual,))


def gap_decimals(gap: float, status: str) -> int:
    """A gap (or a reason's difference) beside a short verdict is never ``0`` when it is not."""
    return decimals_apart(gap, (0.0,)) if status in SHORT_STATUSES else DECIMALS


def attainment_decimals(ratio: float, status: str) -> int:
    """The decimals of 达成率 in percent: never ``100%`` beside a short verdict when it is not."""
    if status not in SHORT_STATUSES or not math.isfinite(ratio) or abs(ratio * 100) >= LARGE_PERCENT:
        return PERCENT_DECIMALS
    return decimals_apart(ratio * 100, (100.0,), PERCENT_DECIMALS)


def actual_apart(actual: float, status: str, judged: Judged) -> str:
    """The actual as :func:`actual_decimals` writes it."""
    return number_text(actual, actual_decimals(actual, status, judged))


def expected_apart(expected: float, status: str, actual: float | bool | None) -> str:
    """E(Y) as :func:`expected_decimals` writes it."""
    return number_text(expected, expected_decimals(expected, status, actual))


def gap_apart(gap: float, status: str) -> str:
    """A gap as :func:`gap_decimals` writes it."""
    return number_text(gap, gap_decimals(gap, status))


def attainment_apart(ratio: float, status: str) -> str:
    """达成率 as :func:`attainment_decimals` writes it."""
    return percent_text(ratio, attainment_decimals(ratio, status))
