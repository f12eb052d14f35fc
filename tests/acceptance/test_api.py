"""The Python API, used exactly as README.md#python-api shows it."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import policycheck
from tests.helpers.acceptance import RD_TARGET, plan_file, run_command, write
from tests.helpers.paths import EXAMPLES_DIR, PLANS_DIR

PLAN = PLANS_DIR / "taicang-sti-2018-2020.yaml"
CSV = EXAMPLES_DIR / "taicang.csv"


def test_spec_example_runs_even_after_every_submodule_was_imported() -> None:
    # The CLI imports the submodules; the package attributes must stay the
    # functions of README.md#python-api (a module named like a function would shadow it).
    import policycheck.actuals.load  # noqa: F401
    import policycheck.evaluation.engine  # noqa: F401
    import policycheck.plans.build  # noqa: F401
    import policycheck.reporters  # noqa: F401

    plan = policycheck.load_plan(str(PLAN))
    actuals = policycheck.load_actuals([str(CSV)], plans=[plan])
    report = policycheck.evaluate([plan], actuals, year=2019)
    text = policycheck.render(report, "markdown")
    assert callable(policycheck.evaluate)
    assert report.plans[0].year == 2019
    assert plan.title in text
    data = json.loads(policycheck.render(report, "json"))
    assert data["summary"]["results"] == len(data["results"])
    assert [t.id for t in plan.targets] == list(dict.fromkeys(r["target"] for r in data["results"]))


def test_load_plan_raises_plan_error_with_findings(tmp_path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("policycheck: 1\nplan: {id: x}\n", encoding="utf-8")
    with pytest.raises(policycheck.PlanError) as caught:
        policycheck.load_plan(str(bad))
    assert caught.value.findings
    assert all(f.file == str(bad) for f in caught.value.findings)


def test_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError):
        policycheck.no_such_thing  # noqa: B018


def test_check_gives_the_command_lines_report_with_the_plans_warnings(tmp_path: Path) -> None:
    plan = plan_file(tmp_path, RD_TARGET.replace("    quote: 全社会研发投入强度达到3.6%\n", ""))
    data = write(tmp_path / "rd.csv", "target,year,value\nrd,2022,3.0\nrd,2025,3.3\n")
    report = policycheck.check([str(plan)], [str(data)], year=2025)
    assert [(f.rule, f.level, f.line) for f in report.findings] == [("PC309", "warning", 9)]
    assert [(r.target, r.status) for r in report.results] == [("rd", "at_risk")]
    cli = run_command("check", str(plan), "-a", str(data), "--year", "2025", "-f", "json")
    assert json.loads(policycheck.render(report, "json")) == json.loads(cli.stdout)
    # evaluate() reports the plans' warnings only when it is given them.
    loaded = policycheck.load_plan(str(plan))
    bare = policycheck.evaluate([loaded], policycheck.load_actuals([str(data)], plans=[loaded]), year=2025)
    assert bare.findings == ()


def test_check_raises_with_every_finding_of_a_broken_input(tmp_path: Path) -> None:
    plan = plan_file(tmp_path)
    data = write(tmp_path / "rd.csv", "target,year,value\nrd,2025,abc\n")
    with pytest.raises(policycheck.ActualsError) as caught:
        policycheck.check([str(plan)], [str(data)])
    assert [(f.rule, f.line, f.column) for f in caught.value.findings] == [("PC402", 2, 3)]


def test_check_reads_a_named_sheet_of_a_workbook_and_render_bytes_writes_one(tmp_path: Path) -> None:
    import python_calamine

    from tests.helpers.workbooks import write_taicang

    book = write_taicang(tmp_path / "太仓统计.xlsx", sheets=2)  # the rows split over 表1 and 表2
    from_csv = policycheck.check([str(PLAN)], [str(CSV)], year=2019)
    from_book = policycheck.check([str(PLAN)], [str(book)], year=2019)
    assert [(r.target, r.status, r.actual) for r in from_book.results] == [
        (r.target, r.status, r.actual) for r in from_csv.results]
    # 表1 holds the first 46 of the CSV's 91 rows; with sheets=["表1"] 表2 is not read.
    only_first = policycheck.check([str(PLAN)], [str(book)], year=2019, sheets=["表1"])
    assert only_first.findings == ()
    assert sum(len(r.observed) for r in from_book.results) == 90
    assert sum(len(r.observed) for r in only_first.results) == 46
    out = tmp_path / "report.xlsx"
    out.write_bytes(policycheck.render_bytes(from_book, "xlsx"))
    with python_calamine.CalamineWorkbook.from_path(str(out)) as written:
        assert written.sheet_names == ["结果", "责任单位", "被替代的数据", "问题"]
    with pytest.raises(ValueError, match="^xlsx is a binary format: use render_bytes$"):
        policycheck.render(from_book, "xlsx")
