"""Merged cells over several figures (docs/actuals.md#workbooks): PC415, not a figure read twice.

A sheet's merged area is filled with its first cell's value, so that a target
merged over its years names each row.  A figure merged over two years'
columns (a 两年合计) or over two rows of the value column would be copied
into each and counted once per year; nothing says how to split it, so such a
merge is an error at the merged cell and is not filled.
"""
from __future__ import annotations

from policycheck.actuals.cells import normalize
from policycheck.actuals.header import Layout
from policycheck.actuals.words import MISSING_MARKERS
from policycheck.findings import ERROR, Finding, column_letters, excerpt
from policycheck.messages import Text, join, msg

#: A merge: (top, left, bottom, right), 0-based and inclusive.
Merge = tuple[int, int, int, int]


def figure_columns(layout: Layout | None) -> frozenset[int]:
    """The columns holding figures: the year and period columns of the wide form, else the value column."""
    if layout is None:
        return frozenset()
    if layout.wide:
        return frozenset([i for i, _ in layout.years] + [i for i, _, _ in layout.periods])
    return frozenset([layout.col("value")]) - {-1}


def splits_figures(merge: Merge, figures: frozenset[int], cells: list[str], header: list[str], where: str,
                   findings: list[Finding]) -> bool:
    """Whether ``merge`` (starting in this row, ``cells``) covers several of the ``figures`` columns' cells
    with more than a missing marker; a PC415 finding when it holds anything.  ``header`` names the columns."""
    top, left, bottom, right = merge
    columns = sorted(c for c in figures if left <= c <= right)
    if len(columns) * (bottom - top + 1) < 2:
        return False
    value = cells[left] if left < len(cells) else ""
    if normalize(value).lower() in MISSING_MARKERS:
        return False  # "-" over several years says each of them has no data: filled as it reads
    if value.strip():
        area = f"{column_letters(left + 1)}{top + 1}:{column_letters(right + 1)}{bottom + 1}"
        findings.append(Finding.of("PC415", ERROR, where, top + 1, left + 1, msg(
            "PC415.merged", area=area, value=excerpt(value), cells=_covered(columns, top, bottom, header))))
    return True


def _covered(columns: list[int], top: int, bottom: int, header: list[str]) -> Text:
    """The figure cells a merge covers, as a statistician names them: years, rows or a count."""
    if top == bottom:
        return _and([header[c] if c < len(header) and header[c] else column_letters(c + 1) for c in columns])
    if len(columns) == 1:
        if bottom - top == 1:
            return msg("PC415.rows", rows=_and([str(top + 1), str(bottom + 1)]))
        return msg("PC415.row-range", first=top + 1, last=bottom + 1)
    return msg("PC415.cells", count=len(columns) * (bottom - top + 1))


def _and(names: list[str]) -> Text:
    """``a, b and c`` (``a、b、c``)."""
    if len(names) == 1:
        return join(names)
    return msg("PC415.and", first=join(names[:-1]), last=names[-1])
