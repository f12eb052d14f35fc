"""The unit view of the human formats: one row per unit and result, roles merged.

The JSON report lists every shortfall of a unit with one role each, in the
documented order (docs/evaluation.md#unit-view); people sending the list round
want one row per unit and result with all its roles (配合、承担), names rather
than ids, and the units with most to do on top (docs/reports.md#the-unit-view).
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from policycheck.reporters.common import (
    EMPTY,
    Column,
    fmt_gap,
    fmt_number,
    requirement_cell,
    scoped_name,
    status_text,
    unit_name,
    unit_names,
)
from policycheck.reporters.labels import label, status_label

if TYPE_CHECKING:
    from policycheck.model import Report, Result, UnitSummary

#: Role keys of the unit view, in the order a merged cell lists them.
ROLES: tuple[str, ...] = ("lead", "support", "scope")


@dataclass(frozen=True, slots=True)
class UnitRow:
    """One unit's shortfall on one result, with every role the unit has in it."""

    unit: UnitSummary
    roles: tuple[str, ...]
    result: Result | None
    plan: str
    target: str
    scope_unit: str | None
    status: str
    gap: float | None

    def role_text(self, lang: str) -> str:
        """``配合、承担`` / ``support, scope``: the roles in one cell."""
        return ("、" if lang == "zh" else ", ").join(label(f"role_{role}", lang) for role in self.roles)


def unit_rows(report: Report, selected: Sequence[str] = ()) -> list[UnitRow]:
    """Every unit's shortfalls, one row per unit and result with its roles merged,
    units ordered by :func:`ordered_units` (only the ``selected`` ids, if any), rows
    in report order."""
    by_key = {(r.plan, r.target, r.unit): r for r in report.results}
    rows: list[UnitRow] = []
    for unit in ordered_units(report, selected):
        rows.extend(_merged(unit, by_key))
    return rows


def _merged(unit: UnitSummary, by_key: Mapping[tuple[str, str, str | None], Result]) -> list[UnitRow]:
    roles: dict[tuple[str, str, str | None], list[str]] = {}
    first: dict[tuple[str, str, str | None], tuple[str, float | None]] = {}
    for shortfall in unit.shortfalls:
        key = (shortfall.plan, shortfall.target, shortfall.unit)
        roles.setdefault(key, []).append(shortfall.role)
        first.setdefault(key, (shortfall.status, shortfall.gap))
    rows = []
    for key, found in roles.items():
        result = by_key.get(key)
        status, gap = first[key]
        rows.append(UnitRow(unit, tuple(r for r in ROLES if r in found), result, key[0], key[1], key[2],
                            status, result.margin if result is not None else gap))
    return rows


def ordered_units(report: Report, selected: Sequence[str] = ()) -> list[UnitSummary]:
    """Units with the most shortfalls first, then in the order their plan lists them;
    only the ``selected`` ids (``units --unit``) when there are any.

    The JSON report keeps its documented order (docs/evaluation.md#unit-view: severity, then name); people
    sending the list round want the units with most to do on top, and equal
    units in the document's order, not in code-point order of their names.
    """
    units = [u for u in report.units if not selected or u.id in selected]
    counts = {u.id: shortfall_count(u) for u in units}
    return sorted(units, key=lambda u: (-counts[u.id], u.order, u.id))


def shortfall_count(unit: UnitSummary) -> int:
    """Shortfalls of a unit, counting a result once whatever its roles in it (the 短板 of 汇总)."""
    return len({(s.plan, s.target, s.unit) for s in unit.shortfalls})


def shortfall_target(row: UnitRow) -> str:
    return f"{row.target} [{row.scope_unit}]" if row.scope_unit else row.target


#: The text of every unit-row cell, by column key (``lang`` and the unit names given).
UNIT_CELLS: Mapping[str, Callable[[UnitRow, str, Mapping[str, str]], str]] = {
    "responsible": lambda row, lang, names: unit_name(row.unit, lang),
    "role": lambda row, lang, names: row.role_text(lang),
    "target": lambda row, lang, names: shortfall_target(row),
    "name": lambda row, lang, names: scoped_name(row.result, lang, names) if row.result else row.target,
    "requirement": lambda row, lang, names: requirement_cell(row.result, lang) if row.result else EMPTY,
    "actual": lambda row, lang, names: fmt_number(row.result.actual, lang) if row.result else EMPTY,
    "gap": lambda row, lang, names: fmt_gap(row.gap),
    "status": lambda row, lang, names: status_text(row.result, lang) if row.result
    else status_label(row.status, lang),
}
#: One row per unit and result it falls short on (:func:`unit_row_texts`): names, not ids
#: (docs/reports.md#the-unit-view).
SHORTFALL_COLUMNS: tuple[Column, ...] = (
    Column("responsible", wraps=True), Column("role"), Column("name", wraps=True),
    Column("requirement", wraps=True),
    Column("actual", numeric=True), Column("gap", numeric=True), Column("status"),
)


def unit_row_texts(report: Report, lang: str, columns: Sequence[Column] = SHORTFALL_COLUMNS,
                   selected: Sequence[str] = ()) -> list[list[str]]:
    """One row per unit and result it falls short on, in ``columns`` order."""
    names = unit_names(report, lang)
    return [[UNIT_CELLS[column.key](row, lang, names) for column in columns]
            for row in unit_rows(report, selected)]


#: One row per unit: :func:`unit_summary_texts` (汇总 of ``policycheck units``).
UNIT_SUMMARY_COLUMNS: tuple[Column, ...] = (
    Column("responsible", wraps=True), Column("led", numeric=True), Column("supported", numeric=True),
    Column("shortfalls", numeric=True))
def unit_summary_texts(report: Report, lang: str, selected: Sequence[str] = ()) -> list[list[str]]:
    """One row per unit (those without shortfalls too): led, supported, shortfalls."""
    return [[unit_name(u, lang), str(u.led), str(u.supported), str(shortfall_count(u))]
            for u in ordered_units(report, selected)]
