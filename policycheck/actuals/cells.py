"""Cell values as statisticians write them: numbers, yes/no, years, data statuses.

Every parser here takes the raw cell text and returns the parsed value or
raises :class:`CellError` with a message that says what would be accepted.
The readers call these only when the fast path (``float(cell)``) fails, so
clarity matters more than speed here.
"""
from __future__ import annotations

import math
import re
import unicodedata

from policycheck.findings import excerpt
from policycheck.model import MAX_MAGNITUDE

#: Cells that mean "no data" (compared after NFKC, trimming and lower-casing).
#: NFKC turns ``…`` into ``...`` and full-width ``－`` into ``-``.
MISSING_MARKERS: frozenset[str] = frozenset(
    {"", "-", "--", "—", "——", "/", "na", "n/a", "..", "...", "…", "无数据"}
)
#: Multipliers of the Chinese magnitude suffixes and measure prefixes.
MAGNITUDES: dict[str, float] = {"万": 1e4, "亿": 1e8}

TRUE_WORDS: frozenset[str] = frozenset(
    {"1", "true", "yes", "y", "是", "已完成", "完成", "达成", "已达成", "√", "✓", "✔"}
)
FALSE_WORDS: frozenset[str] = frozenset(
    {"0", "false", "no", "n", "否", "未完成", "未达成", "×", "✗", "✘"}
)

#: Data status words -> the canonical status (docs/actuals.md#data-status-and-duplicates); empty means final.
STATUS_WORDS: dict[str, str] = {
    "": "final", "final": "final", "正式": "final", "年报": "final", "正式数": "final",
    "preliminary": "preliminary", "快报": "preliminary", "初步": "preliminary",
    "快报数": "preliminary", "初步核算": "preliminary",
    "estimate": "estimate", "预计": "estimate", "估计": "estimate", "预估": "estimate",
}

YEAR_MIN, YEAR_MAX = 1900, 2200

_PLAIN = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?")
_YEAR = re.compile(r"\d{4}")
_ACCEPTED = "a number such as 1500, 1,500, 3.6, 3.6%, 1728万 or a missing marker (-, NA, 无数据)"


class CellError(ValueError):
    """A cell that cannot be parsed; the message says what would be accepted."""


def normalize(text: str) -> str:
    """NFKC (full-width digits and punctuation), the Unicode minus, trimmed."""
    return unicodedata.normalize("NFKC", text).replace("\u2212", "-").strip()


def split_number(text: str) -> tuple[float, float] | None:
    """Parse a number cell into (number, magnitude of a 万/亿 suffix or 1.0).

    Returns None for a missing marker.  Accepts thousands separators, a
    trailing ``%`` and spaces around the number; rejects non-finite values.
    """
    cell = normalize(text)
    if cell.lower() in MISSING_MARKERS:
        return None
    body, magnitude = cell, 1.0
    if body.endswith("%"):
        body = body[:-1].rstrip()
    elif body[-1:] in MAGNITUDES:
        body, magnitude = body[:-1].rstrip(), MAGNITUDES[body[-1]]
    if _GROUPED.fullmatch(body):
        body = body.replace(",", "")
    elif not _PLAIN.fullmatch(body):
        raise CellError(f"{excerpt(text)} is not a number; expected {_ACCEPTED}")
    number = float(body)
    if not math.isfinite(number):
        raise CellError(f"{excerpt(text)} is not a finite number; expected {_ACCEPTED}")
    if abs(number * magnitude) > MAX_MAGNITUDE:
        raise CellError(f"{excerpt(text)} is beyond ±{MAX_MAGNITUDE:g}: numbers this large leave no room for "
                        "arithmetic; check the cell, or write it in a larger unit (万, 亿)")
    return number, magnitude


def parse_number(text: str, measure: str | None = None) -> float | None:
    """The value of a number cell in the unit ``measure`` (a target's unit).

    A ``万``/``亿`` suffix is converted only when ``measure`` starts with 万 or
    亿 (``1728万`` in 亿元 is 0.1728); with ``measure`` None (no plan loaded) the
    suffix is applied as an absolute multiplier.
    """
    parsed = split_number(text)
    if parsed is None:
        return None
    number, magnitude = parsed
    if magnitude == 1.0:
        return number
    if measure is None:
        return number * magnitude
    base = measure_magnitude(measure)
    if base == 1.0:
        raise CellError(
            f"{excerpt(text)}: a 万/亿 suffix is converted only for targets measured in 万… or 亿…, "
            f"this one is in {excerpt(measure)}; write the plain number"
        )
    return number * magnitude / base


def measure_magnitude(measure: str) -> float:
    """1e4 for a measure such as 万元 or 万人, 1e8 for 亿元, else 1."""
    return MAGNITUDES.get(normalize(measure)[:1], 1.0)


def parse_bool(text: str) -> bool | None:
    """A milestone cell: True, False, or None for a missing marker."""
    cell = normalize(text).lower()
    if cell in TRUE_WORDS:
        return True
    if cell in FALSE_WORDS:
        return False
    if cell in MISSING_MARKERS:
        return None
    raise CellError(
        f"{excerpt(text)} is not yes/no; expected 1/0, true/false, yes/no, 是/否, 已完成/未完成, "
        "达成/未达成, √/× or a missing marker"
    )


def parse_any(text: str) -> float | bool | None:
    """With no plan loaded the kind is unknown: a number, else a yes/no word."""
    try:
        return parse_number(text)
    except CellError:
        cell = normalize(text).lower()
        if cell in TRUE_WORDS or cell in FALSE_WORDS:
            return cell in TRUE_WORDS
        raise


def parse_year(text: str) -> int:
    """An integer year 1900..2200; ``2023年`` is accepted."""
    cell = normalize(text)
    digits = cell[:-1].rstrip() if cell.endswith("年") else cell
    if _YEAR.fullmatch(digits) and YEAR_MIN <= int(digits) <= YEAR_MAX:
        return int(digits)
    raise CellError(f"year {excerpt(text)} is not an integer between {YEAR_MIN} and {YEAR_MAX} "
                    "(2023 or 2023年)")


def parse_status(text: str) -> str:
    """``final`` / ``preliminary`` / ``estimate`` from the status cell (empty: final)."""
    status = STATUS_WORDS.get(normalize(text).lower())
    if status is None:
        raise CellError(
            f"unknown data status {excerpt(text)}; expected final (正式, 年报), "
            "preliminary (快报, 初步) or estimate (预计, 估计)"
        )
    return status


def measure_factor(csv_measure: str, target_measure: str) -> float | None:
    """The factor that turns a value in ``csv_measure`` into ``target_measure``.

    1.0 when they are the same; a power of ten when they differ only by a 万
    or 亿 prefix (万元 -> 亿元 is 1e-4); None when they cannot be converted.
    """
    got, want = normalize(csv_measure).lower(), normalize(target_measure).lower()
    if got == want:
        return 1.0
    got_base, want_base = MAGNITUDES.get(got[:1], 1.0), MAGNITUDES.get(want[:1], 1.0)
    got_rest = got[1:] if got_base != 1.0 else got
    want_rest = want[1:] if want_base != 1.0 else want
    if got_rest != want_rest or not want_rest:
        return None
    return got_base / want_base
