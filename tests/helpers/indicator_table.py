"""The indicator-table fixture plan and the cells a bureau sends for it, shared by the
acceptance test of every format and the Word document's test (docs/plan-format.md#wording)."""
from __future__ import annotations

from tests.helpers.paths import FIXTURES

#: a 主要指标 table with every new form: approx, direction, change, rank, grade, attribute
INDICATOR_TABLE_PLAN = str(FIXTURES / "plan_cases" / "positive" / "indicator-table" / "plan.yaml")
#: one kind of cell per target: 约6.2, a base-year figure, a rank, a grade, a stated 提前完成
INDICATOR_TABLE_CSV = """target,year,value,source
gdp-growth,2025,约6.2,统计公报
cpi,2025,3.2,统计公报
energy-intensity,2020,0.5,统计年鉴
energy-intensity,2025,0.44,统计年鉴
urbanisation,2020,60,统计年鉴
urbanisation,2025,65.1,统计年鉴
innovation-rank,2020,8,评价报告
innovation-rank,2025,5,评价报告
air-grade,2020,三级,生态环境公报
air-grade,2025,一级,生态环境公报
forest-cover,2025,提前完成,政府工作报告
"""
