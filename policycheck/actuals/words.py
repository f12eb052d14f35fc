"""The words statisticians write in cells, in one table per meaning.

A milestone (节点类) cell says done or not done in many ways: 是/否, 已完成,
已建成, √, 1...  The same words state a verdict wherever a sheet reports one,
so every reader takes them from here rather than keeping its own list.  Words
are compared after NFKC, trimming and lower-casing (:func:`policycheck.actuals.cells.normalize`).
"""
from __future__ import annotations

from collections.abc import Mapping

from policycheck.verdicts import STATED_MET, STATED_MISSED

#: Done / yes, in the order the finding for an unknown word lists them.
YES_WORDS: tuple[str, ...] = (
    "1", "true", "yes", "y", "是", "有",
    "已完成", "完成", "提前完成", "已建成", "建成", "已获批", "获批", "达成", "已达成",
    "√", "✓", "✔",
)
#: Not done / no.
NO_WORDS: tuple[str, ...] = (
    "0", "false", "no", "n", "否", "无",
    "未完成", "未建成", "未获批", "未达成",
    "×", "✗", "✘",
)
#: The pairs a finding names when a cell is neither (the rest are variants of these).
YES_NO_SHOWN = "1/0, true/false, yes/no, 是/否, 有/无, 已完成/未完成, 已建成/未建成, 达成/未达成, √/×"

#: Cells that mean "no data".  NFKC turns ``…`` into ``...`` and full-width ``－`` into ``-``.
MISSING_MARKERS: frozenset[str] = frozenset(
    {"", "-", "--", "—", "——", "/", "na", "n/a", "..", "...", "…", "无数据"}
)

#: Data status words -> the canonical status (docs/actuals.md#data-status-and-duplicates); empty means final.
STATUS_WORDS: Mapping[str, str] = {
    "": "final", "final": "final", "正式": "final", "年报": "final", "正式数": "final",
    "preliminary": "preliminary", "快报": "preliminary", "初步": "preliminary",
    "快报数": "preliminary", "初步核算": "preliminary",
    "estimate": "estimate", "预计": "estimate", "估计": "estimate", "预估": "estimate",
}


def yes_no(word: str) -> bool | None:
    """True for a yes word, False for a no word, None for anything else (``word`` normalised)."""
    if word in _YES:
        return True
    if word in _NO:
        return False
    return None


#: A stated verdict's words (超额完成, 未达标: docs/actuals.md#stated-verdicts) say done or not too.
_YES = frozenset(YES_WORDS) | STATED_MET
_NO = frozenset(NO_WORDS) | STATED_MISSED
