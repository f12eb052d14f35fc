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

from policycheck.changes import Change
from policycheck.model import Plan, RequirementValue, Target, TimesBaseline
from policycheck.numtext import number_text, range_text, trim

#: Comparator -> the sign written before the number.
SYMBOLS: Mapping[str, str] = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "==": "=", "approx": "≈"}
#: 左右 with a direction (docs/evaluation.md#approx): at least about, at most about.
_ONE_SIDED: Mapping[str, str] = {"up": "≳", "down": "≲"}
#: == with a direction: at least or at most the value, and written so (≥30, ≤30), not =30.
_DIRECTED_EQUAL: Mapping[str, str] = {"up": ">=", "down": "<="}
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
#: The words of a change from the base year and their English (docs/plan-format.md#relative-change).
_CHANGES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"位次比(\d{4}年|基期)提升([\d.]+)位"), r"\2 places up from \1"),
    (re.compile(r"位次不低于(\d{4}年|基期)"), r"no lower rank than in \1"),
    (re.compile(r"比(\d{4}年|基期)增长([\d.]+)%"), r"+\2% from \1"),
    (re.compile(r"比(\d{4}年|基期)下降([\d.]+)%"), r"-\2% from \1"),
    (re.compile(r"比(\d{4}年|基期)提高([\d.]+)个百分点"), r"+\2 points from \1"),
    (re.compile(r"比(\d{4}年|基期)降低([\d.]+)个百分点"), r"-\2 points from \1"),
    (re.compile(r"比(\d{4}年|基期)提升([\d.]+)个等级"), r"\2 grades up from \1"),
    (re.compile(r"比(\d{4}年|基期)提高([\d.]+)(\S+)$"), r"+\2 \3 from \1"),
    (re.compile(r"比(\d{4}年|基期)降低([\d.]+)(\S+)$"), r"-\2 \3 from \1"),
)
#: Units whose change in points is a change in percentage points (a share or a rate).
_SHARE_UNITS = frozenset({"%", "％", "‰", "百分点", "个百分点", "pp"})
_YEAR = re.compile(r"(\d{4})年")
#: The year of a milestone beside the final requirement (:func:`at_milestone`): 2023年 -> "2023: ".
_MILESTONE_YEAR = re.compile(r"\((\d{4})年")


def requirement_text(target: Target, value: RequirementValue | None = None, *,
                     tolerance: float | None = None, reference: str | None = None,
                     base_year: int | None = None) -> str:
    """The requirement of ``target`` in a few characters.

    ``value`` is the requirement to state (an allocation, a resolved multiple
    of the baseline); by default the final milestone or the annual value.
    ``tolerance`` is the plan's approx tolerance when the target has none;
    ``reference`` the name of the series an annual target compares against;
    ``base_year`` the year a change from the base year counts from when it names none.
    Empty when the target states no requirement.
    """
    if target.kind == "milestone":
        return next((verb for verb in MILESTONE_VERBS if verb in target.name), DEFAULT_VERB)
    cmp: str = target.comparator or ("<=" if target.kind == "rank" else ">=")
    if cmp == "==" and target.direction is not None:
        cmp = _DIRECTED_EQUAL[target.direction]  # at least / at most its value (docs/evaluation.md#notation)
    if target.reference is not None and value is None:
        return _against_reference(target, cmp, reference or target.reference, tolerance)
    if value is None:
        value = target.milestones[-1][1] if target.milestones else target.value
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, TimesBaseline):
        return f"{SYMBOLS.get(cmp, cmp)}{trim(f'{value.factor:g}')}×基期"
    if isinstance(value, Change):
        return change_words(value, base_year, unit=target.unit)
    if isinstance(value, tuple):
        return _range(value, getattr(target, "direction", None))
    if target.categories and float(value).is_integer() and 0 <= value < len(target.categories):
        return f"{SYMBOLS.get(cmp, cmp)}{target.categories[int(value)]}"
    if cmp == "approx" and target.tolerance_absolute is not None:
        sign = _ONE_SIDED.get(target.direction or "", "≈")
        return f"{sign}{number_text(float(value))} (±{number_text(target.tolerance_absolute)})"
    text = _single(target.kind, cmp, float(value), target.tolerance if target.tolerance is not None else tolerance)
    return _ONE_SIDED[target.direction] + text[1:] if cmp == "approx" and target.direction else text


#: The reason codes of a result judged against a milestone before the final one.
MILESTONE_CODES = frozenset({"milestone_met", "milestone_missed"})


def at_milestone(final: str, year: int | str, milestone: str) -> str:
    """The requirement of a result judged at a milestone year: the final requirement and,
    beside it, the milestone's own, ``≥3.6 (2023年≥3)`` (docs/reports.md#the-requirement)."""
    return f"{final} ({year}年{milestone})"


def _against_reference(target: Target, cmp: str, name: str, tolerance: float | None) -> str:
    """``>全省平均``; under 左右 with its band and direction as a number has them, ``≳地区生产总值增长 (±5%)``."""
    if cmp != "approx":
        return f"{SYMBOLS.get(cmp, cmp)}{name}"
    sign = _ONE_SIDED.get(target.direction or "", "≈")
    if target.tolerance_absolute is not None:
        return f"{sign}{name} (±{number_text(target.tolerance_absolute)})"
    relative = target.tolerance if target.tolerance is not None else tolerance
    return f"{sign}{name}" if relative is None else f"{sign}{name} (±{trim(f'{relative * 100:.2f}')}%)"


def target_requirement(plan: Plan, target: Target) -> str:
    """The requirement every result of ``target`` states unless its unit has its own: the final one,
    with the plan's 左右 band, the reference series' name and the base year of a change."""
    reference = plan.references.get(target.reference) if target.reference else None
    base_year = target.baseline.year if target.baseline is not None else plan.baseline_year
    return requirement_text(target, tolerance=plan.assessment.approx_tolerance, base_year=base_year,
                            reference=reference.name if reference else None)


def change_words(change: Change, base_year: int | None = None, *, unit: str | None = None) -> str:
    """A change from the base year as a plan writes it (docs/plan-format.md#relative-change):
    比2020年下降13.5%, 比基期提高5个百分点, 位次比2020年提升3位, 比基期提升1个等级.

    A change in points of a target counted in something other than a share (岁, 分, 年) is
    said in that unit, 比2020年提高1岁: percentage points of a life expectancy mean nothing."""
    since = change.since if change.since is not None else base_year
    base = f"比{since}年" if since is not None else "比基期"
    size = number_text(abs(change.by))
    if change.unit == "percent":
        return f"{base}{'增长' if change.by >= 0 else '下降'}{size}%"
    if change.unit == "points":
        shown = unit.strip() if unit and unit.strip() not in _SHARE_UNITS else "个百分点"
        return f"{base}{'提高' if change.by >= 0 else '降低'}{size}{shown}"
    if change.unit == "places":
        return f"位次{base}提升{size}位" if change.by else f"位次不低于{base[1:]}"
    return f"{base}提升{size}个等级"


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
    for pattern, english in _CHANGES:
        text = pattern.sub(english, text)
    text = _MILESTONE_YEAR.sub(r"(\1: ", text)
    text = _YEAR.sub(r"\1", text)
    for word in sorted(_ENGLISH, key=len, reverse=True):
        text = text.replace(word, _ENGLISH[word])
    return text.replace("×baseline", "× baseline")
