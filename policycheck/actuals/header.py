"""The header row of an actuals CSV: column aliases and long/wide detection.

Header names are matched case-insensitively after NFKC normalisation and
trimming, with the Chinese and English aliases of docs/actuals.md#columns.  A file is *wide*
when it has no ``value`` column and some headers are years (``2023`` or
``2023年``) or periods of a year (``2025年1-9月``, docs/actuals.md#periods); each
such column holds the values of that year or period.
"""
from __future__ import annotations

from dataclasses import field

from policycheck.actuals.cells import normalize
from policycheck.findings import ERROR, WARNING, Finding, excerpt
from policycheck.messages import msg
from policycheck.periods import Label, PeriodError, parse_label
from policycheck.records import record

#: canonical column -> accepted header names (canonical name first).
ALIASES: dict[str, tuple[str, ...]] = {
    "plan": ("plan", "规划", "方案"),
    "target": ("target", "指标", "指标代码", "indicator", "id"),
    "name": ("name", "指标名称", "名称"),
    "measure": ("measure", "计量单位", "单位"),
    "unit": ("unit", "责任单位", "地区", "区域", "单位名称", "region"),
    "year": ("year", "年份", "年度"),
    "period": ("period", "期别", "时期", "报告期", "统计期", "期间"),
    "basis": ("basis", "口径", "数据口径"),
    "value": ("value", "数值", "值", "实际值", "actual"),
    "status": ("status", "状态", "数据状态"),
    "source": ("source", "来源"),
    "note": ("note", "备注"),
    "hint": ("hint", "填写说明"),
}
HEADER_NAMES: dict[str, str] = {
    alias.lower(): canonical for canonical, names in ALIASES.items() for alias in names
}
LONG_REQUIRED: tuple[str, ...] = ("target", "year", "value")
WIDE_REQUIRED: tuple[str, ...] = ("target",)


@record
class Layout:
    """Where each known column is (0-based) and which columns are years."""

    index: dict[str, int] = field(default_factory=dict)
    years: list[tuple[int, int]] = field(default_factory=list)  # (column index, year)
    #: in-year headers: (column index, label, header text); the row's basis may complete the label
    periods: list[tuple[int, Label, str]] = field(default_factory=list)
    width: int = 0
    findings: list[Finding] = field(default_factory=list)

    @property
    def wide(self) -> bool:
        return bool(self.years or self.periods)

    @property
    def usable(self) -> bool:
        return not any(f.is_error for f in self.findings)

    def col(self, name: str) -> int:
        """The 0-based index of a column, or -1 when the file lacks it."""
        return self.index.get(name, -1)


def read_header(header: list[str], path: str, line: int = 1) -> Layout:
    """Map the header cells to columns; findings for unknown and missing ones."""
    layout = Layout(width=len(header))
    year_cells: list[tuple[int, Label, str]] = []
    for i, raw in enumerate(header):
        text = normalize(raw.lstrip("\ufeff"))
        canonical = HEADER_NAMES.get(text.lower())
        if canonical is not None:
            _place(layout, canonical, i, raw, path, line)
        elif text:
            time = _label_or_none(text)
            if time is None:
                layout.findings.append(Finding.of(
                    "PC407", WARNING, path, line, i + 1,
                    msg("PC407.unknown-column", name=excerpt(raw), known=", ".join(ALIASES))))
            else:
                year_cells.append((i, time, raw))
        elif any(cell.strip() for cell in header[i + 1:]):
            layout.findings.append(Finding.of("PC407", WARNING, path, line, i + 1, msg("PC407.empty-header")))
    _place_years(layout, year_cells, path, line)
    _check_required(layout, path, line)
    return layout


def _label_or_none(text: str) -> Label | None:
    """A year (2023, 2023年) or a period of one (2025年1-9月, 2025Q3) as a header, else None."""
    try:
        return parse_label(text)
    except PeriodError:
        return None


def _place(layout: Layout, canonical: str, i: int, raw: str, path: str, line: int) -> None:
    first = layout.index.get(canonical)
    if first is None:
        layout.index[canonical] = i
        return
    layout.findings.append(Finding.of(
        "PC407", WARNING, path, line, i + 1,
        msg("PC407.second-column", name=excerpt(raw), first=first + 1, canonical=canonical)))


def _place_years(layout: Layout, cells: list[tuple[int, Label, str]], path: str, line: int) -> None:
    """Year and period headers make the file wide, unless it has a ``value`` column."""
    seen: dict[object, int] = {}
    for i, time, raw in cells:
        whole = time.fixed and time.first == 1 and time.last == 12
        key: object = time.year if whole else (time.year, time.first, time.last, time.fixed, time.basis)
        if "value" in layout.index or "year" in layout.index or "period" in layout.index:
            why = msg("PC407.year-in-long", name=excerpt(raw))
        elif key in seen:
            why = (msg("PC407.year-twice", name=excerpt(raw), year=time.year, first=seen[key] + 1) if whole
                   else msg("PC407.period-twice", name=excerpt(raw), first=seen[key] + 1))
        else:
            seen[key] = i
            if whole:
                layout.years.append((i, time.year))  # type: ignore[arg-type]
            else:
                layout.periods.append((i, time, raw))
            continue
        layout.findings.append(Finding.of("PC407", WARNING, path, line, i + 1, why))


def _check_required(layout: Layout, path: str, line: int) -> None:
    if "target" not in layout.index and "name" in layout.index:
        # A sheet with only 指标名称: the names pick the targets (docs/actuals.md#resolving-plan-target-and-unit).
        layout.index["target"] = layout.index["name"]
    required = WIDE_REQUIRED if layout.wide else LONG_REQUIRED
    # A period column holds the year as well (2025年1-9月): it stands in for the year column.
    missing = [name for name in required if name not in layout.index
               and not (name == "year" and "period" in layout.index)]
    if not missing:
        return
    names = ", ".join(f"{name!r} [{', '.join(ALIASES[name][1:])}]" for name in missing)
    layout.findings.append(Finding.of("PC401", ERROR, path, line, 0, msg("PC401.missing", names=names)))


def recognised_columns(header: list[str]) -> int:
    """How many cells of a row are known column names, years or periods: 0 for a sheet's title row."""
    count = 0
    for raw in header:
        text = normalize(raw.lstrip("\ufeff"))
        if text and (text.lower() in HEADER_NAMES or _label_or_none(text) is not None):
            count += 1
    return count
