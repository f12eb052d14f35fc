"""Messages of explanations files and --require-explanations, PC600-PC606 (docs/validation.md#explanations-files).

The readers are policycheck/actuals/notes_*.py; PC602 for an explanation that
matches no result and PC606 come from policycheck/evaluation/explanations.py.
"""
from __future__ import annotations

from collections.abc import Mapping

#: key -> {"en": template, "zh": template}; both templates take the same fields.
NOTES_MESSAGES: Mapping[str, Mapping[str, str]] = {
    # -- PC600: the file cannot be read (notes_read.py, notes_yaml.py, notes_workbook.py) ----------
    "PC600.decode": {"en": "cannot read the explanations file: {reason}", "zh": "无法读取说明文件：{reason}"},
    "PC600.csv": {"en": "cannot read the CSV ({encoding}): {error}", "zh": "无法读取 CSV（{encoding}）：{error}"},
    "PC600.too-large": {"en": "the file is over 10 MiB: not an explanations file",
                        "zh": "文件超过 10 MiB：不是说明文件"},
    "PC600.not-utf8": {"en": "not UTF-8 text at byte {offset}", "zh": "第 {offset} 字节处不是 UTF-8 文本"},
    "PC600.yaml": {"en": "cannot parse the YAML: {error}", "zh": "无法解析 YAML：{error}"},
    "PC600.not-mapping": {"en": "expected a mapping with target, year, 原因 (cause) and 措施 (measures)",
                          "zh": "应为含 target（指标）、year（年份）、原因和措施的映射"},
    "PC600.no-list-key": {"en": "expected a list of explanations, at the top of the file or under one of the "
                                "keys {keys}",
                          "zh": "应为说明的列表，位于文件顶层或以下键之一之下：{keys}"},
    "PC600.not-list": {"en": "expected a list of explanations (one '- target: ...' item each)",
                       "zh": "应为说明的列表（每条说明一项 '- target: ...'）"},
    "PC600.refused": {"en": "{reason}; nothing in it was read", "zh": "{reason}；其中的内容均未读取"},
    # -- PC601: no header, or a required column missing --------------------------------------------
    "PC601.empty": {"en": "no header row: the file has only empty lines", "zh": "没有表头行：文件只有空行"},
    "PC601.missing": {"en": "missing required column {names}; an explanations file needs target, year "
                            "and a cause (原因) or measures (措施) column",
                      "zh": "缺少必需的列 {names}；说明文件需要 target（指标）、year（年份）以及原因或措施列"},
    "PC601.cause-or-measures": {"en": "cause or measures", "zh": "原因或措施"},
    "PC601.item-missing": {"en": "explanation without {missing}: each item needs target and year",
                           "zh": "说明缺少 {missing}：每一项都需要 target（指标）和 year（年份）"},
    "PC601.no-header": {"en": "none of the first {rows} rows is the header of an explanations file: target, "
                              "year and a cause (原因) or measures (措施) column",
                        "zh": "前 {rows} 行中没有说明文件的表头：target（指标）、year（年份）以及原因或措施列"},
    "PC601.no-sheet": {"en": "no sheet is an explanations file: {why}", "zh": "没有一个工作表是说明文件：{why}"},
    # -- PC602: unknown plan, target or unit (notes_resolve.py, evaluation/explanations.py) ---------
    "PC602.no-target": {"en": "row without a target id", "zh": "该行没有指标代码"},
    "PC602.several-plans": {"en": "target {target} is in several plans ({plans}): add a plan column to say which",
                            "zh": "指标 {target} 属于多个规划（{plans}）：请加 plan 列说明是哪一个"},
    "PC602.what-plan": {"en": "plan", "zh": "规划"},
    "PC602.what-target": {"en": "target", "zh": "指标"},
    "PC602.what-target-of": {"en": "target of plan {plan}", "zh": "规划 {plan} 的指标"},
    "PC602.unknown": {"en": "unknown {what} {name}{hint}", "zh": "未知的{what} {name}{hint}"},
    "PC602.unknown-ignored": {"en": "unknown {what} {name}; the row is ignored",
                              "zh": "未知的{what} {name}；已忽略该行"},
    "PC602.did-you-mean": {"en": " (did you mean {suggestion}?)", "zh": "（是否应为 {suggestion}？）"},
    "PC602.use-defined": {"en": "; use an id the plan defines", "zh": "；请使用规划中定义的代码"},
    "PC602.unknown-unit": {"en": "unknown unit {unit} is not in the scope of {target} ({hint})",
                           "zh": "未知的单位 {unit} 不在 {target} 的范围内（{hint}）"},
    "PC602.unit-out-of-scope": {"en": "unit {unit} is not in the scope of {target} ({hint})",
                                "zh": "单位 {unit} 不在 {target} 的范围内（{hint}）"},
    "PC602.scope-one-of": {"en": "one of {units}", "zh": "应为 {units} 之一"},
    "PC602.no-scope": {"en": "none: {target} has no scope, so leave the unit cell empty",
                       "zh": "{target} 没有分解范围，单位一栏请留空"},
    "PC602.no-result": {"en": "explanation for {label} in {year} matches no result: {hint}",
                        "zh": "{label} {year} 年的说明没有对应的结果：{hint}"},
    "PC602.per-unit": {"en": "its results are per unit ({units}): give the unit",
                       "zh": "该指标的结果按单位分列（{units}）：请填写单位"},
    "PC602.results-for": {"en": "its results are for {units}", "zh": "该指标的结果属于 {units}"},
    # -- PC603: a bad year or row ------------------------------------------------------------------
    "PC603.extra-cell": {"en": "row has {fields} fields but the header has {width}: unexpected cell {cell} "
                               "(a comma inside a cell must be quoted)",
                         "zh": "该行有 {fields} 个字段，而表头只有 {width} 个：多出的单元格 {cell}"
                               "（单元格内的逗号须加引号）"},
    "PC603.not-scalar": {"en": "{key} must be text or a number, not a list or mapping",
                         "zh": "{key} 必须是文本或数字，而不是列表或映射"},
    "PC603.year-outside": {"en": "year {year} is outside the years of plan {plan} ({first}-{last}); give the "
                                 "assessment year the explanation is for",
                           "zh": "年份 {year} 不在规划 {plan} 的年份（{first}-{last}）之内；"
                                 "请填写说明所针对的考核年份"},
    # -- PC604: two explanations for one key --------------------------------------------------------
    "PC604.second": {"en": "a second explanation for {label} in {year} (the first is at {where}); "
                           "merge them into one row",
                     "zh": "{label} {year} 年的第二条说明（第一条在{where}）；请合并为一行"},
    "PC604.line": {"en": "line {line}", "zh": "第 {line} 行"},
    # -- PC605: a column, key or sheet ignored -----------------------------------------------------
    "PC605.unknown-column": {"en": "column {column} ignored: not a column of an explanations file (known: {known})",
                             "zh": "已忽略列 {column}：不是说明文件的列（可用的列：{known}）"},
    "PC605.repeated-column": {"en": "column {column} ignored: column {first} is already the {name} column",
                              "zh": "已忽略列 {column}：第 {first} 列已是 {name} 列"},
    "PC605.key": {"en": "key {key} ignored: {why} (known: {known})",
                  "zh": "已忽略键 {key}：{why}（可用的键：{known}）"},
    "PC605.not-a-key": {"en": "not a key of an explanation", "zh": "不是说明的键"},
    "PC605.key-taken": {"en": "another key is already {name}", "zh": "已有另一个键是 {name}"},
    "PC605.sheet": {"en": "sheet {name} ignored: {why}", "zh": "已忽略工作表 {name}：{why}"},
    # -- PC606: --require-explanations (evaluation/explanations.py) --------------------------------
    "PC606.none": {"en": "{label} is {status} in {year} and has no explanation: add a row with its cause (原因) "
                         "and measures (措施) to the explanations file (policycheck template --notes writes one)",
                   "zh": "{label} {year} 年{status}，且没有说明：请在说明文件中加一行，写明原因和措施"
                         "（policycheck template --notes 可生成该文件）"},
    "PC606.lacks": {"en": "{label} is {status} in {year} and its explanation lacks {missing}: fill them in",
                    "zh": "{label} {year} 年{status}，其说明缺少{missing}：请补上"},
    # the status as the message names it: the machine word in English, the label people read in Chinese
    "PC606.status.met": {"en": "met", "zh": "已达成"},
    "PC606.status.on_track": {"en": "on_track", "zh": "符合序时进度"},
    "PC606.status.at_risk": {"en": "at_risk", "zh": "略有滞后"},
    "PC606.status.off_track": {"en": "off_track", "zh": "明显滞后"},
    "PC606.status.regressing": {"en": "regressing", "zh": "不进反退"},
    "PC606.status.missed": {"en": "missed", "zh": "未达成"},
    "PC606.status.no_data": {"en": "no_data", "zh": "缺少数据"},
    "PC606.status.pending": {"en": "pending", "zh": "未到期"},
    "PC606.cause": {"en": "a cause (原因)", "zh": "原因"},
    # -- the command line of the 通报 (cli/bulletin.py, cli/template_notes.py, cli/commands.py) ------
    "cli.notes-not-actuals": {"en": "{paths}: an explanations file (it has a 原因 or 措施 column), not actuals; "
                                    "give the statistics with -a too",
                              "zh": "{paths}：这是说明文件（有原因或措施列），不是实际值；请同时用 -a 给出统计数据"},
    "cli.year-and-years": {"en": "--year and --years cannot be used together: --years A-B assesses year B",
                           "zh": "--year 与 --years 不能同时使用：--years A-B 考核的是 B 年"},
    "cli.period-and-years": {"en": "--period and --years cannot be used together: --years compares year ends",
                             "zh": "--period 与 --years 不能同时使用：--years 比较的是各年年末"},
    "cli.compare-and-years": {"en": "--compare and --years cannot be used together: "
                                    "each gives the earlier statuses",
                              "zh": "--compare 与 --years 不能同时使用：两者都给出以前各年的状态"},
    "cli.notes-template-years": {"en": "template --notes takes --year (the assessment year), "
                                       "not --years or --wide",
                                 "zh": "template --notes 用 --year（考核年份），不用 --years 或 --wide"},
    "cli.notes-template-actuals": {"en": "template --notes needs the statistics: -a FILE (the run whose failing "
                                         "targets to explain)",
                                   "zh": "template --notes 需要统计数据：-a 文件"
                                         "（要为其不通过的指标写说明的那次核查）"},
    "cli.template-a-without-notes": {"en": "template: -a is for --notes (the explanations file of a run); without "
                                           "--notes the CSV to fill in needs only the plans",
                                     "zh": "template：-a 只用于 --notes（一次核查的说明表）；"
                                           "不加 --notes 时，待填的 CSV 只需要规划文件"},
    "cli.diff-output": {"en": "-o {value}: expected FORMAT=PATH with FORMAT one of {formats}",
                        "zh": "-o {value}：应为 FORMAT=PATH，FORMAT 为 {formats} 之一"},
    "PC606.measures": {"en": "measures (措施)", "zh": "措施"},
}
