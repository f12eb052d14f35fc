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

from policycheck.actuals.words import MISSING_MARKERS, STATUS_WORDS, YES_NO_SHOWN, yes_no
from policycheck.findings import excerpt
from policycheck.messages import Text, msg

#: Multipliers of the Chinese magnitude suffixes and measure prefixes.
MAGNITUDES: dict[str, float] = {"万": 1e4, "亿": 1e8}

YEAR_MIN, YEAR_MAX = 1900, 2200

_PLAIN = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?")
_YEAR = re.compile(r"\d{4}")
#: The last digits of a number split at an unquoted thousands separator: "050" of 1,050.
_SPLIT_TAIL = re.compile(r"\d{3}(?:\.\d*)?")


class CellError(ValueError):
    """A cell that cannot be parsed; the message (both languages) says what would be accepted."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.en)
        self.text = text


def thousands_hint(cell: str) -> Text | str:
    """A hint when ``cell`` looks like the last three digits of a number split at an
    unquoted thousands separator (``1,050`` read as the cells ``1`` and ``050``)."""
    if _SPLIT_TAIL.fullmatch(normalize(cell)):
        return msg("thousands-hint", cell=excerpt(cell))
    return ""


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
        raise CellError(msg("PC402.not-number", cell=excerpt(text), accepted=msg("PC402.accepted")))
    number = float(body)
    if not math.isfinite(number):
        raise CellError(msg("PC402.not-finite", cell=excerpt(text), accepted=msg("PC402.accepted")))
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
        raise CellError(msg("PC402.magnitude", cell=excerpt(text), measure=excerpt(measure)))
    return number * magnitude / base


def measure_magnitude(measure: str) -> float:
    """1e4 for a measure such as 万元 or 万人, 1e8 for 亿元, else 1."""
    return MAGNITUDES.get(normalize(measure)[:1], 1.0)


def parse_bool(text: str) -> bool | None:
    """A milestone cell: True, False, or None for a missing marker."""
    cell = normalize(text).lower()
    answer = yes_no(cell)
    if answer is not None:
        return answer
    if cell in MISSING_MARKERS:
        return None
    raise CellError(msg("PC402.not-yes-no", cell=excerpt(text), words=YES_NO_SHOWN))


def parse_any(text: str) -> float | bool | None:
    """With no plan loaded the kind is unknown: a number, else a yes/no word."""
    try:
        return parse_number(text)
    except CellError:
        answer = yes_no(normalize(text).lower())
        if answer is not None:
            return answer
        raise


def parse_year(text: str) -> int:
    """An integer year 1900..2200; ``2023年`` is accepted."""
    cell = normalize(text)
    digits = cell[:-1].rstrip() if cell.endswith("年") else cell
    if _YEAR.fullmatch(digits) and YEAR_MIN <= int(digits) <= YEAR_MAX:
        return int(digits)
    raise CellError(msg("PC408.year", cell=excerpt(text), first=YEAR_MIN, last=YEAR_MAX) + thousands_hint(text))


def parse_status(text: str) -> str:
    """``final`` / ``preliminary`` / ``estimate`` from the status cell (empty: final)."""
    status = STATUS_WORDS.get(normalize(text).lower())
    if status is None:
        raise CellError(msg("PC402.status", cell=excerpt(text)) + thousands_hint(text))
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
