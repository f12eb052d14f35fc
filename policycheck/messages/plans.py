"""Messages of the plan rules, PC100-PC320 (policycheck/plans/): the catalogue's plan part."""
from __future__ import annotations

from collections.abc import Mapping

#: key -> {"en": template, "zh": template}; both templates take the same fields.
PLAN_MESSAGES: Mapping[str, Mapping[str, str]] = {
    # -- PC100-PC102: reading YAML (plans/yamlload.py) ----------------------------------
    "PC100.read": {"en": "cannot read the file: {error}", "zh": "无法读取文件：{error}"},
    "PC100.not-utf8": {"en": "the file is not UTF-8 (byte 0x{byte:02x}); save it as UTF-8",
                       "zh": "文件不是 UTF-8 编码（字节 0x{byte:02x}）；请另存为 UTF-8"},
    "PC100.character": {"en": "character U+{code:04X} is not allowed in YAML; is this a text file?",
                        "zh": "YAML 中不允许字符 U+{code:04X}；这是文本文件吗？"},
    "PC100.workbook": {
        "en": "this is {kind}, not a YAML plan: a plan is a text file written as in docs/plan-format.md; "
              "a workbook of statistics is read as actuals (check PLAN.yaml -a FILE.xlsx)",
        "zh": "这是 {kind}，不是 YAML 规划文件：规划是按 docs/plan-format.md 编写的文本文件；"
              "统计数据工作簿应作为实际值读入（check 规划.yaml -a 文件.xlsx）"},
    "PC100.syntax": {"en": "YAML syntax error: {problem}{context}", "zh": "YAML 语法错误：{problem}{context}"},
    "PC100.unquoted": {
        "en": "YAML syntax error: {token} cannot stand bare at the start of a value ({why}); quote it: '{token}'",
        "zh": "YAML 语法错误：值开头的 {token} 必须加引号（{why}）；请加引号：'{token}'"},
    "why.%": {"en": "% starts a directive", "zh": "% 在 YAML 中表示指令"},
    "why.>": {"en": "> starts a folded block of text", "zh": "> 在 YAML 中表示折叠文本块"},
    "why.|": {"en": "| starts a literal block of text", "zh": "| 在 YAML 中表示文本块"},
    "why.*": {"en": "* starts an alias", "zh": "* 在 YAML 中表示别名引用"},
    "why.&": {"en": "& starts an anchor", "zh": "& 在 YAML 中表示锚点"},
    "why.!": {"en": "! starts a tag", "zh": "! 在 YAML 中表示标签"},
    "why.@": {"en": "@ is reserved", "zh": "@ 在 YAML 中是保留字符"},
    "why.`": {"en": "` is reserved", "zh": "` 在 YAML 中是保留字符"},
    "PC100.empty-block": {
        "en": "'{token}' starts a block of text in YAML and no text follows; to write the characters "
              "{token}, quote it: '{token}'",
        "zh": "YAML 中 '{token}' 表示多行文本块，但其后没有文本；如果要写的是 {token} 本身，请加引号：'{token}'"},
    "PC100.parse": {"en": "cannot parse the YAML: {error}", "zh": "无法解析 YAML：{error}"},
    "PC100.second-document": {"en": "a plan file holds one YAML document; remove the second '---'",
                              "zh": "一个规划文件只能有一个 YAML 文档；删除第二个 '---'"},
    "PC100.key-type": {"en": "a mapping key must be plain text or a number, not a list, mapping or alias",
                       "zh": "映射的键必须是文本或数字，不能是列表、映射或别名"},
    "PC100.bad-scalar": {"en": "{value} is not a valid {type}: {error}", "zh": "{value} 不是有效的 {type}：{error}"},
    "PC101.duplicate": {"en": "duplicate key {key} (first at line {line}); remove one of them",
                        "zh": "键 {key} 重复（首次出现在第 {line} 行）；删除其中一个"},
    "PC102.too-large": {"en": "file is {size:.1f} MiB; plan files are limited to 10 MiB",
                        "zh": "文件大小为 {size:.1f} MiB；规划文件不能超过 10 MiB"},
    "PC102.too-large-stream": {"en": "file is over 10 MiB; plan files are limited to 10 MiB",
                               "zh": "文件超过 10 MiB；规划文件不能超过 10 MiB"},
    "PC102.too-deep": {"en": "nesting deeper than {depth} levels; a plan needs about six",
                       "zh": "嵌套超过 {depth} 层；规划通常只需约六层"},
    "PC102.alias": {"en": "alias {alias} is not allowed; write the value out in full (text that starts "
                          "with * must be quoted: {alias})",
                    "zh": "不允许使用别名 {alias}；请写出完整的值（以 * 开头的文本必须加引号：{alias}）"},
    "PC102.anchor": {"en": "anchor {anchor} is not allowed; write every value out in full (text that starts "
                           "with & must be quoted)",
                     "zh": "不允许使用锚点 {anchor}；请写出每个完整的值（以 & 开头的文本必须加引号）"},
    "PC102.tag": {"en": "tag {tag} is not allowed; plans use plain values only",
                  "zh": "不允许使用标签 {tag}；规划只使用普通的值"},
    "PC102.stopped": {"en": "{message}; stopped after {count} anchors, aliases or tags",
                      "zh": "{message}；已有 {count} 个锚点、别名或标签，停止检查"},
    # -- PC200: the plan schema (plans/schema.py) --------------------------------------
    "PC200.empty": {"en": "the file is empty; a plan starts with 'policycheck: 1'",
                    "zh": "文件为空；规划文件以 'policycheck: 1' 开头"},
    "PC200.not-mapping": {"en": "a plan file must be a mapping of keys (policycheck, plan, targets), not {what}",
                          "zh": "规划文件必须是键的映射（policycheck、plan、targets），而不是{what}"},
    "PC200.too-deep": {"en": "the document nests too deeply to check", "zh": "文档嵌套太深，无法检查"},
    "PC200.non-finite": {"en": "{where} is {what}; it must be a finite number",
                         "zh": "{where} 是{what}；必须是有限的数字"},
    "PC200.required": {"en": "{where} lacks the required key '{key}'", "zh": "{where} 缺少必需的键 '{key}'"},
    "PC200.unknown-key": {"en": "unknown key {key} in {where}; {hint}", "zh": "{where} 中有未知的键 {key}；{hint}"},
    "PC200.allowed-keys": {"en": "allowed keys: {keys}", "zh": "允许的键：{keys}"},
    "PC200.year-key": {"en": "milestone year {key} in {where} is not a four-digit year; write e.g. 2027",
                       "zh": "{where} 中的目标年份 {key} 不是四位数年份；请写成如 2027"},
    "PC200.id-key": {"en": "key {key} in {where} is not a valid id: {rule}",
                     "zh": "{where} 中的键 {key} 不是有效的 id：{rule}"},
    "PC200.type": {"en": "{where} must be {expected}, not {actual}{hint}",
                   "zh": "{where} 必须是{expected}，而不是{actual}{hint}"},
    "PC200.remove-quotes": {"en": "; remove the quotes", "zh": "；去掉引号"},
    "PC200.half-width": {"en": "; write the number in half-width digits, without quotes: {number}",
                         "zh": "；请改用半角数字，不加引号：{number}"},
    "PC200.yaml-exponent": {"en": "; YAML reads {written} as text: write the number with a dot and a signed "
                                  "exponent, {better}",
                            "zh": "；YAML 把 {written} 读作文本：请写成带小数点和带符号指数的数字，如 {better}"},
    "PC200.too-large": {"en": "{where} is {value}, beyond ±{limit}: numbers this large leave no room for "
                              "arithmetic; write it in a larger unit (万, 亿)",
                        "zh": "{where} 为 {value}，超出 ±{limit}：这么大的数无法再计算；请换用更大的单位（万、亿）"},
    "PC200.add-quotes": {"en": "; put it in quotes", "zh": "；加上引号"},
    "PC200.enum": {"en": "{where} is {actual}; expected {choices}{hint}",
                   "zh": "{where} 是{actual}；应为 {choices}{hint}"},
    "PC200.enum-hint": {"en": "; did you mean '{suggestion}'?", "zh": "；是否应为 '{suggestion}'？"},
    "PC200.date": {"en": "{where} {value} is not a date; write it as YYYY-MM-DD, e.g. 2023-06-05",
                   "zh": "{where} {value} 不是日期；请写成 YYYY-MM-DD，如 2023-06-05"},
    "PC200.id": {"en": "{where} {value} is not a valid id: {rule}", "zh": "{where} {value} 不是有效的 id：{rule}"},
    "PC200.minimum": {"en": "{where} is {value}; it must be at least {limit}",
                      "zh": "{where} 为 {value}；不能小于 {limit}"},
    "PC200.maximum": {"en": "{where} is {value}; it must be at most {limit}",
                      "zh": "{where} 为 {value}；不能大于 {limit}"},
    "PC200.exclusiveMinimum": {"en": "{where} is {value}; it must be greater than {limit}",
                               "zh": "{where} 为 {value}；必须大于 {limit}"},
    "PC200.scope-one": {"en": "{where} needs exactly one of units, group or allocations",
                        "zh": "{where} 必须恰好有 units、group、allocations 中的一个"},
    "PC200.tolerance-one": {"en": "{where} needs exactly one of relative or absolute, e.g. {{absolute: 0.5}}",
                            "zh": "{where} 只能有 relative 或 absolute 中的一项，如 {{absolute: 0.5}}"},
    "PC200.pair": {"en": "{where} must be a list of exactly {count} items; it has {has}",
                   "zh": "{where} 必须是恰好 {count} 项的列表；现有 {has} 项"},
    "PC200.pair-range": {"en": "{where} must be a range of exactly two numbers [lo, hi], e.g. [3, 5]; "
                               "it has {has} items",
                         "zh": "{where} 必须是恰好两个数的区间 [下限, 上限]，如 [3, 5]；现有 {has} 项"},
    "PC200.pair-years": {"en": "{where} must be exactly two years [first, last], e.g. [2023, 2025]; "
                               "it has {has} items",
                         "zh": "{where} 必须是恰好两个年份 [首年, 末年]，如 [2023, 2025]；现有 {has} 项"},
    "PC200.pair-profile": {"en": "{where} must list exactly 12 monthly weights, January first; it has {has}",
                           "zh": "{where} 必须恰好列出 12 个月的权重（从 1 月起）；现有 {has} 项"},
    "PC200.empty-value": {"en": "{where} must not be empty", "zh": "{where} 不能为空"},
    "PC200.unique": {"en": "{where} lists the same item twice; remove the repeat",
                     "zh": "{where} 中有重复的项；删除重复项"},
    "PC200.form": {"en": "{where} must be {form}, not {actual}", "zh": "{where} 必须是{form}，而不是{actual}"},
    "PC200.other": {"en": "{where}: {error}", "zh": "{where}：{error}"},
    "PC200.out-of-range": {"en": "{label} {year}: computing with the numbers of this target goes beyond the range "
                                 "of numbers ({field}); check its milestones and baseline",
                           "zh": "{label} {year}：用该指标的数值计算超出了数值范围（{field}）；请核对其目标值和基期值"},
    "PC200.period": {"en": "plan.period.end {end} is before start {start}; end must be the same year or later",
                     "zh": "plan.period.end {end} 早于 start {start}；结束年份不能早于开始年份"},
    "PC200.thresholds": {"en": "assessment.at_risk {at_risk:g} is above on_track {on_track:g}, so no result could be "
                               "at_risk; on_track must be at least at_risk, e.g. the defaults 0.95 and 0.6",
                         "zh": "assessment.at_risk {at_risk:g} 高于 on_track {on_track:g}，没有结果能判为略有滞后；"
                               "on_track 应不小于 at_risk，如默认的 0.95 和 0.6"},
    "PC200.years-backwards": {"en": "years [{first}, {last}] runs backwards; write [{last}, {first}]",
                              "zh": "years [{first}, {last}] 顺序颠倒；请写成 [{last}, {first}]"},
    # descriptions of values for schema messages
    "value.empty": {"en": "empty", "zh": "空值"},
    "value.number": {"en": "the number {value}", "zh": "数字 {value}"},
    "value.text": {"en": "text {value}", "zh": "文本 {value}"},
    "value.list": {"en": "a list", "zh": "列表"},
    "value.mapping": {"en": "a mapping", "zh": "映射"},
    "value.nan": {"en": "not a number (.nan)", "zh": "非数字（.nan）"},
    "value.infinite": {"en": "infinite", "zh": "无穷大"},
    "value.huge": {"en": "a whole number too large for any statistic", "zh": "大到不可能是统计值的整数"},
    "type.number": {"en": "a number", "zh": "数字"},
    "type.integer": {"en": "a whole number", "zh": "整数"},
    "type.string": {"en": "text", "zh": "文本"},
    "type.array": {"en": "a list", "zh": "列表"},
    "type.object": {"en": "a mapping (key: value)", "zh": "映射（键: 值）"},
    "type.boolean": {"en": "true or false", "zh": "true 或 false"},
    "type.null": {"en": "empty", "zh": "空值"},
    "type.or": {"en": "{first} or {second}", "zh": "{first}或{second}"},
    # One per described anyOf of the plan schema (plans/schema.py _FORMS; a test holds that none is missing).
    "form.requirement": {"en": "a number, true (kind milestone), [lo, hi] (between), {{times_baseline: k}}, "
                               "{{change: c, in: percent or points}}, {{improve: k}} (rank, category) or "
                               "{{grade: name}} (category)",
                         "zh": "数字、true（节点类）、[下限, 上限]（between）、{{times_baseline: k}}、"
                               "{{change: c, in: percent 或 points}}、{{improve: k}}（rank、category 类）或 "
                               "{{grade: 等级}}（category 类）"},
    "form.tolerance": {"en": "a relative tolerance (0.05), {{relative: 0.05}} or {{absolute: 0.5}} in the target's "
                             "unit (percentage points for %)",
                       "zh": "相对容差（如 0.05）、{{relative: 0.05}}，或以指标计量单位计的 {{absolute: 0.5}}"
                             "（% 指标为百分点）"},
    "form.source": {"en": "a mapping {{title, file, url, published}} naming the document the plan encodes, "
                          "or the document's title alone as text",
                    "zh": "写明规划所依据文件的映射 {{title, file, url, published}}，或只写文件标题的文本"},
    "form.schedule": {"en": "linear, seasonal, none or {{profile: [12 monthly weights]}}",
                      "zh": "linear、seasonal、none 或 {{profile: [12 个月的权重]}}"},
    "form.value": {"en": "the value every year must reach (a number, or [lo, hi] for between)",
                   "zh": "每年须达到的值（数字，between 时为 [下限, 上限]）"},
    # -- PC300-PC310: meaning (plans/rules.py, plans/kindkeys.py) -------------------------
    "PC300.duplicate": {"en": "duplicate target id {id} (first at line {line}); target ids must be unique in a plan",
                        "zh": "指标 id {id} 重复（首次出现在第 {line} 行）；同一规划中指标 id 必须唯一"},
    "PC301.no-group": {"en": "no unit in units has group {group}; set group: {bare} on the units it covers ({known})",
                       "zh": "units 中没有 group 为 {group} 的单位；请在所属单位上写 group: {bare}（{known}）"},
    "PC301.groups": {"en": "groups defined: {groups}", "zh": "已定义的分组：{groups}"},
    "PC301.no-groups": {"en": "no unit has a group yet", "zh": "尚无单位设置分组"},
    "PC301.undefined": {"en": "unit {unit} in {field} is not defined in units; {hint}",
                        "zh": "{field} 中的单位 {unit} 未在 units 中定义；{hint}"},
    "PC301.add-unit": {"en": "add it under units: {bare}: {{name: ...}}",
                       "zh": "请在 units 下添加：{bare}: {{name: ...}}"},
    "PC302.milestone": {"en": "milestone year {year} is outside the plan period {start}-{end}; "
                              "check the year or the period",
                        "zh": "目标年份 {year} 不在规划期 {start}-{end} 内；请核对年份或规划期"},
    "PC302.years": {"en": "year {year} in years is outside the plan period {start}-{end}",
                    "zh": "years 中的年份 {year} 不在规划期 {start}-{end} 内"},
    "PC303.order": {"en": "baseline year {year} ({source}) is not before the first milestone year {first}; "
                          "the baseline must be an earlier year",
                    "zh": "基期年份 {year}（{source}）不早于第一个目标年份 {first}；基期必须更早"},
    "PC304.below": {"en": "milestone {later} ({later_value:g}) is below milestone {earlier} ({earlier_value:g}), "
                          "but {said} expects values to rise; check the numbers or the comparator",
                    "zh": "{later}年目标值（{later_value:g}）低于{earlier}年目标值（{earlier_value:g}），"
                          "但{said}要求数值逐年上升；请核对数值或比较方式"},
    "PC304.above": {"en": "milestone {later} ({later_value:g}) is above milestone {earlier} ({earlier_value:g}), "
                          "but {said} expects values to fall; check the numbers or the comparator",
                    "zh": "{later}年目标值（{later_value:g}）高于{earlier}年目标值（{earlier_value:g}），"
                          "但{said}要求数值逐年下降；请核对数值或比较方式"},
    "PC304.said-comparator": {"en": "comparator '{comparator}'", "zh": "比较方式 '{comparator}' "},
    "PC304.said-direction": {"en": "direction {direction}", "zh": "方向 direction: {direction} "},
    "PC305.order": {"en": "[{lo}, {hi}] has lo above hi; write [{hi}, {lo}]",
                    "zh": "[{lo}, {hi}] 的下限大于上限；请写成 [{hi}, {lo}]"},
    "PC305.single": {"en": "comparator between needs [lo, hi], not the single number {value}; "
                           "write e.g. [{value}, {value}] or change the comparator",
                     "zh": "比较方式 between 需要 [下限, 上限]，而不是单个数字 {value}；"
                           "请写成如 [{value}, {value}]，或更改比较方式"},
    "PC305.needs-between": {"en": "[lo, hi] values need comparator: between (this target has '{comparator}')",
                            "zh": "[下限, 上限] 形式的值需要 comparator: between（该指标为 '{comparator}'）"},
    "PC306.share": {"en": "{number}% is outside 0..100 for a share; check the number or the unit",
                    "zh": "{number}% 超出比重的范围 0..100；请核对数值或计量单位"},
    "PC307.unknown": {"en": "unknown reference {ref}; {hint}", "zh": "未知的参照序列 {ref}；{hint}"},
    "PC307.add": {"en": "add it under references: {bare}: {{name: ...}}",
                  "zh": "请在 references 下添加：{bare}: {{name: ...}}"},
    "PC308.unfit": {"en": "'{key}' does not fit kind {kind}: {why}", "zh": "'{key}' 不适用于 {kind} 类指标：{why}"},
    "PC308.why-comparator": {"en": "a milestone target is done or not done; remove comparator",
                             "zh": "节点类指标只有完成或未完成；删除 comparator"},
    "PC308.why-value": {"en": "this kind states its requirement in milestones, e.g. milestones: {{2027: 3.6}}",
                        "zh": "该类指标的要求写在 milestones 中，如 milestones: {{2027: 3.6}}"},
    "PC308.why-reference": {"en": "reference applies to annual and growth targets only",
                            "zh": "reference 只适用于 annual 和 growth 类指标"},
    "PC308.why-years": {"en": "years applies to annual and growth targets; this kind uses milestones",
                        "zh": "years 只适用于 annual 和 growth 类指标；该类指标使用 milestones"},
    "PC308.why-milestones": {"en": "this kind applies to every year: write value: N (and years: [first, last]) instead",
                             "zh": "该类指标每年都适用：请改写 value: N（及 years: [首年, 末年]）"},
    "PC308.why-schedule": {"en": "in-year, this kind compares the year-to-date figure with its requirement itself "
                                 "(docs/evaluation.md#in-year); remove schedule",
                           "zh": "年内评估时，该类指标直接以年初至今的数值对照要求（docs/evaluation.md#in-year）；"
                                 "删除 schedule"},
    "PC308.why-direction": {"en": "a milestone target is done or not done; it has no better direction",
                            "zh": "节点类指标只有完成或未完成，没有“越高越好”或“越低越好”之分"},
    "PC308.why-categories": {"en": "categories applies to kind category only: the grades in order, worst first",
                             "zh": "categories 只适用于 category 类指标：按从低到高的顺序列出各等级"},
    "PC308.why-path": {"en": "path applies to level, rank and cumulative targets (grades always step)",
                       "zh": "path 只适用于 level、rank 和 cumulative 类指标（等级总是逐级变化）"},
    "PC308.profile-weight": {"en": "a monthly profile needs some weight: give the twelve months' shares, e.g. last "
                                   "year's amounts",
                             "zh": "月度分布（profile）需要有权重：请给出十二个月的占比，如上年各月数值"},
    "PC308.why-since": {"en": "since applies to cumulative targets only", "zh": "since 只适用于 cumulative 类指标"},
    "PC308.why-baseline": {"en": "this kind does not use a baseline", "zh": "该类指标不使用基期"},
    "PC308.actuals": {"en": "actuals: {mode} applies to {kinds} targets, not to kind {kind}; "
                            "remove it or change the kind",
                      "zh": "actuals: {mode} 只适用于 {kinds} 类指标，不适用于 {kind}；删除它或更改 kind"},
    "PC308.tolerance": {"en": "tolerance applies to comparator approx (左右) only; this target has '{comparator}'",
                        "zh": "tolerance 只适用于 comparator approx（左右）；该指标为 '{comparator}'"},
    "PC308.needs-value": {"en": "kind {kind} needs value: N (the requirement for every year) or reference: <id>",
                          "zh": "{kind} 类指标需要 value: N（每年的要求）或 reference: <id>"},
    "PC308.value-and-reference": {"en": "give value or reference, not both", "zh": "value 和 reference 只能给一个"},
    "PC308.needs-milestones": {"en": "kind {kind} needs milestones, e.g. milestones: {example}",
                               "zh": "{kind} 类指标需要 milestones，如 milestones: {example}"},
    "PC308.needs-unit": {"en": "kind {kind} needs unit: the unit of measure, e.g. '%', '家' or '亿元'",
                         "zh": "{kind} 类指标需要 unit：计量单位，如 '%'、'家' 或 '亿元'"},
    "PC308.milestone-true": {"en": "a milestone target is done or not done: write {year}: true",
                             "zh": "节点类指标只有完成或未完成：请写 {year}: true"},
    "PC308.true-not-milestone": {"en": "true is for kind milestone; kind {kind} needs a number",
                                 "zh": "true 只用于 milestone 类指标；{kind} 类指标需要数字"},
    "PC308.needs-categories": {"en": "kind {kind} needs categories: the grades in order, worst first, "
                                     "e.g. categories: [三档, 二档, 一档]",
                               "zh": "{kind} 类指标需要 categories：按从低到高的顺序列出各等级，"
                                     "如 categories: [三档, 二档, 一档]"},
    "PC308.form-times_baseline": {"en": "times_baseline applies to level targets only, not to kind {kind}; "
                                        "give the number",
                                  "zh": "times_baseline 只适用于 level 类指标，不适用于 {kind}；请直接写数字"},
    "PC308.form-change": {"en": "{{change: c, in: percent or points}} applies to level targets only, not to kind "
                                "{kind}; a rank rises with {{improve: k}}; otherwise give the number",
                          "zh": "{{change: c, in: percent 或 points}} 只适用于 level 类指标，不适用于 {kind}；"
                                "位次的提升请写 {{improve: k}}，否则请直接写数字"},
    "PC308.form-improve": {"en": "{{improve: k}} applies to rank and category targets only, not to kind {kind}; "
                                 "a level changes with {{change: c, in: percent or points}}",
                           "zh": "{{improve: k}} 只适用于 rank 和 category 类指标，不适用于 {kind}；"
                                 "数值的变化请写 {{change: c, in: percent 或 points}}"},
    "PC308.form-grade": {"en": "{{grade: name}} applies to category targets only, not to kind {kind}; "
                               "give the number",
                         "zh": "{{grade: name}} 只适用于 category 类指标，不适用于 {kind}；请直接写数字"},
    "PC308.grade-needed": {"en": "a category target names its grade: write {year}: {{grade: ...}} with one of its "
                                 "categories, or {{improve: k}}",
                           "zh": "category 类指标要写出等级：请写 {year}: {{grade: ...}}（取 categories 中的一项），"
                                 "或 {{improve: k}}"},
    "PC313.contradicts": {"en": "direction {direction} contradicts comparator '{comparator}', which means {implied}; "
                                "remove direction (the comparator already says it) or correct the comparator",
                          "zh": "direction: {direction} 与比较方式 '{comparator}' 矛盾（后者意味着 {implied}）；"
                                "请删除 direction（比较方式已说明方向），或更正比较方式"},
    "PC314.wording": {"en": "the quote says {word} but the comparator is '{comparator}': {what}; "
                            "use comparator '{meant}', or check the quote",
                      "zh": "原文为 {word}，而比较方式为 '{comparator}'：{what}；请改用比较方式 '{meant}'，或核对原文"},
    "PC314.table": {"en": "a table's '{word}' stands for {meaning} unless the text says 超过 or 低于",
                    "zh": "指标表中的“{word}”表示{meaning}，除非正文写明“超过”或“低于”"},
    "PC314.includes": {"en": "'{word}' includes the number (Civil Code art. 1259)",
                       "zh": "“{word}”包括本数（《民法典》第一千二百五十九条）"},
    "PC314.excludes": {"en": "'{word}' excludes the number (Civil Code art. 1259)",
                       "zh": "“{word}”不包括本数（《民法典》第一千二百五十九条）"},
    "PC315.fall": {"en": "a fall of {fall:g}% leaves nothing (or less than nothing) of the base year's value; "
                         "check the number, or write the change in points (in: points)",
                   "zh": "下降 {fall:g}% 后基期值所剩为零甚至为负；请核对数字，或改以百分点表示变化（in: points）"},
    "PC315.grade": {"en": "grade {grade} is not one of the target's categories ({known}); write it as categories "
                          "names it",
                    "zh": "等级 {grade} 不在该指标的 categories（{known}）中；请按 categories 中的写法填写"},
    "PC315.no-categories": {"en": "none defined", "zh": "未定义"},
    "PC315.since-differs": {"en": "since {since} differs from since {first} of an earlier milestone; a target's "
                                  "changes count from one base year",
                            "zh": "since {since} 与前一个目标年份的 since {first} 不同；"
                                  "同一指标的变化应从同一基期年份算起"},
    "PC315.since-baseline": {"en": "since {since} differs from baseline.year {baseline}; the change counts from the "
                                   "baseline: make the two years the same",
                             "zh": "since {since} 与 baseline.year {baseline} 不同；变化从基期算起：请使两个年份相同"},
    "PC316.rank": {"en": "a rank is lower is better (1st is best), but the comparator is '{comparator}', which "
                         "counts a worse place as met; write comparator '<=' (进入前5名 is <= 5)",
                   "zh": "位次越小越好（第1位最好），而比较方式 '{comparator}' 会把更靠后的位次算作达成；"
                         "请写 comparator: \"<=\"（进入前5名即 <= 5）"},
    "PC316.top": {"en": "the quote's {words} is a rank, lower is better, but the comparator is '{comparator}' "
                        "(kind {kind}); write kind: rank with comparator '<='",
                  "zh": "原文的“{words}”是位次，越小越好，而比较方式为 '{comparator}'（kind: {kind}）；"
                        "请写 kind: rank 和 comparator: \"<=\""},
    "PC316.fall": {"en": "the quote says {word} but change is {change:g}, a rise; a fall is negative: "
                         "write change: {fixed:g}",
                   "zh": "原文为“{word}”，而 change: {change:g} 表示增加；下降应写为负数：请写 change: {fixed:g}"},
    "PC316.rise": {"en": "the quote says {word} but change is {change:g}, a fall; a rise is positive: "
                         "write change: {fixed:g}",
                   "zh": "原文为“{word}”，而 change: {change:g} 表示下降；增加应写为正数：请写 change: {fixed:g}"},
    "PC316.points": {"en": "the quote speaks of 百分点 (percentage points) but in is percent, a share of the base "
                           "year's value; write in: points",
                     "zh": "原文说的是“百分点”，而 in: percent 表示基期值的百分比；请写 in: points"},
    "PC316.doubling": {"en": "the quote says {words}, at least a multiple of the baseline, but the comparator is "
                             "'{comparator}'; write comparator '>='",
                       "zh": "原文为“{words}”，即至少达到基期值的倍数，而比较方式为 '{comparator}'；"
                             "请写 comparator: \">=\""},
    "PC317.aspire": {"en": "the quote says {word} but no commitment is written, so the target counts as binding; "
                           "write commitment: aspirational (or commitment: binding if the plan binds it)",
                     "zh": "原文为“{word}”，但没有写 commitment，该指标会按约束性（binding）计；"
                           "请写 commitment: aspirational（若规划确为约束性，请写 commitment: binding）"},
    "PC318.large": {"en": "a relative tolerance of {tolerance:g} is ±{percent:g}% of the target value; for a "
                          "tolerance in the target's unit (points for a %) write "
                          "tolerance: {{absolute: {tolerance:g}}}",
                    "zh": "相对容差 {tolerance:g} 即目标值的 ±{percent:g}%；若本意是按指标单位计的容差"
                          "（% 指标即百分点），请写 tolerance: {{absolute: {tolerance:g}}}"},
    "PC319.order": {"en": "baseline_year {year} is not before period.start {start}; the baseline is the year "
                          "before the plan's first year: write baseline_year: {before}",
                    "zh": "baseline_year {year} 不早于规划起始年份 period.start {start}；基期是规划首年的前一年："
                          "请写 baseline_year: {before}"},
    "PC309.no-quote": {"en": "target {id} has no quote; add quote: with the original words of the document "
                             "so the target can be traced",
                       "zh": "指标 {id} 没有 quote；请用 quote: 写出规划原文，以便追溯"},
    "PC310.baseline": {"en": "milestone {year} is {{times_baseline: ...}} but baseline.value is {value:g}; "
                             "a multiple of it means nothing: give a positive baseline or a number",
                       "zh": "{year}年目标值为 {{times_baseline: ...}}，但 baseline.value 为 {value:g}；"
                             "它的倍数没有意义：请给出正的基期值或直接写目标值"},
    "PC311.quote": {"en": "quote of target {id} {problem}", "zh": "指标 {id} 的原文{problem}"},
    "PC311.no-words": {"en": "has no words besides {ellipsis}; copy the document's words",
                       "zh": "除 {ellipsis} 外没有文字；请照录文件原文"},
    "PC311.order": {"en": "is not in {file}: {piece} comes before {before} there; the pieces between {ellipsis} "
                          "must follow the document's order",
                    "zh": "不在 {file} 中：文件里 {piece} 出现在 {before} 之前；"
                          "{ellipsis} 隔开的各段须按文件中的先后顺序"},
    "PC311.not-in": {"en": "is not in {file}", "zh": "不在 {file} 中"},
    "PC311.piece-not-in": {"en": "is not in {file}: {piece} is not found", "zh": "不在 {file} 中：找不到 {piece}"},
    "PC311.copy": {"en": "{what}; copy the document's words, skipping words only with {ellipsis}",
                   "zh": "{what}；请照录文件原文，省略的文字只用 {ellipsis} 表示"},
    "PC311.nothing-like": {"en": "{what}, and nothing there resembles it; is {file} the document this plan encodes?",
                           "zh": "{what}，文件中也没有相近的文字；{file} 是这份规划对应的文件吗？"},
    "PC311.closest": {"en": "{what}; closest passage: {passage}; copy the document's words, skipping words only "
                            "with {ellipsis}",
                      "zh": "{what}；最接近的一段：{passage}；请照录文件原文，省略的文字只用 {ellipsis} 表示"},
    "PC312.nul": {"en": "the source file's path has a NUL character in it; write the path of a text file, "
                        "e.g. sources/name.txt",
                  "zh": "来源文件的路径中有 NUL 字符；请写文本文件的路径，如 sources/name.txt"},
    "PC312.backslash": {"en": "source file {file} has a \\ in it; write / between folders, e.g. sources/name.txt",
                        "zh": "来源文件 {file} 中有 \\；文件夹之间请用 /，如 sources/name.txt"},
    "PC312.absolute": {"en": "source file {file} is an absolute path; give it relative to the plan file's folder, "
                             "e.g. sources/name.txt",
                       "zh": "来源文件 {file} 是绝对路径；请写相对于规划文件所在文件夹的路径，如 sources/name.txt"},
    "PC312.outside": {"en": "source file {file} leads outside the plan file's folder; keep the text in that folder "
                            "or below it, e.g. sources/name.txt",
                      "zh": "来源文件 {file} 指向规划文件所在文件夹之外；请把文本放在该文件夹或其子文件夹中，"
                            "如 sources/name.txt"},
    "PC312.not-found": {"en": "source file {file} is not found (looked for {path}); put the document's text there, "
                              "or remove file: to name the document without a copy",
                        "zh": "找不到来源文件 {file}（查找的是 {path}）；请把文件原文放在那里，"
                              "或删除 file:，只写明文件而不附原文"},
    "PC312.folder": {"en": "source file {file} is a folder; name the text file in it",
                     "zh": "来源文件 {file} 是文件夹；请写出其中的文本文件"},
    "PC312.dangling": {"en": "source file {file} is a symbolic link to nothing; replace it by the document's text",
                       "zh": "来源文件 {file} 是指向不存在文件的符号链接；请换成文件原文"},
    "PC312.not-regular": {"en": "source file {file} is not a regular file; save the document's text as a UTF-8 "
                                "text file",
                          "zh": "来源文件 {file} 不是普通文件；请把文件原文存为 UTF-8 文本文件"},
    "PC312.unreadable": {"en": "source file {file} cannot be read: {error}", "zh": "无法读取来源文件 {file}：{error}"},
    "PC312.too-large": {"en": "source file {file} is {size:.1f} MiB; source texts are limited to 10 MiB, "
                              "like plan files",
                        "zh": "来源文件 {file} 大小为 {size:.1f} MiB；与规划文件一样，来源文本不能超过 10 MiB"},
    "PC312.too-large-stream": {"en": "source file {file} is over 10 MiB; source texts are limited to 10 MiB, "
                                     "like plan files",
                               "zh": "来源文件 {file} 超过 10 MiB；与规划文件一样，来源文本不能超过 10 MiB"},
    "PC312.not-utf8": {"en": "source file {file} is not UTF-8 (byte 0x{byte:02x} at line {line}, column {column}); "
                             "save it as UTF-8",
                       "zh": "来源文件 {file} 不是 UTF-8 编码（第 {line} 行第 {column} 列的字节 0x{byte:02x}）；"
                             "请另存为 UTF-8"},
    "PC320.shared-id": {"en": "plan id {id} is also the id of {other}; plan ids must differ "
                              "(a CSV plan column names plans by id)",
                        "zh": "规划 id {id} 与 {other} 的 id 相同；规划"
                              " id 必须互不相同（CSV 的 规划 列按 id 指明规划）"},
}
