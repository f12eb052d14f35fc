"""Every finding message and hint, in Chinese and English: the one catalogue.

The statisticians policycheck is for read Chinese; CI maintainers and scripts
may prefer English.  So no module writes a message sentence itself: it calls
:func:`msg` with a key of :data:`MESSAGES` and the values that go into it, and
gets a :class:`Text` that holds both languages.  The pieces a message is built
from (a described value, a "did you mean" hint, a list of words) are Text as
well, so each language gets its own words all the way down.  ``str()`` of a
Text is its English: the JSON formats and the Python API keep English messages
(``Finding.message``), the human formats show ``--lang`` (docs/configuration.md).

Keys start with the rule they belong to (``PC403.unknown``); a test fails when
a rule of :data:`RULE_TITLES` has no message, or a message lacks a language, or
the two languages of a message take different fields.  The templates live in
one module per stage (:mod:`policycheck.messages.plans`, ``.actuals``,
``.commands``, ``.notes`` for explanations files); :data:`MESSAGES` is all of them.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from policycheck.messages.actuals import ACTUALS_MESSAGES
from policycheck.messages.commands import COMMAND_MESSAGES
from policycheck.messages.notes import NOTES_MESSAGES
from policycheck.messages.plans import PLAN_MESSAGES
from policycheck.messages.workbook import WORKBOOK_MESSAGES
from policycheck.records import record

#: The languages of every message and label.
LANGUAGES: tuple[str, ...] = ("zh", "en")


@record(frozen=True, slots=True)
class Text:
    """One message in English and Chinese."""

    en: str
    zh: str

    def __str__(self) -> str:
        return self.en

    def get(self, lang: str) -> str:
        """The text in ``lang`` (English for any language but zh)."""
        return self.zh if lang == "zh" else self.en

    def __add__(self, other: Text | str) -> Text:
        if isinstance(other, Text):
            return Text(self.en + other.en, self.zh + other.zh)
        return Text(self.en + other, self.zh + other)

    def __radd__(self, other: str) -> Text:
        return Text(other + self.en, other + self.zh)


def same(text: str) -> Text:
    """Text that reads the same in both languages (an id, a number, a quoted cell)."""
    return Text(text, text)


EMPTY = Text("", "")


def join(parts: Iterable[Text | str], en: str = ", ", zh: str = "、") -> Text:
    """``parts`` joined with a separator per language (a comma in English, 、 in Chinese)."""
    items = [part if isinstance(part, Text) else same(part) for part in parts]
    return Text(en.join(t.en for t in items), zh.join(t.zh for t in items))


def msg(key: str, /, **args: object) -> Text:
    """The message ``key`` of :data:`MESSAGES` with ``args`` filled in, in both languages.

    An argument that is a :class:`Text` gives each language its own words; any
    other value is formatted as it is (so ``{value:g}`` works in both).
    """
    entry = MESSAGES[key]
    return Text(_fill(entry["en"], args, "en"), _fill(entry["zh"], args, "zh"))


def _fill(template: str, args: Mapping[str, object], lang: str) -> str:
    return template.format(**{name: value.get(lang) if isinstance(value, Text) else value
                              for name, value in args.items()})


#: Rule id -> what it finds, in one line (SARIF's rule description; docs/validation.md explains each).
RULE_TITLES: Mapping[str, Mapping[str, str]] = {
    "PC100": {"en": "YAML syntax error", "zh": "YAML 语法错误"},
    "PC101": {"en": "Duplicate key", "zh": "键重复"},
    "PC102": {"en": "YAML alias or anchor, or a file over 10 MiB", "zh": "YAML 别名或锚点，或文件超过 10 MiB"},
    "PC200": {"en": "Plan does not match the plan schema", "zh": "规划不符合规划格式"},
    "PC300": {"en": "Duplicate target id", "zh": "指标 id 重复"},
    "PC301": {"en": "Responsible or scope unit not defined in units", "zh": "责任单位或分解单位未在 units 中定义"},
    "PC302": {"en": "Milestone year outside the plan period", "zh": "目标年份不在规划期内"},
    "PC303": {"en": "Baseline year not before the first milestone year", "zh": "基期年份不早于第一个目标年份"},
    "PC304": {"en": "Milestones move against the comparator", "zh": "各年目标值的走向与比较方式相反"},
    "PC305": {"en": "between value is not [lo, hi] with lo <= hi",
              "zh": "between 的值不是下限不大于上限的 [下限, 上限]"},
    "PC306": {"en": "A % level outside 0..100", "zh": "以 % 计的比重超出 0..100"},
    "PC307": {"en": "Unknown reference", "zh": "未知的参照序列"},
    "PC308": {"en": "Keys that do not fit the kind of target", "zh": "键与指标类型不符"},
    "PC309": {"en": "Target without quote (traceability)", "zh": "指标没有原文（无法追溯）"},
    "PC310": {"en": "times_baseline with no way to get a baseline", "zh": "times_baseline 没有可用的基期值"},
    "PC311": {"en": "Quote not found in the plan's source document", "zh": "原文在规划的来源文件中找不到"},
    "PC312": {"en": "Source document file missing, outside the plan's folder, not UTF-8 or over 10 MiB",
              "zh": "来源文件不存在、不在规划所在文件夹内、不是 UTF-8 或超过 10 MiB"},
    "PC313": {"en": "direction contradicts the comparator", "zh": "direction 与比较方式矛盾"},
    "PC314": {"en": "The quote's wording contradicts the comparator (以上/以下 include the number, 超过/低于 do not)",
              "zh": "原文措辞与比较方式矛盾（以上、以下包括本数，超过、低于不包括）"},
    "PC315": {"en": "A change, improve or grade milestone that cannot be resolved",
              "zh": "无法确定的变化、位次提升或等级目标"},
    "PC316": {"en": "The comparator or a milestone's form says the opposite of the kind or the quote",
              "zh": "比较方式或目标值的写法与指标类型或原文相反"},
    "PC317": {"en": "The quote says 力争 but no commitment is written", "zh": "原文有“力争”，但未写 commitment"},
    "PC318": {"en": "A relative tolerance of 0.3 or more", "zh": "相对容差达到 0.3 或以上"},
    "PC319": {"en": "baseline_year not before the plan period's first year", "zh": "基期年份不早于规划起始年份"},
    "PC320": {"en": "Two plan files with one plan id", "zh": "两个规划文件的规划 id 相同"},
    "PC400": {"en": "Actuals file cannot be read (undecodable CSV, unsafe or damaged workbook)",
              "zh": "实际值文件无法读取（CSV 无法解码，或工作簿不安全、已损坏）"},
    "PC401": {"en": "CSV lacks a required column", "zh": "CSV 缺少必需的列"},
    "PC402": {"en": "Value is not a number (or not yes/no for a milestone)",
              "zh": "数值不是数字（节点类指标不是 是/否）"},
    "PC403": {"en": "Unknown target id", "zh": "未知的指标"},
    "PC404": {"en": "Conflicting rows for the same plan, target, unit, year and status",
              "zh": "同一规划、指标、单位、年份和状态的数据互相冲突"},
    "PC405": {"en": "Exact duplicate row", "zh": "完全重复的行"},
    "PC406": {"en": "Unknown unit", "zh": "未知的单位"},
    "PC407": {"en": "Row ignored", "zh": "已忽略的行或列"},
    "PC408": {"en": "Year not an integer between 1900 and 2200", "zh": "年份不是 1900 到 2200 之间的整数"},
    "PC409": {"en": "Unit of measure differs from the target's and cannot be converted",
              "zh": "计量单位与指标的不同且无法换算"},
    "PC410": {"en": "Workbook sheet not read, or workbook content never run (macros, external links)",
              "zh": "工作簿中有未读取的工作表，或有不会运行的内容（宏、外部链接）"},
    "PC411": {"en": "No actual value for any target of a plan", "zh": "规划的所有指标都没有实际值"},
    "PC412": {"en": "cagr actuals look like growth rates", "zh": "年均增速类指标的实际值像是增速"},
    "PC413": {"en": "Cumulative actuals look like running totals", "zh": "累计类指标的实际值像是累计数"},
    "PC414": {"en": "A value converted between magnitudes is implausible",
              "zh": "换算数量级后的数值明显不合理"},
    "PC415": {"en": "Workbook figure merged over several figure cells",
              "zh": "工作簿中一个数值合并跨越了多个数值单元格"},
    "PC416": {"en": "Actuals several orders of magnitude off (万 for 亿, a fraction for a %)",
              "zh": "实际值相差几个数量级（万与亿混用、百分数填成小数）"},
    "PC417": {"en": "Target judged on a figure from after its final year, which has none",
              "zh": "以目标年份之后的数值评判，目标年份本身没有数值"},
    "PC500": {"en": "Configuration file problem", "zh": "配置文件有误"},
    # Explanations files (--notes; docs/validation.md#explanations-files)
    "PC600": {"en": "Explanations file cannot be read", "zh": "说明文件无法读取"},
    "PC601": {"en": "Explanations file lacks a required column", "zh": "说明文件缺少必需的列"},
    "PC602": {"en": "Unknown plan, target or unit in an explanations file", "zh": "说明文件中有未知的规划、指标或单位"},
    "PC603": {"en": "Bad year or row in an explanations file", "zh": "说明文件中的年份或行有误"},
    "PC604": {"en": "Two explanations for the same target and year", "zh": "同一指标同一年份有两条说明"},
    "PC605": {"en": "Column of an explanations file ignored", "zh": "已忽略说明文件中的列、键或工作表"},
    "PC606": {"en": "Failing target without an explanation", "zh": "未通过的指标没有说明"},
}

#: Pieces several rules' messages are built from.
_SHARED: Mapping[str, Mapping[str, str]] = {
    "did-you-mean": {"en": "did you mean {suggestion}?", "zh": "是否应为 {suggestion}？"},
    "id-rule": {"en": "use lower-case letters, digits, '.', '_' and '-', starting with a letter or digit",
                "zh": "只能用小写字母、数字、'.'、'_' 和 '-'，并以字母或数字开头"},
    "rows": {"en": " ({rows} rows)", "zh": "（共 {rows} 行）"},
    "or-list": {"en": "one of {choices}", "zh": "{choices} 之一"},
    # At most 100 findings of a rule per file (docs/validation.md#how-many-findings).
    "limit.more": {"en": "{more} more {rule} findings in this file from here on are not listed "
                         "(only the first {limit} are): fix these and run again",
                   "zh": "本文件从此处起还有 {more} 条 {rule} 提示未列出（只列出前 {limit} 条）：请先修正这些再运行"},
}

#: key -> {"en": template, "zh": template}: the whole catalogue.
MESSAGES: Mapping[str, Mapping[str, str]] = {**_SHARED, **PLAN_MESSAGES, **ACTUALS_MESSAGES, **WORKBOOK_MESSAGES,
                                              **COMMAND_MESSAGES, **NOTES_MESSAGES}
