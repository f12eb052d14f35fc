"""The long-form row loop's shortcuts (docs/performance.md#reading): a series reused while its
key cells repeat, plain numbers stored directly, the caches freed with the file."""
from __future__ import annotations

import gc
from pathlib import Path

from policycheck.actuals.load import read_actuals
from policycheck.actuals.resolve import Sink
from policycheck.observations import Actuals
from tests.helpers.csv_inputs import make_plan, write

PLAN = make_plan()


def _read(tmp_path: Path, text: str) -> Actuals:
    return read_actuals([write(tmp_path, text)], plans=[PLAN])


def _rules(actuals: Actuals) -> list[tuple[str, str, int, int]]:
    return [(f.rule, f.level, f.line, f.column) for f in actuals.findings]


def test_series_alternating_row_by_row_keep_their_own_values(tmp_path: Path) -> None:
    text = ("target,unit,year,value\n"
            "firms,a,2023,1\nfirms,b,2023,2\nfirms,a,2024,3\nfirms,b,2024,4\n"
            "firms,a,2025,5\nfirms,a,2026,6\nfirms,b,2025,7\n")
    actuals = _read(tmp_path, text)
    assert actuals.findings == []
    a, b = actuals.series[("p1", "firms", "a")], actuals.series[("p1", "firms", "b")]
    assert [(y, a[y].value, a[y].line) for y in a] == [(2023, 1.0, 2), (2024, 3.0, 4), (2025, 5.0, 6),
                                                       (2026, 6.0, 7)]
    assert [(y, b[y].value, b[y].line) for y in b] == [(2023, 2.0, 3), (2024, 4.0, 5), (2025, 7.0, 8)]


def test_a_blank_row_does_not_hide_the_missing_target_of_the_next(tmp_path: Path) -> None:
    # Both rows have empty key cells: the first is blank (skipped quietly), the second has a value.
    actuals = _read(tmp_path, "target,year,value\n,,\n,2023,5\n,2024,6\ngdp,2023,7\n")
    assert _rules(actuals) == [("PC403", "error", 3, 1)]
    assert str(actuals.findings[0].message).endswith("(2 rows)")  # the two rows it covers
    assert actuals.series[("p1", "gdp", None)][2023].value == 7.0


def test_off_the_fast_path_within_a_series_of_plain_numbers(tmp_path: Path) -> None:
    # The same series before and after each cell the full parser must see: the bound, a
    # float() spelling the parser refuses, a missing marker, a grouped number, a bad status.
    text = ("target,year,value,status\n"
            "gdp,2018,1e300,final\n"
            "gdp,2019,1e301,final\n"
            "gdp,2020,1_500,final\n"
            "gdp,2021,nan,final\n"
            "gdp,2022,\"1,500\",estimate\n"
            "gdp,2023,-,final\n"
            "gdp,2024,12,maybe\n"
            "gdp,2025,-1e300,preliminary\n")
    actuals = _read(tmp_path, text)
    # 1e300 among 1,500 stands orders of magnitude apart: a PC416 warning at it, after reading
    assert [(f.rule, f.line, f.column) for f in actuals.findings] == [
        ("PC402", 3, 3), ("PC402", 4, 3), ("PC402", 5, 3), ("PC402", 8, 4), ("PC416", 2, 3)]
    gdp = actuals.series[("p1", "gdp", None)]
    assert [(y, gdp[y].value, gdp[y].status) for y in gdp] == [
        (2018, 1e300, "final"), (2022, 1500.0, "estimate"), (2023, None, "final"), (2025, -1e300, "preliminary")]


def test_the_readers_caches_are_freed_with_the_file(tmp_path: Path) -> None:
    # The reader refers to itself through its period helper; with the collector paused its
    # per-series caches must still go when the file is done (docs/performance.md#reading).
    text = "target,unit,year,value\n" + "".join(f"firms,{u},{y},1\n" for u in "ab" for y in range(2023, 2026))
    was = gc.isenabled()
    gc.disable()
    try:
        actuals = _read(tmp_path, text)
        sinks = [o for o in gc.get_objects() if isinstance(o, Sink) and o.key is not None]
    finally:
        if was:
            gc.enable()
    assert actuals.findings == []
    assert sinks == []
