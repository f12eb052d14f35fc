"""The marks of a result as people read them: 属性, 据报, 约, grade names (docs/reports.md)."""
from __future__ import annotations

import json
from dataclasses import replace

import pytest

from policycheck.reporters import RenderOptions, render
from policycheck.reporters.common import actual_text, approximate_note, status_text
from policycheck.reporters.json_text import report_json
from tests.helpers.report_demo import RESULTS, build_report

BASE = RESULTS[0]  # rd-intensity: met, binding, actual 3.7


@pytest.mark.parametrize(("fields", "zh", "en"), [
    ({}, "已达成", "met"),
    ({"attribute": "binding"}, "已达成（约束性）", "met (binding)"),
    ({"attribute": "expected", "status": "missed"}, "未达成（预期性）", "missed (expected)"),
    ({"commitment": "aspirational", "attribute": "expected"}, "已达成（力争，预期性）", "met (aspirational, expected)"),
    ({"stated": "提前完成", "actual": None}, "已达成（据报）", "met (stated)"),
])
def test_status_marks(fields: dict[str, object], zh: str, en: str) -> None:
    result = replace(BASE, **fields)
    assert (status_text(result, "zh"), status_text(result, "en")) == (zh, en)


@pytest.mark.parametrize(("fields", "zh", "en"), [
    ({}, "3.7", "3.7"),
    ({"approximate": True}, "约3.7", "≈3.7"),
    ({"stated": "提前完成", "actual": None}, "提前完成", "提前完成"),
    ({"category": "一级", "actual": 2.0}, "一级", "一级"),
    ({"actual": None, "approximate": True}, "—", "—"),
])
def test_actual_text(fields: dict[str, object], zh: str, en: str) -> None:
    result = replace(BASE, **fields)
    assert (actual_text(result, "zh"), actual_text(result, "en")) == (zh, en)


def test_one_line_messages_say_the_actual_is_approximate() -> None:
    result = replace(BASE, approximate=True)
    assert (approximate_note(result, "zh"), approximate_note(result, "en")) == (
        "（实际值为约数）", " (the actual is approximate)")
    assert approximate_note(BASE, "en") == ""


def test_json_writes_the_optional_fields_only_when_set() -> None:
    report = build_report()
    plain = json.loads(report_json(report))["results"][0]
    assert not {"direction", "attribute", "stated", "approximate", "change", "category"} & set(plain)
    marked = replace(report, results=(replace(BASE, attribute="expected", direction="up", approximate=True,
                                              change={"by": 5.0, "in": "points", "since": 2020, "actual": 1.7}),))
    data = json.loads(report_json(marked))["results"][0]
    assert {k: data[k] for k in ("direction", "attribute", "approximate", "change")} == {
        "direction": "up", "attribute": "expected", "approximate": True,
        "change": {"by": 5.0, "in": "points", "since": 2020, "actual": 1.7}}


def test_html_shows_the_marks() -> None:
    report = build_report()
    marked = replace(report, results=(replace(BASE, attribute="binding", approximate=True),))
    page = render(marked, "html", RenderOptions(lang="zh"))
    assert "已达成（约束性）" in page and "约3.7%" in page
