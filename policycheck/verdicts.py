"""Words a source uses to state a verdict instead of giving a number (docs/actuals.md#stated-verdicts).

A government's own report often says 提前全面完成 or 未完成 where a statistician
would want a figure.  Such a word is kept as what it is, a verdict stated by the
source: the CSV reader recognises it (:mod:`policycheck.actuals.cells`) and
evaluation makes the result met or missed as stated
(:mod:`policycheck.evaluation.marks`), never a number.  Shared by both stages.
"""
from __future__ import annotations

import unicodedata

#: The words, after NFKC, of a target met and of a target not met.
STATED_MET: frozenset[str] = frozenset(
    {"完成", "已完成", "提前完成", "超额完成", "全面完成", "提前全面完成", "超额全面完成",
     "达成", "已达成", "达标", "已达标"}
)
STATED_MISSED: frozenset[str] = frozenset({"未完成", "未达成", "未达标", "没有完成"})


def stated_verdict(text: str) -> bool | None:
    """True for a word stating the target met (已完成, 提前完成), False for 未完成, else None."""
    cell = unicodedata.normalize("NFKC", text).strip()
    if cell in STATED_MET:
        return True
    if cell in STATED_MISSED:
        return False
    return None
