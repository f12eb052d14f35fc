"""The words of PC200 messages: what a value of several forms must be, and the hint for a number written as text.

:mod:`policycheck.plans.schema` finds the violation; this module chooses the catalogue entry that
tells the statistician what would be right (docs/validation.md#pc200-error-schema-violation).
"""
from __future__ import annotations

import math
import re
import unicodedata
from typing import Any

from policycheck.messages import Text, msg

#: The plan schema's descriptions of values that take several forms, by the key of their words.
#: Every such description has its words here: one missing would put English in a Chinese message.
FORMS = {
    "a number, true (kind milestone), [lo, hi] (between), {times_baseline: k}, {change: c, in: percent or points}, "
    "{improve: k} (rank, category) or {grade: name} (category)": "form.requirement",
    "the value every year must reach (a number, or [lo, hi] for between)": "form.value",
    "a relative tolerance (0.05), {relative: 0.05} or {absolute: 0.5} in the target's unit (percentage points for "
    "%); default assessment.approx_tolerance": "form.tolerance",
    "a mapping {title, file, url, published} naming the document the plan encodes, or the document's title alone "
    "as text": "form.source",
    "How the requirement is spread over the months for --period (序时进度): linear (months/12), seasonal (the same "
    "months' share in the previous one to three years' actuals), none (the whole requirement applies at every "
    "month), or {profile: [12 monthly weights]}. Default: the plan's assessment.schedule; none for % targets, "
    "references, growth and cagr": "form.schedule",
}
#: Lists of a fixed length, by their schema title: the message shows an example of the right kind.
PAIRS = {"[lo, hi]": "PC200.pair-range", "Years": "PC200.pair-years", "Monthly profile": "PC200.pair-profile"}
KINDS_PREFIX = re.compile(r"^[a-z][a-z /]*: ")  # "annual and growth: " opening a description
#: A number with an exponent: sign, digits, fraction (None without a dot), exponent sign, exponent.
YAML_EXPONENT = re.compile(r"([-+]?)([0-9]+)(?:\.([0-9]*))?[eE]([-+]?)([0-9]+)")


def quote_hint(inst: Any, expected: Any) -> Text | str:
    """The hint after a message on text where a number was expected (or a number where text was)."""
    if isinstance(inst, str) and expected in ("number", "integer"):
        half = _half_width(inst)
        if half is not None:
            return msg("PC200.half-width", number=half)
        try:
            number = float(inst)
        except ValueError:
            return ""
        if not math.isfinite(number):  # 'nan', 'inf', '1e999': no number to unquote
            return ""
        written = YAML_EXPONENT.fullmatch(inst.strip())
        if written and not (written.group(3) is not None and written.group(4)):
            # YAML 1.1 reads an exponent as a number only with a dot and a signed exponent:
            # plain 1.0e308 and 1e5 are text, not a quoted number.
            sign, whole, fraction, exp_sign, exponent = written.groups()
            better = f"{sign}{whole}.{fraction or '0'}e{exp_sign or '+'}{exponent}"
            return msg("PC200.yaml-exponent", written=inst.strip(), better=better)
        return msg("PC200.remove-quotes")
    if expected == "string" and isinstance(inst, (int, float)) and not isinstance(inst, bool):
        return msg("PC200.add-quotes")
    return ""


def _half_width(text: str) -> str | None:
    """``text`` in half-width characters when it is a number written with full-width ones (３.６, ３６), else None.

    YAML reads ３.６ as text whether quoted or not, so "remove the quotes" would not help: the digits must change.
    """
    half = unicodedata.normalize("NFKC", text).strip()
    if half == text.strip() or not half.isascii():
        return None
    try:
        number = float(half)
    except ValueError:
        return None
    return half if math.isfinite(number) else None
