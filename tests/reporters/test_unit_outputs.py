"""``units --unit`` selects the same units in every file a run writes: ``-o FORMAT=FILE`` holds
byte for byte what ``-f FORMAT`` prints, the workbook's 责任单位 sheet and the 通报's
各责任单位情况 hold only the units named, and ``--split`` writes only their files
(docs/reports.md#the-unit-view)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import docx
import pytest
import python_calamine
from click.testing import CliRunner, Result

from policycheck.cli.commands import main
from policycheck.reporters import STDOUT_FORMATS
from tests.helpers.paths import EXAMPLES_DIR, PLANS_DIR

TAICANG = [str(PLANS_DIR / "taicang-sti-2018-2020.yaml"), "-a", str(EXAMPLES_DIR / "taicang.csv")]
#: Every unit of the Taicang plan, as the workbook lists them: most shortfalls first, then in the plan's order.
ALL_UNITS = ["kjj", "towns", "czj", "jxw", "fgw", "rsj", "jrb", "rcb", "zsj", "gsj", "dsj", "jyj", "swj", "kx",
             "gzb", "yh", "yg-towns"]
#: Formats with no list of units: they report results, which --unit does not select.
RESULT_ONLY_FORMATS = ("junit", "sarif", "github")


def _units(*args: str) -> Result:
    result = CliRunner().invoke(main, ["units", *TAICANG, "--no-color", *args])
    assert result.exit_code == 1, result.output  # three binding targets fail
    return result


def _sheet(path: Path, name: str) -> list[list[Any]]:
    with python_calamine.CalamineWorkbook.from_path(str(path)) as book:
        rows: list[list[Any]] = book.get_sheet_by_name(name).to_python()
        return rows


@pytest.mark.parametrize("selection", [(), ("--unit", "kjj"), ("--unit", "财政局", "--unit", "rcb")])
def test_json_file_is_the_printed_json(tmp_path: Path, selection: tuple[str, ...]) -> None:
    path = tmp_path / "r.json"
    result = _units(*selection, "-f", "json", "-o", f"json={path}")
    assert path.read_bytes() == result.stdout_bytes
    ids = [u["id"] for u in json.loads(path.read_text(encoding="utf-8"))["units"]]
    # The JSON keeps its own order (docs/evaluation.md#unit-view: by severity), not the order named.
    expected = {(): ["kjj", "rcb", "rsj", "fgw", "yh", "towns", "swj", "gsj", "gzb", "dsj", "zsj", "jyj", "yg-towns",
                     "kx", "jxw", "czj", "jrb"],
                ("--unit", "kjj"): ["kjj"], ("--unit", "财政局", "--unit", "rcb"): ["rcb", "czj"]}
    assert ids == expected[selection]


def test_json_without_unit_lists_every_unit_and_every_result(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    _units("-q", "-o", f"json={path}")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert len(data["units"]) == 17 and len(data["results"]) == 30
    chosen = tmp_path / "kjj.json"
    _units("-q", "--unit", "kjj", "-o", f"json={chosen}")
    only = json.loads(chosen.read_text(encoding="utf-8"))
    # --unit selects units, never results: the same 30 results, the one unit as it was
    assert only["results"] == data["results"]
    assert only["units"] == [u for u in data["units"] if u["id"] == "kjj"]


@pytest.mark.parametrize("fmt", STDOUT_FORMATS)
def test_every_file_format_is_what_f_prints_with_unit(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"r.{fmt}"
    chosen = _units("--unit", "kjj", "-f", fmt, "-o", f"{fmt}={path}")
    assert path.read_bytes() == chosen.stdout_bytes
    every = _units("-f", fmt)
    if fmt in RESULT_ONLY_FORMATS:
        assert chosen.stdout_bytes == every.stdout_bytes
    else:
        assert chosen.stdout_bytes != every.stdout_bytes
        assert "财政局" in every.stdout and "财政局" not in chosen.stdout


def test_workbook_unit_sheet_holds_only_the_units_named(tmp_path: Path) -> None:
    every, chosen, two = tmp_path / "all.xlsx", tmp_path / "kjj.xlsx", tmp_path / "two.xlsx"
    _units("-q", "-o", f"xlsx={every}")
    _units("-q", "--unit", "kjj", "-o", f"xlsx={chosen}")
    _units("-q", "--unit", "rcb", "--unit", "Finance Bureau", "-o", f"xlsx={two}")
    header = ["责任单位代码", "责任单位", "牵头", "配合", "短板", "角色", "指标代码", "指标名称", "要求", "状态",
              "差距"]
    rows = _sheet(every, "责任单位")
    assert rows[0] == header and len(rows) == 45
    assert list(dict.fromkeys(row[0] for row in rows[1:])) == ALL_UNITS
    kjj = _sheet(chosen, "责任单位")
    assert kjj == [header] + [
        ["kjj", "市科技局", 18.0, 8.0, 8.0, role, target, name, requirement, status, gap]
        for role, target, name, requirement, status, gap in [
            ("牵头", "rd-institution-rate", "规上工业企业研发机构建有率", "≥45", "明显滞后", -3.166666666666664),
            ("牵头", "high-end-equipment-output", "高端装备制造产业年产值", ">1000", "略有滞后（力争）",
             -93.33333333333326),
            ("牵头", "biomedicine-output", "生物医药产业年产值", "≥200", "明显滞后（力争）", -38.33333333333331),
            ("牵头", "new-carriers", "新增各类载体", "≥30", "略有滞后（力争）", -3.0),
            ("牵头", "town-carrier-area [towns]", "各镇、区(街道)新投入使用创新载体面积（各镇、区（街道））", "≥1",
             "明显滞后（力争）", -0.3666666666666666),
            ("牵头", "hnte-new-annual", "每年新增高新技术企业", "≥60", "未达成", -2.0),
            ("配合", "leading-talent", "每年新增各级科技领军人才", ">40", "未达成（力争）", 0.0),
            ("配合", "service-platform-coverage", "公共服务平台镇、区(街道)覆盖率", "≥100", "略有滞后",
             -3.333333333333329),
        ]]
    # Two units, in the unit view's order (czj has more shortfalls), each row as in the whole sheet.
    assert _sheet(two, "责任单位") == [header] + [row for row in rows[1:] if row[0] == "czj"] + [
        row for row in rows[1:] if row[0] == "rcb"]
    assert [row[0] for row in _sheet(two, "责任单位")[1:]] == ["czj"] * 5 + ["rcb"] * 2
    # The other sheets are the run's, whatever the selection.
    for name in ("结果", "被替代的数据", "问题"):
        assert _sheet(chosen, name) == _sheet(every, name)


def _unit_headings(path: Path) -> list[str]:
    """The level-two headings of chapter 四、各责任单位情况 of the 通报."""
    paragraphs = [p for p in docx.Document(str(path)).paragraphs if p.style is not None]
    start = next(i for i, p in enumerate(paragraphs) if p.text == "四、各责任单位情况")
    end = next(i for i, p in enumerate(paragraphs[start + 1:], start + 1) if p.style.name == "Heading 1")
    return [p.text for p in paragraphs[start + 1:end] if p.style.name == "Heading 2"]


def test_bulletin_unit_chapter_holds_only_the_units_named(tmp_path: Path) -> None:
    every, chosen = tmp_path / "all.docx", tmp_path / "two.docx"
    _units("-q", "-o", f"docx={every}")
    _units("-q", "--unit", "rcb", "--unit", "kjj", "-o", f"docx={chosen}")
    # The units with shortfalls in the JSON report's order (docs/evaluation.md#unit-view).
    assert _unit_headings(every) == [
        "（一）市科技局", "（二）市人才办", "（三）人社局", "（四）发改委", "（五）各镇、区（街道）", "（六）国税局",
        "（七）地税局", "（八）招商局", "（九）经信委", "（十）财政局", "（十一）金融办"]
    assert _unit_headings(chosen) == ["（一）市科技局", "（二）市人才办"]
    tables = docx.Document(str(chosen)).tables
    # the indicator table, one table per unit named, the superseded rows
    assert len(tables) == 1 + 2 + 1
    assert [[cell.text for cell in row.cells] for row in tables[2].rows] == [
        ["指标名称", "角色", "状态", "差距", "说明"], ["每年新增各级科技领军人才", "牵头", "未达成", "0", "—"],
        ["公共服务平台镇、区(街道)覆盖率", "牵头", "略有滞后", "-3.33", "—"]]


def test_split_writes_only_the_units_named(tmp_path: Path) -> None:
    chosen, every = tmp_path / "chosen", tmp_path / "every"
    _units("-q", "--unit", "kjj", "--unit", "czj", "--split", f"json={chosen}")
    _units("-q", "--split", f"json={every}")
    assert sorted(p.name for p in chosen.iterdir()) == ["index.json", "市科技局.json", "财政局.json"]
    assert len(list(every.iterdir())) == 18
    # Each unit's file is the one a run without --unit writes: its targets and its own unit.
    for name in ("市科技局.json", "财政局.json"):
        assert (chosen / name).read_bytes() == (every / name).read_bytes()
    finance = json.loads((chosen / "财政局.json").read_text(encoding="utf-8"))
    assert [u["id"] for u in finance["units"]] == ["czj"] and len(finance["results"]) == 13
    index = json.loads((chosen / "index.json").read_text(encoding="utf-8"))
    assert [(row["unit"], row["file"]) for row in index["units"]] == [("kjj", "市科技局.json"), ("czj", "财政局.json")]


def test_check_has_no_unit_option() -> None:
    result = CliRunner().invoke(main, ["check", *TAICANG, "--unit", "kjj"])
    assert result.exit_code == 2
    assert "No such option '--unit'" in result.output
