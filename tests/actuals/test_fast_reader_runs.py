"""Year and status columns that repeat one run of cells (policycheck/actuals/fastcells.py, period).

National data lists 2018 to 2025 in every series and one status throughout: the
Arrow reader parses the first run of cells once and repeats it, after checking
that the column equals itself shifted by the run.  Every other shape of column
is encoded cell by cell.  Each case compares both readers' findings, series
order and observations (docs/performance.md#the-arrow-path).
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from policycheck.actuals import fastcells, fastseries, load
from tests.helpers.national import fast_takes, national_data, read_all

pytest.importorskip("pyarrow")


@pytest.fixture(autouse=True)
def _row_reader(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The exact reader here is the row reader (the bulk reader is compared with it in test_bulk_reader.py)."""
    monkeypatch.setattr(load, "BULK", False)
    yield


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """A plan and the lines of its generated actuals: 57 counties, 50 targets, 8 years, all final."""
    plan, actuals = national_data(tmp_path_factory.mktemp("national"))
    return plan, actuals.read_text(encoding="utf-8").splitlines(keepends=True)


def _answers(monkeypatch: pytest.MonkeyPatch, module: Any, name: str, path: Path, plan: Path) -> tuple[bool, list[Any]]:
    """Whether the fast path takes the file, and what ``module.name`` answered each time it was asked."""
    found: list[Any] = []
    function = getattr(module, name)

    def seen(*args: Any) -> Any:
        found.append(function(*args))
        return found[-1]

    monkeypatch.setattr(module, name, seen)
    takes = fast_takes(path, plan)
    monkeypatch.setattr(module, name, function)
    return takes, found


def _periods(monkeypatch: pytest.MonkeyPatch, path: Path, plan: Path) -> tuple[bool, list[Any]]:
    """Whether the fast path takes the file, and the run period found in the year and status columns."""
    return _answers(monkeypatch, fastcells, "period", path, plan)


def _cells(lines: list[str], change: Callable[[int, list[str]], list[str] | None]) -> str:
    """The file with ``change(row, cells)`` for each row (row 1: the first; None drops the row)."""
    out = [lines[0]]
    for row, line in enumerate(lines[1:], 1):
        cells = change(row, line.rstrip("\n").split(","))
        if cells is not None:
            out.append(",".join(cells) + "\n")
    return "".join(out)


def _status(row: int, cells: list[str], word: str) -> list[str]:
    return cells[:4] + [word]


#: name: (change of each row, whether the fast path takes the file, the periods of year and status)
CASES: dict[str, tuple[Callable[[int, list[str]], list[str] | None], bool, list[int]]] = {
    "as generated": (lambda row, cells: cells, True, [8, 1]),
    "one series with a year missing": (lambda row, cells: None if row == 8 * 300 + 3 else cells, True, [0, 1]),
    # t44,c0049's years one later: the year column is not the same run in every series
    "one series a year later": (lambda row, cells: cells[:2] + [str(int(cells[2]) + 1)] + cells[3:]
                                if cells[:2] == ["t44", "c0049"] else cells, True, [0, 1]),
    "a status that changes within a series": (lambda row, cells: _status(row, cells, "preliminary")
                                              if row == 20_000 else cells, True, [8, 0]),
    "the last year of each series preliminary": (lambda row, cells: _status(row, cells, "初步")
                                                 if row % 8 == 0 else cells, True, [8, 8]),
    # a run of three, across series: the first cell comes again after one, but the column repeats every three
    "final, final, estimate": (lambda row, cells: _status(row, cells, "estimate" if row % 3 == 0 else "final"),
                               True, [8, 3]),
    "every cell of a run not a year": (lambda row, cells: cells[:2] + ["20x5"] + cells[3:]
                                       if cells[2] == "2025" else cells, False, [8, 1]),
    "every status of a run unknown": (lambda row, cells: _status(row, cells, "draft")
                                      if row % 8 == 1 else cells, False, [8, 8]),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_shape_of_year_and_status_column(monkeypatch: pytest.MonkeyPatch, national: tuple[Path, list[str]],
                                             tmp_path: Path, case: str) -> None:
    change, takes, periods = CASES[case]
    plan, lines = national
    path = tmp_path / "actuals.csv"
    path.write_text(_cells(lines, change), encoding="utf-8")
    assert _periods(monkeypatch, path, plan) == (takes, periods)
    fast, exact = read_all(path, plan, "fast"), read_all(path, plan, "exact")
    assert fast == exact
    assert bool(exact[0]) is not takes  # a finding exactly where the fast path refuses the file


def test_a_file_not_sorted_by_series(monkeypatch: pytest.MonkeyPatch, national: tuple[Path, list[str]],
                                     tmp_path: Path) -> None:
    """Rows by year, then target and unit: the first year comes again only after every series."""
    plan, lines = national
    path = tmp_path / "actuals.csv"
    path.write_text(lines[0] + "".join(sorted(lines[1:], key=lambda line: line.split(",")[2])), encoding="utf-8")
    assert _periods(monkeypatch, path, plan) == (True, [0, 1])
    assert read_all(path, plan, "fast") == read_all(path, plan, "exact")


def test_a_one_row_file(national: tuple[Path, list[str]], tmp_path: Path) -> None:
    plan, lines = national
    path = tmp_path / "actuals.csv"
    path.write_text(lines[0] + lines[1], encoding="utf-8")
    assert fastcells.period(_column("2018")) == 0
    assert read_all(path, plan, "fast") == read_all(path, plan, "exact")


def _column(*cells: str) -> Any:
    import pyarrow as pa

    return pa.array(list(cells), pa.string())


@pytest.mark.parametrize(("cells", "period"), [
    (("a", "a", "a"), 1), (("a", "b", "a", "b", "a"), 2), (("a", "b", "a", "c"), 0), (("a", "b", "c"), 0),
    (("a", "b", "b", "a", "b", "b"), 3), (("a", "a", "b"), 0), (("a", "a", "b", "a", "a", "b", "a"), 3),
    (("a",) * 1500 + ("b",), 0)])
def test_the_period_of_a_column(cells: tuple[str, ...], period: int) -> None:
    assert fastcells.period(_column(*cells)) == period


def _runs(monkeypatch: pytest.MonkeyPatch, path: Path, plan: Path) -> tuple[bool, list[Any]]:
    """Whether the fast path takes the file, and whether it resolved one row of each run of rows."""
    return _answers(monkeypatch, fastseries, "_same_within_runs", path, plan)


def _row_20000(lines: list[str], column: int, cell: str) -> str:
    """The file with ``cell`` in column ``column`` of row 20,000 (t44, c0049, 2025)."""
    return _cells(lines, lambda row, cells: cells[:column] + [cell] + cells[column + 1:] if row == 20_000 else cells)


def _series_twice(lines: list[str]) -> str:
    """t44,c0049's eight rows again at the end: its years repeat, a duplicate for each."""
    return "".join(lines) + "".join(line for line in lines[1:] if line.startswith("t44,c0049,"))


#: name: (the file from the generated lines, whether the fast path takes it, whether one row of each run was resolved)
RUN_CASES: dict[str, tuple[Callable[[list[str]], str], bool, list[bool]]] = {
    "as generated": (lambda lines: "".join(lines), True, [True]),
    # row 20,000 (t44, c0049, 2025) in t44,c0050's series, which has a 2025 already
    "a unit that changes within a series": (lambda lines: _row_20000(lines, 1, "c0050"), False, [False]),
    # the same series, named two ways within its run: resolved row by row
    "a unit by its name within a series": (lambda lines: _row_20000(lines, 1, "县级单位0049"), True, [False]),
    "a target by its name within a series": (lambda lines: _row_20000(lines, 0, "基准指标44"), True, [False]),
    "the rows of a series twice": (_series_twice, False, [True]),
    "series in reverse order": (lambda lines: lines[0] + "".join(
        "".join(lines[1 + 8 * k:9 + 8 * k]) for k in range(len(lines) // 8 - 1, -1, -1)), True, [True]),
    "a plan column": (lambda lines: _cells(lines, lambda row, cells: cells + ["bench-national-57"]).replace(
        "status\n", "status,plan\n", 1), True, [True]),
}


@pytest.mark.parametrize("case", sorted(RUN_CASES))
def test_one_row_of_each_run_of_rows(monkeypatch: pytest.MonkeyPatch, national: tuple[Path, list[str]],
                                     tmp_path: Path, case: str) -> None:
    make, takes, runs = RUN_CASES[case]
    plan, lines = national
    path = tmp_path / "actuals.csv"
    path.write_text(make(lines), encoding="utf-8")
    assert _runs(monkeypatch, path, plan) == (takes, runs)
    fast, exact = read_all(path, plan, "fast"), read_all(path, plan, "exact")
    assert fast == exact
    assert bool(exact[0]) is not takes


@pytest.mark.parametrize(("run", "size"), [(8, 12), (8, 8), (1, 16), (0, 16)])
def test_runs_that_cannot_be(run: int, size: int) -> None:
    """No run of 0 or 1 row, none that does not divide the rows, and not one run alone."""
    columns = [_column(*(["t01"] * size))]
    assert not fastseries._same_within_runs(columns, [0], run)
    assert fastseries._same_within_runs(columns, [0], 4) is (size % 4 == 0)


def test_spread_and_steps() -> None:
    import pyarrow as pa

    assert fastseries._steps(0, 8, 4).to_pylist() == [0, 8, 16, 24]
    assert fastseries._spread(pa.array([5, 6], pa.int32()), 3).to_pylist() == [5, 5, 5, 6, 6, 6]
