"""``policycheck template``: a CSV for statisticians to fill in (docs/actuals.md#template).

One row per target (and per scope unit) and year, with the target's name and
unit of measure as a reminder and an empty value cell.  The header uses the
canonical English column names (``--lang en``) or the Chinese aliases of
docs/actuals.md#columns (``--lang zh``), so the filled-in file reads back unchanged.  The text
has no byte-order mark; the command writes files as UTF-8 with BOM so that
Excel opens the Chinese correctly.  Users open this file in Excel, so the
name and measure cells (plan text) are neutralised like the CSV report's:
a name starting with ``=``, ``+``, ``-``, ``@``, tab or CR gets a leading
``'``, and no line break, control or bidi character is written
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
from policycheck.model import Plan
from policycheck.textsafe import one_line, spreadsheet_text

#: Header labels; every Chinese label is an alias in policycheck.actuals.header.ALIASES.
HEADERS: dict[str, dict[str, str]] = {
    "en": {"plan": "plan", "target": "target", "name": "name", "measure": "measure", "unit": "unit",
           "year": "year", "value": "value", "status": "status"},
    "zh": {"plan": "规划", "target": "指标", "name": "指标名称", "measure": "计量单位", "unit": "单位名称",
           "year": "年份", "value": "数值", "status": "状态"},
}
_KEY_COLUMNS = ("plan", "target", "name", "measure", "unit")
_YEARS = re.compile(r"(\d{4})(?:\s*[-–—~～至]\s*(\d{4}))?")

#: (plan id, target id, name, measure, unit id or "") of one template row group.
RowKey = tuple[str, str, str, str, str]


def parse_years(text: str) -> tuple[int, int]:
    """``"2018-2020"`` -> (2018, 2020); a single year ``"2020"`` is (2020, 2020)."""
    match = _YEARS.fullmatch(normalize(text))
    if match is None:
        raise PolicycheckError(f"--years: expected FIRST-LAST such as 2018-2020, got {text!r}")
    first = int(match.group(1))
    last = int(match.group(2) or first)
    if not (YEAR_MIN <= first <= last <= YEAR_MAX):
        raise PolicycheckError(
            f"--years: {text!r} must be two years between {YEAR_MIN} and {YEAR_MAX}, the first not after the last")
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
        writer.writerow([labels[c] for c in (*_KEY_COLUMNS, "year", "value", "status")])
        for plan in plans:
            first, last = years or (plan.baseline_year, plan.period_end)
            for key in row_keys(plan):
                writer.writerows([*key, year, "", ""] for year in range(first, last + 1))
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
    writer.writerow([labels[c] for c in _KEY_COLUMNS] + year_labels + [labels["status"]])
    blanks = [""] * (len(year_labels) + 1)
    for plan in plans:
        writer.writerows([*key, *blanks] for key in row_keys(plan))


def row_keys(plan: Plan) -> Iterator[RowKey]:
    """Targets in plan order (a plan-wide row, then one per scope unit), then references."""
    for target in plan.targets:
        name, measure = _cell(target.name), _cell(target.unit or "")
        yield plan.id, target.id, name, measure, ""
        for unit in plan.scope_units(target):
            yield plan.id, target.id, name, measure, unit
    for ref in plan.references.values():
        yield plan.id, ref.id, _cell(ref.name), _cell(ref.unit or ""), ""


def _cell(text: str) -> str:
    """Plan text for a cell people open in Excel: one line, no formula."""
    return spreadsheet_text(one_line(text))
