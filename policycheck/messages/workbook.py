"""Messages of the workbook reader (policycheck/actuals/workbook/): PC400 refusals, PC401, PC410 warnings,
PC415 figures merged over several cells."""
from __future__ import annotations

from collections.abc import Mapping

#: key -> {"en": template, "zh": template}; both templates take the same fields.
WORKBOOK_MESSAGES: Mapping[str, Mapping[str, str]] = {
    "PC400.book-refused": {"en": "{why}; nothing in it was read", "zh": "{why}；未读取其中任何内容"},
    "PC400.book-unread": {"en": "cannot read the file: {error}", "zh": "无法读取文件：{error}"},
    "PC400.book-empty": {"en": "the file is empty: expected a workbook", "zh": "文件为空：应为工作簿"},
    "PC400.book-xls-size": {"en": "the workbook has {size:,} bytes; at most {limit:,} are read from an .xls "
                                  "(save it as .xlsx or CSV)",
                            "zh": "工作簿有 {size:,} 字节；.xls 最多读取 {limit:,} 字节（请另存为 .xlsx 或 CSV）"},
    "PC400.book-password": {"en": "the workbook is password-protected; save a copy without a password "
                                  "(File > Info > Protect Workbook) and read that",
                            "zh": "工作簿设有密码；请另存一份不带密码的副本（文件 > 信息 > 保护工作簿）再读取"},
    "PC400.book-password-short": {"en": "the workbook is password-protected; save a copy without a password",
                                  "zh": "工作簿设有密码；请另存一份不带密码的副本"},
    "PC400.book-not": {"en": "not a workbook: {what}", "zh": "不是工作簿：{what}"},
    "PC400.looks-html": {"en": "it is an HTML page saved under a workbook name (some systems export tables so); "
                               "open it in Excel or LibreOffice and save it as .xlsx",
                         "zh": "这是以工作簿名称保存的 HTML 网页（有些系统这样导出表格）；请用 Excel 或 LibreOffice "
                               "打开并另存为 .xlsx"},
    "PC400.looks-xml2003": {"en": "it is an XML Spreadsheet 2003 file; open it in Excel or LibreOffice and save it "
                                  "as .xlsx",
                            "zh": "这是 XML 电子表格 2003 文件；请用 Excel 或 LibreOffice 打开并另存为 .xlsx"},
    "PC400.looks-csv": {"en": "it is text with commas or tabs, a CSV file saved under a workbook name; rename it "
                              "to .csv",
                        "zh": "这是含逗号或制表符的文本，即以工作簿名称保存的 CSV 文件；请改名为 .csv"},
    "PC400.looks-text": {"en": "it is a text file; save the data from Excel as .xlsx or CSV",
                         "zh": "这是文本文件；请从 Excel 将数据另存为 .xlsx 或 CSV"},
    "PC400.looks-other": {"en": "its bytes are neither a zip package (.xlsx, .xlsm, .ods) nor a compound file (.xls)",
                          "zh": "其内容既不是 zip 包（.xlsx、.xlsm、.ods），也不是复合文档（.xls）"},
    "PC400.book-damaged": {"en": "not a readable workbook: {what}", "zh": "无法读取的工作簿：{what}"},
    "PC400.cfb-header-missing": {"en": "the compound file header is missing", "zh": "缺少复合文档文件头"},
    "PC400.cfb-header-damaged": {"en": "the compound file header is damaged", "zh": "复合文档文件头已损坏"},
    "PC400.cfb-sector": {"en": "a sector lies beyond the end of the file", "zh": "有扇区超出了文件末尾"},
    "PC400.cfb-chain": {"en": "a sector chain of the compound file is broken", "zh": "复合文档的扇区链已断开"},
    "PC400.zip-damaged": {"en": "the zip container is damaged ({error})", "zh": "zip 容器已损坏（{error}）"},
    "PC400.ods-no-content": {"en": "the OpenDocument file has no content.xml",
                             "zh": "OpenDocument 文件没有 content.xml"},
    "PC400.not-spreadsheet": {"en": "not a spreadsheet: {what}", "zh": "不是电子表格：{what}"},
    "PC400.other-opendocument": {"en": "an OpenDocument file of another kind (text or presentation?)",
                                 "zh": "其他类型的 OpenDocument 文件（文字文稿或演示文稿？）"},
    "PC400.no-workbook-stream": {"en": "the compound file has no Workbook stream (is it a Word document?)",
                                 "zh": "复合文档中没有 Workbook 流（是 Word 文档吗？）"},
    "PC400.no-workbook-part": {"en": "the package has no workbook part (is it a Word or PowerPoint file?)",
                               "zh": "文件包中没有工作簿部分（是 Word 或 PowerPoint 文件吗？）"},
    "PC400.parts": {"en": "the workbook has {count:,} parts; a workbook has tens (at most {limit:,} are read)",
                    "zh": "工作簿有 {count:,} 个部件；一般只有几十个（最多读取 {limit:,} 个）"},
    "PC400.unpacked": {"en": "the workbook unpacks to {size:,} bytes; at most {limit:,} are read (save the data "
                             "as CSV)",
                       "zh": "工作簿解压后有 {size:,} 字节；最多读取 {limit:,} 字节（请将数据另存为 CSV）"},
    "PC400.part-unpack": {"en": "part {part} of the workbook cannot be unpacked ({why})",
                          "zh": "工作簿部件 {part} 无法解压（{why}）"},
    "PC400.part-encrypted": {"en": "it is encrypted", "zh": "已加密"},
    "PC400.part-crc": {"en": "its content does not match its declared size and checksum: a damaged file or a zip bomb",
                       "zh": "内容与声明的大小和校验和不符：文件已损坏，或是 zip 炸弹"},
    "PC400.part-size": {"en": "part {part} unpacks to {seen:,} bytes but declares {size:,}",
                        "zh": "部件 {part} 解压后为 {seen:,} 字节，但声明为 {size:,} 字节"},
    "PC400.part-dtd": {"en": "part {part} declares a DTD; workbooks have none, so it is not read",
                       "zh": "部件 {part} 声明了 DTD；工作簿不含 DTD，因此不读取"},
    "PC400.part-xml": {"en": "part {part} is not well-formed XML ({error})",
                       "zh": "部件 {part} 不是格式正确的 XML（{error}）"},
    "PC400.sheet-beyond": {"en": "sheet {sheet} has a cell beyond the last row ({rows:,}) or column ({column}) of a "
                                 "spreadsheet: a damaged or crafted file",
                           "zh": "工作表 {sheet} 有单元格超出电子表格的最后一行（{rows:,}）或最后一列（{column}）："
                                 "文件已损坏或被刻意构造"},
    "PC400.sheet-cells": {"en": "sheet {sheet} spans {area} ({cells:,} cells); at most {limit:,} cells are read from "
                                "a sheet: delete what lies beyond the data, or save the data as CSV (no limit)",
                          "zh": "工作表 {sheet} 的范围为 {area}（{cells:,} 个单元格）；每张工作表最多读取 {limit:,} 个"
                                "单元格：请删除数据以外的内容，或将数据另存为 CSV（无此限制）"},
    "PC400.sheet-stream": {"en": "sheet {sheet} lies beyond the end of the workbook stream: a damaged file",
                           "zh": "工作表 {sheet} 超出了工作簿流的末尾：文件已损坏"},
    "PC400.book-library": {"en": "the workbook cannot be read: {error}", "zh": "无法读取工作簿：{error}"},
    "PC400.sheet-library": {"en": "sheet {sheet} cannot be read: {error}", "zh": "无法读取工作表 {sheet}：{error}"},
    "PC400.no-sheet": {"en": "no sheet {names} in the workbook (its sheets: {sheets})",
                       "zh": "工作簿中没有工作表 {names}（现有工作表：{sheets}）"},
    "PC400.no-sheets-at-all": {"en": "none", "zh": "无"},
    "PC401.no-sheet-read": {"en": "no sheet looks like actuals ({detail}); a sheet needs a header row with target, "
                                  "year and value columns (long form) or target and year columns (wide form), or "
                                  "name the sheet as BOOK#SHEET",
                            "zh": "没有像是实际值的工作表（{detail}）；工作表需要有表头行：长表含 指标、年份、数值 列，"
                                  "宽表含 指标 列和年份列；或以 工作簿#工作表 指定工作表"},
    "PC401.no-sheets": {"en": "the workbook has no sheets", "zh": "工作簿中没有工作表"},
    "PC410.macros": {"en": "the workbook holds macros; they are never run: cells are read as saved",
                     "zh": "工作簿含有宏；宏不会运行：单元格按保存时的值读取"},
    "PC410.macros-vba": {"en": "the workbook holds macros (VBA); they are never run: cells are read as saved",
                         "zh": "工作簿含有宏（VBA）；宏不会运行：单元格按保存时的值读取"},
    "PC410.links": {"en": "the workbook links to other workbooks; they are never opened: formula cells are read by "
                          "the values saved with this file, which may be out of date",
                    "zh": "工作簿链接了其他工作簿；这些工作簿不会被打开：公式单元格按本文件保存的值读取，可能已过时"},
    "PC410.sheet": {"en": "sheet {why}; it is not read", "zh": "工作表 {why}；未读取"},
    "PC410.why": {"en": "{sheet}: {why}", "zh": "{sheet}：{why}"},
    "PC410.not-worksheet": {"en": "a {kind} sheet, not a worksheet", "zh": "{kind} 表，不是工作表"},
    "PC410.hidden": {"en": "hidden (name it as BOOK#SHEET to read it)",
                     "zh": "已隐藏（以 工作簿#工作表 指定即可读取）"},
    "PC410.unchecked": {"en": "its size could not be checked before reading", "zh": "读取前无法检查其大小"},
    "PC410.no-header": {"en": "no header row", "zh": "没有表头行"},
    "PC410.empty": {"en": "it is empty", "zh": "是空表"},
    "PC410.empty-top": {"en": "its first {rows} rows are empty", "zh": "前 {rows} 行为空"},
    "PC410.no-header-in": {"en": "none of its first {rows} rows is a header with target, year and value columns "
                                 "(long form) or target and year columns (wide form)",
                           "zh": "前 {rows} 行中没有表头行：长表需有 指标、年份、数值 列，宽表需有 指标 和年份列"},
    "PC415.merged": {"en": "cells {area} are merged, so the one figure {value} would be read for each of {cells}: a "
                           "figure belongs to one year and one row; unmerge the cells and write each figure in its "
                           "own cell (a total of several years cannot be split by the check)",
                     "zh": "单元格 {area} 已合并，同一个数值 {value} 会分别计入 {cells}：每个数值只属于一个年份和一行；"
                           "请取消合并，在各自的单元格中分别填写数值（多年合计无法由检查拆分）"},
    "PC415.and": {"en": "{first} and {last}", "zh": "{first}、{last}"},
    "PC415.rows": {"en": "rows {rows}", "zh": "第 {rows} 行"},
    "PC415.row-range": {"en": "rows {first} to {last}", "zh": "第 {first} 至 {last} 行"},
    "PC415.cells": {"en": "its {count} cells", "zh": "其中 {count} 个单元格"},
}
