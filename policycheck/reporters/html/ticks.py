"""Round numbers for a chart's value axis: nice steps, the ticks they give, and their labels.

Pure arithmetic, bounded whatever the numbers (docs/evaluation.md#numbers-out-of-range):
values that are not finite, or so far apart that their difference overflows,
give a two-tick axis rather than an endless range.  :mod:`policycheck.reporters.html.chart`
places the ticks in pixels.
"""
from __future__ import annotations

import math
from itertools import pairwise

#: The nice step multiples, per power of ten (1, 2, 2.5, 5, then the next decade).
_NICE_MULTIPLES: tuple[float, ...] = (1.0, 2.0, 2.5, 5.0, 10.0)


def nice_step(span: float, max_intervals: int = 8) -> float:
    """The smallest step of the form {1, 2, 2.5, 5} x 10^k giving at most ``max_intervals``."""
    if span <= 0 or not math.isfinite(span):
        return 1.0
    rough = span / max_intervals
    if rough <= 0:  # a span of a few subnormal units: nothing rounder exists
        return span
    power = 10.0 ** math.floor(math.log10(rough))
    for multiple in _NICE_MULTIPLES:
        step = multiple * power
        if step >= rough * (1 - 1e-9):
            return step
    return 10.0 * power  # unreachable: 10 x power always covers rough


def step_decimals(step: float) -> int:
    """How many decimals show a multiple of ``step`` exactly (0.5 -> 1, 0.25 -> 2, 50 -> 0)."""
    for decimals in range(0, 10):
        if abs(round(step, decimals) - step) <= 1e-9 * max(1.0, abs(step)):
            return decimals
    return 10


def nice_ticks(lo: float, hi: float, max_intervals: int = 8, min_step: float = 0.0) -> tuple[float, ...]:
    """Round tick values covering [lo, hi]: 0..3.6 gives 0, 0.5, ..., 4.

    Always at most ``max_intervals + 3`` ticks, whatever the numbers: values
    that are not finite, or so far apart that ``hi - lo`` overflows, give the
    two ends themselves instead of an endless range of ticks.
    """
    if not (math.isfinite(lo) and math.isfinite(hi)):
        return (0.0, 1.0)
    if hi < lo:
        lo, hi = hi, lo
    if hi == lo:  # one value: widen by 10 % (or by 1 around zero) so there is an axis
        pad = abs(lo) * 0.1 or 1.0
        lo, hi = lo - pad, hi + pad
    step = max(nice_step(hi - lo, max_intervals), min_step)
    if not math.isfinite(hi - lo) or not math.isfinite(step):
        return (lo, hi)
    decimals = step_decimals(step)
    first = math.floor(lo / step + 1e-9)
    last = math.ceil(hi / step - 1e-9)
    # A finite span gives last - first <= max_intervals + 2; the cap only guards that promise.
    last = min(last, first + max_intervals + 2)
    ticks = tuple(clean_zero(round(i * step, decimals)) for i in range(first, last + 1))
    usable = all(math.isfinite(t) for t in ticks) and all(a < b for a, b in pairwise(ticks))
    return ticks if usable else (lo, hi)


def clean_zero(value: float) -> float:
    """0.0 for -0.0 too: no "-0" labels or coordinates."""
    return 0.0 if value == 0 else value


#: From this size on a tick label is written with an exponent (1e+20), not 21 digits.
_EXPONENT_FROM = 1e15


def tick_text(value: float, decimals: int) -> str:
    """A tick label with thousands separators and a fixed number of decimals."""
    if abs(value) >= _EXPONENT_FROM:
        return f"{clean_zero(value):.6g}"
    return f"{clean_zero(value):,.{decimals}f}"
