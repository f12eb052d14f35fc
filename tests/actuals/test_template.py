"""policycheck template: the fill-in CSV, and that a filled-in copy reads back."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from policycheck.actuals.load import read_actuals
from policycheck.actuals.template import build_template, parse_years
from policycheck.errors import PolicycheckError
from tests.helpers.csv_inputs import make_plan

PLAN = make_plan()


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def test_long_template_zh_rows() -> None:
    text = build_template([PLAN], years=(2022, 2023))
    rows = _rows(text)
    assert rows[0] == ["规划", "指标", "指标名称", "计量单位", "单位名称", "年份", "数值", "状态"]
    assert rows[1] == ["p1", "rd-intensity", "指标rd-intensity", "%", "", "2022", "", ""]
    firms = [r[4] + "/" + r[5] for r in rows if r[1] == "firms"]
    assert firms == ["/2022", "/2023", "a/2022", "a/2023", "b/2022", "b/2023"]
    assert rows[-1] == ["p1", "prov-rd", "全省研发投入强度", "%", "", "2023", "", ""]
    assert len(rows) == 1 + 2 * 8  # five targets, two scope units, one reference
    assert text.endswith("\r\n") and not text.startswith("\ufeff")


def test_default_years_are_baseline_to_period_end() -> None:
    rows = _rows(build_template([PLAN], lang="en"))
    assert rows[0] == ["plan", "target", "name", "measure", "unit", "year", "value", "status"]
    assert [r[5] for r in rows if r[1] == "gdp"] == ["2022", "2023", "2024", "2025", "2026", "2027"]


def test_wide_template() -> None:
    rows = _rows(build_template([PLAN], years=(2022, 2024), wide=True))
    assert rows[0] == ["规划", "指标", "指标名称", "计量单位", "单位名称", "2022年", "2023年", "2024年", "状态"]
    assert rows[1] == ["p1", "rd-intensity", "指标rd-intensity", "%", "", "", "", "", ""]
    assert len(rows) == 1 + 8


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
    assert len(actuals.series) == 8


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
