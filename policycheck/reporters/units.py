"""The unit view of the human formats: one row per unit and result, roles merged.

The JSON report lists every shortfall of a unit with one role each, in the
documented order (docs/evaluation.md#unit-view); people sending the list round
want one row per unit and result with all its roles (配合、承担), names rather
than ids, and the units with most to do on top (docs/reports.md#the-unit-view).
The one row a lead or supporting unit gets for several lagging scoped units of
a target (``count`` > 1, docs/evaluation.md#unit-view) reads ``name [3 个单位]``
with the worst of their statuses, and counts as that many shortfalls.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from policycheck.records import record
from policycheck.reporters.common import (
    EMPTY,
    Column,
    actual_number,
    fmt_gap,
    requirement_cell,
    result_name,
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


@record(frozen=True, slots=True)
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
    #: the number of lagging scoped units the row stands for (1: one result)
    count: int = 1
    #: for a row of several scoped units: a result of the target, for its name
    example: Result | None = None

    def role_text(self, lang: str) -> str:
        """``配合、承担`` / ``support, scope``: the roles in one cell."""
        return ("、" if lang == "zh" else ", ").join(label(f"role_{role}", lang) for role in self.roles)


def unit_rows(report: Report, selected: Sequence[str] = ()) -> list[UnitRow]:
    """Every unit's shortfalls, one row per unit and result with its roles merged,
    units ordered by :func:`ordered_units` (only the ``selected`` ids, if any), rows
    in report order."""
    by_key = {(r.plan, r.target, r.unit): r for r in report.results}
    by_target: dict[tuple[str, str], Result] = {}
    for result in report.results:
        by_target.setdefault((result.plan, result.target), result)
    rows: list[UnitRow] = []
    for unit in ordered_units(report, selected):
        rows.extend(_merged(unit, by_key, by_target))
    return rows


#: A shortfall's row key: plan, target, scoped unit, and the count of a row of several scoped units
#: (0 for one result), so that row never merges with the plan-wide result of the same target.
_Key = tuple[str, str, str | None, int]


def _merged(unit: UnitSummary, by_key: Mapping[tuple[str, str, str | None], Result],
            by_target: Mapping[tuple[str, str], Result]) -> list[UnitRow]:
    roles: dict[_Key, list[str]] = {}
    first: dict[_Key, tuple[str, float | None]] = {}
    for shortfall in unit.shortfalls:
        key = (shortfall.plan, shortfall.target, shortfall.unit, shortfall.count if shortfall.count > 1 else 0)
        roles.setdefault(key, []).append(shortfall.role)
        first.setdefault(key, (shortfall.status, shortfall.gap))
    rows = []
    for key, found in roles.items():
        status, gap = first[key]
        merged = tuple(r for r in ROLES if r in found)
        if key[3]:  # several lagging scoped units: no one result, their number and worst status
            rows.append(UnitRow(unit, merged, None, key[0], key[1], None, status, None, key[3],
                                by_target.get((key[0], key[1]))))
            continue
        result = by_key.get(key[:3])
        rows.append(UnitRow(unit, merged, result, key[0], key[1], key[2],
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
    """Shortfalls of a unit, counting a result once whatever its roles in it (the 短板 of 汇总),
    and a row of several lagging scoped units as their number."""
    counted: dict[tuple[str, str, str | None, bool], int] = {}
    for s in unit.shortfalls:
        counted[(s.plan, s.target, s.unit, s.count > 1)] = s.count
    return sum(counted.values())


def shortfall_target(row: UnitRow, lang: str = "en") -> str:
    """``target``, ``target [unit]``, or ``target [3 units]`` for a row of several scoped units."""
    if row.scope_unit:
        return f"{row.target} [{row.scope_unit}]"
    if row.count > 1:
        return f"{row.target} [{label('units_count', lang).format(count=row.count)}]"
    return row.target


def _row_name(row: UnitRow, lang: str, names: Mapping[str, str]) -> str:
    """The target's name (with the scoped unit's); ``name [3 个单位]`` for a row of several."""
    if row.result is not None:
        return scoped_name(row.result, lang, names)
    if row.count > 1:
        name = result_name(row.example, lang) if row.example is not None else row.target
        return f"{name} [{label('units_count', lang).format(count=row.count)}]"
    return row.target


#: The text of every unit-row cell, by column key (``lang`` and the unit names given).
UNIT_CELLS: Mapping[str, Callable[[UnitRow, str, Mapping[str, str]], str]] = {
    "responsible": lambda row, lang, names: unit_name(row.unit, lang),
    "role": lambda row, lang, names: row.role_text(lang),
    "target": lambda row, lang, names: shortfall_target(row, lang),
    "name": _row_name,
    # A row of several scoped units: they share the target's requirement.
    "requirement": lambda row, lang, names: requirement_cell(shown, lang) if (shown := row.result or row.example)
    else EMPTY,
    "actual": lambda row, lang, names: actual_number(row.result, lang) if row.result else EMPTY,
    "gap": lambda row, lang, names: fmt_gap(row.gap, row.status),
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
