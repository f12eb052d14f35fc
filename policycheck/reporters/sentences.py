"""The opening summary of a 通报 in sentences, built from the counts of one plan.

The same sentences open the HTML report and the Word document, in the words
statisticians write (docs/reports.md#summary-sentences):

1. the counts: 共30项指标，已完成9项，符合序时进度6项，滞后11项, with 提前完成
   for targets met before their target year, and no-data / pending counts;
2. what "behind" is made of: 未达成, 不进反退, 明显滞后于序时进度, 略有滞后于序时进度,
   how many are 约束性 or 预期性 where the plan gives the 属性, and how many
   are aspirational (力争);
3. past the middle of the plan period and before its end, 时间过半、任务过半:
   whether at least half of the targets that can be judged (not no_data, not
   pending) are met or on track;
   (the first sentence also says how many statuses rest on a verdict the source
   stated, 据报, and how many actuals were given as approximate, 约);
4. with ``--compare`` or ``--years``: the trends against the year before;
5. with explanations: how many failing targets have a cause and next steps.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from policycheck.model import SHORTFALL_STATUSES
from policycheck.reporters.common import one_line, results_by_plan

if TYPE_CHECKING:
    from policycheck.model import PlanInfo, Report, Result

#: Kinds whose "met" is the final requirement reached (提前完成 when before its year).
_FINAL_KINDS = frozenset({"level", "rank", "cumulative", "milestone", "category"})
#: Stated verdicts that say the target was reached before its year.
_STATED_EARLY = frozenset({"提前完成", "提前全面完成"})
_BEHIND_ORDER = ("missed", "regressing", "off_track", "at_risk")
_ZH_BEHIND = {"missed": "未达成", "regressing": "不进反退", "off_track": "明显滞后于序时进度",
              "at_risk": "略有滞后于序时进度"}
_EN_BEHIND = {"missed": "missed", "regressing": "regressing", "off_track": "well behind schedule",
              "at_risk": "slightly behind"}
_ZH_TREND = {"new_shortfall": "新增滞后", "persistent_shortfall": "持续滞后", "improved": "转好",
             "newly_met": "新达成", "unchanged": "保持"}
_EN_TREND = {"new_shortfall": "newly behind", "persistent_shortfall": "still behind", "improved": "improved",
             "newly_met": "newly met", "unchanged": "unchanged"}
#: The order trends are counted in (every TrendLabel): news first.
_TREND_ORDER = ("new_shortfall", "persistent_shortfall", "improved", "newly_met", "unchanged")


def report_sentences(report: Report, lang: str) -> list[tuple[PlanInfo, list[str]]]:
    """Each plan of the report with its summary sentences."""
    return [(info, plan_sentences(info, results, lang)) for info, results in results_by_plan(report)]


def plan_sentences(info: PlanInfo, results: Sequence[Result], lang: str) -> list[str]:
    """The summary of one plan's results, in ``lang`` (``zh`` or ``en``)."""
    counts: dict[str, int] = {}
    for result in results:
        counts[result.status] = counts.get(result.status, 0) + 1
    zh = lang == "zh"
    sentences = [_counts(info, results, counts, zh)]
    behind = [r for r in results if r.status in SHORTFALL_STATUSES]
    if behind:
        sentences.append(_behind(behind, counts, zh))
    midterm = _midterm(info, results, counts, zh)
    if midterm:
        sentences.append(midterm)
    trends = _trends(results, zh)
    if trends:
        sentences.append(trends)
    explained = _explained(results, zh)
    if explained:
        sentences.append(explained)
    # The plan's title is text from the plan file: one printable line, as every cell (docs/security.md).
    return [one_line(sentence) for sentence in sentences]


def _counts(info: PlanInfo, results: Sequence[Result], counts: dict[str, int], zh: bool) -> str:
    met = counts.get("met", 0)
    early = sum(1 for r in results if _early(r))
    behind = sum(counts.get(s, 0) for s in SHORTFALL_STATUSES)
    no_data, pending = counts.get("no_data", 0), counts.get("pending", 0)
    if zh:
        when = f"{info.year}年，" if info.year is not None else ""
        early_text = f"（其中提前完成{early}项）" if early else ""
        text = (f"{when}《{info.title}》共{len(results)}项指标，已完成{met}项{early_text}，"
                f"符合序时进度{counts.get('on_track', 0)}项，滞后{behind}项")
        text += f"，缺少数据{no_data}项" if no_data else ""
        text += f"，未到期{pending}项" if pending else ""
        return text + _marks(results, zh) + "。"
    when = f"In {info.year}, of" if info.year is not None else "Of"
    early_text = f" ({early} ahead of time)" if early else ""
    parts = [f"{met} met{early_text}", f"{counts.get('on_track', 0)} on track", f"{behind} behind schedule"]
    parts += [f"{no_data} without data"] * bool(no_data) + [f"{pending} not yet due"] * bool(pending)
    return f"{when} the {len(results)} targets of {info.title}: {', '.join(parts)}{_marks(results, zh)}."


def _marks(results: Sequence[Result], zh: bool) -> str:
    """How many statuses rest on a verdict the source stated (据报) and how many actuals
    were given as approximate (约), as the tables mark them; nothing when none."""
    stated = sum(1 for r in results if r.stated is not None)
    approximate = sum(1 for r in results if r.approximate)
    if zh:
        parts = [f"{stated}项按报送的完成情况认定（据报）"] * bool(stated)
        parts += [f"{approximate}项实际值为约数"] * bool(approximate)
        return "；其中" + "，".join(parts) if parts else ""
    parts = [f"{stated} as the source stated (stated)"] * bool(stated)
    parts += [f"{approximate} with an approximate actual"] * bool(approximate)
    return "; " + ", ".join(parts) if parts else ""


def _early(result: Result) -> bool:
    """提前完成: a final requirement reached before its year.  An annual, growth or
    cagr target that is met has met this year's requirement (or pace), not the whole."""
    if result.stated is not None:
        return result.status == "met" and result.stated in _STATED_EARLY
    return (result.status == "met" and result.kind in _FINAL_KINDS and result.target_year is not None
            and result.target_year > result.year)


def _behind(behind: Sequence[Result], counts: dict[str, int], zh: bool) -> str:
    names = _ZH_BEHIND if zh else _EN_BEHIND
    kinds = [(names[s], counts[s]) for s in _BEHIND_ORDER if counts.get(s)]
    # 属性 (约束性/预期性) where the plan gives it; 力争 (aspirational) as the tables mark it.
    binding = sum(1 for r in behind if r.attribute == "binding")
    expected = sum(1 for r in behind if r.attribute == "expected")
    aspirational = sum(1 for r in behind if r.commitment == "aspirational")
    counted = [(binding, "约束性指标", "binding"), (expected, "预期性指标", "expected"),
               (aspirational, "力争目标", "aspirational (力争)")]
    if zh:
        text = f"滞后的{len(behind)}项中，" + "，".join(f"{name}{n}项" for name, n in kinds)
        extra = [f"{word}{n}项" for n, word, _ in counted if n]
        return text + ("；其中" + "，".join(extra) if extra else "") + "。"
    text = f"Of the {len(behind)} behind: " + ", ".join(f"{n} {name}" for name, n in kinds)
    extra = [f"{n} {word}" for n, _, word in counted if n]
    return text + ("; " + ", ".join(extra) if extra else "") + "."


def time_progress(info: PlanInfo) -> float | None:
    """The share of the plan period elapsed at the assessment year (baseline year = 0)."""
    if info.year is None or info.period[1] <= info.baseline_year:
        return None
    return (info.year - info.baseline_year) / (info.period[1] - info.baseline_year)


def _midterm(info: PlanInfo, results: Sequence[Result], counts: dict[str, int], zh: bool) -> str:
    """时间过半、任务过半, from the middle of the period until its last year."""
    elapsed = time_progress(info)
    judged = len(results) - counts.get("no_data", 0) - counts.get("pending", 0)
    if elapsed is None or not 0.5 <= elapsed < 1 or judged <= 0:
        return ""
    good = counts.get("met", 0) + counts.get("on_track", 0)
    share = good / judged
    done = share >= 0.5
    if zh:
        verdict = "实现了“时间过半、任务过半”" if done else "尚未实现“时间过半、任务过半”"
        return (f"规划实施时间已过半（时间进度{_percent(elapsed)}），可评估的{judged}项指标中"
                f"已完成或符合序时进度{good}项，占{_percent(share)}，{verdict}。")
    verdict = ("half the time, half the work (时间过半、任务过半)" if done
               else "half the time has passed, but not half the work")
    return (f"Past the middle of the plan period (time elapsed {_percent(elapsed)}), {good} of the {judged} "
            f"targets that can be judged ({_percent(share)}) are met or on track: {verdict}.")


def _trends(results: Sequence[Result], zh: bool) -> str:
    trends = [r.trend for r in results if r.trend is not None and len(r.trend.years) > 1]
    if not trends:
        return ""
    year = max(t.years[-2].year for t in trends)
    counts = {label: sum(1 for t in trends if t.label == label) for label in _TREND_ORDER}
    names = _ZH_TREND if zh else _EN_TREND
    parts = [(names[label], counts[label]) for label in _TREND_ORDER if counts[label]]
    if not parts:
        return ""
    if zh:
        return f"与{year}年相比，" + "，".join(f"{name}{n}项" for name, n in parts) + "。"
    return f"Compared with {year}: " + ", ".join(f"{n} {name}" for name, n in parts) + "."


def _explained(results: Sequence[Result], zh: bool) -> str:
    """Only when the run has explanations: how many failing targets have a cause and next steps."""
    if not any(r.explanation is not None for r in results):
        return ""
    failing = [r for r in results if r.failing]
    done = sum(1 for r in failing if r.explanation is not None and r.explanation.cause and r.explanation.measures)
    missing = len(failing) - done
    if zh:
        text = f"{len(failing)}项不通过的指标中，已说明原因和下步措施{done}项"
        return text + (f"，尚未说明{missing}项。" if missing else "。")
    text = f"Of the {len(failing)} failing targets, {done} have a cause and next steps"
    return text + (f"; {missing} have none yet." if missing else ".")


def _percent(ratio: float) -> str:
    text = f"{ratio * 100:.1f}".rstrip("0").rstrip(".")
    return f"{text}%"
