"""The columns of an explanations file and the header names accepted for each.

Header cells are matched like those of an actuals CSV: NFKC-normalised,
trimmed, case-insensitive.  ``unit`` has the aliases of the actuals ``unit``
column but not the bare ``单位``, which an actuals CSV reads as the unit of
measure.  The informational columns that ``template --notes`` writes (name,
status, actual, expected, gap) are recognised and ignored, so a filled-in
template reads back without a warning.
"""
from __future__ import annotations

from collections.abc import Mapping

from policycheck.actuals.cells import normalize

#: canonical column -> accepted header names (canonical name first).
NOTE_ALIASES: Mapping[str, tuple[str, ...]] = {
    "plan": ("plan", "规划", "方案"),
    "target": ("target", "指标", "指标代码", "indicator", "id"),
    "unit": ("unit", "责任单位", "单位名称", "地区", "区域", "region"),
    "year": ("year", "年份", "年度"),
    "cause": ("cause", "reason", "原因", "原因分析", "滞后原因"),
    "measures": ("measures", "next steps", "next_steps", "措施", "下步措施", "整改措施", "工作措施"),
    "person": ("person", "contact", "责任人", "联系人"),
    "source": ("source", "来源", "资料来源"),
}
#: Columns ``template --notes`` writes for whoever fills the file in; read and ignored.
INFO_ALIASES: tuple[str, ...] = (
    "name", "指标名称", "名称", "status", "状态", "actual", "实际值", "expected", "序时目标值",
    "gap", "差距", "measure", "计量单位", "note", "备注",
)
#: A header with one of these is an explanations file, not actuals.
MARKERS: frozenset[str] = frozenset({"cause", "measures"})
REQUIRED: tuple[str, ...] = ("target", "year")

_BY_NAME: dict[str, str] = {alias.lower(): canonical for canonical, names in NOTE_ALIASES.items()
                            for alias in names}
_INFO: frozenset[str] = frozenset(alias.lower() for alias in INFO_ALIASES)


def canonical(header: str) -> str | None:
    """The canonical column of a header cell; ``""`` for an informational column, None if unknown."""
    text = normalize(header.lstrip("\ufeff")).lower()
    found = _BY_NAME.get(text)
    if found is not None:
        return found
    return "" if text in _INFO else None


def is_notes_header(cells: list[str]) -> bool:
    """Whether a header row is that of an explanations file (it has a cause or measures column)."""
    return any(canonical(cell) in MARKERS for cell in cells)
