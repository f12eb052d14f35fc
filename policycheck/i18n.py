"""Human labels in Chinese and English.  Machine values are never translated."""
from __future__ import annotations

from typing import Mapping

LANGS: tuple[str, ...] = ("zh", "en")

STATUS_LABELS: Mapping[str, Mapping[str, str]] = {
    "zh": {
        "met": "已达成",
        "on_track": "符合序时进度",
        "at_risk": "略有滞后",
        "off_track": "明显滞后",
        "regressing": "不进反退",
        "missed": "未达成",
        "no_data": "缺少数据",
        "pending": "未到期",
    },
    "en": {
        "met": "met",
        "on_track": "on track",
        "at_risk": "at risk",
        "off_track": "off track",
        "regressing": "regressing",
        "missed": "missed",
        "no_data": "no data",
        "pending": "pending",
    },
}

LABELS: Mapping[str, Mapping[str, str]] = {
    "zh": {
        "plan": "规划",
        "target": "指标代码",
        "name": "指标名称",
        "unit": "单位",
        "measure": "计量单位",
        "year": "年份",
        "actual": "实际值",
        "expected": "序时目标值",
        "target_value": "目标值",
        "gap": "差距",
        "attainment": "达成率",
        "progress": "完成进度",
        "time_progress": "序时进度",
        "required_annual": "年均需增",
        "status": "状态",
        "lead": "牵头单位",
        "responsible": "责任单位",
        "role": "角色",
        "led": "牵头",
        "supported": "配合",
        "shortfalls": "短板",
        "results": "结果",
        "failing": "不通过",
        "summary": "汇总",
        "units_view": "责任单位短板",
        "role_lead": "牵头",
        "role_support": "配合",
        "role_scope": "承担",
        "findings": "提示",
        "superseded": "被替代的数据",
        "aspirational": "力争",
        "binding": "约束性",
    },
    "en": {
        "plan": "Plan",
        "target": "Target",
        "name": "Name",
        "unit": "Unit",
        "measure": "Measure",
        "year": "Year",
        "actual": "Actual",
        "expected": "Expected",
        "target_value": "Target value",
        "gap": "Gap",
        "attainment": "Attainment",
        "progress": "Progress",
        "time_progress": "Time progress",
        "required_annual": "Required per year",
        "status": "Status",
        "lead": "Lead unit",
        "responsible": "Responsible units",
        "role": "Role",
        "led": "Led",
        "supported": "Supported",
        "shortfalls": "Shortfalls",
        "results": "results",
        "failing": "failing",
        "summary": "Summary",
        "units_view": "Shortfalls by responsible unit",
        "role_lead": "lead",
        "role_support": "support",
        "role_scope": "scope",
        "findings": "Findings",
        "superseded": "Superseded rows",
        "aspirational": "aspirational",
        "binding": "binding",
    },
}


def status_label(status: str, lang: str = "zh") -> str:
    return STATUS_LABELS.get(lang, STATUS_LABELS["en"]).get(status, status)


def label(key: str, lang: str = "zh") -> str:
    return LABELS.get(lang, LABELS["en"]).get(key, key)
