"""How much of a date a cell's number format shows: the year, the month or the day
(docs/actuals.md#workbooks).

A date in the year column or in a wide-form year header is read as the cell
shows it: 1 September 2025 formatted ``yyyy"年"m"月"`` shows ``2025年9月`` and
is that month, never the whole year 2025.  The spreadsheet library gives the
date but not its format, so the scans of .xlsx and .xls classify each date
format here; an .ods cell says what it shows in its text, read by
:func:`text_shows`.
"""
from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from typing import Literal

#: How much of a date a format shows.
Shown = Literal["year", "month", "day"]

#: Built-in date formats (ECMA-376 18.8.30 and the zh-CN ones Excel and WPS write by id only)
#: that show more than the year; the others (times, numbers) never hold a date.
BUILTIN: dict[int, Shown] = {
    14: "day", 15: "day", 16: "day", 17: "month", 22: "day",
    27: "month", 28: "day", 29: "day", 30: "day", 31: "day", 36: "month",
    50: "month", 51: "day", 52: "month", 53: "day", 54: "day", 57: "month", 58: "day",
}


def date_shows(code: str) -> Shown | None:
    """What a format code shows of a date: ``"day"`` when it has a day (``d``) or shows the
    month without a year, ``"month"`` when it has a month but no day, ``"year"`` when it shows
    the year alone; None for a format that shows no date (General, numbers, times).

    Quoted text, ``[...]`` (locale, colour), ``\\x`` escapes and the ``_x``/``*x`` fillers are
    not format letters; an ``m`` right after an hour or before a second is minutes.
    """
    letters = _letters(code.split(";", 1)[0])
    has_day = "d" in letters or "aaa" in letters  # aaa/aaaa: the weekday of one day
    has_year = "y" in letters or "e" in letters  # e: the year in the East Asian formats
    has_month = False
    for index, char in enumerate(letters):
        if char != "m":
            continue
        before = letters[:index].rstrip("m")
        after = letters[index:].lstrip("m")
        if not (before.endswith("h") or after.startswith("s")):
            has_month = True
    if has_day or (has_month and not has_year):
        return "day"
    if has_month:
        return "month"
    return "year" if has_year else None


def _letters(code: str) -> str:
    """The format letters of one section, lower case, everything else dropped."""
    for word in ("general", "am/pm", "a/p"):
        code = re.sub(re.escape(word), " ", code, flags=re.IGNORECASE)
    return "".join(char.lower() for char in format_characters(code) if char.isalpha() and char.isascii())


def format_characters(code: str, escapes: str = "\\_*") -> Iterator[str]:
    """The characters of an Excel number format code that are format, not literal text: those
    outside quoted text and ``[...]`` (locale, colour), and not the one after an escape
    (``\\x``; by default also the ``_x`` and ``*x`` fillers)."""
    quoted = bracket = skip = False
    for char in code:
        if skip:
            skip = False
        elif quoted:
            quoted = char != '"'
        elif bracket:
            bracket = char != "]"
        elif char in escapes:
            skip = True
        elif char == '"':
            quoted = True
        elif char == "[":
            bracket = True
        else:
            yield char


def text_shows(text: str) -> Shown:
    """What the text a cell shows for a date (an .ods cell's ``<text:p>``) holds of it:
    ``2025`` or ``2025年`` the year, ``2025年9月`` or ``Sep 2025`` a month, ``2025-09-30`` a day."""
    groups = len(re.findall(r"[0-9]+", text))
    named = re.search(r"[A-Za-z]", text) is not None  # a month by its name (Sep 2025)
    if groups >= 3 or (groups == 2 and named):
        return "day"
    return "month" if groups == 2 or named else "year"


def date_label(value: datetime.date, shown: str) -> str:
    """The time label of a date in a year cell shown as a ``"month"`` (``2025年9月``: the periods
    rules apply, so it needs a basis) or a ``"day"``: 31 December names the whole year, any other
    day is its ISO text, no year, so PC408 at the cell."""
    if shown == "month":
        return f"{value.year}年{value.month}月"
    if (value.month, value.day) == (12, 31):
        return str(value.year)
    return value.isoformat()[:10]
