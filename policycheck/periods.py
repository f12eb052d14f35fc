"""Periods within a year: ``2025年1-9月``, ``2025年前三季度``, ``2025Q3``, ``2025-09`` (docs/actuals.md#periods).

A CSV time cell (the ``year`` or ``period`` column, or a wide-form header) is
either a whole year or a span of months of one year.  A span starting in
January is *year to date* (累计): ``1-9月``, ``前三季度``, ``上半年``.  A span
that is one month, quarter or half alone (当月, 当季) covers only those months.

Some labels say which they are (``2025年1-9月`` can only be year to date);
others name a month, quarter or half and could be either (``2025-09``,
``2025年9月``, ``2025Q3``, ``2025年下半年``).  Those need a basis: a word in the
label itself (``2025年9月当月``, ``2025-09 累计``) or the row's ``basis`` (口径)
cell.  Without one the cell is refused (PC408): reading a September figure as
the year to date, or the reverse, would change every number computed from it,
and nothing in the file could tell.

Everything here is pure and raises :class:`PeriodError` with a message that
says what would be accepted.  The module is shared by the stages: the CSV
reader parses cells with it, evaluation and the reporters name periods with
:class:`Period`, the command line reads ``--period`` with :func:`parse_as_of`.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from typing import Literal

from policycheck.findings import excerpt
from policycheck.messages import Text, msg
from policycheck.records import record

Basis = Literal["ytd", "single"]
#: The years a time cell may name (as for a year cell, docs/actuals.md#long-form-one-observation-per-row).
YEAR_MIN, YEAR_MAX = 1900, 2200


class PeriodError(ValueError):
    """A time cell that is neither a year nor a period of one; the message (both languages) says what would
    be right."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.en)
        self.text = text

#: Basis words, compared after NFKC, without spaces and brackets, lower-cased.
BASIS_WORDS: dict[str, Basis] = {
    "累计": "ytd", "累计值": "ytd", "累计数": "ytd", "年初至今": "ytd", "年初以来": "ytd", "ytd": "ytd",
    "cumulative": "ytd", "year-to-date": "ytd", "year to date": "ytd",
    "当月": "single", "本月": "single", "单月": "single", "当季": "single", "本季": "single", "单季": "single",
    "当期": "single", "本期": "single", "month": "single", "quarter": "single", "single": "single",
}
_EXAMPLES = "2025, 2025年1-9月, 2025年前三季度, 2025年上半年, 2025Q3, 2025-09 or 2025年9月"

_CN = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
       "十一": 11, "十二": 12}
_NUM = r"(\d{1,2}|十[一二]?|[一二两三四五六七八九])"
_DASH = r"(?:-|—|–|~|至|到)"
# Pattern texts, compiled on first use by _re: a file of plain years never needs the month, quarter and
# half-year forms, and compiling all of them cost every run 1.5 ms or more of start-up (docs/performance.md#start-up).
_YEAR = r"(\d{4})(年度|年|-|/)?"
_SPAN = _NUM + _DASH + _NUM + r"月份?"
_FIRST_MONTHS = r"前" + _NUM + r"个?月"
_MONTH = _NUM + r"月份?"
_BARE_MONTH = r"\d{1,2}"
_QUARTER = r"(?:q([1-4])|第?([一二三四1-4])季度?)"
_FIRST_QUARTERS = r"(?:前([一二两三四1-4])(?:个)?季度?|([一1])" + _DASH + r"([一二三四1-4])季度)"
_HALF = r"(?:h([12])|([上下])半年)"
_BRACKETS = str.maketrans("", "", "()[]【】")


@record(frozen=True, slots=True, order=True)
class Period:
    """Months ``first``..``last`` of ``year`` (1..12 both, first <= last)."""

    year: int
    first: int
    last: int

    @property
    def whole_year(self) -> bool:
        return self.first == 1 and self.last == 12

    @property
    def year_to_date(self) -> bool:
        """A span from January: a 累计 figure (a single January is one too)."""
        return self.first == 1

    @property
    def key(self) -> str:
        """The machine form: ``2025-09`` for one month, ``2025-01/2025-09`` for a span (ISO 8601)."""
        if self.first == self.last:
            return f"{self.year}-{self.last:02d}"
        return f"{self.year}-{self.first:02d}/{self.year}-{self.last:02d}"

    def label(self, lang: str = "zh") -> str:
        """``2025年1-9月`` / ``2025年9月`` in Chinese, ``2025 Jan-Sep`` / ``2025 Sep`` in English."""
        if lang == "zh":
            if self.whole_year:
                return f"{self.year}年"
            if self.first == self.last:
                return f"{self.year}年{self.last}月"
            return f"{self.year}年{self.first}-{self.last}月"
        if self.whole_year:
            return str(self.year)
        if self.first == self.last:
            return f"{self.year} {MONTHS_EN[self.last - 1]}"
        return f"{self.year} {MONTHS_EN[self.first - 1]}-{MONTHS_EN[self.last - 1]}"


def period_of_key(key: str) -> Period:
    """The period of a :attr:`Period.key` (``2025-09``, ``2025-01/2025-09``); ValueError otherwise."""
    first, _, last = key.partition("/")
    year, month = (int(part) for part in first.split("-"))
    end = int(last.split("-")[1]) if last else month
    return Period(year, month, end)


def label_of_key(key: str, lang: str = "zh") -> str:
    """The label of a period key in ``lang``; the key itself if it is not one (a foreign report)."""
    try:
        return period_of_key(key).label(lang)
    except (ValueError, IndexError):
        return key


MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@record(frozen=True, slots=True)
class Label:
    """What a time cell says before the basis is applied.

    ``fixed``: the wording fixes the span (``1-9月``, ``前三季度``, ``上半年``, a
    whole year); otherwise ``first``..``last`` is the month, quarter or half the
    label names, and a basis decides whether the figure covers it alone or the
    year up to its end.
    """

    year: int | None
    first: int
    last: int
    fixed: bool
    basis: Basis | None = None


def parse_basis(text: str) -> Basis | None:
    """The basis of a 口径 cell; None for an empty cell; PeriodError for another word."""
    word = _clean(text)
    if not word:
        return None
    basis = BASIS_WORDS.get(word)
    if basis is None:
        raise PeriodError(msg("PC408.basis", cell=excerpt(text)))
    return basis


def parse_label(text: str, *, year_required: bool = True) -> Label:
    """The label of a time cell; PeriodError when it is neither a year nor a period.

    With ``year_required`` False (a ``period`` column beside a ``year`` column)
    the year may be left out: ``1-9月``, ``前三季度``, ``Q3``.
    """
    cell = _clean(text)
    cell, basis = _split_basis(cell)
    match = _re(_YEAR).match(cell)
    year: int | None = None
    rest = cell
    separator = ""
    if match is not None:
        year = int(match.group(1))
        separator = match.group(2) or ""
        rest = cell[match.end():]
        if not YEAR_MIN <= year <= YEAR_MAX:
            raise PeriodError(msg("PC408.year-or-period", cell=excerpt(text), first=YEAR_MIN, last=YEAR_MAX,
                                  examples=_EXAMPLES))
    elif year_required:
        raise PeriodError(_not_a_period(text))
    if year is not None and rest in ("", "全年") and separator in ("", "年", "年度"):
        return Label(year, 1, 12, True, basis)
    found = _in_year(rest, bare_month=separator in ("-", "/"))
    if found is None:
        raise PeriodError(_not_a_period(text))
    first, last, fixed = found
    if not 1 <= first <= last <= 12:
        raise PeriodError(msg("PC408.months", cell=excerpt(text), examples=_EXAMPLES))
    return Label(year, first, last, fixed, basis)


def resolve(label: Label, text: str, *, basis: Basis | None = None, year: int | None = None) -> Period:
    """The months a figure covers, from its label and the row's basis cell (or the header's).

    ``year`` comes from a ``year`` column; a label that names another year is
    refused.  PeriodError when the basis is missing for a label that needs one, or
    contradicts the label.
    """
    if label.year is not None and year is not None and label.year != year:
        raise PeriodError(msg("PC408.other-year", cell=excerpt(text), named=label.year, year=year))
    the_year = label.year if label.year is not None else year
    if the_year is None:
        raise PeriodError(msg("PC408.no-year", cell=excerpt(text), bare=text.strip()))
    if label.basis is not None and basis is not None and label.basis != basis:
        raise PeriodError(msg("PC408.basis-contradicts", cell=excerpt(text), said=_word(label.basis),
                              basis=_word(basis)))
    chosen = label.basis or basis
    first, last = label.first, label.last
    if label.fixed:
        if chosen == "single" and first == 1 and last > 1 and not _half_or_quarter(first, last):
            raise PeriodError(msg("PC408.ytd-not-alone", cell=excerpt(text)))
        if chosen == "ytd" and first > 1:
            raise PeriodError(msg("PC408.not-from-january", cell=excerpt(text)))
        return Period(the_year, first, last)
    if first == 1 or chosen == "single":
        return Period(the_year, first, last)
    if chosen == "ytd":
        return Period(the_year, 1, last)
    alone = "当月" if first == last else "当季" if last - first == 2 else "当期"
    raise PeriodError(msg("PC408.which-basis", cell=excerpt(text), span=_alone(first, last), alone=alone,
                          year=the_year, last=last))


def parse_period(text: str, *, basis: Basis | None = None, year: int | None = None) -> Period:
    """:func:`parse_label` then :func:`resolve`: the months one cell covers."""
    return resolve(parse_label(text, year_required=year is None), text, basis=basis, year=year)


def parse_as_of(text: str) -> tuple[int, int]:
    """``--period``: the year and the month an assessment is made at the end of.

    ``2025-09``, ``2025Q3``, ``2025H1``, ``2025年1-9月``, ``2025年前三季度``...: a
    point in time, so a label naming a month, quarter or half means its end.
    ``2025`` and ``2025-12`` are the year end.  :class:`PeriodError` (a ValueError)
    with what is accepted.
    """
    label = parse_label(text)
    assert label.year is not None
    return label.year, label.last


def _clean(text: str) -> str:
    """NFKC, no spaces, no brackets around a basis word, lower case."""
    normal = unicodedata.normalize("NFKC", text)
    return "".join(normal.split()).translate(_BRACKETS).lower()


def _split_basis(cell: str) -> tuple[str, Basis | None]:
    """A trailing basis word (``2025年9月当月``, ``2025-09累计``) and the label before it."""
    for word in sorted(BASIS_WORDS, key=len, reverse=True):
        if cell.endswith(word.replace(" ", "")) and len(cell) > len(word):
            return cell[:-len(word.replace(" ", ""))], BASIS_WORDS[word]
    return cell, None


def _in_year(rest: str, *, bare_month: bool) -> tuple[int, int, bool] | None:
    """(first, last, fixed) of the in-year part of a label, or None."""
    if (m := _re(_SPAN).fullmatch(rest)) is not None:
        return _n(m.group(1)), _n(m.group(2)), True
    if (m := _re(_FIRST_MONTHS).fullmatch(rest)) is not None:
        return 1, _n(m.group(1)), True
    if (m := _re(_MONTH).fullmatch(rest)) is not None:
        month = _n(m.group(1))
        return month, month, False
    if bare_month and _re(_BARE_MONTH).fullmatch(rest):
        return int(rest), int(rest), False
    if (m := _re(_FIRST_QUARTERS).fullmatch(rest)) is not None:
        quarters = _n(m.group(1) or m.group(3))
        return 1, 3 * quarters, True
    if (m := _re(_QUARTER).fullmatch(rest)) is not None:
        quarter = _n(m.group(1) or m.group(2))
        return 3 * quarter - 2, 3 * quarter, quarter == 1
    if (m := _re(_HALF).fullmatch(rest)) is not None:
        first_half = m.group(1) == "1" or m.group(2) == "上"
        return (1, 6, True) if first_half else (7, 12, False)
    return None


@functools.cache
def _re(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _n(text: str) -> int:
    return int(text) if text.isdigit() else _CN[text]


def _half_or_quarter(first: int, last: int) -> bool:
    """上半年 and 一季度 are both year to date and the period alone: no contradiction."""
    return first == 1 and last in (3, 6)


def _alone(first: int, last: int) -> Text:
    if first == last:
        return msg("period.month", month=last)
    if last - first == 2:
        return msg("period.quarter", quarter=last // 3)
    return msg("period.half")


def _word(basis: Basis) -> Text:
    return msg("period.ytd") if basis == "ytd" else msg("period.alone")


def _not_a_period(text: str) -> Text:
    return msg("PC408.year-or-period", cell=excerpt(text), first=YEAR_MIN, last=YEAR_MAX, examples=_EXAMPLES)
