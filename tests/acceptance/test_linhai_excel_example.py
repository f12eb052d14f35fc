"""examples/linhai-2025.csv: the file README.md#python-api example names, as Excel saves it."""
from __future__ import annotations

import dataclasses

import pytest

import policycheck
from tests.helpers.paths import EXAMPLES_DIR, PLANS_DIR, ROOT

EXCEL = EXAMPLES_DIR / "linhai-2025.csv"
UTF8 = EXAMPLES_DIR / "linhai.csv"


def test_saved_as_excel_on_chinese_windows() -> None:
    raw = EXCEL.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    text = raw.decode("gb18030")
    assert text.startswith("指标,年份,数值,状态,来源,计量单位,备注\r\n")
    assert text.count("\r\n") == text.count("\n") == 230


def test_spec_6_example_runs_word_for_word(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    plan = policycheck.load_plan("plans/linhai-315-2023-2027.yaml")
    actuals = policycheck.load_actuals(["examples/linhai-2025.csv"], plans=[plan])
    report = policycheck.evaluate([plan], actuals, year=2025)
    text = policycheck.render(report, "markdown")
    assert report.summary.failing == 4
    assert "不进反退" in text


def test_same_results_as_the_utf8_long_file() -> None:
    plan = policycheck.load_plan(str(PLANS_DIR / "linhai-315-2023-2027.yaml"))
    excel = policycheck.evaluate([plan], policycheck.load_actuals([str(EXCEL)], plans=[plan]))
    utf8 = policycheck.evaluate([plan], policycheck.load_actuals([str(UTF8)], plans=[plan]))
    assert [dataclasses.astuple(r)[:31] for r in excel.results] == [dataclasses.astuple(r)[:31] for r in utf8.results]
    assert [(s.line, s.target, s.year, s.status, s.value) for s in excel.superseded] == [
        (s.line, s.target, s.year, s.status, s.value) for s in utf8.superseded] == [
        (13, "rd-intensity", 2025, "estimate", 3.31)]
