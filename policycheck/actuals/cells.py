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
from decimal import Decimal

from policycheck.actuals.words import MISSING_MARKERS, STATUS_WORDS, YES_NO_SHOWN, yes_no
from policycheck.findings import excerpt
from policycheck.messages import Text, msg
from policycheck.numtext import MAX_MAGNITUDE
from policycheck.records import record
from policycheck.verdicts import stated_verdict

#: The Chinese magnitude words of value suffixes and measure prefixes, as powers of
#: ten, longest first so that 万亿 is read before 万 and 千万 before 千 (docs/actuals.md#values).
#: 十 and 百 alone are not magnitudes: 百分点 is a unit, not a hundred 分点.
MAGNITUDE_EXPONENTS: dict[str, int] = {
    "万亿": 12, "千亿": 11, "百亿": 10, "十亿": 9, "千万": 7, "百万": 6, "十万": 5,
    "亿": 8, "万": 4, "千": 3,
}
#: An approximate figure as reports print it: 约4.4, 大约4.4, 4.4左右 (docs/actuals.md#values).
_APPROX_PREFIXES: tuple[str, ...] = ("大约", "约")
_APPROX_SUFFIX = "左右"
#: The signs a number may end with, each its unit of measure (docs/actuals.md#values): 3.6% is
#: 3.6 in percent, 4.8‰ 4.8 in per mille; a target measured otherwise gets PC409 (see :class:`SignError`).
SIGNS = frozenset({"%", "\u2030"})

YEAR_MIN, YEAR_MAX = 1900, 2200

_PLAIN = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?")
_YEAR = re.compile(r"\d{4}")
#: The last digits of a number split at an unquoted thousands separator: "050" of 1,050.
_SPLIT_TAIL = re.compile(r"\d{3}(?:\.\d*)?")


@record(frozen=True, slots=True)
class CellNumber:
    """A number cell taken apart: the digits, the magnitude word after them, and flags.

    ``text`` keeps the digits as written so a change of magnitude is exact decimal
    arithmetic (15507.87亿 is 1.550787万亿, not 1.5507870000000002).
    """

    text: str
    exponent: int = 0  # of the magnitude word: 8 for 亿, 0 without one
    word: str | None = None  # the magnitude word as written (亿, 万亿)
    approximate: bool = False  # 约4.4, 4.4左右
    sign: str | None = None  # % or ‰ after the number: its unit of measure

    @property
    def number(self) -> float:
        return float(self.text)

    def scaled(self, exponent: int) -> float:
        """The number times ten to ``exponent``, exactly, then rounded once to a float."""
        if exponent == 0:
            return float(self.text)
        return float(Decimal(self.text).scaleb(exponent))


class CellFlags:
    """What a value cell says besides its number: a stated verdict, 约/左右, a converted magnitude."""

    __slots__ = ("value", "stated", "met", "approximate", "converted")

    def __init__(self, value: float | None, *, stated: str | None = None, met: bool = False,
                 approximate: bool = False, converted: tuple[str, str] | None = None) -> None:
        self.value = value  # None for a stated verdict: it is never a number
        self.stated = stated
        self.met = met
        self.approximate = approximate
        self.converted = converted


class CellError(ValueError):
    """A cell that cannot be parsed; the message (both languages) says what would be accepted.
    ``rule`` is PC402 but for a cell whose unit is wrong (PC409, :class:`SignError`)."""

    def __init__(self, text: Text, rule: str = "PC402") -> None:
        super().__init__(text.en)
        self.text = text
        self.rule = rule


class SignError(CellError):
    """A number written with % or ‰ where the series' unit is another (docs/actuals.md#values).

    The sign is the cell's unit of measure, as a measure column's would be: 10% for a
    target in 亿元 is not 10 亿元.  The reader that knows the target words the finding
    (:meth:`policycheck.actuals.resolve.Sink.read`); ``value`` is the number as written,
    for a series that reads it with a warning (a cagr target's levels, PC412).
    """

    def __init__(self, cell: str, sign: str, value: float | CellFlags) -> None:
        super().__init__(msg("PC409.sign", cell=excerpt(cell), sign=sign), rule="PC409")
        self.sign = sign
        self.value = value


def thousands_hint(cell: str) -> Text | str:
    """A hint when ``cell`` looks like the last three digits of a number split at an
    unquoted thousands separator (``1,050`` read as the cells ``1`` and ``050``)."""
    if _SPLIT_TAIL.fullmatch(normalize(cell)):
        return msg("thousands-hint", cell=excerpt(cell))
    return ""


def normalize(text: str) -> str:
    """NFKC (full-width digits and punctuation), the Unicode minus, trimmed."""
    return unicodedata.normalize("NFKC", text).replace("\u2212", "-").strip()


def read_number(text: str) -> CellNumber | None:
    """A number cell taken apart (:class:`CellNumber`); None for a missing marker.

    The grammar, after NFKC: an optional 约/大约, the number (thousands separators
    allowed), then at most one of ``%`` or a magnitude word (万, 亿, 万亿, 千万...),
    then an optional 左右 (``4.4%左右``, ``约1.6万亿``).
    """
    cell = normalize(text)
    if cell.lower() in MISSING_MARKERS:
        return None
    body, approximate = cell, False
    for prefix in _APPROX_PREFIXES:
        if body.startswith(prefix):
            body, approximate = body[len(prefix):].lstrip(), True
            break
    if body.endswith(_APPROX_SUFFIX):
        body, approximate = body[:-len(_APPROX_SUFFIX)].rstrip(), True
    exponent, word, sign = 0, None, None
    if body[-1:] in SIGNS:
        body, sign = body[:-1].rstrip(), body[-1]
    else:
        word = next((w for w in MAGNITUDE_EXPONENTS if body.endswith(w) and len(body) > len(w)), None)
        if word is not None:
            body, exponent = body[:-len(word)].rstrip(), MAGNITUDE_EXPONENTS[word]
    if _GROUPED.fullmatch(body):
        body = body.replace(",", "")
    elif not _PLAIN.fullmatch(body):
        raise CellError(msg("PC402.not-number", cell=excerpt(text), accepted=msg("PC402.accepted")))
    if not math.isfinite(float(body)):
        raise CellError(msg("PC402.not-finite", cell=excerpt(text), accepted=msg("PC402.accepted")))
    if abs(float(body)) > MAX_MAGNITUDE / 10.0 ** exponent:
        raise too_large(text)
    return CellNumber(body, exponent, word, approximate, sign)


def too_large(text: str) -> CellError:
    """PC402 for a number beyond ±1e300 (docs/evaluation.md#numbers-out-of-range)."""
    return CellError(msg("PC402.too-large", cell=excerpt(text), limit=f"{MAX_MAGNITUDE:g}"))


def parse_number(text: str, measure: str | None = None) -> float | None:
    """The value of a number cell in the unit ``measure`` (a target's unit).

    A magnitude word (万, 亿, 万亿, 千万...) is converted only when ``measure``
    starts with one too (``1728万`` in 亿元 is 0.1728, ``15507.87亿`` in 万亿元
    is 1.550787); with ``measure`` None (no plan loaded) the word is applied as
    an absolute multiplier.
    """
    cell = read_number(text)
    if cell is None:
        return None
    return convert_cell(cell, text, measure)


def convert_cell(cell: CellNumber, text: str, measure: str | None) -> float:
    """:func:`parse_number` for a cell already taken apart."""
    if cell.word is None:
        return cell.number
    if measure is None:
        return cell.scaled(cell.exponent)
    base = measure_exponent(measure)
    if base == 0:
        raise CellError(msg("PC402.magnitude", cell=excerpt(text), word=cell.word, measure=excerpt(measure)))
    return cell.scaled(cell.exponent - base)


def numeric_cell(text: str, measure: str | None, scale: int = 0, given: str | None = None,
                 signs: frozenset[str] = SIGNS) -> float | None | CellFlags:
    """A value cell of a numeric target, in the target's unit of measure ``measure``.

    ``scale`` is the power of ten from the measure column's unit (``given``) to
    ``measure``; ``signs`` the signs (% or ‰) a number of the series may end with:
    any other is :class:`SignError`.  Anything beyond a plain number comes back as :class:`CellFlags`:
    a stated verdict (已完成: no number), an approximate number (约4.4), a value
    converted between magnitudes (15507.87亿 for a target in 万亿元; 1728 with
    measure 万元 for a target in 亿元), so evaluation can flag and check it.
    None is a missing marker; :class:`CellError` anything else.
    """
    verdict = stated_verdict(text)
    if verdict is not None:
        return CellFlags(None, stated=normalize(text), met=verdict)
    parsed = read_number(text)
    if parsed is None:
        return None
    converted = None
    if parsed.word is not None:
        # A magnitude word converts straight to the target's unit, whatever the measure column says.
        value = convert_cell(parsed, text, measure)
        if measure is not None and parsed.exponent != measure_exponent(measure):
            converted = (parsed.word, measure)
    else:
        value = parsed.scaled(scale)
        if scale and given is not None and measure is not None:
            converted = (given, measure)
    if abs(value) > MAX_MAGNITUDE:  # a measure column's conversion took it beyond the range
        raise CellError(msg("PC402.too-large-converted", cell=excerpt(text), limit=f"{MAX_MAGNITUDE:g}"))
    read: float | CellFlags = value
    if parsed.approximate or converted is not None:
        read = CellFlags(value, approximate=parsed.approximate, converted=converted)
    if parsed.sign is not None and parsed.sign not in signs:
        raise SignError(text, parsed.sign, read)
    return read


def measure_exponent(measure: str) -> int:
    """The power of ten of a measure's magnitude prefix: 4 for 万元, 12 for 万亿元, 0 for 家."""
    return split_measure(measure)[0]


def split_measure(measure: str) -> tuple[int, str]:
    """A measure as (power of ten of its magnitude prefix, the rest): 千万元 is (7, '元').

    A prefix counts only when something follows it: a measure that is just 万 is
    the unit 万 (rare, but then it is not a magnitude of nothing).
    """
    text = normalize(measure)
    for word, exponent in MAGNITUDE_EXPONENTS.items():
        if text.startswith(word) and len(text) > len(word):
            return exponent, text[len(word):]
    return 0, text


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


def parse_grade(text: str, categories: tuple[str, ...]) -> float | None:
    """A grade cell of a category target: its position in ``categories`` (worst first), or None."""
    cell = normalize(text)
    if cell.lower() in MISSING_MARKERS:
        return None
    for index, name in enumerate(categories):
        if normalize(name) == cell:
            return float(index)
    raise CellError(msg("PC402.not-grade", cell=excerpt(text), grades=", ".join(categories)))


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

    1.0 when they are the same; a power of ten when they differ only by a
    magnitude prefix (万元 -> 亿元 is 1e-4, 亿元 -> 万亿元 is 1e-4, 千万元 -> 亿元
    is 0.1); None when they cannot be converted.
    """
    scale = measure_scale(csv_measure, target_measure)
    if scale is None:
        return None
    return 10.0 ** scale if scale else 1.0


def measure_scale(csv_measure: str, target_measure: str) -> int | None:
    """:func:`measure_factor` as a power of ten (0: the same unit), None when not convertible."""
    got, want = normalize(csv_measure).lower(), normalize(target_measure).lower()
    if got == want:
        return 0
    got_exp, got_rest = split_measure(got)
    want_exp, want_rest = split_measure(want)
    if got_rest != want_rest or not want_rest:
        return None
    return got_exp - want_exp
