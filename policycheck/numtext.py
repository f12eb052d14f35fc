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
    if -1e15 < value < 1e15:
        return trim(f"{value:.2f}")
    return f"{value:.6g}"


def range_text(lo: float, hi: float) -> str:
    """A range as Chinese documents write it: ``3—5`` (an em dash, never a list)."""
    return f"{number_text(lo)}—{number_text(hi)}"


def percent_text(ratio: float) -> str:
    """A ratio as a percentage with one decimal: 0.9167 -> ``91.7%``, 0.95 -> ``95%``."""
    if not math.isfinite(ratio):
        return str(ratio)
    return f"{trim(f'{ratio * 100:.1f}')}%"
