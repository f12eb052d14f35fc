"""What a ``%`` or ``‰`` at the end of a value cell means for a series (docs/actuals.md#signs).

The sign is the cell's unit of measure, as a measure column's would be: a
number of the target's own unit (3.6% for a target in %, 4.8‰ in ‰, a rate
of a target with ``actuals: rate``), PC409 for any other unit (10% is not 10
亿元), or, for a cagr target that reads levels, a rate read with a PC412
warning as for a measure of ``%`` (docs/actuals.md#plausibility).
"""
from __future__ import annotations

from policycheck.actuals.cells import SIGNS, CellError, SignError, normalize
from policycheck.changes import Change
from policycheck.findings import excerpt
from policycheck.messages import Text, msg
from policycheck.model import Target
from policycheck.model_types import TimesBaseline

#: Units of measure that mean "percent" (after NFKC, ％ is %).
PERCENT = frozenset({"%"})


def series_signs(target: Target | None, measure: str | None, given: str) -> tuple[frozenset[str], bool]:
    """The signs a value cell of the series may end with, and whether a % cell is read with a
    PC412 warning (a cagr target reading levels); ``given`` is the row's measure cell."""
    if target is not None and target.kind == "cagr" and target.actuals != "rate":
        # its unit % is the rate's, its cells levels: a % cell says rate (warned once by the
        # measure column when that says % too, so its cells are not warned again)
        return (SIGNS, False) if given in PERCENT else (frozenset(), True)
    if not measure:
        return SIGNS, False  # a series without a unit: the sign is dropped, as without plans
    own = SIGNS & {normalize(measure)}
    if target is None:
        return own, False
    if target.actuals == "rate":
        return own | PERCENT, False  # rates read as rates are in %, whatever the levels' unit
    return own, False


def sign_hint(target: Target | None) -> Text | str:
    """How a target reads its values, said after PC409 for a % cell: growth and changes are computed."""
    if target is None:
        return ""
    if target.kind == "growth" and target.actuals != "rate":
        return msg("PC409.hint-growth")
    if any(isinstance(value, (Change, TimesBaseline)) for _year, value in target.milestones):
        return msg("PC409.hint-change")
    return ""


def unit_error(exc: SignError, target_id: str, measure: str, hint: Text | str) -> CellError:
    """PC409 for a cell whose sign is not the unit ``measure`` of the target ``target_id``."""
    unit = normalize(measure)
    return CellError(exc.text + msg("PC409.sign-unit", target=excerpt(target_id), unit=excerpt(unit), bare=unit,
                                    sign=exc.sign) + hint, rule="PC409")
