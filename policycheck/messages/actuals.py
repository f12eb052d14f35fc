"""Messages of the actuals rules, PC400-PC414, PC416 and PC417 (policycheck/actuals/; PC411, PC414 and
PC417 come from the evaluation): the catalogue's CSV part."""
from __future__ import annotations

from collections.abc import Mapping

#: key -> {"en": template, "zh": template}; both templates take the same fields.
ACTUALS_MESSAGES: Mapping[str, Mapping[str, str]] = {
    # -- PC400-PC413: actuals (actuals/*.py) ---------------------------------------------
    "PC400.read": {"en": "cannot read the file: {error}", "zh": "无法读取文件：{error}"},
    "PC400.empty": {"en": "the file is empty: expected a header row (target,year,value)",
                    "zh": "文件为空：应有表头行（指标,年份,数值 或 target,year,value）"},
    "PC400.unknown-encoding": {"en": "unknown encoding {encoding} (try auto, utf-8, gb18030, utf-16)",
                               "zh": "未知的编码 {encoding}（可用 auto、utf-8、gb18030、utf-16）"},
    "PC400.decode": {"en": "cannot decode the file ({how}): {tried}. "
                           "Save it as UTF-8 or GB18030, or name the encoding with --encoding",
                     "zh": "无法解码文件（{how}）：{tried}。请另存为 UTF-8 或 GB18030，或用 --encoding 指定编码"},
    "PC400.not-text-encoding": {"en": "{encoding} is not a text encoding (try auto, utf-8, gb18030, utf-16)",
                                "zh": "{encoding} 不是文本编码（可用 auto、utf-8、gb18030、utf-16）"},
    "PC400.fails-at": {"en": "{encoding} fails at byte offset {offset} ({reason})",
                       "zh": "{encoding} 在字节偏移 {offset} 处失败（{reason}）"},
    "PC400.fails": {"en": "{encoding} fails: {error}", "zh": "{encoding} 失败：{error}"},
    "PC400.bom": {"en": "the {encoding} byte-order mark", "zh": "{encoding} 字节顺序标记"},
    "PC400.nul": {"en": "NUL character on line {line} (decoded as {encoding}): not a text CSV file{hint}",
                  "zh": "第 {line} 行有 NUL 字符（按 {encoding} 解码）：不是文本 CSV 文件{hint}"},
    "PC400.nul-utf16": {"en": "; if it is UTF-16 without a byte-order mark, use --encoding utf-16",
                        "zh": "；如果是不带字节顺序标记的 UTF-16，请用 --encoding utf-16"},
    "PC400.csv": {"en": "cannot read the CSV ({encoding}): {error}", "zh": "无法读取 CSV（{encoding}）：{error}"},
    "PC400.unclosed-quote": {"en": 'a quoted cell is never closed: its opening " runs to the end of the file; '
                                   "close the quote or remove it",
                             "zh": '有一个加引号的单元格没有闭合：它的 " 一直延续到文件末尾；请补上或删除引号'},
    "PC400.after-quote": {"en": 'text follows the closing " of a quoted cell; quote the whole cell and write '
                                'a " inside it as ""',
                          "zh": '加引号的单元格在右引号后还有文字；请给整个单元格加引号，单元格内的 " 写成 ""'},
    "workbook.xlsx": {"en": "an Excel workbook (.xlsx)", "zh": "Excel 工作簿（.xlsx）"},
    "workbook.xls": {"en": "an Excel 97-2003 workbook (.xls) or another Office file",
                     "zh": "Excel 97-2003 工作簿（.xls）或其他 Office 文件"},
    "workbook.ods": {"en": "an OpenDocument spreadsheet (.ods)", "zh": "OpenDocument 电子表格（.ods）"},
    "workbook.zip": {"en": "a zip archive (an .xlsx or .ods workbook is one)",
                     "zh": "zip 压缩文件（.xlsx、.ods 工作簿即是）"},
    "PC401.no-header": {"en": "no header row: the file has only empty lines", "zh": "没有表头行：文件只有空行"},
    "PC401.missing": {"en": "missing required column {names}; a long-form file needs target, year, value "
                            "(or a period column for months: 2025年1-9月), a wide-form file needs target and one "
                            "column per year (2023 or 2023年) or period (2025年1-9月)",
                      "zh": "缺少必需的列 {names}；长表需要 指标、年份、"
                            "数值 三列（月度数据可用期别列，如 2025年1-9月），"
                            "宽表需要 指标 列和每年（2023 或 2023年）或每期（2025年1-9月）一列"},
    "PC401.too-short": {"en": "row has {count} fields but the header has {width}: the row is too short",
                        "zh": "该行有 {count} 个字段，而表头有 {width} 个：该行太短"},
    "PC401.several-plans": {"en": "target {target} is in several plans ({plans}): add a plan column to say which",
                            "zh": "指标 {target} 同时属于多个规划（{plans}）：请添加 规划 列注明属于哪一个"},
    "PC402.extra-cell": {"en": "row has {count} fields but the header has {width}: unexpected cell {cell} "
                               '(a comma inside a number such as 1,500 must be quoted: "1,500")',
                         "zh": "该行有 {count} 个字段，而表头有 {width} 个：多出单元格 {cell}"
                               '（数字中的千位分隔逗号必须加引号，如 "1,500"）'},
    "PC402.split-number": {"en": "row has {count} fields but the header has {width}: {first} and {second} look like "
                                 'the number {number} split at an unquoted thousands separator; quote it: "{number}" '
                                 "(or write {plain})",
                           "zh": "该行有 {count} 个字段，而表头有 {width} 个：{first} 和 {second} 像是被未加引号的"
                                 '千位分隔逗号拆开的数字 {number}；请加引号："{number}"（或写成 {plain}）'},
    "PC402.too-large": {"en": "{cell} is beyond ±{limit}: numbers this large leave no room for arithmetic; "
                              "check the cell, or write it in a larger unit (万, 亿)",
                        "zh": "{cell} 超出 ±{limit}：这么大的数无法再计算；请检查单元格，或换用更大的单位（万、亿）"},
    "PC402.too-large-converted": {"en": "{cell} is beyond ±{limit} once converted to the target's unit of "
                                        "measure; check the cell and its unit",
                                  "zh": "{cell} 换算为指标的计量单位后超出 ±{limit}；请检查单元格及其单位"},
    "PC402.out-of-range": {"en": "{label} {year}: computing with this value goes beyond the range of numbers "
                                 "({field}); a statistic this large or this small is almost surely a mistake: "
                                 "check the cell and the plan's numbers for the target",
                           "zh": "{label} {year}：用此值计算超出了数值范围（{field}）；"
                                 "这么大或这么小的统计值几乎可以肯定有误：请核对该单元格及规划中该指标的数值"},
    "PC402.not-number": {"en": "{cell} is not a number; expected {accepted}", "zh": "{cell} 不是数字；应为{accepted}"},
    "PC402.not-finite": {"en": "{cell} is not a finite number; expected {accepted}",
                         "zh": "{cell} 不是有限的数字；应为{accepted}"},
    "PC402.accepted": {"en": "a number such as 1500, 1,500, 3.6, 3.6%, 1728万, 1.6万亿, 约4.4, a stated verdict "
                             "(已完成, 未完成) or a missing marker (-, NA, 无数据)",
                       "zh": "数字（如 1500、1,500、3.6、3.6%、1728万、1.6万亿、约4.4）、"
                             "据报的结论（已完成、未完成）或缺失标记（-、NA、无数据）"},
    "PC402.magnitude": {"en": "{cell}: a magnitude word ({word}) is converted only for targets measured in "
                              "万…, 亿…, 万亿… or another magnitude, this one is in {measure}; write the plain number",
                        "zh": "{cell}：只有计量单位以数量级（万、亿、万亿等）开头的指标才换算数量级（{word}），"
                              "该指标的单位是 {measure}；请写出完整的数"},
    "PC402.not-grade": {"en": "{cell} is not one of the grades of this target ({grades}); "
                              "write the grade as the plan names it, or a missing marker",
                        "zh": "{cell} 不是该指标的等级之一（{grades}）；请按规划写出等级名称，或填缺失标记"},
    "PC402.not-yes-no": {"en": "{cell} is not yes/no; expected {words} or a missing marker",
                         "zh": "{cell} 不是 是/否；应为 {words} 或缺失标记"},
    "PC402.status": {"en": "unknown data status {cell}; expected final (正式, 年报), preliminary (快报, 初步) "
                           "or estimate (预计, 估计)",
                     "zh": "未知的数据状态 {cell}；应为 正式（final、年报）、快报（preliminary、初步）"
                           "或 预计（estimate、估计）"},
    "PC402.leading-zero": {"en": "{cell} after {before} looks like the end of the number {number} split at an "
                                 'unquoted thousands separator; quote it: "{number}" (or write {plain})',
                           "zh": "{before} 之后的 {cell} 像是被未加引号的千位分隔逗号拆开的数字 {number} 的后半部分；"
                                 '请加引号："{number}"（或写成 {plain}）'},
    "thousands-hint": {"en": "; {cell} looks like the last digits of a number written with an unquoted thousands "
                             'separator (1,050 saved as the two cells 1 and 050): quote the number, "1,050", '
                             "or write it without the comma",
                       "zh": "；{cell} 像是数字被未加引号的千位分隔逗号拆开后的"
                             "后三位（1,050 被存成 1 和 050 两个单元格）："
                             '请给数字加引号（"1,050"）或去掉逗号'},
    "PC403.no-target": {"en": "row without a target id", "zh": "该行没有指标"},
    "PC403.unknown": {"en": "unknown {what} {name}{hint}{fix}", "zh": "未知的{what} {name}{hint}{fix}"},
    "PC403.what-target": {"en": "target", "zh": "指标"},
    "PC403.what-plan": {"en": "plan", "zh": "规划"},
    "PC403.what-plan-target": {"en": "target of plan {plan}", "zh": "规划 {plan} 的指标"},
    "PC403.hint": {"en": " (did you mean {suggestion}?)", "zh": "（是否应为 {suggestion}？）"},
    "PC403.not-in-plan": {"en": " (not in plan {plans})", "zh": "（不在规划 {plans} 中）"},
    "PC403.in-no-plan": {"en": " (in none of the plans {plans})", "zh": "（不在 {plans} 任何一个规划中）"},
    "PC403.ignored": {"en": "; its rows are ignored", "zh": "；其所在行已忽略"},
    "PC403.fix": {"en": "; use an id or a name the plan defines, or --allow-unknown to ignore such rows",
                  "zh": "；请填写规划中定义的指标 id 或指标名称，或用 --allow-unknown 忽略这些行"},
    "PC403.shared-name": {"en": "target name {name} is the name of several targets ({ids}): write the target id",
                          "zh": "指标名称 {name} 对应多个指标（{ids}）：请填写指标 id"},
    "PC404.conflict": {"en": "value {new!r} conflicts with {old!r} on {where} "
                             "(same target, unit, year {year} and status {status!r})",
                       "zh": "数值 {new!r} 与{where}的 {old!r} 冲突（指"
                             "标、单位、年份 {year} 和状态 {status!r} 都相同）"},
    "PC405.duplicate": {"en": "duplicate of {where} (same year {year}, status and value)",
                        "zh": "与{where}重复（年份 {year}、状态和数值都相同）"},
    "where.line": {"en": "line {line}", "zh": "第 {line} 行"},
    "where.row": {"en": "row {row}", "zh": "第 {row} 行"},
    "where.cell": {"en": "{cell}", "zh": "{cell} 处"},
    "where.line-of": {"en": "line {line} of {file}", "zh": "{file} 第 {line} 行"},
    "PC406.unknown": {"en": "unknown unit {unit}: neither an id nor a name in the units of plan {plan}{hint}",
                      "zh": "未知的单位 {unit}：既不是规划 {plan} 中单位的 id，也不是其名称{hint}"},
    "PC407.unknown-column": {"en": "column {name} ignored: not a known column (known: {known}, "
                                   "or a year or period for the wide form)",
                             "zh": "列 {name} 已忽略：不是可识别的列（可识别：{known}，或宽表中的年份、期别）"},
    "PC407.empty-header": {"en": "column with an empty header ignored", "zh": "表头为空的列已忽略"},
    "PC407.second-column": {"en": "column {name} ignored: column {first} is already the {canonical!r} column",
                            "zh": "列 {name} 已忽略：第 {first} 列已是 {canonical!r} 列"},
    "PC407.year-in-long": {"en": "column {name} ignored: a yea"
    "r header in a long-form file (it has a year/value column)",
                           "zh": "列 {name} 已忽略：长表（有年份或数值列）中的年份表头"},
    "PC407.year-twice": {"en": "column {name} ignored: year {year} is already column {first}",
                         "zh": "列 {name} 已忽略：年份 {year} 已是第 {first} 列"},
    "PC407.period-twice": {"en": "column {name} ignored: this period is already column {first}",
                           "zh": "列 {name} 已忽略：该期别已是第 {first} 列"},
    "PC407.title": {"en": "{lines} above the header skipped ({cells}): the header is line {line}",
                    "zh": "表头（第 {line} 行）上方的{lines}已跳过（{cells}），视为表格标题"},
    "PC407.line": {"en": "line {first}", "zh": "第 {first} 行"},
    "PC407.lines": {"en": "lines {first}-{last}", "zh": "第 {first}-{last} 行"},
    "PC407.no-scope": {"en": "row ignored: {target} has no scope, so it has no per-unit values; "
                             "leave the unit column empty for its plan-wide value",
                       "zh": "该行已忽略：{target} 没有 scope，不分单位统计；请把 单位名称 列留空，填写全域数值"},
    "PC407.not-in-scope": {"en": "row ignored: unit {unit} is not in the scope of {target}",
                           "zh": "该行已忽略：单位 {unit} 不在 {target} 的 scope 中"},
    "PC408.year-or-period": {"en": "year {cell} is not an integer between {first} and {last} (2023 or 2023年), "
                                   "nor a period of one ({examples})",
                             "zh": "年份 {cell} 不是 {first} 到 {last} "
                                   "之间的整数（2023 或 2023年），也不是年内期别（{examples}）"},
    "PC408.basis": {"en": "unknown basis {cell}; expected 累计 (year to "
                          "date) or 当月/当季 (that month or quarter alone)",
                    "zh": "未知的口径 {cell}；应为 累计（年初至今）或 当月/当季（仅该月或该季）"},
    "PC408.months": {"en": "period {cell} does not name months between 1 and 12 in order; write for example {examples}",
                     "zh": "期别 {cell} 没有按顺序写出 1 到 12 之间的月份；请写成如 {examples}"},
    "PC408.other-year": {"en": "period {cell} names the year {named} but the year column says {year}",
                         "zh": "期别 {cell} 写的是 {named} 年，而年份列是 {year}"},
    "PC408.no-year": {"en": "period {cell} has no year: write it as 2025年{bare} or add a year column",
                      "zh": "期别 {cell} 没有年份：请写成 2025年{bare}，或添加年份列"},
    "PC408.basis-contradicts": {"en": "period {cell} says {said} but the basis (口径) cell says {basis}",
                                "zh": "期别 {cell} 表明是{said}，而口径列是{basis}"},
    "PC408.ytd-not-alone": {"en": "period {cell} is the year to date (累计) but the basis says the period alone "
                                  "(当月); write the month alone as 2025年9月当月",
                            "zh": "期别 {cell} 是年初至今（累计），而口径为仅当期（当月）；单月请写成 2025年9月当月"},
    "PC408.not-from-january": {"en": "period {cell} does not start in January, so it is not year to date (累计); "
                                     "write 2025年1-9月 for the year to date",
                               "zh": "期别 {cell} 不是从 1 月开始，"
                                     "因此不是年初至今（累计）；年初至今请写成 2025年1-9月"},
    "PC408.which-basis": {"en": "period {cell} does not say whether its figure is the year to date (累计) or {span} "
                                "alone ({alone}): write {year}年1-{last}月 for the year to date, or add {alone} or "
                                "累计 to the label, or add a basis (口径) column with 累计 or {alone}",
                          "zh": "期别 {cell} 没有说明数值是年初至今（累计）还是仅{span}（{alone}）：年初至今请写成 "
                                "{year}年1-{last}月，或在期别后加 {alone} 或 累计，或添加口径列并填 累计 或 {alone}"},
    "period.month": {"en": "month {month}", "zh": "{month} 月"},
    "period.quarter": {"en": "quarter {quarter}", "zh": "第 {quarter} 季度"},
    "period.half": {"en": "the half year", "zh": "半年"},
    "period.ytd": {"en": "累计 (year to date)", "zh": "累计（年初至今）"},
    "period.alone": {"en": "当月 (the period alone)", "zh": "当月（仅当期）"},
    "PC404.period-conflict": {"en": "value {new!r} conflicts with {old!r} on {where} (same target, unit, period "
                                    "{period} and status {status!r})",
                              "zh": "数值 {new!r} 与{where}的 {old!r} 冲突（指标、"
                                    "单位、期别 {period} 和状态 {status!r} 都相同）"},
    "PC405.period-duplicate": {"en": "duplicate of {where} (same period {period}, status and value)",
                               "zh": "与{where}重复（期别 {period}、状态和数值都相同）"},
    "PC408.year": {"en": "year {cell} is not an integer between {first} and {last} (2023 or 2023年)",
                   "zh": "年份 {cell} 不是 {first} 到 {last} 之间的整数（2023 或 2023年）"},
    "PC409.measure": {"en": "unit of measure {measure} of {target} differs from the target's {unit} and cannot be "
                            "converted (only magnitudes such as 万, 亿, 万亿, 千万 are)",
                      "zh": "{target} 的计量单位 {measure} 与指标的 {unit} 不同，"
                            "且无法换算（只能换算 万、亿、万亿、千万 等数量级）"},
    "PC409.sign": {"en": "{cell} is written in {sign}", "zh": "{cell} 以 {sign} 填写"},
    "PC409.sign-unit": {"en": ", but {target} is measured in {unit}: enter the value in {bare}, without {sign}",
                        "zh": "，但 {target} 的计量单位是 {unit}：请填写以 {bare} 计的数值，不带 {sign}"},
    "PC409.hint-growth": {"en": " (a growth target reads each year's level and computes the growth from them; "
                                "if these are growth rates, add actuals: rate to the target in the plan)",
                          "zh": "（增长类指标读取各年的总量并由此计算增速；若填的确是增速，"
                                "请在规划中为该指标加上 actuals: rate）"},
    "PC409.hint-change": {"en": " (the plan's change is computed from each year's value: enter the value, "
                                "not the change)",
                          "zh": "（规划要求的变化幅度由各年数值计算：请填写数值本身，而非变化幅度）"},
    "PC411.no-data": {"en": "no actual value for any of the {count} targets of plan {plan}{read}: every result is "
                            "no_data or pending; fill in the values, or check the CSV's plan and target columns",
                      "zh": "规划 {plan} 的 {count} 项指标都没有实际值{read}：所有结果都是缺少数据或未到期；"
                            "请填写数值，或检查 CSV 的规划列和指标列"},
    "PC411.read": {"en": " in {files}", "zh": "（读取了 {files}）"},
    "PC412.measure": {"en": "the measure column gives the actuals of {target} in %, but a cagr target reads levels "
                            "(总量, such as output in 亿元) and computes the average rate from the baseline; "
                            "enter the levels, or add actuals: rate to the target in the plan if these are rates",
                      "zh": "计量单位列表明 {target} 的实际值以 % 计，但年"
                            "均增速（cagr）类指标读取的是总量（如以亿元计的产值），"
                            "并由基期值计算年均增速；请填写总量，若填的确是增速，请在规划中为该指标加上 actuals: rate"},
    "PC412.cell": {"en": "the actuals of {target} are written in {sign} ({cell}), but a cagr target reads levels "
                         "(总量, such as output in 亿元) and computes the average rate from the baseline; "
                         "enter the levels, or add actuals: rate to the target in the plan if these are rates",
                   "zh": "{target} 的实际值以 {sign} 填写（{cell}），但年均增速（cagr）类指标读取的是总量"
                         "（如以亿元计的产值），并由基期值计算年均增速；请填写总量，若填的确是增速，"
                         "请在规划中为该指标加上 actuals: rate"},
    "PC412.values": {"en": "the actuals of {target} ({values}) look like growth rates: they are close to the "
                           "plan's rate {rate:g}; a cagr target reads levels (总量, such as output in 亿元) and "
                           "computes the average rate from the baseline; enter the levels, or add actuals: rate "
                           "to the target in the plan if these are rates",
                     "zh": "{target} 的实际值（{values}）看起来是增速：与规划要求的增速 {rate:g} 相近；"
                           "年均增速（cagr）类指标读取的是总量（如以亿元计的产值），并由基期值计算年均增速；"
                           "请填写总量，若填的确是增速，请在规划中为该指标加上 actuals: rate"},
    "PC413.totals": {"en": "the actuals of {target} ({values}) look like running totals: each year is at least "
                           "the one before plus half the first; a cumulative target adds up each year's new "
                           "amount (当年新增); enter the yearly amounts, or add actuals: running_total to the "
                           "target in the plan if these are totals",
                     "zh": "{target} 的实际值（{values}）看起来是累计数：每年都比上一年至少多出首年数值的一半；"
                           "累计类指标把每年的当年新增数相加；请填写当年新增数，若填的确是累计数，"
                           "请在规划中为该指标加上 actuals: running_total"},
    "PC414.implausible": {"en": "{target} {year}: the value was converted from {written} to the target's {measure} "
                                "({value} {measure}) and gives an attainment of {attainment}, outside "
                                "{low:.0%}..{high:.0%}; check that the cell's magnitude ({written}) and the "
                                "target's ({measure}) are the ones meant",
                          "zh": "{target} {year}：数值由{written}换算为指标的{measure}（{value} {measure}），"
                                "达成率为 {attainment}，超出 {low:.0%}..{high:.0%}；"
                                "请核对单元格的数量级（{written}）和指标的计量单位（{measure}）是否无误"},
    "PC414.earlier": {"en": "{target} {year}: the value was converted from {written} to the target's {measure} "
                            "({value} {measure}) and lies outside {low:.0%}..{high:.0%} of the {reference_year} "
                            "value it is compared with ({reference} {measure}); check that the cell's magnitude "
                            "({written}) and the target's ({measure}) are the ones meant",
                      "zh": "{target} {year}：数值由{written}换算为指标的{measure}（{value} {measure}），"
                            "不在与之比较的 {reference_year} 年数值（{reference} {measure}）的 "
                            "{low:.0%}..{high:.0%} 之内；请核对单元格的数量级（{written}）和指标的计量单位"
                            "（{measure}）是否无误"},
    "PC417.after-end": {"en": "{target}: the requirement is for {final}, but the series has no {final} figure and "
                              "the result is judged on the {year} figure ({value}); enter the {final} figure, or "
                              "assess at --year {final}",
                        "zh": "{target}：目标年份为 {final} 年，但没有 {final} 年的实际值，结果按 {year} 年的数值"
                              "（{value}）评判；请填写 {final} 年的实际值，或用 --year {final} 评估"},
    "PC416.fraction": {"en": "the actuals of {target} ({values}) all lie between 0 and 1 while the requirement is "
                             "{requirement} %: they look like fractions, {first} looks like {percent} %; the target "
                             "is measured in %: write percents ({percent} for {first})",
                       "zh": "{target} 的实际值（{values}）都在 0 和 1 之间，而要求为 {requirement}%："
                             "看起来填的是小数，{first} 像是 {percent}%；"
                             "该指标以 % 计，请填写百分数（{first} 应写作 {percent}）"},
    "PC416.jump": {"en": "{target} {year}: {value} stands {factor} times apart from the other values of the series "
                         "({others}); a figure in another magnitude (万元 for 亿元 is 10,000 times) reads as another "
                         "number: write every year in {measure}",
                   "zh": "{target} {year}：{value} 与该序列其他年份的数值（{others}）相差 {factor} 倍；"
                         "数量级不同的数（如万元填作亿元，相差 10,000 倍）会被读作另一个数：请各年都以 {measure} 填写"},
    "PC416.above": {"en": "{target} {year}: {value} is {factor} times the requirement {requirement} {measure}; "
                          "check that the value is in {measure} (a figure in 万元 read as 亿元 is 10,000 times "
                          "too large)",
                    "zh": "{target} {year}：{value} 是要求 {requirement} {measure} 的 {factor} 倍；"
                          "请核对数值是否以 {measure} 计（以万元计的数当作亿元读，会大 10,000 倍）"},
    "PC416.below": {"en": "{target} {year}: {value} is 1/{factor} of the requirement {requirement} {measure}; "
                          "check that the value is in {measure} (a figure in 亿元 read as 万元 is 10,000 times "
                          "too small)",
                    "zh": "{target} {year}：{value} 只有要求 {requirement} {measure} 的 {factor} 分之一；"
                          "请核对数值是否以 {measure} 计（以亿元计的数当作万元读，会小 10,000 倍）"},
    # -- the 填写说明 column of policycheck template (actuals/template.py) ---------------------
    "fill.value": {"en": "the year's value, in {measure}", "zh": "填写当年数值（{measure}）"},
    "fill.cagr": {"en": "the level (total, e.g. output in 亿元), not the growth rate: the average rate is "
                        "computed from the baseline year's level",
                  "zh": "填写总量（如以亿元计的产值），不填增速：年均增速由基期总量算出"},
    "fill.cagr-rate": {"en": "the average growth rate since the baseline year, in % (the plan says actuals: rate)",
                       "zh": "填写基期以来的年均增速（%）（规划写明 actuals: rate）"},
    "fill.cumulative": {"en": "the year's new amount (当年新增), not the running total: the years are added up",
                        "zh": "填写当年新增数，不填累计数：各年相加即为累计"},
    "fill.running-total": {"en": "the running total up to the year (the plan says actuals: running_total)",
                           "zh": "填写截至当年的累计数（规划写明 actuals: running_total）"},
    "fill.growth": {"en": "the year's level (total): the growth rate is computed from two years",
                    "zh": "填写当年总量：增速由相邻两年算出"},
    "fill.growth-rate": {"en": "the year's growth rate, in % (the plan says actuals: rate)",
                         "zh": "填写当年增速（%）（规划写明 actuals: rate）"},
    "fill.milestone": {"en": "done or not: 是/否 (已完成/未完成, 已建成/未建成, yes/no)",
                       "zh": "填写 是/否（已完成/未完成、已建成/未建成）"},
    "fill.rank": {"en": "the rank (名次), 1 for the first", "zh": "填写名次（第一名填 1）"},
    "fill.category": {"en": "the grade, as the plan names it: {grades}", "zh": "填写等级（按规划的写法：{grades}）"},
    "fill.reference": {"en": "the comparison series' value for the year", "zh": "对照数值：填写当年数值"},
    "fill.unit": {"en": "{what}, for {unit} alone", "zh": "{what}，仅{unit}"},
    "fill.before-since": {"en": "not counted: the total starts in {since} (may stay empty)",
                          "zh": "不计入累计（{since}年起累计），可不填"},
    "fill.baseline": {"en": "baseline year: {what}", "zh": "基期：{what}"},
}
