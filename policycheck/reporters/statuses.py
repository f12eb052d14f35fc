"""How each status looks in every human format: one row per status, worst first.

The label in each language (:func:`policycheck.reporters.labels.status_label`),
the terminal colour (table, explain), the Markdown icon and the one-line
meaning that SARIF gives its status rules all come from :data:`STATUS_LOOKS`;
HTML styles ``st-<status>`` in its stylesheet.
"""
from __future__ import annotations

from collections.abc import Mapping

from policycheck.records import record


@record(frozen=True, slots=True)
class StatusLook:
    """One status as people see it (docs/evaluation.md#statuses)."""

    zh: str
    en: str
    #: rich style: the worst in red, then orange, yellow; nothing to judge dim; fine green
    style: str
    icon: str
    #: what the status means, in one English sentence without its full stop
    meaning: str


STATUS_LOOKS: Mapping[str, StatusLook] = {
    "missed": StatusLook("未达成", "missed", "bold red", "🔴",
                         "The target year has passed and the requirement is not met"),
    "regressing": StatusLook("不进反退", "regressing", "bold red", "🔴",
                             "The value moved away from the target since the baseline"),
    "off_track": StatusLook("明显滞后", "off track", "dark_orange", "🟠", "Far behind the schedule of the plan"),
    "at_risk": StatusLook("略有滞后", "at risk", "yellow", "🟡", "Somewhat behind the schedule of the plan"),
    "no_data": StatusLook("缺少数据", "no data", "dim", "⚪", "No actual value for the assessment year"),
    # Not a status of the JSON report: a pending result that cannot be scheduled for want of a
    # baseline value (docs/reports.md#rules-shared-by-all-formats), told apart from "not due".
    "no_baseline": StatusLook("缺少基期", "no baseline", "dim", "⚪",
                              "No baseline value, so the schedule cannot be drawn"),
    "pending": StatusLook("未到期", "pending", "dim", "⚪", "Nothing is due yet"),
    "on_track": StatusLook("符合序时进度", "on track", "green", "🟢", "Keeping to the schedule of the plan"),
    "met": StatusLook("已达成", "met", "green", "🟢", "The requirement is met"),
}


def status_style(status: str) -> str:
    """The rich style of a status ("" for a status this version does not know)."""
    look = STATUS_LOOKS.get(status)
    return look.style if look is not None else ""
