"""``policycheck template``: a CSV for statisticians to fill in (docs/actuals.md#template).

One row per target and year (one per unit in scope for a scoped target, and
no plan-wide row for it: an empty plan-wide row would be a result with no
data), with the target's name and unit of measure as a reminder, an empty
value cell, and a last column, 填写说明, that says what to enter: the level
(总量) for a cagr target, the year's new amount (当年新增) for a cumulative
one, yes or no for a milestone (docs/actuals.md#template).  The header uses
the canonical English column names (``--lang en``) or the Chinese aliases of
docs/actuals.md#columns (``--lang zh``), so the filled-in file reads back
unchanged.  The text has no byte-order mark; the command writes files as
UTF-8 with BOM so that Excel opens the Chinese correctly.  Users open this
file in Excel, so the name and measure cells (plan text) are neutralised like
the CSV report's: a name starting with ``=``, ``+``, ``-``, ``@``, tab or CR
gets a leading ``'``, and no line break, control or bidi character is written
(:func:`policycheck.textsafe.spreadsheet_text`).
"""
from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Protocol

from policycheck.actuals.cells import YEAR_MAX, YEAR_MIN, normalize
from policycheck.errors import PolicycheckError
from policycheck.messages import Text, msg
from policycheck.model import Plan, Target
from policycheck.textsafe import one_line, spreadsheet_text

#: Header labels; every label is an alias in policycheck.actuals.header.ALIASES (``hint``, the 填写说明
#: column, is for people and not read).
HEADERS: dict[str, dict[str, str]] = {
    "en": {"plan": "plan", "target": "target", "name": "name", "measure": "measure", "unit": "unit",
           "year": "year", "value": "value", "status": "status", "hint": "hint"},
    "zh": {"plan": "规划", "target": "指标", "name": "指标名称", "measure": "计量单位", "unit": "单位名称",
           "year": "年份", "value": "数值", "status": "状态", "hint": "填写说明"},
}
_KEY_COLUMNS = ("plan", "target", "name", "measure", "unit")
_YEARS = re.compile(r"(\d{4})(?:\s*[-–—~～至]\s*(\d{4}))?")

#: (plan id, target id, name, measure, unit id or "") of one template row group.
RowKey = tuple[str, str, str, str, str]
#: Kinds whose baseline-year value is the start of the schedule (the template marks that row 基期).
_BASELINE_KINDS = frozenset({"level", "rank", "cagr", "category"})


def parse_years(text: str) -> tuple[int, int]:
    """``"2018-2020"`` -> (2018, 2020); a single year ``"2020"`` is (2020, 2020)."""
    match = _YEARS.fullmatch(normalize(text))
    if match is None:
        raise PolicycheckError(msg("cli.years-form", text=repr(text)))
    first = int(match.group(1))
    last = int(match.group(2) or first)
    if not (YEAR_MIN <= first <= last <= YEAR_MAX):
        raise PolicycheckError(msg("cli.years-range", text=repr(text), first=YEAR_MIN, last=YEAR_MAX))
    return first, last


def build_template(plans: Sequence[Plan], *, years: tuple[int, int] | None = None, wide: bool = False,
                   lang: str = "zh") -> str:
    """The CSV text (CRLF line ends, no BOM) to fill in for ``plans``."""
    labels = HEADERS.get(lang, HEADERS["zh"])
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if wide:
        _write_wide(writer, plans, years, labels, lang)
    else:
        writer.writerow([labels[c] for c in (*_KEY_COLUMNS, "year", "value", "status", "hint")])
        for plan in plans:
            first, last = years or (plan.baseline_year, plan.period_end)
            for key, what in row_groups(plan):
                writer.writerows([*key, year, "", "", instructions(plan, what, key[4], year).get(lang)]
                                 for year in range(first, last + 1))
    return buffer.getvalue()


class _RowWriter(Protocol):
    """What the template needs of ``csv.writer``."""

    def writerow(self, row: Iterable[Any], /) -> Any: ...

    def writerows(self, rows: Iterable[Iterable[Any]], /) -> None: ...


def _write_wide(writer: _RowWriter, plans: Sequence[Plan], years: tuple[int, int] | None,
                labels: dict[str, str], lang: str) -> None:
    """One row per target (and unit), one column per year of all plans' ranges."""
    if years is None:
        spans = [(plan.baseline_year, plan.period_end) for plan in plans] or [(0, -1)]
        years = (min(s[0] for s in spans), max(s[1] for s in spans))
    suffix = "年" if lang == "zh" else ""
    year_labels = [f"{year}{suffix}" for year in range(years[0], years[1] + 1)]
    writer.writerow([labels[c] for c in _KEY_COLUMNS] + year_labels + [labels["status"], labels["hint"]])
    blanks = [""] * (len(year_labels) + 1)
    for plan in plans:
        writer.writerows([*key, *blanks, instructions(plan, what, key[4]).get(lang)] for key, what in row_groups(plan))


def row_groups(plan: Plan) -> Iterator[tuple[RowKey, Target | None]]:
    """Targets in plan order, then references (None): one row group per target, or one per unit
    in scope for a scoped target (whose results are the units')."""
    for target in plan.targets:
        units = plan.scope_units(target)
        for unit in units or ("",):
            yield (plan.id, target.id, _cell(target.name), _cell(_measure(target)), unit), target
    for ref in plan.references.values():
        yield (plan.id, ref.id, _cell(ref.name), _cell(ref.unit or ""), ""), None


def _cell(text: str) -> str:
    """Plan text for a cell people open in Excel: one line, no formula."""
    return spreadsheet_text(one_line(text))


def _measure(target: Target) -> str:
    """The unit of measure the value is entered in: a cagr target's unit is its rate's (%), while its
    actuals are levels in a unit the plan does not name, so the cell is left for the statistician."""
    if target.kind == "cagr" and target.actuals != "rate":
        return ""
    return target.unit or ""


def instructions(plan: Plan, target: Target | None, unit: str, year: int | None = None) -> Text:
    """What to enter in a row (the 填写说明 column), in both languages."""
    if target is None:
        what = msg("fill.reference")
    else:
        what = _what(target)
        if unit:
            name = plan.units[unit].name if unit in plan.units else unit
            what = msg("fill.unit", unit=name, what=what)
        if year is not None and year == plan.baseline_year and target.kind in _BASELINE_KINDS:
            what = msg("fill.baseline", what=what)
        since = target.since if target.since is not None else plan.period_start
        if year is not None and target.kind == "cumulative" and year < since:
            what = msg("fill.before-since", since=since)
    # Plan text (a unit's name, a measure) goes into the cell: one line, no formula, no control.
    return Text(_cell(what.en), _cell(what.zh))


def _what(target: Target) -> Text:
    kind, mode = target.kind, target.actuals
    if kind == "cagr":
        return msg("fill.cagr-rate") if mode == "rate" else msg("fill.cagr")
    if kind == "cumulative":
        return msg("fill.running-total") if mode == "running_total" else msg("fill.cumulative")
    if kind == "growth":
        return msg("fill.growth-rate") if mode == "rate" else msg("fill.growth")
    if kind == "milestone":
        return msg("fill.milestone")
    if kind == "rank":
        return msg("fill.rank")
    if kind == "category":
        return msg("fill.category", grades="/".join(target.categories))
    return msg("fill.value", measure=target.unit or "")
