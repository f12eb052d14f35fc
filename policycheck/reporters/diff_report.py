"""``policycheck diff`` output: what changed between two reports, as text, Markdown or JSON.

Text and Markdown give four sections, each only when it has rows: status
changes (old and new status with their years, the trend, and 变差/变好 for a
target that got worse or better), changed actuals (old and new value and the
difference), newly superseded rows and new findings; then one summary line
that starts ``policycheck diff:`` so scripts can find it.  JSON keeps machine
values at full precision (docs/reports.md#policycheck-diff).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from policycheck.reporters.bulletin_labels import blabel, trend_text
from policycheck.reporters.common import (
    EMPTY,
    SUPERSEDED_COLUMNS,
    Column,
    data_status_text,
    fmt_gap,
    fmt_number,
    headers,
    one_line,
)
from policycheck.reporters.labels import label, status_label

if TYPE_CHECKING:
    from policycheck.evaluation.diff import ReportDiff, StatusChange
    from policycheck.previous import PastResult

DIFF_FORMATS: tuple[str, ...] = ("text", "markdown", "json")


def render_diff(diff: ReportDiff, fmt: str, lang: str = "zh") -> str:
    if fmt == "json":
        return _json(diff)
    sections = _sections(diff, lang)
    if fmt == "markdown":
        return _markdown(diff, sections, lang)
    return _text(diff, sections, lang)


def summary_line(diff: ReportDiff, lang: str) -> str:
    """``policycheck diff: 状态变化 5 项（变差 2，变好 1）；…``: the last line of text output."""
    changes, actuals = len(diff.status_changes), len(diff.actual_changes)
    if lang == "zh":
        return (f"policycheck diff: 状态变化 {changes} 项（变差 {diff.worse}，变好 {diff.better}）；"
                f"实际值变化 {actuals} 项；新增被替代的数据 {len(diff.superseded)} 行；"
                f"新增提示 {len(diff.findings)} 条")
    return (f"policycheck diff: {changes} status changes ({diff.worse} worse, {diff.better} better); "
            f"{actuals} changed actuals; {len(diff.superseded)} newly superseded rows; "
            f"{len(diff.findings)} new findings")


def _label(plan: str, target: str, unit: str | None, several: bool) -> str:
    text = f"{target} [{unit}]" if unit else target
    return f"{plan}/{text}" if several else text


def _status_cell(result: PastResult | None, lang: str) -> str:
    return EMPTY if result is None else f"{result.year} {status_label(result.status, lang)}"


def _mark(change: StatusChange, lang: str) -> str:
    if change.worse:
        return blabel("worse", lang)
    return blabel("better", lang) if change.better else ""


def _value_cell(result: PastResult, lang: str) -> str:
    return f"{result.year}: {fmt_number(result.actual, lang)}"


Section = tuple[str, list[str], list[list[str]], frozenset[int]]


def _sections(diff: ReportDiff, lang: str) -> list[Section]:
    """(title, headers, rows, numeric columns) of each section that has rows."""
    several = len(set(diff.old_years) | set(diff.new_years)) > 1
    sections: list[Section] = []
    if diff.status_changes:
        names = [label("target", lang), label("name", lang), blabel("old", lang), blabel("new", lang),
                 blabel("trend", lang), blabel("change", lang)]
        rows = [[_label(c.plan, c.target, c.unit, several), one_line(c.name), _status_cell(c.old, lang),
                 _status_cell(c.new, lang), trend_text(c.trend, lang) if c.old and c.new else EMPTY, _mark(c, lang)]
                for c in diff.status_changes]
        sections.append((blabel("status_changes", lang), names, rows, frozenset()))
    if diff.actual_changes:
        names = [label("target", lang), label("name", lang), blabel("old", lang), blabel("new", lang),
                 blabel("change", lang)]
        rows = [[_label(c.plan, c.target, c.unit, several), one_line(c.name), _value_cell(c.old, lang),
                 _value_cell(c.new, lang), fmt_gap(c.difference)] for c in diff.actual_changes]
        sections.append((blabel("actual_changes", lang), names, rows, frozenset({2, 3, 4})))
    if diff.superseded:
        rows = [[f"{r.file}:{r.line}", _label(r.plan, r.target, None, several), r.unit or EMPTY, str(r.year),
                 data_status_text(r.status, lang), fmt_number(r.value, lang), data_status_text(r.replaced_by, lang)]
                for r in diff.superseded]
        sections.append((blabel("new_superseded", lang), headers(SUPERSEDED_COLUMNS, lang), rows, frozenset({3, 5})))
    if diff.findings:
        rows = [[f.location_text(), f.level, f.rule, one_line(f.message)] for f in diff.findings]
        sections.append((blabel("new_findings", lang), ["file:line:column", "level", "rule", "message"], rows,
                         frozenset()))
    return sections


def _heading(diff: ReportDiff, lang: str) -> str:
    def years(mapping: Any) -> str:
        known = sorted({str(y) for y in mapping.values() if y is not None})
        return "/".join(known) or EMPTY

    return f"{diff.old_file} ({years(diff.old_years)}) → {diff.new_file} ({years(diff.new_years)})"


def _text(diff: ReportDiff, sections: list[Section], lang: str) -> str:
    from tabulate import tabulate

    blocks = [f"{blabel('diff_title', lang)}: {_heading(diff, lang)}"]
    for title, names, rows, numeric in sections:
        align = ["right" if i in numeric else "left" for i in range(len(names))]
        table = tabulate(rows, headers=names, tablefmt="simple", colalign=align, disable_numparse=True)
        blocks.append(f"{title}\n\n{table}")
    if not sections:
        blocks.append(blabel("no_changes", lang))
    blocks.append(summary_line(diff, lang))
    return "\n\n".join(blocks) + "\n"


def _markdown(diff: ReportDiff, sections: list[Section], lang: str) -> str:
    from policycheck.reporters.markdown import escape, table

    blocks = [f"# policycheck diff\n\n{escape(_heading(diff, lang))}\n\n{escape(summary_line(diff, lang))}"]
    for title, names, rows, numeric in sections:
        columns = [Column("diff", numeric=i in numeric, fixed=header) for i, header in enumerate(names)]
        blocks.append(f"## {escape(title)}\n\n{table(columns, rows, lang)}")
    if not sections:
        blocks.append(escape(blabel("no_changes", lang)))
    return "\n\n".join(blocks) + "\n"


def _json(diff: ReportDiff) -> str:
    from policycheck.reporters.json_report import dumps

    def result(item: PastResult | None) -> dict[str, Any] | None:
        if item is None:
            return None
        return {"year": item.year, "status": item.status, "actual": item.actual, "failing": item.failing}

    data = {
        "old": {"file": diff.old_file, "years": dict(diff.old_years)},
        "new": {"file": diff.new_file, "years": dict(diff.new_years)},
        "status_changes": [{"plan": c.plan, "target": c.target, "unit": c.unit, "name": c.name,
                            "old": result(c.old), "new": result(c.new), "trend": c.trend,
                            "worse": c.worse, "better": c.better} for c in diff.status_changes],
        "actual_changes": [{"plan": c.plan, "target": c.target, "unit": c.unit, "name": c.name,
                            "old": result(c.old), "new": result(c.new), "difference": c.difference}
                           for c in diff.actual_changes],
        "superseded": [{"file": r.file, "line": r.line, "plan": r.plan, "target": r.target, "unit": r.unit,
                        "year": r.year, "status": r.status, "value": r.value, "replaced_by": r.replaced_by}
                       for r in diff.superseded],
        "findings": [f.to_dict() for f in diff.findings],
        "summary": {"status_changes": len(diff.status_changes), "worse": diff.worse, "better": diff.better,
                    "actual_changes": len(diff.actual_changes), "superseded": len(diff.superseded),
                    "findings": len(diff.findings)},
    }
    return dumps(data)
