"""Messages of the command line: validate's own lines, usage errors, the configuration file (PC500)."""
from __future__ import annotations

from collections.abc import Mapping

#: key -> {"en": template, "zh": template}; both templates take the same fields.
COMMAND_MESSAGES: Mapping[str, Mapping[str, str]] = {
    # -- validate's own lines (reporters/text.py) ------------------------------------------
    "validate.clean-one": {"en": "policycheck: {count} file checked, no problems found",
                           "zh": "policycheck: 已检查 {count} 个文件，未发现问题"},
    "validate.clean": {"en": "policycheck: {count} files checked, no problems found",
                       "zh": "policycheck: 已检查 {count} 个文件，未发现问题"},
    "validate.skipped-one": {"en": "policycheck: skipped {count} YAML file that is not a plan "
                                   "(no top-level 'policycheck' key): {files}",
                             "zh": "policycheck: 跳过 {count} 个不是规划的 YAML 文件"
                                   "（没有顶层 'policycheck' 键）：{files}"},
    "validate.skipped": {"en": "policycheck: skipped {count} YAML files that are not plans "
                               "(no top-level 'policycheck' key): {files}",
                         "zh": "policycheck: 跳过 {count} 个不是规划的 YAML 文件"
                               "（没有顶层 'policycheck' 键）：{files}"},
    # -- every input, read once and bounded (inputs.py; docs/security.md#3-bounded-resources) --
    "input.stdin-closed": {"en": "cannot read standard input: it is closed",
                           "zh": "无法读取标准输入：它已关闭"},
    "input.directory": {"en": "cannot read the file: Is a directory", "zh": "无法读取文件：这是一个文件夹"},
    "input.special": {"en": "not a regular file (a device, FIFO or socket): a folder search reads regular files "
                            "only; name it on the command line to read it",
                      "zh": "不是普通文件（设备、FIFO 或套接字）：搜索文件夹时只读取普通文件；"
                            "如需读取，请在命令行中直接指定"},
    "input.read": {"en": "cannot read the file: {error}", "zh": "无法读取文件：{error}"},
    "input.stopped": {"en": "stopped after {limit}: the input goes on past the limit (a pipe or a device such "
                            "as /dev/zero may never end); if it is the right file, raise the limit with --max-bytes",
                      "zh": "读取 {limit} 后停止：输入超过了上限（管道或 /dev/zero 这类设备可能永无止境）；"
                            "如果文件没错，请用 --max-bytes 提高上限"},
    "input.too-large": {"en": "the file is {size}, over the limit of {limit}; if it is the right file, "
                              "raise the limit with --max-bytes",
                        "zh": "文件大小为 {size}，超过上限 {limit}；如果文件没错，请用 --max-bytes 提高上限"},
    # -- the command line (cli/commands.py) ---------------------------------------------------
    "cli.output-twice": {"en": "-o given {count} times ({paths}); template writes one file",
                         "zh": "-o 给了 {count} 次（{paths}）；template 只写一个文件"},
    "cli.exists": {"en": "{path}: the file exists and may hold filled-in values; template never overwrites a file: "
                         "write to another name, or add --force to replace it",
                   "zh": "{path}：文件已存在，可能已填有数据；template 不会覆盖已有文件：请换一个文件名，"
                         "或加 --force 替换它"},
    # -- output paths and stdout (cli/output.py, cli/streams.py; docs/security.md#5-atomic-outputs-all-or-nothing) --
    "output.dash": {"en": "-: is not a file name here; to print a report on standard output use -f FORMAT "
                          "(or -o FORMAT=/dev/stdout)",
                    "zh": "-：这里不能用作文件名；要把报告打印到标准输出，请用 -f FORMAT（或 -o FORMAT=/dev/stdout）"},
    "output.dash-template": {"en": "-: is not a file name here; to print the template on standard output, "
                                   "leave out -o",
                             "zh": "-：这里不能用作文件名；要把模板打印到标准输出，请不要给 -o"},
    "output.folder": {"en": "{path}: names a folder; give a file name, e.g. {path}report.json",
                      "zh": "{path}：这是文件夹名；请给出文件名，如 {path}report.json"},
    "output.is-directory": {"en": "{path}: cannot write: Is a directory", "zh": "{path}：无法写入：这是一个文件夹"},
    "output.device": {"en": "{path}: cannot write: a device other than /dev/null or a terminal; give a file name",
                      "zh": "{path}：无法写入：这是 /dev/null 和终端以外的设备；请给出文件名"},
    "output.socket": {"en": "{path}: cannot write: a socket; give a file name",
                      "zh": "{path}：无法写入：这是套接字；请给出文件名"},
    "output.block-device": {"en": "{path}: cannot write: a block device; give a file name",
                            "zh": "{path}：无法写入：这是块设备；请给出文件名"},
    "output.not-file": {"en": "{path}: cannot write: not a file; give a file name",
                        "zh": "{path}：无法写入：不是文件；请给出文件名"},
    "output.no-reader": {"en": "{path}: cannot write: no process is reading this FIFO",
                         "zh": "{path}：无法写入：没有进程在读取这个 FIFO"},
    "output.closed": {"en": "{path}: cannot write: it is closed", "zh": "{path}：无法写入：它已关闭"},
    "output.split-form": {"en": "--split {value}: expected FORMAT=DIR, e.g. xlsx=reports/",
                          "zh": "--split {value}：应为 FORMAT=DIR 的形式，如 xlsx=reports/"},
    "output.template-xlsx": {"en": "{path}: the template workbook is written as .xlsx (Excel, WPS and LibreOffice "
                                   "open it); name the file .xlsx",
                             "zh": "{path}：模板工作簿以 .xlsx 格式写出（Excel、WPS 和 LibreOffice 都能打开）；"
                                   "请把文件名改为 .xlsx"},
    "output.write": {"en": "{path}: cannot write: {error}", "zh": "{path}：无法写入：{error}"},
    "output.is-input": {"en": "{path}: is an input file of this run; inputs are never modified, "
                              "so write the output to another path",
                        "zh": "{path}：是本次运行的输入文件；输入文件从不修改，请把输出写到别的路径"},
    "output.no-folder": {"en": "{path}: cannot make the folder: {error}", "zh": "{path}：无法创建文件夹：{error}"},
    "output.twice": {"en": "{path}: given twice as an output (also as {earlier}); each -o needs its own path",
                     "zh": "{path}：作为输出给了两次（另一次是 {earlier}）；每个 -o 需要各自的路径"},
    "stdout.closed": {"en": "stdout: is closed; give it a file (> report.txt) or write the report "
                            "with -o FORMAT=FILE",
                      "zh": "stdout：标准输出已关闭；请把它重定向到文件（> report.txt），或用 -o FORMAT=FILE 写出报告"},
    "stdout.encoding": {"en": "stdout: cannot write {char} in its encoding {encoding} (from PYTHONIOENCODING "
                              "or the locale); set PYTHONIOENCODING=utf-8, or write the report with -o FORMAT=FILE",
                        "zh": "stdout：无法以其编码 {encoding}（来自 PYTHONIOENCODING 或区域设置）写出 {char}；"
                              "请设置 PYTHONIOENCODING=utf-8，或用 -o FORMAT=FILE 写出报告"},
    "stdout.gone": {"en": "stdout: closed by its reader", "zh": "stdout：读取方已关闭"},
    "stdout.write": {"en": "stdout: cannot write: {error}", "zh": "stdout：无法写入：{error}"},
    # -- a stopped run (cli/guard.py; docs/security.md#exit-codes) ---------------------------
    "cli.interrupted": {"en": "policycheck: interrupted", "zh": "policycheck：已中断"},
    "cli.stopped": {"en": "policycheck: stopped by {signal}", "zh": "policycheck：被 {signal} 信号停止"},
    # -- option values (cli/options.py, cli/run.py; docs/configuration.md) ----------------
    "cli.stdin-twice": {"en": "-: standard input is given for several inputs, but it can be read once; "
                              "give '-' for one plan or CSV file only",
                        "zh": "-：标准输入给了多个输入，但只能读取一次；请只为一个规划或 CSV 文件给出 '-'"},
    "cli.ratio-not-number": {"en": "{value} is not a number; give a ratio such as 0.95",
                             "zh": "{value} 不是数字；请给出比率，如 0.95"},
    "cli.ratio-not-finite": {"en": "{value} is not a finite ratio; give one such as 0.95",
                             "zh": "{value} 不是有限的比率；请给出如 0.95 的比率"},
    "cli.ratio-negative": {"en": "{value} is negative; give a ratio of at least 0 such as 0.95",
                           "zh": "{value} 为负数；请给出不小于 0 的比率，如 0.95"},
    "cli.year-and-period": {"en": "give --year (a year end) or --period (the end of a month), not both",
                            "zh": "请给出 --year（年末）或 --period（月末），不要同时给出"},
    "cli.output-form": {"en": "{value}: expected FORMAT=PATH, e.g. json=report.json",
                        "zh": "{value}：应为 FORMAT=PATH 的形式，如 json=report.json"},
    "cli.output-format": {"en": "{fmt} is not a format; choose one of {formats}",
                          "zh": "{fmt} 不是报告格式；可选 {formats}"},
    "cli.validate-output-form": {"en": "-o {value}: expected FORMAT=PATH with FORMAT one of {formats}",
                                 "zh": "-o {value}：应为 FORMAT=PATH 的形式，FORMAT 可选 {formats}"},
    "cli.tablefmt": {"en": "{value} is not a tabulate format; choose one of {formats}",
                     "zh": "{value} 不是 tabulate 格式；可选 {formats}"},
    "cli.no-unit": {"en": "--unit {unit}: no such responsible unit in the plans{hint}",
                    "zh": "--unit {unit}：规划中没有这个责任单位{hint}"},
    "cli.did-you-mean": {"en": "; did you mean {name}?", "zh": "；是不是 {name}？"},
    "cli.unit-list": {"en": "; units are: {units}", "zh": "；责任单位有：{units}"},
    "cli.no-target": {"en": "{file}: no target {target} in plan {plan}{hint}",
                      "zh": "{file}：规划 {plan} 中没有指标 {target}{hint}"},
    "cli.target-list": {"en": "; targets are: {targets}", "zh": "；指标有：{targets}"},
    "cli.year-before-baseline": {"en": "{file}: warning: --year {year} is before the baseline year {baseline} of plan "
                                       "{plan} ({start}-{end}); its results can only be no_data or pending",
                                 "zh": "{file}: warning: --year {year} 早于规划 {plan}（{start}-{end}）的基期年份 "
                                       "{baseline}；其结果只能是 no_data 或 pending"},
    "cli.compare-no-plan": {"en": "{path}: warning: the previous report has no results of plan {plan}; its targets "
                                  "have nothing to compare with",
                            "zh": "{path}: warning: 上次的报告没有规划 {plan} 的结果；其指标无从比较"},
    # -- -v: what was read and which year (cli/run.py) ----------------------------------
    "cli.read-plan": {"en": "{file}: plan {plan}, {targets} targets, period {start}-{end}, baseline year {baseline}",
                      "zh": "{file}：规划 {plan}，{targets} 项指标，规划期 {start}-{end}，基期年份 {baseline}"},
    "cli.read-actuals": {"en": "{files}: {observations} observations{months} in {series} series, "
                               "{superseded} superseded rows",
                         "zh": "{files}：{observations} 个观测值{months}，共 {series} 个序列，{superseded} 行被取代"},
    "cli.read-in-year": {"en": " and {count} in-year figures", "zh": "和 {count} 个年内数据"},
    "cli.assessed-month": {"en": "{file}: assessed at the end of {as_of} ({how})",
                           "zh": "{file}：评估时点为 {as_of} 末（{how}）"},
    "cli.assessed-year": {"en": "{file}: assessed at {year} ({how})", "zh": "{file}：评估年份为 {year}（{how}）"},
    "cli.how-latest-year": {"en": "the latest year with data", "zh": "有数据的最近一年"},
    "cli.how-latest-month": {"en": "the latest month with in-year data", "zh": "有年内数据的最近一个月"},
    "cli.how-no-data": {"en": "no data at all: the period end", "zh": "完全没有数据：取规划期末"},
    "cli.years-form": {"en": "--years: expected FIRST-LAST such as 2018-2020, got {text}",
                       "zh": "--years：应为 起始年-结束年 的形式，如 2018-2020，而不是 {text}"},
    "cli.years-range": {"en": "--years: {text} must be two years between {first} and {last}, the first not after "
                              "the last",
                        "zh": "--years：{text} 应为 {first} 到 {last} 之间的两个年份，起始年不晚于结束年"},
    "cli.no-path": {"en": "{path}: no such file or folder", "zh": "{path}：文件或文件夹不存在"},
    "cli.nothing-found": {"en": "{folder}: no plan (*.yaml, *.yml with a top-level 'policycheck:' key) "
                                "or CSV file found",
                          "zh": "{folder}：没有找到规划（带顶层 'policycheck:' 键的 *.yaml、*.yml）或 CSV 文件"},
    "cli.size": {"en": "{value} is not a size; write a positive number of bytes, optionally with K, M or G "
                       "(powers of 1024), e.g. 512M",
                 "zh": "{value} 不是大小；请写正的字节数，可带 K、M 或 G（1024 的幂），如 512M"},
    # -- --reader (cli/options.py; docs/actuals.md#fast-reader) ------------------------------
    "cli.reader-needs-pyarrow": {"en": "fast needs pyarrow: pip install 'policycheck[fast]', or use --reader auto",
                             "zh": "fast 需要 pyarrow：请 pip install 'policycheck[fast]'，或使用 --reader auto"},
    # -- a previous JSON report read back (previous.py: check --compare, policycheck diff) ----
    "input.report-unreadable": {"en": "{path}: cannot read the report: {problem}",
                                "zh": "{path}：无法读取报告：{problem}"},
    "input.report-not-utf8": {"en": "{path}: not UTF-8 text at byte {byte}: a JSON report is UTF-8",
                              "zh": "{path}：第 {byte} 字节处不是 UTF-8 文本：JSON 报告是 UTF-8 编码的"},
    "input.report-not-json": {"en": "{location}: not JSON: {error}; expected a report written by policycheck "
                                    "check -f json",
                              "zh": "{location}：不是 JSON：{error}；应为 policycheck check -f json 写出的报告"},
    "input.report-not-report": {"en": "{location}: {where}: {problem}; expected a report written by policycheck "
                                      "check -f json",
                                "zh": "{location}：{where}：{problem}；应为 policycheck check -f json 写出的报告"},
    "input.report-top-level": {"en": "is a {kind}, not an object", "zh": "是 {kind}，不是对象"},
    "input.report-not-list": {"en": "missing or not a list", "zh": "缺失或不是列表"},
    "input.report-not-object": {"en": "is not an object", "zh": "不是对象"},
    "input.report-missing": {"en": "missing", "zh": "缺失"},
    "input.report-type": {"en": "{value} is not {wanted}", "zh": "{value} 不是 {wanted}"},
    "input.report-status": {"en": "{value} is not a status (one of {statuses})",
                            "zh": "{value} 不是状态（应为 {statuses} 之一）"},
    "input.report-level": {"en": "{value} is not error or warning", "zh": "{value} 不是 error 或 warning"},
    # -- the Python API's years= (service.py, bulletin_service.py; README.md#python-api) ----
    "api.years-with-year": {"en": "years cannot be given with year or period: years=(A, B) assesses year B",
                            "zh": "years 不能与 year 或 period 同时给出：years=(A, B) 考核的是 B 年"},
    "api.years-order": {"en": "years {years}: the first year must not be after the last",
                        "zh": "years {years}：第一年不能晚于最后一年"},
    # -- one plan's thresholds after the options (evaluation/options.py; docs/evaluation.md#options) --
    "api.thresholds-order": {"en": "{file}: the at_risk threshold {at_risk:g} is above the on_track threshold "
                                   "{on_track:g} (from --at-risk, --on-track, policycheck.toml or the plan's "
                                   "assessment), so no result could be at_risk; on_track must be at least at_risk, "
                                   "e.g. the defaults 0.95 and 0.6",
                             "zh": "{file}：at_risk（略有滞后）阈值 {at_risk:g} 高于 on_track（符合序时进度）阈值 "
                                   "{on_track:g}（来自 --at-risk、--on-track、policycheck.toml 或规划的 assessment），"
                                   "没有结果能判为略有滞后；on_track 应不小于 at_risk，如默认的 0.95 和 0.6"},
    # -- the environment (reporters/junit.py) ----------------------------------------------
    "env.epoch-not-number": {"en": "SOURCE_DATE_EPOCH={value} is not a whole number of seconds; {hint}",
                             "zh": "SOURCE_DATE_EPOCH={value} 不是整数秒；{hint}"},
    "env.epoch-negative": {"en": "SOURCE_DATE_EPOCH={value} is negative: before 1970-01-01 UTC; {hint}",
                           "zh": "SOURCE_DATE_EPOCH={value} 为负数：早于 1970-01-01 UTC；{hint}"},
    "env.epoch-beyond": {"en": "SOURCE_DATE_EPOCH={value} is beyond the year 9999; {hint}",
                         "zh": "SOURCE_DATE_EPOCH={value} 超出了 9999 年；{hint}"},
    "env.epoch-hint": {"en": "unset it, or give the seconds since 1970-01-01 UTC, e.g. 1700000000",
                       "zh": "请取消设置，或给出自 1970-01-01 UTC 起的秒数，如 1700000000"},
    # -- PC500: the configuration file (config.py) -------------------------------------
    "PC500.not-file": {"en": "not a regular file (a device, FIFO or socket): a configuration is read only from "
                             "a regular file; remove it or replace it with one",
                       "zh": "不是普通文件（设备、FIFO 或套接字）：配置只从普通文件读取；请删除它或换成普通文件"},
    "PC500.too-large": {"en": "the file is over {limit}; a configuration needs a few lines",
                        "zh": "文件超过 {limit}；配置只需几行"},
    "PC500.syntax": {"en": "cannot read the TOML: {error}", "zh": "无法读取 TOML：{error}"},
    "PC500.unknown-key": {"en": "unknown key {key} in {table}{hint}", "zh": "{table} 中有未知的键 {key}{hint}"},
    "PC500.unknown-key-hint": {"en": "; did you mean {suggestion}?", "zh": "；是否应为 {suggestion}？"},
    "PC500.known-keys": {"en": "; known keys: {keys}", "zh": "；可用的键：{keys}"},
    "PC500.value": {"en": "{key} is {value}; expected {expected}", "zh": "{key} 为 {value}；应为 {expected}"},
    "PC500.expect-outputs": {"en": "a table of FORMAT = \"PATH\" with FORMAT one of {formats}, "
                                   "e.g. outputs = {{junit = \"junit.xml\"}}",
                             "zh": "FORMAT = \"PATH\" 形式的表，FORMAT 为 {formats} 之一，"
                                   "如 outputs = {{junit = \"junit.xml\"}}"},
    "PC500.expect-number": {"en": "a finite number, at least 0 (such as 0.95)", "zh": "不小于 0 的有限数字（如 0.95）"},
    "PC500.expect-boolean": {"en": "true or false", "zh": "true 或 false"},
    "PC500.expect-text": {"en": "text", "zh": "文本"},
    "PC500.thresholds": {"en": "at-risk {at_risk:g} is above on-track {on_track:g}, so no result could be at_risk; "
                               "on-track must be at least at-risk, e.g. the defaults 0.95 and 0.6",
                         "zh": "at-risk {at_risk:g} 高于 on-track {on_track:g}，没有结果能判为略有滞后；"
                               "on-track 应不小于 at-risk，如默认的 0.95 和 0.6"},
    "PC500.not-table": {"en": "{key} must be a table of settings ([{key}]), not {value}",
                        "zh": "{key} 必须是设置表（[{key}]），而不是 {value}"},
}
