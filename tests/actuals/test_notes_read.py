"""Explanations files: reading CSV and YAML, checking rows against the plans, and every finding's place."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from policycheck.actuals.notes_read import is_notes_file, read_notes_file
from policycheck.actuals.notes_resolve import resolve_rows
from policycheck.actuals.notes_rows import rows_from_table
from policycheck.cli.commands import main
from policycheck.plans.build import load_plan
from tests.helpers.paths import EXAMPLES_DIR, PLANS_DIR, ROOT

TAICANG = str(PLANS_DIR / "taicang-sti-2018-2020.yaml")
PLAN_ID = "taicang-sti-2018-2020"


@pytest.fixture(scope="module")
def taicang():  # type: ignore[no-untyped-def]
    return load_plan(TAICANG)


def _write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> str:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return str(path)


def _findings(path: str, plans: list) -> list[tuple[str, str, int, int]]:  # type: ignore[type-arg]
    read = read_notes_file(path)
    found = read.findings + resolve_rows(read.rows, plans).findings
    return [(f.rule, f.level, f.line, f.column) for f in found]


def test_the_example_file_gives_five_explanations(taicang) -> None:  # type: ignore[no-untyped-def]
    read = read_notes_file(str(EXAMPLES_DIR / "taicang-notes.csv"))
    assert read.findings == []
    notes = resolve_rows(read.rows, [taicang])
    assert notes.findings == []
    assert sorted(notes.notes) == [
        (PLAN_ID, "hitech-output-share", None, 2019), (PLAN_ID, "hnte-new-annual", None, 2019),
        (PLAN_ID, "rd-institution-rate", None, 2018), (PLAN_ID, "rd-institution-rate", None, 2019),
        (PLAN_ID, "sei-output-share", None, 2018)]
    note = notes.notes[(PLAN_ID, "hnte-new-annual", None, 2019)]
    assert note.cause is not None and note.cause.startswith("部分申报企业研发费用归集不规范")
    assert note.measures is not None and note.measures.endswith("对拟申报企业逐家预审。")
    assert note.person == "市科技局高新技术科"
    assert note.source is not None and note.source.startswith("示例 (illustrative)")
    assert (note.file, note.line) == (str(EXAMPLES_DIR / "taicang-notes.csv"), 6)


def test_english_headers_gb18030_and_no_plan_column(tmp_path: Path, taicang) -> None:  # type: ignore[no-untyped-def]
    path = _write(tmp_path, "n.csv", "target,year,cause,measures,contact\r\n"
                  "hnte-new-annual,2019年,认定通过率低,加强辅导,张三\r\n", encoding="gb18030")
    read = read_notes_file(path)
    notes = resolve_rows(read.rows, [taicang]).notes
    note = notes[(PLAN_ID, "hnte-new-annual", None, 2019)]
    assert (note.cause, note.measures, note.person, note.source) == ("认定通过率低", "加强辅导", "张三", None)


def test_a_scoped_unit_by_name(tmp_path: Path, taicang) -> None:  # type: ignore[no-untyped-def]
    path = _write(tmp_path, "n.csv", "指标,单位名称,年份,原因\ntown-carrier-area,各镇、区（街道）,2019,用地审批慢\n")
    read = read_notes_file(path)
    assert list(resolve_rows(read.rows, [taicang]).notes) == [(PLAN_ID, "town-carrier-area", "towns", 2019)]


def test_yaml_explanations(tmp_path: Path, taicang) -> None:  # type: ignore[no-untyped-def]
    path = _write(tmp_path, "n.yaml", "explanations:\n"
                  "  - target: hnte-new-annual\n    year: 2019\n    原因: 通过率低\n    措施: 加强辅导\n"
                  "  - target: rd-institution-rate\n    year: 2019\n    cause: 认定标准提高\n")
    read = read_notes_file(path)
    assert read.findings == []
    notes = resolve_rows(read.rows, [taicang]).notes
    assert notes[(PLAN_ID, "hnte-new-annual", None, 2019)].line == 2
    assert notes[(PLAN_ID, "rd-institution-rate", None, 2019)].measures is None


@pytest.mark.parametrize(("text", "expected"), [
    # unknown target, with a close id suggested
    ("指标,年份,原因\nhnte-new-anual,2019,x\n", [("PC602", "error", 2, 1)]),
    # a year outside the plan's years, and one that is no year
    ("指标,年份,原因\nhnte-new-annual,2030,x\nhnte-new-annual,二〇一九,x\n",
     [("PC603", "error", 2, 2), ("PC603", "error", 3, 2)]),
    # the same target and year twice
    ("指标,年份,原因\nhnte-new-annual,2019,x\nhnte-new-annual,2019,y\n", [("PC604", "error", 3, 1)]),
    # an unknown column is ignored with a warning; the row still counts
    ("指标,年份,原因,备忘\nhnte-new-annual,2019,x,y\n", [("PC605", "warning", 1, 4)]),
    # a unit on a target without scope
    ("指标,单位名称,年份,原因\nhnte-new-annual,towns,2019,x\n", [("PC602", "error", 2, 2)]),
    # no year column
    ("指标,原因\nhnte-new-annual,x\n", [("PC601", "error", 1, 0)]),
    # a cell beyond the header
    ("指标,年份,原因\nhnte-new-annual,2019,x,extra\n", [("PC603", "error", 2, 4)]),
    # a quote never closed
    ('指标,年份,原因\nhnte-new-annual,2019,"x\n', [("PC600", "error", 2, 0)]),
])
def test_findings_at_their_cell(tmp_path: Path, taicang, text: str,  # type: ignore[no-untyped-def]
                                expected: list[tuple[str, str, int, int]]) -> None:
    assert _findings(_write(tmp_path, "n.csv", text), [taicang]) == expected


def test_messages_say_what_would_be_right(tmp_path: Path, taicang) -> None:  # type: ignore[no-untyped-def]
    path = _write(tmp_path, "n.csv", "指标,年份,原因\nhnte-new-anual,2019,x\nhnte-new-annual,2030,x\n")
    read = read_notes_file(path)
    messages = [f.message for f in resolve_rows(read.rows, [taicang]).findings]
    assert messages == [
        "unknown target 'hnte-new-anual' (did you mean 'hnte-new-annual'?)",
        f"year 2030 is outside the years of plan {PLAN_ID} (2017-2020); give the assessment year the "
        "explanation is for"]


def test_yaml_findings_point_at_nodes(tmp_path: Path, taicang) -> None:  # type: ignore[no-untyped-def]
    path = _write(tmp_path, "n.yaml", "- target: hnte-new-annual\n  year: 2019\n  why: x\n  原因: y\n"
                  "- just text\n- year: 2019\n  原因: z\n")
    assert _findings(path, [taicang]) == [("PC605", "warning", 3, 3), ("PC600", "error", 5, 3),
                                          ("PC601", "error", 6, 3)]


def test_rows_from_table_takes_any_table_reader() -> None:
    read = rows_from_table("book.xlsx#说明", ["指标", "年份", "原因", "措施"], 3,
                           [(4, ["hnte-new-annual", "2019", "原因一", "措施一"]), (5, ["", "", "", ""]),
                            (6, ["rd-institution-rate", "2019"])])
    assert [(r.line, r.text("target"), r.text("measures")) for r in read.rows] == [
        (4, "hnte-new-annual", "措施一"), (6, "rd-institution-rate", "")]
    assert read.rows[1].where("cause") == (6, 3)


def test_recognised_by_columns(tmp_path: Path) -> None:
    assert is_notes_file(str(EXAMPLES_DIR / "taicang-notes.csv"))
    assert not is_notes_file(str(EXAMPLES_DIR / "taicang.csv"))
    assert not is_notes_file(str(EXAMPLES_DIR / "taicang-excel-gb18030.csv"))
    assert is_notes_file(_write(tmp_path, "n.csv", "\ufeff\n\nTarget,Year,Next steps\n"))
    assert is_notes_file(_write(tmp_path, "x.yml", "[]\n"))
    assert not is_notes_file(str(tmp_path / "missing.csv"))


def test_validate_checks_an_explanations_file_as_one(tmp_path: Path) -> None:
    bad = _write(tmp_path, "bad.csv", "指标,年份,原因\nhnte-new-anual,2019,x\n")
    runner = CliRunner()
    result = runner.invoke(main, ["validate", TAICANG, bad])
    assert result.exit_code == 1
    assert result.stdout == f"{bad}:2:1: error [PC602] 未知的指标 'hnte-new-anual'（是否应为 'hnte-new-annual'？）\n"
    good = runner.invoke(main, ["validate", "--lang", "en", TAICANG, str(ROOT / "examples" / "taicang-notes.csv")])
    assert (good.exit_code, good.stdout) == (0, "policycheck: 2 files checked, no problems found\n")


def test_a_bad_explanations_file_stops_check_with_exit_2(tmp_path: Path) -> None:
    bad = _write(tmp_path, "bad.csv", "指标,年份,原因\nhnte-new-annual,2019,x\nhnte-new-annual,2019,y\n")
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", TAICANG, "-a", str(EXAMPLES_DIR / "taicang.csv"),
                                       "--notes", bad, "-o", f"json={out}", "--lang", "en"])
    assert result.exit_code == 2
    assert result.stderr == (f"{bad}:3:1: error [PC604] a second explanation for hnte-new-annual in 2019 "
                             "(the first is at line 2); merge them into one row\n")
    chinese = CliRunner().invoke(main, ["check", TAICANG, "-a", str(EXAMPLES_DIR / "taicang.csv"), "--notes", bad])
    assert chinese.stderr == (f"{bad}:3:1: error [PC604] hnte-new-annual 2019 年的第二条说明"
                              "（第一条在第 2 行）；请合并为一行\n")
    assert not out.exists()


def test_an_explanations_file_alone_is_not_actuals() -> None:
    result = CliRunner().invoke(main, ["check", TAICANG, "-a", str(EXAMPLES_DIR / "taicang-notes.csv"),
                                       "--lang", "en"])
    assert result.exit_code == 2
    assert "an explanations file (it has a 原因 or 措施 column), not actuals" in result.stderr
