"""policycheck template: the fill-in CSV, and that a filled-in copy reads back."""
from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

import pytest

from policycheck.actuals.load import read_actuals
from policycheck.actuals.template import build_template, parse_years
from policycheck.errors import PolicycheckError
from policycheck.evaluation.engine import evaluate_plans
from policycheck.evaluation.options import EvaluationOptions
from policycheck.model import Plan
from policycheck.plans.build import check_plan_file
from tests.helpers.county import county_plan
from tests.helpers.csv_inputs import make_plan

PLAN = make_plan()


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def test_long_template_zh_rows() -> None:
    text = build_template([PLAN], years=(2022, 2023))
    rows = _rows(text)
    assert rows[0] == ["规划", "指标", "指标名称", "计量单位", "单位名称", "年份", "数值", "状态", "填写说明"]
    assert rows[1] == ["p1", "rd-intensity", "指标rd-intensity", "%", "", "2022", "", "", "基期：填写当年数值（%）"]
    assert rows[2] == ["p1", "rd-intensity", "指标rd-intensity", "%", "", "2023", "", "", "填写当年数值（%）"]
    # A scoped target has one row per unit and no plan-wide row (an empty one would be a no_data result).
    firms = [(r[4], r[5], r[8]) for r in rows if r[1] == "firms"]
    assert firms == [("a", "2022", "基期：填写当年数值（家），仅东城街道"),
                     ("a", "2023", "填写当年数值（家），仅东城街道"),
                     ("b", "2022", "基期：填写当年数值（家），仅西城街道"),
                     ("b", "2023", "填写当年数值（家），仅西城街道")]
    assert rows[-1] == ["p1", "prov-rd", "全省研发投入强度", "%", "", "2023", "", "", "对照数值：填写当年数值"]
    assert len(rows) == 1 + 2 * 7  # four plan-wide targets, two scope units, one reference
    assert text.endswith("\r\n") and not text.startswith("\ufeff")


def test_default_years_are_baseline_to_period_end() -> None:
    rows = _rows(build_template([PLAN], lang="en"))
    assert rows[0] == ["plan", "target", "name", "measure", "unit", "year", "value", "status", "hint"]
    assert [r[5] for r in rows if r[1] == "gdp"] == ["2022", "2023", "2024", "2025", "2026", "2027"]
    assert [r[8] for r in rows if r[1] == "gdp"][:2] == ["baseline year: the year's value, in 亿元",
                                                         "the year's value, in 亿元"]


def test_wide_template() -> None:
    rows = _rows(build_template([PLAN], years=(2022, 2024), wide=True))
    assert rows[0] == ["规划", "指标", "指标名称", "计量单位", "单位名称", "2022年", "2023年", "2024年", "状态",
                       "填写说明"]
    assert rows[1] == ["p1", "rd-intensity", "指标rd-intensity", "%", "", "", "", "", "", "填写当年数值（%）"]
    assert [r[4] for r in rows if r[1] == "firms"] == ["a", "b"]
    assert len(rows) == 1 + 7


def _fill(text: str, values: dict[tuple[str, str, str], str]) -> str:
    rows = _rows(text)
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(rows[0])
    for row in rows[1:]:
        row[6] = values.get((row[1], row[4], row[5]), row[6])
        writer.writerow(row)
    return out.getvalue()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_filled_in_template_reads_back(tmp_path: Path, lang: str) -> None:
    text = _fill(build_template([PLAN], years=(2022, 2023), lang=lang),
                 {("rd-intensity", "", "2023"): "3.2", ("firms", "a", "2023"): "12",
                  ("city", "", "2023"): "是", ("gdp", "", "2022"): "1728万"})
    path = tmp_path / "filled.csv"
    path.write_bytes(text.encode("utf-8-sig"))  # as the command writes it
    actuals = read_actuals([str(path)], plans=[PLAN])
    assert actuals.findings == []
    assert actuals.series[("p1", "rd-intensity", None)][2023].value == 3.2
    assert actuals.series[("p1", "firms", "a")][2023].value == 12.0
    assert actuals.series[("p1", "city", None)][2023].value is True
    assert actuals.series[("p1", "gdp", None)][2022].value == pytest.approx(0.1728)
    assert actuals.series[("p1", "firms", "b")][2022].value is None  # left empty: missing
    assert len(actuals.series) == 7


def test_filled_in_wide_template_reads_back(tmp_path: Path) -> None:
    rows = _rows(build_template([PLAN], years=(2022, 2023), wide=True))
    for row in rows[1:]:
        if row[1] == "firms" and row[4] == "b":
            row[5:7] = ["4", "6"]
    path = tmp_path / "wide.csv"
    path.write_bytes("".join(",".join(r) + "\r\n" for r in rows).encode("gb18030"))
    actuals = read_actuals([str(path)], plans=[PLAN])
    assert actuals.findings == []
    assert {y: o.value for y, o in actuals.series[("p1", "firms", "b")].items()} == {2022: 4.0, 2023: 6.0}


@pytest.mark.parametrize(("text", "expected"), [
    ("2018-2020", (2018, 2020)), ("2018—2020", (2018, 2020)), (" 2018 - 2020 ", (2018, 2020)),
    ("2020", (2020, 2020)), ("２０１８-２０２０", (2018, 2020)),
])
def test_parse_years(text: str, expected: tuple[int, int]) -> None:
    assert parse_years(text) == expected


@pytest.mark.parametrize(("text", "message"), [
    ("2018/2020", "expected FIRST-LAST such as 2018-2020, got '2018/2020'"),
    ("", "expected FIRST-LAST"),
    ("2020-2018", "the first not after the last"),
    ("1800-2020", "between 1900 and 2200"),
])
def test_parse_years_errors(text: str, message: str) -> None:
    with pytest.raises(PolicycheckError, match=message):
        parse_years(text)


def _county() -> Plan:
    loaded = check_plan_file(str(county_plan(Path(tempfile.mkdtemp()))))
    assert loaded.plan is not None
    return loaded.plan


@pytest.mark.parametrize(("lang", "expected"), [
    ("zh", {
        ("output-cagr", "2022"): ("", "基期：填写总量（如以亿元计的产值），不填增速：年均增速由基期总量算出"),
        ("output-cagr", "2024"): ("", "填写总量（如以亿元计的产值），不填增速：年均增速由基期总量算出"),
        ("new-firms", "2022"): ("家", "不计入累计（2023年起累计），可不填"),
        ("new-firms", "2024"): ("家", "填写当年新增数，不填累计数：各年相加即为累计"),
        ("park", "2024"): ("", "填写 是/否（已完成/未完成、已建成/未建成）"),
    }),
    ("en", {
        ("output-cagr", "2022"): ("", "baseline year: the level (total, e.g. output in 亿元), not the growth rate: "
                                      "the average rate is computed from the baseline year's level"),
        ("output-cagr", "2024"): ("", "the level (total, e.g. output in 亿元), not the growth rate: the average "
                                      "rate is computed from the baseline year's level"),
        ("new-firms", "2022"): ("家", "not counted: the total starts in 2023 (may stay empty)"),
        ("new-firms", "2024"): ("家", "the year's new amount (当年新增), not the running total: the years are "
                                     "added up"),
        ("park", "2024"): ("", "done or not: 是/否 (已完成/未完成, 已建成/未建成, yes/no)"),
    }),
])
def test_each_row_says_what_to_enter(lang: str, expected: dict[tuple[str, str], tuple[str, str]]) -> None:
    """A cagr row asks for the level (总量) and leaves the measure to fill: its unit % is the rate's."""
    rows = {(r[1], r[5]): (r[3], r[8]) for r in _rows(build_template([_county()], years=(2022, 2025), lang=lang))}
    assert {key: rows[key] for key in expected} == expected


@pytest.mark.parametrize(("old", "new", "target", "words"), [
    ("kind: cagr\n", "kind: cagr\n    actuals: rate\n", "output-cagr",
     ("%", "填写基期以来的年均增速（%）（规划写明 actuals: rate）")),
    ("kind: cumulative\n", "kind: cumulative\n    actuals: running_total\n", "new-firms",
     ("家", "填写截至当年的累计数（规划写明 actuals: running_total）")),
])
def test_the_plan_key_changes_what_to_enter(tmp_path: Path, old: str, new: str, target: str,
                                           words: tuple[str, str]) -> None:
    loaded = check_plan_file(str(county_plan(tmp_path, old, new)))
    assert loaded.plan is not None
    rows = {(r[1], r[5]): (r[3], r[8]) for r in _rows(build_template([loaded.plan], years=(2023, 2023)))}
    assert rows[(target, "2023")] == words


def test_a_filled_scoped_template_leaves_no_plan_wide_result(tmp_path: Path) -> None:
    """Before, the empty plan-wide rows of a scoped target made a no_data result (failing --fail-on no-data)."""
    plan = _county()
    rows = _rows(build_template([plan], years=(2022, 2025)))
    for row in rows[1:]:
        row[6] = {"rd-intensity": "3.0", "output-cagr": "100", "new-firms": "90", "town-firms": "40",
                  "park": "否"}[row[1]]
    path = tmp_path / "filled.csv"
    path.write_bytes("".join(",".join(r) + "\r\n" for r in rows).encode("utf-8-sig"))
    actuals = read_actuals([str(path)], plans=[plan])
    assert actuals.findings == []
    report = evaluate_plans([plan], actuals, EvaluationOptions(fail_on="no-data"))
    town = [(r.unit, r.actual) for r in report.results if r.target == "town-firms"]
    assert town == [("dongcheng", 40.0), ("xicheng", 40.0)]  # the units' results, no plan-wide one
    assert [r.target for r in report.results if r.status == "no_data"] == []


def test_check_of_a_filled_scoped_template_passes_fail_on_no_data(tmp_path: Path) -> None:
    """The issue's run: the template filled as it asks, then check --fail-on no-data exits 0."""
    from click.testing import CliRunner

    from policycheck.cli.commands import main

    plan = county_plan(tmp_path)
    out = tmp_path / "filled.csv"
    assert CliRunner().invoke(main, ["template", str(plan), "--years", "2022-2025", "-o", str(out)]).exit_code == 0
    rows = _rows(out.read_bytes().decode("utf-8-sig"))
    for row in rows[1:]:
        year = int(row[5]) - 2022
        row[6] = {"rd-intensity": f"{3.0 + 0.2 * year:.1f}", "output-cagr": f"{1000 * 1.08 ** year:.1f}",
                  "new-firms": "100", "town-firms": str(40 + 8 * year), "park": "已建成"}[row[1]]
    out.write_bytes("".join(",".join(r) + "\r\n" for r in rows).encode("utf-8-sig"))
    result = CliRunner().invoke(main, ["check", str(plan), "-a", str(out), "--fail-on", "no-data", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""  # no warning: every row was filled as its 填写说明 says


def test_a_category_target_asks_for_its_grade_words(tmp_path: Path) -> None:
    """A category target's cells are its grades' names (docs/plan-format.md#categories), so the
    fill-in column lists them; the baseline year's grade is what {improve: k} counts from."""
    checked = check_plan_file("tests/fixtures/plan_cases/positive/indicator-table/plan.yaml")
    assert checked.plan is not None
    rows = [r for r in _rows(build_template([checked.plan], years=(2020, 2021))) if r[1] == "air-grade"]
    assert [(r[5], r[8]) for r in rows] == [("2020", "基期：填写等级（按规划的写法：三级/二级/一级）"),
                                          ("2021", "填写等级（按规划的写法：三级/二级/一级）")]
    english = _rows(build_template([checked.plan], years=(2021, 2021), lang="en"))
    assert [r[-1] for r in english if r[1] == "air-grade"] == ["the grade, as the plan names it: 三级/二级/一级"]
    # Filled in with the words, the template reads back as the grades.
    filled = tmp_path / "filled.csv"
    filled.write_text("target,year,value\nair-grade,2020,三级\nair-grade,2021,二级\n", encoding="utf-8")
    actuals = read_actuals([str(filled)], plans=[checked.plan])
    assert actuals.findings == []
    grades = actuals.series[("table-case", "air-grade", None)]
    assert (grades[2020].value, grades[2021].value) == (0.0, 1.0)  # positions in categories, worst first
