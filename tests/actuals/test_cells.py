"""Cell parsers: numbers in the forms statisticians write, yes/no, years, statuses."""
from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policycheck.actuals.cells import (
    CellError,
    measure_factor,
    parse_any,
    parse_bool,
    parse_number,
    parse_status,
    parse_year,
)


@pytest.mark.parametrize(("cell", "expected"), [
    ("3.6", 3.6), (" 3.6 ", 3.6), ("３．６", 3.6), ("1,500", 1500.0), ("1,234,567.5", 1234567.5),
    ("3.6%", 3.6), ("3.6 %", 3.6), ("３.６％", 3.6), ("-2.5", -2.5), ("\u22122.5", -2.5),
    ("1e3", 1000.0), (".5", 0.5), ("１，５００", 1500.0),
])
def test_number_forms(cell: str, expected: float) -> None:
    assert parse_number(cell) == expected


@pytest.mark.parametrize("cell", ["", "  ", "-", "—", "/", "NA", "na", "N/A", "..", "…", "无数据", "——", "－"])
def test_missing_markers_are_none(cell: str) -> None:
    assert parse_number(cell) is None
    assert parse_bool(cell) is None


def test_magnitude_suffix_against_the_target_measure() -> None:
    assert parse_number("1728万", "亿元") == pytest.approx(0.1728)
    assert parse_number("2.5亿", "万元") == 25000.0
    assert parse_number("3亿", "亿元") == 3.0
    assert parse_number("1728万") == 17280000.0  # no plan: absolute


def test_magnitude_suffix_needs_a_wan_or_yi_measure() -> None:
    with pytest.raises(CellError, match="万… or 亿…"):
        parse_number("1728万", "家")


@pytest.mark.parametrize("cell", ["abc", "nan", "inf", "-inf", "1e999", "1,50", "12,3456", "1_000", "3.6%%",
                                  "1.2.3", "0x10"])
def test_not_numbers(cell: str) -> None:
    with pytest.raises(CellError) as info:
        parse_number(cell)
    assert repr(cell) in str(info.value)
    assert "1,500" in str(info.value)  # says what would be accepted


@pytest.mark.parametrize(("cell", "expected"), [
    ("1", True), ("0", False), ("TRUE", True), ("false", False), ("Yes", True), ("no", False),
    ("是", True), ("否", False), ("已完成", True), ("未完成", False), ("达成", True), ("未达成", False),
    ("已达成", True), ("√", True), ("×", False),
])
def test_milestone_words(cell: str, expected: bool) -> None:
    assert parse_bool(cell) is expected


def test_milestone_word_rejected() -> None:
    with pytest.raises(CellError, match="not yes/no"):
        parse_bool("maybe")


def test_parse_any_without_plan() -> None:
    assert parse_any("1,500") == 1500.0
    assert parse_any("是") is True
    with pytest.raises(CellError):
        parse_any("abc")


@pytest.mark.parametrize(("cell", "expected"), [("2023", 2023), ("2023年", 2023), (" ２０２３ ", 2023),
                                                ("1900", 1900), ("2200", 2200)])
def test_years(cell: str, expected: int) -> None:
    assert parse_year(cell) == expected


@pytest.mark.parametrize("cell", ["1899", "2201", "2023.5", "23", "二〇二三", "", "2023-01"])
def test_bad_years(cell: str) -> None:
    with pytest.raises(CellError, match="between 1900 and 2200"):
        parse_year(cell)


@pytest.mark.parametrize(("cell", "expected"), [
    ("", "final"), ("final", "final"), ("正式", "final"), ("年报", "final"), ("Preliminary", "preliminary"),
    ("快报", "preliminary"), ("初步", "preliminary"), ("estimate", "estimate"), ("预计", "estimate"),
    ("估计", "estimate"),
])
def test_statuses(cell: str, expected: str) -> None:
    assert parse_status(cell) == expected


def test_unknown_status() -> None:
    with pytest.raises(CellError, match="unknown data status 'draft'"):
        parse_status("draft")


@pytest.mark.parametrize(("got", "want", "factor"), [
    ("%", "%", 1.0), ("％", "%", 1.0), ("万元", "亿元", 1e-4), ("亿元", "万元", 1e4), ("元", "万元", 1e-4),
    ("家", "家", 1.0), ("个", "家", None), ("万元", "家", None), ("万", "亿", None),
])
def test_measure_factor(got: str, want: str, factor: float | None) -> None:
    assert measure_factor(got, want) == factor



_FULLWIDTH = str.maketrans("0123456789.,%-", "０１２３４５６７８９．，％－")


@given(
    number=st.decimals(min_value=-10**12, max_value=10**12, places=3, allow_nan=False, allow_infinity=False),
    grouped=st.booleans(), fullwidth=st.booleans(), percent=st.booleans(),
    left=st.sampled_from(["", " ", "  ", "\u3000", "\t"]), right=st.sampled_from(["", " ", "\u3000"]),
)
def test_any_accepted_form_parses_back(number: object, grouped: bool, fullwidth: bool, percent: bool,
                                       left: str, right: str) -> None:
    """Plain, thousands separators, full-width, trailing %, with spaces: the same float."""
    text = f"{number:,}" if grouped else f"{number}"
    if percent:
        text += "%"
    if fullwidth:
        text = text.translate(_FULLWIDTH)
    parsed = parse_number(left + text + right)
    assert parsed == float(str(number))
    assert parsed is not None and math.isfinite(parsed)
