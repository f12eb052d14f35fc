"""Labels of the year-end 通报 features: explanations, trends, diff and the Word document.

Kept apart from :mod:`policycheck.reporters.labels` so that these words (the
wording statisticians use in a 通报) live in one place.  Machine values (the
trend codes of :data:`policycheck.model.TrendLabel`) are never translated;
these are only the words people read.
"""
from __future__ import annotations

from collections.abc import Mapping

TREND_TEXT: Mapping[str, Mapping[str, str]] = {
    "zh": {
        "new_shortfall": "新增滞后",
        "persistent_shortfall": "持续滞后",
        "improved": "转好",
        "unchanged": "保持",
        "newly_met": "新达成",
    },
    "en": {
        "new_shortfall": "newly behind",
        "persistent_shortfall": "still behind",
        "improved": "improved",
        "unchanged": "unchanged",
        "newly_met": "newly met",
    },
}

BULLETIN_LABELS: Mapping[str, Mapping[str, str]] = {
    "zh": {
        "explanations": "原因与措施",
        "cause": "原因",
        "measures": "措施",
        "person": "责任人",
        "source": "来源",
        "no_explanation": "尚无说明",
        "trend": "趋势",
        "trend_years": "各年状态",
        "attribute": "属性",
        "note_source": "说明来源",
        "year_status": "{year}年",
        "previous": "上次",
        # policycheck diff
        "diff_title": "两次核查的变化",
        "status_changes": "状态变化",
        "actual_changes": "实际值变化",
        "new_superseded": "新增被替代的数据",
        "new_findings": "新增提示",
        "no_changes": "没有变化",
        "worse": "变差",
        "better": "变好",
        "change": "变化",
        "old": "原",
        "new": "新",
        # the Word document
        "bulletin_title": "{year}年度目标任务完成情况通报",
        "bulletin_title_plain": "规划目标任务完成情况通报",
        "overview": "总体情况",
        "indicator_table": "指标完成情况",
        "behind_section": "滞后指标情况",
        "units_section": "各责任单位情况",
        "superseded_section": "数据修订情况",
        "sources_section": "数据来源",
        "number": "序号",
        "requirement": "要求",
        "actual": "实际",
        "expected": "序时目标",
        "gap": "差距",
        "progress_ratio": "完成序时进度",
        "status": "状态",
        "cause_long": "原因分析",
        "measures_long": "下步措施",
        "not_submitted": "尚未报送",
        "responsible_units": "责任单位",
        "lead_mark": "牵头",
        "support_mark": "配合",
        "explanation_state": "说明",
        "explained": "已说明",
        "unexplained": "未说明",
        "plan_file": "规划文件",
        "figures_from": "统计数据",
        "explanations_from": "原因及措施",
        "targets_count": "{n}项指标",
        "no_behind": "没有需要说明的滞后指标。",
        "no_unit_shortfalls": "各责任单位均无短板。",
        "compared_with": "与{year}年相比",
        "generated_by": "由 {tool} 生成",
        "period_line": "规划期 {period} · 评估年度 {year} · 评估方法 {method}",
        "unit_line": "牵头{led}项，配合{supported}项，短板{shortfalls}项。",
        "every_year": "每年",
        "by_year": "（{year}年）",
        "done_by": "{year}年完成",
        "done": "完成",
        "average_rate": "年均增速",
        "growth_rate": "增速",
        "method_linear": "序时进度（直线）",
        "method_cagr": "年均增速",
    },
    "en": {
        "explanations": "Causes and next steps",
        "cause": "Cause",
        "measures": "Next steps",
        "person": "Contact",
        "source": "Source",
        "no_explanation": "no explanation yet",
        "trend": "Trend",
        "trend_years": "Status by year",
        "attribute": "Attribute",
        "note_source": "Explanation source",
        "year_status": "{year}",
        "previous": "previous",
        "diff_title": "Changes between two checks",
        "status_changes": "Status changes",
        "actual_changes": "Changed actuals",
        "new_superseded": "Newly superseded rows",
        "new_findings": "New findings",
        "no_changes": "No changes",
        "worse": "worse",
        "better": "better",
        "change": "Change",
        "old": "Old",
        "new": "New",
        "bulletin_title": "Progress report {year}",
        "bulletin_title_plain": "Progress report",
        "overview": "Overview",
        "indicator_table": "Targets",
        "behind_section": "Targets behind schedule",
        "units_section": "Responsible units",
        "superseded_section": "Revised figures",
        "sources_section": "Data sources",
        "number": "No.",
        "requirement": "Requirement",
        "actual": "Actual",
        "expected": "Expected",
        "gap": "Gap",
        "progress_ratio": "Progress vs schedule",
        "status": "Status",
        "cause_long": "Cause",
        "measures_long": "Next steps",
        "not_submitted": "not submitted yet",
        "responsible_units": "Responsible units",
        "lead_mark": "lead",
        "support_mark": "support",
        "explanation_state": "Explanation",
        "explained": "explained",
        "unexplained": "not explained",
        "plan_file": "Plan file",
        "figures_from": "Figures",
        "explanations_from": "Causes and next steps",
        "targets_count": "{n} targets",
        "no_behind": "No target needs an explanation.",
        "no_unit_shortfalls": "No responsible unit has a shortfall.",
        "compared_with": "Compared with {year}",
        "generated_by": "Generated by {tool}",
        "period_line": "Plan period {period} · assessment year {year} · method {method}",
        "unit_line": "Leads {led}, supports {supported}; {shortfalls} shortfalls.",
        "every_year": "every year ",
        "by_year": " (by {year})",
        "done_by": "done by {year}",
        "done": "done",
        "average_rate": "average growth ",
        "growth_rate": "growth ",
        "method_linear": "linear schedule",
        "method_cagr": "average growth rate",
    },
}


def trend_text(label: str | None, lang: str) -> str:
    """The trend label in ``lang``; ``—`` when there is nothing to compare."""
    if label is None:
        return "—"
    return TREND_TEXT.get(lang, TREND_TEXT["en"]).get(label, label)


def blabel(key: str, lang: str, **values: object) -> str:
    """A 通报 label in ``lang``, with ``{name}`` fields filled from ``values``."""
    text = BULLETIN_LABELS.get(lang, BULLETIN_LABELS["en"]).get(key, key)
    return text.format(**values) if values else text
