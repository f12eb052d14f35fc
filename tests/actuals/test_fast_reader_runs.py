"""Year and status columns that repeat one run of cells (policycheck/actuals/fastcells.py, _period).

National data lists 2018 to 2025 in every series and one status throughout: the
Arrow reader parses the first run of cells once and repeats it, after checking
that the column equals itself shifted by the run.  Every other shape of column
is encoded cell by cell.  Each case compares both readers' findings, series
order and observations (docs/performance.md#the-arrow-path).
"""
from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from policycheck.actuals import fastcells, load
from policycheck.actuals.fastcsv import read_fast
from policycheck.actuals.load import read_actuals
from policycheck.actuals.store import ObservationTable
from policycheck.plans.build import load_plan
from tests.helpers.paths import ROOT

pytest.importorskip("pyarrow")

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate  # noqa: E402  (bench/generate.py: the national data, at a small scale)


@pytest.fixture(autouse=True)
def _row_reader(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The exact reader here is the row reader (the bulk reader is compared with it in test_bulk_reader.py)."""
    monkeypatch.setattr(load, "BULK", False)
    yield


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """A plan and the lines of its generated actuals: 57 counties, 50 targets, 8 years, all final."""
    plan, actuals, rows = generate(tmp_path_factory.mktemp("national"), 0.02)
    assert rows == 22_800
    return plan, actuals.read_text(encoding="utf-8").splitlines(keepends=True)


def _read(path: Path, plan: Path, reader: str) -> tuple[list[str], list[Any], dict[Any, Any]]:
    actuals = read_actuals([str(path)], plans=[load_plan(str(plan))], reader=reader)
    return ([repr(f) for f in actuals.findings], list(actuals.series),
            {key: dict(series) for key, series in actuals.series.items()})


def _periods(monkeypatch: pytest.MonkeyPatch, path: Path, plan: Path) -> tuple[bool, list[int]]:
    """Whether the fast path takes the file, and the run _period found in the year and status columns."""
    found: list[int] = []
    period = fastcells._period

    def seen(column: Any) -> int:
        found.append(period(column))
        return found[-1]

    monkeypatch.setattr(fastcells, "_period", seen)
    takes = read_fast(str(path), path.read_bytes(), "utf-8", ObservationTable(), {},
                      plans=[load_plan(str(plan))], allow_unknown=False)
    monkeypatch.setattr(fastcells, "_period", period)
    return takes, found


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
    fast, exact = _read(path, plan, "fast"), _read(path, plan, "exact")
    assert fast == exact
    assert bool(exact[0]) is not takes  # a finding exactly where the fast path refuses the file


def test_a_file_not_sorted_by_series(monkeypatch: pytest.MonkeyPatch, national: tuple[Path, list[str]],
                                     tmp_path: Path) -> None:
    """Rows by year, then target and unit: the first year comes again only after every series."""
    plan, lines = national
    path = tmp_path / "actuals.csv"
    path.write_text(lines[0] + "".join(sorted(lines[1:], key=lambda line: line.split(",")[2])), encoding="utf-8")
    assert _periods(monkeypatch, path, plan) == (True, [0, 1])
    assert _read(path, plan, "fast") == _read(path, plan, "exact")


def test_a_one_row_file(national: tuple[Path, list[str]], tmp_path: Path) -> None:
    plan, lines = national
    path = tmp_path / "actuals.csv"
    path.write_text(lines[0] + lines[1], encoding="utf-8")
    assert fastcells._period(_column("2018")) == 0
    assert _read(path, plan, "fast") == _read(path, plan, "exact")


def _column(*cells: str) -> Any:
    import pyarrow as pa

    return pa.array(list(cells), pa.string())


@pytest.mark.parametrize(("cells", "period"), [
    (("a", "a", "a"), 1), (("a", "b", "a", "b", "a"), 2), (("a", "b", "a", "c"), 0), (("a", "b", "c"), 0),
    (("a", "b", "b", "a", "b", "b"), 3), (("a", "a", "b"), 0), (("a", "a", "b", "a", "a", "b", "a"), 3),
    (("a",) * 1500 + ("b",), 0)])
def test_the_period_of_a_column(cells: tuple[str, ...], period: int) -> None:
    assert fastcells._period(_column(*cells)) == period
