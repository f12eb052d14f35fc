"""A bare YAML indicator in a plan (unit: %, comparator: >=) says "quote it" at its line; a workbook
handed over as a plan is named as one."""
from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from policycheck.cli.commands import main
from policycheck.plans.build import check_plan_file
from tests.helpers.county import county_plan

AFTER_KIND = "    kind: cagr\n"


@pytest.mark.parametrize(("old", "new", "line", "column", "english", "chinese"), [
    ('unit: "%"\n    kind: level', "unit: %\n    kind: level", 13, 11,
     "YAML syntax error: % cannot stand bare at the start of a value (% starts a directive); quote it: '%'",
     "YAML 语法错误：值开头的 % 必须加引号（% 在 YAML 中表示指令）；请加引号：'%'"),
    (AFTER_KIND, AFTER_KIND + "    comparator: >=\n", 22, 17,
     "YAML syntax error: >= cannot stand bare at the start of a value (> starts a folded block of text); "
     "quote it: '>='",
     "YAML 语法错误：值开头的 >= 必须加引号（> 在 YAML 中表示折叠文本块）；请加引号：'>='"),
    (AFTER_KIND, AFTER_KIND + "    comparator: >\n", 22, 17,
     "'>' starts a block of text in YAML and no text follows; to write the characters >, quote it: '>'",
     "YAML 中 '>' 表示多行文本块，但其后没有文本；如果要写的是 > 本身，请加引号：'>'"),
    (AFTER_KIND, AFTER_KIND + "    note: *\n", 22, 11,
     "YAML syntax error: * cannot stand bare at the start of a value (* starts an alias); quote it: '*'",
     "YAML 语法错误：值开头的 * 必须加引号（* 在 YAML 中表示别名引用）；请加引号：'*'"),
    (AFTER_KIND, AFTER_KIND + "    note: &\n", 22, 11,
     "YAML syntax error: & cannot stand bare at the start of a value (& starts an anchor); quote it: '&'",
     "YAML 语法错误：值开头的 & 必须加引号（& 在 YAML 中表示锚点）；请加引号：'&'"),
    ("milestones: {2027: 8}", "milestones: {2027: 8, 2025: %}", 22, 33,
     "YAML syntax error: % cannot stand bare at the start of a value (% starts a directive); quote it: '%'",
     "YAML 语法错误：值开头的 % 必须加引号（% 在 YAML 中表示指令）；请加引号：'%'"),
])
def test_a_bare_indicator_says_quote_it_at_its_line(tmp_path: Path, old: str, new: str, line: int, column: int,
                                                    english: str, chinese: str) -> None:
    findings = check_plan_file(str(county_plan(tmp_path, old, new))).findings
    assert [(f.rule, f.line, f.column, f.message, f.message_zh) for f in findings] == [
        ("PC100", line, column, english, chinese)]


def test_validate_prints_it_in_either_language(tmp_path: Path) -> None:
    plan = county_plan(tmp_path, AFTER_KIND, AFTER_KIND + "    comparator: >=\n")
    zh = CliRunner().invoke(main, ["validate", str(plan)])
    en = CliRunner().invoke(main, ["validate", "--lang", "en", str(plan)])
    assert (zh.exit_code, en.exit_code) == (1, 1)
    assert zh.stdout.startswith(f"{plan}:22:17: error [PC100] YAML 语法错误：值开头的 >= 必须加引号")
    assert en.stdout.endswith("quote it: '>='\n")


@pytest.mark.parametrize("value", ["<", "<=", "万%", "R&D 投入", "3*3"])
def test_characters_that_need_no_quotes_are_read(tmp_path: Path, value: str) -> None:
    """< and <= are plain text to YAML, and % or & inside a value are too."""
    loaded = check_plan_file(str(county_plan(tmp_path, AFTER_KIND, AFTER_KIND + f"    note: {value}\n")))
    assert loaded.plan is not None and loaded.findings == []
    target = loaded.plan.target("output-cagr")
    assert target is not None and target.note == value


def _xlsx(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as book:
        book.writestr("[Content_Types].xml", "<Types/>")
        book.writestr("xl/workbook.xml", "<workbook/>")
    return path


def _xls(path: Path) -> Path:
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))  # the compound file header of .xls
    return path


@pytest.mark.parametrize(("make", "english", "chinese"), [
    (_xlsx, "this is an Excel workbook (.xlsx), not a YAML plan", "这是 Excel 工作簿（.xlsx），不是 YAML 规划文件"),
    (_xls, "this is an Excel 97-2003 workbook (.xls) or another Office file, not a YAML plan",
     "这是 Excel 97-2003 工作簿（.xls）或其他 Office 文件，不是 YAML 规划文件"),
])
def test_a_workbook_given_as_a_plan_is_named(tmp_path: Path, make: Callable[[Path], Path], english: str,
                                             chinese: str) -> None:
    path = make(tmp_path / "plan.yaml")
    findings = check_plan_file(str(path)).findings
    assert [(f.rule, f.line, f.column) for f in findings] == [("PC100", 0, 0)]
    assert findings[0].message.startswith(english) and findings[0].message.endswith("(check PLAN.yaml -a FILE.xlsx)")
    assert findings[0].message_zh.startswith(chinese)


def test_check_with_a_workbook_for_a_plan_exits_2_saying_so(tmp_path: Path) -> None:
    book = _xlsx(tmp_path / "real.xlsx")
    data = tmp_path / "a.csv"
    data.write_text("target,year,value\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--lang", "en", str(book), "-a", str(data)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{book}: error [PC100] this is an Excel workbook (.xlsx), not a YAML plan")
