"""Series.plain (docs/performance.md#the-batch-path): a series is handed to the batch path only
when every row is a plain final number in consecutive years; anything else is None."""
from __future__ import annotations

import struct
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
    text = "target,year,value\nfund,2023,9000\nfund,2024,1.2亿\n"  # fund is in 万元: 1.2亿 is 12000
    assert _plain(tmp_path, text, "fund") is None
    assert _plain(tmp_path, "target,year,value\nfund,2023,9000\nfund,2024,12000\n", "fund") == (2023, [9000.0, 12000.0])


def test_a_status_other_than_final_is_not_plain(tmp_path: Path) -> None:
    text = "target,unit,year,value,status\nfirms,a,2023,1,final\nfirms,a,2024,2,preliminary\n"
    assert _plain(tmp_path, text) is None


def test_a_source_or_note_cell_is_not_plain(tmp_path: Path) -> None:
    text = "target,unit,year,value,note\nfirms,a,2023,1,\nfirms,a,2024,2,据快报\n"
    assert _plain(tmp_path, text) is None


def test_a_series_built_by_hand_takes_the_exact_rules() -> None:
    series = as_series({2023: Observation(1.0, "final", "x.csv", 2, 4)})
    assert series.plain() is None


# -- many series at once (the JSON report's observed pairs: docs/performance.md#json-from-the-columns) --

@pytest.mark.parametrize(("a_rows", "b_rows", "together"), [
    ("2023,1.5\n2024,3\n2025,-2\n", "2023,0\n2024,-0.0\n2025,1e300\n", True),
    ("2023,1.5\n2024,3\n", "2023,1\n2024,2\n2025,3\n", False),  # not the same years
    ("2024,1\n2025,2\n", "2023,1\n2024,2\n", False),
    ("2023,1\n2024,2\n", "2023,1\n2024,-\n", False),  # b has a missing marker
    ("2023,1\n2024,约2\n", "2023,1\n2024,2\n", False),  # a is approximate
    ("2023,1\n2024,2\n", "2023,1\n2024,2,preliminary\n", False),
], ids=["plain", "other-years", "shifted", "missing", "approximate", "preliminary"])
def test_many_series_are_plain_together_as_each_is_alone(tmp_path: Path, a_rows: str, b_rows: str,
                                                         together: bool) -> None:
    lines = ["target,unit,year,value,status"]
    for unit, rows in (("a", a_rows), ("b", b_rows)):
        for row in rows.splitlines():
            cells = row.split(",")
            lines.append(f"firms,{unit},{cells[0]},{cells[1]},{cells[2] if len(cells) > 2 else 'final'}")
    actuals = read_actuals([write(tmp_path, "\n".join(lines) + "\n")], plans=[PLAN])
    views = [actuals.get("p1", "firms", unit) for unit in ("a", "b")]
    made = type(views[0]).plain_columns(views)  # type: ignore[attr-defined]  # a series read from a file
    runs = [view.plain() for view in views]
    if not together:
        assert made is None
        return
    assert runs[0] is not None and runs[1] is not None
    first, years, values = made
    assert (first, years) == (runs[0][0], len(runs[0][1])) == (runs[1][0], len(runs[1][1]))
    assert [struct.pack("<d", v) for v in values] == [struct.pack("<d", v) for v in runs[0][1] + runs[1][1]]
    assert type(views[0]).plain_columns(views[:1]) is not None  # type: ignore[attr-defined]
    assert type(views[0]).plain_columns([]) is None  # type: ignore[attr-defined]
