"""The texts of the Word 通报 (docs/reports.md#docx): numbering and progress.

Chinese notices number chapters 一、二、 and sections （一）（二）; English ones
1. and 1.1.  The requirement of a target is the one every human format shows
(:func:`policycheck.reporters.common.requirement_cell`, docs/reports.md#the-requirement).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from policycheck.reporters.common import EMPTY, fmt_percent, result_attainment

if TYPE_CHECKING:
    from policycheck.model import Result

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


def progress_text(result: Result) -> str:
    """完成序时进度: the progress ratio; for annual, growth and cagr targets this year's attainment."""
    if result.progress_ratio is not None:
        return fmt_percent(result.progress_ratio)
    if result.kind in ("annual", "growth", "cagr"):
        return result_attainment(result)
    return EMPTY


def needs_section(result: Result) -> bool:
    """A target gets its own section when it fails the run or has an explanation."""
    return result.failing or result.explanation is not None

