"""What a target requires, as one short text: ``≥3.2``, ``>40``, ``3—5``, ``清零``.

:func:`requirement_text` is the only place that turns a target's comparator
and value into words (docs/reports.md#the-requirement); the JSON
``requirement`` field, every human format and the reason sentences use it.
The text is written as the plan's document would (Chinese words for 清零,
建成, 前5名); :func:`localise_requirement` gives the English words for
``--lang en``.  Numbers have the display precision of the tables.
"""
from __future__ import annotations

import re
from collections.abc import Mapping

from policycheck.model import RequirementValue, Target, TimesBaseline
from policycheck.numtext import number_text, range_text, trim

#: Comparator -> the sign written before the number.
SYMBOLS: Mapping[str, str] = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "==": "=", "approx": "≈"}
#: The verbs of milestone targets (docs/plan-format.md: 建成, 获批, 创成 ...), found in the
#: target's name; a milestone whose name has none of them reads 完成 (done).
MILESTONE_VERBS: tuple[str, ...] = ("建成", "获批", "创成", "入选", "认定", "通过", "获得", "升级为")
DEFAULT_VERB = "完成"
#: The Chinese words of a requirement text and their English.
_ENGLISH: Mapping[str, str] = {
    "清零": "zero", "完成": "done", "建成": "built", "获批": "approved", "创成": "won",
    "入选": "selected", "认定": "recognised", "通过": "passed", "获得": "obtained", "升级为": "upgraded",
    "基期": "baseline",
}
_TOP = re.compile(r"前(\d+)名")


def requirement_text(target: Target, value: RequirementValue | None = None, *,
                     tolerance: float | None = None, reference: str | None = None) -> str:
    """The requirement of ``target`` in a few characters.

    ``value`` is the requirement to state (an allocation, a resolved multiple
    of the baseline); by default the final milestone or the annual value.
    ``tolerance`` is the plan's approx tolerance when the target has none;
    ``reference`` the name of the series an annual target compares against.
    Empty when the target states no requirement.
    """
    if target.kind == "milestone":
        return next((verb for verb in MILESTONE_VERBS if verb in target.name), DEFAULT_VERB)
    cmp = target.comparator or ("<=" if target.kind == "rank" else ">=")
    if target.reference is not None and value is None:
        return f"{SYMBOLS.get(cmp, cmp)}{reference or target.reference}"
    if value is None:
        value = target.milestones[-1][1] if target.milestones else target.value
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, TimesBaseline):
        return f"{SYMBOLS.get(cmp, cmp)}{trim(f'{value.factor:g}')}×基期"
    if isinstance(value, tuple):
        return _range(value, getattr(target, "direction", None))
    return _single(target.kind, cmp, float(value), target.tolerance if target.tolerance is not None else tolerance)


def _range(value: tuple[float, float], direction: str | None) -> str:
    """``3—5``; a range whose plan says more (or less) is fine names its open end too."""
    lo, hi = value
    text = range_text(lo, hi)
    if direction == "up":
        return f"≥{number_text(lo)} ({text})"
    if direction == "down":
        return f"≤{number_text(hi)} ({text})"
    return text


def _single(kind: str, cmp: str, v: float, tolerance: float | None) -> str:
    if cmp == "<=" and v == 0:
        return "清零"
    if kind == "rank" and cmp in ("<=", "<") and v.is_integer():
        top = int(v) if cmp == "<=" else int(v) - 1
        return f"前{top}名"
    text = f"{SYMBOLS.get(cmp, cmp)}{number_text(v)}"
    if cmp == "approx" and tolerance is not None:
        text += f" (±{trim(f'{tolerance * 100:.2f}')}%)"
    return text


def localise_requirement(text: str, lang: str) -> str:
    """A requirement text in ``lang``: Chinese as stored, English words for ``en``."""
    if lang != "en" or not text:
        return text
    text = _TOP.sub(lambda m: f"top {m.group(1)}", text)
    for word in sorted(_ENGLISH, key=len, reverse=True):
        text = text.replace(word, _ENGLISH[word])
    return text.replace("×baseline", "× baseline")
