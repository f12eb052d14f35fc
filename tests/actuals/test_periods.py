"""Periods within a year in actuals CSV files (docs/actuals.md#periods): each form, YTD vs single month."""
from __future__ import annotations

from pathlib import Path

import pytest

from policycheck.actuals.load import read_actuals
from policycheck.model import Superseded
from policycheck.observations import Actuals, Observation
from policycheck.periods import Period, PeriodError, parse_as_of, parse_basis, parse_period
from tests.helpers.csv_inputs import make_plan, write

PLAN = make_plan()


def _read(tmp_path: Path, text: str) -> Actuals:
    return read_actuals([write(tmp_path, text)], plans=[PLAN])


def _rules(actuals: Actuals) -> list[tuple[str, str, int, int]]:
    return [(f.rule, f.level, f.line, f.column) for f in actuals.findings]


def _periods(actuals: Actuals, target: str = "gdp") -> dict[Period, float | bool | None]:
    return {period: obs.value for period, obs in actuals.periods[("p1", target, None)].items()}


@pytest.mark.parametrize(("text", "period"), [
    ("2025年1-9月", Period(2025, 1, 9)),
    ("2025年1—9月", Period(2025, 1, 9)),
    ("2025年1～9月份", Period(2025, 1, 9)),
    ("2025年1至9月", Period(2025, 1, 9)),
    ("２０２５年１－９月", Period(2025, 1, 9)),
    ("2025年前三季度", Period(2025, 1, 9)),
    ("2025年上半年", Period(2025, 1, 6)),
    ("2025H1", Period(2025, 1, 6)),
    ("2025年一季度", Period(2025, 1, 3)),
    ("2025Q1", Period(2025, 1, 3)),
    ("2025年前8个月", Period(2025, 1, 8)),
    ("2025年1月", Period(2025, 1, 1)),
    ("2025年9月当月", Period(2025, 9, 9)),
    ("2025年9月（累计）", Period(2025, 1, 9)),
    ("2025-09 累计", Period(2025, 1, 9)),
    ("2025Q3累计", Period(2025, 1, 9)),
    ("2025年三季度(当季)", Period(2025, 7, 9)),
    ("2025年十一月当月", Period(2025, 11, 11)),
    ("2025", Period(2025, 1, 12)),
    ("2025年", Period(2025, 1, 12)),
    ("2025年1-12月", Period(2025, 1, 12)),
    ("2025年全年", Period(2025, 1, 12)),
])
def test_each_period_form(text: str, period: Period) -> None:
    assert parse_period(text) == period


@pytest.mark.parametrize(("text", "basis", "period"), [
    ("2025-09", "ytd", Period(2025, 1, 9)),
    ("2025-09", "single", Period(2025, 9, 9)),
    ("2025年9月", "single", Period(2025, 9, 9)),
    ("2025Q3", "ytd", Period(2025, 1, 9)),
    ("2025Q3", "single", Period(2025, 7, 9)),
    ("2025年下半年", "single", Period(2025, 7, 12)),
    ("2025年上半年", "single", Period(2025, 1, 6)),  # the half alone is the year to date
])
def test_a_basis_completes_a_label_that_names_one_month_quarter_or_half(text: str, basis: str,
                                                                        period: Period) -> None:
    assert parse_period(text, basis=basis) == period  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "basis", "message"), [
    ("2025-09", None, "period '2025-09' does not say whether its figure is the year to date (累计) or month 9 "
                      "alone (当月): write 2025年1-9月 for the year to date, or add 当月 or 累计 to the label, "
                      "or add a basis (口径) column with 累计 or 当月"),
    ("2025Q3", None, "or quarter 3 alone (当季): write 2025年1-9月 for the year to date"),
    ("2025年1-9月", "single", "is the year to date (累计) but the basis says the period alone (当月)"),
    ("2025年7-9月", "ytd", "does not start in January, so it is not year to date"),
    ("2025年9月当月", "ytd", "says 当月 (the period alone) but the basis (口径) cell says 累计 (year to date)"),
    ("2025-13", None, "period '2025-13' does not name months between 1 and 12 in order"),
    ("2025年9-1月", None, "does not name months between 1 and 12 in order"),
    ("23", None, "year '23' is not an integer between 1900 and 2200 (2023 or 2023年), nor a period of one"),
    ("2025.09", None, "year '2025.09' is not an integer between 1900 and 2200"),
])
def test_periods_that_cannot_be_read_say_what_would_be_right(text: str, basis: str | None,
                                                             message: str) -> None:
    with pytest.raises(PeriodError) as caught:
        parse_period(text, basis=basis)  # type: ignore[arg-type]
    assert message in str(caught.value)


def test_basis_words() -> None:
    assert [parse_basis(w) for w in ("累计", " 当月 ", "本季", "YTD", "")] == ["ytd", "single", "single", "ytd",
                                                                            None]
    with pytest.raises(PeriodError, match="unknown basis '同比'"):
        parse_basis("同比")


@pytest.mark.parametrize(("text", "point"), [
    ("2025-09", (2025, 9)), ("2025Q3", (2025, 9)), ("2025H1", (2025, 6)), ("2025年1-9月", (2025, 9)),
    ("2025年前三季度", (2025, 9)), ("2025", (2025, 12)), ("2025-12", (2025, 12)), ("2025Q4", (2025, 12)),
])
def test_as_of_points_name_the_end_of_their_months(text: str, point: tuple[int, int]) -> None:
    assert parse_as_of(text) == point


def test_period_keys_and_labels() -> None:
    ytd, month = Period(2025, 1, 9), Period(2025, 9, 9)
    assert (ytd.key, month.key) == ("2025-01/2025-09", "2025-09")
    assert (ytd.label(), month.label(), ytd.label("en"), month.label("en")) == (
        "2025年1-9月", "2025年9月", "2025 Jan-Sep", "2025 Sep")


def test_long_form_period_column_keeps_in_year_rows_apart_from_years(tmp_path: Path) -> None:
    actuals = _read(tmp_path, "指标,期别,数值,口径\n"
                              "gdp,2024年,1800,\n"
                              "gdp,2025年1-9月,1400,\n"
                              "gdp,2025-09,160,当月\n"
                              "gdp,2025Q3,470,当季\n"
                              "gdp,2025年1-12月,1900,\n")
    assert actuals.findings == []
    assert dict(actuals.series[("p1", "gdp", None)].items()) == {
        2024: Observation(1800.0, "final", actuals.files[0], 2, 3),
        2025: Observation(1900.0, "final", actuals.files[0], 6, 3)}
    assert _periods(actuals) == {Period(2025, 1, 9): 1400.0, Period(2025, 9, 9): 160.0, Period(2025, 7, 9): 470.0}
    assert actuals.periods[("p1", "gdp", None)][Period(2025, 9, 9)].line == 4


def test_the_year_column_takes_periods_too_so_pc408_is_gone_for_them(tmp_path: Path) -> None:
    actuals = _read(tmp_path, "target,year,value\ngdp,2025年1-9月,1400\ngdp,2025年前三季度,1400\n"
                              "gdp,2025年9月,150\n")
    assert _rules(actuals) == [("PC405", "warning", 3, 3), ("PC408", "error", 4, 2)]
    assert "duplicate of line 2 (same period 2025年1-9月, status and value)" in actuals.findings[0].message
    assert _periods(actuals) == {Period(2025, 1, 9): 1400.0}


def test_year_and_period_columns_together(tmp_path: Path) -> None:
    actuals = _read(tmp_path, "target,year,period,value,basis\n"
                              "gdp,2025,1-9月,1400,\n"
                              "gdp,2025,9月,150,当月\n"
                              "gdp,2025,,1900,\n"
                              "gdp,,2024年上半年,800,\n"
                              "gdp,2025,2024年1-6月,1,\n")
    assert _rules(actuals) == [("PC408", "error", 6, 3)]
    assert "names the year 2024 but the year column says 2025" in actuals.findings[0].message
    assert _periods(actuals) == {Period(2025, 1, 9): 1400.0, Period(2025, 9, 9): 150.0, Period(2024, 1, 6): 800.0}
    assert actuals.series[("p1", "gdp", None)][2025].value == 1900.0


def test_ambiguous_period_without_a_basis_is_refused_at_the_cell(tmp_path: Path) -> None:
    actuals = _read(tmp_path, "target,period,value\ngdp,2025-09,150\ngdp,2025Q3,470\n")
    assert _rules(actuals) == [("PC408", "error", 2, 2), ("PC408", "error", 3, 2)]
    assert ("gdp", None) not in {(k[1], k[2]) for k in actuals.periods}


def test_bad_basis_cell_is_pc402(tmp_path: Path) -> None:
    actuals = _read(tmp_path, "target,period,value,口径\ngdp,2025-09,150,同比\n")
    assert _rules(actuals) == [("PC402", "error", 2, 4)]


def test_wide_form_period_headers(tmp_path: Path) -> None:
    actuals = _read(tmp_path, "指标,2024年,2025年一季度,2025年上半年,2025年1-9月,2025年9月当月,2025-09\n"
                              "gdp,1800,420,900,1400,160,99\n")
    assert _rules(actuals) == [("PC408", "error", 1, 7)]
    assert _periods(actuals) == {Period(2025, 1, 3): 420.0, Period(2025, 1, 6): 900.0, Period(2025, 1, 9): 1400.0,
                                 Period(2025, 9, 9): 160.0}
    assert actuals.series[("p1", "gdp", None)][2024].value == 1800.0


def test_wide_form_row_basis_completes_its_headers(tmp_path: Path) -> None:
    actuals = _read(tmp_path, "指标,口径,2025-08,2025-09\ngdp,累计,1250,1400\nrd-intensity,当月,3.1,3.2\n")
    assert actuals.findings == []
    assert _periods(actuals) == {Period(2025, 1, 8): 1250.0, Period(2025, 1, 9): 1400.0}
    assert _periods(actuals, "rd-intensity") == {Period(2025, 8, 8): 3.1, Period(2025, 9, 9): 3.2}


def test_same_period_rows_follow_the_duplicate_rules(tmp_path: Path) -> None:
    actuals = _read(tmp_path, "target,period,value,status\n"
                              "gdp,2025年1-9月,1390,快报\n"
                              "gdp,2025年1-9月,1400,\n"
                              "gdp,2025年1-9月,1410,\n")
    path = actuals.files[0]
    assert _rules(actuals) == [("PC404", "error", 4, 3)]
    assert "conflicts with 1400.0 on line 3 (same target, unit, period 2025年1-9月 and status 'final')" in (
        actuals.findings[0].message)
    assert actuals.superseded == [Superseded(path, 2, "p1", "gdp", None, 2025, "preliminary", 1390.0, "final",
                                             period="2025-01/2025-09")]


def test_in_year_values_use_the_target_parsers(tmp_path: Path) -> None:
    actuals = _read(tmp_path, "target,period,value\ngdp,2025年1-9月,1400万\ncity,2025年上半年,否\n"
                              "gdp,2025年上半年,abc\n")
    assert _rules(actuals) == [("PC402", "error", 4, 3)]
    assert _periods(actuals) == {Period(2025, 1, 9): pytest.approx(0.14)}
    assert _periods(actuals, "city") == {Period(2025, 1, 6): False}


def test_a_plain_year_compiles_no_month_pattern() -> None:
    """The month, quarter and half-year patterns are compiled on first use (docs/performance.md#start-up)."""
    from policycheck import periods

    periods._re.cache_clear()
    assert parse_period("2025") == Period(2025, 1, 12)
    assert periods._re.cache_info().currsize == 1  # the year pattern alone
    assert parse_period("2025年1-9月") == Period(2025, 1, 9)
    assert parse_period("2025年上半年") == Period(2025, 1, 6)
    assert periods._re.cache_info().currsize > 1
