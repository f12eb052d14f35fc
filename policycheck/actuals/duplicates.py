"""Two CSV rows for the same plan/target/unit/year (docs/actuals.md#data-status-and-duplicates).

A row with a value beats a missing one; then ``final`` beats ``preliminary``
beats ``estimate``, and the loser is listed as superseded.  Rows that tie on
both: the same value is a PC405 warning, different values a PC404 error at
the second row, naming the first.
"""
from __future__ import annotations

from collections.abc import Callable

from policycheck.actuals.store import SeriesView
from policycheck.findings import ERROR, WARNING, Finding, location_text, split_sheet
from policycheck.messages import Text, msg
from policycheck.model import DATA_STATUSES, Superseded
from policycheck.observations import Actuals, Observation, SeriesKey

_RANK = {status: rank for rank, status in enumerate(DATA_STATUSES)}


def merge(actuals: Actuals, key: SeriesKey, series: SeriesView, year: int, old_row: int,
          new_row: int, report: Callable[[Finding], None] | None = None, *, allow_copies: bool = False) -> None:
    """Settle table row ``new_row`` against ``old_row``, which ``series`` holds for ``year``.

    Duplicates are rare, so both rows are turned into observations here and the
    rules read plainly.  Findings go to ``report`` (the reader's, which limits
    how many are listed), else straight into ``actuals.findings``.
    """
    add = report or actuals.findings.append
    old, new = series.table.observation(old_row), series.table.observation(new_row)
    # A stated verdict (已完成) is content as much as a number is.
    new_rank = (new.value is None and new.stated is None, _RANK[new.status])
    old_rank = (old.value is None and old.stated is None, _RANK[old.status])
    if new_rank != old_rank:
        keep, drop = (new, old) if new_rank < old_rank else (old, new)
        if keep is new:
            series.replace(year, new_row)
        plan, target, unit = key
        actuals.superseded.append(Superseded(drop.file, drop.line, plan, target, unit, year,
                                             drop.status, drop.value, keep.status))
    elif old.value == new.value and type(old.value) is type(new.value) and old.stated == new.stated:
        if allow_copies and old.file != new.file:
            return  # the same table saved twice (UTF-8 and GB18030): not a fault of either file
        add(Finding.of(
            "PC405", WARNING, new.file, new.line, new.column,
            msg("PC405.duplicate", where=_where(old, new), year=year)))
    else:
        add(Finding.of(
            "PC404", ERROR, new.file, new.line, new.column,
            msg("PC404.conflict", new=_shown(new), old=_shown(old), where=_where(old, new), year=year,
                status=new.status)))


def _where(old: Observation, new: Observation) -> Text:
    """The first row's place: its line, and its file when that is another file."""
    if split_sheet(old.file)[1] is not None:  # a workbook: name the cell, as findings do
        if old.file == new.file:
            return msg("where.row", row=old.line)
        return msg("where.cell", cell=location_text(old.file, old.line, old.column))
    if old.file == new.file:
        return msg("where.line", line=old.line)
    return msg("where.line-of", line=old.line, file=old.file)


def _shown(obs: Observation) -> float | bool | str | None:
    """The value as the message quotes it (with !r): the number, or the stated word."""
    return obs.stated if obs.stated is not None else obs.value
