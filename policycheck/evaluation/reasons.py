"""Why a result has its status: one table of reason sentences in English and Chinese.

The evaluation modules never write a reason sentence themselves: they call
:func:`because` with a short code and the numbers that go into the sentence.
The JSON ``reason`` is the English sentence (machine-readable, docs/reports.md#json); the
code and its arguments travel with the result (``reason_code``,
``reason_args``) so human formats can say the same thing in Chinese under
``--lang zh`` (:func:`reason_text`).

Arguments are text, already formatted the way the tables show numbers
(:func:`policycheck.evaluation.context.fmt`: two decimals, a range as ``3—5``),
so both languages quote the same numbers.  Arguments named in :data:`TERMS`
hold a machine word (``linear``, ``level``) that is translated, not quoted; a
``target`` argument is a requirement text (``≥3.2``, ``清零``) whose words the
English sentence gives in English.

Reasons whose code is in :data:`NO_BASELINE` mean "no baseline": the result is
``pending`` in the JSON report, and human formats label it 缺少基期 (no baseline)
rather than 未到期 (not due), since no later year will make it due by itself.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field
from typing import TypedDict

from policycheck.evaluation.requirement import localise_requirement
from policycheck.records import record

#: code -> {"en": template, "zh": template}; both templates use the same fields.
REASONS: Mapping[str, Mapping[str, str]] = {
    # Missing data (level, cumulative, cagr, annual, growth)
    "no_data": {
        "en": "no {what} for {year} and none before",
        "zh": "{year}年缺少{what}，此前也没有数据",
    },
    "no_data_last": {
        "en": "no {what} for {year} (last: {last_value} in {last_year})",
        "zh": "{year}年缺少{what}（最近一次为{last_year}年的{last_value}）",
    },
    "no_data_year": {
        "en": "no {what} for {year}",
        "zh": "{year}年缺少{what}",
    },
    "no_milestones": {
        "en": "the target has no milestones",
        "zh": "该指标没有设定目标值",
    },
    # level, rank, cumulative (docs/evaluation.md#level-rank-cumulative)
    "no_baseline_change": {
        "en": "no base-year value: cannot resolve a change from the base year",
        "zh": "缺少基期值：无法换算相对于基期的变化目标",
    },
    "no_baseline_times": {
        "en": "no baseline: cannot resolve the times_baseline milestone",
        "zh": "缺少基期值：无法换算按基期倍数设定的目标值",
    },
    "total_not_started": {
        "en": "the total is counted from {since}",
        "zh": "累计值自{since}年起计算",
    },
    "total_missing_years": {
        "en": "no yearly actual for {years}: the total since {since} cannot be summed",
        "zh": "{years}年缺少实际值：无法计算{since}年以来的累计值",
    },
    "final_met": {
        "en": "final target {target} ({target_year}) reached: actual {actual}",
        "zh": "已达到{target_year}年最终目标{target}：实际值{actual}",
    },
    "final_met_early": {
        "en": "final target {target} ({target_year}) reached early: actual {actual}",
        "zh": "提前达到{target_year}年最终目标{target}：实际值{actual}",
    },
    "final_missed": {
        "en": "final target {target} ({target_year}) not reached: actual {actual}",
        "zh": "未达到{target_year}年最终目标{target}：实际值{actual}",
    },
    "milestone_met": {
        "en": "milestone {target} for {year} reached: actual {actual}",
        "zh": "已达到{year}年阶段目标{target}：实际值{actual}",
    },
    "milestone_missed": {
        "en": "milestone {target} for {year} not reached: actual {actual}",
        "zh": "未达到{year}年阶段目标{target}：实际值{actual}",
    },
    "no_baseline_progress": {
        "en": "no baseline: cannot measure progress",
        "zh": "缺少基期值：无法衡量进度",
    },
    "before_baseline": {
        "en": "{year} is before the baseline year {baseline_year}",
        "zh": "{year}年早于基期{baseline_year}年",
    },
    "none_due_yet": {
        "en": "no progress required yet; actual {actual} against the baseline {baseline}",
        "zh": "尚无进度要求：实际值{actual}，基期值{baseline}",
    },
    "moving_away_none_due": {
        "en": "moving away from the baseline {baseline} ({baseline_year}) while none is required yet: "
              "actual {actual}",
        "zh": "尚无进度要求，但实际值{actual}已背离{baseline_year}年的基期值{baseline}",
    },
    "regressing": {
        "en": "moving away from the target: actual {actual} against the baseline {baseline}",
        "zh": "背离目标方向：实际值{actual}，基期值{baseline}",
    },
    "on_schedule": {
        "en": "on the {method} schedule: actual {actual}, expected {expected}",
        "zh": "实际值{actual}，序时目标值{expected}（按{method}衡量）",
    },
    "behind_below": {
        "en": "behind the {method} schedule: {difference} below the expected {expected}",
        "zh": "落后于{method}：比序时目标值{expected}低{difference}",
    },
    "beyond_band": {
        "en": "actual {actual} overshot {target}左右 (±{band}): {over} past the nominal value, as far from it "
              "as {counted}",
        "zh": "实际值{actual}已越过{target}左右的范围（±{band}），超出目标值{over}：与目标的距离相当于{counted}",
    },
    "behind_above": {
        "en": "behind the {method} schedule: {difference} above the expected {expected}",
        "zh": "落后于{method}：比序时目标值{expected}高{difference}",
    },
    # annual and growth (docs/evaluation.md#annual-growth)
    "outside_years": {
        "en": "{year} is outside the years {first}-{last} the requirement applies to",
        "zh": "{year}年不在要求适用的{first}—{last}年内",
    },
    "year_met": {
        "en": "{year} requirement {target} met: actual {actual} ({years_met} of {years_due} due years met)",
        "zh": "达到{year}年要求{target}：实际值{actual}（已到期{years_due}年，达标{years_met}年）",
    },
    "year_missed": {
        "en": "{year} requirement {target} not met: actual {actual} ({years_met} of {years_due} due years met)",
        "zh": "未达到{year}年要求{target}：实际值{actual}（已到期{years_due}年，达标{years_met}年）",
    },
    "one_year_met": {
        "en": "the {year} requirement {target} was met: actual {actual} in {year}",
        "zh": "{year}年要求{target}已完成：当年实际值{actual}",
    },
    "one_year_missed": {
        "en": "the {year} requirement {target} was not met: actual {actual} in {year}",
        "zh": "{year}年要求{target}未完成：当年实际值{actual}",
    },
    "one_year_no_data": {
        "en": "no actual for {year}, the only year the requirement {target} applies to",
        "zh": "缺少{year}年的实际值，要求{target}只适用于该年",
    },
    "year_met_gaps": {
        "en": "{year} requirement {target} met: actual {actual} ({years_met} of {years_data} years with data met; "
              "no data for {missing})",
        "zh": "达到{year}年要求{target}：实际值{actual}"
              "（有数据的{years_data}年中达标{years_met}年；{missing}年缺少数据）",
    },
    "year_missed_gaps": {
        "en": "{year} requirement {target} not met: actual {actual} ({years_met} of {years_data} years with data "
              "met; no data for {missing})",
        "zh": "未达到{year}年要求{target}：实际值{actual}"
              "（有数据的{years_data}年中达标{years_met}年；{missing}年缺少数据）",
    },
    "no_reference_value": {
        "en": "no value of the reference {reference} for {year}",
        "zh": "参照指标{reference}缺少{year}年的数值",
    },
    "no_previous_level": {
        "en": "no level for {previous}: the growth in {year} cannot be computed",
        "zh": "{previous}年缺少水平值：无法计算{year}年的增速",
    },
    "previous_not_positive": {
        "en": "the {previous} level {level} is not positive: no growth rate for {year}",
        "zh": "{previous}年的水平值{level}不是正数：无法计算{year}年的增速",
    },
    # cagr (docs/evaluation.md#cagr)
    "no_baseline_growth": {
        "en": "no baseline: cannot compute the average growth",
        "zh": "缺少基期值：无法计算年均增速",
    },
    "not_after_baseline": {
        "en": "{year} is not after the baseline year {baseline_year}",
        "zh": "{year}年不晚于基期{baseline_year}年",
    },
    "baseline_not_positive": {
        "en": "the baseline level {baseline} is not positive: no average growth",
        "zh": "基期水平值{baseline}不是正数：无法计算年均增速",
    },
    "level_negative": {
        "en": "the {year} level {level} is negative: no average growth",
        "zh": "{year}年的水平值{level}为负数：无法计算年均增速",
    },
    "growth": {
        "en": "average growth {rate}% against the required {required}%",
        "zh": "年均增速{rate}%，要求{required}%",
    },
    "growth_missed": {
        "en": "average growth {rate}% against the required {required}% by {target_year}",
        "zh": "到{target_year}年年均增速{rate}%，未达到要求的{required}%",
    },
    "growth_behind": {
        "en": "average growth {rate}% against the required {required}%: behind",
        "zh": "年均增速{rate}%，要求{required}%：进度落后",
    },
    "growth_pace": {
        "en": "average growth {rate}% against the required {required}%: {ratio} of the required pace",
        "zh": "年均增速{rate}%，要求{required}%：为要求速度的{ratio}倍",
    },
    # a verdict stated instead of a number (docs/evaluation.md#stated-verdicts)
    "stated_met": {
        "en": "stated as {word} for {year}: no figure, the source's own verdict",
        "zh": "{year}年据来源表述为“{word}”：没有数值，按来源的判断计",
    },
    "stated_missed": {
        "en": "stated as {word} for {year}: no figure, the source's own verdict",
        "zh": "{year}年据来源表述为“{word}”：没有数值，按来源的判断计",
    },
    "stated_met_source": {
        "en": "stated as {word} for {year} by {source}: no figure, the source's own verdict",
        "zh": "{year}年据{source}表述为“{word}”：没有数值，按来源的判断计",
    },
    "stated_missed_source": {
        "en": "stated as {word} for {year} by {source}: no figure, the source's own verdict",
        "zh": "{year}年据{source}表述为“{word}”：没有数值，按来源的判断计",
    },
    # milestone (docs/evaluation.md#milestone)
    "achieved": {
        "en": "achieved in {year}",
        "zh": "已于{year}年完成",
    },
    "not_achieved_yet": {
        "en": "not achieved yet; due by {target_year}",
        "zh": "尚未完成；应于{target_year}年前完成",
    },
    "not_achieved": {
        "en": "not achieved by {year}; due by {target_year}",
        "zh": "截至{year}年未完成；应于{target_year}年前完成",
    },
    "no_observation": {
        "en": "no observation up to {year}; due by {target_year}",
        "zh": "截至{year}年没有任何数据；应于{target_year}年前完成",
    },
    # any kind: arithmetic beyond the float range (docs/evaluation.md#numbers-out-of-range)
    "out_of_range": {
        "en": "a computed value ({field}) is beyond the range of numbers: check the plan and the actuals "
              "for extreme values",
        "zh": "计算结果（{field}）超出数值范围：请检查规划和实际值中是否有极端数值",
    },
    # in-year (docs/evaluation.md#in-year); {period} and {last_period} are period keys, shown as labels
    "inyear_no_data": {
        "en": "no {what} for {period} and none earlier",
        "zh": "{period}缺少{what}，此前也没有数据",
    },
    "inyear_no_data_last": {
        "en": "no {what} for {period} (last: {last_value} for {last_period})",
        "zh": "{period}缺少{what}（最近一次为{last_period}的{last_value}）",
    },
    "inyear_missing_months": {
        "en": "no figure for month {months} of {year}: the total for {period} cannot be added up",
        "zh": "{year}年{months}月缺少数据：无法累计{period}的数值",
    },
    "inyear_no_previous": {
        "en": "no figure for {previous}: the growth for {period} cannot be computed",
        "zh": "{previous}缺少数据：无法计算{period}的增速",
    },
    "inyear_previous_not_positive": {
        "en": "the figure for {previous} is {level}, not positive: no growth rate for {period}",
        "zh": "{previous}的数值{level}不是正数：无法计算{period}的增速",
    },
    "inyear_whole_year_reached": {
        "en": "the whole year's requirement {target} is reached by {period}: {actual}",
        "zh": "{period}已提前完成全年目标{target}：实际值{actual}",
    },
    "inyear_limit_exceeded": {
        "en": "{actual} by {period} is already beyond the year's limit {target}",
        "zh": "{period}实际值{actual}已超出全年限值{target}",
    },
    "inyear_on_schedule": {
        "en": "on the {schedule} schedule{fallback}: {actual} by {period}, expected {expected}",
        "zh": "{period}实际值{actual}，序时目标值{expected}（按{schedule}衡量{fallback}）",
    },
    "inyear_behind_below": {
        "en": "behind the {schedule} schedule{fallback}: {actual} by {period}, {difference} below the expected "
              "{expected}",
        "zh": "落后于{schedule}{fallback}：{period}实际值{actual}，比序时目标值{expected}低{difference}",
    },
    "inyear_behind_above": {
        "en": "behind the {schedule} schedule{fallback}: {actual} by {period}, {difference} above the expected "
              "{expected}",
        "zh": "落后于{schedule}{fallback}：{period}实际值{actual}，比序时目标值{expected}高{difference}",
    },
    "inyear_requirement_met": {
        "en": "{actual} for {period} meets the year's requirement {target} so far",
        "zh": "{period}实际值{actual}，达到全年要求{target}",
    },
    "inyear_requirement_short": {
        "en": "{actual} for {period} does not meet the year's requirement {target}",
        "zh": "{period}实际值{actual}，未达到全年要求{target}",
    },
    "inyear_growth": {
        "en": "growth {rate}% for {period} against the annual target {required}%",
        "zh": "{period}增长{rate}%，年度目标{required}%",
    },
    "inyear_growth_behind": {
        "en": "growth {rate}% for {period} against the annual target {required}%: behind",
        "zh": "{period}增长{rate}%，低于年度目标{required}%",
    },
    "inyear_achieved": {
        "en": "achieved by {period}",
        "zh": "已于{period}完成",
    },
    # explain: a year after the assessment year
    "not_yet_due": {
        "en": "{year} is after the assessment year {assessment_year}",
        "zh": "{year}年晚于评估年度{assessment_year}年，尚未到期",
    },
}

#: The ``fallback`` argument when a seasonal schedule found no earlier year with the months.
FALLBACK = " (seasonal asked for, but no earlier year has these months)"
#: Arguments that carry a machine word (``what``: actual/level/rate, ``method``:
#: linear/cagr, ``schedule``, ``fallback``).  English quotes the word itself; other
#: languages translate it here.
TERM_ARGS: tuple[str, ...] = ("what", "method", "schedule", "fallback")
TERMS: Mapping[str, Mapping[str, str]] = {
    "zh": {"actual": "实际值", "level": "水平值", "rate": "增速",
           "linear": "序时进度", "cagr": "年均增速进度",
           "seasonal": "季节性序时进度", "profile": "分月序时进度",
           "year-to-date rate": "累计增速",
           FALLBACK: "；往年无同期数据，季节性序时进度改按线性计算"},
}
#: Arguments that hold a period key (``2025-01/2025-09``): each language shows its own label.
PERIOD_ARGS: tuple[str, ...] = ("period", "last_period", "previous")


class ReasonFields(TypedDict):
    """A reason as the three :class:`policycheck.model.Result` fields that hold it."""

    reason: str
    reason_code: str
    reason_args: Mapping[str, str]


@record(frozen=True, slots=True)
class Reason:
    """Why a result has its status: a code and (text) arguments; its English sentence made when read."""

    code: str = ""
    args: Mapping[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return english(self.code, self.args) if self.code else ""

    def result_fields(self) -> ReasonFields:
        return {"reason": self.text, "reason_code": self.code, "reason_args": self.args}


#: The reason codes of a result that cannot be scheduled for want of a baseline value.
NO_BASELINE = frozenset({"no_baseline_progress", "no_baseline_times", "no_baseline_change", "no_baseline_growth"})


def because(code: str, **args: object) -> Reason:
    """The reason of a result: ``code`` and its arguments as text, which give the English sentence
    (one place, so they never disagree); KeyError for an unknown code, caught by the tests."""
    plain = {key: str(value) for key, value in args.items()}
    if code not in REASONS:
        raise KeyError(code)
    return Reason(code, plain)


def english(code: str, args: Mapping[str, str]) -> str:
    """The English sentence of ``code`` with ``args`` filled in (machine words as they are)."""
    if "target" in args:
        args = {**args, "target": localise_requirement(args["target"], "en")}
    return REASONS[code]["en"].format(**_period_labels(args, "en"))


def reason_text(reason: str, code: str, args: Mapping[str, str], lang: str) -> str:
    """A result's reason in ``lang``; the stored English text when there is no code or template."""
    if lang == "en" or not code:
        return reason
    try:
        return localised(code, args, lang)
    except (KeyError, IndexError, ValueError):
        # A report read back from an older or foreign JSON file: say it in English.
        return reason


def localised(code: str, args: Mapping[str, str], lang: str) -> str:
    """The sentence of ``code`` in ``lang``, machine words translated through :data:`TERMS`."""
    terms = TERMS.get(lang, {})
    words = {key: terms.get(value, value) if key in TERM_ARGS else value for key, value in args.items()}
    return REASONS[code][lang].format(**_period_labels(words, lang))


def _period_labels(args: Mapping[str, str], lang: str) -> Mapping[str, str]:
    """Period keys of in-year reasons as the label of ``lang`` (2025年1-9月, 2025 Jan-Sep)."""
    if not any(key in args for key in PERIOD_ARGS):
        return args
    from policycheck.periods import label_of_key

    return {key: label_of_key(value, lang) if key in PERIOD_ARGS else value for key, value in args.items()}
