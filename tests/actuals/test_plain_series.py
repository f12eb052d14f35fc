"""Series.plain (docs/performance.md#the-batch-path): a series is handed to the batch path only
when every row is a plain final number in consecutive years; anything else is None."""
from __future__ import annotations

from pathlib import Path

import pytest

from policycheck.actuals.load import read_actuals
from policycheck.observations import Observation, as_series
from tests.helpers.csv_inputs import make_plan, write

PLAN = make_plan()


def _plain(tmp_path: Path, text: str, target: str = "firms") -> object:
    actuals = read_actuals([write(tmp_path, text)], plans=[PLAN])
    assert actuals.findings == []
    return actuals.get("p1", target, "a" if target == "firms" else None).plain()


def test_consecutive_final_numbers_are_plain(tmp_path: Path) -> None:
    text = "target,unit,year,value\nfirms,a,2023,1.5\nfirms,a,2024,3\nfirms,a,2025,-2\n"
    assert _plain(tmp_path, text) == (2023, [1.5, 3.0, -2.0])


def test_rows_out_of_order_are_plain_in_year_order(tmp_path: Path) -> None:
    text = "target,unit,year,value\nfirms,a,2025,5\nfirms,a,2023,3\nfirms,a,2024,4\n"
    assert _plain(tmp_path, text) == (2023, [3.0, 4.0, 5.0])


@pytest.mark.parametrize("rows", [
    "firms,a,2023,1\nfirms,a,2025,3\n",  # 2024 left out
    "firms,a,2023,1\nfirms,a,2024,-\n",  # a missing marker
    "firms,a,2023,1\nfirms,a,2024,约4\n",  # approximate
], ids=["gap", "missing", "approximate"])
def test_anything_but_plain_numbers_is_not_plain(tmp_path: Path, rows: str) -> None:
    assert _plain(tmp_path, "target,unit,year,value\n" + rows) is None


def test_a_value_converted_from_another_magnitude_is_not_plain(tmp_path: Path) -> None:
    # fund is in 万元 with a requirement of 10: 0.0012亿 is 12 (12000 would be PC416, 1,200 times it)
    text = "target,year,value\nfund,2023,9\nfund,2024,0.0012亿\n"
    assert _plain(tmp_path, text, "fund") is None
    assert _plain(tmp_path, "target,year,value\nfund,2023,9\nfund,2024,12\n", "fund") == (2023, [9.0, 12.0])


def test_a_status_other_than_final_is_not_plain(tmp_path: Path) -> None:
    text = "target,unit,year,value,status\nfirms,a,2023,1,final\nfirms,a,2024,2,preliminary\n"
    assert _plain(tmp_path, text) is None


def test_a_source_or_note_cell_is_not_plain(tmp_path: Path) -> None:
    text = "target,unit,year,value,note\nfirms,a,2023,1,\nfirms,a,2024,2,据快报\n"
    assert _plain(tmp_path, text) is None


def test_a_series_built_by_hand_takes_the_exact_rules() -> None:
    series = as_series({2023: Observation(1.0, "final", "x.csv", 2, 4)})
    assert series.plain() is None


def _series_of(tmp_path: Path, text: str) -> list[object]:
    actuals = read_actuals([write(tmp_path, text)], plans=[PLAN])
    assert actuals.findings == []
    return [actuals.series[("p1", "firms", unit)] for unit in ("a", "b")]


def test_a_whole_target_read_in_bulk_is_answered_at_once_as_one_by_one(tmp_path: Path) -> None:
    rows = "".join(f"firms,{unit},{year},{value}\n" for unit, base in (("a", 1), ("b", 5))
                   for year, value in zip((2023, 2024, 2025), (base, base + 0.5, base + 1), strict=True))
    series = _series_of(tmp_path, "target,unit,year,value\n" + rows)
    assert type(series[0]).__name__ == "DenseSeries"  # the bulk reader's store
    runs = type(series[0]).plain_each(series)  # type: ignore[attr-defined]
    assert runs == [(2023, [1.0, 1.5, 2.0]), (2023, [5.0, 5.5, 6.0])]
    assert runs == [one.plain() for one in series]  # type: ignore[attr-defined]


@pytest.mark.parametrize("rows", [
    "firms,a,2023,1\nfirms,a,2024,2\nfirms,b,2023,3\n",  # b lacks 2024
    "firms,a,2024,2\nfirms,b,2023,3\nfirms,b,2024,4\n",  # a lacks 2023
], ids=["a-short-series", "a-late-start"])
def test_a_target_with_a_gap_is_answered_series_by_series(tmp_path: Path, rows: str) -> None:
    series = _series_of(tmp_path, "target,unit,year,value\n" + rows)
    runs = type(series[0]).plain_each(series)  # type: ignore[attr-defined]
    assert runs == [one.plain() for one in series]  # type: ignore[attr-defined]
    assert None not in runs  # each still plain on its own: consecutive years, all final
    assert runs == ([(2023, [1.0, 2.0]), (2023, [3.0])] if "b,2024" not in rows
                    else [(2024, [2.0]), (2023, [3.0, 4.0])])


def test_the_latest_year_of_a_plan_looks_past_series_that_end_earlier(tmp_path: Path) -> None:
    text = "target,unit,year,value\nfirms,a,2023,1\nfirms,a,2024,2\nfirms,b,2023,3\nfirms,b,2024,4\nfirms,b,2025,-\n"
    actuals = read_actuals([write(tmp_path, text)], plans=[PLAN])
    assert actuals.findings == []
    assert actuals.latest_year("p1") == 2024  # 2025 holds only a missing marker
    more = "target,unit,year,value\nfirms,a,2026,7\n"
    both = read_actuals([write(tmp_path, text), write(tmp_path, more, "more.csv")], plans=[PLAN])
    assert both.latest_year("p1") == 2026


FULL = "target,unit,year,value\nfirms,a,2023,1\nfirms,a,2024,2\nfirms,b,2023,3\nfirms,b,2024,4\n"


def test_a_whole_target_read_in_bulk_gives_its_values_a_year_as_columns(tmp_path: Path) -> None:
    series = _series_of(tmp_path, FULL)
    kind = type(series[0])
    assert kind.plain_columns(series, (2024, 2023)) == [[2.0, 4.0], [1.0, 3.0]]  # type: ignore[attr-defined]
    assert kind.plain_columns(series, (2024,)) == [[2.0, 4.0]]  # type: ignore[attr-defined]


@pytest.mark.parametrize("case", ["year-before", "year-after", "gap", "note", "out-of-order", "not-all-dense"])
def test_the_columns_are_refused_unless_every_series_is_full_in_one_block(tmp_path: Path, case: str) -> None:
    text, years = FULL, (2024, 2023)
    if case == "year-before":
        years = (2024, 2022)
    elif case == "year-after":
        years = (2025, 2023)
    elif case == "gap":
        text = FULL.replace("firms,b,2023,3\n", "")
    elif case == "note":
        text = FULL.replace("\n", ",\n").replace("value,", "value,note", 1).replace("a,2023,1,", "a,2023,1,据快报")
    series = _series_of(tmp_path, text)
    assert type(series[0]).__name__ == "DenseSeries"  # refused by the store, not by the base class
    if case == "out-of-order":
        series.reverse()
    elif case == "not-all-dense":
        series[1] = as_series({2023: Observation(3.0, "final", "x.csv", 2, 4)})
    assert type(series[0]).plain_columns(series, years) is None  # type: ignore[attr-defined]
    assert type(series[0]).plain_each(series) == [  # type: ignore[attr-defined]
        one.plain() for one in series]  # the run of each series is asked for instead


def test_a_series_built_by_hand_gives_no_columns() -> None:
    series = [as_series({2023: Observation(1.0, "final", "x.csv", 2, 4)})]
    assert type(series[0]).plain_columns(series, (2023,)) is None
