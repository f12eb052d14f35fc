"""Numbers as people read them: the one display precision of every report.

Tables, reasons and requirement texts round the same way (docs/reports.md,
"Rounding is for people"): two decimals, trailing zeros dropped, never
``-0``.  This module has no dependencies so that both the evaluation core
(reason sentences, requirement texts) and the reporters can use it.
"""
from __future__ import annotations

import math

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


def number_text(value: float) -> str:
    """A number at display precision: 3.368 -> ``3.37``, 1228.0 -> ``1228``, -0.001 -> ``0``.

    Called for every number of every reason sentence, so it stays one format and
    one trim (``inf`` and ``nan`` format as themselves and have no point to trim).
    A number of 1e15 or more keeps six significant digits: 1e+308 with two
    decimals would be 312 digits wide.
    """
    if -LARGE_NUMBER < value < LARGE_NUMBER:
        return trim(f"{value:.2f}")
    return f"{value:.6g}"


def range_text(lo: float, hi: float) -> str:
    """A range as Chinese documents write it: ``3—5`` (an em dash, never a list)."""
    return f"{number_text(lo)}—{number_text(hi)}"


#: From this magnitude on a number keeps six significant digits (docs/reports.md#large-numbers).
LARGE_NUMBER: float = 1e15

#: From this many percent on a percentage is written in scientific notation: a finite
#: ratio of 1e100 with one decimal would be 104 digits wide (docs/reports.md#large-numbers).
LARGE_PERCENT: float = 1e6


def percent_text(ratio: float) -> str:
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
    return f"{trim(f'{percent:.1f}')}%"
