"""The texts of the Word 通报 (docs/reports.md#docx): numbering, requirements, progress.

Chinese notices number chapters 一、二、 and sections （一）（二）; English ones
1. and 1.1.  The requirement of a target reads as the plan states it:
``≥3.2%（2020年）``, ``每年≥60家``, ``2020年完成``.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from policycheck.reporters.bulletin_labels import blabel
from policycheck.reporters.common import EMPTY, fmt_number, fmt_percent

if TYPE_CHECKING:
    from policycheck.model import Result

_COMPARATORS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "==": "=", "approx": "≈", "between": ""}
_CN_DIGITS = "零一二三四五六七八九"


def cn_number(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 35 -> 三十五 (1..99)."""
    if n < 10:
        return _CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else _CN_DIGITS[tens]
    return f"{head}十{_CN_DIGITS[ones] if ones else ''}"


def chapter(n: int, text: str, lang: str) -> str:
    return f"{cn_number(n)}、{text}" if lang == "zh" else f"{n}. {text}"


def section(chapter_no: int, n: int, text: str, lang: str) -> str:
    return f"（{cn_number(n)}）{text}" if lang == "zh" else f"{chapter_no}.{n} {text}"


def with_measure(value: float | bool | tuple[float, float] | None, measure: str | None, lang: str) -> str:
    """``3.2%``, ``60家`` (Chinese sets no space before a unit), ``60 家`` in English, ``1–2 个``."""
    if isinstance(value, tuple):
        text = f"{fmt_number(value[0], lang)}–{fmt_number(value[1], lang)}"
    else:
        text = fmt_number(value, lang)
    if text == EMPTY or not measure or isinstance(value, bool):
        return text
    return f"{text}{measure}" if lang == "zh" or measure in ("%", "‰") else f"{text} {measure}"


def requirement_text(result: Result, lang: str) -> str:
    """``≥3.2%（2020年）``, ``每年≥60家``, ``2020年完成``: what the plan asks of a target."""
    if result.kind == "milestone":
        return blabel("done_by", lang, year=result.target_year) if result.target_year else blabel("done", lang)
    value = result.target_value
    if value is None or isinstance(value, bool):
        return EMPTY
    sign = _COMPARATORS.get(result.comparator or "", "")
    text = f"{sign}{with_measure(value, result.measure, lang)}"
    if result.kind == "annual":
        return f"{blabel('every_year', lang)}{text}"
    if result.kind == "growth":
        return f"{blabel('every_year', lang)}{blabel('growth_rate', lang)}{text}"
    prefix = blabel("average_rate", lang) if result.kind == "cagr" else ""
    year = blabel("by_year", lang, year=result.target_year) if result.target_year else ""
    return f"{prefix}{text}{year}"


def progress_text(result: Result) -> str:
    """完成序时进度: the progress ratio; for annual, growth and cagr targets this year's attainment."""
    if result.progress_ratio is not None:
        return fmt_percent(result.progress_ratio)
    if result.kind in ("annual", "growth", "cagr"):
        return fmt_percent(result.attainment)
    return EMPTY


def needs_section(result: Result) -> bool:
    """A target gets its own section when it fails the run or has an explanation."""
    return result.failing or result.explanation is not None

